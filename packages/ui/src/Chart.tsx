import { useId } from 'react';
import type { ReactNode } from 'react';
import { useBayanI18n } from './BayanProvider';
import { arcPath, niceTicks } from './chartScale';
import { MultilingualText, pickLanguage } from './MultilingualText';
import type { TextValue } from './MultilingualText';

/** Chart kinds {@link Chart} draws. */
export type ChartKind = 'bar' | 'line' | 'pie';

/** One series of values, one per category (`null` for a missing value). */
export interface ChartSeries {
  name: TextValue;
  values: readonly (number | null)[];
}

/** Props of {@link Chart}. */
export interface ChartProps {
  kind: ChartKind;
  /** What the chart shows; rendered as the `<figcaption>`. */
  title: ReactNode;
  /** Category labels (x axis, pie slices). */
  categories: readonly TextValue[];
  /** Series; a pie uses the first. */
  series: readonly ChartSeries[];
  /** Header of the category column in the data table; default "Catégorie". */
  categoryLabel?: ReactNode;
  /** Show the data table to everyone, not only to assistive technology; default false. */
  showTable?: boolean;
  /** Formatting of values (table, tooltips, axis); default the locale's plain numbers. */
  valueFormat?: Intl.NumberFormatOptions;
  /** Drawing size in SVG units (it scales to its container); default 640 × 360. */
  width?: number;
  height?: number;
  className?: string;
}

const PALETTE_SIZE = 8;
const seriesSlot = (index: number) => String((index % PALETTE_SIZE) + 1);

/**
 * A bar, line or pie chart drawn as inline SVG (no chart library, renders on the server), with
 * its data as a real `<table>` — visually hidden by default, shown with `showTable` — so the
 * numbers are available to screen readers and keyboard users. The SVG is named by a summary
 * ("Diagramme en barres : 5 catégories, 1 série"). In Arabic the category axis runs right to
 * left. Colours come from `--bayan-chart-1` … `--bayan-chart-8` through `data-series`.
 * @example
 * <Chart kind="bar" title="Budget par ministère (MDH)" categories={['Santé', 'Éducation']}
 *   series={[{ name: '2026', values: [32.6, 85.2] }]} />
 */
export function Chart({
  kind,
  title,
  categories,
  series,
  categoryLabel,
  showTable = false,
  valueFormat,
  width = 640,
  height = 360,
  className,
}: ChartProps) {
  const i18n = useBayanI18n();
  const { t, locale, dir, formatNumber } = i18n;
  const id = useId();
  const rtl = dir === 'rtl';
  // Values past the last category have nowhere to go: they are dropped, in the drawing and the table.
  const shownSeries = (kind === 'pie' ? series.slice(0, 1) : series).map((s) => ({ ...s, values: s.values.slice(0, categories.length) }));
  const format = (value: number | null | undefined) => (value === null || value === undefined || !Number.isFinite(value) ? '' : formatNumber(value, valueFormat));
  const categoryText = categories.map((category) => pickLanguage(category, locale)?.text ?? '');
  const seriesText = shownSeries.map((s) => pickLanguage(s.name, locale)?.text ?? '');
  const summary = t('chart.summary', {
    kind: t(`chart.kind.${kind}`),
    count: categories.length,
    series: shownSeries.length,
  });
  const hasData = shownSeries.some((s) => s.values.some((v) => v !== null && Number.isFinite(v)));

  let drawing: ReactNode = null;
  if (hasData && kind === 'pie') {
    drawing = pie(shownSeries[0]?.values ?? [], width, height, rtl, (index, value, share) =>
      t('chart.slice', { category: categoryText[index] ?? '', value: format(value), share: formatNumber(share, { style: 'percent' }) }),
    );
  } else if (hasData) {
    drawing = cartesian(
      kind === 'line' ? 'line' : 'bar',
      shownSeries,
      categoryText,
      width,
      height,
      rtl,
      (category, seriesIndex, value) =>
        t('chart.point', { category: categoryText[category] ?? '', series: seriesText[seriesIndex] ?? '', value: format(value) }),
      (v) => formatNumber(v, { notation: 'compact', maximumFractionDigits: 1 }),
    );
  }

  const legendItems = kind === 'pie' ? categoryText : seriesText;
  return (
    <figure
      className={['bayan-chart', className].filter(Boolean).join(' ')}
      data-kind={kind}
      data-table={showTable ? 'visible' : 'hidden'}
      aria-labelledby={`${id}-caption`}
    >
      <figcaption id={`${id}-caption`} className="bayan-chart__caption">
        {title}
      </figcaption>
      {hasData ? (
        <>
          <svg
            className="bayan-chart__svg"
            viewBox={`0 0 ${width} ${height}`}
            role="img"
            aria-label={summary}
            preserveAspectRatio="xMidYMid meet"
          >
            {drawing}
          </svg>
          {legendItems.length > 1 ? (
            <ul className="bayan-chart__legend" aria-hidden="true">
              {legendItems.map((label, index) => (
                <li key={index} className="bayan-chart__legend-item">
                  <span className="bayan-chart__swatch" data-series={seriesSlot(index)} />
                  {label}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : (
        <p className="bayan-chart__empty">{t('chart.empty')}</p>
      )}
      <table className={showTable ? 'bayan-chart__table' : 'bayan-chart__table bayan-sr-only'}>
        <caption>{t('chart.table')}</caption>
        <thead>
          <tr>
            <th scope="col">{categoryLabel ?? t('chart.category')}</th>
            {shownSeries.map((s, index) => (
              <th scope="col" key={index}>
                <MultilingualText value={s.name} hideFallbackNote />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {categories.map((category, row) => (
            <tr key={row}>
              <th scope="row">
                <MultilingualText value={category} hideFallbackNote />
              </th>
              {shownSeries.map((s, column) => (
                <td key={column}>{format(s.values[row])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

function cartesian(
  kind: 'bar' | 'line',
  series: readonly ChartSeries[],
  categories: string[],
  width: number,
  height: number,
  rtl: boolean,
  pointLabel: (category: number, series: number, value: number) => string,
  tickFormat: (value: number) => string,
): ReactNode {
  const margin = { start: 56, end: 16, top: 16, bottom: 40 };
  const plotWidth = width - margin.start - margin.end;
  const plotHeight = height - margin.top - margin.bottom;
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const ticks = niceTicks(Math.min(...values), Math.max(...values));
  const low = ticks[0] ?? 0;
  const high = ticks[ticks.length - 1] ?? 1;
  const y = (value: number) => margin.top + plotHeight - ((value - low) / (high - low || 1)) * plotHeight;
  // Logical x (from the start edge) → physical x: mirrored in right-to-left pages.
  const x = (logical: number) => (rtl ? width - logical : logical);
  const band = plotWidth / Math.max(1, categories.length);
  const maxChars = Math.max(3, Math.floor(band / 7));
  const axisAnchor = rtl ? 'start' : 'end';

  const grid = ticks.map((tick) => (
    <g key={tick} className="bayan-chart__tick">
      <line className="bayan-chart__grid" x1={x(margin.start)} x2={x(width - margin.end)} y1={y(tick)} y2={y(tick)} />
      <text className="bayan-chart__tick-label" x={x(margin.start - 6)} y={y(tick)} textAnchor={axisAnchor} dominantBaseline="middle">
        {tickFormat(tick)}
      </text>
    </g>
  ));
  const labels = categories.map((label, index) => (
    <text
      key={index}
      className="bayan-chart__category"
      x={x(margin.start + band * (index + 0.5))}
      y={height - margin.bottom + 18}
      textAnchor="middle"
    >
      {truncate(label, maxChars)}
      {label.length > maxChars ? <title>{label}</title> : null}
    </text>
  ));

  let marks: ReactNode;
  if (kind === 'bar') {
    const inner = band * 0.8;
    const barWidth = inner / Math.max(1, series.length);
    marks = series.map((s, seriesIndex) => (
      <g key={seriesIndex} className="bayan-chart__series" data-series={seriesSlot(seriesIndex)}>
        {s.values.map((value, index) => {
          if (value === null || !Number.isFinite(value)) return null;
          const start = margin.start + band * index + (band - inner) / 2 + barWidth * seriesIndex;
          const top = Math.min(y(value), y(0));
          const physical = rtl ? width - start - barWidth : start;
          return (
            <rect key={index} className="bayan-chart__bar" x={physical} y={top} width={Math.max(1, barWidth - 2)} height={Math.abs(y(value) - y(0))}>
              <title>{pointLabel(index, seriesIndex, value)}</title>
            </rect>
          );
        })}
      </g>
    ));
  } else {
    marks = series.map((s, seriesIndex) => {
      const segments: string[] = [];
      let current: string[] = [];
      s.values.forEach((value, index) => {
        if (value === null || !Number.isFinite(value)) {
          if (current.length > 0) segments.push(current.join(' '));
          current = [];
          return;
        }
        current.push(`${x(margin.start + band * (index + 0.5)).toFixed(2)},${y(value).toFixed(2)}`);
      });
      if (current.length > 0) segments.push(current.join(' '));
      return (
        <g key={seriesIndex} className="bayan-chart__series" data-series={seriesSlot(seriesIndex)}>
          {segments.map((points, index) => (
            <polyline key={index} className="bayan-chart__line" points={points} fill="none" />
          ))}
          {s.values.map((value, index) =>
            value === null || !Number.isFinite(value) ? null : (
              <circle key={index} className="bayan-chart__point" cx={x(margin.start + band * (index + 0.5))} cy={y(value)} r={3.5}>
                <title>{pointLabel(index, seriesIndex, value)}</title>
              </circle>
            ),
          )}
        </g>
      );
    });
  }
  return (
    <>
      {grid}
      <line className="bayan-chart__axis" x1={x(margin.start)} x2={x(width - margin.end)} y1={y(0)} y2={y(0)} />
      {marks}
      {labels}
    </>
  );
}

function pie(
  values: readonly (number | null)[],
  width: number,
  height: number,
  rtl: boolean,
  sliceLabel: (category: number, value: number, share: number) => string,
): ReactNode {
  // Negative and missing values have no meaningful slice; the data table still shows them.
  const positive = values.map((v) => (v !== null && Number.isFinite(v) && v > 0 ? v : 0));
  const total = positive.reduce((sum, v) => sum + v, 0);
  if (total === 0) return null;
  const radius = Math.min(width, height) / 2 - 8;
  const cx = width / 2;
  const cy = height / 2;
  let angle = 0;
  return positive.map((value, index) => {
    if (value === 0) return null;
    const sweep = (value / total) * Math.PI * 2;
    // Slices go clockwise from the top in left-to-right pages, anticlockwise in Arabic.
    const [start, end] = rtl ? [Math.PI * 2 - angle - sweep, Math.PI * 2 - angle] : [angle, angle + sweep];
    angle += sweep;
    return (
      <path key={index} className="bayan-chart__slice" data-series={seriesSlot(index)} d={arcPath(cx, cy, radius, start, end)}>
        <title>{sliceLabel(index, value, value / total)}</title>
      </path>
    );
  });
}
