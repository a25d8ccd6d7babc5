import type { LocalizedMessage } from '@bayan/schema';

/** The four MQA bands, from best to worst. */
export type Band = 'excellent' | 'good' | 'sufficient' | 'bad';

/** How distribution metrics are aggregated when a dataset has several distributions. */
export type Aggregation = 'best' | 'proportional';

/** How a metric fared: fully earned, partly earned, missed, or not judged because a check has not run. */
export type MetricStatus = 'earned' | 'partial' | 'missed' | 'unchecked';

/** The result of one link check, as the platform's link checker records it. */
export interface LinkCheck {
  /** HTTP status code of the final answer (after HEAD, then GET fallback); absent on a network error. */
  status?: number;
  /** Network-level failure (DNS, timeout, TLS), when there was no HTTP answer. */
  error?: string;
  /** When the check ran (ISO 8601). */
  checkedAt?: string;
}

/** A file type as the scorers need it (the shape of `@bayan/schema`'s `fileTypes` terms). */
export interface FileTypeInfo {
  uri: string;
  code: string;
  mediaType: string;
  open: boolean;
  machineReadable: boolean;
  nonProprietary: boolean;
}

/** A licence as the scorers need it (the shape of `@bayan/schema`'s `licences` terms). */
export interface LicenceInfo {
  uri: string;
  code: string;
  open: boolean;
}

/** Anything with a `find(text)` look-up, like a `@bayan/schema` vocabulary. */
export interface Lookup<T> {
  find(text: string): T | undefined;
}

/**
 * What the scorer cannot see in the record. Everything is optional; what is missing is reported as
 * "not checked yet" and not earned, never guessed.
 */
export interface ScoreContext {
  /** Link-check results by URL: a status code, or a full {@link LinkCheck}. */
  links?: Readonly<Record<string, number | LinkCheck>> | ReadonlyMap<string, number | LinkCheck>;
  /** Whether the record passes the DCAT-AP SHACL shapes (computed with @bayan/dcat). Unknown when absent. */
  dcatApCompliant?: boolean;
  /** The time to judge timeliness against (ISO 8601 or Date). Defaults to the current time. */
  now?: string | Date;
  /** Distribution aggregation: `best` (default, the MQA reference) or `proportional`. */
  aggregation?: Aggregation;
  /** File-type vocabulary; defaults to `@bayan/schema`'s `fileTypes`. */
  fileTypes?: Lookup<FileTypeInfo>;
  /** Licence vocabulary; defaults to `@bayan/schema`'s `licences` (pass a registry with national licences). */
  licences?: Lookup<LicenceInfo>;
  /** Days an update may be late and still count as on time (timeliness, uData profile). Default 1. */
  toleranceDays?: number;
}

/** Why a metric was not fully earned. */
export interface Reason {
  /** Stable code: `missing`, `missing_on_some`, `no_distribution`, `not_checked`, `unreachable`, … */
  code: string;
  /** The reason in fr, ar and en. */
  message: LocalizedMessage;
}

/** One metric of a report, with the points earned and possible. */
export interface MetricResult {
  /** Metric id, e.g. `keywordAvailability`. */
  id: string;
  /** Dimension id, e.g. `findability`. */
  dimension: string;
  /** The metric's name in fr, ar and en. */
  label: LocalizedMessage;
  /** Points earned. */
  points: number;
  /** Points possible. */
  max: number;
  status: MetricStatus;
  /** Why points were lost (absent when fully earned). */
  reason?: Reason;
  /** What to do to win them back, in fr, ar and en (absent when fully earned). */
  hint?: LocalizedMessage;
  /** JSON pointer of the field to edit first. */
  pointer: string;
  /** Every field to edit to win all the points back (e.g. each distribution without a format). */
  pointers: string[];
}

/** One dimension's subtotal. */
export interface DimensionResult {
  id: string;
  label: LocalizedMessage;
  points: number;
  max: number;
}

/** A fix to make, with the points it wins back. Hints are sorted by `gain`, largest first. */
export interface Hint {
  /** Stable key: the hint's code and the field, so the same fix is listed once. */
  key: string;
  /** Points won back by following the hint. */
  gain: number;
  /** What to do, in fr, ar and en. */
  message: LocalizedMessage;
  /** Why, in fr, ar and en (the first metric's reason). */
  reason: LocalizedMessage;
  /** Metrics the fix serves. */
  metrics: string[];
  /** JSON pointer of the field to edit first. */
  pointer: string;
  /** Every field concerned. */
  pointers: string[];
}

/** When the dataset should next be updated, from its frequency and its last modification. */
export interface Timeliness {
  /**
   * `up_to_date`, `overdue`, `no_schedule` (a frequency without a period: irregular, as needed…),
   * or `unknown` (no frequency, frequency UNKNOWN, or no date to count from).
   */
  status: 'up_to_date' | 'overdue' | 'no_schedule' | 'unknown';
  /** True when on time, false when overdue, undefined when it cannot be told. */
  upToDate: boolean | undefined;
  /** The frequency URI, when set. */
  frequency?: string;
  /** The ISO 8601 period between updates, when the frequency has one. */
  period?: string;
  /** The date counted from: `modified`, else `issued`. */
  lastUpdate?: string;
  /** When the next update is due (ISO 8601). */
  nextUpdateDue?: string;
  /** Whole days past the due date (0 when not late). */
  overdueDays?: number;
  /** A sentence for people, in fr, ar and en. */
  message: LocalizedMessage;
}

/** A quality report for one dataset under one profile. Plain JSON. */
export interface QualityReport {
  /** Profile id: `mqa`, `udata` or a custom profile's id. */
  profile: string;
  /** The dataset's `id`, when it has one. */
  datasetId?: string;
  /** When the score was computed (the context's `now`). */
  scoredAt: string;
  aggregation: Aggregation;
  /** Points earned. */
  total: number;
  /** Points possible (405 for `mqa`). */
  max: number;
  /** The MQA band, on the MQA edges scaled to `max`. */
  band: Band;
  /** The band's name in fr, ar and en. */
  bandLabel: LocalizedMessage;
  dimensions: DimensionResult[];
  metrics: MetricResult[];
  /** Fixes, largest gain first; their gains add up to `max − total`. */
  hints: Hint[];
  timeliness: Timeliness;
}
