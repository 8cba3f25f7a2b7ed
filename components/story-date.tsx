import { formatStoryDate } from '@/lib/site/dates';
import { dictionary, type Locale } from '@/lib/site/i18n';

/** A story date in the reader's language; month-only dates show the month, and an estimated date says so. */
export function StoryDate({ date, estimated = false, locale }: { date: string; estimated?: boolean; locale: Locale }) {
  const words = dictionary(locale);
  const shown = <time dateTime={date}>{formatStoryDate(date, locale)}</time>;
  if (!estimated) return shown;
  return (
    <span className="story-date--estimated" title={words.dateEstimatedNote}>
      {shown} ({words.dateEstimated})
    </span>
  );
}
