/**
 * A keyboard walk through a loaded page: Tab from the top and compare the focus stops
 * with the page's focusable elements in document order, check each stop shows a focus
 * indicator on screen, and check the skip link moves focus to the main region.
 */
import type { Page } from 'playwright-core';
import { ISLANDS } from '../../lib/finishing/islands';

declare global {
  interface Window {
    /** The page's focusable elements in document order, kept for the walk. */
    __focusables?: Element[];
  }
}

/** What the walk covered and what it found wrong. */
export interface KeyboardReport {
  /** Focusable elements the page has. */
  focusables: number;
  /** Tab presses made. */
  stops: number;
  problems: string[];
}

/** What one Tab press landed on. */
interface Stop {
  /** Position among the focusables in document order, or -1 if focus left them. */
  index: number;
  description: string;
  /** Why the focus indicator is missing, or null if one shows. */
  indicatorProblem: string | null;
}

/** Lists the page's focusable elements (in document order) into `window.__focusables`. */
function collectFocusables(): string[] {
  const selector = [
    'a[href]',
    'area[href]',
    'button',
    'input:not([type="hidden"])',
    'select',
    'textarea',
    'summary',
    'iframe',
    'audio[controls]',
    'video[controls]',
    '[contenteditable]',
    '[tabindex]',
  ].join(',');
  const focusables = [...document.querySelectorAll(selector)].filter(
    (element) =>
      // SVG links (the charts) are focusable too, and are SVGElements, not HTMLElements.
      (element instanceof HTMLElement || element instanceof SVGElement) &&
      element.tabIndex >= 0 &&
      !(element as HTMLButtonElement).disabled &&
      !element.closest('[inert]') &&
      element.checkVisibility({ visibilityProperty: true }),
  );
  window.__focusables = focusables;
  return focusables.map((element) => element.outerHTML.slice(0, 80));
}

/** Describes the focused element and whether a focus indicator shows on screen. */
function inspectFocus(): Stop {
  const element = document.activeElement;
  const focusables = window.__focusables ?? [];
  if (!element || element === document.body)
    return { index: -1, description: '(nothing focused)', indicatorProblem: null };
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
  const classes = element.getAttribute('class')
    ? `.${element.getAttribute('class')?.trim().split(/\s+/).join('.')}`
    : '';
  const href = element.getAttribute('href');
  const description = `<${element.tagName.toLowerCase()}${classes}${href ? ` href="${href}"` : ''}> "${text}"`;
  const style = getComputedStyle(element);
  const outline =
    style.outlineStyle !== 'none' &&
    parseFloat(style.outlineWidth) > 0 &&
    !/rgba\(.*,\s*0\)|transparent/.test(style.outlineColor);
  const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
  const rect = element.getBoundingClientRect();
  const onScreen =
    rect.width > 0 &&
    rect.height > 0 &&
    rect.bottom > 0 &&
    rect.right > 0 &&
    rect.top < innerHeight &&
    rect.left < innerWidth;
  let indicatorProblem: string | null = null;
  if (!outline && !shadow)
    indicatorProblem = `no focus indicator (outline: ${style.outlineStyle} ${style.outlineWidth}, box-shadow: ${style.boxShadow})`;
  else if (!onScreen) indicatorProblem = `focused but off screen (at ${Math.round(rect.left)},${Math.round(rect.top)})`;
  return { index: focusables.indexOf(element), description, indicatorProblem };
}

/**
 * Walks the page at `url` with the Tab key (the page is loaded afresh). With
 * `requireSkipLink`, the first stop must be a link to the main region that moves focus
 * there: pages with navigation before `<main>` need one (WCAG 2.4.1).
 */
export async function checkKeyboard(
  page: Page,
  url: string,
  { requireSkipLink }: { requireSkipLink: boolean },
): Promise<KeyboardReport> {
  const problems: string[] = [];
  await openSettled(page, url);
  const focusables = await page.evaluate(collectFocusables);

  // One press more than there are stops: the last must leave the page's elements.
  const stops: Stop[] = [];
  for (let press = 0; press <= focusables.length; press += 1) {
    await page.keyboard.press('Tab');
    stops.push(await page.evaluate(inspectFocus));
  }

  const first = stops[0];
  if (requireSkipLink && !(first && /href="#/.test(first.description) && first.index === 0)) {
    problems.push(`the first Tab stop is ${first?.description ?? '(none)'}, not a skip link to the main content`);
  }
  for (const [press, stop] of stops.slice(0, focusables.length).entries()) {
    if (stop.index !== press) {
      problems.push(
        `Tab stop ${press + 1} is ${stop.description}, but in document order it should be ${focusables[press]}`,
      );
      break;
    }
  }
  for (const stop of stops) {
    if (stop.index >= 0 && stop.indicatorProblem) problems.push(`${stop.description}: ${stop.indicatorProblem}`);
  }
  if (requireSkipLink) problems.push(...(await checkSkipLink(page)));
  return { focusables: focusables.length, stops: stops.length, problems };
}

/**
 * Loads `url` and waits until every island on it has mounted (the server's `<noscript>` in its root is gone): the
 * controls a reader tabs through are the mounted island's, and a mount during the walk would move focus under it.
 */
async function openSettled(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  const roots = ISLANDS.map((island) => island.root);
  await page.waitForFunction((ids) => ids.every((id) => !document.querySelector(`#${id} > noscript`)), roots);
}

/**
 * Activates the first Tab stop (the walk found it to be the skip link) with Enter and checks focus lands on `<main>`.
 * It is focused directly, as a Tab from the top of the page would, instead of loading the page again.
 */
async function checkSkipLink(page: Page): Promise<string[]> {
  const target = await page.evaluate(() => {
    const first = window.__focusables?.[0];
    if (first instanceof HTMLElement) first.focus();
    return document.activeElement?.getAttribute('href') ?? '';
  });
  if (!target.startsWith('#')) return [];
  await page.keyboard.press('Enter');
  const landed = await page.evaluate(() => {
    const element = document.activeElement;
    return element ? `<${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}>` : '(nothing)';
  });
  return landed === `<main#${target.slice(1)}>`
    ? []
    : [`the skip link to ${target} moved focus to ${landed}, not to <main id="${target.slice(1)}">`];
}
