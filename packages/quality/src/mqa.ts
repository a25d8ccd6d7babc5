import type { Dataset, Distribution } from '@bayan/schema';
import { fileTypesOf, findFileType, findLicence, isAccessRightsUri, isIanaMediaType, isKnownLicence, licencesOf, linkState } from './lookups';
import { fill, mqaMetricMessages, reasonHints, reasonMessages, type ReasonCode } from './messages';
import { mqaMetrics, type MqaMetric } from './mqaMetrics';
import type { FileTypeInfo, LicenceInfo, Lookup, MetricResult, MetricStatus, Reason, ScoreContext } from './types';

// The MQA scorer. Dataset metrics pass or fail. Distribution metrics are judged per distribution
// and aggregated:
//  - best (default): the dataset takes its best distribution, the one whose distribution metrics
//    are worth most after penalties; a metric with a penalty (format, media type) loses
//    `penalty` points per distribution that fails it, never below 0 for that metric. Choosing the
//    best after penalties keeps the score monotone: adding a field can only raise it.
//  - proportional: each metric earns points × (passing distributions / distributions), rounded to
//    a whole point; no penalty, since the share already charges every failing distribution.
// Metrics the record cannot prove (links, DCAT-AP compliance) are not earned until the context
// says so, with the reason "not checked yet".

interface Fail {
  code: ReasonCode;
  status?: number;
}

interface Env {
  context: ScoreContext | undefined;
  fileTypes: Lookup<FileTypeInfo>;
  licences: Lookup<LicenceInfo>;
}

const MISSING: Fail = { code: 'missing' };
const NOT_CHECKED: Fail = { code: 'not_checked' };

function hasText(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (value === null || typeof value !== 'object') return false;
  for (const key of ['fr', 'ar', 'en']) {
    const text = (value as Record<string, unknown>)[key];
    if (typeof text === 'string' && text.trim() !== '') return true;
  }
  return false;
}

function hasItems(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}

function hasKeywords(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  for (const key of ['fr', 'ar', 'en']) {
    const list = (value as Record<string, unknown>)[key];
    if (Array.isArray(list) && list.some((k) => typeof k === 'string' && k.trim() !== '')) return true;
  }
  return false;
}

function hasString(value: unknown): boolean {
  return typeof value === 'string' && value !== '';
}

function linkFail(env: Env, url: string | undefined): Fail | undefined {
  const link = linkState(env.context, url);
  if (link.state === 'ok') return undefined;
  if (link.state === 'unchecked') return NOT_CHECKED;
  return link.status === undefined ? { code: 'link_error' } : { code: 'unreachable', status: link.status };
}

// The format passes when the declared format or the media type names a file type with the flag:
// either one is enough, so declaring more never loses points.
function formatFlagFail(env: Env, d: Distribution, flag: 'nonProprietary' | 'machineReadable', code: ReasonCode): Fail | undefined {
  if (!hasString(d.format) && !hasString(d.mediaType)) return MISSING;
  const byFormat = findFileType(env.fileTypes, d.format);
  if (byFormat?.[flag] === true) return undefined;
  const byMediaType = findFileType(env.fileTypes, d.mediaType);
  if (byMediaType?.[flag] === true) return undefined;
  return byFormat === undefined && byMediaType === undefined ? { code: 'unknown_format' } : { code };
}

type DatasetTest = (dataset: Dataset, env: Env) => Fail | undefined;
type DistributionTest = (d: Distribution, dataset: Dataset, env: Env) => Fail | undefined;

const datasetTests: Readonly<Record<string, DatasetTest>> = {
  keywordAvailability: (ds) => (hasKeywords(ds.keywords) ? undefined : MISSING),
  categoryAvailability: (ds) => (hasItems(ds.themes) ? undefined : MISSING),
  spatialAvailability: (ds) => (hasItems(ds.spatial) ? undefined : MISSING),
  temporalAvailability: (ds) => (hasItems(ds.temporal) ? undefined : MISSING),
  dcatApCompliance: (_ds, env) => {
    const compliant = env.context?.dcatApCompliant;
    if (compliant === true) return undefined;
    return compliant === false ? { code: 'not_compliant' } : { code: 'compliance_unknown' };
  },
  accessRightsAvailability: (ds) => (hasString(ds.accessRights) ? undefined : MISSING),
  accessRightsVocabularyAlignment: (ds) => (!hasString(ds.accessRights) ? MISSING : isAccessRightsUri(ds.accessRights) ? undefined : { code: 'not_in_vocabulary' }),
  contactPointAvailability: (ds) => (hasItems(ds.contactPoints) ? undefined : MISSING),
  publisherAvailability: (ds) => (ds.publisher !== undefined && ds.publisher !== null ? undefined : MISSING),
  // Dataset/distribution metrics, judged on the dataset alone when it has no distribution.
  dateIssuedAvailability: (ds) => (hasString(ds.issued) ? undefined : MISSING),
  dateModifiedAvailability: (ds) => (hasString(ds.modified) ? undefined : MISSING),
};

const distributionTests: Readonly<Record<string, DistributionTest>> = {
  accessUrlStatusCode: (d, _ds, env) => linkFail(env, d.accessUrl),
  downloadUrlAvailability: (d) => (hasString(d.downloadUrl) ? undefined : MISSING),
  downloadUrlStatusCode: (d, _ds, env) => (hasString(d.downloadUrl) ? linkFail(env, d.downloadUrl) : { code: 'no_download_url' }),
  formatAvailability: (d) => (hasString(d.format) ? undefined : MISSING),
  mediaTypeAvailability: (d) => (hasString(d.mediaType) ? undefined : MISSING),
  formatMediaTypeVocabularyAlignment: (d, _ds, env) => {
    if (!hasString(d.format) || !hasString(d.mediaType)) return MISSING;
    const format = findFileType(env.fileTypes, d.format);
    return format !== undefined && format.uri === d.format && isIanaMediaType(env.fileTypes, d.mediaType) ? undefined : { code: 'not_in_vocabulary' };
  },
  formatMediaTypeNonProprietary: (d, _ds, env) => formatFlagFail(env, d, 'nonProprietary', 'proprietary'),
  formatMediaTypeMachineInterpretable: (d, _ds, env) => formatFlagFail(env, d, 'machineReadable', 'not_machine_readable'),
  licenceAvailability: (d) => (hasString(d.license) ? undefined : MISSING),
  knownLicence: (d, _ds, env) => (!hasString(d.license) ? MISSING : isKnownLicence(findLicence(env.licences, d.license)) ? undefined : { code: 'unknown_licence' }),
  rightsAvailability: (d) => (hasText(d.rights) ? undefined : MISSING),
  byteSizeAvailability: (d) => (typeof d.byteSize === 'number' ? undefined : MISSING),
  dateIssuedAvailability: (d, ds) => (hasString(d.issued) || hasString(ds.issued) ? undefined : MISSING),
  dateModifiedAvailability: (d, ds) => (hasString(d.modified) || hasString(ds.modified) ? undefined : MISSING),
};

/** Whether the scorer knows how to test a metric id. */
export function isMqaMetricId(id: string): boolean {
  return id in datasetTests || id in distributionTests;
}

function reasonOf(fail: Fail, counts?: { missing: number; total: number }): Reason {
  if (counts !== undefined) return { code: 'missing_on_some', message: fill(reasonMessages.missing_on_some, counts) };
  const message = fail.status !== undefined ? fill(reasonMessages[fail.code], { status: fail.status }) : reasonMessages[fail.code];
  return { code: fail.code, message };
}

function statusOf(points: number, max: number, reason: Reason | undefined): MetricStatus {
  if (points >= max) return 'earned';
  if (points > 0) return 'partial';
  return reason !== undefined && (reason.code === 'not_checked' || reason.code === 'compliance_unknown') ? 'unchecked' : 'missed';
}

function result(metric: MqaMetric, points: number, fail: Fail | undefined, pointers: string[], counts?: { missing: number; total: number }): MetricResult {
  const messages = mqaMetricMessages[metric.id]!;
  const pointer = pointers[0] ?? metric.pointer.replace('/{d}', '');
  if (points >= metric.points || fail === undefined) {
    return { id: metric.id, dimension: metric.dimension, label: messages.label, points, max: metric.points, status: statusOf(points, metric.points, undefined), pointer, pointers: [] };
  }
  const reason = reasonOf(fail, counts);
  return {
    id: metric.id,
    dimension: metric.dimension,
    label: messages.label,
    points,
    max: metric.points,
    status: statusOf(points, metric.points, reason),
    reason,
    hint: reasonHints[fail.code] ?? messages.hint,
    pointer,
    pointers: pointers.length > 0 ? pointers : [pointer],
  };
}

function pointerAt(metric: MqaMetric, index: number): string {
  return metric.level === 'dataset/distribution' ? metric.pointer : metric.pointer.replace('{d}', String(index));
}

/**
 * Scores a dataset against an MQA metric table (the standard one, or one with a profile's own
 * weights). Returns one result per metric, in table order.
 */
export function evaluateMqa(dataset: Dataset, context: ScoreContext | undefined, table: readonly MqaMetric[] = mqaMetrics): MetricResult[] {
  const env: Env = { context, fileTypes: fileTypesOf(context), licences: licencesOf(context) };
  const distributions: readonly Distribution[] = Array.isArray(dataset.distributions) ? dataset.distributions : [];
  const n = distributions.length;
  const proportional = context?.aggregation === 'proportional';
  const results: MetricResult[] = new Array<MetricResult>(table.length);

  // Per distribution metric: which distributions fail it, and how.
  const distMetricIndexes: number[] = [];
  for (let i = 0; i < table.length; i++) {
    const metric = table[i]!;
    if (metric.level === 'dataset' || (metric.level === 'dataset/distribution' && n === 0)) {
      const test = datasetTests[metric.id];
      const fail = test === undefined ? MISSING : test(dataset, env);
      results[i] = result(metric, fail === undefined ? metric.points : 0, fail, fail === undefined ? [] : [metric.pointer]);
    } else if (n === 0) {
      results[i] = result(metric, 0, { code: 'no_distribution' }, ['/distributions']);
    } else {
      distMetricIndexes.push(i);
    }
  }
  if (distMetricIndexes.length === 0) return results;

  const fails: (Fail | undefined)[][] = distMetricIndexes.map(() => new Array<Fail | undefined>(n));
  const failCounts = new Array<number>(distMetricIndexes.length).fill(0);
  for (let k = 0; k < distMetricIndexes.length; k++) {
    const metric = table[distMetricIndexes[k]!]!;
    const test = distributionTests[metric.id];
    for (let d = 0; d < n; d++) {
      const fail = test === undefined ? MISSING : test(distributions[d]!, dataset, env);
      fails[k]![d] = fail;
      if (fail !== undefined) failCounts[k]!++;
    }
  }

  if (proportional) {
    for (let k = 0; k < distMetricIndexes.length; k++) {
      const metric = table[distMetricIndexes[k]!]!;
      const failing = failCounts[k]!;
      const points = Math.round((metric.points * (n - failing)) / n);
      const pointers: string[] = [];
      let first: Fail | undefined;
      for (let d = 0; d < n; d++) {
        const fail = fails[k]![d];
        if (fail === undefined) continue;
        first ??= fail;
        pointers.push(pointerAt(metric, d));
      }
      const counts = first?.code === 'missing' && failing < n ? { missing: failing, total: n } : undefined;
      results[distMetricIndexes[k]!] = result(metric, points, first, uniq(pointers), counts);
    }
    return results;
  }

  // best: penalties are global, the best distribution is the one worth most after them.
  const penalties = distMetricIndexes.map((i, k) => table[i]!.penalty * failCounts[k]!);
  let best = 0;
  let bestValue = -1;
  for (let d = 0; d < n; d++) {
    let value = 0;
    for (let k = 0; k < distMetricIndexes.length; k++) {
      if (fails[k]![d] === undefined) value += Math.max(0, table[distMetricIndexes[k]!]!.points - penalties[k]!);
    }
    if (value > bestValue) {
      bestValue = value;
      best = d;
    }
  }
  for (let k = 0; k < distMetricIndexes.length; k++) {
    const metric = table[distMetricIndexes[k]!]!;
    const bestFail = fails[k]![best];
    const points = bestFail === undefined ? Math.max(0, metric.points - penalties[k]!) : 0;
    if (points >= metric.points) {
      results[distMetricIndexes[k]!] = result(metric, points, undefined, []);
      continue;
    }
    if (bestFail !== undefined && penalties[k] === 0) {
      // Fixing the best distribution wins the points back.
      results[distMetricIndexes[k]!] = result(metric, points, bestFail, [pointerAt(metric, best)]);
      continue;
    }
    // A penalty: every failing distribution must be fixed.
    const pointers: string[] = [];
    if (bestFail !== undefined) pointers.push(pointerAt(metric, best));
    for (let d = 0; d < n; d++) if (d !== best && fails[k]![d] !== undefined) pointers.push(pointerAt(metric, d));
    const counts = bestFail === undefined ? { missing: failCounts[k]!, total: n } : undefined;
    results[distMetricIndexes[k]!] = result(metric, points, bestFail ?? MISSING, uniq(pointers), counts);
  }
  return results;
}

function uniq(values: string[]): string[] {
  return values.length < 2 ? values : [...new Set(values)];
}
