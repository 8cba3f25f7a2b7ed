/**
 * `npm start`: builds the site when `out/` no longer matches what it is built from (any
 * source, script, content file or the lockfile changed since the last build began, or
 * another SITE_URL or content folder), then serves it (scripts/serve.ts prints the address).
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { contentDirectory } from '../lib/content/layout';
import { buildSettings, newestChange, readBuildRecord, rebuildReason } from './build-record';

const BUILD_INPUTS = [
  'app',
  'components',
  'lib',
  'public',
  'scripts',
  contentDirectory(),
  'package.json',
  'package-lock.json',
  'next.config.ts',
  'tsconfig.json',
];

const reason = rebuildReason({
  hasOutput: existsSync(path.join('out', 'index.html')),
  record: readBuildRecord(),
  wanted: buildSettings(),
  newest: newestChange(BUILD_INPUTS),
});
if (reason) {
  console.log(`Building the site: ${reason}`);
  execSync('npm run build', { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
}
await import('./serve');
