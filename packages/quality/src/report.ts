import type { Dataset, LocalizedMessage } from '@bayan/schema';
import { bandOf } from './mqaMetrics';
import { bandLabels, dimensionLabels } from './messages';
import { nowOf, timeliness } from './timeliness';
import type { Aggregation, DimensionResult, Hint, MetricResult, QualityReport, ScoreContext } from './types';

/** Hints from the metrics not fully earned: merged by fix, largest gain first (ties: table order). */
export function hintsOf(metrics: readonly MetricResult[]): Hint[] {
  const hints: Hint[] = [];
  // Metric ids are unique in a report, so only the fixes that are the same whatever the metric
  // (run the link check, run the DCAT-AP validation, add a distribution) merge.
  let shared: Hint[] | undefined;
  let missing: Map<string, Hint> | undefined;
  for (const metric of metrics) {
    const gain = metric.max - metric.points;
    if (gain <= 0 || metric.hint === undefined || metric.reason === undefined) continue;
    const code = metric.reason.code;
    if (code === 'not_checked' || code === 'compliance_unknown' || code === 'no_distribution') {
      let existing: Hint | undefined;
      if (shared !== undefined) for (const h of shared) if (h.key === code) existing = h;
      if (existing !== undefined) {
        existing.gain += gain;
        existing.metrics.push(metric.id);
        for (const pointer of metric.pointers) if (!existing.pointers.includes(pointer)) existing.pointers.push(pointer);
        continue;
      }
      const hint = newHint(code, gain, metric);
      (shared ??= []).push(hint);
      hints.push(hint);
    } else if (code === 'missing' || code === 'no_download_url') {
      // An empty field serves every metric that reads it (access rights: set, and from the
      // vocabulary): one hint, with the first metric's wording and all their points.
      const key = `missing:${metric.pointer}`;
      const existing = (missing ??= new Map<string, Hint>()).get(key);
      if (existing !== undefined) {
        existing.gain += gain;
        existing.metrics.push(metric.id);
        for (const pointer of metric.pointers) if (!existing.pointers.includes(pointer)) existing.pointers.push(pointer);
        continue;
      }
      const hint = newHint(key, gain, metric);
      missing.set(key, hint);
      hints.push(hint);
    } else {
      hints.push(newHint(`${metric.id}:${metric.pointer}`, gain, metric));
    }
  }
  // Insertion sort, stable (equal gains keep the table's order) and fastest on a few dozen items.
  for (let i = 1; i < hints.length; i++) {
    const hint = hints[i]!;
    let j = i - 1;
    while (j >= 0 && hints[j]!.gain < hint.gain) {
      hints[j + 1] = hints[j]!;
      j--;
    }
    hints[j + 1] = hint;
  }
  return hints;
}

function newHint(key: string, gain: number, metric: MetricResult): Hint {
  // A plain loop: `slice` leaves V8's fast path on the frozen lists metrics share.
  const pointers: string[] = [];
  for (let i = 0; i < metric.pointers.length; i++) pointers.push(metric.pointers[i]!);
  return { key, gain, message: metric.hint!, reason: metric.reason!.message, metrics: [metric.id], pointer: metric.pointer, pointers };
}

/** Sums metrics per dimension, in the order the dimensions are given. */
export function dimensionsOf(dimensionIds: readonly string[], metrics: readonly MetricResult[], labels: Readonly<Record<string, LocalizedMessage>> = {}): DimensionResult[] {
  const labelOf = (id: string) => labels[id] ?? dimensionLabels[id] ?? { fr: id, ar: id, en: id };
  const results: DimensionResult[] = dimensionIds.map((id) => ({ id, label: labelOf(id), points: 0, max: 0 }));
  for (const metric of metrics) {
    let dimension: DimensionResult | undefined;
    for (const d of results) {
      if (d.id === metric.dimension) {
        dimension = d;
        break;
      }
    }
    if (dimension === undefined) {
      dimension = { id: metric.dimension, label: labelOf(metric.dimension), points: 0, max: 0 };
      results.push(dimension);
    }
    dimension.points += metric.points;
    dimension.max += metric.max;
  }
  return results;
}

let lastNow = Number.NaN;
let lastIso = '';

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
  if (now !== lastNow) {
    lastNow = now;
    lastIso = new Date(now).toISOString();
  }
  const aggregation: Aggregation = context?.aggregation === 'proportional' ? 'proportional' : 'best';
  return {
    profile,
    ...(typeof dataset.id === 'string' ? { datasetId: dataset.id } : {}),
    scoredAt: lastIso,
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
