/**
 * The last step of `npm run build`: checks every XML file in `out/` (scripts/quality/xml.ts)
 * against the archive the build used, and fails the build naming each file and problem.
 */
import { getArchive } from '../lib/views/archive';
import { siteUrl } from '../lib/site/urls';
import { checkBuiltXml } from './quality/xml';

const { checked, problems } = checkBuiltXml('out', getArchive(), siteUrl());
if (problems.length > 0) {
  console.error(
    `${problems.length} problem${problems.length === 1 ? '' : 's'} in the XML files the build wrote:\n${problems.map((problem) => `  ${problem}`).join('\n')}`,
  );
  process.exit(1);
}
console.log(`Checked ${checked} XML files: well-formed, only their format's elements, every text as the archive says`);
