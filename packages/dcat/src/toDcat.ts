import type { Catalog, Dataset } from '@bayan/schema';
import { type Quad } from 'n3';
import { createDocumentWriter, type DcatFormat, type JsonLdOutputOptions } from './documentWriter';
import { HYDRA, RDF_TYPE, XSD } from './namespaces';
import { QuadBuilder } from './quadBuilder';
import { addCatalogHeader, addDataset, catalogIri, type IriOptions } from './recordQuads';
import { vocabularyGraph } from './vocabularyGraph';
import { namedNode, literal, quad } from './terms';


/** Where a page sits in a paged catalogue, for Hydra paging terms. */
export interface HydraPage {
  /** This page's URL. */
  url: string;
  /** The first page's URL. */
  first: string;
  /** The last page's URL. */
  last: string;
  /** The next page's URL, absent on the last page. */
  next?: string;
  /** The previous page's URL, absent on the first page. */
  previous?: string;
  /** Datasets per page. */
  itemsPerPage: number;
  /** Datasets in the whole catalogue. */
  totalItems: number;
}

/** Options of {@link toDcat} and {@link streamDcat}. */
export interface ToDcatOptions extends IriOptions, JsonLdOutputOptions {
  /** Output serialisation. */
  format: DcatFormat;
  /** Append the vocabulary graph of the terms used (see `vocabularyGraph`); default false. */
  includeVocabulary?: boolean;
  /** Describe this document as one page of a paged catalogue (Hydra terms of both ckanext-dcat styles). */
  page?: HydraPage;
  /** More quads for the document, e.g. quality measurements; written after the catalogue's own description. */
  extraQuads?: readonly Quad[];
}

/**
 * The Hydra description of a page, typed both `hydra:PagedCollection` (string links, older
 * ckanext-dcat harvesters) and `hydra:PartialCollectionView` (IRI links, current ones).
 *
 * @example
 * ```ts
 * import { hydraPageQuads } from '@bayan/dcat';
 * const quads = hydraPageQuads({ url: '…?page=2', first: '…?page=1', last: '…?page=5', next: '…?page=3', itemsPerPage: 100, totalItems: 480 });
 * ```
 */
export function hydraPageQuads(page: HydraPage): Quad[] {
  const s = namedNode(page.url);
  const p = (local: string) => namedNode(`${HYDRA}${local}`);
  const integer = (n: number) => literal(String(n), namedNode(`${XSD}integer`));
  const out = [
    quad(s, namedNode(RDF_TYPE), p('PagedCollection')),
    quad(s, namedNode(RDF_TYPE), p('PartialCollectionView')),
    quad(s, p('totalItems'), integer(page.totalItems)),
    quad(s, p('itemsPerPage'), integer(page.itemsPerPage)),
    quad(s, p('firstPage'), literal(page.first)),
    quad(s, p('lastPage'), literal(page.last)),
    quad(s, p('first'), namedNode(page.first)),
    quad(s, p('last'), namedNode(page.last)),
  ];
  if (page.next !== undefined) out.push(quad(s, p('nextPage'), literal(page.next)), quad(s, p('next'), namedNode(page.next)));
  if (page.previous !== undefined) out.push(quad(s, p('previousPage'), literal(page.previous)), quad(s, p('previous'), namedNode(page.previous)));
  return out;
}

type Source<T> = Iterable<T> | AsyncIterable<T>;

/**
 * The DCAT quads of one dataset (N3.js terms); blank-node labels are drawn from `blankIds`, so
 * records written into one document never share a label.
 *
 * @example
 * ```ts
 * import { datasetToQuads } from '@bayan/dcat';
 * const quads = datasetToQuads(dataset, { baseUri: 'https://data.gov.ma' });
 * ```
 */
export function datasetToQuads(dataset: Dataset, options: IriOptions, blankIds: { next: number } = { next: 0 }): Quad[] {
  const b = new QuadBuilder(blankIds);
  addDataset(b, dataset, options);
  return b.quads;
}

/**
 * Streams a DCAT-AP document chunk by chunk: the header (and the catalogue's description when
 * `catalog` is given), then one chunk per dataset as the source yields it, then the footer.
 * Memory stays that of one dataset, however long the catalogue.
 *
 * @param datasets - the datasets, from an array or an async iterable (a database cursor).
 * @param options - format and base URI; `catalog` wraps the datasets in a `dcat:Catalog`.
 * @returns text chunks to write one after another.
 * @example
 * ```ts
 * import { streamDcat } from '@bayan/dcat';
 * for await (const chunk of streamDcat(datasets, { format: 'turtle', baseUri: 'https://data.gov.ma' })) {
 *   process.stdout.write(chunk);
 * }
 * ```
 */
export async function* streamDcat(
  datasets: Source<Dataset>,
  options: ToDcatOptions & { catalog?: Omit<Catalog, 'datasets'> },
): AsyncGenerator<string> {
  const writer = createDocumentWriter(options.format, options);
  const blankIds = { next: 0 };
  const vocabulary = options.includeVocabulary === true ? new Map<string, Quad>() : undefined;
  const remember = (quads: readonly Quad[]) => {
    if (vocabulary === undefined) return;
    for (const q of quads) if (q.object.termType === 'NamedNode' && !vocabulary.has(q.object.value)) vocabulary.set(q.object.value, q);
  };
  let out = writer.header();
  const catalog = options.catalog === undefined ? undefined : namedNode(catalogIri(options.catalog, options));
  if (options.catalog !== undefined) {
    const b = new QuadBuilder(blankIds);
    addCatalogHeader(b, options.catalog, options);
    remember(b.quads);
    out += writer.record(b.quads);
  }
  if (options.page !== undefined) out += writer.record(hydraPageQuads(options.page));
  if (options.extraQuads !== undefined && options.extraQuads.length > 0) {
    remember(options.extraQuads);
    out += writer.record(options.extraQuads);
  }
  yield out;
  for await (const dataset of datasets) {
    const b = new QuadBuilder(blankIds);
    const node = addDataset(b, dataset, options);
    if (catalog !== undefined) b.add(catalog, 'http://www.w3.org/ns/dcat#dataset', node);
    remember(b.quads);
    yield writer.record(b.quads);
  }
  let tail = '';
  if (vocabulary !== undefined) tail += writer.record(vocabularyGraph(vocabulary.values()));
  yield tail + writer.footer();
}

function isCatalog(input: Catalog | Dataset): input is Catalog {
  return Array.isArray((input as Catalog).datasets);
}

/**
 * Serialises a catalogue or a dataset as DCAT-AP 3: Turtle, N-Triples, JSON-LD compacted with the
 * official DCAT-AP context (referenced by URL unless `jsonLdContext` says otherwise) or RDF/XML.
 * Text is tagged fr/ar/en, vocabulary values are IRIs, dates are `xsd:date`/`xsd:dateTime`.
 *
 * @param input - a parsed `Catalog` (with its datasets) or a parsed `Dataset`.
 * @param options - `format`, `baseUri` for records without a `uri`; optional paging and vocabulary.
 * @returns the whole document as a string; use {@link streamDcat} for large catalogues.
 * @example
 * ```ts
 * import { toDcat } from '@bayan/dcat';
 * const turtle = await toDcat(dataset, { format: 'turtle', baseUri: 'https://data.gov.ma' });
 * ```
 */
export async function toDcat(input: Catalog | Dataset, options: ToDcatOptions): Promise<string> {
  let out = '';
  if (isCatalog(input)) {
    const { datasets, ...catalog } = input;
    for await (const chunk of streamDcat(datasets, { ...options, catalog })) out += chunk;
  } else {
    for await (const chunk of streamDcat([input], options)) out += chunk;
  }
  return out;
}
