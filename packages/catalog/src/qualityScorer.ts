import { datasetToQuads, vocabularyGraph } from '@bayan/dcat';
import { openness, scoreData, scoreMetadata, type LinkCheck, type ValidationReport } from '@bayan/quality';
import type { Dataset } from '@bayan/schema';
import type { QualityScorer } from './quality';

/**
 * The platform's quality scorer: the data.europa.eu MQA metadata score from `@bayan/quality`
 * (with link checks and DCAT-AP compliance as known), openness stars, and the data score of each
 * distribution's latest validation report. The score (0–100) is the MQA total over its maximum.
 *
 * @example
 * ```ts
 * const catalog = await openCatalog({ data: './data', quality: mqaQualityScorer });
 * ```
 */
export const mqaQualityScorer: QualityScorer = (dataset, context) => {
  const links: Record<string, LinkCheck> = {};
  for (const l of context.linkChecks) {
    links[l.url] = l.httpStatus === null ? { error: 'unreachable' } : { status: l.httpStatus };
  }
  const scoreContext = { links, ...(context.dcatApCompliant === undefined ? {} : { dcatApCompliant: context.dcatApCompliant }) };
  const report = scoreMetadata(dataset, scoreContext);
  const data = context.validationReports.map((r) => {
    const s = scoreData(r.report as ValidationReport);
    return { distributionId: r.distributionId, score: s.score, readable: s.readable };
  });
  const score = report.max > 0 ? Math.round((report.total / report.max) * 1000) / 10 : 0;
  return {
    score,
    band: report.band,
    openness: openness(dataset, scoreContext).stars,
    ...(data.length > 0 ? { dataScore: Math.round(data.reduce((sum, d) => sum + d.score, 0) / data.length) } : {}),
    details: {
      scorer: 'mqa',
      total: report.total,
      max: report.max,
      dimensions: report.dimensions.map((d) => ({ id: d.id, points: d.points, max: d.max })),
      // The top fixes by id and gain; the full report with its messages is recomputed on demand.
      hints: report.hints.slice(0, 5).map((h) => ({ key: h.key, gain: h.gain, metrics: h.metrics })),
      data,
    },
  };
};

/**
 * A DCAT-AP compliance check for `openCatalog({ dcatApCompliance })`: the dataset's DCAT quads
 * against SHACL shapes (e.g. the official DCAT-AP 3.0.1 `shapes.ttl` and `range.ttl`). Its answer
 * feeds the MQA `dcatApCompliance` metric.
 *
 * @example
 * ```ts
 * const shapes = [readFileSync('shapes.ttl', 'utf8'), readFileSync('range.ttl', 'utf8')];
 * const catalog = await openCatalog({ data: './data', quality: mqaQualityScorer, dcatApCompliance: dcatApComplianceCheck(shapes, 'https://data.gov.ma') });
 * ```
 */
export function dcatApComplianceCheck(shapes: readonly string[], baseUri: string): (dataset: Dataset) => Promise<boolean> {
  const frozen = [...shapes];
  return async (dataset) => {
    // Loaded on first use: the SHACL engine is heavy and most processes never need it.
    const { validateDcatAp } = await import('@bayan/dcat/node');
    const quads = datasetToQuads(dataset, { baseUri });
    // The vocabulary terms the record uses, described offline, so range checks can pass.
    const report = await validateDcatAp([...quads, ...vocabularyGraph(quads)], { shapes: frozen });
    return report.conforms;
  };
}
