/**
 * A throwaway copy of the built site to break on purpose, so each check can be shown
 * to fail on the defect it exists to catch. Every edit must change something: an edit
 * that no longer finds its spot (because the markup moved on) fails loudly instead of
 * leaving an unbroken copy that makes the check look good.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A temporary copy of `out/` and the edits that break it. */
export interface BrokenBuild {
  /** The copy's folder. */
  dir: string;
  /** Rewrites the HTML of the page served at `urlPath` (e.g. `/en/`). */
  editPage(urlPath: string, change: (html: string) => string): void;
  /** Writes a copy of the page at `fromPath` to `toPath`, a page nothing links to. */
  copyPage(fromPath: string, toPath: string): void;
  /** Rewrites every built stylesheet. */
  editStylesheets(change: (css: string) => string): void;
  remove(): void;
}

function pageFile(dir: string, urlPath: string): string {
  return path.join(dir, urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath);
}

function stylesheets(dir: string): string[] {
  const chunks = path.join(dir, '_next', 'static', 'chunks');
  return readdirSync(chunks)
    .filter((name) => name.endsWith('.css'))
    .map((name) => path.join(chunks, name));
}

function rewrite(file: string, change: (text: string) => string): void {
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`The edit of ${file} changed nothing: the broken build would not be broken`);
  writeFileSync(file, after);
}

/** Copies `source` (default `out/`) into a fresh temporary folder. */
export function copyBuild(source = 'out'): BrokenBuild {
  const dir = mkdtempSync(path.join(tmpdir(), 'broken-build-'));
  cpSync(source, dir, { recursive: true });
  return {
    dir,
    editPage: (urlPath, change) => rewrite(pageFile(dir, urlPath), change),
    copyPage(fromPath, toPath) {
      const target = pageFile(dir, toPath);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, readFileSync(pageFile(dir, fromPath)));
    },
    editStylesheets(change) {
      const files = stylesheets(dir);
      if (files.length === 0) throw new Error('The build has no stylesheet to edit');
      let changed = 0;
      for (const file of files) {
        const before = readFileSync(file, 'utf8');
        const after = change(before);
        if (after !== before) changed += 1;
        writeFileSync(file, after);
      }
      if (changed === 0) throw new Error('The stylesheet edit changed nothing: the broken build would not be broken');
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Puts `markup` just before `</main>`: inside the page's content, where checks look. */
export function beforeMainEnd(markup: string): (html: string) => string {
  return (html) => html.replace('</main>', `${markup}</main>`);
}
