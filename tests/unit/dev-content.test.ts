/**
 * The editing preview's content stage reads its render cache from disk (`.archive/dev/`): a body there that the
 * sanitiser would change must not reach a page, so the stage starts without that cache.
 */
import { describe, expect, it } from 'vitest';
import { createKeyedCache, keep } from '../../lib/caches/keyed-cache';
import { renderCached, type RenderCache } from '../../lib/caches/content-caches';
import { trustedRenderCache } from '../../scripts/dev-content';

function cacheWith(...markdown: string[]): RenderCache {
  const cache: RenderCache = createKeyedCache('code digest');
  for (const text of markdown) renderCached(text, cache);
  return cache;
}

describe("the preview's render cache from disk", () => {
  it('should be kept whole when every body is one the renderer makes', () => {
    const cache = cacheWith('A paragraph with *emphasis*.', '## A heading\n\n[A link](https://example.org/)');
    const reports: string[] = [];
    expect(trustedRenderCache(cache, (message) => reports.push(message))).toBe(cache);
    expect(reports).toEqual([]);
  });

  it.each([
    ['a script', '<p>Text</p><script>window.__pwned = 1</script>', /<script>/],
    ['an event handler', '<p><img src="x.png" alt="" onerror="window.__pwned = 1"></p>', /<img> .*onerror/i],
    ['a script URL', '<p><a href="javascript:alert(1)">link</a></p>', /<a> .*href/],
  ])('should be dropped, naming the entry, when a body holds %s', (_what, html, named) => {
    const cache = cacheWith('A paragraph.');
    const [[key, body] = []] = [...cache.entries];
    if (!key || !body) throw new Error('nothing was rendered');
    keep(cache, 'poisoned', { ...body, html });
    const reports: string[] = [];
    const trusted = trustedRenderCache(cache, (message) => reports.push(message));
    expect(trusted.entries.size).toBe(0);
    expect(trusted.code).toBe(cache.code);
    expect(reports.join('\n')).toContain('render cache entry poisoned: the rendered body:');
    expect(reports.join('\n')).toMatch(named);
  });
});
