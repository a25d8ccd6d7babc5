/** The metadata quality bands of the data.europa.eu MQA. */
export type QualityBand = 'excellent' | 'good' | 'sufficient' | 'bad';

/** The five MQA dimensions. */
export type QualityDimensionId = 'findability' | 'accessibility' | 'interoperability' | 'reusability' | 'contextuality';

/**
 * The highest MQA score: 405 points over the five dimensions.
 * @example
 * `${score} / ${MQA_MAX_SCORE}`;
 */
export const MQA_MAX_SCORE = 405;

/**
 * Maximum points of each MQA dimension (findability 100, accessibility 100, interoperability
 * 110, reusability 75, contextuality 20), in the MQA's display order.
 * @example
 * mqaDimensionMax.interoperability; // 110
 */
export const mqaDimensionMax: Readonly<Record<QualityDimensionId, number>> = {
  findability: 100,
  accessibility: 100,
  interoperability: 110,
  reusability: 75,
  contextuality: 20,
};

/**
 * The MQA band of a total score: excellent from 351, good from 221, sufficient from 121, bad below.
 * @example
 * qualityBand(287); // 'good'
 */
export function qualityBand(score: number): QualityBand {
  if (score >= 351) return 'excellent';
  if (score >= 221) return 'good';
  if (score >= 121) return 'sufficient';
  return 'bad';
}
