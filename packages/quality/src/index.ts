// Public entry of @bayan/quality: explicit, sorted named exports only.
export { defineProfile } from './customProfile';
export type { ProfileConfig, ProfileError, ProfileMetricConfig, ProfileResult, ProfileTest, VocabularyName } from './customProfile';
export { MQA_MAX, bandOf, mqaBands, mqaDimensions, mqaMetrics } from './mqaMetrics';
export type { MetricLevel, MqaDimension, MqaMetric } from './mqaMetrics';
export { toMqaJson } from './mqaJson';
export type { MqaJson, MqaJsonMetric } from './mqaJson';
export { openness } from './openness';
export type { DatasetOpenness, DistributionOpenness, OpennessContext } from './openness';
export type { Profile } from './profile';
export { dataErrorWeights, scoreData } from './scoreData';
export type { DataScore, DataScoreExplanation, ValidationError, ValidationReport } from './scoreData';
export { mqaProfile, scoreMetadata, udataProfile } from './scoreMetadata';
export { scorecard } from './scorecard';
export type { Gainer, MissedMetric, Scorecard, TrendPoint } from './scorecard';
export { addDuration, timeliness } from './timeliness';
export type {
  Aggregation,
  Band,
  DimensionResult,
  FileTypeInfo,
  Hint,
  LicenceInfo,
  LinkCheck,
  Lookup,
  MetricResult,
  MetricStatus,
  QualityReport,
  Reason,
  ScoreContext,
  Timeliness,
} from './types';
export { udataCriteria } from './udata';
