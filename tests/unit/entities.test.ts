import { describe, expect, it } from 'vitest';
import { buildRegistry, closestId, entityName, namesTellingApart, sortByName } from '../../lib/views/entities';
import type { Person, Topic } from '../../lib/content/schema';

const TOPIC_IDS = [
  'command-86',
  'cybersecurity',
  'international-cooperation',
  'digital-transformation',
  'hanoi-convention',
];

const person = (id: string, en: string, vi: string): Person => ({ id, name: { en, vi }, aliases: [], roles: [] });
const topic = (id: string, en: string, vi: string): Topic => ({ id, name: { en, vi } });

describe('closestId', () => {
  it.each([
    ['comand-86', 'command-86'],
    ['command86', 'command-86'],
    ['cybersecurty', 'cybersecurity'],
    ['cyber-security', 'cybersecurity'],
    ['hanoi-conventon', 'hanoi-convention'],
    ['digital-transformaton', 'digital-transformation'],
    ['international-co-operation', 'international-cooperation'],
  ])('should suggest a known id for the typo "%s"', (typo, expected) => {
    expect(closestId(typo, TOPIC_IDS)).toBe(expected);
  });

  it('should suggest the id that contains a shortened one', () => {
    expect(closestId('convention', TOPIC_IDS)).toBe('hanoi-convention');
  });

  it.each(['weather', 'sports-results', 'abc', 'economy'])(
    'should suggest nothing for the unrelated id "%s"',
    (wanted) => {
      expect(closestId(wanted, TOPIC_IDS)).toBeUndefined();
    },
  );

  it('should suggest nothing when the registry is empty', () => {
    expect(closestId('command-86', [])).toBeUndefined();
  });

  it('should accept any iterable of ids, such as map keys', () => {
    expect(
      closestId(
        'le-dugn',
        new Map([
          ['le-dung', 1],
          ['le-huy-vinh', 2],
        ]).keys(),
      ),
    ).toBe('le-dung');
  });

  // "hanoi" is far from "hanoi-convention" by edit distance, but contained in it.
  it('should suggest the id that starts with a shortened one', () => {
    expect(closestId('hanoi', TOPIC_IDS)).toBe('hanoi-convention');
    expect(closestId('digital', TOPIC_IDS)).toBe('digital-transformation');
  });
});

describe('namesTellingApart', () => {
  // Test people: two share an English name, and differ in a tone in Vietnamese.
  const namesakes = [
    person('test-binh-grave', 'Test Van Binh', 'Tét Văn Bình'),
    person('test-other', 'Test Van Other', 'Tét Văn Khác'),
    person('test-binh-acute', 'Test Van Binh', 'Tét Văn Bính'),
  ];

  it('should tell entries of the same name apart by their names in the other language', () => {
    expect(namesTellingApart(namesakes, 'en')).toEqual(['Tét Văn Bình', undefined, 'Tét Văn Bính']);
    // In Vietnamese their names differ already.
    expect(namesTellingApart(namesakes, 'vi')).toEqual([undefined, undefined, undefined]);
  });

  it('should add nothing that does not tell them apart, nor between entries of different kinds', () => {
    const same = [person('test-a', 'Test Same', 'Tét Giống'), person('test-b', 'Test Same', 'Tét Giống')];
    expect(namesTellingApart(same, 'en')).toEqual([undefined, undefined]);
    const kinds = [
      { kind: 'topics' as const, name: { en: 'Test Command', vi: 'Chủ đề thử' } },
      { kind: 'organisations' as const, name: { en: 'Test Command', vi: 'Đơn vị thử' } },
    ];
    expect(namesTellingApart(kinds, 'en')).toEqual([undefined, undefined]);
  });
});

describe('sortByName', () => {
  const people = [
    person('dinh-van-a', 'Dinh Van A', 'Đinh Văn A'),
    person('duong-van-b', 'Duong Van B', 'Dương Văn B'),
    person('an-van-c', 'An Van C', 'Ăn Văn C'),
    person('anh-van-d', 'Anh Van D', 'Anh Văn D'),
    person('em-van-e', 'Em Van E', 'Em Văn E'),
  ];

  it('should sort Vietnamese names in the Vietnamese alphabet: D before Đ, A before Ă', () => {
    // Vietnamese alphabet: a ă â b c d đ e ê …; Đ is a letter of its own after D.
    expect(sortByName(people, 'vi').map((entry) => entry.name.vi)).toEqual([
      'Anh Văn D',
      'Ăn Văn C',
      'Dương Văn B',
      'Đinh Văn A',
      'Em Văn E',
    ]);
  });

  it("should agree with Intl.Collator('vi') on Vietnamese names", () => {
    const names = ['Đặng Thị Lan', 'Dương Văn Minh', 'Lê Dũng', 'Lương Cường', 'Ánh', 'Anh', 'Ấn', 'Ơn', 'Ô', 'Oanh'];
    const sorted = sortByName(
      names.map((name, index) => person(`person-${index}`, `P${index}`, name)),
      'vi',
    ).map((entry) => entry.name.vi);
    expect(sorted).toEqual([...names].sort(new Intl.Collator('vi').compare));
    expect(sorted.indexOf('Dương Văn Minh')).toBeLessThan(sorted.indexOf('Đặng Thị Lan'));
  });

  it('should sort by the name in the reader language', () => {
    const topics = [
      topic('command-86', 'Command 86', 'Bộ Tư lệnh 86'),
      topic('cybersecurity', 'Cybersecurity', 'An ninh mạng'),
      topic('hanoi-convention', 'Hanoi Convention', 'Công ước Hà Nội'),
    ];
    expect(sortByName(topics, 'en').map((entry) => entry.id)).toEqual([
      'command-86',
      'cybersecurity',
      'hanoi-convention',
    ]);
    expect(sortByName(topics, 'vi').map((entry) => entry.id)).toEqual([
      'cybersecurity',
      'command-86',
      'hanoi-convention',
    ]);
  });

  it('should not change the list it is given', () => {
    const input = [person('zed-person', 'Zed', 'Zed'), person('abe-person', 'Abe', 'Abe')];
    sortByName(input, 'en');
    expect(input.map((entry) => entry.id)).toEqual(['zed-person', 'abe-person']);
  });
});

describe('buildRegistry and entityName', () => {
  it('should look entities up by id in each kind', () => {
    const registry = buildRegistry({
      topics: [topic('command-86', 'Command 86', 'Bộ Tư lệnh 86')],
      people: [person('le-dung', 'Le Dung', 'Lê Dũng')],
      organisations: [],
    });
    expect(registry.topics.get('command-86')?.name.vi).toBe('Bộ Tư lệnh 86');
    expect(registry.people.has('le-dung')).toBe(true);
    expect(registry.people.has('command-86')).toBe(false);
    expect(registry.organisations.size).toBe(0);
  });

  it("should give an entity's name in the asked language", () => {
    const entry = person('le-dung', 'Le Dung', 'Lê Dũng');
    expect(entityName(entry, 'en')).toBe('Le Dung');
    expect(entityName(entry, 'vi')).toBe('Lê Dũng');
  });
});
