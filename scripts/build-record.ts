/**
 * What the last complete build was made from, kept beside the build's caches, so that
 * `npm start` knows when `out/` no longer matches its inputs: a source file changed
 * since that build began, or it was built for another address or another content folder.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { contentDirectory } from '../lib/content/layout';

export const BUILD_RECORD_FILE = path.join('.archive', 'last-build.json');

const BuildRecordSchema = z.object({
  /** When the build began, in ms since the epoch: a file changed after that may be missing from `out/`. */
  startedAt: z.number(),
  /** `SITE_URL` as the build read it ('' when unset): every full address in `out/` is built on it. */
  siteUrl: z.string(),
  /** The content folder it built, as an absolute path. */
  contentDir: z.string(),
});
export type BuildRecord = z.infer<typeof BuildRecordSchema>;
export type BuildSettings = Omit<BuildRecord, 'startedAt'>;

/** The settings a build run now with this environment reads. */
export function buildSettings(env: NodeJS.ProcessEnv = process.env): BuildSettings {
  return { siteUrl: env.SITE_URL ?? '', contentDir: contentDirectory(env) };
}

export function recordBuild(startedAt: number, file: string = BUILD_RECORD_FILE): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const record: BuildRecord = { startedAt, ...buildSettings() };
  writeFileSync(file, `${JSON.stringify(record)}\n`);
}

export function forgetBuild(file: string = BUILD_RECORD_FILE): void {
  rmSync(file, { force: true });
}

/** The record of the last complete build; undefined when there is none or it cannot be read as one. */
export function readBuildRecord(file: string = BUILD_RECORD_FILE): BuildRecord | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return BuildRecordSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

export interface Change {
  file: string;
  changedAt: number;
}

/**
 * The most recently changed file or folder among `entries` and everything under them; missing entries are skipped. A
 * file's change time counts with its modification time: a file put back with its old times (a copy that keeps them, an
 * unpacked archive) has an old modification time, but its change time is when it was put back.
 */
export function newestChange(entries: readonly string[]): Change | undefined {
  let newest: Change | undefined;
  const visit = (entry: string) => {
    const stat = statSync(entry);
    const changedAt = Math.max(stat.mtimeMs, stat.ctimeMs);
    if (!newest || changedAt > newest.changedAt) newest = { file: entry, changedAt };
    if (stat.isDirectory()) for (const name of readdirSync(entry)) visit(path.join(entry, name));
  };
  for (const entry of entries) if (existsSync(entry)) visit(entry);
  return newest;
}

export interface BuildState {
  /** Whether `out/` holds a site at all. */
  hasOutput: boolean;
  /** The last complete build's record, if any. */
  record: BuildRecord | undefined;
  /** What a build now would be made from. */
  wanted: BuildSettings;
  /** The newest change among the build's inputs. */
  newest: Change | undefined;
}

/** Why `out/` must be built again before it is served, or undefined when it matches its inputs. */
export function rebuildReason({ hasOutput, record, wanted, newest }: BuildState): string | undefined {
  if (!hasOutput) return 'there is no built site in out/';
  if (!record) return 'the last build did not finish (or left no record)';
  if (record.siteUrl !== wanted.siteUrl)
    return `SITE_URL is "${wanted.siteUrl}", the site was built for "${record.siteUrl}"`;
  if (record.contentDir !== wanted.contentDir)
    return `the content folder is ${wanted.contentDir}, the site was built from ${record.contentDir}`;
  if (newest && newest.changedAt > record.startedAt) return `${newest.file} changed since the last build`;
  return undefined;
}
