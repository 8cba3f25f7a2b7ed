/**
 * What each language version of a story is: the outlet's own wording, or a translation,
 * from which text and by whom, as its frontmatter says (`original`, `translated_from`,
 * `translator`). Articles show it in the reader's language, and the JSON-LD links a
 * translation to the text it was made from. Nothing here is presumed: a version that does
 * not say is shown as saying nothing.
 */
import { isLocale, LOCALES, type Locale } from '../site/i18n';
import { ARCHIVE_TRANSLATOR } from '../content/ids';
import type { Article, Story } from '../content/schema';

/** Where a translation was made from: the story's other version, the source's address, or a text the archive does not hold. */
type TranslationBasis = { kind: 'version'; locale: Locale } | { kind: 'source'; url: string } | { kind: 'unheld' };

type Provenance =
  | { kind: 'original' }
  | {
      kind: 'translation';
      /** The language (BCP 47 primary tag) of the text it was translated from. */
      from: string;
      /** The translator's name in this version's language; undefined when not known. */
      translator: string | undefined;
      byArchive: boolean;
      basis: TranslationBasis;
    }
  | { kind: 'unstated' };

/** The provenance of one version of a story. */
export function provenanceOf(story: Story, locale: Locale): Provenance {
  const article = story.articles[locale];
  if (!article) throw new Error(`Story "${story.id}" has no ${locale} version`);
  if (article.original) return { kind: 'original' };
  const from = article.translated_from;
  if (from === undefined) return { kind: 'unstated' };
  const byArchive = article.translator === ARCHIVE_TRANSLATOR;
  return {
    kind: 'translation',
    from,
    translator: byArchive ? undefined : article.translator,
    byArchive,
    basis: basisOf(story, article, from, byArchive),
  };
}

function basisOf(story: Story, article: Article, from: string, byArchive: boolean): TranslationBasis {
  const version = isLocale(from) ? story.articles[from] : undefined;
  // The archive translates from the text it holds; anyone else's translation was made from
  // the outlet's text, which the archive holds only when that version is marked original.
  if (version && isLocale(from) && (byArchive || version.original)) return { kind: 'version', locale: from };
  if (article.source?.url && article.source.language === from) return { kind: 'source', url: article.source.url };
  return { kind: 'unheld' };
}

/** The versions of a story made from `locale`'s version. */
export function translationsOf(story: Story, locale: Locale): Locale[] {
  return LOCALES.filter((other) => {
    if (other === locale || !story.articles[other]) return false;
    const provenance = provenanceOf(story, other);
    return (
      provenance.kind === 'translation' && provenance.basis.kind === 'version' && provenance.basis.locale === locale
    );
  });
}
