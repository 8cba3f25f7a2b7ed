/**
 * One article file: every check of its frontmatter and body, its rendering, and the cache
 * protocol that reuses the outcome of checking the same bytes against the same registries
 * and photos.
 */
import { digestOf, keep, reuse } from '../caches/keyed-cache';
import {
  renderCached,
  renderKey,
  type CheckCache,
  type RenderCache,
  type RenderedBody,
} from '../caches/content-caches';
import type { CheckedArticle, CheckedFile, StoryFieldsSaid } from './checked-file';
import {
  bodyImageReferences,
  imageReferenceProblems,
  longImageTextProblems,
  lostCaptionProblems,
  smallPhotoProblems,
  type ImageReference,
} from '../images/image-references';
import { type InspectedImage } from '../images/inspect';
import { type ImageCatalogue } from '../images/story-images';
import { storyDateSortKey } from '../site/dates';
import { type Locale } from '../site/i18n';
import { characterCount } from '../text/character-count';
import { closestId, ENTITY_KINDS, ENTITY_NOUNS, type EntityKind, type Registry } from '../views/entities';
import { isProblem, readContentDigest, removedWhileReading, type ContentRoot } from './content-files';
import type { FileStamps } from '../caches/file-stamps';
import { resolveCredits } from './credit-links';
import { decodeUtf8, splitArticleSource } from './frontmatter';
import { ID_PATTERN } from './ids';
import { bodyLinks } from './internal-links';
import { parseMarkdown, readingMinutes } from './markdown';
import { markdownLimitBreaches } from './markdown-limits';
import { untaggedMentionProblems } from './mentions';
import { idForName } from './named-ids';
import { severityOf, type ContentProblem } from './problems';
import { provenanceProblems } from './provenance';
import { bodyCharacterProblems } from './refused-characters';
import { removedHtmlProblems } from './removed-html';
import { droppedLinkProblems } from './dropped-links';
import { inYears, yearRangeProblems, type PlacedDate, type YearRange } from './date-range';
import { FrontmatterSchema, STORY_FIELDS, type Article, type Frontmatter, type StoryField } from './schema';
import { articleNumbers, numbersAsWords, storedNumbers } from './translation-numbers';
import { type ParsedYaml } from './yaml';

import { REGISTRY_FILES } from './layout';
import { schemaProblems, valueAt } from './schema-problems';

/** Bodies above this are refused: no news report is that long, and it keeps pages and the index sane. */
export const MAX_BODY_BYTES = 1_000_000;

/** The photos of one story folder, as an article of it is checked against them. */
export interface FolderImages {
  /** The folder as the editor sees it, for messages. */
  display: string;
  /** Every photo file in the folder, publishable or not. */
  names: ReadonlySet<string>;
  /** The photos that can be published, by file name. */
  usable: ReadonlyMap<string, InspectedImage>;
}

/** What checking an article needs besides the file itself. */
export interface ArticleSetting {
  registry: Registry;
  renderCache: RenderCache | undefined;
  checkCache: CheckCache | undefined;
  /** Article files and story folders known by their stat (content-files.ts); used with the check cache only. */
  stamps: FileStamps | undefined;
  /** What every article's outcome depends on besides the file: the registries (ids, names and aliases decide unknown references and untagged mentions). */
  context: string;
  root: ContentRoot;
  images: ImageCatalogue | undefined;
  includeDrafts: boolean;
  /** The years a date may fall in; `context` holds them too, as the outcome depends on them. */
  years: YearRange;
}

/** Where the fields both language files of a story must agree on stand in one of them. */
export type FieldPositions = Record<StoryField, { line: number; column: number }>;

/**
 * One valid language version, with its `positions` (FieldPositions) and `numbers` (storedNumbers) as JSON, as the
 * check cache keeps them: one string reads back far faster than the many small objects it holds, and a warm build parses
 * them only for a story whose files changed or disagree, or that has aliases.
 */
export interface ArticleVersion {
  article: Article;
  positions: string;
  numbers: string;
  file: string;
  /** The key of its outcome in the check cache, when loading with one. */
  checkKey?: string;
}

interface ReadArticle {
  problems: ContentProblem[];
  version?: ArticleVersion;
  /** What the file says of its story when it is not valid. */
  said?: StoryFieldsSaid;
  links?: CheckedFile['links'];
  /** The photo files the article names, whether or not it is valid. */
  images: string[];
}

/**
 * Checks one article file, or reuses the outcome of checking the same bytes before (with
 * the same registries): its problems are reported either way.
 */
export function readArticle(
  absolute: string,
  storyId: string,
  locale: Locale,
  file: string,
  setting: ArticleSetting,
  folder: FolderImages,
): ReadArticle {
  const { checkCache, renderCache, root, stamps } = setting;
  // Its story folder was found inside the content folder as it was listed (readStory).
  const read = readContentDigest(absolute, root, checkCache && stamps);
  // Listed a moment ago, so a file that is missing now was removed while loading.
  if (read === 'missing') return { problems: [removedWhileReading(file)], images: [] };
  if (isProblem(read)) return { problems: [read], images: [] };
  // The outcome depends on the folder's photos too: which files are there and what each is.
  const key = digestOf(setting.context, JSON.stringify([[...folder.names], [...folder.usable]]), file, read.digest);
  const earlier =
    checkCache &&
    reuse(
      checkCache,
      key,
      (checked) => checked.article === undefined || (renderCache?.entries.has(checked.article.renderKey) ?? false),
    );
  if (earlier) {
    const rendered = earlier.article && renderCache ? reuse(renderCache, earlier.article.renderKey) : undefined;
    return readOutcome({ ...earlier, ...(rendered ? { rendered } : {}) }, key);
  }
  // Known by its stamp but not checked as it is now: it is read, and checked as its bytes are.
  if (!read.bytes) return readArticle(absolute, storyId, locale, file, { ...setting, stamps: undefined }, folder);
  const checked = checkArticle(read.bytes, storyId, locale, file, setting, folder);
  if (checkCache)
    keep(checkCache, key, {
      problems: checked.problems,
      images: checked.images ?? [],
      ...(checked.article ? { article: checked.article } : {}),
      ...(checked.links ? { links: checked.links } : {}),
      ...(checked.said ? { said: checked.said } : {}),
    });
  return readOutcome(checked, checkCache && key);
}

function readOutcome(
  { problems, article, rendered, links, images = [], said }: CheckedFile & { rendered?: RenderedBody },
  checkKey?: string,
): ReadArticle {
  const found = links ? { links } : {};
  if (!article || !rendered) return { problems, images, ...found, ...(said ? { said } : {}) };
  return {
    problems,
    images,
    ...found,
    version: {
      article: {
        ...article.fields,
        html: rendered.html,
        text: rendered.text,
        textDigest: rendered.textDigest,
        headings: rendered.headings,
      },
      positions: article.positions,
      numbers: article.numbers,
      file: article.fields.file,
      ...(checkKey === undefined ? {} : { checkKey }),
    },
  };
}

/** The checks of one article file, from its bytes: every problem, and the article when it is valid. */
function checkArticle(
  bytes: Uint8Array,
  storyId: string,
  locale: Locale,
  file: string,
  { registry, renderCache, years }: ArticleSetting,
  folder: FolderImages,
): CheckedFile & { rendered?: RenderedBody } {
  const problems: ContentProblem[] = [];
  const text = decodeUtf8(bytes, file);
  if (typeof text !== 'string') return { problems: [text] };
  const source = splitArticleSource(text, file);
  if (Array.isArray(source)) return { problems: source };
  const refused = bodyCharacterProblems(source.body, source.bodyLine, file);
  problems.push(...refused);
  const result = FrontmatterSchema.safeParse(source.data);
  // A frontmatter that fails its schema does not stop the other checks: every problem of the file is reported in one run.
  if (!result.success)
    problems.push(
      ...schemaProblems(result.error, source.data, file, source, [], Object.keys(FrontmatterSchema.shape)).map(
        (problem) => namedIdProblem(problem, source.data, registry),
      ),
    );
  const frontmatter = result.success ? result.data : undefined;
  const lists = frontmatter ?? idListsOf(source.data);
  const unknown = unknownReferenceProblems(lists, registry, file, source.locate);
  problems.push(...unknown);
  let valid = result.success && refused.length === 0 && unknown.length === 0;
  if (source.body.trim() === '') {
    problems.push({
      kind: 'EmptyBody',
      file,
      line: source.bodyLine,
      column: 1,
      message: 'the article has no text after its frontmatter',
    });
    return { problems };
  }
  const bodyBytes = Buffer.byteLength(source.body);
  if (bodyBytes > MAX_BODY_BYTES) {
    problems.push({
      kind: 'BodyTooLarge',
      file,
      line: source.bodyLine,
      column: 1,
      message: `the body is ${bodyBytes} bytes; the limit is ${MAX_BODY_BYTES} bytes`,
    });
    return { problems };
  }
  if (frontmatter)
    problems.push(...provenanceProblems(frontmatter, locale, source.locate).map((problem) => ({ ...problem, file })));
  const dated = frontmatter ?? fieldsOnTheirOwn(source.data, ['date', 'updated', 'corrections']);
  const changes = changeDates(dated);
  const storyDate = dated.date === undefined ? [] : [{ at: ['date'], date: dated.date }];
  const dateProblems = [
    ...yearRangeProblems([...storyDate, ...changes], years, source.locate),
    // A change whose own year is refused is not compared with the story's date as well.
    ...(dated.date === undefined
      ? []
      : changeDateProblems(
          dated.date,
          changes.filter((change) => inYears(change.date, years)),
          source.locate,
        )),
  ].map((problem) => ({ ...problem, file }));
  problems.push(...dateProblems);
  if (dateProblems.length > 0) valid = false;
  const breaches = markdownLimitBreaches(source.body, source.bodyLine);
  if (breaches.length > 0) {
    // Parsing such a body could take minutes or exhaust the stack: it is refused unparsed.
    problems.push(
      ...breaches.map((breach) => ({
        kind: 'MarkdownTooComplex' as const,
        file,
        line: breach.line,
        column: breach.column,
        message: breach.message,
        hint: breach.hint,
      })),
    );
    return { problems };
  }
  const summaryLength = frontmatter ? characterCount(frontmatter.summary) : 0;
  if (summaryLength > 300) {
    problems.push({
      kind: 'LongSummary',
      file,
      ...source.locate(['summary']),
      field: 'summary',
      message: `the summary has ${summaryLength} characters; under 300 reads best`,
    });
  }
  // One parse serves mention detection, links, removed HTML and rendering, which is most of checking a file.
  const tree = parseMarkdown(source.body);
  // An id not in the registry stands for the id its problem suggests: the entity a mistyped id meant, named in the text,
  // is not also reported untagged, pulling the editor another way.
  const meant = (kind: 'people' | 'organisations') =>
    lists[kind].flatMap((id) =>
      id === undefined ? [] : registry[kind].has(id) ? [id] : (closestId(id, registry[kind].keys()) ?? []),
    );
  const tagged = { people: meant('people'), organisations: meant('organisations') };
  problems.push(...untaggedMentionProblems(tagged, source.body, source.bodyLine, file, registry, tree));
  const removedHtml = removedHtmlProblems(tree, source.bodyLine, file);
  problems.push(...removedHtml.problems);
  // A block of HTML that is never closed would take the rest of the text off the page.
  if (removedHtml.problems.some((problem) => severityOf(problem) === 'error')) valid = false;
  problems.push(...droppedLinkProblems(tree, source.body, source.bodyLine, file));
  const links = bodyLinks(tree, source.body, source.bodyLine);
  const leadImage = frontmatter ? frontmatter.image : leadImageOnItsOwn(source.data);
  const references: ImageReference[] = [
    ...(leadImage?.src === undefined
      ? []
      : [
          {
            src: leadImage.src,
            alt: leadImage.alt,
            at: { ...source.locate(['image', 'src']), field: 'image.src' },
            altAt: { ...source.locate(['image', 'alt']), field: 'image.alt' },
          },
        ]),
    ...bodyImageReferences(tree, source.bodyLine),
  ];
  const shownNames = [...new Set(references.map((reference) => reference.src))];
  // A photo an <img> tag names is not unused: the editor meant to show it, and RemovedHtml says how.
  const images = [...new Set([...shownNames, ...removedHtml.photos])];
  const imageProblems = [
    ...imageReferenceProblems(references, folder.display, folder.names),
    ...lostCaptionProblems(tree, source.bodyLine),
    ...longImageTextProblems(tree, source.bodyLine),
  ].map((problem) => ({ ...problem, file }));
  problems.push(...imageProblems);
  problems.push(...smallPhotoProblems(references, folder.usable).map((problem) => ({ ...problem, file })));
  // A photo that cannot be published is reported once, on its own file; an article showing it is not valid either.
  if (
    imageProblems.some((problem) => severityOf(problem) === 'error') ||
    shownNames.some((name) => folder.names.has(name) && !folder.usable.has(name))
  )
    valid = false;
  // An invalid file still says what it can of the story, for the other language's file to be compared with.
  if (!valid || !frontmatter) return { problems, links, images, said: storyFieldsSaid(source, problems) };
  const numbers = articleNumbers(
    frontmatter,
    { title: source.locate(['title']), summary: source.locate(['summary']) },
    tree,
    source.body,
    source.bodyLine,
    locale,
  );
  const shown = new Map(
    shownNames.flatMap((name) => {
      const found = folder.usable.get(name);
      return found ? [[name, found] as const] : [];
    }),
  );
  const renderSetting = { locale, images: shown };
  const rendered = renderCached(source.body, renderCache, tree, renderSetting);
  // A body of comments or removed HTML only (e.g. a template's guidance) shows readers nothing.
  if (rendered.text.trim() === '' && !/<img\b/.test(rendered.html)) {
    problems.push({
      kind: 'EmptyBody',
      file,
      line: source.bodyLine,
      column: 1,
      message: 'the article has no text a reader would see (only comments or HTML that is removed)',
    });
    return { problems, links, images };
  }
  const positions = storyFieldPositions(source);
  const resolved = resolveCredits(frontmatter, registry, locale);
  const photos = [...shown].map(([src, found]) => ({
    src,
    digest: found.digest,
    width: found.width,
    height: found.height,
  }));
  const lead = frontmatter.image && photos.find((photo) => photo.src === frontmatter.image?.src);
  const image = frontmatter.image && lead ? { ...frontmatter.image, ...lead } : undefined;
  const fields = {
    ...frontmatter,
    ...resolved.credits,
    image,
    photos,
    creditLinks: resolved.creditLinks,
    storyId,
    locale,
    file,
    readingMinutes: readingMinutes(rendered.text),
  };
  // Read once here, with the file, rather than each time the story's files are compared.
  const words = numbersAsWords(`${frontmatter.title}\n${frontmatter.summary}\n${rendered.text}`);
  const article: CheckedArticle = {
    fields,
    renderKey: renderKey(source.body, renderSetting),
    positions: JSON.stringify(positions),
    numbers: storedNumbers(numbers, words),
  };
  return { problems, article, rendered, links, images };
}

/** Where each of the story's shared fields stands in a file (or where it would). */
const storyFieldPositions = (source: { locate: ParsedYaml['locate'] }): FieldPositions =>
  Object.fromEntries(STORY_FIELDS.map((field) => [field, source.locate([field])])) as FieldPositions;

/**
 * What an invalid file says of its story: the shared fields that pass on their own and have no problem of their own
 * (an unknown id is reported as such, not again as a difference from the other file), and where they stand.
 */
function storyFieldsSaid(
  source: { data: unknown; locate: ParsedYaml['locate'] },
  problems: readonly ContentProblem[],
): StoryFieldsSaid {
  const faulty = new Set(problems.map((problem) => problem.field?.split('.')[0]));
  const fields = STORY_FIELDS.filter((field) => !faulty.has(field));
  return { values: fieldsOnTheirOwn(source.data, fields), positions: JSON.stringify(storyFieldPositions(source)) };
}

/**
 * Those of `fields` that pass their own schema in a frontmatter that failed as a whole: what the checks that read them
 * (the lead image, dates of change, the story's shared fields) can still check, so every problem shows in one run.
 */
function fieldsOnTheirOwn<Field extends keyof Frontmatter>(
  data: unknown,
  fields: readonly Field[],
): Partial<Pick<Frontmatter, Field>> {
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const found: Partial<Pick<Frontmatter, Field>> = {};
  for (const field of fields) {
    const parsed = FrontmatterSchema.shape[field].safeParse(record[field]);
    if (parsed.success && parsed.data !== undefined) found[field] = parsed.data as Frontmatter[Field];
  }
  return found;
}

/** The lead image's fields, each checked as the frontmatter's schema checks it. */
const LEAD_IMAGE_FIELDS = FrontmatterSchema.shape.image.unwrap().shape;

/**
 * The file name and alt text of a lead image that failed its schema (no alt text, a caption that is not text), each
 * taken if it passes on its own: a missing photo is reported in the same run as the field's problem. An alt text refused
 * on its own is left out, its problem already said.
 */
function leadImageOnItsOwn(data: unknown): { src?: string; alt?: string } {
  const src = LEAD_IMAGE_FIELDS.src.safeParse(valueAt(data, ['image', 'src']));
  const alt = LEAD_IMAGE_FIELDS.alt.safeParse(valueAt(data, ['image', 'alt']));
  return { ...(src.success ? { src: src.data } : {}), ...(alt.success ? { alt: alt.data } : {}) };
}

/** The id lists of a frontmatter that failed its schema: the values that are ids, at their places (other values are reported by the schema). */
function idListsOf(data: unknown): Record<EntityKind, (string | undefined)[]> {
  const listOf = (kind: EntityKind) => {
    const value: unknown =
      typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[kind] : undefined;
    return Array.isArray(value)
      ? value.map((id: unknown) => (typeof id === 'string' && ID_PATTERN.test(id) ? id : undefined))
      : [];
  };
  return { topics: listOf('topics'), people: listOf('people'), organisations: listOf('organisations') };
}

/** An id of a topic, person or organisation that is not in its registry, with the nearest id as a hint. */
function unknownReferenceProblems(
  lists: Record<EntityKind, readonly (string | undefined)[]>,
  registry: Registry,
  file: string,
  locate: ParsedYaml['locate'],
): ContentProblem[] {
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
          message: `unknown ${ENTITY_NOUNS[kind]} id "${id}"`,
          hint: suggestion
            ? `Did you mean \`${suggestion}\`? Ids are listed in ${REGISTRY_FILES[kind]}.`
            : `Add "${id}" to ${REGISTRY_FILES[kind]}, or use an id listed there.`,
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
  return {
    ...problem,
    kind: 'NameInsteadOfId',
    message: `"${written}" is a name; ${entityKind} lists ids`,
    hint: `Write \`${id}\`, the id of "${written}" in ${REGISTRY_FILES[entityKind]}.`,
  };
}

/** The dates of a file's changes, `updated` and each correction's, where they stand. */
function changeDates(frontmatter: Partial<Pick<Frontmatter, 'updated' | 'corrections'>>): PlacedDate[] {
  return [
    ...(frontmatter.updated === undefined ? [] : [{ at: ['updated'], date: frontmatter.updated }]),
    ...(frontmatter.corrections ?? []).map((correction, index) => ({
      at: ['corrections', index, 'date'],
      date: correction.date,
    })),
  ];
}

/** The dates of changes that come before the story's own date. */
function changeDateProblems(
  storyDate: string,
  changes: readonly PlacedDate[],
  locate: ParsedYaml['locate'],
): Omit<ContentProblem, 'file'>[] {
  // A month-only story date sorts below every day of its month, so any day of that month is not before it.
  const story = storyDateSortKey(storyDate);
  return changes
    .filter((change) => storyDateSortKey(change.date) < story)
    .map((change) => ({
      kind: 'DateBeforeStory' as const,
      ...locate(change.at),
      field: change.at.join('.'),
      message: `${change.date} is before the story's date ${storyDate}`,
    }));
}
