import type { Dataset, Distribution } from '@bayan/schema';
import { distributionsOf, fileTypesOf, findFileType, linkState } from './lookups';
import { reasonHints, reasonMessages, udataAddResource, udataMessages, udataNoResource } from './messages';
import { timeliness } from './timeliness';
import type { MetricResult, ScoreContext } from './types';

// data.gouv.fr's (uData) nine yes/no criteria, one point each (the reference's 1/9 each, in whole
// points so that hints add up exactly). The last three only apply when the dataset has resources;
// without resources they are not earned and the hint is to add one, as in uData where such a
// dataset cannot pass them.

const CLOSED_FORMATS = new Set(['PDF', 'DOC', 'DOCX', 'XLS', 'XLSX']);
const UNKNOWN_FREQUENCY = 'http://publications.europa.eu/resource/authority/frequency/UNKNOWN';

/**
 * The ids of the nine uData (data.gouv.fr) criteria, in order.
 *
 * @example
 * ```ts
 * udataCriteria.length; // 9
 * ```
 */
export const udataCriteria = [
  'license',
  'temporalCoverage',
  'spatialCoverage',
  'updateFrequency',
  'updateFulfilledInTime',
  'descriptionLength',
  'hasOpenFormat',
  'allResourcesAvailable',
  'resourcesDocumentation',
] as const;

const POINTERS: Record<(typeof udataCriteria)[number], string> = {
  license: '/distributions/0/license',
  temporalCoverage: '/temporal',
  spatialCoverage: '/spatial',
  updateFrequency: '/frequency',
  updateFulfilledInTime: '/modified',
  descriptionLength: '/description',
  hasOpenFormat: '/distributions/0/format',
  allResourcesAvailable: '/distributions/0/accessUrl',
  resourcesDocumentation: '/distributions/0/description',
};

function longestText(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let longest = 0;
  for (const key of ['fr', 'ar', 'en']) {
    const text = (value as Record<string, unknown>)[key];
    if (typeof text === 'string') longest = Math.max(longest, [...text.trim()].length);
  }
  return longest;
}

function hasText(value: unknown): boolean {
  return longestText(value) > 0;
}

function isOpenFormat(context: ScoreContext | undefined, d: Distribution): boolean {
  const lookup = fileTypesOf(context);
  for (const text of [d.format, d.mediaType, d.downloadUrl, d.accessUrl]) {
    const term = findFileType(lookup, text);
    if (term !== undefined) return term.open && !CLOSED_FORMATS.has(term.code);
  }
  return false;
}

/** Scores a dataset on the nine uData criteria. */
export function evaluateUdata(dataset: Dataset, context: ScoreContext | undefined): MetricResult[] {
  const distributions: readonly Distribution[] = distributionsOf(dataset);
  const hasResources = distributions.length > 0;
  const linkStates = distributions.flatMap((d) => [d.accessUrl, ...(typeof d.downloadUrl === 'string' ? [d.downloadUrl] : [])].map((url) => linkState(context, url).state));
  // Links not checked yet (and none broken): the fix is to run the check, as in the MQA profile.
  const linksUnchecked = linkStates.includes('unchecked') && !linkStates.includes('broken');
  const pass: Record<(typeof udataCriteria)[number], boolean> = {
    license: distributions.some((d) => typeof d.license === 'string' && d.license !== ''),
    temporalCoverage: Array.isArray(dataset.temporal) && dataset.temporal.length > 0,
    spatialCoverage: Array.isArray(dataset.spatial) && dataset.spatial.length > 0,
    updateFrequency: typeof dataset.frequency === 'string' && dataset.frequency !== UNKNOWN_FREQUENCY,
    updateFulfilledInTime: timeliness(dataset, { now: context?.now, toleranceDays: context?.toleranceDays ?? 1 }).upToDate === true,
    descriptionLength: longestText(dataset.description) > 100,
    hasOpenFormat: hasResources && distributions.some((d) => isOpenFormat(context, d)),
    allResourcesAvailable: hasResources && linkStates.every((state) => state === 'ok'),
    resourcesDocumentation:
      hasResources &&
      ((Array.isArray(dataset.documentation) && dataset.documentation.length > 0) ||
        distributions.some((d) => hasText(d.description) || (Array.isArray(d.documentation) && d.documentation.length > 0))),
  };
  const needsResources = new Set(['hasOpenFormat', 'allResourcesAvailable', 'resourcesDocumentation']);
  return udataCriteria.map((id): MetricResult => {
    const messages = udataMessages[id]!;
    const noResource = !hasResources && (needsResources.has(id) || id === 'license');
    const pointer = noResource ? '/distributions' : POINTERS[id];
    if (pass[id]) return { id, dimension: 'udata', label: messages.label, points: 1, max: 1, status: 'earned', pointer, pointers: [] };
    return {
      id,
      dimension: 'udata',
      label: messages.label,
      points: 0,
      max: 1,
      status: 'missed',
      ...(id === 'allResourcesAvailable' && hasResources && linksUnchecked
        ? { status: 'unchecked' as const, reason: { code: 'not_checked', message: reasonMessages.not_checked }, hint: reasonHints.not_checked! }
        : {
            reason: noResource ? { code: 'no_distribution', message: udataNoResource } : { code: 'missing', message: messages.reason },
            hint: noResource ? udataAddResource : messages.hint,
          }),
      pointer,
      pointers: [pointer],
    };
  });
}
