/**
 * What `npm run dev` (scripts/dev.ts) and its two child processes, the content stage
 * (scripts/dev-content.ts) and the search files (scripts/dev-search.ts), tell each other.
 */
import { z } from 'zod';
import type { ContentProblem } from '../lib/content/problems';

/** Where the preview keeps its files, handed to each child in `DEV_SETTINGS`. */
export const DevSettingsSchema = z.object({ archiveFile: z.string(), publicDir: z.string(), cacheDir: z.string() });
export type DevSettings = z.infer<typeof DevSettingsSchema>;

/** The content stage's answer to each load. */
export interface DevContentMessage {
  ok: boolean;
  errors: ContentProblem[];
  stories: number;
  milliseconds: number;
}

/** The search process's answer to each build. */
export interface DevSearchMessage {
  milliseconds: number;
}
