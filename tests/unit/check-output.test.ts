/**
 * What `npm run check` prints from content (file names, field names, messages, hints)
 * cannot drive a terminal or a CI runner: control characters are shown escaped, and the
 * GitHub Actions annotations are escaped as workflow commands require.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { escapeControlCharacters, escapeWorkflowData, escapeWorkflowProperty } from '../../lib/content/output-escaping';
import { formatAnnotation, formatProblem, type ContentProblem } from '../../lib/content/problems';
import { loadAndReport } from '../../scripts/report-content';
import { articleText, BASE_EN, BASE_STORY_ID, fixturesRemovedAfterEach, raw } from './helpers/content-fixture';

const ESC = '\u001b';
const ANSI_FIELD = `${ESC}[2J${ESC}[31mred`;
const COMMAND_FIELD = 'title\n::error file=x.md::fake';

const unknownField = (field: string): ContentProblem => ({
  kind: 'UnknownField',
  file: 'content/articles/x/en.md',
  line: 3,
  column: 1,
  field,
  message: `unknown field "${field}"`,
});

describe('escapeControlCharacters', () => {
  it('should escape C0, DEL, C1 and bidi controls, and keep other text', () => {
    expect(escapeControlCharacters(`a${ESC}[31mb\n\r\t\u007f\u0085\u202e\u2066Lê Dũng`)).toBe(
      'a\\x1b[31mb\\x0a\\x0d\\x09\\x7f\\x85\\u202e\\u2066Lê Dũng',
    );
  });
});

describe('workflow command escaping', () => {
  it('should escape %, CR and LF in a message, and also : and , in a property', () => {
    expect(escapeWorkflowData('50% a\r\nb: c,d')).toBe('50%25 a%0D%0Ab: c,d');
    expect(escapeWorkflowProperty('50% a\r\nb: c,d')).toBe('50%25 a%0D%0Ab%3A c%2Cd');
  });
});

describe('formatProblem', () => {
  it('should show ANSI escapes in a field name escaped', () => {
    const printed = formatProblem(unknownField(ANSI_FIELD));
    expect(printed).not.toContain(ESC);
    expect(printed).toContain('\\x1b[2J\\x1b[31mred: unknown field "\\x1b[2J\\x1b[31mred"');
  });

  it('should keep a problem on its two lines when a field name holds a newline and a workflow command', () => {
    const printed = formatProblem(unknownField(COMMAND_FIELD));
    expect(printed.split('\n')).toHaveLength(2);
    expect(printed.split('\n').some((line) => line.startsWith('::'))).toBe(false);
    expect(printed).toContain('title\\x0a::error file=x.md::fake');
  });

  it('should escape control characters in the file name and the hint', () => {
    const printed = formatProblem({
      kind: 'UnexpectedFile',
      file: `content/articles/a\u202eb`,
      message: 'unexpected file',
      hint: `Rename ${ESC}]0;title\u0007`,
    });
    expect(printed).toBe(
      'content/articles/a\\u202eb: unexpected file [UnexpectedFile]\n    hint: Rename \\x1b]0;title\\x07',
    );
  });
});

describe('formatAnnotation', () => {
  it('should write an error as ::error with file, line, col and the kind, and the hint on a second line', () => {
    expect(formatAnnotation(unknownField('tittle'))).toBe(
      '::error file=content/articles/x/en.md,line=3,col=1,title=UnknownField::tittle: unknown field "tittle"%0Ahint: Remove the field or fix its spelling; see docs/editing.md for the list of fields.',
    );
  });

  it('should write a warning as ::warning, without line and col when there are none', () => {
    expect(
      formatAnnotation({
        kind: 'MissingTranslation',
        file: 'content/articles/x',
        message: 'the story has no vi.md yet',
      }),
    ).toMatch(/^::warning file=content\/articles\/x,title=MissingTranslation::the story has no vi\.md yet%0Ahint: /);
  });

  it('should leave no raw newline, escape character or unescaped % from content in an annotation', () => {
    for (const field of [ANSI_FIELD, COMMAND_FIELD, '100%0A::error::x']) {
      const annotation = formatAnnotation({ ...unknownField(field), file: 'content/articles/a,b:c%/en.md' });
      expect(annotation).not.toMatch(/[\n\r\u001b]/);
      expect(annotation).toContain('file=content/articles/a%2Cb%3Ac%25/en.md,');
      // Every % is the start of an escape the runner decodes, never one the content wrote.
      expect(annotation.match(/%(?!25|0A|0D|2C|3A)/g)).toBeNull();
    }
    expect(formatAnnotation(unknownField('100%0A::error::x'))).toContain('100%250A::error::x: unknown field');
  });
});

describe('loadAndReport', () => {
  const fixtureWith = fixturesRemovedAfterEach();
  afterEach(() => vi.restoreAllMocks());

  /** Loads a content folder whose English base file has a field of this name, capturing what is printed. */
  async function report(field: string, env: Record<string, string>) {
    const fixture = fixtureWith({
      base: { en: articleText({ ...BASE_EN, [JSON.stringify(field)]: raw('"x"') }) },
    });
    const printed: string[] = [];
    for (const method of ['log', 'warn', 'error'] as const)
      vi.spyOn(console, method).mockImplementation((...parts: unknown[]) => void printed.push(parts.join(' ')));
    const result = await loadAndReport({}, { NODE_ENV: 'test', ...env, CONTENT_DIR: fixture.dir });
    return { result, lines: printed.join('\n').split('\n') };
  }

  it('should print a hostile field name escaped, with no line starting a workflow command', async () => {
    const { result, lines } = await report(`${ANSI_FIELD}\n::error::fake`, { GITHUB_ACTIONS: 'false' });
    expect(result.ok).toBe(false);
    expect(lines.join('\n')).not.toContain(ESC);
    expect(lines.filter((line) => line.startsWith('::'))).toEqual([]);
    expect(
      lines.some((line) => line.includes(`articles/${BASE_STORY_ID}/en.md:`) && line.includes('\\x0a::error::fake')),
    ).toBe(true);
  });

  it('should add one annotation per problem under GitHub Actions, and none elsewhere', async () => {
    const field = `${ANSI_FIELD}\n::error::fake`;
    const annotations = (await report(field, { GITHUB_ACTIONS: 'true' })).lines.filter((line) => line.startsWith('::'));
    expect(annotations).toEqual([
      expect.stringMatching(
        new RegExp(`^::error file=[^:,]*articles/${BASE_STORY_ID}/en\\.md,line=\\d+,col=\\d+,title=UnknownField::`),
      ),
    ]);
    expect(annotations[0]).not.toContain(ESC);
    expect((await report(field, { GITHUB_ACTIONS: 'false' })).lines.filter((line) => line.startsWith('::'))).toEqual(
      [],
    );
  });
});
