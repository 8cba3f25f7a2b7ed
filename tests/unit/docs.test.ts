/** The editors' guide, in both languages, explains every problem the check can report, and the README links it. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROBLEM_KINDS } from '../../lib/content/problems';

const read = (relative: string) => readFileSync(fileURLToPath(new URL(`../../${relative}`, import.meta.url)), 'utf8');

describe('docs/editing.md and docs/editing.vi.md', () => {
  it.each(['docs/editing.md', 'docs/editing.vi.md'])(
    'should give every problem kind a row of its own in %s',
    (file) => {
      const text = read(file);
      const rows = Object.keys(PROBLEM_KINDS).filter((kind) => text.includes(`\n| \`${kind}\` |`));
      expect(rows).toEqual(Object.keys(PROBLEM_KINDS));
    },
  );

  it.each(['docs/editing.md', 'docs/editing.vi.md'])(
    'should explain npm run new, npm run check, npm run dev and drafts in %s',
    (file) => {
      const text = read(file);
      for (const needle of ['npm run new -- ', 'npm run check', 'npm run dev', 'draft: true', 'draft: false'])
        expect(text, needle).toContain(needle);
    },
  );

  it('should link each language version from the other, and both from the README', () => {
    expect(read('docs/editing.md')).toContain('](editing.vi.md)');
    expect(read('docs/editing.vi.md')).toContain('](editing.md)');
    const readme = read('README.md');
    expect(readme).toContain('](docs/editing.md)');
    expect(readme).toContain('](docs/editing.vi.md)');
  });
});
