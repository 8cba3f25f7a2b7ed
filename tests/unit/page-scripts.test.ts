import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEARCH_ISLAND } from '../../lib/finishing/islands';
import { dictionary } from '../../lib/site/i18n';
import { EAGER_COMPILE_HINT, writeIslandScripts } from '../../scripts/page-scripts';

const outDir = mkdtempSync(path.join(os.tmpdir(), 'page-scripts-'));

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** The modules a bundled file imports statically (`import … from "./x"` or `import "./x"`, not `import("./x")`). */
function staticImportsOf(url: string): string[] {
  const text = readFileSync(path.join(outDir, url), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*"\.\/([^"]+)"/g)].map((match) => `/${match[1]}`);
}

/** The modules `script` imports statically, directly or through another, without `script` itself. */
function staticClosureOf(script: string): Set<string> {
  const needed = new Set<string>();
  const follow = (url: string) => {
    for (const imported of staticImportsOf(url))
      if (!needed.has(imported)) {
        needed.add(imported);
        follow(imported);
      }
  };
  follow(script);
  return needed;
}

describe("an island's scripts", () => {
  it('should list the modules its script imports statically before those it imports on demand', () => {
    const { script, shared } = writeIslandScripts(outDir, SEARCH_ISLAND);
    const needed = staticClosureOf(script);
    const onDemand = shared.filter((url) => !needed.has(url));
    expect(needed.size).toBeGreaterThan(0);
    expect(onDemand.length).toBeGreaterThan(0);
    expect(shared.slice(0, needed.size).sort()).toEqual([...needed].sort());
    expect(shared).toHaveLength(needed.size + onDemand.length);
  });

  it('should fetch ahead only what its script imports, not what a library would import on demand', () => {
    const { script, shared } = writeIslandScripts(outDir, SEARCH_ISLAND);
    const text = readFileSync(path.join(outDir, script), 'utf8');
    const island = [...text.matchAll(/import\(\s*"\.\/([^"]+)"\s*\)/g)].map((match) => `/${match[1]}`);
    expect(island).toHaveLength(1);
    const reached = new Set([
      ...staticClosureOf(script),
      ...island,
      ...island.flatMap((url) => [...staticClosureOf(url)]),
    ]);
    expect(shared.filter((url) => !reached.has(url))).toEqual([]);
    expect(new Set(shared)).toEqual(reached);
  });

  it("should leave the interface's words and the date library to the code imported on demand", () => {
    // The search script's own modules are compiled before the query's files can even be asked for.
    const { script, shared } = writeIslandScripts(outDir, SEARCH_ISLAND);
    const needed = new Set([script, ...staticClosureOf(script)]);
    const textOf = (urls: string[]) => urls.map((url) => readFileSync(path.join(outDir, url), 'utf8')).join('\n');
    const first = textOf([...needed]);
    const later = textOf(shared.filter((url) => !needed.has(url)));
    const interfaceWords = dictionary('en').siteTagline;
    // date-fns's own message for a format it cannot read: present wherever its formatting code is.
    const dateLibrary = 'unescaped latin alphabet character';
    // Checked as booleans: a failure would otherwise print whole bundles.
    expect(later.includes(interfaceWords), 'the interface words in the code imported on demand').toBe(true);
    expect(later.includes(dateLibrary), 'the date library in the code imported on demand').toBe(true);
    expect(first.includes(interfaceWords), "the interface words in the search script's own modules").toBe(false);
    expect(first.includes(dateLibrary), "the date library in the search script's own modules").toBe(false);
  });

  it('should open every one of its files with the compile hint, on a line of its own', () => {
    const { script, shared } = writeIslandScripts(outDir, SEARCH_ISLAND);
    for (const url of [script, ...shared])
      expect(readFileSync(path.join(outDir, url), 'utf8').split('\n')[0], url).toBe(EAGER_COMPILE_HINT);
  });
});
