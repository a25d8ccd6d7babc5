import type { Dataset, Distribution, LocalizedMessage } from '@bayan/schema';
import { distributionsOf, fileTypesOf, findFileType, findLicence, licencesOf, linkState } from './lookups';
import { opennessMessages } from './messages';
import type { FileTypeInfo, ScoreContext } from './types';

/** Five-star openness of one distribution. */
export interface DistributionOpenness {
  index: number;
  /** 0 to 5. */
  stars: number;
  /** The file type the stars were judged on, when recognised. */
  format?: string;
  /** Where the format came from: `sniffed` (context), `extension` (of the URL), `declared` (format, media type). */
  formatSource?: 'sniffed' | 'extension' | 'declared';
  /** False when the link has not been checked yet (stars assume it is reachable). */
  linkChecked: boolean;
  /** Why, star by star, in fr, ar and en. */
  reasons: LocalizedMessage[];
}

/** Five-star openness of a dataset: its best distribution's stars. */
export interface DatasetOpenness {
  stars: number;
  /** Index of the distribution that gave the stars, when there is one. */
  best?: number;
  distributions: DistributionOpenness[];
}

/** Context for openness: link results, vocabularies, and formats sniffed from the files' content, by URL. */
export interface OpennessContext extends ScoreContext {
  /** Formats detected from the files' bytes, by URL (EU file-type code, URI or media type). */
  sniffedFormats?: Readonly<Record<string, string>>;
}

const RDF = new Set(['RDF_XML', 'RDF', 'RDF_TURTLE', 'RDF_N_TRIPLES', 'RDF_N_QUADS', 'RDF_TRIG', 'N3', 'JSON_LD', 'SPARQLQ', 'SPARQLQRES']);

function hasLinks(dataset: Dataset): boolean {
  return [dataset.relations, dataset.sources, dataset.isReferencedBy, dataset.qualifiedRelations, dataset.hasVersions, dataset.isVersionOf].some(
    (list) => Array.isArray(list) && list.length > 0,
  );
}

function formatOf(context: OpennessContext | undefined, d: Distribution): { term: FileTypeInfo; source: 'sniffed' | 'extension' | 'declared' } | undefined {
  const lookup = fileTypesOf(context);
  const sniffed = context?.sniffedFormats;
  for (const url of [d.downloadUrl, d.accessUrl]) {
    if (sniffed !== undefined && typeof url === 'string' && Object.hasOwn(sniffed, url)) {
      const term = findFileType(lookup, sniffed[url]);
      if (term !== undefined) return { term, source: 'sniffed' };
    }
  }
  // CKAN QA trusts the file name over the declared format, which is often stale.
  for (const url of [d.downloadUrl, d.accessUrl]) {
    const path = typeof url === 'string' ? url.split(/[?#]/, 1)[0]! : '';
    const extension = /\.([A-Za-z0-9]{1,8})$/.exec(path)?.[1];
    if (extension !== undefined) {
      const term = findFileType(lookup, extension.toLowerCase());
      if (term !== undefined) return { term, source: 'extension' };
    }
  }
  const declared = findFileType(lookup, d.format) ?? findFileType(lookup, d.mediaType);
  return declared === undefined ? undefined : { term: declared, source: 'declared' };
}

/**
 * Five-star openness (Berners-Lee), per distribution the way CKAN's QA extension scores resources:
 * 0 for a broken link or a missing / non-open licence; otherwise 1 (on the web, open licence),
 * 2 (machine-readable format), 3 (non-proprietary), 4 (RDF: URIs for things), 5 (RDF and the
 * dataset links to other data: relations, sources, versions). The format is taken from the
 * sniffed format, then the URL's extension, then the declared format or media type. A link not
 * checked yet is assumed reachable and flagged `linkChecked: false`. The dataset takes its best
 * distribution's stars.
 *
 * @example
 * ```ts
 * openness({ ...dataset, distributions: [{ accessUrl: 'https://x.ma/a.csv', license: 'odc-odbl' }] }).stars; // 3
 * ```
 */
export function openness(dataset: Dataset, context: OpennessContext = {}): DatasetOpenness {
  const distributions: readonly Distribution[] = distributionsOf(dataset);
  const licences = licencesOf(context);
  const linked = dataset !== null && typeof dataset === 'object' && hasLinks(dataset);
  const results = distributions.map((d, index): DistributionOpenness => {
    const links = [linkState(context, d.accessUrl), ...(typeof d.downloadUrl === 'string' ? [linkState(context, d.downloadUrl)] : [])];
    const linkChecked = links.every((l) => l.state !== 'unchecked');
    const format = formatOf(context, d);
    const base = { index, linkChecked, ...(format ? { format: format.term.code, formatSource: format.source } : {}) };
    if (links.some((l) => l.state === 'broken')) return { ...base, stars: 0, reasons: [opennessMessages.broken] };
    if (findLicence(licences, d.license)?.open !== true) return { ...base, stars: 0, reasons: [opennessMessages.not_open_licence] };
    const reasons: LocalizedMessage[] = [opennessMessages.star1];
    if (!linkChecked) reasons.push(opennessMessages.unchecked);
    let stars = 1;
    if (format === undefined) {
      reasons.push(opennessMessages.unknown_format);
    } else if (format.term.machineReadable) {
      stars = 2;
      reasons.push(opennessMessages.star2);
      if (format.term.nonProprietary) {
        stars = 3;
        reasons.push(opennessMessages.star3);
        if (RDF.has(format.term.code)) {
          stars = 4;
          reasons.push(opennessMessages.star4);
          if (linked) {
            stars = 5;
            reasons.push(opennessMessages.star5);
          }
        }
      }
    }
    return { ...base, stars, reasons };
  });
  let best: number | undefined;
  for (const r of results) if (best === undefined || r.stars > results[best]!.stars) best = r.index;
  return { stars: best === undefined ? 0 : results[best]!.stars, ...(best !== undefined ? { best } : {}), distributions: results };
}
