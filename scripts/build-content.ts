/**
 * The content pipeline, run once before `next build`: load, validate and render the
 * content, then write the archive file that every page reads. Any content error stops
 * the build here, before a single page is written.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ARCHIVE_FILE } from '../lib/archive';
import { loadAndReport } from './report-content';

const result = loadAndReport();
if (!result.ok) process.exit(1);
mkdirSync(path.dirname(ARCHIVE_FILE), { recursive: true });
writeFileSync(ARCHIVE_FILE, JSON.stringify(result.archive));
