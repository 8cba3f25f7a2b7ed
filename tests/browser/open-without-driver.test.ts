/**
 * The bench's openings without a driver (bench/open-without-driver.ts) time what the page shows: pages served from a
 * temporary folder, each showing a result when a script of its own says so, opened in Chromium with no driver attached.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driverlessOpenings, withFirstResultClock } from '../../bench/open-without-driver';
import { startStaticServer } from '../../scripts/static-server';

const openings = driverlessOpenings();
let dir: string;
let server: Server;
let base: string;

/** A page whose own script adds a result `delay` ms after it runs. */
function writeTimedPage(name: string, delay: number): void {
  writeFileSync(
    path.join(dir, `${name}.js`),
    `setTimeout(() => { const p = document.createElement('p'); p.className = 'search-result'; document.body.append(p); }, ${delay});`,
  );
  writeFileSync(
    path.join(dir, `${name}.html`),
    withFirstResultClock(
      `<!doctype html><html><head><meta charset="utf-8"><script src="/${name}.js"></script></head><body></body></html>`,
    ),
  );
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'driverless-'));
  writeTimedPage('slow', 600);
  writeTimedPage('quick', 50);
  server = await startStaticServer(dir, 0, undefined, openings.answer);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('pages opened without a driver', () => {
  it('should report the time the page showed its first result', async () => {
    const slow = await openings.open(`${base}/slow.html`);
    const quick = await openings.open(`${base}/quick.html`);
    expect(slow).toBeGreaterThanOrEqual(600);
    expect(quick).toBeGreaterThanOrEqual(50);
    expect(quick).toBeLessThan(slow);
  }, 60_000);

  it('should refuse a page whose result was there before its clock could start', async () => {
    writeFileSync(
      path.join(dir, 'at-once.html'),
      withFirstResultClock('<!doctype html><html><head></head><body><p class="search-result">found</p></body></html>'),
    );
    await expect(openings.open(`${base}/at-once.html`)).rejects.toThrow('before its clock started');
  }, 60_000);

  it('should put the clock first in the head, loaded without holding up the page', () => {
    const page = withFirstResultClock(
      '<!doctype html><html><head><meta charset="utf-8"><script src="/a.js"></script></head></html>',
    );
    expect(page).toMatch(
      /<head><script async="" src="\/__bench-opening\/clock\.js"><\/script><meta charset="utf-8"><script src="\/a\.js">/,
    );
  });
});
