/**
 * What a reader gets on paper: a page rendered to PDF by Chromium with print styles,
 * and the PDF's text read back (unpdf, a packaging of Mozilla's PDF.js), compared with
 * the page's own text in and outside `<main>`.
 */
import type { Page } from 'playwright-core';
import { extractText } from 'unpdf';

/**
 * A form of text in which PDF text and page text compare: Unicode decomposed and its
 * combining marks dropped (`đ` becomes `d`), whitespace collapsed. Chromium writes some
 * Vietnamese letters that the font composes from a base and a mark (the `ọ` of `đọc`)
 * into the PDF as U+0000 plus the mark; dropping marks leaves U+0000 in the letter's
 * place, and `countMatches` takes it as any one letter.
 */
export function comparableText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (letter) => (letter === 'đ' ? 'd' : 'D'))
    .replace(/\s+/g, ' ')
    .trim();
}

/** How often `needle` occurs in `haystack` (both `comparableText`), where a U+0000 in the haystack matches any letter. */
export function countMatches(haystack: string, needle: string): number {
  if (!needle) return 0;
  let count = 0;
  for (let at = 0; at + needle.length <= haystack.length; at += 1) {
    let matches = true;
    for (let index = 0; index < needle.length && matches; index += 1) {
      const letter = haystack[at + index];
      matches = letter === needle[index] || letter === '\u0000';
    }
    if (matches) {
      count += 1;
      at += needle.length - 1;
    }
  }
  return count;
}

/** The text of the loaded page printed to PDF (A4, print media), in `comparableText` form. */
export async function printedText(page: Page): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  try {
    const pdf = await page.pdf({ format: 'A4' });
    const { text } = await extractText(new Uint8Array(pdf), { mergePages: true });
    return comparableText(text);
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
}

/** What a print check compared, and what it found wrong. */
export interface PrintReport {
  /** Texts that must be printed (the title, the start of the body). */
  required: number;
  /** Texts from outside `<main>` (header, navigation, switcher, skip link, footer) looked for. */
  chrome: number;
  problems: string[];
}

/**
 * Prints the loaded article page and checks the PDF has its title and the start of its
 * body, and none of the text that lives only outside `<main>`. A chrome text that also
 * occurs inside `<main>` (say "Topics", which is also a label in the article) may print
 * as often as it occurs there, no more.
 */
export async function checkPrintedArticle(page: Page): Promise<PrintReport> {
  const { required, chrome, mainText } = await page.evaluate(() => {
    const main = document.querySelector('main');
    const title = main?.querySelector('h1')?.textContent ?? '';
    const firstParagraph = main?.querySelector('.article__body p')?.textContent ?? '';
    const outside = [...document.body.querySelectorAll('*')].filter(
      (element) =>
        !main?.contains(element) &&
        !element.contains(main) &&
        // Script and style text is code, not something a reader sees.
        !element.closest('script, style, template, noscript') &&
        [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim()),
    );
    return {
      required: [title, firstParagraph.split(/\s+/).slice(0, 12).join(' ')],
      chrome: outside.map((element) => element.textContent ?? ''),
      // innerText, not textContent: it separates blocks with line breaks, as print does.
      mainText: main?.innerText ?? '',
    };
  });
  const text = await printedText(page);
  const inMain = comparableText(mainText);
  const problems: string[] = [];
  for (const wanted of required.map(comparableText)) {
    if (!wanted) problems.push('the page has no title or body paragraph to look for');
    else if (countMatches(text, wanted) === 0) problems.push(`the printed page lacks "${wanted}"`);
  }
  const chromeTexts = [...new Set(chrome.map(comparableText).filter((piece) => piece.length > 1))];
  for (const piece of chromeTexts) {
    const printed = countMatches(text, piece);
    const allowed = countMatches(inMain, piece);
    if (printed > allowed)
      problems.push(
        `the printed page shows "${piece}" from outside <main> (${printed} times, ${allowed} in the article)`,
      );
  }
  return { required: required.length, chrome: chromeTexts.length, problems };
}
