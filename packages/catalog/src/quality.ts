import type { Dataset } from '@bayan/schema';

/** Quality bands, as data.europa.eu's MQA names them. */
export type QualityBand = 'excellent' | 'good' | 'sufficient' | 'bad';

/** What a scorer says about one dataset, kept as a snapshot and used by search. */
export interface QualitySummary {
  /** 0–100. */
  score: number;
  band: QualityBand;
  /** Openness stars, 0–5. */
  openness: number;
  /** The data-quality score (0–100) from validation reports, when there are any. */
  dataScore?: number;
  /** The scorer's own report (metrics, reasons, hints), stored as JSON. */
  details: unknown;
}

/** What the catalogue knows about a dataset besides its record, given to the scorer. */
export interface QualityContext {
  /** The latest validation report of each distribution. */
  validationReports: { distributionId: string | null; valid: boolean; report: unknown }[];
  /** The latest link check of each URL of the dataset. */
  linkChecks: { url: string; ok: boolean; httpStatus: number | null }[];
  /** Whether the record passes the DCAT-AP SHACL shapes; absent when not checked. */
  dcatApCompliant?: boolean;
}

/** Scores a dataset. Must be pure and fast: it runs inside every dataset write. */
export type QualityScorer = (dataset: Dataset, context: QualityContext) => QualitySummary;

/**
 * The band of a 0–100 score (MQA thresholds 351/221/121 of 405, scaled).
 *
 * @example
 * ```ts
 * bandOf(90); // 'excellent'
 * ```
 */
export function bandOf(score: number): QualityBand {
  if (score >= 86.7) return 'excellent';
  if (score >= 54.6) return 'good';
  if (score >= 29.9) return 'sufficient';
  return 'bad';
}

const OPEN_FORMATS = new Set(['CSV', 'JSON', 'XML', 'GEOJSON', 'ODS', 'TSV', 'RDF_XML', 'RDF_TURTLE', 'JSON_LD', 'TXT', 'PARQUET']);
const STRUCTURED = new Set([...OPEN_FORMATS, 'XLSX', 'XLS', 'SHP']);
const LINKED = new Set(['RDF_XML', 'RDF_TURTLE', 'JSON_LD', 'N_TRIPLES']);

/**
 * The EU file-type code of a distribution (`CSV`), from its format URI or media type.
 *
 * @example
 * ```ts
 * formatCode({ mediaType: 'text/csv' }); // 'CSV'
 * ```
 */
export function formatCode(d: { format?: string | undefined; mediaType?: string | undefined }): string | undefined {
  if (d.format !== undefined) return d.format.slice(d.format.lastIndexOf('/') + 1);
  if (d.mediaType === undefined) return undefined;
  const sub = d.mediaType.slice(d.mediaType.indexOf('/') + 1).toUpperCase();
  return { 'VND.OPENXMLFORMATS-OFFICEDOCUMENT.SPREADSHEETML.SHEET': 'XLSX', 'VND.MS-EXCEL': 'XLS', 'GEO+JSON': 'GEOJSON', 'LD+JSON': 'JSON_LD', PLAIN: 'TXT' }[sub] ?? sub;
}

/**
 * Tim Berners-Lee's openness stars of a dataset (0–4 here), from its best distribution: 1 with
 * a licence, 2 structured, 3 open format, 4 RDF.
 *
 * @example
 * ```ts
 * opennessStars(dataset); // 3 for a licensed CSV
 * ```
 */
export function opennessStars(dataset: Dataset): number {
  let best = 0;
  for (const d of dataset.distributions) {
    let stars = d.license !== undefined ? 1 : 0;
    const code = formatCode(d);
    if (stars > 0 && code !== undefined) {
      if (STRUCTURED.has(code)) stars = 2;
      if (OPEN_FORMATS.has(code)) stars = 3;
      if (LINKED.has(code)) stars = 4;
    }
    best = Math.max(best, stars);
  }
  return best;
}

/**
 * A small built-in scorer used until a full one is given to `openCatalog({ quality })`: it counts
 * the DCAT-AP recommended fields present, the distributions with licence and format, the share of
 * valid validation reports and of reachable links.
 *
 * @example
 * ```ts
 * const summary = basicQualityScorer(dataset, { validationReports: [], linkChecks: [] });
 * summary.band; // 'sufficient'
 * ```
 */
export const basicQualityScorer: QualityScorer = (dataset, context) => {
  const checks: [string, boolean][] = [
    ['description', dataset.description !== undefined],
    ['keywords', Object.values(dataset.keywords ?? {}).some((k) => k.length > 0)],
    ['themes', (dataset.themes?.length ?? 0) > 0],
    ['publisher', dataset.publisher !== undefined || dataset.organizationId !== undefined],
    ['contactPoints', (dataset.contactPoints?.length ?? 0) > 0],
    ['modified', dataset.modified !== undefined],
    ['frequency', dataset.frequency !== undefined],
    ['temporal', (dataset.temporal?.length ?? 0) > 0],
    ['spatial', (dataset.spatial?.length ?? 0) > 0],
    ['accessRights', dataset.accessRights !== undefined],
    ['distributions', dataset.distributions.length > 0],
    ['licence', dataset.distributions.length > 0 && dataset.distributions.every((d) => d.license !== undefined)],
    ['format', dataset.distributions.length > 0 && dataset.distributions.every((d) => formatCode(d) !== undefined)],
    ['downloadUrl', dataset.distributions.some((d) => d.downloadUrl !== undefined)],
  ];
  const reports = context.validationReports;
  if (reports.length > 0) checks.push(['validData', reports.every((r) => r.valid)]);
  const links = context.linkChecks;
  if (links.length > 0) checks.push(['reachableLinks', links.every((l) => l.ok)]);
  const passed = checks.filter(([, ok]) => ok).length;
  const score = Math.round((passed / checks.length) * 1000) / 10;
  return {
    score,
    band: bandOf(score),
    openness: opennessStars(dataset),
    details: { scorer: 'basic', missing: checks.filter(([, ok]) => !ok).map(([name]) => name) },
  };
};
