/**
 * Splits an article file into its YAML frontmatter and Markdown body.
 * gray-matter finds the block; every engine but YAML is replaced by one that refuses,
 * and a first line other than `---` is rejected before gray-matter sees the file, so a
 * `---js` block is reported and never evaluated.
 */
import matter from 'gray-matter';
import { excerpt } from '../text/character-count';
import type { ContentProblem } from './problems';
import { invalidYamlProblems, parseYamlWithPositions, type ParsedYaml } from './yaml';

interface ArticleSource {
  data: unknown;
  body: string;
  /** Line of the file on which the body starts (1-based). */
  bodyLine: number;
  locate: ParsedYaml['locate'];
}

const refuse = (language: string) => () => {
  throw new Error(`front matter in ${language} is not accepted`);
};

/** Decodes bytes as strict UTF-8 and normalises BOM and CRLF, which are accepted. */
export function decodeUtf8(bytes: Uint8Array, file: string): string | ContentProblem {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  } catch {
    const bad = firstInvalidUtf8Offset(bytes);
    const line = bytes.subarray(0, bad).filter((byte) => byte === 0x0a).length + 1;
    return {
      kind: 'InvalidEncoding',
      file,
      line,
      message: `the file is not valid UTF-8 (byte ${bad} cannot be decoded)`,
    };
  }
}

/**
 * Where strict decoding failed: the first byte that starts no well-formed sequence. The
 * second byte's range rules out overlong forms, encoded surrogates and code points past
 * U+10FFFF, as the decoder does.
 */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let offset = 0;
  while (offset < bytes.length) {
    const lead = bytes[offset] ?? 0;
    const shape = utf8Shape(lead);
    if (!shape) return offset;
    const [length, secondLow, secondHigh] = shape;
    for (let next = 1; next < length; next++) {
      const byte = bytes[offset + next] ?? 0;
      const [low, high] = next === 1 ? [secondLow, secondHigh] : [0x80, 0xbf];
      if (byte < low || byte > high) return offset;
    }
    offset += length;
  }
  return offset;
}

/** A lead byte's sequence length and the range its second byte must fall in; undefined for a byte that starts no sequence. */
function utf8Shape(lead: number): [length: number, secondLow: number, secondHigh: number] | undefined {
  if (lead < 0x80) return [1, 0, 0];
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf];
  if (lead === 0xe0) return [3, 0xa0, 0xbf];
  if (lead === 0xed) return [3, 0x80, 0x9f];
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf];
  if (lead === 0xf0) return [4, 0x90, 0xbf];
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf];
  if (lead === 0xf4) return [4, 0x80, 0x8f];
  return undefined;
}

export function splitArticleSource(text: string, file: string): ArticleSource | ContentProblem[] {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  if (firstLine.trim() === '') {
    return [
      {
        kind: 'MissingFrontmatter',
        file,
        line: 1,
        column: 1,
        message:
          text.trim() === '' ? 'the file is empty' : 'expected frontmatter starting with "---" on the first line',
      },
    ];
  }
  // A line of more hyphens is a slip of the opening line, not the name of a language after it.
  if (/^-{4,}$/.test(firstLine.trimEnd())) {
    return [
      {
        kind: 'MissingFrontmatter',
        file,
        line: 1,
        column: 1,
        message: `the first line is "${excerpt(firstLine.trimEnd())}": expected exactly "---" to open the frontmatter`,
      },
    ];
  }
  if (firstLine.startsWith('---') && firstLine.trimEnd() !== '---') {
    const language = firstLine.slice(3).trim();
    return [
      {
        kind: 'ForeignFrontmatter',
        file,
        line: 1,
        column: 4,
        message: `front matter in "${excerpt(language)}" is not accepted (it is never run); expected YAML`,
      },
    ];
  }
  if (firstLine.trimEnd() !== '---') {
    return [
      {
        kind: 'MissingFrontmatter',
        file,
        line: 1,
        column: 1,
        message: 'expected frontmatter starting with "---" on the first line',
      },
    ];
  }
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(firstLine.length))) {
    return [
      {
        kind: 'MissingFrontmatter',
        file,
        line: 1,
        column: 1,
        message: 'the frontmatter is not closed: expected a second "---" line',
      },
    ];
  }

  let parsed: ReturnType<typeof parseYamlWithPositions> | undefined;
  const file_ = matter(text, {
    language: 'yaml',
    engines: {
      yaml: (yamlText: string) => {
        // gray-matter passes the block from the end of the first `---` line, so its
        // line 1 is the file's line 1.
        parsed = parseYamlWithPositions(yamlText, 1);
        return 'value' in parsed && isRecord(parsed.value) ? parsed.value : {};
      },
      js: refuse('JavaScript'),
      javascript: refuse('JavaScript'),
      coffee: refuse('CoffeeScript'),
      coffeescript: refuse('CoffeeScript'),
      cson: refuse('CSON'),
      json: refuse('JSON'),
      toml: refuse('TOML'),
    },
  });
  if (parsed === undefined) {
    return [
      {
        kind: 'InvalidField',
        file,
        line: 2,
        column: 1,
        message: 'the frontmatter is empty: expected title, summary, date and topics',
      },
    ];
  }
  if ('errors' in parsed) return invalidYamlProblems(parsed.errors, file);
  if (!isRecord(parsed.value)) {
    return [
      {
        kind: 'InvalidField',
        file,
        line: 2,
        column: 1,
        message: 'expected the frontmatter to be a set of "field: value" lines',
      },
    ];
  }
  const bodyLine = text.slice(0, text.length - file_.content.length).split('\n').length;
  return { data: parsed.value, body: file_.content, bodyLine, locate: parsed.locate };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
