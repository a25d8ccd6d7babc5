import type { Band } from './types';

/** The five MQA dimensions. */
export type MqaDimension = 'findability' | 'accessibility' | 'interoperability' | 'reusability' | 'contextuality';

/** Where an MQA metric looks: the dataset, each distribution, or the dataset and then its distributions. */
export type MetricLevel = 'dataset' | 'distribution' | 'dataset/distribution';

/** One metric of the data.europa.eu Metadata Quality Assessment. */
export interface MqaMetric {
  /** The piveau DQV metric id (`pv:keywordAvailability` without its prefix). */
  id: string;
  dimension: MqaDimension;
  level: MetricLevel;
  /** The DCAT property the metric tests. */
  property: string;
  /** Points when the test passes (`pv:trueScore`). */
  points: number;
  /** Points taken off per distribution that fails, under `best` aggregation (`pv:falseScore`, as a positive number). */
  penalty: number;
  /**
   * JSON pointer of the Bayan field to edit; `{d}` stands for the distribution's index. A metric
   * that needs no edit (a check to run) still names the field it is about.
   */
  pointer: string;
}

function metric(id: string, dimension: MqaDimension, level: MetricLevel, property: string, points: number, pointer: string, penalty = 0): MqaMetric {
  return { id, dimension, level, property, points, penalty, pointer };
}

/**
 * The MQA metric table: 23 scored metrics in five dimensions, 405 points. Field names follow
 * `@bayan/schema`; the order is the MQA's.
 *
 * @example
 * ```ts
 * mqaMetrics.find((m) => m.id === 'keywordAvailability')?.points; // 30
 * ```
 */
export const mqaMetrics: readonly MqaMetric[] = [
  metric('keywordAvailability', 'findability', 'dataset', 'dcat:keyword', 30, '/keywords'),
  metric('categoryAvailability', 'findability', 'dataset', 'dcat:theme', 30, '/themes'),
  metric('spatialAvailability', 'findability', 'dataset', 'dct:spatial', 20, '/spatial'),
  metric('temporalAvailability', 'findability', 'dataset', 'dct:temporal', 20, '/temporal'),
  metric('accessUrlStatusCode', 'accessibility', 'distribution', 'dcat:accessURL', 50, '/distributions/{d}/accessUrl'),
  metric('downloadUrlAvailability', 'accessibility', 'distribution', 'dcat:downloadURL', 20, '/distributions/{d}/downloadUrl'),
  metric('downloadUrlStatusCode', 'accessibility', 'distribution', 'dcat:downloadURL', 30, '/distributions/{d}/downloadUrl'),
  metric('formatAvailability', 'interoperability', 'distribution', 'dct:format', 20, '/distributions/{d}/format', 5),
  metric('mediaTypeAvailability', 'interoperability', 'distribution', 'dcat:mediaType', 10, '/distributions/{d}/mediaType', 5),
  metric('formatMediaTypeVocabularyAlignment', 'interoperability', 'distribution', 'dct:format dcat:mediaType', 10, '/distributions/{d}/format'),
  metric('formatMediaTypeNonProprietary', 'interoperability', 'distribution', 'dct:format dcat:mediaType', 20, '/distributions/{d}/format'),
  metric('formatMediaTypeMachineInterpretable', 'interoperability', 'distribution', 'dct:format dcat:mediaType', 20, '/distributions/{d}/format'),
  metric('dcatApCompliance', 'interoperability', 'dataset', 'dcat:Dataset', 30, ''),
  metric('licenceAvailability', 'reusability', 'distribution', 'dct:license', 20, '/distributions/{d}/license'),
  metric('knownLicence', 'reusability', 'distribution', 'dct:license', 10, '/distributions/{d}/license'),
  metric('accessRightsAvailability', 'reusability', 'dataset', 'dct:accessRights', 10, '/accessRights'),
  metric('accessRightsVocabularyAlignment', 'reusability', 'dataset', 'dct:accessRights', 5, '/accessRights'),
  metric('contactPointAvailability', 'reusability', 'dataset', 'dcat:contactPoint', 20, '/contactPoints'),
  metric('publisherAvailability', 'reusability', 'dataset', 'dct:publisher', 10, '/publisher'),
  metric('rightsAvailability', 'contextuality', 'distribution', 'dct:rights', 5, '/distributions/{d}/rights'),
  metric('byteSizeAvailability', 'contextuality', 'distribution', 'dcat:byteSize', 5, '/distributions/{d}/byteSize'),
  metric('dateIssuedAvailability', 'contextuality', 'dataset/distribution', 'dct:issued', 5, '/issued'),
  metric('dateModifiedAvailability', 'contextuality', 'dataset/distribution', 'dct:modified', 5, '/modified'),
];

/**
 * The MQA dimensions in order, with their maxima (100, 100, 110, 75, 20 = 405).
 *
 * @example
 * ```ts
 * mqaDimensions.map((d) => d.max); // [100, 100, 110, 75, 20]
 * ```
 */
export const mqaDimensions: readonly { id: MqaDimension; max: number }[] = (
  ['findability', 'accessibility', 'interoperability', 'reusability', 'contextuality'] as const
).map((id) => ({ id, max: mqaMetrics.filter((m) => m.dimension === id).reduce((sum, m) => sum + m.points, 0) }));

/**
 * The MQA maximum: 405 points.
 *
 * @example
 * ```ts
 * scoreMetadata(dataset).max === MQA_MAX; // true
 * ```
 */
export const MQA_MAX = 405;

/**
 * The MQA band edges: the lowest score of each band, out of 405 (Excellent 351–405, Good 221–350,
 * Sufficient 121–220, Bad 0–120).
 *
 * @example
 * ```ts
 * mqaBands.find((b) => b.band === 'good')?.min; // 221
 * ```
 */
export const mqaBands: readonly { band: Band; min: number; max: number }[] = [
  { band: 'excellent', min: 351, max: 405 },
  { band: 'good', min: 221, max: 350 },
  { band: 'sufficient', min: 121, max: 220 },
  { band: 'bad', min: 0, max: 120 },
];

/**
 * The band of a score. For a profile whose maximum is not 405, the MQA edges are scaled: the score
 * is in a band when `total / max` is above `edge / 405` (exactly the MQA edges when `max` is 405).
 *
 * @example
 * ```ts
 * bandOf(350); // 'good'
 * bandOf(351); // 'excellent'
 * bandOf(6, 9); // 'good' (6/9 = 270/405)
 * ```
 */
export function bandOf(total: number, max: number = MQA_MAX): Band {
  if (!(max > 0) || !Number.isFinite(total)) return 'bad';
  // Compare total/max > edge/405 without division: total × 405 > edge × max.
  if (total * MQA_MAX > 350 * max) return 'excellent';
  if (total * MQA_MAX > 220 * max) return 'good';
  if (total * MQA_MAX > 120 * max) return 'sufficient';
  return 'bad';
}
