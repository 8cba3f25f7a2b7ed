/**
 * `npm start`: builds the site when `out/` is missing or older than any source or
 * content file, then serves it (scripts/serve.ts prints the address).
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { contentDirectory } from '../lib/content/load';

const BUILD_STAMP = path.join('out', 'index.html');
const SOURCES = ['app', 'components', 'lib', 'public', contentDirectory(), 'package.json', 'next.config.ts'];

function newestChange(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

const built = existsSync(BUILD_STAMP) ? statSync(BUILD_STAMP).mtimeMs : 0;
if (Math.max(...SOURCES.map(newestChange)) > built) {
  execSync('npm run build', { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
}
await import('./serve');
