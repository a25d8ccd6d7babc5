// The portal's only way to the data: Bayan's HTTP API, over a Fetch-API function (in-process or
// loopback). @bayan/client has no exports yet; this file is the seam to swap for it.

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

/** Builds the API reader over a fetch function and the origin requests are addressed to. */
export function createApi(fetchFn: FetchLike, origin: string, language = 'fr'): PortalApi {
  const base = origin.replace(/\/+$/, '');
  async function call<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T | undefined> {
    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
    if (init?.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetchFn(
      new Request(base + path, {
        method: init?.method ?? 'GET',
        headers,
        body: init?.body === undefined ? undefined : JSON.stringify(init.body),
      }),
    );
    if (response.status === 404) return undefined;
    if (!response.ok) {
      let title = response.statusText;
      try {
        const problem = (await response.json()) as { title?: string; detail?: string };
        title = [problem.title, problem.detail].filter(Boolean).join(': ') || title;
      } catch {
        // not problem+json; keep the status text
      }
      throw new ApiError(response.status, `${path}: ${response.status} ${title}`);
    }
    return (await response.json()) as T;
  }
  async function must<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T> {
    const value = await call<T>(path, init);
    if (value === undefined) throw new ApiError(404, `${path}: 404`);
    return value;
  }
  const id = (value: string) => encodeURIComponent(value);
  return {
    search: (params) => {
      const query = new URLSearchParams();
      if (params.q) query.set('q', params.q);
      for (const [name, values] of Object.entries(params.filters ?? {})) if (values && values.length > 0) query.set(name, values.join(','));
      if (params.sort) query.set('sort', params.sort);
      if (params.order) query.set('order', params.order);
      query.set('limit', String(params.limit ?? 20));
      if (params.cursor) query.set('cursor', params.cursor);
      if (params.facets) query.set('facets', params.facets.join(','));
      return must<SearchResult>(`/api/v1/datasets?${query.toString()}`);
    },
    dataset: (value) => call<StoredDataset>(`/api/v1/datasets/${id(value)}`),
    quality: async (value) => (await call<{ latest: QualitySnapshot | null }>(`/api/v1/datasets/${id(value)}/quality`))?.latest ?? undefined,
    schemaOrg: (value) => call<Record<string, unknown>>(`/api/v1/datasets/${id(value)}/schema-org`),
    organizations: async () => (await must<{ items: Organization[] }>('/api/v1/organizations')).items,
    organization: (value) => call<Organization>(`/api/v1/organizations/${id(value)}`),
    scorecard: (value) => call<Scorecard>(`/api/v1/organizations/${id(value)}/scorecard`),
    datastore: (value) => call(`/api/v1/datastore/${id(value)}`),
    query: (value, query) => must<DatastoreResult>(`/api/v1/datastore/${id(value)}/query`, { method: 'POST', body: query }),
    openapi: () => must<Record<string, unknown>>('/api/v1/openapi.json'),
  };
}
