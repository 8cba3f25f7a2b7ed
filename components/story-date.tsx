import { formatStoryDate } from '@/lib/dates';
import type { Locale } from '@/lib/i18n';

/** A story date in the reader's language; month-only dates show the month. */
export function StoryDate({ date, locale }: { date: string; locale: Locale }) {
  return <time dateTime={date}>{formatStoryDate(date, locale)}</time>;
}
