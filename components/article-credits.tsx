import { getEntity } from '@/lib/views/archive';
import { dictionary, type Locale } from '@/lib/site/i18n';
import { provenanceOf } from '@/lib/views/provenance';
import { ARCHIVE_TRANSLATOR } from '@/lib/content/ids';
import type { Article, CreditLink, Story } from '@/lib/content/schema';
import { aboutUrl, entityUrl } from '@/lib/site/urls';

/** A language's name in the reader's language, as running text ("English", "tiếng Anh"). */
function languageName(tag: string, locale: Locale): string {
  const name = new Intl.DisplayNames([locale], { type: 'language' }).of(tag) ?? tag;
  // Vietnamese capitalises a language's name only at the start of a sentence.
  return locale === 'vi' ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/** A credit's name, linking its registry page when it names one. */
function Credit({ name, link, locale }: { name: string; link: CreditLink | undefined; locale: Locale }) {
  return link ? <a href={entityUrl(link.kind, locale, link.id)}>{name}</a> : <>{name}</>;
}

/** The name of whoever translated `article`, in the reader's language. */
function translatorName(article: Article, locale: Locale): string | undefined {
  if (article.translator === undefined) return undefined;
  if (article.translator === ARCHIVE_TRANSLATOR) return dictionary(locale).theArchive;
  const link = article.creditLinks.translator;
  return link ? getEntity(link.kind, link.id).name[locale] : article.translator;
}

/** What this version of a story is: the outlet's text, or whose translation of which text, in the reader's language. */
export function provenanceStatement(story: Story, article: Article, locale: Locale): string | undefined {
  const words = dictionary(locale);
  const provenance = provenanceOf(story, locale);
  const outlet = article.source?.name;
  if (provenance.kind === 'original') return words.originalText(outlet);
  if (provenance.kind !== 'translation') return undefined;
  const made = provenance.basis.kind === 'version' ? story.articles[provenance.basis.locale] : undefined;
  // The archive's translation of a translation names whoever made the text it worked from.
  const via = provenance.byArchive && made ? translatorName(made, locale) : undefined;
  const text = words.translatedText(
    provenance.byArchive ? words.theArchive : translatorName(article, locale),
    languageName(provenance.from, locale),
    outlet,
  );
  if (!via || !made) return text;
  // Where that text was itself translated, from the language this version is in, this version is a back-translation.
  const madeFrom = made.translated_from === undefined ? undefined : languageName(made.translated_from, locale);
  return `${text.replace(/\.$/, '')} (${words.translatedBy(via, languageName(provenance.from, locale), madeFrom)}).`;
}

/** Who reported, translated and published this version of a story, and who holds the rights to its text. */
export function ArticleCredits({ story, article, locale }: { story: Story; article: Article; locale: Locale }) {
  const words = dictionary(locale);
  const isOriginal = provenanceOf(story, locale).kind === 'original';
  const outlet = article.source?.name;
  return (
    <>
      <dl className="article__credits">
        {article.source && (
          <>
            <dt>{words.source}</dt>
            <dd>
              {article.source.url ? (
                <a
                  href={article.source.url}
                  className="article__source-link"
                  {...(article.source.language ? { hrefLang: article.source.language } : {})}
                >
                  {article.source.name}
                </a>
              ) : (
                <Credit name={article.source.name} link={article.creditLinks.source} locale={locale} />
              )}
              {article.source.language && <> ({words.inLanguage(languageName(article.source.language, locale))})</>}
              {article.source.url && article.creditLinks.source && (
                <>
                  {' · '}
                  <a href={entityUrl(article.creditLinks.source.kind, locale, article.creditLinks.source.id)}>
                    {words.sourcePage}
                  </a>
                </>
              )}
            </dd>
          </>
        )}
        {article.author && (
          <>
            <dt>{isOriginal ? words.author : words.originalReporter}</dt>
            <dd>
              <Credit name={article.author} link={article.creditLinks.author} locale={locale} />
            </dd>
          </>
        )}
        {article.translator && (
          <>
            <dt>{words.translator}</dt>
            <dd>
              {article.translator === ARCHIVE_TRANSLATOR ? (
                <a href={aboutUrl(locale)}>{words.theArchive}</a>
              ) : (
                <Credit name={article.translator} link={article.creditLinks.translator} locale={locale} />
              )}
            </dd>
          </>
        )}
      </dl>
      {outlet && <p className="article__rights">{words.rightsNote(outlet)}</p>}
    </>
  );
}
