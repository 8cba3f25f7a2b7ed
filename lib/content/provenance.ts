/**
 * Whether a language file is the outlet's own wording or a translation, as its frontmatter
 * says (`original: true`, or `translated_from` with `translator`). The archive shows this on
 * every article, so a file that does not say is flagged, and one that says both is refused.
 */
import type { Locale } from '../site/i18n';
import type { Frontmatter } from './schema';
import type { ContentProblem } from './problems';
import type { ParsedYaml } from './yaml';

type FileProblem = Omit<ContentProblem, 'file'>;

/** The problems of one file's provenance fields; `at` locates a field in its frontmatter. */
export function provenanceProblems(frontmatter: Frontmatter, locale: Locale, at: ParsedYaml['locate']): FileProblem[] {
  const { original, translated_from: from, translator } = frontmatter;
  if (original && from !== undefined) {
    return [
      {
        kind: 'InvalidField',
        ...at(['original']),
        field: 'original',
        message: 'a file is either the original (original: true) or a translation (translated_from), not both',
      },
    ];
  }
  if (original && translator !== undefined) {
    return [
      {
        kind: 'InvalidField',
        ...at(['translator']),
        field: 'translator',
        message:
          'an original text has no translator: remove translator, or replace original: true with translated_from',
      },
    ];
  }
  if (from === locale) {
    return [
      {
        kind: 'InvalidField',
        ...at(['translated_from']),
        field: 'translated_from',
        message: `a ${locale}.md file cannot be translated from "${locale}": give the language of the text it was translated from`,
      },
    ];
  }
  if (!original && from === undefined) {
    const hint =
      translator === undefined
        ? undefined
        : 'It names a translator: add translated_from: <the language of the text it was translated from>.';
    return [
      {
        kind: 'UnstatedProvenance',
        ...at(['title']),
        field: 'original',
        message: 'the file does not say whether it is the original text or a translation',
        ...(hint ? { hint } : {}),
      },
    ];
  }
  return [];
}
