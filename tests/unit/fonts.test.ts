import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FONT_FACES,
  FONT_RANGES,
  firstScreenFontUrls,
  fontCharacters,
  fontFaceCss,
  unicodeRange,
} from '@/lib/site/fonts';

const FONTS_DIR = path.join('app', 'fonts');

describe('the web fonts', () => {
  it('should hold the Vietnamese letters, their tone marks and the Latin ones in each file', () => {
    const characters = new Set(fontCharacters());
    for (const letter of 'aZ0ăâđêôơưĂĐƯệộịụựỗẫằữỹ₫“”–é'.normalize('NFC'))
      expect(characters.has(letter), letter).toBe(true);
    // Combining marks, for text written decomposed.
    for (const mark of ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']) expect(characters.has(mark)).toBe(true);
    expect(characters.has('Ω')).toBe(false);
  });

  it('should list its ranges in order, none overlapping, each from its start to an end not before it', () => {
    FONT_RANGES.forEach(([from, to], at) => {
      expect(to).toBeGreaterThanOrEqual(from);
      if (at > 0) expect(from).toBeGreaterThan(FONT_RANGES[at - 1]?.[1] ?? -1);
    });
  });

  it('should write single code points and spans as CSS unicode-range writes them', () => {
    const range = unicodeRange();
    expect(range.startsWith('U+0000-00FF,')).toBe(true);
    expect(range).toContain(',U+0323,');
    expect(range).toContain(',U+1EA0-1EF9,');
    expect(range.split(',')).toHaveLength(FONT_RANGES.length);
  });

  it('should declare each face once, with its own file, and one file per family, weight and style', () => {
    const css = fontFaceCss();
    expect(css.match(/@font-face/g)).toHaveLength(FONT_FACES.length);
    const keys = FONT_FACES.map((face) => `${face.family} ${face.weight} ${face.style}`);
    expect(new Set(keys).size).toBe(FONT_FACES.length);
    for (const face of FONT_FACES) expect(css).toContain(`src: url('./${face.file}') format('woff2');`);
  });

  it('should keep in the repository the files and the rules `npm run fonts` writes', () => {
    expect(readFileSync(path.join(FONTS_DIR, 'faces.css'), 'utf8')).toBe(fontFaceCss());
    for (const face of FONT_FACES) {
      const file = path.join(FONTS_DIR, face.file);
      expect(existsSync(file), file).toBe(true);
      // A woff2 file starts with its signature.
      expect(readFileSync(file).subarray(0, 4).toString('latin1')).toBe('wOF2');
    }
  });

  it('should be what the site style sheet imports', () => {
    expect(readFileSync(path.join('app', 'globals.css'), 'utf8')).toContain("@import './fonts/faces.css';");
  });

  it('should find the first-screen faces among the fonts a built style sheet declares, as URL paths', () => {
    const css = [
      '@font-face{font-family:Noto Serif;src:url(../media/noto-serif-400.1a.woff2)format("woff2")}',
      '@font-face{font-family:Noto Serif;font-style:italic;src:url("../media/noto-serif-400-italic.2b.woff2")}',
      "@font-face{font-family:Noto Sans;font-weight:700;src:url('../media/noto-sans-700.3c.woff2')}",
      '@font-face{font-family:Other;src:url(../media/other.4d.woff2)}',
      '.a{background:url(../media/icon.5e.svg)}',
    ].join('');
    expect(firstScreenFontUrls(css, '/_next/static/chunks/site.css')).toEqual([
      '/_next/static/media/noto-serif-400.1a.woff2',
      '/_next/static/media/noto-sans-700.3c.woff2',
    ]);
  });
});
