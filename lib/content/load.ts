/**
 * Reads the content folder once, validates every file against the schemas and the
 * contract's cross-file rules, renders the bodies, and returns the archive together
 * with every problem found. Nothing is dropped silently: a file that fails is
 * reported, and the caller (build or check) stops on any error.
 */
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { storyDateSortKey } from '../site/dates';
import { buildRegistry, closestId, ENTITY_KINDS, type EntityKind, type Registry } from '../views/entities';
import { LOCALES, type Locale } from '../site/i18n';
import { digestOf, keep, reuse } from '../caches/keyed-cache';
import { parseMarkdown, readingMinutes, type RenderedMarkdown } from './markdown';
import { markdownLimitBreaches } from './markdown-limits';
import { publishedPages } from '../outputs/sitemap';
import { storyRedirects } from '../views/story-redirects';
import { entityFeedUrl, feedUrl, robotsUrl, sitemapUrl } from '../site/urls';
import { ID_PATTERN } from './ids';
import {
  FrontmatterSchema,
  OrganisationSchema,
  PersonSchema,
  STORY_FIELDS,
  TopicSchema,
  type Archive,
  type Article,
  type Frontmatter,
  type Role,
  type Story,
  type StoryField,
} from './schema';
import { attempt, contentRoot, fileProblem, isProblem, lookUp, readContentFile, type ContentRoot } from './content-files';
import type { CheckCache, CheckedArticle, CheckedFile } from '../caches/check-cache';
import { decodeUtf8, splitArticleSource } from './frontmatter';
import { aliasProblems } from './aliases';
import { resolveCredits } from './credit-links';
import { untaggedMentionProblems } from './mentions';
import { idForName } from './named-ids';
import { bodyLinks, internalLinkProblems, type LinkingFile, type SitePages } from './internal-links';
import { removedHtmlTextProblems } from './removed-html';
import { articleNumbers, numberDriftProblems, type NumberedFile } from './translation-numbers';
import { bodyCharacterProblems } from './refused-characters';
import { isProblemKind, severityOf, type ContentProblem } from './problems';
import { provenanceProblems } from './provenance';
import { renderCached, renderKey, type RenderCache } from '../caches/render-cache';
import { imageFormatOfName } from '../images/image-files';
import { bodyImageReferences, imageReferenceProblems, type ImageReference } from '../images/image-references';
import { isImageFault, type InspectedImage } from '../images/inspect';
import { inspectStoryImages, type ImageCatalogue, type InspectCache } from '../images/story-images';
import { parseYamlWithPositions, type ParsedYaml } from './yaml';

/** Bodies above this are refused: no news report is that long, and it keeps pages and the index sane. */
export const MAX_BODY_BYTES = 1_000_000;

export const ARTICLES_FOLDER = 'articles';
const REGISTRY_FILES: Record<EntityKind, string> = { topics: 'topics.yaml', people: 'people.yaml', organisations: 'organisations.yaml' };

export interface LoadedContent {
  archive: Archive;
  problems: ContentProblem[];
  /** Drafts are validated like any story but never published; counted here for the check's summary. */
  drafts: number;
}

export interface LoadOptions {
  /** Earlier renderings to reuse for unchanged bodies (the build passes one; without it every body is rendered). */
  renderCache?: RenderCache;
  /**
   * Earlier outcomes of checking unchanged article files, problems included (the build
   * passes one). A valid article's outcome is reused only while its rendering is still
   * in the render cache; otherwise the file is checked and rendered again.
   */
  checkCache?: CheckCache;
  /**
   * What each photo file of the story folders is (lib/images/story-images.ts). Without
   * it, a folder that holds photos is reported: they cannot be published uninspected.
   */
  images?: ImageCatalogue;
  /**
   * Keep drafts in the archive, as `npm run dev` shows them to their editors (marked as
   * drafts on the page). The build never sets it: a draft is never published.
   */
  includeDrafts?: boolean;
}

/** The photos of one story folder, as an article of it is checked against them. */
interface FolderImages {
  /** The folder as the editor sees it, for messages. */
  display: string;
  /** Every photo file in the folder, publishable or not. */
  names: ReadonlySet<string>;
  /** The photos that can be published, by file name. */
  usable: ReadonlyMap<string, InspectedImage>;
}

/** What checking an article needs besides the file itself. */
interface ArticleSetting {
  registry: Registry;
  renderCache: RenderCache | undefined;
  checkCache: CheckCache | undefined;
  /** What every article's outcome depends on besides the file: the registries (ids, names and aliases decide unknown references and untagged mentions). */
  context: string;
  root: ContentRoot;
  images: ImageCatalogue | undefined;
  includeDrafts: boolean;
}

/** A path as problems name it: relative to the working folder, as an editor sees it in the repository. */
const display = (file: string) => path.relative(process.cwd(), file) || file;

/** Loads the content with its photos inspected first (the build and the check; `inspectCache` keeps earlier inspections). */
export async function loadContentWithImages(contentDir: string, options: LoadOptions & { inspectCache?: InspectCache } = {}): Promise<LoadedContent> {
  const images = await inspectStoryImages(path.join(contentDir, ARTICLES_FOLDER), contentRoot(contentDir, display), options.inspectCache);
  return loadContent(contentDir, { ...options, images });
}

export function loadContent(contentDir: string, options: LoadOptions = {}): LoadedContent {
  const problems: ContentProblem[] = [];
  const root = contentRoot(contentDir, display);

  const reading = { contentDir, root, problems, checkCache: options.checkCache };
  const topics = readRegistry(reading, 'topics', TopicSchema);
  const organisations = readRegistry(reading, 'organisations', OrganisationSchema, null, (_organisation, index, at, raw) => aliasProblems(raw, index, at));
  const organisationIds = new Set(organisations.map((organisation) => organisation.id));
  const articlesDir = path.join(contentDir, ARTICLES_FOLDER);
  const entries = listArticles(articlesDir, root, problems).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Roles name the stories that report them.
  const storyIds = new Set(entries.map((entry) => entry.name));
  const people = readRegistry(reading, 'people', PersonSchema, [[...organisationIds], [...storyIds]], (person, index, at, raw) => [
    ...aliasProblems(raw, index, at),
    ...person.roles.flatMap((role, roleIndex) => roleReferenceProblems(role, [index, 'roles', roleIndex], at, organisationIds, storyIds)),
  ]);
  const lists = { topics, people, organisations };
  const registry = buildRegistry(lists);
  const setting: ArticleSetting = {
    registry,
    renderCache: options.renderCache,
    checkCache: options.checkCache,
    context: options.checkCache ? digestOf(JSON.stringify(lists)) : '',
    root,
    images: options.images,
    includeDrafts: options.includeDrafts ?? false,
  };

  const stories: Story[] = [];
  const aliasesAt = new Map<Story, AliasesAt>();
  const linking: LinkingFile[] = [];
  const storyStates = new Map<string, StoryState>();
  let drafts = 0;
  const folders: string[] = [];
  const files: string[] = [];
  for (const entry of entries) {
    // A link is never followed, whatever it points at (see content-files.ts).
    if (entry.isSymbolicLink()) {
      const found = lookUp(path.join(articlesDir, entry.name), root);
      if ('problem' in found) problems.push(found.problem);
    } else (entry.isDirectory() ? folders : files).push(entry.name);
  }
  for (const name of files) {
    problems.push({
      kind: 'UnexpectedFile',
      file: display(path.join(articlesDir, name)),
      message: `unexpected file "${name}" in ${ARTICLES_FOLDER}/: every story is a folder`,
      hint: `Move it to ${ARTICLES_FOLDER}/<story-id>/en.md or vi.md.`,
    });
  }
  for (const folder of folders) {
    const loaded = readStory(path.join(articlesDir, folder), folder, setting, display, problems);
    linking.push(...loaded.linking);
    storyStates.set(folder, loaded.state);
    if (loaded.published) stories.push(loaded.published);
    if (loaded.published && loaded.aliasesAt) aliasesAt.set(loaded.published, loaded.aliasesAt);
    drafts += loaded.drafts;
  }

  problems.push(...storyAliasProblems(stories, aliasesAt, storyIds));
  // Each date is parsed once, not once per comparison (the order is compareStoryDatesNewestFirst's).
  const dateKeys = new Map(stories.map((story) => [story, storyDateSortKey(story.date)]));
  stories.sort((a, b) => (dateKeys.get(b) ?? 0) - (dateKeys.get(a) ?? 0) || a.id.localeCompare(b.id));
  // After sorting: the views that list the site's pages keep an index of the list they are given, in its order.
  if (linking.some((file) => file.links.length > 0)) problems.push(...internalLinkProblems(linking, sitePages({ stories, ...lists }, storyStates)));
  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { archive: { stories, ...lists }, problems, drafts };
}

/** The entries of articles/, or none when it is missing or cannot be a folder of stories (which is reported). */
function listArticles(articlesDir: string, root: ContentRoot, problems: ContentProblem[]): Dirent[] {
  const found = lookUp(articlesDir, root);
  if ('missing' in found) return [];
  if ('problem' in found) {
    problems.push(found.problem);
    return [];
  }
  if (!found.stats.isDirectory()) {
    problems.push({ kind: 'UnexpectedFile', file: root.display(articlesDir), message: `expected ${ARTICLES_FOLDER}/ to be a folder of stories, found a file`, hint: `Remove the file: ${ARTICLES_FOLDER}/ holds one folder per story.` });
    return [];
  }
  const entries = attempt(articlesDir, root, () => readdirSync(articlesDir, { withFileTypes: true }));
  if (!Array.isArray(entries)) {
    problems.push(entries);
    return [];
  }
  return entries;
}

export function hasErrors(problems: readonly ContentProblem[]): boolean {
  return problems.some((problem) => severityOf(problem) === 'error');
}

/** A role's references: its organisation must be in the registry, and the story it was reported in must exist. */
function roleReferenceProblems(role: Role, at: (string | number)[], locate: ParsedYaml['locate'], organisationIds: ReadonlySet<string>, storyIds: ReadonlySet<string>): Omit<ContentProblem, 'file'>[] {
  const problems: Omit<ContentProblem, 'file'>[] = [];
  if (role.organisation !== undefined && !organisationIds.has(role.organisation)) {
    const suggestion = closestId(role.organisation, organisationIds);
    problems.push({
      kind: 'UnknownReference',
      ...locate([...at, 'organisation']),
      field: [...at, 'organisation'].join('.'),
      message: `unknown organisation id "${role.organisation}"`,
      hint: suggestion ? `Did you mean \`${suggestion}\`? Ids are listed in organisations.yaml.` : 'Use an id listed in organisations.yaml, or add the organisation there.',
    });
  }
  if (role.reported_in !== undefined && !storyIds.has(role.reported_in)) {
    const suggestion = closestId(role.reported_in, storyIds);
    problems.push({
      kind: 'MissingRoleStory',
      ...locate([...at, 'reported_in']),
      field: [...at, 'reported_in'].join('.'),
      message: `no story "${role.reported_in}" in ${ARTICLES_FOLDER}/`,
      ...(suggestion ? { hint: `Did you mean \`${suggestion}\`?` } : {}),
    });
  }
  return problems;
}

/** Problems of one valid entry that its schema cannot see (references to other registries). */
type EntryCheck<T> = (entry: T, index: number, at: ParsedYaml['locate'], raw: unknown) => Omit<ContentProblem, 'file'>[];

interface RegistryReading {
  contentDir: string;
  root: ContentRoot;
  problems: ContentProblem[];
  checkCache: CheckCache | undefined;
}

/**
 * Reads one registry, or reuses the outcome of checking the same bytes before (against
 * the same `dependsOn`, what `check` looks at besides the file): its problems are
 * reported either way. Parsing YAML with positions is most of loading a registry.
 */
function readRegistry<T extends { id: string }>(
  { contentDir, root, problems, checkCache }: RegistryReading,
  kind: EntityKind,
  schema: z.ZodType<T>,
  dependsOn: unknown = null,
  check?: EntryCheck<T>,
): T[] {
  const absolute = path.join(contentDir, REGISTRY_FILES[kind]);
  const file = root.display(absolute);
  const bytes = readContentFile(absolute, root);
  if (bytes === 'missing') {
    problems.push({ kind: 'MissingRegistry', file, message: `the ${kind} registry is missing` });
    return [];
  }
  if (isProblem(bytes)) {
    problems.push(bytes);
    return [];
  }
  const key = digestOf(kind, JSON.stringify(dependsOn), file, bytes);
  const entriesSchema = z.array(schema);
  const earlier = checkCache && reuse(checkCache, key, (checked) => entriesSchema.safeParse(checked.entries).success);
  if (earlier) {
    problems.push(...earlier.problems);
    return entriesSchema.parse(earlier.entries);
  }
  const checked = checkRegistry(bytes, file, kind, schema, check);
  if (checkCache) keep(checkCache, key, checked);
  problems.push(...checked.problems);
  return checked.entries;
}

/** The checks of one registry file, from its bytes: every problem, and the entries that are valid. */
function checkRegistry<T extends { id: string }>(bytes: Uint8Array, file: string, kind: EntityKind, schema: z.ZodType<T>, check?: EntryCheck<T>): { problems: ContentProblem[]; entries: T[] } {
  const problems: ContentProblem[] = [];
  const text = decodeUtf8(bytes, file);
  if (typeof text !== 'string') return { problems: [text], entries: [] };
  const parsed = parseYamlWithPositions(text);
  if ('errors' in parsed) {
    return { problems: parsed.errors.map((error) => ({ kind: 'InvalidYaml' as const, file, ...error.position, ...(error.field ? { field: error.field } : {}), message: error.message })), entries: [] };
  }
  if (!Array.isArray(parsed.value)) {
    return { problems: [{ kind: 'InvalidField', file, line: 1, column: 1, message: `expected a list of ${kind} (lines starting with "- id: …")` }], entries: [] };
  }
  const entries: T[] = [];
  const seen = new Map<string, number>();
  parsed.value.forEach((raw: unknown, index) => {
    const result = schema.safeParse(raw);
    if (!result.success) {
      problems.push(...schemaProblems(result.error, raw, file, parsed, [index]));
      return;
    }
    const line = parsed.locate([index, 'id']).line;
    const first = seen.get(result.data.id);
    if (first !== undefined) {
      problems.push({ kind: 'DuplicateId', file, ...parsed.locate([index, 'id']), field: `${index}.id`, message: `the id "${result.data.id}" is already used on line ${first}` });
      return;
    }
    seen.set(result.data.id, line);
    problems.push(...(check?.(result.data, index, parsed.locate, raw) ?? []).map((problem) => ({ ...problem, file })));
    entries.push(result.data);
  });
  return { problems, entries };
}

/** How a story folder loaded, for the links that lead to it: the languages it is published and a draft in, or `unchecked` when its own errors keep it out. */
type StoryState = { published: Locale[]; drafts: Locale[] } | 'unchecked';

interface StoryResult {
  published?: Story;
  drafts: number;
  state: StoryState;
  /** The internal links of its files, valid or not. */
  linking: LinkingFile[];
  /** Where the published story's aliases are written, for a clash found later. */
  aliasesAt?: AliasesAt;
}

/** The file and place of a story's `aliases` field. */
interface AliasesAt {
  file: string;
  line: number;
  column: number;
}

function readStory(folderPath: string, id: string, setting: ArticleSetting, display: (file: string) => string, problems: ContentProblem[]): StoryResult {
  const folderName = display(folderPath);
  const idOk = /^[a-z0-9-]{3,100}$/.test(id);
  if (!idOk) {
    problems.push({ kind: 'InvalidStoryId', file: folderName, message: `the story id "${id}" is not allowed: expected 3 to 100 characters of lowercase a-z, 0-9 and "-"` });
  }
  const listed = attempt(folderPath, setting.root, () => readdirSync(folderPath));
  if (!Array.isArray(listed)) {
    problems.push(listed);
    return { drafts: 0, state: 'unchecked', linking: [] };
  }
  const names = listed.sort();
  const folder = folderImages(folderPath, names, setting, display, problems);
  for (const name of names) {
    if (LOCALES.some((locale) => name === `${locale}.md`) || folder.names.has(name)) continue;
    const lower = name.toLowerCase();
    const hint = LOCALES.some((locale) => lower === `${locale}.md`) ? `Rename it to ${lower}: file names are lowercase.` : undefined;
    problems.push({ kind: 'UnexpectedFile', file: display(path.join(folderPath, name)), message: `unexpected file "${name}": expected en.md or vi.md`, ...(hint ? { hint } : {}) });
  }

  const versions = new Map<Locale, ArticleVersion>();
  const used = new Set<string>();
  const present = LOCALES.filter((locale) => names.includes(`${locale}.md`));
  if (present.length === 0) {
    problems.push({ kind: 'EmptyStory', file: folderName, message: 'the story folder has no en.md or vi.md' });
    return { drafts: 0, state: 'unchecked', linking: [] };
  }
  const linking: LinkingFile[] = [];
  for (const locale of present) {
    const absolute = path.join(folderPath, `${locale}.md`);
    const file = display(absolute);
    const checked = readArticle(absolute, id, locale, file, setting, folder);
    problems.push(...checked.problems);
    for (const name of checked.images) used.add(name);
    if (checked.version) versions.set(locale, checked.version);
    if (checked.links) linking.push({ file, storyId: id, locale, draft: checked.version?.article.draft ?? false, links: checked.links });
  }
  for (const name of folder.names) {
    if (!used.has(name))
      problems.push({ kind: 'UnusedImage', file: display(path.join(folderPath, name)), message: `no text of the story uses the photo "${name}"` });
  }
  if (!idOk || versions.size !== present.length) return { drafts: 0, state: 'unchecked', linking };

  const [first, second] = [...versions.values()];
  // When the translations disagree, neither says what the story is: it is not published.
  let agree = true;
  if (first && second) {
    for (const field of STORY_FIELDS) {
      if (!sameValue(first.article[field], second.article[field])) {
        agree = false;
        problems.push({
          kind: 'TranslationMismatch',
          file: second.file,
          ...second.positions[field],
          field,
          message: `differs from ${first.file}: ${JSON.stringify(second.article[field])} here, ${JSON.stringify(first.article[field])} there`,
        });
      }
    }
  }
  if (first && second) problems.push(...numberDriftProblems(numberedFile(first), numberedFile(second)));
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
    ? { published: published.map((article) => article.locale), drafts: [...versions.values()].filter((version) => version.article.draft).map((version) => version.article.locale) }
    : 'unchecked';
  if (!lead || !leadVersion || !agree) return { drafts, state, linking };
  return {
    drafts,
    state,
    linking,
    aliasesAt: { file: leadVersion.file, ...leadVersion.positions.aliases },
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

function numberedFile({ file, article, numbers }: ArticleVersion): NumberedFile {
  return { file, locale: article.locale, numbers, text: `${article.title}\n${article.summary}\n${article.text}` };
}

/** The photo files of a story folder; the problems of those that cannot be published are reported here, once. */
function folderImages(folderPath: string, names: readonly string[], setting: ArticleSetting, display: (file: string) => string, problems: ContentProblem[]): FolderImages {
  const photos = names.filter((name) => imageFormatOfName(name) !== undefined);
  const usable = new Map<string, InspectedImage>();
  for (const name of photos) {
    const absolute = path.join(folderPath, name);
    const found = setting.images?.get(absolute);
    if (found === undefined) problems.push({ kind: 'InvalidImage', file: display(absolute), message: 'the photo was not inspected, so it cannot be published (load the content with its photos)' });
    else if ('problem' in found) problems.push(found.problem);
    else if (isImageFault(found)) problems.push({ kind: 'InvalidImage', file: display(absolute), message: found.fault });
    else usable.set(name, found);
  }
  return { display: `${display(folderPath)}/`, names: new Set(photos), usable };
}

function sameValue(a: Frontmatter[StoryField], b: Frontmatter[StoryField]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n') && new Set(a).size === new Set(b).size;
  return a === b;
}

/** One valid language version, with where its shared fields stand for a mismatch found later, and its numbers. */
interface ArticleVersion {
  article: Article;
  positions: CheckedArticle['positions'];
  numbers: CheckedArticle['numbers'];
  file: string;
}

interface ReadArticle {
  problems: ContentProblem[];
  version?: ArticleVersion;
  links?: CheckedFile['links'];
  /** The photo files the article names, whether or not it is valid. */
  images: string[];
}

/**
 * Checks one article file, or reuses the outcome of checking the same bytes before (with
 * the same registries): its problems are reported either way.
 */
function readArticle(absolute: string, storyId: string, locale: Locale, file: string, setting: ArticleSetting, folder: FolderImages): ReadArticle {
  const { checkCache, renderCache, root } = setting;
  // Listed a moment ago, so a file that is missing now was removed while loading: reading says so.
  const problem = fileProblem(absolute, root);
  if (problem !== undefined && problem !== 'missing') return { problems: [problem], images: [] };
  const bytes = attempt(absolute, root, () => readFileSync(absolute));
  if (isProblem(bytes)) return { problems: [bytes], images: [] };
  if (!checkCache) return readOutcome(checkArticle(bytes, storyId, locale, file, setting, folder));
  // The outcome depends on the folder's photos too: which files are there and what each is.
  const key = digestOf(setting.context, JSON.stringify([[...folder.names], [...folder.usable]]), file, bytes);
  const earlier = reuse(checkCache, key, (checked) => checked.article === undefined || (renderCache?.entries.has(checked.article.renderKey) ?? false));
  if (earlier) {
    const rendered = earlier.article && renderCache ? reuse(renderCache, earlier.article.renderKey) : undefined;
    return readOutcome({ ...earlier, ...(rendered ? { rendered } : {}) });
  }
  const checked = checkArticle(bytes, storyId, locale, file, setting, folder);
  keep(checkCache, key, { problems: checked.problems, images: checked.images ?? [], ...(checked.article ? { article: checked.article } : {}), ...(checked.links ? { links: checked.links } : {}) });
  return readOutcome(checked);
}

function readOutcome({ problems, article, rendered, links, images = [] }: CheckedFile & { rendered?: RenderedMarkdown }): ReadArticle {
  const found = links ? { links } : {};
  if (!article || !rendered) return { problems, images, ...found };
  return { problems, images, ...found, version: { article: { ...article.fields, html: rendered.html, text: rendered.text, headings: rendered.headings }, positions: article.positions, numbers: article.numbers, file: article.fields.file } };
}

/** The checks of one article file, from its bytes: every problem, and the article when it is valid. */
function checkArticle(
  bytes: Uint8Array,
  storyId: string,
  locale: Locale,
  file: string,
  { registry, renderCache }: ArticleSetting,
  folder: FolderImages,
): CheckedFile & { rendered?: RenderedMarkdown } {
  const problems: ContentProblem[] = [];
  const text = decodeUtf8(bytes, file);
  if (typeof text !== 'string') return { problems: [text] };
  const source = splitArticleSource(text, file);
  if (Array.isArray(source)) return { problems: source };
  const refused = bodyCharacterProblems(source.body, source.bodyLine, file);
  problems.push(...refused);
  const result = FrontmatterSchema.safeParse(source.data);
  // A frontmatter that fails its schema does not stop the other checks: every problem of the file is reported in one run.
  if (!result.success) problems.push(...schemaProblems(result.error, source.data, file, source, []).map((problem) => namedIdProblem(problem, source.data, registry)));
  const frontmatter = result.success ? result.data : undefined;
  const lists = frontmatter ?? idListsOf(source.data);
  const unknown = unknownReferenceProblems(lists, registry, file, source.locate);
  problems.push(...unknown);
  let valid = result.success && refused.length === 0 && unknown.length === 0;
  if (source.body.trim() === '') {
    problems.push({ kind: 'EmptyBody', file, line: source.bodyLine, column: 1, message: 'the article has no text after its frontmatter' });
    return { problems };
  }
  const bodyBytes = Buffer.byteLength(source.body);
  if (bodyBytes > MAX_BODY_BYTES) {
    problems.push({ kind: 'BodyTooLarge', file, line: source.bodyLine, column: 1, message: `the body is ${bodyBytes} bytes; the limit is ${MAX_BODY_BYTES} bytes` });
    return { problems };
  }
  if (frontmatter) {
    problems.push(...provenanceProblems(frontmatter, locale, source.locate).map((problem) => ({ ...problem, file })));
    const early = changeDateProblems(frontmatter, source.locate).map((problem) => ({ ...problem, file }));
    problems.push(...early);
    if (early.length > 0) valid = false;
  }
  const breaches = markdownLimitBreaches(source.body, source.bodyLine);
  if (breaches.length > 0) {
    // Parsing such a body could take minutes or exhaust the stack: it is refused unparsed.
    problems.push(...breaches.map((breach) => ({ kind: 'MarkdownTooComplex' as const, file, line: breach.line, column: breach.column, message: breach.message, hint: breach.hint })));
    return { problems };
  }
  if (frontmatter && frontmatter.summary.length > 300) {
    problems.push({ kind: 'LongSummary', file, ...source.locate(['summary']), field: 'summary', message: `the summary has ${frontmatter.summary.length} characters; under 300 reads best` });
  }
  // One parse serves mention detection, links, removed HTML and rendering, which is most of checking a file.
  const tree = parseMarkdown(source.body);
  const tagged = { people: lists.people.filter((id) => id !== undefined), organisations: lists.organisations.filter((id) => id !== undefined) };
  problems.push(...untaggedMentionProblems(tagged, source.body, source.bodyLine, file, registry, tree));
  problems.push(...removedHtmlTextProblems(tree, source.bodyLine, file));
  const links = bodyLinks(tree, source.body, source.bodyLine);
  const references: ImageReference[] = [
    ...(frontmatter?.image
      ? [{ src: frontmatter.image.src, alt: frontmatter.image.alt, at: { ...source.locate(['image', 'src']), field: 'image.src' }, altAt: { ...source.locate(['image', 'alt']), field: 'image.alt' } }]
      : []),
    ...bodyImageReferences(tree, source.bodyLine),
  ];
  const images = [...new Set(references.map((reference) => reference.src))];
  const imageProblems = imageReferenceProblems(references, folder.display, folder.names).map((problem) => ({ ...problem, file }));
  problems.push(...imageProblems);
  // A photo that cannot be published is reported once, on its own file; an article showing it is not valid either.
  if (imageProblems.some((problem) => severityOf(problem) === 'error') || images.some((name) => folder.names.has(name) && !folder.usable.has(name))) valid = false;
  if (!valid || !frontmatter) return { problems, links, images };
  const numbers = articleNumbers(frontmatter, { title: source.locate(['title']), summary: source.locate(['summary']) }, tree, source.body, source.bodyLine, locale);
  const shown = new Map(images.flatMap((name) => { const found = folder.usable.get(name); return found ? [[name, found] as const] : []; }));
  const renderSetting = { locale, images: shown };
  const rendered = renderCached(source.body, renderCache, tree, renderSetting);
  // A body of comments or removed HTML only (e.g. a template's guidance) shows readers nothing.
  if (rendered.text.trim() === '' && !/<img\b/.test(rendered.html)) {
    problems.push({ kind: 'EmptyBody', file, line: source.bodyLine, column: 1, message: 'the article has no text a reader would see (only comments or HTML that is removed)' });
    return { problems, links, images };
  }
  const positions = Object.fromEntries(STORY_FIELDS.map((field) => [field, source.locate([field])])) as CheckedArticle['positions'];
  const resolved = resolveCredits(frontmatter, registry, locale);
  const photos = [...shown].map(([src, found]) => ({ src, digest: found.digest, width: found.width, height: found.height }));
  const lead = frontmatter.image && photos.find((photo) => photo.src === frontmatter.image?.src);
  const image = frontmatter.image && lead ? { ...frontmatter.image, ...lead } : undefined;
  const fields = { ...frontmatter, ...resolved.credits, image, photos, creditLinks: resolved.creditLinks, storyId, locale, file, readingMinutes: readingMinutes(rendered.text) };
  const article: CheckedArticle = { fields, renderKey: renderKey(source.body, renderSetting), positions, numbers };
  return { problems, article, rendered, links, images };
}

/** The id lists of a frontmatter that failed its schema: the values that are ids, at their places (other values are reported by the schema). */
function idListsOf(data: unknown): Record<EntityKind, (string | undefined)[]> {
  const listOf = (kind: EntityKind) => {
    const value: unknown = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[kind] : undefined;
    return Array.isArray(value) ? value.map((id: unknown) => (typeof id === 'string' && ID_PATTERN.test(id) ? id : undefined)) : [];
  };
  return { topics: listOf('topics'), people: listOf('people'), organisations: listOf('organisations') };
}

/** An id of a topic, person or organisation that is not in its registry, with the nearest id as a hint. */
function unknownReferenceProblems(lists: Record<EntityKind, readonly (string | undefined)[]>, registry: Registry, file: string, locate: ParsedYaml['locate']): ContentProblem[] {
  return ENTITY_KINDS.flatMap((kind) =>
    lists[kind].flatMap((id, index): ContentProblem[] => {
      if (id === undefined || registry[kind].has(id)) return [];
      const suggestion = closestId(id, registry[kind].keys());
      return [
        {
          kind: 'UnknownReference',
          file,
          ...locate([kind, index]),
          field: `${kind}.${index}`,
          message: `unknown ${kind === 'people' ? 'person' : kind.slice(0, -1)} id "${id}"`,
          hint: suggestion ? `Did you mean \`${suggestion}\`? Ids are listed in ${REGISTRY_FILES[kind]}.` : `Add "${id}" to ${REGISTRY_FILES[kind]}, or use an id listed there.`,
        },
      ];
    }),
  );
}

/** A list entry the schema refused as an id that is the name of a registry entry (`people: [Lương Cường]`) is reported with the id to write. */
function namedIdProblem(problem: ContentProblem, data: unknown, registry: Registry): ContentProblem {
  const [kind, index, ...rest] = problem.field?.split('.') ?? [];
  if (rest.length > 0 || index === undefined || !ENTITY_KINDS.some((known) => known === kind)) return problem;
  const entityKind = kind as EntityKind;
  const written: unknown = valueAt(data, [entityKind, Number(index)]);
  const id = typeof written === 'string' ? idForName(registry, entityKind, written) : undefined;
  if (typeof written !== 'string' || ID_PATTERN.test(written) || id === undefined) return problem;
  return { ...problem, kind: 'NameInsteadOfId', message: `"${written}" is a name; ${entityKind} lists ids`, hint: `Write \`${id}\`, the id of "${written}" in ${REGISTRY_FILES[entityKind]}.` };
}

/** Every path the build writes a page or feed at, and the state of each story folder, for judging the texts' links. */
function sitePages(archive: Archive, states: ReadonlyMap<string, StoryState>): SitePages {
  const paths = new Set([
    ...publishedPages(archive).map((page) => page.path),
    ...storyRedirects(archive.stories).map((redirect) => redirect.path),
    ...LOCALES.flatMap((locale) => [feedUrl(locale), ...ENTITY_KINDS.flatMap((kind) => archive[kind].map((entity) => entityFeedUrl(kind, locale, entity.id)))]),
    sitemapUrl(),
    robotsUrl(),
  ]);
  const stories = new Map<string, { published: Locale[]; drafts: Locale[] }>();
  const unchecked = new Set<string>();
  for (const [id, state] of states) {
    if (state === 'unchecked') unchecked.add(id);
    else stories.set(id, state);
  }
  const registryOf = (kind: EntityKind) => ({ ids: new Set(archive[kind].map((entry) => entry.id)), file: REGISTRY_FILES[kind] });
  const registries = { topics: registryOf('topics'), people: registryOf('people'), organisations: registryOf('organisations') };
  return { paths, stories, unchecked, registries };
}

/** The dates of `updated` and of each correction that come before the story's own date. */
function changeDateProblems(frontmatter: Frontmatter, locate: ParsedYaml['locate']): Omit<ContentProblem, 'file'>[] {
  // A month-only story date sorts below every day of its month, so any day of that month is not before it.
  const story = storyDateSortKey(frontmatter.date);
  const changes: { at: (string | number)[]; date: string }[] = [
    ...(frontmatter.updated === undefined ? [] : [{ at: ['updated'], date: frontmatter.updated }]),
    ...frontmatter.corrections.map((correction, index) => ({ at: ['corrections', index, 'date'], date: correction.date })),
  ];
  return changes
    .filter((change) => storyDateSortKey(change.date) < story)
    .map((change) => ({ kind: 'DateBeforeStory' as const, ...locate(change.at), field: change.at.join('.'), message: `${change.date} is before the story's date ${frontmatter.date}` }));
}

/**
 * An alias must name one story only, and no story's own folder: otherwise two pages would
 * be written at one address. Reported in the file of the story that lists the alias.
 */
function storyAliasProblems(stories: readonly Story[], aliasesAt: ReadonlyMap<Story, AliasesAt>, storyIds: ReadonlySet<string>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const claimed = new Map<string, Story>();
  for (const story of stories) {
    const at = aliasesAt.get(story) ?? { file: story.id };
    story.aliases.forEach((alias, index) => {
      const where = { ...at, field: `aliases.${index}` };
      const first = claimed.get(alias);
      if (storyIds.has(alias)) {
        const own = alias === story.id;
        problems.push({ kind: 'StoryAliasClash', ...where, message: own ? `"${alias}" is this story's own id, not an earlier one` : `"${alias}" is the id of the story in ${ARTICLES_FOLDER}/${alias}/` });
      } else if (first) {
        problems.push({ kind: 'StoryAliasClash', ...where, message: `"${alias}" is already an alias of the story "${first.id}"` });
      } else claimed.set(alias, story);
    });
  }
  return problems;
}

/** One problem per schema issue, at the line of the offending value. */
function schemaProblems(error: z.ZodError, raw: unknown, file: string, located: Pick<ParsedYaml, 'locate'>, prefix: (string | number)[]): ContentProblem[] {
  return error.issues.flatMap((issue): ContentProblem[] => {
    const issuePath = [...prefix, ...issue.path.filter((key): key is string | number => typeof key !== 'symbol')];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        kind: 'UnknownField' as const,
        file,
        ...located.locate([...issuePath, key]),
        field: [...issuePath, key].join('.'),
        message: `unknown field "${key}"`,
      }));
    }
    const missing = valueAt(raw, issue.path) === undefined;
    // The text rules of lib/content/schema.ts name their own kind of problem, and the date rules a hint.
    const named: unknown = issue.code === 'custom' ? issue.params?.kind : undefined;
    const hint: unknown = issue.code === 'custom' ? issue.params?.hint : undefined;
    return [
      {
        kind: isProblemKind(named) ? named : 'InvalidField',
        file,
        ...located.locate(issuePath),
        field: issuePath.join('.') || undefined,
        message: missing ? `required field is missing (${issue.message})` : issue.message,
        ...(typeof hint === 'string' ? { hint } : {}),
      },
    ];
  });
}

function valueAt(value: unknown, keys: readonly PropertyKey[]): unknown {
  let current: unknown = value;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** The content folder: `CONTENT_DIR`, or `content/` in the working directory. */
export function contentDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.CONTENT_DIR ?? 'content');
}
