import type { Dataset, Distribution, LocalizedMessage } from '@bayan/schema';
import { distributionsOf, fileTypesOf, findFileType, findLicence, isAccessRightsUri, isIanaMediaType, isKnownLicence, licencesOf, linkState } from './lookups';
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
const NO_DISTRIBUTION: Fail = { code: 'no_distribution' };

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

const EMPTY: string[] = Object.freeze([]) as unknown as string[];

// Reasons without numbers are shared objects; the scorer allocates only what differs per dataset.
const plainReasons = new Map<ReasonCode, Reason>();

// "missing on some" reasons by [total][missing], for the usual small numbers of distributions.
const someReasons: Reason[][] = [];

function reasonOf(fail: Fail, counts?: { missing: number; total: number }): Reason {
  if (counts !== undefined) {
    const { missing, total } = counts;
    if (total > 64) return { code: 'missing_on_some', message: fill(reasonMessages.missing_on_some, counts) };
    const row = (someReasons[total] ??= []);
    return (row[missing] ??= { code: 'missing_on_some', message: fill(reasonMessages.missing_on_some, counts) });
  }
  if (fail.status !== undefined) return { code: fail.code, message: fill(reasonMessages[fail.code], { status: fail.status }) };
  let reason = plainReasons.get(fail.code);
  if (reason === undefined) {
    reason = { code: fail.code, message: reasonMessages[fail.code] };
    plainReasons.set(fail.code, reason);
  }
  return reason;
}

function statusOf(points: number, max: number, reason: Reason | undefined): MetricStatus {
  if (points >= max) return 'earned';
  if (points > 0) return 'partial';
  return reason !== undefined && (reason.code === 'not_checked' || reason.code === 'compliance_unknown') ? 'unchecked' : 'missed';
}

/** A metric of a table, prepared once: its tests, messages and pointers. */
interface CompiledMetric {
  metric: MqaMetric;
  label: LocalizedMessage;
  hint: LocalizedMessage;
  datasetTest: DatasetTest | undefined;
  distributionTest: DistributionTest | undefined;
  /** The field's pointer, at the first distribution for distribution metrics. */
  basePointer: string;
  /** `[basePointer]`, shared. */
  baseList: string[];
  /** Pointers and one-item lists per distribution index, built on demand. */
  at: string[];
  atList: string[][];
}

const compiledTables = new WeakMap<readonly MqaMetric[], CompiledMetric[]>();

function compile(table: readonly MqaMetric[]): CompiledMetric[] {
  let compiled = compiledTables.get(table);
  if (compiled !== undefined) return compiled;
  compiled = table.map((metric) => {
    const messages = mqaMetricMessages[metric.id] ?? { label: { fr: metric.id, ar: metric.id, en: metric.id }, hint: reasonMessages.missing };
    const basePointer = metric.pointer.replace('{d}', '0');
    return {
      metric,
      label: messages.label,
      hint: messages.hint,
      datasetTest: datasetTests[metric.id],
      distributionTest: distributionTests[metric.id],
      basePointer,
      baseList: Object.freeze([basePointer]) as unknown as string[],
      at: [],
      atList: [],
    };
  });
  compiledTables.set(table, compiled);
  return compiled;
}

function pointerAt(c: CompiledMetric, index: number): string {
  if (c.metric.level === 'dataset/distribution') return c.metric.pointer;
  return (c.at[index] ??= c.metric.pointer.replace('{d}', String(index)));
}

function pointerListAt(c: CompiledMetric, index: number): string[] {
  if (c.metric.level === 'dataset/distribution') return c.baseList;
  return (c.atList[index] ??= Object.freeze([pointerAt(c, index)]) as unknown as string[]);
}

const NO_DISTRIBUTION_LIST = Object.freeze(['/distributions']) as unknown as string[];

function earned(c: CompiledMetric, points: number): MetricResult {
  const m = c.metric;
  return { id: m.id, dimension: m.dimension, label: c.label, points, max: m.points, status: 'earned', pointer: c.basePointer, pointers: EMPTY };
}

function lost(c: CompiledMetric, points: number, fail: Fail, pointers: string[], counts?: { missing: number; total: number }): MetricResult {
  const m = c.metric;
  const reason = reasonOf(fail, counts);
  return {
    id: m.id,
    dimension: m.dimension,
    label: c.label,
    points,
    max: m.points,
    status: statusOf(points, m.points, reason),
    reason,
    hint: reasonHints[fail.code] ?? c.hint,
    pointer: pointers[0] ?? c.basePointer,
    pointers: pointers.length > 0 ? pointers : c.baseList,
  };
}

/**
 * Scores a dataset against an MQA metric table (the standard one, or one with a profile's own
 * weights). Returns one result per metric, in table order. Results share read-only message and
 * pointer objects between reports.
 */
export function evaluateMqa(dataset: Dataset, context: ScoreContext | undefined, table: readonly MqaMetric[] = mqaMetrics): MetricResult[] {
  const compiled = compile(table);
  const env: Env = { context, fileTypes: fileTypesOf(context), licences: licencesOf(context) };
  const distributions: readonly Distribution[] = distributionsOf(dataset);
  const n = distributions.length;
  const proportional = context?.aggregation === 'proportional';
  const results: MetricResult[] = new Array<MetricResult>(compiled.length);

  const distIndexes: number[] = [];
  for (let i = 0; i < compiled.length; i++) {
    const c = compiled[i]!;
    const level = c.metric.level;
    if (level === 'dataset' || (level === 'dataset/distribution' && n === 0)) {
      const fail = c.datasetTest === undefined ? MISSING : c.datasetTest(dataset, env);
      results[i] = fail === undefined ? earned(c, c.metric.points) : lost(c, 0, fail, c.baseList);
    } else if (n === 0) {
      results[i] = lost(c, 0, NO_DISTRIBUTION, NO_DISTRIBUTION_LIST);
    } else {
      distIndexes.push(i);
    }
  }
  const k = distIndexes.length;
  if (k === 0) return results;

  // fails[m * n + d]: how distribution d fails metric m (undefined: it passes).
  const fails = new Array<Fail | undefined>(k * n);
  const failCounts = new Array<number>(k).fill(0);
  for (let m = 0; m < k; m++) {
    const c = compiled[distIndexes[m]!]!;
    const test = c.distributionTest;
    for (let d = 0; d < n; d++) {
      const fail = test === undefined ? MISSING : test(distributions[d]!, dataset, env);
      fails[m * n + d] = fail;
      if (fail !== undefined) failCounts[m]!++;
    }
  }

  if (proportional) {
    for (let m = 0; m < k; m++) {
      const c = compiled[distIndexes[m]!]!;
      const failing = failCounts[m]!;
      const points = Math.round((c.metric.points * (n - failing)) / n);
      if (failing === 0) {
        results[distIndexes[m]!] = earned(c, points);
        continue;
      }
      const pointers: string[] = [];
      let first: Fail | undefined;
      for (let d = 0; d < n; d++) {
        const fail = fails[m * n + d];
        if (fail === undefined) continue;
        first ??= fail;
        const pointer = pointerAt(c, d);
        if (!pointers.includes(pointer)) pointers.push(pointer);
      }
      const counts = first!.code === 'missing' && failing < n ? { missing: failing, total: n } : undefined;
      results[distIndexes[m]!] = lost(c, points, first!, pointers, counts);
    }
    return results;
  }

  // best: penalties are global, the best distribution is the one worth most after them.
  const penalties = new Array<number>(k);
  for (let m = 0; m < k; m++) penalties[m] = compiled[distIndexes[m]!]!.metric.penalty * failCounts[m]!;
  let best = 0;
  let bestValue = -1;
  for (let d = 0; d < n; d++) {
    let value = 0;
    for (let m = 0; m < k; m++) {
      if (fails[m * n + d] === undefined) value += Math.max(0, compiled[distIndexes[m]!]!.metric.points - penalties[m]!);
    }
    if (value > bestValue) {
      bestValue = value;
      best = d;
    }
  }
  for (let m = 0; m < k; m++) {
    const c = compiled[distIndexes[m]!]!;
    const bestFail = fails[m * n + best];
    const points = bestFail === undefined ? Math.max(0, c.metric.points - penalties[m]!) : 0;
    if (points >= c.metric.points) {
      results[distIndexes[m]!] = earned(c, points);
    } else if (bestFail !== undefined && penalties[m] === 0) {
      // Fixing the best distribution wins the points back.
      results[distIndexes[m]!] = lost(c, points, bestFail, pointerListAt(c, best));
    } else {
      // A penalty: every failing distribution must be fixed.
      const pointers: string[] = [];
      if (bestFail !== undefined) pointers.push(pointerAt(c, best));
      for (let d = 0; d < n; d++) {
        if (d === best || fails[m * n + d] === undefined) continue;
        const pointer = pointerAt(c, d);
        if (!pointers.includes(pointer)) pointers.push(pointer);
      }
      const counts = bestFail === undefined ? { missing: failCounts[m]!, total: n } : undefined;
      results[distIndexes[m]!] = lost(c, points, bestFail ?? MISSING, pointers, counts);
    }
  }
  return results;
}
