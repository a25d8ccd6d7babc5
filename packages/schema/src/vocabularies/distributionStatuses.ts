import { createVocabulary } from './vocabulary';

const STATUS = 'http://publications.europa.eu/resource/authority/distribution-status/';
const AVAILABILITY = 'http://publications.europa.eu/resource/authority/planned-availability/';

/**
 * The EU distribution-status vocabulary (DCAT-AP `adms:status`): completed, deprecated, under
 * development, withdrawn.
 *
 * @example
 * ```ts
 * distributionStatuses.find('deprecated')?.uri; // '…/distribution-status/DEPRECATED'
 * ```
 */
export const distributionStatuses = createVocabulary('distribution-status', 'http://publications.europa.eu/resource/authority/distribution-status', [
  { uri: `${STATUS}COMPLETED`, code: 'COMPLETED', labels: { fr: 'Terminée', ar: 'مكتمل', en: 'Completed' }, aliases: ['complete', 'final'] },
  { uri: `${STATUS}DEPRECATED`, code: 'DEPRECATED', labels: { fr: 'Obsolète', ar: 'متجاوز', en: 'Deprecated' }, aliases: ['obsolete'] },
  { uri: `${STATUS}UNDER_DEVELOPMENT`, code: 'UNDER_DEVELOPMENT', labels: { fr: 'En cours de développement', ar: 'قيد التطوير', en: 'Under development' }, aliases: ['draft', 'en preparation'] },
  { uri: `${STATUS}WITHDRAWN`, code: 'WITHDRAWN', labels: { fr: 'Retirée', ar: 'مسحوب', en: 'Withdrawn' }, aliases: ['retired', 'retire'] },
]);

/**
 * The EU planned-availability vocabulary (DCAT-AP `dcatap:availability`): how long a distribution
 * is expected to stay available.
 *
 * @example
 * ```ts
 * plannedAvailabilities.find('stable')?.code; // 'STABLE'
 * ```
 */
export const plannedAvailabilities = createVocabulary('planned-availability', 'http://publications.europa.eu/resource/authority/planned-availability', [
  { uri: `${AVAILABILITY}TEMPORARY`, code: 'TEMPORARY', labels: { fr: 'Temporaire', ar: 'مؤقت', en: 'Temporary' } },
  { uri: `${AVAILABILITY}EXPERIMENTAL`, code: 'EXPERIMENTAL', labels: { fr: 'Expérimentale', ar: 'تجريبي', en: 'Experimental' } },
  { uri: `${AVAILABILITY}AVAILABLE`, code: 'AVAILABLE', labels: { fr: 'Disponible', ar: 'متاح', en: 'Available' } },
  { uri: `${AVAILABILITY}STABLE`, code: 'STABLE', labels: { fr: 'Stable', ar: 'مستقر', en: 'Stable' } },
]);
