import type { Dataset } from '@bayan/schema';
import { evaluateMqa } from './mqa';
import { mqaDimensions } from './mqaMetrics';
import type { Profile } from './profile';
import { buildReport } from './report';
import type { QualityReport, ScoreContext } from './types';
import { evaluateUdata } from './udata';

/**
 * The data.europa.eu Metadata Quality Assessment: 23 metrics, five dimensions, 405 points.
 *
 * @example
 * ```ts
 * scoreMetadata(dataset, {}, mqaProfile).max; // 405
 * ```
 */
export const mqaProfile: Profile = {
  id: 'mqa',
  labels: { fr: 'Évaluation de la qualité des métadonnées (MQA)', ar: 'تقييم جودة البيانات الوصفية (MQA)', en: 'Metadata Quality Assessment (MQA)' },
  dimensions: mqaDimensions.map((d) => d.id),
  dimensionLabels: {},
  evaluate: evaluateMqa,
};

/**
 * data.gouv.fr's nine criteria, one point each (licence, temporal and spatial coverage, frequency,
 * updated on time, description over 100 characters, an open format, resources reachable,
 * resources documented).
 *
 * @example
 * ```ts
 * scoreMetadata(dataset, {}, udataProfile).max; // 9
 * ```
 */
export const udataProfile: Profile = {
  id: 'udata',
  labels: { fr: 'Critères de qualité de data.gouv.fr', ar: 'معايير الجودة في data.gouv.fr', en: 'data.gouv.fr quality criteria' },
  dimensions: ['udata'],
  dimensionLabels: {},
  evaluate: evaluateUdata,
};

/**
 * Scores a dataset's metadata and explains every lost point. Pure: what the record cannot show
 * comes in `context` (link-check results, DCAT-AP compliance, `now`, aggregation `best` by default
 * or `proportional`). A link with no result in `context.links`, or compliance not given, is not
 * earned: the metric's status is `unchecked` and its reason "not checked yet", so a score never
 * claims what nobody verified. `now` defaults to the clock (pass it for reproducible reports).
 *
 * @param profile - `'mqa'` (default), `'udata'`, or a profile from `defineProfile`.
 * @example
 * ```ts
 * const report = scoreMetadata(dataset, { links: { 'https://data.gov.ma/f.csv': 200 }, dcatApCompliant: true });
 * report.total;            // e.g. 375 (out of report.max = 405)
 * report.band;             // 'excellent'
 * report.hints[0];         // { gain: 30, message: { fr: 'Ajoutez au moins un mot-clé.', … }, pointer: '/keywords', … }
 * ```
 */
export function scoreMetadata(dataset: Dataset, context: ScoreContext = {}, profile: 'mqa' | 'udata' | Profile = 'mqa'): QualityReport {
  const chosen = profile === 'mqa' ? mqaProfile : profile === 'udata' ? udataProfile : profile;
  const record: Dataset = dataset !== null && typeof dataset === 'object' ? dataset : ({} as Dataset);
  return buildReport(chosen.id, record, context, chosen.dimensions, chosen.evaluate(record, context), chosen.dimensionLabels);
}
