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

/** What the server needs to answer each address of the archive the pages now read as the built site would. */
export interface DevSite {
  /** Every address the build would write a page or feed at (lib/outputs/site-paths.ts). */
  paths: string[];
  /** The page at each renamed story's old address, by its path (scripts/story-redirects.ts). */
  movedStories: [string, string][];
}

/** The content stage's answer to each load. */
export interface DevContentMessage {
  ok: boolean;
  errors: ContentProblem[];
  stories: number;
  milliseconds: number;
  /** The stories written beside the archive record, or none when the whole record was written (or nothing, on errors). */
  changedStories?: number;
  /** Sent when the pages were given a new archive to read (not on errors, where they keep the last). */
  site?: DevSite;
  /** The folder of the photos' published files, served at their published addresses (lib/images/image-store.ts). */
  imageStore: string;
}

/** The search process's answer to each build. */
export interface DevSearchMessage {
  milliseconds: number;
}
