/**
 * The record types of the archive. Every type the rest of the code uses for content
 * is inferred from these schemas; nothing is typed by a cast.
 */
import { z } from 'zod';
import { isoDateSuggestion, roleDateProblem } from '../site/dates';
import { storyDateProblem } from '../site/story-dates';
import { LOCALES } from '../site/i18n';
import { characterCount, excerpt } from '../text/character-count';
import { ID_PATTERN } from './ids';
import { describeRefusedCharacter, hasVisibleCharacter, refusedCharacters } from './refused-characters';

const IdSchema = z
  .string({ error: 'expected an id (text)' })
  .regex(ID_PATTERN, { error: 'expected an id of 3 to 100 characters: lowercase a-z, 0-9 and "-"' });

const LocaleSchema = z.enum(LOCALES);

/** A language as a BCP 47 primary tag (`en`, `vi`, `es`, …): the archive's languages and those it translates from. */
const LanguageTagSchema = z
  .string({ error: 'expected a language code such as en or vi' })
  .regex(/^[a-z]{2,3}$/, { error: 'expected a language code of 2 or 3 lowercase letters, such as en or vi' });

/**
 * The most characters a one-line text may have, counted as its editor sees them
 * (lib/text/character-count.ts). Each is far above any real value: the longest names, those
 * of ministries and United Nations bodies, stay well under the limit in either language.
 * Each also bounds what the archive builds from the text: search keeps every start of every
 * word of names, credits and titles, so a name of one huge word would exhaust the build.
 */
export const TEXT_LIMITS = {
  title: 200,
  summary: 400,
  /** Names and aliases of entries, credits (reporter, translator, source, photo) and role titles. */
  name: 300,
  /** Descriptions, captions, alt text, corrections and the names of cited documents: a few sentences at most. */
  sentences: 1_000,
} as const;

/**
 * The most ids a story's list (topics, people, organisations, earlier ids) and aliases an entry may have: far above any
 * real story or name, and a bound on what search builds for a story, which holds every start of every name of its
 * tags.
 */
export const MOST_LISTED = 100;

/**
 * A one-line text an editor wrote (title, summary, name, alias, credit): no control
 * character (tab and line break included), lone surrogate, bidirectional override or
 * character that hides text, at least one visible character (lib/content/refused-characters.ts
 * says why), and at most `most` characters. Each issue names its kind in `params.kind`, the
 * loader reports it under that kind.
 */
const text = (what: string, most: number) =>
  z
    .string({ error: `expected ${what} (text)` })
    .trim()
    .min(1, { error: `expected ${what}, got an empty text` })
    .superRefine((value, ctx) => {
      refusedCharacterIssues(value, ctx);
      if (value !== '' && !hasVisibleCharacter(value)) {
        ctx.addIssue({
          code: 'custom',
          message: `expected ${what} with a visible character, got only spaces, zero-width or other invisible characters`,
          params: { kind: 'InvisibleText' },
        });
      }
      lengthIssue(value, most, ctx);
    });

/** An issue when a text has more than `most` characters. */
function lengthIssue(value: string, most: number, ctx: z.RefinementCtx): void {
  if (characterCount(value) > most) ctx.addIssue({ code: 'custom', message: `expected at most ${most} characters` });
}

/** One issue for each kind of refused character in a one-line text, at its first, counting the rest. */
function refusedCharacterIssues(value: string, ctx: z.RefinementCtx): void {
  const refused = refusedCharacters(value, { allowTabsAndLineBreaks: false });
  for (const kind of new Set(refused.map((found) => found.kind))) {
    const ofKind = refused.filter((found) => found.kind === kind);
    const [first] = ofKind;
    if (!first) continue;
    const more = ofKind.length > 1 ? `, and ${ofKind.length - 1} more like it` : '';
    ctx.addIssue({
      code: 'custom',
      // Counted in characters as an editor sees them step by step, not in the UTF-16 units of `index`.
      message: `contains ${describeRefusedCharacter(first)} at character ${characterCount(value.slice(0, first.index)) + 1}${more}`,
      params: { kind },
    });
  }
}

const Bilingual = (what: string, most: number) =>
  z.strictObject(
    { en: text(`the English ${what}`, most), vi: text(`the Vietnamese ${what}`, most) },
    { error: `expected ${what} in both languages: { en: "…", vi: "…" }` },
  );

export const TopicSchema = z.strictObject({
  id: IdSchema,
  name: Bilingual('name', TEXT_LIMITS.name),
  description: Bilingual('description', TEXT_LIMITS.sentences).optional(),
});

/** People and organisations share one shape: names, descriptions and the aliases search recognises. */
const EntityFields = {
  id: IdSchema,
  name: Bilingual('name', TEXT_LIMITS.name),
  description: Bilingual('description', TEXT_LIMITS.sentences).optional(),
  /** Other names search recognises. `{ name, unambiguous: true }` marks one an editor made sure names only this entry. */
  aliases: z
    .array(
      z.union([
        text('an alias', TEXT_LIMITS.name),
        z.strictObject({
          name: text('an alias', TEXT_LIMITS.name),
          unambiguous: z.literal(true, { error: 'expected unambiguous: true' }),
        }),
      ]),
      {
        error: 'expected a list of aliases',
      },
    )
    .max(MOST_LISTED, { error: `expected at most ${MOST_LISTED} aliases` })
    .transform((aliases) => aliases.map((alias) => (typeof alias === 'string' ? alias : alias.name)))
    .default([]),
};

/**
 * An http(s) address. It is written into the links and structured data of pages as it
 * stands, so it refuses the characters a one-line text refuses: a control character, a
 * bidirectional override or a character that hides text would be invisible in review too.
 */
const UrlSchema = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).superRefine(refusedCharacterIssues);

/** Where a fact comes from: a named document or report, with its address when it is online. */
const CitationSchema = z.strictObject(
  {
    name: text('the name of the source', TEXT_LIMITS.sentences),
    url: UrlSchema.optional(),
  },
  { error: 'expected a source as { name: "…", url: "https://…" }' },
);

const RoleDateSchema = z
  .string({ error: 'expected a year as YYYY or a month as YYYY-MM' })
  .superRefine((value, ctx) => {
    const problem = roleDateProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/**
 * A rank or post a person held. The archive knows a role from the stories that report it
 * (`reported_in`); it asserts when the role began (`from`) only with the source that says so.
 */
const RoleSchema = z
  .strictObject({
    title: Bilingual('title', TEXT_LIMITS.name),
    /** The organisation the post belongs to, when it is in organisations.yaml. */
    organisation: IdSchema.optional(),
    /** The story that shows the person in this role; the page reads "as reported in <its month>". */
    reported_in: IdSchema.optional(),
    /** When the role began, as `source` states it. */
    from: RoleDateSchema.optional(),
    source: CitationSchema.optional(),
  })
  .superRefine((role, ctx) => {
    if (role.from !== undefined && role.source === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['from'],
        message: 'a start date needs the source that states it: add source: { name: "…", url: "https://…" }',
      });
    }
    if (role.from === undefined && role.reported_in === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['title'],
        message: 'expected reported_in: <story-id> (the story that shows the role), or from: with its source',
      });
    }
  });

export const PersonSchema = z.strictObject({
  ...EntityFields,
  roles: z
    .array(RoleSchema, { error: 'expected a list of roles: - { title: { en, vi }, reported_in: <story-id> }' })
    .default([]),
});
export const OrganisationSchema = z.strictObject(EntityFields);

/** A date issue, with the date written as the archive writes it when the text is a date in another form (`25/10/2025`). */
function addDateIssue(ctx: z.RefinementCtx<string>, value: string, message: string, monthAllowed: boolean) {
  const hint = isoDateSuggestion(value, monthAllowed);
  ctx.addIssue({ code: 'custom', message, ...(hint ? { params: { hint } } : {}) });
}

const StoryDateSchema = z.string({ error: 'expected a date as YYYY-MM-DD or YYYY-MM' }).superRefine((value, ctx) => {
  const problem = storyDateProblem(value);
  if (problem) addDateIssue(ctx, value, problem, true);
});

/** A day the archive changed a file: always a full calendar date, since an editor knows the day they made a change. */
const DayDateSchema = z.string({ error: 'expected a date as YYYY-MM-DD' }).superRefine((value, ctx) => {
  // The form is checked first: a story date's message would offer YYYY-MM, which a day of change may not be.
  const problem = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? storyDateProblem(value)
    : `expected a full date as YYYY-MM-DD, got "${excerpt(value)}"`;
  if (problem) addDateIssue(ctx, value, problem, false);
});

/** One correction of a published text: the day it was made and what it changed, in this file's language. */
const CorrectionSchema = z.strictObject(
  { date: DayDateSchema, text: text('the correction', TEXT_LIMITS.sentences) },
  { error: 'expected a correction as { date: YYYY-MM-DD, text: "…" }' },
);

const idList = (what: string) =>
  z
    .array(IdSchema, { error: `expected a list of ${what} ids` })
    .max(MOST_LISTED, { error: `expected at most ${MOST_LISTED} ${what} ids` })
    .superRefine((ids, ctx) => {
      ids.forEach((id, index) => {
        if (ids.indexOf(id) !== index)
          ctx.addIssue({ code: 'custom', path: [index], message: `"${id}" is listed twice` });
      });
    });

/**
 * The lead image as the frontmatter names it. `src` and `alt` are checked by the loader,
 * which can say which file is missing or why the alt text does not describe the photo.
 */
const LeadImageFieldSchema = z.strictObject(
  {
    src: z.string({ error: "expected the file name of a photo in the story's folder, such as photo.jpg" }),
    // An empty alt text is the loader's to report (MissingAltText), with the photo it leaves undescribed.
    alt: z
      .string({ error: 'expected alt text: what the photo shows, for readers who cannot see it' })
      .superRefine((value, ctx) => {
        refusedCharacterIssues(value, ctx);
        lengthIssue(value, TEXT_LIMITS.sentences, ctx);
      }),
    caption: text('a caption', TEXT_LIMITS.sentences).optional(),
    /** Who took or owns the photo, as the source says: "Photo: VNA". */
    credit: text('a photo credit', TEXT_LIMITS.name).optional(),
  },
  { error: 'expected a lead image as { src: photo.jpg, alt: "…", caption: "…", credit: "…" }' },
);

/** A photo an article shows, as published: its file in the story's folder, the digest of its bytes and its size. */
const PhotoSchema = z.object({
  src: z.string(),
  digest: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

export const FrontmatterSchema = z.strictObject({
  title: text('a title', TEXT_LIMITS.title),
  summary: text('a summary', TEXT_LIMITS.summary),
  date: StoryDateSchema,
  topics: idList('topic').min(1, { error: 'expected at least one topic id' }),
  people: idList('person').default([]),
  organisations: idList('organisation').default([]),
  source: z
    .strictObject(
      {
        /** The outlet's name, or its id in organisations.yaml. */
        name: text('the source name', TEXT_LIMITS.name),
        url: UrlSchema.optional(),
        /** The language of the text the address leads to. */
        language: LanguageTagSchema.optional(),
      },
      { error: 'expected a source as { name: "…", url: "https://…", language: en }' },
    )
    .optional(),
  /** The reporter: a name, or an id in people.yaml. */
  author: text('the reporter', TEXT_LIMITS.name).optional(),
  /** Who translated this file: a name, an id in people.yaml or organisations.yaml, or `archive` for the archive itself. */
  translator: text('the translator', TEXT_LIMITS.name).optional(),
  /** This file is the outlet's own wording, not a translation. */
  original: z.boolean({ error: 'expected true or false' }).optional(),
  /** This file is a translation, from a text in this language. */
  translated_from: LanguageTagSchema.optional(),
  /** The date is the archive's estimate, not stated by the source. */
  date_estimated: z.boolean({ error: 'expected true or false' }).default(false),
  draft: z.boolean({ error: 'expected true or false' }).default(false),
  /** The last substantive change of this file (a correction need not be one). */
  updated: DayDateSchema.optional(),
  corrections: z
    .array(CorrectionSchema, { error: 'expected a list of corrections: - { date: YYYY-MM-DD, text: "…" }' })
    .default([]),
  /** Earlier ids of a renamed story; each old address redirects to the story. */
  aliases: idList('story').default([]),
  /** The lead image: on the article, its cards and wherever it is shared. */
  image: LeadImageFieldSchema.optional(),
});

const HeadingSchema = z.object({ id: z.string(), text: z.string(), depth: z.number().int() });

/** A registry entry a credit names by its id. */
const CreditLinkSchema = z.object({ kind: z.enum(['people', 'organisations']), id: IdSchema });

/** The credits of a language file that may name a registry entry: its reporter, translator and source. */
export const CREDIT_ROLES = ['author', 'translator', 'source'] as const;
export type CreditRole = (typeof CREDIT_ROLES)[number];

/** One language version of a story, rendered and ready for pages. */
const ArticleSchema = FrontmatterSchema.extend({
  /**
   * The credits (author, translator, source) that name a registry entry by id. Their text
   * fields then hold the entry's name in this version's language; these say where they link.
   */
  creditLinks: z.object({
    author: CreditLinkSchema.optional(),
    translator: CreditLinkSchema.optional(),
    source: CreditLinkSchema.optional(),
  }),
  storyId: IdSchema,
  locale: LocaleSchema,
  /** The Markdown file, relative to the content folder, for messages and "edit" links. */
  file: z.string(),
  html: z.string(),
  /** Body as plain text, for search and summaries. */
  text: z.string(),
  /** The digest of `text`, by which the search index's cache knows it (lib/caches/content-caches.ts). */
  textDigest: z.string(),
  headings: z.array(HeadingSchema),
  readingMinutes: z.number().int().positive(),
  /** The lead image, with its published size. */
  image: LeadImageFieldSchema.extend(PhotoSchema.shape).optional(),
  /** Every photo the article shows (lead image and body), for the build to publish. */
  photos: z.array(PhotoSchema),
});

/** The fields a story's language versions share, and must agree on. */
export const STORY_FIELDS = ['date', 'date_estimated', 'topics', 'people', 'organisations', 'aliases'] as const;
export type StoryField = (typeof STORY_FIELDS)[number];

/** A story: what both language versions share, and the versions that exist. */
export const StorySchema = z.object({
  id: IdSchema,
  date: StoryDateSchema,
  /** The date is the archive's estimate (see the frontmatter field). */
  date_estimated: z.boolean(),
  topics: z.array(IdSchema),
  people: z.array(IdSchema),
  organisations: z.array(IdSchema),
  /** Earlier ids of the story (see the frontmatter field). */
  aliases: z.array(IdSchema),
  articles: z.object({ en: ArticleSchema.optional(), vi: ArticleSchema.optional() }),
});

export const ArchiveSchema = z.object({
  stories: z.array(StorySchema),
  topics: z.array(TopicSchema),
  people: z.array(PersonSchema),
  organisations: z.array(OrganisationSchema),
});

export type Topic = z.infer<typeof TopicSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type Role = z.infer<typeof RoleSchema>;
export type Organisation = z.infer<typeof OrganisationSchema>;
export type Correction = z.infer<typeof CorrectionSchema>;
export type Frontmatter = z.infer<typeof FrontmatterSchema>;
export type Heading = z.infer<typeof HeadingSchema>;
export type LeadImage = NonNullable<Article['image']>;
export type CreditLink = z.infer<typeof CreditLinkSchema>;
export type Article = z.infer<typeof ArticleSchema>;
export type Story = z.infer<typeof StorySchema>;
export type Archive = z.infer<typeof ArchiveSchema>;
