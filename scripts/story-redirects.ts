/**
 * The page of every renamed story's old address, as the export folder and the editing
 * preview hold it. Next renders only the stories' own addresses; these pages hold no
 * script and no part of the site's frame, so they are written as they are
 * (components/story-moved-page.tsx).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { storyMovedDocument } from '../components/story-moved-page';
import type { Story } from '../lib/content/schema';
import { storyRedirects } from '../lib/views/story-redirects';

/** The whole page at each old address, by its path. */
export function storyMovedPages(stories: readonly Story[], base: URL): Map<string, string> {
  return new Map(storyRedirects(stories).map((redirect) => [redirect.path, storyMovedDocument(redirect, base)]));
}

/** Writes one `index.html` per old address under `outDir`; returns the files written, relative to it. */
export function writeStoryRedirects(outDir: string, stories: readonly Story[], base: URL): string[] {
  return [...storyMovedPages(stories, base)].map(([urlPath, page]) => {
    const file = `${urlPath.slice(1)}index.html`;
    const absolute = path.join(outDir, file);
    // The loader refuses an alias that is a story's id, so this only happens with a stale export folder.
    if (existsSync(absolute))
      throw new Error(`${absolute} already exists: the old address ${urlPath} would replace a page`);
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, page);
    return file;
  });
}
