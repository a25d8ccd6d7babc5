/** The metadata quality bands of the data.europa.eu MQA. */
export type QualityBand = 'excellent' | 'good' | 'sufficient' | 'bad';

/** The five MQA dimensions. */
export type QualityDimensionId = 'findability' | 'accessibility' | 'interoperability' | 'reusability' | 'contextuality';

/**
 * The highest MQA score: 405 points over the five dimensions.
 * @example
 * `${total} / ${MQA_MAX_SCORE}`;
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

/** Whether a dimension id is one of the five MQA dimensions, which have built-in labels (internal). */
export function isMqaDimension(id: string): id is QualityDimensionId {
  return Object.hasOwn(mqaDimensionMax, id);
}

/**
 * The MQA band of a total score: excellent from 351, good from 221, sufficient from 121, bad below
 * (out of 405). For another maximum (`max`, default 405) the edges are scaled, as @bayan/quality does.
 * @example
 * qualityBand(287); // 'good'
 * qualityBand(70, 100); // 'good' (70/100 is 283.5/405)
 */
export function qualityBand(total: number, max: number = MQA_MAX_SCORE): QualityBand {
  const score = max > 0 ? (total / max) * MQA_MAX_SCORE : 0;
  if (score >= 351) return 'excellent';
  if (score >= 221) return 'good';
  if (score >= 121) return 'sufficient';
  return 'bad';
}
