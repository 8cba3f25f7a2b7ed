/**
 * What search knows of a story in one language: the text fields it indexes and the
 * facts a result card and the facets need. Derived from the archive records.
 */
import * as z from 'zod/mini';
import { ENTITY_KINDS } from '../views/entities';
import type { Archive, CreditLink, Story } from '../content/schema';
import { LOCALES, type Locale } from '../site/locales';
import { ARCHIVE_TRANSLATOR, ID_PATTERN } from '../content/ids';
import { storyUrl } from '../site/urls';
import { parseStoryDate, storyDateProblem } from '../site/story-dates';
import { hasApostrophe, withoutPossessives } from './syllables';

// These schemas check the search files in the browser too, so they are built with zod's
// tree-shakable `zod/mini` (a small part of full zod's weight in the search page's code)
// from the same rules as the content schemas (lib/content/schema.ts), without their messages.
// jitless: the page's Content-Security-Policy has no 'unsafe-eval', and without it zod
// probes `new Function` as each object schema is built. Set before any schema exists.
z.config({ jitless: true });

const IdSchema = z.string().check(z.regex(ID_PATTERN));
const LocaleSchema = z.enum(LOCALES);
const StoryDateSchema = z.string().check(z.refine((value) => storyDateProblem(value) === null));
/** A story's number (see `number` below), or a count of them. */
export const StoryNumberSchema = z.number().check(z.int(), z.nonnegative());

/** A credit as the story's page shows it: the name in the version's language, and the registry entry it names, if any. */
const SearchCreditSchema = z.object({ name: z.string(), entity: z.optional(z.string()) });

export const SearchDocSchema = z.object({
  id: IdSchema,
  /**
   * The story's place in the archive, oldest first, the same in both languages: the
   * index's document id, a tie-break that keeps newer stories (higher numbers) first
   * without shipping dates, and what makes a story found in two languages one hit.
   * Oldest first, so that a new story takes the next number and the others keep theirs:
   * the search index can then be extended rather than rebuilt (lib/caches/search-index-cache.ts).
   */
  number: StoryNumberSchema,
  locale: LocaleSchema,
  url: z.string(),
  title: z.string(),
  summary: z.string(),
  date: StoryDateSchema,
  topics: z.array(IdSchema),
  people: z.array(IdSchema),
  organisations: z.array(IdSchema),
  /**
   * Who published, reported and translated this version, in the order its page lists them: searched as tagged names
   * are (readers look a reporter up as they look up a person a story is about), and named on the card that they match.
   */
  credits: z.object({
    source: z.optional(SearchCreditSchema),
    /** The reporter, of a version that is the outlet's own wording. */
    author: z.optional(SearchCreditSchema),
    /** The reporter, of a translation: the reporter of the text it was translated from. */
    originalReporter: z.optional(SearchCreditSchema),
    translator: z.optional(SearchCreditSchema),
  }),
  /** Plain body text, for matching and snippets. */
  text: z.string(),
  /** The lead image, for the result card's thumbnail. */
  image: z.optional(
    z.object({
      digest: z.string(),
      width: z.number().check(z.int(), z.positive()),
      height: z.number().check(z.int(), z.positive()),
    }),
  ),
});
export type SearchDoc = z.infer<typeof SearchDocSchema>;

/** One entity as search sees it: its names in both languages and its aliases. */
export const SearchEntitySchema = z.object({
  kind: z.enum(ENTITY_KINDS),
  id: IdSchema,
  name: z.object({ en: z.string(), vi: z.string() }),
  aliases: z.array(z.string()),
});
export type SearchEntity = z.infer<typeof SearchEntitySchema>;

export function searchDocuments(archive: Archive, locale: Locale): SearchDoc[] {
  return archive.stories.flatMap((story, index) => {
    const article = story.articles[locale];
    if (!article) return [];
    const number = storyNumber(archive, index);
    return [
      {
        id: story.id,
        number,
        locale,
        url: storyUrl(locale, story.id),
        title: article.title,
        summary: article.summary,
        date: story.date,
        topics: story.topics,
        people: story.people,
        organisations: story.organisations,
        credits: searchCredits(story, locale),
        text: article.text,
        ...(article.image
          ? { image: { digest: article.image.digest, width: article.image.width, height: article.image.height } }
          : {}),
      },
    ];
  });
}

export type SearchCredits = SearchDoc['credits'];
export type SearchCredit = NonNullable<SearchCredits[keyof SearchCredits]>;
/** A version's credits in the order its page lists them. */
export const CREDIT_ORDER = [
  'source',
  'author',
  'originalReporter',
  'translator',
] as const satisfies readonly (keyof SearchCredits)[];

/**
 * A version's credits, named as its page names them (components/article-credits.tsx), the archive's own translation
 * left out: it names no one a reader would look for.
 */
export function searchCredits(story: Story, locale: Locale): SearchCredits {
  const article = story.articles[locale];
  if (!article) return {};
  const credit = (name: string | undefined, link: CreditLink | undefined): SearchCredit | undefined =>
    name === undefined ? undefined : { name, ...(link ? { entity: entityKey(link.kind, link.id) } : {}) };
  const reporter = credit(article.author, article.creditLinks.author);
  // A version is the outlet's own wording only when it says so (lib/views/provenance.ts).
  const original = article.original === true;
  const credits: Record<keyof SearchCredits, SearchCredit | undefined> = {
    source: credit(article.source?.name, article.creditLinks.source),
    author: original ? reporter : undefined,
    originalReporter: original ? undefined : reporter,
    translator:
      article.translator === ARCHIVE_TRANSLATOR
        ? undefined
        : credit(article.translator, article.creditLinks.translator),
  };
  return Object.fromEntries(Object.entries(credits).filter(([, each]) => each !== undefined));
}

/** Every name a story's credits are known by: each as shown, and every name of the registry entry it names. */
export function creditNames(credits: SearchCredits, entities: ReadonlyMap<string, SearchEntity>): string[] {
  return Object.values(credits).flatMap(({ name, entity }) => {
    const named = entity === undefined ? undefined : entities.get(entity);
    return named ? [name, ...entityNames(named)] : [name];
  });
}

export function searchEntities(archive: Archive): SearchEntity[] {
  return ENTITY_KINDS.flatMap((kind) =>
    archive[kind].map((entity) => ({
      kind,
      id: entity.id,
      name: entity.name,
      aliases: 'aliases' in entity ? entity.aliases : [],
    })),
  );
}

/** Entities by kind and id: a topic and an organisation may share an id (`command-86`). */
export function entityKey(kind: SearchEntity['kind'], id: string): string {
  return `${kind}:${id}`;
}

export function splitEntityKey(key: string): [SearchEntity['kind'], string] {
  const colon = key.indexOf(':');
  const kind = SearchEntitySchema.shape.kind.parse(key.slice(0, colon));
  return [kind, key.slice(colon + 1)];
}

/** The search number of the story at `index` in the archive's newest-first list (SearchDoc.number). */
function storyNumber(archive: Pick<Archive, 'stories'>, index: number): number {
  return archive.stories.length - 1 - index;
}

/** The story a search number stands for. */
export function storyOfNumber(archive: Pick<Archive, 'stories'>, number: number): Story | undefined {
  return archive.stories[storyNumber(archive, number)];
}

/** For each entity, the numbers of the stories tagged with it, ascending. */
export function taggedStories(archive: Archive): Map<string, number[]> {
  const tagged = new Map<string, number[]>();
  for (let index = archive.stories.length - 1; index >= 0; index--) {
    const story = archive.stories[index] as Archive['stories'][number];
    for (const kind of ENTITY_KINDS) {
      for (const id of story[kind]) {
        const key = entityKey(kind, id);
        const numbers = tagged.get(key) ?? [];
        numbers.push(storyNumber(archive, index));
        tagged.set(key, numbers);
      }
    }
  }
  return tagged;
}

/** Years and the first and last story number of each, oldest first: stories are in date order, so a year is one run. */
export type YearRange = [year: number, first: number, last: number];

export function yearRanges(archive: Archive): YearRange[] {
  const ranges: YearRange[] = [];
  for (let index = archive.stories.length - 1; index >= 0; index--) {
    const year = parseStoryDate((archive.stories[index] as Archive['stories'][number]).date).year;
    const number = storyNumber(archive, index);
    const current = ranges[ranges.length - 1];
    if (current && current[0] === year) current[2] = number;
    else ranges.push([year, number, number]);
  }
  return ranges;
}

/** An apostrophe inside a word ("People's"), which readers often leave out of a name they type. */
const INNER_APOSTROPHE = /(?<=\p{L})['’](?=\p{L})/gu;

/** The names an entity is written with, in both languages. */
export const writtenNames = (entity: SearchEntity): string[] => [entity.name.en, entity.name.vi, ...entity.aliases];

/**
 * A name as readers type it: as written, without its apostrophes ("Vietnam Peoples Army") and without its possessives'
 * "s" ("Vietnam People Army").
 */
export function typedForms(name: string): string[] {
  // Most names have no apostrophe: they are searched, as a page opens, before its first result.
  if (!hasApostrophe(name)) return [name];
  return [...new Set([name, name.replace(INNER_APOSTROPHE, ''), withoutPossessives(name)])];
}

/** Every name an entity is known by, in both languages, in each form readers type it. */
export function entityNames(entity: SearchEntity): string[] {
  const written = writtenNames(entity);
  return [...new Set([...written, ...written.flatMap(typedForms)])];
}
