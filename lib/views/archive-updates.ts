/**
 * How `npm run dev` updates the archive record its pages read after a save. A large
 * archive's record is far too big to rewrite and read again for every keystroke saved,
 * and a save of an article changes only its own story: a story is made from its folder's
 * files and the registries, never from another story. So while the registries and the
 * stories' order stay as they were, the record is left alone and the stories saved since
 * it was written go, whole, into a small file beside it, which the pages read over it.
 */
import path from 'node:path';
import { ARTICLES_FOLDER } from '../content/layout';
import type { Archive, Story } from '../content/schema';

/** The stories saved since the archive record was written, beside it. */
export function changedStoriesFile(archiveFile: string): string {
  return path.join(path.dirname(archiveFile), 'changed-stories.json');
}

/** Every story may have changed: a registry, or something else than a story's own files, was saved. */
export const EVERY_STORY = 'every story';
export type TouchedStories = ReadonlySet<string> | typeof EVERY_STORY;

/** The story folders the saved files belong to, or EVERY_STORY when one of them is not in a story's folder. */
export function storiesTouched(files: readonly string[], contentDir: string): TouchedStories {
  const ids = new Set<string>();
  for (const file of files) {
    const [folder, id, name] = path.relative(contentDir, path.resolve(contentDir, file)).split(path.sep);
    // A story's own file is articles/<id>/<file>, or deeper in its folder (its photos).
    if (folder !== ARTICLES_FOLDER || !id || name === undefined) return EVERY_STORY;
    ids.add(id);
  }
  return ids;
}

/** The touched stories of two calls in one: a save while the content had errors is still owed to the pages. */
export function touchedTogether(earlier: TouchedStories, later: TouchedStories): TouchedStories {
  return earlier === EVERY_STORY || later === EVERY_STORY ? EVERY_STORY : new Set([...earlier, ...later]);
}

/** What an archive record must stay the same in for the changed stories to be laid over it. */
export interface RecordShape {
  /** The stories' ids, in the record's order. */
  ids: readonly string[];
  /** The registries, as the record holds them. */
  registries: string;
}

export function recordShape(archive: Archive): RecordShape {
  const { topics, people, organisations } = archive;
  return {
    ids: archive.stories.map((story) => story.id),
    registries: JSON.stringify({ topics, people, organisations }),
  };
}

/**
 * What to write after a valid load: the whole record, or the stories touched since the
 * record was written (all of them, as the file beside it holds them). The whole record
 * when there is none yet, when any story may have changed, or when the change reaches
 * beyond the touched stories' own places: a registry, or a story added, removed or moved
 * in the order (its date changed).
 */
export function archiveUpdate(
  written: RecordShape | undefined,
  archive: Archive,
  touched: TouchedStories,
): { whole: true } | { whole: false; stories: Story[] } {
  if (!written || touched === EVERY_STORY) return { whole: true };
  const shape = recordShape(archive);
  const sameOrder = shape.ids.length === written.ids.length && shape.ids.every((id, at) => id === written.ids[at]);
  if (!sameOrder || shape.registries !== written.registries) return { whole: true };
  return { whole: false, stories: archive.stories.filter((story) => touched.has(story.id)) };
}

/** The archive with the changed stories in place of the record's. */
export function withChangedStories(archive: Archive, changed: readonly Story[]): Archive {
  if (changed.length === 0) return archive;
  const byId = new Map(changed.map((story) => [story.id, story]));
  return { ...archive, stories: archive.stories.map((story) => byId.get(story.id) ?? story) };
}
