/**
 * Long lists in pages of a fixed size: which stories a page holds, how many pages a list
 * has, the numbered navigation between them, and, for a list in sections (a year's
 * months), which page each section starts on. Page numbers start at 1; the first page is
 * the list's own address, the others live under it (lib/site/urls.ts `listPageUrl`).
 */

/**
 * Stories on one page of every list. Small enough that a list page stays light at any
 * archive size, large enough that a month of news is a page or two.
 */
export const STORIES_PER_PAGE = 20;

/** How many numbered pages the navigation shows on each side of the current one. */
const NEARBY_PAGES = 2;

/** How many pages a list of `total` items has: an empty list still has its first page. */
export function pageCount(total: number, size: number = STORIES_PER_PAGE): number {
  return Math.max(1, Math.ceil(total / size));
}

/** Whether a page number exists for a list of `total` items. */
function isPageOf(page: number, total: number, size: number = STORIES_PER_PAGE): boolean {
  return Number.isInteger(page) && page >= 1 && page <= pageCount(total, size);
}

/** The items on one page, in the list's order; a page the list does not have is an error. */
export function itemsOnPage<T>(items: readonly T[], page: number, size: number = STORIES_PER_PAGE): T[] {
  return itemsOnSharedPage(items, page, items.length, size);
}

/**
 * The items of one list on a page it shares with a longer list (an entity's stories and the
 * stories it is credited on): the pages run as long as the `longest` list, and a shorter list
 * shows nothing past its end.
 */
export function itemsOnSharedPage<T>(
  items: readonly T[],
  page: number,
  longest: number,
  size: number = STORIES_PER_PAGE,
): T[] {
  if (!isPageOf(page, longest, size))
    throw new Error(`Page ${page} does not exist: the list has ${pageCount(longest, size)} page(s)`);
  return items.slice((page - 1) * size, page * size);
}

/** The pages after the first, which get addresses of their own (the first is the list's address). */
export function laterPages(total: number, size: number = STORIES_PER_PAGE): number[] {
  return Array.from({ length: pageCount(total, size) - 1 }, (_, index) => index + 2);
}

/** The page that holds the item at a position (from 0) of the list. */
function pageOfPosition(position: number, size: number = STORIES_PER_PAGE): number {
  return Math.floor(position / size) + 1;
}

/** The links of a page's navigation; a link that would lead to the current page is absent. */
export interface PageNavigation {
  current: number;
  count: number;
  first?: number;
  previous?: number;
  next?: number;
  last?: number;
  /** The numbered pages around the current one, in order, the current one included. */
  nearby: number[];
  /** Whether pages lie before the nearby ones, or after them, that the numbers leave out. */
  gapBefore: boolean;
  gapAfter: boolean;
}

/** The navigation of page `current` of `count`; none when the list fits on one page. */
export function pageNavigation(current: number, count: number, around: number = NEARBY_PAGES): PageNavigation | null {
  if (!Number.isInteger(current) || current < 1 || current > count)
    throw new Error(`Page ${current} does not exist: the list has ${count} page(s)`);
  if (count === 1) return null;
  const from = Math.max(1, current - around);
  const to = Math.min(count, current + around);
  return {
    current,
    count,
    ...(current > 1 ? { first: 1, previous: current - 1 } : {}),
    ...(current < count ? { next: current + 1, last: count } : {}),
    nearby: Array.from({ length: to - from + 1 }, (_, index) => from + index),
    gapBefore: from > 1,
    gapAfter: to < count,
  };
}

/** A list in sections (a year's stories in months), in the list's order. */
interface Section<K, T> {
  key: K;
  items: readonly T[];
}

/** The part of a section one page shows; `continued` when the section began on an earlier page. */
export interface SectionOnPage<K, T> {
  key: K;
  items: T[];
  continued: boolean;
}

/**
 * The sections of one page: the items of the whole list cut at the page's bounds, each
 * still under its section, so a section split by a page break continues on the next.
 */
export function sectionsOnPage<K, T>(
  sections: readonly Section<K, T>[],
  page: number,
  size: number = STORIES_PER_PAGE,
): SectionOnPage<K, T>[] {
  const total = sections.reduce((sum, section) => sum + section.items.length, 0);
  if (!isPageOf(page, total, size))
    throw new Error(`Page ${page} does not exist: the list has ${pageCount(total, size)} page(s)`);
  const start = (page - 1) * size;
  const end = start + size;
  const shown: SectionOnPage<K, T>[] = [];
  let offset = 0;
  for (const section of sections) {
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + section.items.length);
    if (from < to)
      shown.push({
        key: section.key,
        items: section.items.slice(from - offset, to - offset),
        continued: from > offset,
      });
    offset += section.items.length;
  }
  return shown;
}

/** The page each section starts on, from the sections' sizes in the list's order. */
export function sectionStartPages<K>(
  sections: readonly { key: K; count: number }[],
  size: number = STORIES_PER_PAGE,
): Map<K, number> {
  const pages = new Map<K, number>();
  let offset = 0;
  for (const section of sections) {
    if (section.count > 0) pages.set(section.key, pageOfPosition(offset, size));
    offset += section.count;
  }
  return pages;
}
