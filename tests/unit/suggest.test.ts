import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../lib/content/load';
import { editDistance } from '../../lib/edit-distance';
import type { Archive } from '../../lib/schema';
import { searchEntities } from '../../lib/search/documents';
import { SearchVocabularyFileSchema } from '../../lib/search/files';
import { buildSearchFiles } from '../../lib/search/search-files';
import { allowedEdits, createSpeller, suggestQuery, type Speller } from '../../lib/search/suggest';
import { frequentWords, searchVocabulary } from '../../lib/search/vocabulary';
import { searchVocabularyUrl } from '../../lib/urls';

describe('editDistance', () => {
  it.each([
    ['command', 'command', 0],
    ['comand', 'command', 1],
    ['commmand', 'command', 1],
    ['commadn', 'command', 1],
    ['cuong', 'coung', 1],
    ['hanoi', 'hannoi', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['ca', 'abc', 3],
  ])('should count the edits from "%s" to "%s" as %i, a swap of neighbours as one', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });

  it('should stop at the limit and say only that the distance is beyond it', () => {
    expect(editDistance('zzzqqq', 'command', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
    expect(editDistance('comand', 'command', 2)).toBe(1);
  });
});

describe('frequentWords', () => {
  it('should count words by folded form, keep the form written most often, and leave out numbers', () => {
    const words = frequentWords(['Hà Nội, Hà Nội và ha noi', 'Command 86 in Hà Nội', 'nội'], 10);
    expect(words.slice(0, 2)).toEqual(['Nội', 'Hà']);
    expect(words).not.toContain('86');
    expect(words).not.toContain('ha');
    expect(words).toEqual(expect.arrayContaining(['Command', 'in', 'và']));
  });

  it('should keep only the most frequent words, the same on every run', () => {
    const texts = ['beta alpha beta gamma alpha beta delta'];
    expect(frequentWords(texts, 2)).toEqual(['beta', 'alpha']);
    expect(frequentWords(texts, 4)).toEqual(['beta', 'alpha', 'delta', 'gamma']);
  });
});

describe('query suggestions on the seed archive', () => {
  let archive: Archive;
  let speller: Speller;

  beforeAll(() => {
    archive = loadContent(path.resolve('content')).archive;
    speller = createSpeller(searchEntities(archive), searchVocabulary(archive));
  });

  it.each([
    ['comand 86', 'Command 86'],
    ['Hannoi', 'Hanoi'],
    ['Luong Coung', 'Lương Cường'],
  ])('should suggest the example "%s" → "%s"', (query, expected) => {
    expect(suggestQuery(query, speller)).toBe(expected);
  });

  it.each([
    ['swapped letters in a name', 'Le Dnug', 'Lê Dũng'],
    ['swapped letters in an English word', 'conventoin', 'Convention'],
    ['a missing letter', 'digitl transformation', 'Digital transformation'],
    ['an extra letter', 'cybersecurrity', 'Cybersecurity'],
    ['a Vietnamese name without diacritics, one letter missing', 'Nguyen Minh Thng', 'Nguyễn Minh Thắng'],
    ['a Vietnamese word with a doubled letter', 'Hà Nộii', 'Hà Nội'],
    ['a Vietnamese phrase without diacritics, letters swapped', 'an ninh mnag', 'An ninh mạng'],
    ['a typo inside a longer name', 'hanoi convetion', 'Hanoi Convention'],
  ])('should correct %s: "%s"', (_case, query, expected) => {
    expect(suggestQuery(query, speller)).toBe(expected);
  });

  it.each(['zzzqqq', 'cyber security', 'le dung', 'Nguyen Minh Thang', 'chuyen doi so', 'Bộ Tư lệnh 86', 'qx'])('should suggest nothing for "%s": every word is known or nothing is near', (query) => {
    expect(suggestQuery(query, speller)).toBeNull();
  });

  it('should let short words be off by one edit and long ones by two, and numbers by none', () => {
    expect([allowedEdits('ha'), allowedEdits('noi'), allowedEdits('cuong'), allowedEdits('hannoi'), allowedEdits('86')]).toEqual([0, 1, 1, 2, 0]);
    expect(suggestQuery('Hannoii', speller)).toBe('Hanoi');
    expect(suggestQuery('Hnoii', speller)).toBeNull();
  });

  it('should write the vocabulary file with the build, capped, in both languages', async () => {
    const files = (await buildSearchFiles(archive)).files;
    const vocabulary = SearchVocabularyFileSchema.parse(JSON.parse(files.get(searchVocabularyUrl()) ?? 'null'));
    expect(vocabulary.en).toContain('Command');
    expect(vocabulary.vi).toContain('lệnh');
    expect(searchVocabulary(archive, 5).vi).toHaveLength(5);
  });
});
