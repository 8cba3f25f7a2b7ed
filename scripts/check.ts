/**
 * `npm run check`: validates the content without building the site.
 * `npm run check -- --since <git ref>` also warns about stories changed in one language only since that reference.
 */
import { parseArgs } from 'node:util';
import { filesChangedSince } from '../lib/content/changed-translations';
import { contentDirectory } from '../lib/content/layout';
import { loadAndReport } from './report-content';

const USAGE = 'usage: npm run check [-- --since <git ref>]   (e.g. npm run check -- --since origin/main)';

function sinceArgument(): string | undefined {
  try {
    return parseArgs({ options: { since: { type: 'string' } }, strict: true }).values.since;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
}

const since = sinceArgument();
let changedSince: { ref: string; files: Set<string> } | undefined;
if (since !== undefined) {
  const changed = filesChangedSince(since, contentDirectory());
  if ('error' in changed) {
    console.error(`--since ${since}: ${changed.error}`);
    process.exit(2);
  }
  changedSince = { ref: since, files: changed.files };
}
// The bundle the check runs as is CommonJS, which has no top-level await.
void loadAndReport({}, process.env, changedSince).then((result) => process.exit(result.ok ? 0 : 1));
