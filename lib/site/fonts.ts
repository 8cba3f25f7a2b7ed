/**
 * The site's web fonts: one file per face holding both the Latin and the Vietnamese
 * letters, cut from Noto's full fonts by `npm run fonts` (scripts/fonts.ts) into
 * app/fonts/, with the @font-face rules that name them.
 *
 * One file per face rather than a Latin and a Vietnamese subset each: a page in either
 * language uses both (English pages name the other language "Tiếng Việt", Vietnamese
 * pages carry plain Latin letters), so two subsets meant twice the requests on a host
 * that serves six at a time, and a layout again as each one arrived.
 */

interface FontFace {
  family: 'Noto Serif' | 'Noto Sans';
  weight: 400 | 700;
  style: 'normal' | 'italic';
  /** The full font in node_modules it is cut from. */
  source: string;
  /** Its file in app/fonts/. */
  file: string;
  /**
   * Whether the first screen of a page uses it (headings, story text, the interface): a
   * page whose first screen waits on its script (the search page) asks for these files
   * at once, beside its data, rather than once its style sheet is read and laid out.
   */
  firstScreen: boolean;
}

export const FONT_FACES: readonly FontFace[] = [
  {
    family: 'Noto Serif',
    weight: 400,
    style: 'normal',
    source: '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf',
    file: 'noto-serif-400.woff2',
    firstScreen: true,
  },
  {
    family: 'Noto Serif',
    weight: 700,
    style: 'normal',
    source: '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf',
    file: 'noto-serif-700.woff2',
    firstScreen: true,
  },
  {
    family: 'Noto Serif',
    weight: 400,
    style: 'italic',
    source: '@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
    file: 'noto-serif-400-italic.woff2',
    firstScreen: false,
  },
  {
    family: 'Noto Sans',
    weight: 400,
    style: 'normal',
    source: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
    file: 'noto-sans-400.woff2',
    firstScreen: true,
  },
  {
    family: 'Noto Sans',
    weight: 700,
    style: 'normal',
    source: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
    file: 'noto-sans-700.woff2',
    firstScreen: true,
  },
];

/**
 * The characters each file holds, as inclusive code point ranges: the Latin and the
 * Vietnamese sets Google Fonts cuts Noto into (Basic Latin and Latin-1, the general
 * punctuation block, and the Vietnamese letters, tone marks and the dong sign).
 */
export const FONT_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x00ff],
  [0x0102, 0x0103],
  [0x0110, 0x0111],
  [0x0128, 0x0129],
  [0x0131, 0x0131],
  [0x0152, 0x0153],
  [0x0168, 0x0169],
  [0x01a0, 0x01a1],
  [0x01af, 0x01b0],
  [0x02bb, 0x02bc],
  [0x02c6, 0x02c6],
  [0x02da, 0x02da],
  [0x02dc, 0x02dc],
  [0x0300, 0x0301],
  [0x0303, 0x0304],
  [0x0308, 0x0309],
  [0x0323, 0x0323],
  [0x0329, 0x0329],
  [0x1ea0, 0x1ef9],
  [0x2000, 0x206f],
  [0x20ab, 0x20ac],
  [0x2122, 0x2122],
  [0x2191, 0x2191],
  [0x2193, 0x2193],
  [0x2212, 0x2212],
  [0x2215, 0x2215],
  [0xfeff, 0xfeff],
  [0xfffd, 0xfffd],
];

/** Every character of `FONT_RANGES`, as the text a font is cut to. */
export function fontCharacters(): string {
  return FONT_RANGES.flatMap(([from, to]) =>
    Array.from({ length: to - from + 1 }, (_, at) => String.fromCodePoint(from + at)),
  ).join('');
}

/**
 * The URL paths of the first-screen faces among the font URLs a style sheet at `sheetUrl`
 * declares, as the build named them (the face's file name with a hash before `.woff2`).
 */
export function firstScreenFontUrls(css: string, sheetUrl: string): string[] {
  const declared = [...css.matchAll(/url\(\s*['"]?([^'")]+\.woff2)['"]?\s*\)/g)].map(
    (match) => new URL(match[1] ?? '', new URL(sheetUrl, 'http://site')).pathname,
  );
  const stems = FONT_FACES.filter((face) => face.firstScreen).map((face) => face.file.replace(/\.woff2$/, '.'));
  return [...new Set(declared)].filter((url) => {
    const name = url.slice(url.lastIndexOf('/') + 1);
    return stems.some((stem) => name.startsWith(stem));
  });
}

const hex = (codePoint: number) => codePoint.toString(16).toUpperCase().padStart(4, '0');

/** `FONT_RANGES` as a CSS unicode-range. */
export function unicodeRange(): string {
  return FONT_RANGES.map(([from, to]) => (from === to ? `U+${hex(from)}` : `U+${hex(from)}-${hex(to)}`)).join(',');
}

/**
 * The @font-face rules of app/fonts/faces.css. The range keeps a character the files do
 * not hold (a Greek or Cyrillic name in a story) from fetching them: it falls through to
 * the system's fonts at once.
 */
export function fontFaceCss(): string {
  const rules = FONT_FACES.map((face) =>
    [
      '@font-face {',
      `  font-family: '${face.family}';`,
      `  font-style: ${face.style};`,
      `  font-weight: ${face.weight};`,
      '  font-display: swap;',
      `  src: url('./${face.file}') format('woff2');`,
      `  unicode-range: ${unicodeRange()};`,
      '}',
    ].join('\n'),
  );
  return `/* Written by \`npm run fonts\` from lib/site/fonts.ts. */\n${rules.join('\n\n')}\n`;
}
