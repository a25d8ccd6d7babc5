import type { Dataset, LocalizedMessage } from '@bayan/schema';
import { bandOf } from './mqaMetrics';
import { bandLabels, dimensionLabels } from './messages';
import { nowOf, timeliness } from './timeliness';
import type { Aggregation, DimensionResult, Hint, MetricResult, QualityReport, ScoreContext } from './types';

/** Reasons whose fix is the same whatever the metric: their hints are merged into one. */
const SHARED_FIX = new Set(['not_checked', 'compliance_unknown', 'no_distribution']);

function hintKey(metric: MetricResult): string {
  const code = metric.reason?.code ?? 'missing';
  return SHARED_FIX.has(code) ? code : `${metric.id}:${metric.pointer}`;
}

/** Hints from the metrics not fully earned: merged by fix, largest gain first (ties: table order). */
export function hintsOf(metrics: readonly MetricResult[]): Hint[] {
  const byKey = new Map<string, Hint>();
  const order: Hint[] = [];
  for (const metric of metrics) {
    const gain = metric.max - metric.points;
    if (gain <= 0 || metric.hint === undefined || metric.reason === undefined) continue;
    const key = hintKey(metric);
    const existing = byKey.get(key);
    if (existing !== undefined) {
      existing.gain += gain;
      existing.metrics.push(metric.id);
      for (const pointer of metric.pointers) if (!existing.pointers.includes(pointer)) existing.pointers.push(pointer);
      continue;
    }
    const hint: Hint = {
      key,
      gain,
      message: metric.hint,
      reason: metric.reason.message,
      metrics: [metric.id],
      pointer: metric.pointer,
      pointers: metric.pointers.slice(),
    };
    byKey.set(key, hint);
    order.push(hint);
  }
  // Array.prototype.sort is stable: equal gains keep the table's order.
  return order.sort((a, b) => b.gain - a.gain);
}

/** Sums metrics per dimension, in the order the dimensions are given. */
export function dimensionsOf(dimensionIds: readonly string[], metrics: readonly MetricResult[], labels: Readonly<Record<string, LocalizedMessage>> = {}): DimensionResult[] {
  const results = dimensionIds.map((id) => ({ id, label: labels[id] ?? dimensionLabels[id] ?? { fr: id, ar: id, en: id }, points: 0, max: 0 }));
  const index = new Map(results.map((d, i) => [d.id, i]));
  for (const metric of metrics) {
    let i = index.get(metric.dimension);
    if (i === undefined) {
      i = results.length;
      index.set(metric.dimension, i);
      results.push({ id: metric.dimension, label: labels[metric.dimension] ?? dimensionLabels[metric.dimension] ?? { fr: metric.dimension, ar: metric.dimension, en: metric.dimension }, points: 0, max: 0 });
    }
    const dimension = results[i]!;
    dimension.points += metric.points;
    dimension.max += metric.max;
  }
  return results;
}

/** Assembles a report from metric results. */
export function buildReport(
  profile: string,
  dataset: Dataset,
  context: ScoreContext | undefined,
  dimensionIds: readonly string[],
  metrics: MetricResult[],
  dimensionNames?: Readonly<Record<string, LocalizedMessage>>,
): QualityReport {
  let total = 0;
  let max = 0;
  for (const metric of metrics) {
    total += metric.points;
    max += metric.max;
  }
  const band = bandOf(total, max);
  const now = nowOf(context?.now);
  const aggregation: Aggregation = context?.aggregation === 'proportional' ? 'proportional' : 'best';
  return {
    profile,
    ...(typeof dataset.id === 'string' ? { datasetId: dataset.id } : {}),
    scoredAt: new Date(now).toISOString(),
    aggregation,
    total,
    max,
    band,
    bandLabel: bandLabels[band],
    dimensions: dimensionsOf(dimensionIds, metrics, dimensionNames),
    metrics,
    hints: hintsOf(metrics),
    timeliness: timeliness(dataset, { now, toleranceDays: context?.toleranceDays ?? 1 }),
  };
}
