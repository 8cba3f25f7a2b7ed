/** Finding the built HTML files of an export folder, and the URL path each one is served at. */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Every file under `dir`, as paths relative to it with `/` separators. */
export function filesUnder(dir: string, relative = ''): string[] {
  return readdirSync(path.join(dir, relative), { withFileTypes: true }).flatMap((entry) => {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesUnder(dir, child) : [child];
  });
}

export const isHtmlFile = (file: string) => file.endsWith('.html');

/** Every `.html` file under `dir`, as paths relative to it with `/` separators, sorted. */
export function htmlFiles(dir: string): string[] {
  return filesUnder(dir).filter(isHtmlFile).sort();
}

/** The address a file host serves a built file at: `en/index.html` is `/en/`, `404.html` stays `/404.html`. */
export function urlPathOfFile(relativeFile: string): string {
  if (relativeFile === 'index.html') return '/';
  if (relativeFile.endsWith('/index.html')) return `/${relativeFile.slice(0, -'index.html'.length)}`;
  return `/${relativeFile}`;
}
