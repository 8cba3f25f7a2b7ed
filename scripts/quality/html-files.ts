/** Finding the built HTML files of an export folder, and the URL path each one is served at. */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Every `.html` file under `dir`, as paths relative to it with `/` separators, sorted. */
export function htmlFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.html')) found.push(child);
    }
  };
  walk('');
  return found.sort();
}

/** The address a file host serves a built file at: `en/index.html` is `/en/`, `404.html` stays `/404.html`. */
export function urlPathOfFile(relativeFile: string): string {
  if (relativeFile === 'index.html') return '/';
  if (relativeFile.endsWith('/index.html')) return `/${relativeFile.slice(0, -'index.html'.length)}`;
  return `/${relativeFile}`;
}
