import type { LocalizedMessage } from '@bayan/schema';
import type { Band, Hint, QualityReport } from './types';

/** How often a metric was not fully earned across an organisation's datasets. */
export interface MissedMetric {
  id: string;
  label: LocalizedMessage;
  /** Datasets where the metric was not fully earned. */
  datasets: number;
  /** Share of datasets (0–1). */
  share: number;
  /** Points lost on it, summed over datasets. */
  pointsLost: number;
}

/** A dataset that would gain most, with its first fix. */
export interface Gainer {
  datasetId?: string;
  total: number;
  max: number;
  /** Points it could still win. */
  gain: number;
  /** The fix worth most. */
  topHint?: Hint;
}

/** One point of the trend: the mean score of the reports dated that day. */
export interface TrendPoint {
  date: string;
  mean: number;
  count: number;
}

/** An organisation's quality summary. */
export interface Scorecard {
  /** Datasets counted (the latest report of each). */
  count: number;
  mean: number;
  median: number;
  /** Mean as a share of the maximum (0–1), comparable across profiles. */
  meanShare: number;
  bands: Record<Band, number>;
  /** Metrics most often missed, most frequent first. */
  mostMissed: MissedMetric[];
  /** Datasets that would gain most, largest gain first. */
  topGainers: Gainer[];
  /** Mean score per day, oldest first, when reports carry different dates. */
  trend: TrendPoint[];
  /** Change of the mean between the first and the last day of the trend. */
  trendChange: number;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Summarises an organisation's reports: mean and median score, the band distribution, the metrics
 * most often missed, the datasets that would gain most, and a trend when the reports span several
 * days. Reports of the same dataset (same `datasetId`) count once in the summary (the latest by
 * `scoredAt`); every report feeds the trend.
 *
 * @param options.top - how many missed metrics and gainers to list (default 10).
 * @example
 * ```ts
 * const card = scorecard(datasets.map((d) => scoreMetadata(d, context)));
 * card.mean; card.bands.excellent; card.mostMissed[0]?.id; // e.g. 'keywordAvailability'
 * ```
 */
export function scorecard(reports: readonly QualityReport[], options: { top?: number } = {}): Scorecard {
  const top = Math.max(0, options.top ?? 10);
  const latest = new Map<string, QualityReport>();
  const anonymous: QualityReport[] = [];
  for (const report of reports) {
    if (report === null || typeof report !== 'object' || typeof report.total !== 'number') continue;
    if (report.datasetId === undefined) {
      anonymous.push(report);
      continue;
    }
    const seen = latest.get(report.datasetId);
    if (seen === undefined || seen.scoredAt <= report.scoredAt) latest.set(report.datasetId, report);
  }
  const current = [...latest.values(), ...anonymous];
  const count = current.length;
  const totals = current.map((r) => r.total).sort((a, b) => a - b);
  const sum = totals.reduce((a, b) => a + b, 0);
  const mean = count === 0 ? 0 : round2(sum / count);
  const median = count === 0 ? 0 : count % 2 === 1 ? totals[(count - 1) / 2]! : round2((totals[count / 2 - 1]! + totals[count / 2]!) / 2);
  const maxSum = current.reduce((a, r) => a + r.max, 0);

  const bands: Record<Band, number> = { excellent: 0, good: 0, sufficient: 0, bad: 0 };
  const missed = new Map<string, MissedMetric>();
  for (const report of current) {
    bands[report.band]++;
    for (const metric of report.metrics) {
      if (metric.points >= metric.max) continue;
      const entry = missed.get(metric.id) ?? { id: metric.id, label: metric.label, datasets: 0, share: 0, pointsLost: 0 };
      entry.datasets++;
      entry.pointsLost += metric.max - metric.points;
      missed.set(metric.id, entry);
    }
  }
  const mostMissed = [...missed.values()]
    .map((m) => ({ ...m, share: round2(m.datasets / count) }))
    .sort((a, b) => b.datasets - a.datasets || b.pointsLost - a.pointsLost)
    .slice(0, top);
  const topGainers = current
    .map((r): Gainer => ({ ...(r.datasetId !== undefined ? { datasetId: r.datasetId } : {}), total: r.total, max: r.max, gain: r.max - r.total, ...(r.hints[0] ? { topHint: r.hints[0] } : {}) }))
    .filter((g) => g.gain > 0)
    .sort((a, b) => b.gain - a.gain)
    .slice(0, top);

  const byDay = new Map<string, { sum: number; count: number }>();
  for (const report of reports) {
    if (report === null || typeof report !== 'object' || typeof report.scoredAt !== 'string') continue;
    const day = report.scoredAt.slice(0, 10);
    const entry = byDay.get(day) ?? { sum: 0, count: 0 };
    entry.sum += report.total;
    entry.count++;
    byDay.set(day, entry);
  }
  const trend = byDay.size < 2 ? [] : [...byDay.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, e]) => ({ date, mean: round2(e.sum / e.count), count: e.count }));
  const trendChange = trend.length < 2 ? 0 : round2(trend[trend.length - 1]!.mean - trend[0]!.mean);
  return { count, mean, median, meanShare: maxSum === 0 ? 0 : round2(sum / maxSum), bands, mostMissed, topGainers, trend, trendChange };
}
