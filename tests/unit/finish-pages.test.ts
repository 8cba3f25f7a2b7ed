import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneRscPayloads } from '../../scripts/finish-pages';

describe('pruneRscPayloads', () => {
  it('should remove the RSC payload files and keep pages, feeds, robots.txt and search files', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'prune-'));
    try {
      const files = {
        removed: ['index.txt', 'en/index.txt', 'en/__next._full.txt', 'en/__next._tree.txt', 'en/articles/x/__next.$d$lang.articles.$d$id.__PAGE__.txt'],
        kept: ['index.html', 'robots.txt', 'sitemap.xml', 'en/index.html', 'en/feed.xml', 'en/articles/x/index.html', 'search/en/index.json', 'notes.txt'],
      };
      for (const file of [...files.removed, ...files.kept]) {
        mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
        writeFileSync(path.join(out, file), 'x');
      }
      expect(pruneRscPayloads(out)).toBe(files.removed.length);
      for (const file of files.removed) expect(existsSync(path.join(out, file)), file).toBe(false);
      for (const file of files.kept) expect(existsSync(path.join(out, file)), file).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
