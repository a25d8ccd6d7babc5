import type { Dataset } from '@bayan/schema';
import { type Store } from 'n3';
import { HYDRA, RDF_TYPE } from './namespaces';
import { parseRdf, type ParseRdfOptions, type RdfInput } from './parseRdf';
import { messages, problem, type DcatProblem } from './problems';
import { readDatasets, type ReadOptions } from './readRecords';
import { namedNode } from './terms';


/** Options of {@link fromDcat}. */
export interface FromDcatOptions extends ParseRdfOptions, ReadOptions {}

/** What {@link fromDcat} read. */
export interface FromDcatResult {
  /** Valid Bayan datasets (values that failed validation are dropped and reported). */
  datasets: Dataset[];
  /** Problems per record (subject IRI) and per document, in fr/ar/en. */
  problems: DcatProblem[];
  /** The next page's URL when the document is a page of a Hydra-paged catalogue. */
  nextPage?: string;
}

/**
 * The next page announced by Hydra terms, in either ckanext-dcat style (`hydra:PagedCollection` with
 * `hydra:nextPage`, or `hydra:PartialCollectionView` with `hydra:next`); undefined on the last page.
 *
 * @example
 * ```ts
 * import { nextPageOf, parseRdf } from '@bayan/dcat';
 * const { store } = await parseRdf(page, { format: 'turtle' });
 * nextPageOf(store); // 'https://example.org/catalog.ttl?page=2'
 * ```
 */
export function nextPageOf(store: Store): string | undefined {
  const type = namedNode(RDF_TYPE);
  for (const [cls, property] of [
    ['PagedCollection', 'nextPage'],
    ['PartialCollectionView', 'next'],
    ['PartialCollectionView', 'nextPage'],
    ['PagedCollection', 'next'],
  ] as const) {
    for (const subject of store.getSubjects(type, namedNode(`${HYDRA}${cls}`), null)) {
      const next = store.getObjects(subject, namedNode(`${HYDRA}${property}`), null)[0];
      if (next !== undefined && next.value.trim() !== '') return next.value.trim();
    }
  }
  return undefined;
}

/**
 * Reads DCAT (DCAT-AP 1–3, ckanext-dcat, GeoDCAT-AP …) from Turtle, N-Triples, JSON-LD or RDF/XML
 * into Bayan datasets. Never throws for bad input: each problem names its record and says what
 * happened in fr/ar/en; a bad record is skipped, a bad value is dropped, the rest is kept.
 * Limits (`maxBytes` 64 MiB, `maxLiteralLength` 1 MiB, `maxQuads` 2,000,000) bound memory;
 * XML entity declarations and remote JSON-LD contexts are refused.
 *
 * @param input - the document: text, bytes, or an (async) iterable of chunks.
 * @param options - `format`, `baseIRI`, limits, offline JSON-LD `contexts`, `defaultLanguage` for untagged text (fr).
 * @returns the datasets, the problems and the next page, if any.
 * @example
 * ```ts
 * import { fromDcat } from '@bayan/dcat';
 * const { datasets, problems } = await fromDcat(turtle, { format: 'turtle' });
 * ```
 */
export async function fromDcat(input: RdfInput, options: FromDcatOptions): Promise<FromDcatResult> {
  const parsed = await parseRdf(input, options);
  const { datasets, problems } = readDatasets(parsed.store, options);
  const nextPage = nextPageOf(parsed.store);
  const result: FromDcatResult = { datasets, problems: [...parsed.problems, ...problems] };
  if (nextPage !== undefined) result.nextPage = nextPage;
  return result;
}

/** Options of {@link followPages}. */
export interface FollowPagesOptions {
  /** Most pages read; default 1,000. */
  maxPages?: number;
}

/** One page fetched by {@link followPages}. */
export interface FetchedPage {
  datasets: Dataset[];
  problems: DcatProblem[];
  nextPage?: string;
}

/**
 * Follows a Hydra-paged catalogue page by page, yielding each page's result. A visited set stops
 * loops (a `next` that points back), and `maxPages` bounds the run; both end with a problem.
 *
 * @param fetchPage - reads one page, e.g. `(url) => fetch(url).then((r) => r.text()).then((t) => fromDcat(t, { format: 'turtle', baseIRI: url }))`.
 * @param firstUrl - the first page's URL.
 * @example
 * ```ts
 * import { followPages, fromDcat } from '@bayan/dcat';
 * for await (const page of followPages((url) => load(url), 'https://example.org/catalog.ttl?page=1')) {
 *   console.log(page.datasets.length);
 * }
 * ```
 */
export async function* followPages(
  fetchPage: (url: string) => Promise<FetchedPage>,
  firstUrl: string,
  options: FollowPagesOptions = {},
): AsyncGenerator<FetchedPage & { url: string }> {
  const maxPages = options.maxPages ?? 1000;
  const visited = new Set<string>();
  let url: string | undefined = URL.canParse(firstUrl) ? new URL(firstUrl).href : firstUrl;
  while (url !== undefined) {
    if (visited.has(url)) {
      yield { url, datasets: [], problems: [problem(url, 'page_loop', 'error', messages.pageLoop(url))] };
      return;
    }
    if (visited.size >= maxPages) {
      yield { url, datasets: [], problems: [problem(url, 'page_limit', 'warning', messages.pageLimit(maxPages))] };
      return;
    }
    visited.add(url);
    let page: FetchedPage;
    try {
      page = await fetchPage(url);
    } catch (error) {
      yield { url, datasets: [], problems: [problem(url, 'page_failed', 'error', messages.pageFailed(url, (error as Error).message))] };
      return;
    }
    yield { ...page, url };
    url = page.nextPage === undefined ? undefined : new URL(page.nextPage, url).href;
  }
}
