import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus, syntheticRegistry, syntheticStory, writeStory } from '../../bench/corpus';
import { loadContent } from '../../lib/content/load';
import { renderCached, renderKey, type RenderedBody } from '../../lib/caches/content-caches';
import { createKeyedCache, digestOf, readKeyedCache, writeKeyedCache } from '../../lib/caches/keyed-cache';
import { renderMarkdown } from '../../lib/content/markdown';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'render-cache-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** What the render cache keeps of a body: its fresh rendering and the digest of its text. */
function renderedBody(body: string): RenderedBody {
  const rendered = renderMarkdown(body);
  return { ...rendered, textDigest: digestOf(rendered.text) };
}

describe('render cache', () => {
  it('should return exactly what a fresh render returns, from the second call on without rendering', () => {
    const cache = createKeyedCache<RenderedBody>('code');
    const body = '## Heading\n\nSome *text* with a [link](https://example.com).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
    const first = renderCached(body, cache);
    const second = renderCached(body, cache);
    expect(second).toEqual(renderedBody(body));
    expect(first).toEqual(second);
    expect({ hits: cache.hits, misses: cache.misses }).toEqual({ hits: 1, misses: 1 });
  });

  it('should render a changed body again', () => {
    const cache = createKeyedCache<RenderedBody>('code');
    renderCached('First text.', cache);
    const changed = renderCached('First text, edited.', cache);
    expect(changed.html).toContain('edited');
    expect(cache.misses).toBe(2);
    expect(renderKey('First text.')).not.toBe(renderKey('First text, edited.'));
  });

  it('should survive a round trip through its file and drop entries the last run did not use', () => {
    const file = path.join(tempDir(), 'cache.bin');
    const cache = createKeyedCache<RenderedBody>('code');
    renderCached('Kept.', cache);
    cache.entries.set('stale', renderedBody('Stale.'));
    writeKeyedCache(file, cache);
    const read = readKeyedCache<RenderedBody>(file, 'code');
    expect([...read.entries.keys()]).toEqual([renderKey('Kept.')]);
    expect(read.entries.get(renderKey('Kept.'))).toEqual(renderedBody('Kept.'));
  });

  it('should start empty from a corrupt cache file instead of failing the build', () => {
    const file = path.join(tempDir(), 'cache.bin');
    writeFileSync(file, '{ not json');
    expect(readKeyedCache(file, 'code').entries.size).toBe(0);
  });

  it('should load the same archive with a warm cache as without one, rendering only the added story', () => {
    const dir = tempDir();
    writeCorpus(dir, 6);
    const cache = createKeyedCache<RenderedBody>('code');
    loadContent(dir, { renderCache: cache });
    writeStory(dir, syntheticStory(syntheticRegistry(), 6));
    const warm = createKeyedCache('code', cache.entries);
    const cached = loadContent(dir, { renderCache: warm });
    expect(cached.archive).toEqual(loadContent(dir).archive);
    expect({ hits: warm.hits, misses: warm.misses }).toEqual({ hits: 12, misses: 2 });
  });
});
