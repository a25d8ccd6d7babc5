import type { Dataset, MultilingualText } from '@bayan/schema';
import { datasetIri } from './recordQuads';

/** Options of {@link toSchemaOrg}. */
export interface SchemaOrgOptions {
  /** The portal's base URL, for datasets without a `uri`. */
  baseUri: string;
  /** The language of plain-text values, falling back to the others; default `fr`. */
  language?: 'fr' | 'ar' | 'en';
  /** The catalogue the dataset belongs to (`includedInDataCatalog`). */
  catalog?: { name: string; url: string };
}

type Json = Record<string, unknown>;

const LANGUAGE_TAGS: Record<string, string> = { FRA: 'fr', ARA: 'ar', ENG: 'en', SPA: 'es', DEU: 'de', ITA: 'it', POR: 'pt', NLD: 'nl', ZHO: 'zh', RUS: 'ru', BER: 'ber', TZM: 'tzm', ZGH: 'zgh' };

function pick(text: MultilingualText | undefined, language: 'fr' | 'ar' | 'en'): string | undefined {
  if (text === undefined) return undefined;
  return text[language] ?? text.fr ?? text.ar ?? text.en;
}

function organization(agent: NonNullable<Dataset['publisher']>, language: 'fr' | 'ar' | 'en'): Json {
  return clean({ '@type': 'Organization', '@id': agent.uri, name: pick(agent.name, language), url: agent.homepage, email: agent.email });
}

function clean(value: Json): Json {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
}

/**
 * The schema.org `Dataset` JSON-LD that dataset search engines read: name, description, url,
 * identifier, keywords, license, creator and publisher, spatial and temporal coverage,
 * distributions (`DataDownload` with `contentUrl` and `encodingFormat`), the catalogue,
 * dates and languages. Embed it in the dataset page as `<script type="application/ld+json">`.
 *
 * @param dataset - a parsed dataset.
 * @param options - base URI, text language (default fr), the catalogue.
 * @returns the JSON-LD object.
 * @example
 * ```ts
 * import { toSchemaOrg } from '@bayan/dcat';
 * const json = toSchemaOrg(dataset, { baseUri: 'https://data.gov.ma', language: 'fr' });
 * ```
 */
export function toSchemaOrg(dataset: Dataset, options: SchemaOrgOptions): Json {
  const language = options.language ?? 'fr';
  const id = datasetIri(dataset, options);
  const keywords = [...new Set([...(dataset.keywords?.[language] ?? []), ...(dataset.keywords?.fr ?? []), ...(dataset.keywords?.ar ?? []), ...(dataset.keywords?.en ?? [])])];
  const licence = dataset.distributions.find((d) => d.license !== undefined)?.license;
  const period = dataset.temporal?.[0];
  return clean({
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    '@id': id,
    name: pick(dataset.title, language),
    description: pick(dataset.description, language),
    url: dataset.landingPage ?? id,
    identifier: [dataset.identifier, ...(dataset.otherIdentifiers ?? [])].filter((v) => v !== undefined),
    keywords,
    license: licence,
    isAccessibleForFree: dataset.accessRights === undefined ? undefined : dataset.accessRights.endsWith('/PUBLIC'),
    creator: (dataset.creators ?? []).map((c) => organization(c, language)),
    publisher: dataset.publisher === undefined ? undefined : organization(dataset.publisher, language),
    spatialCoverage: (dataset.spatial ?? []).map((place) =>
      clean({
        '@type': 'Place',
        sameAs: place.uri,
        name: pick(place.label, language),
        // schema.org boxes are "south west north east".
        geo: place.bbox === undefined ? undefined : { '@type': 'GeoShape', box: `${place.bbox[1]} ${place.bbox[0]} ${place.bbox[3]} ${place.bbox[2]}` },
      }),
    ),
    temporalCoverage: period === undefined ? undefined : `${period.start ?? '..'}/${period.end ?? '..'}`,
    distribution: dataset.distributions.map((d) =>
      clean({
        '@type': 'DataDownload',
        name: pick(d.title, language),
        contentUrl: d.downloadUrl ?? d.accessUrl,
        encodingFormat: d.mediaType ?? d.format?.slice(d.format.lastIndexOf('/') + 1),
        contentSize: d.byteSize === undefined ? undefined : `${d.byteSize} B`,
        license: d.license,
      }),
    ),
    includedInDataCatalog: options.catalog === undefined ? undefined : { '@type': 'DataCatalog', name: options.catalog.name, url: options.catalog.url },
    datePublished: dataset.issued,
    dateModified: dataset.modified,
    inLanguage: (dataset.languages ?? []).map((uri) => {
      const code = uri.slice(uri.lastIndexOf('/') + 1);
      return LANGUAGE_TAGS[code] ?? code.toLowerCase();
    }),
    version: dataset.version,
  });
}
