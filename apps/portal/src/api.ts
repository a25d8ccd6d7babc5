// The portal's only way to the data: Bayan's HTTP API through @bayan/client, over a Fetch-API
// function (in-process or loopback). The portal keeps its own narrow view types of the answers.
import { BayanApiError, createClient, type ClientOptions, type SearchParams as ClientSearchParams } from '@bayan/client';

/** A multilingual text as the API returns it. */
export type Text = Partial<Record<'fr' | 'ar' | 'en', string>> | string;

export interface Distribution {
  id: string;
  title?: Text;
  description?: Text;
  accessUrl?: string;
  downloadUrl?: string;
  format?: string;
  mediaType?: string;
  byteSize?: number;
  license?: string;
  modified?: string;
}

export interface DatasetRecord {
  id: string;
  title: Text;
  description?: Text;
  keywords?: Partial<Record<'fr' | 'ar' | 'en', string[]>>;
  themes?: string[];
  publisher?: { name?: Text };
  contactPoints?: { email?: string; name?: Text }[];
  issued?: string;
  modified?: string;
  frequency?: string;
  temporal?: { start?: string; end?: string }[];
  spatial?: { label?: Text }[];
  distributions?: Distribution[];
  organizationId?: string;
  license?: string;
  slug?: string;
}

export interface StoredDataset {
  id: string;
  slug: string;
  state: string;
  revision?: number;
  record: DatasetRecord;
  createdAt?: string;
  updatedAt?: string;
  qualityScore?: number;
  modified?: string;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResult {
  total: number;
  items: StoredDataset[];
  facets: Partial<Record<string, FacetCount[]>>;
  nextCursor: string | null;
}

export interface QualityDetails {
  total: number;
  max: number;
  dimensions: { id: string; points: number; max?: number }[];
  hints?: { key: string; gain?: number; message: Text }[];
}

export interface QualitySnapshot {
  score: number;
  band: 'excellent' | 'good' | 'sufficient' | 'bad';
  openness: number;
  details?: QualityDetails;
  createdAt?: string;
}

export interface Organization {
  id: string;
  slug: string;
  record: { id: string; slug?: string; name: Text; acronym?: string; description?: Text; homepage?: string };
}

export interface Scorecard {
  organizationId: string;
  published: number;
  quality: FacetCount[];
  openness: FacetCount[];
  format: FacetCount[];
}

export interface DatastoreField {
  name: string;
  type: string;
}

export interface DatastoreResult {
  fields: DatastoreField[];
  rows: Record<string, unknown>[];
  total?: number;
  nextCursor: string | null;
}

export interface DatastoreQuery {
  q?: string;
  fields?: string[];
  sort?: { field: string; order?: 'asc' | 'desc' }[];
  groupBy?: string[];
  aggregates?: { op: 'count' | 'sum' | 'avg' | 'min' | 'max'; field?: string; as?: string }[];
  limit?: number;
  cursor?: string;
  count?: boolean;
}

/** The search parameters the portal sends to `/api/v1/datasets`. */
export interface SearchParams {
  q?: string;
  filters?: Partial<Record<string, string[]>>;
  sort?: 'relevance' | 'modified' | 'title' | 'quality';
  order?: 'asc' | 'desc';
  limit?: number;
  cursor?: string;
  facets?: string[];
}

/** An answer that is not 2xx: its status and the problem+json title when there is one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type FetchLike = (request: Request) => Promise<Response>;

/** A typed reader of Bayan's REST API. */
export interface PortalApi {
  search(params: SearchParams): Promise<SearchResult>;
  dataset(idOrSlug: string): Promise<StoredDataset | undefined>;
  quality(id: string): Promise<QualitySnapshot | undefined>;
  schemaOrg(id: string): Promise<Record<string, unknown> | undefined>;
  organizations(): Promise<Organization[]>;
  organization(idOrSlug: string): Promise<Organization | undefined>;
  scorecard(id: string): Promise<Scorecard | undefined>;
  datastore(resourceId: string): Promise<{ fields: DatastoreField[]; rowsCommitted: number; status: string } | undefined>;
  query(resourceId: string, query: DatastoreQuery): Promise<DatastoreResult>;
  openapi(): Promise<Record<string, unknown>>;
}

/** Builds the API reader over a fetch function and the origin requests are addressed to, through @bayan/client. */
export function createApi(fetchFn: FetchLike, origin: string, language = 'fr'): PortalApi {
  const client = createClient({
    baseUrl: origin,
    language: language as ClientOptions['language'],
    fetch: (input, init) => fetchFn(new Request(input, init)),
  });
  /** Maps the client's error to the portal's: 404 is `undefined` for the optional reads, the rest an {@link ApiError}. */
  async function read<T>(what: string, run: () => Promise<unknown>, optional: boolean): Promise<T | undefined> {
    try {
      return (await run()) as T;
    } catch (error) {
      if (!(error instanceof BayanApiError)) throw error;
      if (error.status === 404 && optional) return undefined;
      const title = [error.problem.title, error.problem.detail].filter(Boolean).join(': ');
      throw new ApiError(error.status, `${what}: ${error.status} ${title}`);
    }
  }
  const call = <T>(what: string, run: () => Promise<unknown>) => read<T>(what, run, true);
  const must = async <T>(what: string, run: () => Promise<unknown>) => (await read<T>(what, run, false)) as T;
  return {
    search: (params) =>
      must<SearchResult>('search', () =>
        client.datasets.search({
          ...(params.filters as ClientSearchParams),
          q: params.q || undefined,
          sort: params.sort,
          order: params.order,
          limit: params.limit ?? 20,
          cursor: params.cursor || undefined,
          facets: params.facets as ClientSearchParams['facets'],
        }),
      ),
    dataset: (value) => call<StoredDataset>(`dataset ${value}`, () => client.datasets.get(value)),
    quality: async (value) => (await call<{ latest: QualitySnapshot | null }>(`quality ${value}`, () => client.datasets.quality(value)))?.latest ?? undefined,
    schemaOrg: (value) => call<Record<string, unknown>>(`schema.org ${value}`, () => client.datasets.schemaOrg(value)),
    organizations: () => must<Organization[]>('organizations', () => client.organizations.list()),
    organization: (value) => call<Organization>(`organization ${value}`, () => client.organizations.get(value)),
    scorecard: (value) => call<Scorecard>(`scorecard ${value}`, () => client.organizations.scorecard(value)),
    datastore: (value) => call(`datastore ${value}`, () => client.datastore.get(value)),
    query: (value, query) => must<DatastoreResult>(`datastore ${value}`, () => client.datastore.query(value, query)),
    openapi: () => must<Record<string, unknown>>('openapi', () => client.openapi()),
  };
}
