/**
 * The archive as pages see it. The content pipeline (scripts/build-content.ts) loads,
 * validates and renders the content once per build and writes one JSON file; every
 * page and every build worker reads that file here, parsed against the same schema,
 * instead of reading content again.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildRegistry, type EntityByKind, type EntityKind, type Registry } from './entities';
import { z } from 'zod';
import { ArchiveSchema, StorySchema, type Archive, type Story } from '../content/schema';
import { changedStoriesFile, withChangedStories } from './archive-updates';

export const ARCHIVE_FILE = path.join('.archive', 'archive.json');

/**
 * The archive file pages read: ARCHIVE_FILE, or the one `npm run dev` names in
 * `ARCHIVE_PATH` (drafts included), so a build run beside it keeps its own.
 */
function archiveFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.ARCHIVE_PATH ?? ARCHIVE_FILE);
}

type Loaded = { archive: Archive; registry: Registry; byId: Map<string, Story> };

function loaded(archive: Archive, registry = buildRegistry(archive)): Loaded {
  return { archive, registry, byId: new Map(archive.stories.map((story) => [story.id, story])) };
}

let cached: Loaded | undefined;

/** What a file was when last read, so it is read again only when it was replaced (the preview writes by renaming). */
function versionOf(file: string): string | undefined {
  const stats = statSync(file, { throwIfNoEntry: false });
  return stats && `${stats.ino}:${stats.mtimeMs}`;
}

/** `npm run dev`'s record and the stories saved since it was written (lib/views/archive-updates.ts), each read when replaced. */
const preview = {
  record: undefined as { version: string | undefined; loaded: Loaded } | undefined,
  changed: undefined as { version: string | undefined; record: Loaded; loaded: Loaded } | undefined,
};

const ChangedStoriesSchema = z.array(StorySchema);

function readArchive(file: string): Archive {
  return ArchiveSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

function load(): Loaded {
  const file = archiveFile();
  // `next dev` keeps this module between requests while `npm run dev` replaces its files on every save.
  if (process.env.NODE_ENV !== 'development') return (cached ??= loaded(readArchive(file)));
  const recordVersion = versionOf(file);
  if (!preview.record || preview.record.version !== recordVersion)
    preview.record = { version: recordVersion, loaded: loaded(readArchive(file)) };
  const record = preview.record.loaded;
  const changedFile = changedStoriesFile(file);
  const changedVersion = versionOf(changedFile);
  if (!preview.changed || preview.changed.version !== changedVersion || preview.changed.record !== record) {
    const changed = changedVersion ? ChangedStoriesSchema.parse(JSON.parse(readFileSync(changedFile, 'utf8'))) : [];
    // Changed stories never change the registries (the preview writes the whole record then).
    preview.changed = {
      version: changedVersion,
      record,
      loaded: changed.length ? loaded(withChangedStories(record.archive, changed), record.registry) : record,
    };
  }
  return preview.changed.loaded;
}

export function getArchive(): Archive {
  return load().archive;
}

/** Topics, people and organisations by id. */
export function getRegistry(): Registry {
  return load().registry;
}

export function getStory(id: string): Story {
  const story = load().byId.get(id);
  if (!story) throw new Error(`No story "${id}" in the archive`);
  return story;
}

export function getEntity<K extends EntityKind>(kind: K, id: string): EntityByKind[K] {
  const entity = load().registry[kind].get(id);
  if (!entity) throw new Error(`No ${kind} entry "${id}" in the archive`);
  return entity;
}
