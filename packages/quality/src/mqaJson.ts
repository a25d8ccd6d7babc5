import type { QualityReport } from './types';

/** One metric in the MQA per-dimension layout. */
export interface MqaJsonMetric {
  /** Points earned and possible. */
  score: number;
  max: number;
  /** Share of the points earned, 0–100, as data.europa.eu's `percentage` values. */
  percentage: number;
  /** `yes` when fully earned, `no` when not earned, `partial` in between, `unchecked` when a check has not run. */
  value: 'yes' | 'no' | 'partial' | 'unchecked';
}

/** A report in the MQA per-dimension layout: `{ findability: { score, max, keywordAvailability: {…} }, … }`. */
export interface MqaJson {
  profile: string;
  datasetId?: string;
  scoredAt: string;
  score: number;
  max: number;
  band: string;
  dimensions: Record<string, { score: number; max: number; metrics: Record<string, MqaJsonMetric> }>;
}

/**
 * The report in the MQA per-dimension shape that data.europa.eu consumers read: the dimensions as
 * keys, each with its score and its metrics by piveau id (`keywordAvailability`, …).
 *
 * @example
 * ```ts
 * toMqaJson(scoreMetadata(dataset)).dimensions.findability.metrics.keywordAvailability;
 * // { score: 30, max: 30, percentage: 100, value: 'yes' }
 * ```
 */
export function toMqaJson(report: QualityReport): MqaJson {
  const dimensions: MqaJson['dimensions'] = {};
  for (const dimension of report.dimensions) dimensions[dimension.id] = { score: dimension.points, max: dimension.max, metrics: {} };
  for (const metric of report.metrics) {
    const dimension = (dimensions[metric.dimension] ??= { score: 0, max: 0, metrics: {} });
    dimension.metrics[metric.id] = {
      score: metric.points,
      max: metric.max,
      percentage: metric.max === 0 ? 100 : Math.round((metric.points / metric.max) * 100),
      value: metric.status === 'earned' ? 'yes' : metric.status === 'partial' ? 'partial' : metric.status === 'unchecked' ? 'unchecked' : 'no',
    };
  }
  return {
    profile: report.profile,
    ...(report.datasetId !== undefined ? { datasetId: report.datasetId } : {}),
    scoredAt: report.scoredAt,
    score: report.total,
    max: report.max,
    band: report.band,
    dimensions,
  };
}
