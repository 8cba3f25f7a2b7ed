/**
 * The archive as pages see it. The content pipeline (scripts/build-content.ts) loads,
 * validates and renders the content once per build and writes one JSON file; every
 * page and every build worker reads that file here, parsed against the same schema,
 * instead of reading content again.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildRegistry, type EntityByKind, type EntityKind, type Registry } from './entities';
import { ArchiveSchema, type Archive, type Story } from '../content/schema';

export const ARCHIVE_FILE = path.join('.archive', 'archive.json');

let cached: { archive: Archive; registry: Registry; byId: Map<string, Story> } | undefined;

function load() {
  if (!cached) {
    const archive = ArchiveSchema.parse(JSON.parse(readFileSync(path.join(process.cwd(), ARCHIVE_FILE), 'utf8')));
    cached = {
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
