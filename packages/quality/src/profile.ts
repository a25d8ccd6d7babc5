import type { Dataset, LocalizedMessage } from '@bayan/schema';
import type { MetricResult, ScoreContext } from './types';

/**
 * A scoring profile: a named set of metrics. Built-in profiles are `mqa` and `udata`;
 * `defineProfile` compiles custom ones from configuration.
 */
export interface Profile {
  /** The profile's id, written in reports. */
  readonly id: string;
  /** The profile's name in fr, ar and en. */
  readonly labels: LocalizedMessage;
  /** Dimension ids, in display order. */
  readonly dimensions: readonly string[];
  /** Names of the profile's own dimensions. */
  readonly dimensionLabels: Readonly<Record<string, LocalizedMessage>>;
  /** Scores a dataset: one result per metric. */
  evaluate(dataset: Dataset, context: ScoreContext | undefined): MetricResult[];
}
