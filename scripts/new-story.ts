/** `npm run new -- <story-id>`: creates a story folder with en.md and vi.md templates (see lib/content/scaffold.ts). */
import path from 'node:path';
import { contentDirectory } from '../lib/content/layout';
import { scaffoldStory } from '../lib/content/scaffold';

const [id, ...extra] = process.argv.slice(2);
if (!id || extra.length > 0) {
  console.error('usage: npm run new -- <story-id>   (e.g. npm run new -- hanoi-convention-signing)');
  process.exit(2);
}
const result = scaffoldStory(contentDirectory(), id);
if (!result.ok) {
  console.error(result.message);
  process.exit(1);
}
const shown = (file: string) => path.relative(process.cwd(), file) || file;
console.log(`Created ${result.files.map(shown).join(' and ')}.`);
console.log(
  'Fill in the fields and the text of both files, then run `npm run check`: until then it lists what is missing.',
);
console.log('The story stays a draft (never published) until you set `draft: false` in both files.');
