/**
 * Reads the content folder once, validates every file against the schemas and the
 * contract's cross-file rules, renders the bodies, and returns the archive together
 * with every problem found. Nothing is dropped silently: a file that fails is
 * reported, and the caller (build or check) stops on any error.
 */
import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { digestOf } from '../caches/keyed-cache';
import type { CheckCache, RenderCache } from '../caches/content-caches';
import { inspectStoryImages, type ImageCatalogue, type InspectCache } from '../images/story-images';
import { sitePaths } from '../outputs/site-paths';
import { storyDateSortKey } from '../site/dates';
import type { Locale } from '../site/i18n';
import { buildRegistry, ENTITY_KINDS, type EntityKind } from '../views/entities';
import { aliasClashProblems, aliasProblems } from './aliases';
import { acceptedYears, yearRangeProblems } from './date-range';
import { attempt, contentRoot, lookUp, type ContentRoot } from './content-files';
import type { FileStamps } from '../caches/file-stamps';
import { internalLinkProblems, type LinkingFile, type SitePages } from './internal-links';
import { severityOf, type ContentProblem } from './problems';
import { OrganisationSchema, PersonSchema, TopicSchema, type Archive, type Story } from './schema';

import { type ArticleSetting } from './articles';
import { ARTICLES_FOLDER, REGISTRY_FILES } from './layout';
import { readRegistry, roleReferenceProblems, type ReadRegistry } from './registries';
import { readStory, storyAliasProblems, type StoryAliases, type StoryResult, type StoryState } from './stories';

export interface LoadedContent {
  archive: Archive;
  problems: ContentProblem[];
  /** Drafts are validated like any story but never published; counted here for the check's summary. */
  drafts: number;
  /** What each story folder gave, for a later load to take as read (LoadOptions.earlier). */
  folders: ReadonlyMap<string, FolderRead>;
}

/** What reading one story folder gave, with the registries (and the years dates may fall in) it was read against. */
interface FolderRead {
  registries: string;
  story: StoryResult;
  problems: ContentProblem[];
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
  /** Article files and story folders known by their stat since an earlier build read them (content-files.ts). */
  stamps?: FileStamps;
  /** What each photo file was found to be by the digest of its bytes, for loadContentWithImages. */
  inspectCache?: InspectCache;
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
  /**
   * The story folders an earlier load of the same content read, and which of them nobody
   * saved in since (`npm run dev`, which knows from its watcher): those are taken as read
   * then, while the registries are the same, so a save reads only its own story again.
   * The checks across stories (aliases, links) still look at every story.
   */
  earlier?: { folders: ReadonlyMap<string, FolderRead>; unchanged: (folder: string) => boolean };
  /** The day the check runs, which sets the latest year a date may have (lib/content/date-range.ts); the clock's by default. */
  today?: Date;
}

/** A path as problems name it: relative to the working folder, as an editor sees it in the repository. */
const display = (file: string) => path.relative(process.cwd(), file) || file;

/** Loads the content with its photos inspected first (the build and the check; `inspectCache` keeps earlier inspections). */
export async function loadContentWithImages(contentDir: string, options: LoadOptions = {}): Promise<LoadedContent> {
  const { earlier } = options;
  const images = await inspectStoryImages(
    path.join(contentDir, ARTICLES_FOLDER),
    contentRoot(contentDir, display),
    options.inspectCache,
    // A folder taken as read needs no photo looked at.
    earlier ? (folder) => !(earlier.unchanged(folder) && earlier.folders.has(folder)) : undefined,
  );
  return loadContent(contentDir, { ...options, images });
}

export function loadContent(contentDir: string, options: LoadOptions = {}): LoadedContent {
  const problems: ContentProblem[] = [];
  const root = contentRoot(contentDir, display);
  const years = acceptedYears(options.today ?? new Date());

  const reading = { contentDir, root, problems, checkCache: options.checkCache };
  const topics = readRegistry(reading, 'topics', TopicSchema);
  const organisations = readRegistry(
    reading,
    'organisations',
    OrganisationSchema,
    null,
    (_organisation, index, at, raw) => aliasProblems(raw, index, at),
  );
  const organisationIds = new Set(organisations.entries.map((organisation) => organisation.id));
  const articlesDir = path.join(contentDir, ARTICLES_FOLDER);
  const entries = listArticles(articlesDir, root, problems).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  // Roles name the stories that report them.
  const storyIds = new Set(entries.map((entry) => entry.name));
  const people = readRegistry(
    reading,
    'people',
    PersonSchema,
    { organisations: [...organisationIds], years },
    (person, index, at, raw) => [
      ...aliasProblems(raw, index, at),
      ...person.roles.flatMap((role, roleIndex) =>
        roleReferenceProblems(role, [index, 'roles', roleIndex], at, organisationIds, storyIds),
      ),
      ...yearRangeProblems(
        person.roles.flatMap((role, roleIndex) =>
          role.from === undefined ? [] : [{ at: [index, 'roles', roleIndex, 'from'], date: role.from }],
        ),
        years,
        at,
      ),
    ],
    // A story added or removed changes nothing while every story a role names is there, as it was when checked
    // (the hint of a missing one is the nearest of all the story ids): a new story does not read the people again.
    ({ problems, entries }) =>
      problems.every((problem) => problem.kind !== 'MissingRoleStory') &&
      entries.every((person) =>
        person.roles.every((role) => role.reported_in === undefined || storyIds.has(role.reported_in)),
      ),
  );
  problems.push(...aliasClashProblems([topics, people, organisations]));
  const lists = { topics: topics.entries, people: people.entries, organisations: organisations.entries };
  const registry = buildRegistry(lists);
  const setting: ArticleSetting = {
    registry,
    renderCache: options.renderCache,
    checkCache: options.checkCache,
    stamps: options.stamps,
    context: options.checkCache ? digestOf(JSON.stringify({ lists, years })) : '',
    root,
    images: options.images,
    includeDrafts: options.includeDrafts ?? false,
    years,
  };

  const stories: Story[] = [];
  const aliases: StoryAliases[] = [];
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
  const registries = JSON.stringify({ lists, years });
  const folderReads = new Map<string, FolderRead>();
  for (const folder of folders) {
    const earlier = options.earlier?.unchanged(folder) ? options.earlier.folders.get(folder) : undefined;
    const read =
      earlier?.registries === registries
        ? earlier
        : readFolder(path.join(articlesDir, folder), folder, setting, registries);
    folderReads.set(folder, read);
    problems.push(...read.problems);
    const loaded = read.story;
    linking.push(...loaded.linking);
    storyStates.set(folder, loaded.state);
    if (loaded.published) stories.push(loaded.published);
    if (loaded.aliases) aliases.push(loaded.aliases);
    drafts += loaded.drafts;
  }

  problems.push(...storyAliasProblems(aliases, storyIds));
  // Each date is parsed once, not once per comparison (the order is compareStoryDatesNewestFirst's).
  const dateKeys = new Map(stories.map((story) => [story, storyDateSortKey(story.date)]));
  stories.sort((a, b) => (dateKeys.get(b) ?? 0) - (dateKeys.get(a) ?? 0) || a.id.localeCompare(b.id));
  // After sorting: the views that list the site's pages keep an index of the list they are given, in its order.
  if (linking.some((file) => file.links.length > 0))
    problems.push(...internalLinkProblems(linking, sitePages({ stories, ...lists }, storyStates)));
  const reported = withoutUnreadRegistryIds(problems, [topics, people, organisations]);
  reported.sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
  return { archive: { stories, ...lists }, problems: reported, drafts, folders: folderReads };
}

/**
 * The problems without the stories' ids of a kind whose registry could not be read as a list (missing, unreadable, not
 * YAML): its own problem says why, which an unknown-id error for every story, each with the hint to add an id the file
 * already holds, would bury.
 */
function withoutUnreadRegistryIds(
  problems: readonly ContentProblem[],
  registries: readonly ReadRegistry<unknown>[],
): ContentProblem[] {
  const unread = new Set(
    registries
      .filter(
        ({ file, entries }) =>
          entries.length === 0 && problems.some((problem) => problem.file === file && severityOf(problem) === 'error'),
      )
      .map(({ kind }) => kind),
  );
  return problems.filter(
    (problem) =>
      problem.kind !== 'UnknownReference' ||
      !ENTITY_KINDS.some((kind) => unread.has(kind) && problem.field?.startsWith(`${kind}.`)),
  );
}

function readFolder(folderPath: string, id: string, setting: ArticleSetting, registries: string): FolderRead {
  const problems: ContentProblem[] = [];
  return { registries, story: readStory(folderPath, id, setting, display, problems), problems };
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
    problems.push({
      kind: 'UnexpectedFile',
      file: root.display(articlesDir),
      message: `expected ${ARTICLES_FOLDER}/ to be a folder of stories, found a file`,
      hint: `Remove the file: ${ARTICLES_FOLDER}/ holds one folder per story.`,
    });
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

/** Every path the build writes a page or feed at, and the state of each story folder, for judging the texts' links. */
function sitePages(archive: Archive, states: ReadonlyMap<string, StoryState>): SitePages {
  const paths = sitePaths(archive);
  const stories = new Map<string, { published: Locale[]; drafts: Locale[] }>();
  const unchecked = new Set<string>();
  for (const [id, state] of states) {
    if (state === 'unchecked') unchecked.add(id);
    else stories.set(id, state);
  }
  const registryOf = (kind: EntityKind) => ({
    ids: new Set(archive[kind].map((entry) => entry.id)),
    file: REGISTRY_FILES[kind],
  });
  const registries = {
    topics: registryOf('topics'),
    people: registryOf('people'),
    organisations: registryOf('organisations'),
  };
  return { paths, stories, unchecked, registries };
}
