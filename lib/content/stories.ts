/**
 * One story folder: its language files read and checked, its photos, and the agreement of
 * its translations (the fields both files must share). A story is published only when every
 * file of it is valid and its translations agree.
 */
import path from 'node:path';
import { digestOf, keep, reuse } from '../caches/keyed-cache';
import type { CheckCache } from '../caches/content-caches';
import { imageFormatOfName } from '../images/image-files';
import { isImageFault, type InspectedImage } from '../images/inspect';
import { LOCALES, type Locale } from '../site/i18n';
import { excerpt } from '../text/character-count';
import { ID_PATTERN } from './ids';
import { readStoryFolder } from './content-files';
import { type LinkingFile } from './internal-links';
import { type ContentProblem } from './problems';
import { STORY_FIELDS, type Frontmatter, type Story, type StoryField } from './schema';
import { numberDriftProblems, numbersFromStore, type NumberedFile } from './translation-numbers';

import {
  type ArticleSetting,
  type ArticleVersion,
  type FieldPositions,
  type FolderImages,
  readArticle,
} from './articles';
import { ARTICLES_FOLDER } from './layout';

/** How a story folder loaded, for the links that lead to it: the languages it is published and a draft in, or `unchecked` when its own errors keep it out. */
export type StoryState = { published: Locale[]; drafts: Locale[] } | 'unchecked';

export interface StoryResult {
  published?: Story;
  drafts: number;
  state: StoryState;
  /** The internal links of its files, valid or not. */
  linking: LinkingFile[];
  /** The story's aliases and where they are written, published or a draft, for a clash found later. */
  aliases?: StoryAliases;
}

/** The file and place of a story's `aliases` field. */
export interface AliasesAt {
  file: string;
  line: number;
  column: number;
}

/** A story's earlier ids, where they are written, and whether only drafts list them. */
export interface StoryAliases {
  id: string;
  aliases: readonly string[];
  at: AliasesAt;
  draft: boolean;
}

export function readStory(
  folderPath: string,
  id: string,
  setting: ArticleSetting,
  display: (file: string) => string,
  problems: ContentProblem[],
): StoryResult {
  const folderName = display(folderPath);
  const idOk = ID_PATTERN.test(id);
  if (!idOk) {
    problems.push({
      kind: 'InvalidStoryId',
      file: folderName,
      message: `the story id "${id}" is not allowed: expected 3 to 100 characters of lowercase a-z, 0-9 and "-"`,
    });
  }
  // Its files are then read without looking up the folders on their way again (readContentFile).
  const listed = readStoryFolder(folderPath, setting.root, setting.stamps);
  if (!Array.isArray(listed)) {
    problems.push(listed);
    return { drafts: 0, state: 'unchecked', linking: [] };
  }
  const names = listed.sort();
  const folder = folderImages(folderPath, names, setting, display, problems);
  for (const name of names) {
    if (LOCALES.some((locale) => name === `${locale}.md`) || folder.names.has(name)) continue;
    const lower = name.toLowerCase();
    const meant = languageFileMeant(lower);
    const hint = LOCALES.some((locale) => lower === `${locale}.md`)
      ? `Rename it to ${lower}: file names are lowercase.`
      : meant && !names.includes(meant)
        ? `Rename it to ${meant}: a story's texts are en.md and vi.md.`
        : undefined;
    problems.push({
      kind: 'UnexpectedFile',
      file: display(path.join(folderPath, name)),
      message: `unexpected file "${name}": expected en.md or vi.md`,
      ...(hint ? { hint } : {}),
    });
  }

  const versions = new Map<Locale, ArticleVersion>();
  const used = new Set<string>();
  const present = LOCALES.filter((locale) => names.includes(`${locale}.md`));
  if (present.length === 0) {
    problems.push({ kind: 'EmptyStory', file: folderName, message: 'the story folder has no en.md or vi.md' });
    return { drafts: 0, state: 'unchecked', linking: [] };
  }
  const linking: LinkingFile[] = [];
  const said: StorySaid[] = [];
  for (const locale of present) {
    const absolute = path.join(folderPath, `${locale}.md`);
    const file = display(absolute);
    const checked = readArticle(absolute, id, locale, file, setting, folder);
    problems.push(...checked.problems);
    for (const name of checked.images) used.add(name);
    if (checked.version) versions.set(locale, checked.version);
    if (checked.version)
      said.push({ file, values: checked.version.article, positions: positionsOf(checked.version), whole: true });
    else if (checked.said)
      said.push({
        file,
        ...checked.said,
        positions: JSON.parse(checked.said.positions) as FieldPositions,
        whole: false,
      });
    if (checked.links)
      linking.push({ file, storyId: id, locale, draft: checked.version?.article.draft ?? false, links: checked.links });
  }
  for (const name of folder.names) {
    if (!used.has(name))
      problems.push({
        kind: 'UnusedImage',
        file: display(path.join(folderPath, name)),
        message: `no text of the story uses the photo "${name}"`,
      });
  }
  // When the translations disagree, neither says what the story is: it is not published. A file that is not valid is
  // compared by the fields it has valid, so that its disagreement shows in the same run as its other problems.
  const mismatches = translationMismatches(said);
  problems.push(...mismatches);
  const agree = mismatches.length === 0;
  if (!idOk || versions.size !== present.length) return { drafts: 0, state: 'unchecked', linking };

  const [first, second] = [...versions.values()];
  if (first && second) problems.push(...numberDrift(first, second, setting.checkCache));
  if (present.length === 1) {
    const missing = LOCALES.find((locale) => locale !== present[0]);
    problems.push({ kind: 'MissingTranslation', file: folderName, message: `the story has no ${missing}.md yet` });
  }

  const all = [...versions.values()].map((version) => version.article);
  const drafts = all.filter((article) => article.draft).length;
  const published = setting.includeDrafts ? all : all.filter((article) => !article.draft);
  const lead = published[0];
  const leadVersion = lead && versions.get(lead.locale);
  const state: StoryState = agree
    ? {
        published: published.map((article) => article.locale),
        drafts: [...versions.values()]
          .filter((version) => version.article.draft)
          .map((version) => version.article.locale),
      }
    : 'unchecked';
  if (!agree) return { drafts, state, linking };
  // A draft's aliases are checked as a published story's: it is validated, only never published.
  const listing = leadVersion ?? [...versions.values()][0];
  const aliases =
    // Its place is read only when there are aliases to report a clash of.
    listing && listing.article.aliases.length > 0
      ? {
          aliases: {
            id,
            aliases: listing.article.aliases,
            at: { file: listing.file, ...positionsOf(listing).aliases },
            draft: all.every((article) => article.draft),
          },
        }
      : {};
  if (!lead) return { drafts, state, linking, ...aliases };
  return {
    drafts,
    state,
    linking,
    ...aliases,
    published: {
      id,
      date: lead.date,
      date_estimated: lead.date_estimated,
      topics: lead.topics,
      people: lead.people,
      organisations: lead.organisations,
      aliases: lead.aliases,
      articles: Object.fromEntries(published.map((article) => [article.locale, article])),
    },
  };
}

const positionsOf = (version: ArticleVersion) => JSON.parse(version.positions) as FieldPositions;

/** What one file of a story says of the story's shared fields: all of them (`whole`), or those valid in an invalid file. */
interface StorySaid {
  file: string;
  values: Partial<Pick<Frontmatter, StoryField>>;
  positions: FieldPositions;
  whole: boolean;
}

/** Where the second file of a story says otherwise than the first, of the fields both say. */
function translationMismatches([first, second]: readonly StorySaid[]): ContentProblem[] {
  if (!first || !second) return [];
  const says = (file: StorySaid, field: StoryField) => file.whole || field in file.values;
  return STORY_FIELDS.filter(
    (field) => says(first, field) && says(second, field) && !sameValue(first.values[field], second.values[field]),
  ).map((field) => ({
    kind: 'TranslationMismatch',
    file: second.file,
    ...second.positions[field],
    field,
    message: `differs from ${first.file}: ${shownValue(second.values[field])} here, ${shownValue(first.values[field])} there`,
  }));
}

/** The longest a message writes a field's value: a list of ids is as long as its file lets it be. */
const SHOWN_VALUE_CHARACTERS = 200;

const shownValue = (value: unknown) => excerpt(JSON.stringify(value) ?? '', SHOWN_VALUE_CHARACTERS);

function numberedFile({ file, article, numbers }: ArticleVersion): NumberedFile {
  return { file, locale: article.locale, ...numbersFromStore(numbers) };
}

/**
 * The `NumbersDiffer` warnings of a story's two files. They follow from the two files' outcomes alone (their numbers,
 * names and languages), so the check cache keeps them under both outcomes' keys, which name the files, their bytes and
 * everything their checks depend on: a story whose two files are unchanged is not compared, nor its numbers read, again.
 */
function numberDrift(first: ArticleVersion, second: ArticleVersion, cache: CheckCache | undefined): ContentProblem[] {
  const compare = () => numberDriftProblems(numberedFile(first), numberedFile(second));
  if (!cache || first.checkKey === undefined || second.checkKey === undefined) return compare();
  const key = digestOf('number drift', first.checkKey, second.checkKey);
  return (reuse(cache, key) ?? keep(cache, key, { problems: compare() })).problems;
}

/** The photo files of a story folder; the problems of those that cannot be published are reported here, once. */
function folderImages(
  folderPath: string,
  names: readonly string[],
  setting: ArticleSetting,
  display: (file: string) => string,
  problems: ContentProblem[],
): FolderImages {
  const photos = names.filter((name) => imageFormatOfName(name) !== undefined);
  const usable = new Map<string, InspectedImage>();
  for (const name of photos) {
    const absolute = path.join(folderPath, name);
    const found = setting.images?.get(absolute);
    if (found === undefined)
      problems.push({
        kind: 'InvalidImage',
        file: display(absolute),
        message: 'the photo was not inspected, so it cannot be published (load the content with its photos)',
      });
    else if ('problem' in found) problems.push(found.problem);
    else if (isImageFault(found))
      problems.push({ kind: 'InvalidImage', file: display(absolute), message: found.fault });
    else usable.set(name, found);
  }
  return { display: `${display(folderPath)}/`, names: new Set(photos), usable };
}

function sameValue(a: Frontmatter[StoryField] | undefined, b: Frontmatter[StoryField] | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return (
      a.length === b.length &&
      [...a].sort().join('\n') === [...b].sort().join('\n') &&
      new Set(a).size === new Set(b).size
    );
  return a === b;
}

/**
 * An alias must name one story only, and no story's own folder: otherwise two pages would
 * be written at one address. Reported in the file of the story that lists the alias; published
 * stories claim theirs first, so an alias a draft shares with one is reported in the draft.
 */
export function storyAliasProblems(stories: readonly StoryAliases[], storyIds: ReadonlySet<string>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const claimed = new Map<string, StoryAliases>();
  const claiming = [...stories.filter((story) => !story.draft), ...stories.filter((story) => story.draft)];
  for (const story of claiming) {
    story.aliases.forEach((alias, index) => {
      const where = { ...story.at, field: `aliases.${index}` };
      const first = claimed.get(alias);
      if (storyIds.has(alias)) {
        const own = alias === story.id;
        problems.push({
          kind: 'StoryAliasClash',
          ...where,
          message: own
            ? `"${alias}" is this story's own id, not an earlier one`
            : `"${alias}" is the id of the story in ${ARTICLES_FOLDER}/${alias}/`,
        });
      } else if (first) {
        problems.push({
          kind: 'StoryAliasClash',
          ...where,
          message: `"${alias}" is already an alias of the story "${first.id}"`,
        });
      } else claimed.set(alias, story);
    });
  }
  return problems;
}

/** Other names editors give a language's text, by the file they mean. */
const LANGUAGE_FILE_NAMES: Record<Locale, readonly string[]> = {
  en: ['eng', 'english', 'en-us', 'en-gb', 'en_us', 'en_gb'],
  vi: ['vn', 'vie', 'vietnamese', 'vi-vn', 'vi_vn', 'tieng-viet'],
};

/** The language file a file named otherly is meant to be (`vn.md`, `en.markdown`: `vi.md`, `en.md`). */
function languageFileMeant(lower: string): string | undefined {
  const stem = lower.replace(/\.(md|markdown|txt)$/, '');
  if (stem === lower) return undefined;
  const locale = LOCALES.find((each) => each === stem || LANGUAGE_FILE_NAMES[each].includes(stem));
  return locale ? `${locale}.md` : undefined;
}
