/**
 * What `npm run dev` (scripts/dev.ts) and its two child processes, the content stage
 * (scripts/dev-content.ts) and the search files (scripts/dev-search.ts), tell each other.
 */
import { z } from 'zod';
import type { ContentProblem } from '../lib/content/problems';

/** Where the preview keeps its files, handed to each child in `DEV_SETTINGS`. */
export const DevSettingsSchema = z.object({ archiveFile: z.string(), publicDir: z.string(), cacheDir: z.string() });
export type DevSettings = z.infer<typeof DevSettingsSchema>;

/** A job for the content stage: load the content, in which these files were saved since the last job. */
export interface DevContentJob {
  load: { saved: string[] };
}

/** The content stage's answer to each load. */
export interface DevContentMessage {
  ok: boolean;
  errors: ContentProblem[];
  stories: number;
  milliseconds: number;
  /** The stories written beside the archive record, or none when the whole record was written (or nothing, on errors). */
  changedStories?: number;
}

/** The search process's answer to each build. */
export interface DevSearchMessage {
  milliseconds: number;
}
