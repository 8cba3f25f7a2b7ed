import { dictionary, type Locale } from '@/lib/site/i18n';
import type { Correction } from '@/lib/content/schema';
import { StoryDate } from './story-date';

/** The corrections note under an article: each correction with the day it was made, oldest first. */
export function ArticleCorrections({ corrections, locale }: { corrections: readonly Correction[]; locale: Locale }) {
  if (corrections.length === 0) return null;
  const words = dictionary(locale);
  const inOrder = [...corrections].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <section className="article__corrections" aria-labelledby="corrections">
      <h2 id="corrections">{words.corrections}</h2>
      <p>{words.correctionsIntro}</p>
      <ul>
        {inOrder.map((correction, index) => (
          <li key={index}>
            <StoryDate date={correction.date} locale={locale} />: {correction.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
