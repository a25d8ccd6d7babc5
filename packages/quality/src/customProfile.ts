import { accessRights, dataThemes, euLanguages, fileTypes, frequencies, licences, type Dataset, type LocalizedMessage } from '@bayan/schema';
import { fill, profileErrorMessages, reasonMessages } from './messages';
import { evaluateMqa } from './mqa';
import { mqaDimensions, mqaMetrics, type MqaMetric } from './mqaMetrics';
import { parsePointer, resolvePointer } from './pointer';
import type { Profile } from './profile';
import type { MetricResult, ScoreContext } from './types';
import { evaluateUdata, udataCriteria } from './udata';

/**
 * A condition on a dataset record, written against `@bayan/schema`'s field names with JSON
 * pointers (a `*` segment reads every item of a list). Leaf conditions hold when at least one value
 * the pointer reaches satisfies them, or every value (and at least one) with `every: true`.
 */
export type ProfileTest =
  | { present: string; every?: boolean }
  | { minItems: string; count: number; every?: boolean }
  | { minLength: string; length: number; every?: boolean }
  | { inVocabulary: string; vocabulary: VocabularyName; every?: boolean }
  | { equals: string; value: string | number | boolean; every?: boolean }
  | { oneOf: string; values: (string | number | boolean)[]; every?: boolean }
  | { all: ProfileTest[] }
  | { any: ProfileTest[] }
  | { not: ProfileTest };

/** Vocabularies a profile test may name. */
export type VocabularyName = 'themes' | 'frequencies' | 'accessRights' | 'fileTypes' | 'licences' | 'languages';

/** One metric of a custom profile. */
export interface ProfileMetricConfig {
  /** Metric id, unique in the profile. */
  id: string;
  /** Dimension id; defaults to `custom`. */
  dimension?: string;
  /** Points when the test passes (whole number, 0–1000). */
  points: number;
  label: LocalizedMessage;
  /** What to do when it fails. */
  hint: LocalizedMessage;
  /** Why it failed; defaults to "the condition is not met". */
  reason?: LocalizedMessage;
  test: ProfileTest;
  /** Field to point the editor at; defaults to the test's first pointer (`*` read as the first item). */
  pointer?: string;
}

/** A custom profile as written in configuration (plain JSON, no code). */
export interface ProfileConfig {
  /** Profile id (letters, digits, `-`, `_`). */
  id: string;
  labels?: LocalizedMessage;
  /** Start from the `mqa` or `udata` metrics (default: none). */
  base?: 'mqa' | 'udata' | 'none';
  /** Points per base metric id; 0 drops the metric. MQA penalties scale with the points. */
  weights?: Record<string, number>;
  /** Names of the profile's own dimensions. */
  dimensions?: Record<string, LocalizedMessage>;
  /** The profile's own metrics. */
  metrics?: ProfileMetricConfig[];
}

/** One problem in a profile configuration. */
export interface ProfileError {
  /** JSON pointer in the configuration. */
  path: string;
  code: keyof typeof profileErrorMessages;
  message: LocalizedMessage;
}

/** The outcome of `defineProfile`. Never throws. */
export type ProfileResult = { ok: true; profile: Profile } | { ok: false; errors: ProfileError[] };

interface Lookup {
  find(text: string): unknown;
}

const VOCABULARIES: Record<VocabularyName, Lookup> = {
  themes: dataThemes,
  frequencies,
  accessRights,
  fileTypes,
  licences,
  languages: euLanguages,
};

type Compiled = (dataset: Dataset) => boolean;

const ID = /^[A-Za-z][A-Za-z0-9_-]{0,99}$/;
const MAX_DEPTH = 10;
const MAX_ITEMS = 200;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isMessage(value: unknown): value is LocalizedMessage {
  return isRecord(value) && ['fr', 'ar', 'en'].every((k) => { const text = value[k]; return typeof text === 'string' && text.trim() !== ''; });
}

function isPresent(value: unknown, depth = 0): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value !== 'object') return true;
  if (depth > 8) return true;
  if (Array.isArray(value)) return value.some((v) => isPresent(v, depth + 1));
  return Object.values(value).some((v) => isPresent(v, depth + 1));
}

function countItems(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  // Multilingual keywords: items of every language.
  if (isRecord(value)) return Object.values(value).reduce<number>((sum, v) => sum + (Array.isArray(v) ? v.length : 0), 0);
  return 0;
}

function textLength(value: unknown): number {
  if (typeof value === 'string') return [...value.trim()].length;
  if (isRecord(value)) return Math.max(0, ...['fr', 'ar', 'en'].map((k) => { const text = value[k]; return typeof text === 'string' ? [...text.trim()].length : 0; }));
  return 0;
}

const LEAVES = ['present', 'minItems', 'minLength', 'inVocabulary', 'equals', 'oneOf'] as const;

class Compiler {
  readonly errors: ProfileError[] = [];
  readonly pointers: string[] = [];

  error(path: string, code: keyof typeof profileErrorMessages, value?: string): void {
    const message = value === undefined ? profileErrorMessages[code] : fill(profileErrorMessages[code], { value });
    this.errors.push({ path, code, message });
  }

  compile(test: unknown, path: string, depth = 0): Compiled | undefined {
    if (depth > MAX_DEPTH) {
      this.error(path, 'too_deep');
      return undefined;
    }
    if (!isRecord(test)) {
      this.error(path, 'bad_test');
      return undefined;
    }
    for (const combinator of ['all', 'any'] as const) {
      if (combinator in test) {
        const parts = test[combinator];
        if (!Array.isArray(parts) || parts.length === 0) {
          this.error(`${path}/${combinator}`, 'bad_test');
          return undefined;
        }
        if (parts.length > MAX_ITEMS) {
          this.error(`${path}/${combinator}`, 'too_many');
          return undefined;
        }
        const compiled = parts.map((p, i) => this.compile(p, `${path}/${combinator}/${i}`, depth + 1));
        if (compiled.some((c) => c === undefined)) return undefined;
        const tests = compiled as Compiled[];
        return combinator === 'all' ? (ds) => tests.every((t) => t(ds)) : (ds) => tests.some((t) => t(ds));
      }
    }
    if ('not' in test) {
      const inner = this.compile(test.not, `${path}/not`, depth + 1);
      return inner === undefined ? undefined : (ds) => !inner(ds);
    }
    const kind = LEAVES.find((k) => k in test);
    if (kind === undefined) {
      this.error(path, 'bad_test');
      return undefined;
    }
    const pointerText = test[kind];
    const segments = typeof pointerText === 'string' && pointerText.length <= 500 ? parsePointer(pointerText) : undefined;
    if (segments === undefined) {
      this.error(`${path}/${kind}`, 'bad_pointer', describe(pointerText));
      return undefined;
    }
    this.pointers.push(pointerText as string);
    const predicate = this.leaf(kind, test, path);
    if (predicate === undefined) return undefined;
    const every = test.every === true;
    return (ds) => {
      const found = resolvePointer(ds, segments);
      if (kind === 'present' && !every) return found.some((f) => isPresent(f.value));
      return every ? found.length > 0 && found.every((f) => predicate(f.value)) : found.some((f) => predicate(f.value));
    };
  }

  leaf(kind: (typeof LEAVES)[number], test: Record<string, unknown>, path: string): ((value: unknown) => boolean) | undefined {
    switch (kind) {
      case 'present':
        return (v) => isPresent(v);
      case 'minItems': {
        const count = test.count;
        if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return this.fail(`${path}/count`);
        return (v) => countItems(v) >= count;
      }
      case 'minLength': {
        const length = test.length;
        if (typeof length !== 'number' || !Number.isInteger(length) || length < 0) return this.fail(`${path}/length`);
        return (v) => textLength(v) >= length;
      }
      case 'inVocabulary': {
        const name = test.vocabulary;
        const vocabulary = typeof name === 'string' && Object.hasOwn(VOCABULARIES, name) ? VOCABULARIES[name as VocabularyName] : undefined;
        if (vocabulary === undefined) {
          this.error(`${path}/vocabulary`, 'unknown_vocabulary', describe(name));
          return undefined;
        }
        return (v) => typeof v === 'string' && vocabulary.find(v) !== undefined;
      }
      case 'equals': {
        const expected = test.value;
        if (!['string', 'number', 'boolean'].includes(typeof expected)) return this.fail(`${path}/value`);
        return (v) => v === expected;
      }
      case 'oneOf': {
        const values = test.values;
        if (!Array.isArray(values) || values.length === 0 || values.length > MAX_ITEMS || !values.every((x) => ['string', 'number', 'boolean'].includes(typeof x))) {
          return this.fail(`${path}/values`);
        }
        const allowed = new Set<unknown>(values);
        return (v) => allowed.has(v);
      }
    }
  }

  fail(path: string): undefined {
    this.error(path, 'bad_test');
    return undefined;
  }
}

/** A short printable form of a configuration value for an error message. */
function describe(value: unknown): string {
  return (typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))).slice(0, 100);
}

function firstConcretePointer(pattern: string): string {
  return pattern.replace(/\/\*(?=\/|$)/g, '/0');
}

/**
 * Compiles a custom scoring profile from configuration: a base (`mqa`, `udata` or none) with its
 * own weights, plus the profile's own metrics written as JSON-pointer conditions on the dataset
 * record (`present`, `minItems`, `minLength`, `inVocabulary`, `equals`, `oneOf`, combined with
 * `all`, `any`, `not`). No code is evaluated. Returns every configuration error at once, in fr/ar/en.
 *
 * @example
 * ```ts
 * const result = defineProfile({
 *   id: 'ministry',
 *   base: 'mqa',
 *   weights: { keywordAvailability: 50, dcatApCompliance: 0 },
 *   metrics: [{
 *     id: 'arabicTitle', points: 20, test: { present: '/title/ar' },
 *     label: { fr: 'Titre en arabe', ar: 'العنوان بالعربية', en: 'Arabic title' },
 *     hint: { fr: 'Ajoutez le titre en arabe.', ar: 'أضف العنوان بالعربية.', en: 'Add the Arabic title.' },
 *   }],
 * });
 * if (result.ok) scoreMetadata(dataset, {}, result.profile);
 * ```
 */
export function defineProfile(config: unknown): ProfileResult {
  const compiler = new Compiler();
  if (!isRecord(config)) {
    compiler.error('', 'not_object');
    return { ok: false, errors: compiler.errors };
  }
  const id = config.id;
  if (typeof id !== 'string' || !ID.test(id)) compiler.error('/id', 'bad_id');
  if (config.labels !== undefined && !isMessage(config.labels)) compiler.error('/labels', 'missing_message');
  const base = config.base ?? 'none';
  if (base !== 'mqa' && base !== 'udata' && base !== 'none') compiler.error('/base', 'unknown_base', describe(base));

  // Base metrics with the profile's weights.
  const weights = config.weights ?? {};
  let mqaTable: MqaMetric[] = [];
  let udataWeights: Map<string, number> | undefined;
  if (!isRecord(weights)) {
    compiler.error('/weights', 'not_object');
  } else {
    const known: readonly string[] = base === 'mqa' ? mqaMetrics.map((m) => m.id) : base === 'udata' ? udataCriteria : [];
    for (const [metricId, points] of Object.entries(weights)) {
      if (!known.includes(metricId)) compiler.error(`/weights/${metricId}`, 'unknown_metric', metricId.slice(0, 100));
      else if (typeof points !== 'number' || !Number.isInteger(points) || points < 0 || points > 1000) compiler.error(`/weights/${metricId}`, 'bad_points');
    }
    if (base === 'mqa') {
      mqaTable = mqaMetrics
        .map((m) => {
          const w = typeof weights[m.id] === 'number' ? (weights[m.id] as number) : m.points;
          return { ...m, points: w, penalty: m.points === 0 ? 0 : Math.round((m.penalty * w) / m.points) };
        })
        .filter((m) => m.points > 0);
    }
    if (base === 'udata') udataWeights = new Map(udataCriteria.map((c) => [c, typeof weights[c] === 'number' ? weights[c] : 1]));
  }

  // Own metrics.
  const dimensionLabels: Record<string, LocalizedMessage> = {};
  if (config.dimensions !== undefined) {
    if (!isRecord(config.dimensions)) compiler.error('/dimensions', 'not_object');
    else
      for (const [dimension, label] of Object.entries(config.dimensions)) {
        if (isMessage(label)) dimensionLabels[dimension] = label;
        else compiler.error(`/dimensions/${dimension}`, 'missing_message');
      }
  }
  const own: { config: ProfileMetricConfig; test: Compiled; pointer: string }[] = [];
  const seen = new Set<string>(base === 'mqa' ? mqaMetrics.map((m) => m.id) : base === 'udata' ? udataCriteria : []);
  const metrics = config.metrics ?? [];
  if (!Array.isArray(metrics)) compiler.error('/metrics', 'bad_test');
  else if (metrics.length > MAX_ITEMS) compiler.error('/metrics', 'too_many');
  else
    metrics.forEach((metric: unknown, i) => {
      const path = `/metrics/${i}`;
      if (!isRecord(metric)) return compiler.error(path, 'not_object');
      const before = compiler.errors.length;
      if (typeof metric.id !== 'string' || !ID.test(metric.id)) compiler.error(`${path}/id`, 'bad_id');
      else if (seen.has(metric.id)) compiler.error(`${path}/id`, 'duplicate_id', metric.id);
      else seen.add(metric.id);
      if (metric.dimension !== undefined && (typeof metric.dimension !== 'string' || !ID.test(metric.dimension))) compiler.error(`${path}/dimension`, 'bad_id');
      if (typeof metric.points !== 'number' || !Number.isInteger(metric.points) || metric.points < 0 || metric.points > 1000) compiler.error(`${path}/points`, 'bad_points');
      for (const key of ['label', 'hint'] as const) if (!isMessage(metric[key])) compiler.error(`${path}/${key}`, 'missing_message');
      if (metric.reason !== undefined && !isMessage(metric.reason)) compiler.error(`${path}/reason`, 'missing_message');
      const firstPointer = compiler.pointers.length;
      const test = compiler.compile(metric.test, `${path}/test`);
      if (metric.pointer !== undefined && (typeof metric.pointer !== 'string' || parsePointer(metric.pointer) === undefined)) {
        compiler.error(`${path}/pointer`, 'bad_pointer', describe(metric.pointer));
      }
      if (compiler.errors.length === before && test !== undefined) {
        const pointer = typeof metric.pointer === 'string' ? metric.pointer : firstConcretePointer(compiler.pointers[firstPointer] ?? '');
        own.push({ config: metric as unknown as ProfileMetricConfig, test, pointer });
      }
    });

  if (compiler.errors.length > 0) return { ok: false, errors: compiler.errors };

  const ownDimensions = [...new Set(own.map((m) => m.config.dimension ?? 'custom'))];
  const baseDimensions = base === 'mqa' ? mqaDimensions.map((d) => d.id) : base === 'udata' ? ['udata'] : [];
  const profileId = id as string;
  const profile: Profile = {
    id: profileId,
    labels: isMessage(config.labels) ? config.labels : { fr: profileId, ar: profileId, en: profileId },
    dimensions: [...baseDimensions, ...ownDimensions.filter((d) => !baseDimensions.includes(d))],
    dimensionLabels,
    evaluate(dataset: Dataset, context: ScoreContext | undefined): MetricResult[] {
      const results: MetricResult[] =
        base === 'mqa' ? evaluateMqa(dataset, context, mqaTable) : base === 'udata' ? reweight(evaluateUdata(dataset, context), udataWeights!) : [];
      for (const metric of own) {
        const { config: c } = metric;
        const passed = metric.test(dataset);
        const dimension = c.dimension ?? 'custom';
        results.push(
          passed
            ? { id: c.id, dimension, label: c.label, points: c.points, max: c.points, status: 'earned', pointer: metric.pointer, pointers: [] }
            : {
                id: c.id,
                dimension,
                label: c.label,
                points: 0,
                max: c.points,
                status: c.points === 0 ? 'earned' : 'missed',
                reason: { code: 'predicate_failed', message: c.reason ?? reasonMessages.predicate_failed },
                hint: c.hint,
                pointer: metric.pointer,
                pointers: [metric.pointer],
              },
        );
      }
      return results;
    },
  };
  return { ok: true, profile };
}

function reweight(results: MetricResult[], weights: ReadonlyMap<string, number>): MetricResult[] {
  return results
    .filter((r) => (weights.get(r.id) ?? r.max) > 0)
    .map((r) => {
      const w = weights.get(r.id) ?? r.max;
      return w === r.max ? r : { ...r, points: r.max === 0 ? 0 : Math.round((r.points * w) / r.max), max: w };
    });
}
