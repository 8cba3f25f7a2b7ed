/**
 * Every word of a language's bodies with the number of stories that have it (lib/search/vocabulary.ts `bodyWords`),
 * cut into files in the shards' term order (lib/search/shards.ts), the manifest listing each file's first word. A word
 * the reader is still typing is completed from the file or two holding the words it starts (lib/search/completion.ts),
 * so that a word only one story has is completed as well as a common one, at any size of archive.
 */
import { termOrder } from './shards';
import type { KnownWord } from './vocabulary';

/** Words a file holds: about a shard's size, so a word still being typed fetches one file, rarely two. */
const WORDS_PER_FILE = 1500;

interface WordFiles {
  /** The first word of each file, in term order. */
  starts: string[];
  /** Each file's JSON text: its words as [word, stories], in term order. */
  files: string[];
}

export function wordFiles(words: readonly KnownWord[], perFile = WORDS_PER_FILE): WordFiles {
  const ordered = words.map((known) => [termOrder(known[0]), known] as const);
  ordered.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const starts: string[] = [];
  const files: string[] = [];
  for (let at = 0; at < ordered.length; at += perFile) {
    const slice = ordered.slice(at, at + perFile).map(([, known]) => known);
    starts.push(slice[0]?.[0] ?? '');
    files.push(JSON.stringify(slice));
  }
  return { starts, files };
}
