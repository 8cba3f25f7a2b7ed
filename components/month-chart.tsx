import { formatMonth } from '@/lib/site/dates';
import { dictionary, type Locale } from '@/lib/site/i18n';
import type { MonthCount } from '@/lib/views/timeline';
import { monthUrl } from '@/lib/site/urls';
import { monthStartPages } from '@/lib/views/month-pages';

/**
 * Sizes in CSS pixels: the chart is drawn at its own size, never scaled to the screen,
 * so its labels stay legible and each bar's link stays wide enough to tap (WCAG 2.5.8).
 * A chart wider than the screen scrolls sideways instead.
 */
const FULL = { step: 24, bar: 14, plot: 100 };
const COMPACT = { step: 12, bar: 8, plot: 60 };
const AXIS_HEIGHT = 20;
/** Room a year's label needs to the right of its first bar. */
const YEAR_LABEL_WIDTH = 36;

/**
 * Stories per month as an SVG bar chart, drawn at build time (no chart code reaches the
 * browser). Every bar with stories links to its month; below, the same figures as a table.
 * The compact form (for the home page) has neither: its caller makes it one link, whose
 * name is the chart's caption.
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
  const { step, bar: barWidth, plot } = compact ? COMPACT : FULL;
  const width = Math.max(counts.length * step, YEAR_LABEL_WIDTH);
  const height = plot + AXIS_HEIGHT;
  const startPage = monthStartPages(counts);
  const href = (entry: MonthCount) => monthUrl(locale, entry.year, entry.month, startPage(entry.year, entry.month));
  const label = (entry: MonthCount) => words.barLabel(formatMonth(entry.year, entry.month, locale), entry.count);
  return (
    <figure className={compact ? 'month-chart month-chart--compact' : 'month-chart'} aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        {words.storiesPerMonth}.{' '}
        <span className="month-chart__summary">
          {words.chartSummary(counts.length, total)}
          {!compact && ` ${words.chartBarsLink}`}
        </span>
      </figcaption>
      <div className="month-chart__scroll">
        <svg
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          className="month-chart__svg"
          {...(compact ? { 'aria-hidden': true } : { role: 'group', 'aria-label': words.storiesPerMonth })}
        >
          <line x1={0} x2={width} y1={plot} y2={plot} className="month-chart__axis" />
          {counts.map((entry, index) => {
            const barHeight = (entry.count / max) * (plot - 4);
            const bar = (
              <rect
                x={index * step + (step - barWidth) / 2}
                y={plot - barHeight}
                width={barWidth}
                height={barHeight}
                className="month-chart__bar"
              />
            );
            // Years are labelled at January, and at the first bar if its label fits before the next January.
            const labelled = entry.month === 1 || (index === 0 && (13 - entry.month) * step >= YEAR_LABEL_WIDTH);
            return (
              <g key={`${entry.year}-${entry.month}`}>
                {entry.count > 0 && compact ? bar : null}
                {entry.count > 0 && !compact ? (
                  <a href={href(entry)} aria-label={label(entry)}>
                    <title>{label(entry)}</title>
                    {/* The whole column is the link, however short its bar. */}
                    <rect x={index * step} y={0} width={step} height={plot} className="month-chart__target" />
                    {bar}
                  </a>
                ) : null}
                {labelled && (
                  <text x={index * step + 1} y={plot + 15} className="month-chart__year" aria-hidden="true">
                    {entry.year}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
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
