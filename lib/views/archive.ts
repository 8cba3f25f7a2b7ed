/**
 * The archive as pages see it. The content pipeline (scripts/build-content.ts) loads,
 * validates and renders the content once per build and writes one JSON file; every
 * page and every build worker reads that file here, parsed against the same schema,
 * instead of reading content again.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildRegistry, type EntityByKind, type EntityKind, type Registry } from './entities';
import { ArchiveSchema, type Archive, type Story } from '../content/schema';

export const ARCHIVE_FILE = path.join('.archive', 'archive.json');

/**
 * The archive file pages read: ARCHIVE_FILE, or the one `npm run dev` names in
 * `ARCHIVE_PATH` (drafts included), so a build run beside it keeps its own.
 */
export function archiveFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.ARCHIVE_PATH ?? ARCHIVE_FILE);
}

let cached: { archive: Archive; registry: Registry; byId: Map<string, Story>; version: number } | undefined;

function load() {
  const file = archiveFile();
  // `next dev` keeps this module between requests while `npm run dev` rewrites the file on
  // every save, so there the file's time says whether it must be read again.
  const version = process.env.NODE_ENV === 'development' ? statSync(file).mtimeMs : 0;
  if (!cached || cached.version !== version) {
    const archive = ArchiveSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    cached = {
      version,
      archive,
      registry: buildRegistry(archive),
      byId: new Map(archive.stories.map((story) => [story.id, story])),
    };
  }
  return cached;
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
