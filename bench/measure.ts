/**
 * Measurement helpers for the benchmark: statistics, byte counting and the peak memory
 * of a process tree. Pure where they can be, so they are unit-tested.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readCardFile } from '../lib/search/files';

/** The p-th percentile (0..100) by the nearest-rank method; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** The median: the middle value, or the mean of the two middle ones. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Bytes of a text or buffer after gzip (level 9, as a CDN's static compression would). */
export function gzipBytes(data: string | Buffer): number {
  return gzipSync(data, { level: 9 }).length;
}

/**
 * Bytes a file costs on the wire: its gzip size, or its own size when it is already
 * compressed (Pagefind's index chunks and wasm are gzip files: gzip cannot shrink them).
 */
export function wireBytes(data: Buffer): number {
  return Math.min(data.length, gzipBytes(data));
}

export interface TreeStats {
  files: number;
  bytes: number;
  /** Files named index.html: the pages of a static site. */
  pages: number;
}

/** Files, bytes and pages under a folder (recursively). */
export function treeStats(dir: string): TreeStats {
  const stats: TreeStats = { files: 0, bytes: 0, pages: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    stats.files++;
    stats.bytes += statSync(path.join(entry.parentPath, entry.name)).size;
    if (entry.name === 'index.html') stats.pages++;
  }
  return stats;
}

/** The list pages of a built site, and the largest one's HTML. */
export interface ListPages {
  pages: number;
  largest: { path: string; bytes: number };
}

/** The pages under a language that are not lists of stories or entries: articles, search and about. */
const NOT_LISTS = new Set(['articles', 'search', 'about']);

/**
 * Every list page of a built site (the home page and the latest stories' pages, the
 * topic, person, organisation and year pages with their later pages, the indexes and
 * the archive page) and the largest one's HTML in bytes.
 */
export function listPages(out: string): ListPages {
  const found: ListPages = { pages: 0, largest: { path: '', bytes: 0 } };
  for (const locale of ['en', 'vi']) {
    for (const entry of readdirSync(path.join(out, locale), { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || entry.name !== 'index.html') continue;
      const file = path.join(entry.parentPath, entry.name);
      const [section] = path.relative(path.join(out, locale), file).split(path.sep);
      if (section && NOT_LISTS.has(section)) continue;
      found.pages++;
      const bytes = statSync(file).size;
      if (bytes > found.largest.bytes) found.largest = { path: `/${path.relative(out, entry.parentPath)}/`, bytes };
    }
  }
  return found;
}

/** Bytes of the files directly in one folder (one page's files: its HTML and its RSC payloads). */
export function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(path.join(dir, entry.name)).size, 0);
}

/** The resident memory of a process and all its descendants, in bytes, read from /proc (Linux). */
export function treeRss(rootPid: number, proc = '/proc'): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync(proc)) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(path.join(proc, name, 'stat'), 'utf8');
      // Fields after the command name (which may hold spaces) in parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), pid]);
      rss.set(pid, Number(fields[21]) * 4096);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop() as number;
    total += rss.get(pid) ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

export interface RunResult {
  ms: number;
  /** Highest sum of resident memory over the process and its children, sampled every 200 ms. */
  peakBytes: number;
  stdout: string;
  stderr: string;
}

/** Runs a command, timing it and sampling its process tree's memory; rejects when it fails. */
export function runMeasured(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let peakBytes = 0;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const sample = () => {
      if (child.pid !== undefined) peakBytes = Math.max(peakBytes, treeRss(child.pid));
    };
    const timer = setInterval(sample, 200);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      const ms = performance.now() - started;
      if (code !== 0)
        reject(
          new Error(`${command} ${args.join(' ')} exited with ${code}\n${stderr.slice(-3000)}\n${stdout.slice(-3000)}`),
        );
      else resolve({ ms, peakBytes, stdout, stderr });
    });
  });
}

/** 1234567 → "1.2 MB"; decimal units, as transfer sizes are usually given. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} kB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e9).toFixed(2)} GB`;
}

/** 65432 → "65.4 s", 832 → "832 ms". */
export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 10 ? `${Math.round(ms)} ms` : `${ms.toFixed(2)} ms`;
}

/**
 * The script files a page's HTML loads in a current browser (`<script src>`, and the
 * modules it fetches ahead with `<link rel="modulepreload">`), in order, without
 * duplicates. `nomodule` scripts (Next's polyfills) are left out: browsers that run
 * modules never fetch them.
 */
export function scriptSources(html: string): string[] {
  const sources = [...html.matchAll(/<(script|link)\b([^>]*)>/g)].flatMap(([, tag, attributes = '']) => {
    if (tag === 'link' && !/\brel="modulepreload"/i.test(attributes)) return [];
    if (/\bnomodule\b/i.test(attributes)) return [];
    return /\b(?:src|href)="([^"]+)"/.exec(attributes)?.[1] ?? [];
  });
  return [...new Set(sources)];
}

/** The file in a static export that serves a URL path (`/a/b/` is `a/b/index.html`). */
export function fileForUrl(root: string, urlPath: string): string {
  const clean = decodeURIComponent(urlPath.split(/[?#]/)[0] as string);
  return path.join(root, clean.endsWith('/') ? `${clean}index.html` : clean);
}

export interface ByteCount {
  files: number;
  raw: number;
  /** Each file gzipped on its own, as a server sends it. */
  gzip: number;
}

export interface SearchFileSizes {
  /** The manifest and the index shards. */
  index: ByteCount;
  /** One result card per story (title, summary, body text). */
  cards: ByteCount;
  /** UTF-8 bytes of the stories' own text (title, summary and body), the measure the index is compared with. */
  textBytes: number;
}

/** Sizes of one language's search files (`out/search/{lang}/`). */
export function searchFileSizes(dir: string): SearchFileSizes {
  const index = { files: 0, raw: 0, gzip: 0 };
  const cards = { files: 0, raw: 0, gzip: 0 };
  let textBytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const data = readFileSync(path.join(entry.parentPath, entry.name));
    const isCard = path.basename(entry.parentPath) === 'stories';
    const count = isCard ? cards : index;
    count.files++;
    count.raw += data.length;
    count.gzip += gzipBytes(data);
    if (isCard) {
      const card = readCardFile(data.toString('utf8')) as { title: string; summary: string; text: string };
      textBytes += Buffer.byteLength(`${card.title}\n${card.summary}\n${card.text}`);
    }
  }
  return { index, cards, textBytes };
}

/** Bytes of a page's inline RSC payload: the `self.__next_f.push(…)` scripts Next writes for hydration. */
export function inlinePayloadBytes(html: string): number {
  let bytes = 0;
  for (const found of html.matchAll(/<script>self\.__next_f\.push\(.*?\)<\/script>/gs))
    bytes += Buffer.byteLength(found[0]);
  return bytes;
}
