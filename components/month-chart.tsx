import { formatMonth } from '@/lib/dates';
import { dictionary, type Locale } from '@/lib/i18n';
import type { MonthCount } from '@/lib/timeline';
import { monthUrl } from '@/lib/urls';
import { monthStartPages } from '@/lib/views/month-pages';

const BAR_STEP = 18;
const BAR_WIDTH = 12;
const PLOT_HEIGHT = 100;
const AXIS_HEIGHT = 20;

/**
 * Stories per month as an SVG bar chart, drawn at build time (no chart code reaches the
 * browser). Every bar with stories links to its month; below, the same figures as a table.
 * The compact form (for the home page) has neither: its caller makes it one link.
 */
export function MonthChart({
  counts,
  locale,
  compact = false,
  id,
}: {
  counts: readonly MonthCount[];
  locale: Locale;
  compact?: boolean;
  id: string;
}) {
  const words = dictionary(locale);
  const max = Math.max(1, ...counts.map((entry) => entry.count));
  const total = counts.reduce((sum, entry) => sum + entry.count, 0);
  const width = Math.max(counts.length * BAR_STEP, BAR_STEP);
  const height = PLOT_HEIGHT + (compact ? 0 : AXIS_HEIGHT);
  const startPage = monthStartPages(counts);
  const href = (entry: MonthCount) => monthUrl(locale, entry.year, entry.month, startPage(entry.year, entry.month));
  const label = (entry: MonthCount) => words.barLabel(formatMonth(entry.year, entry.month, locale), entry.count);
  return (
    <figure className={compact ? 'month-chart month-chart--compact' : 'month-chart'} aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        {words.storiesPerMonth}.{' '}
        <span className="month-chart__summary">{words.chartSummary(counts.length, total)}</span>
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        className="month-chart__svg"
        {...(compact ? { 'aria-hidden': true } : { role: 'group', 'aria-label': words.storiesPerMonth })}
      >
        <line x1={0} x2={width} y1={PLOT_HEIGHT} y2={PLOT_HEIGHT} className="month-chart__axis" />
        {counts.map((entry, index) => {
          const barHeight = (entry.count / max) * (PLOT_HEIGHT - 4);
          const x = index * BAR_STEP + (BAR_STEP - BAR_WIDTH) / 2;
          const bar = (
            <rect x={x} y={PLOT_HEIGHT - barHeight} width={BAR_WIDTH} height={barHeight} className="month-chart__bar" />
          );
          // Years are labelled at January, and at the first bar unless a January follows closely.
          return (
            <g key={`${entry.year}-${entry.month}`}>
              {entry.count > 0 && compact ? bar : null}
              {entry.count > 0 && !compact ? (
                <a href={href(entry)} aria-label={label(entry)}>
                  <title>{label(entry)}</title>
                  {bar}
                </a>
              ) : null}
              {!compact && (entry.month === 1 || (index === 0 && entry.month <= 10)) && (
                <text x={index * BAR_STEP + 1} y={PLOT_HEIGHT + 15} className="month-chart__year" aria-hidden="true">
                  {entry.year}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      {!compact && (
        <details className="month-chart__table">
          <summary>{words.showAsTable}</summary>
          <table>
            <caption className="visually-hidden">{words.storiesPerMonth}</caption>
            <thead>
              <tr>
                <th scope="col">{words.monthColumn}</th>
                <th scope="col">{words.storiesColumn}</th>
              </tr>
            </thead>
            <tbody>
              {counts.map((entry) => (
                <tr key={`${entry.year}-${entry.month}`}>
                  <th scope="row">
                    {entry.count > 0 ? (
                      <a href={href(entry)}>{formatMonth(entry.year, entry.month, locale)}</a>
                    ) : (
                      formatMonth(entry.year, entry.month, locale)
                    )}
                  </th>
                  <td>{entry.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}
