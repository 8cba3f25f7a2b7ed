/**
 * `npm run fonts`: cuts the site's web fonts (lib/site/fonts.ts) from Noto's full fonts,
 * as published on npm, into app/fonts/, and writes the @font-face rules that name them.
 * The files are kept in the repository, so a build needs neither the full fonts nor this
 * step; run it again only to change which faces or characters the site ships.
 *
 * Cutting is harfbuzz's subsetter (subset-font), which keeps the positioning of the marks
 * that Vietnamese stacks over and under letters; the result is woff2.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import subsetFont from 'subset-font';
import { FONT_FACES, fontCharacters, fontFaceCss } from '../lib/site/fonts';

const FONTS_DIR = path.join('app', 'fonts');
const require = createRequire(import.meta.url);

mkdirSync(FONTS_DIR, { recursive: true });
const characters = fontCharacters();
for (const face of FONT_FACES) {
  const cut = await subsetFont(readFileSync(require.resolve(face.source)), characters, { targetFormat: 'woff2' });
  writeFileSync(path.join(FONTS_DIR, face.file), cut);
  console.log(`${face.file}: ${cut.length} bytes, from ${face.source}`);
}
writeFileSync(path.join(FONTS_DIR, 'faces.css'), fontFaceCss());
console.log(`${path.join(FONTS_DIR, 'faces.css')}: ${FONT_FACES.length} faces`);
