import type { Dataset, InventoryEntry, Organization, PublicationState } from '@bayan/schema';

/** A dataset as the API stores it. */
export interface StoredDataset {
  id: string;
  slug: string;
  state: PublicationState;
  revision: number;
  createdAt: string;
  updatedAt: string;
  record: Dataset;
}

/** One search result. */
export interface SearchHit {
  id: string;
  slug: string;
  state: string;
  qualityScore: number;
  modified: string;
  rank: number;
  record: Dataset;
}

/** A facet of the search: theme, organization, format, licence, keyword, language, quality or openness. */
export type FacetName = 'theme' | 'organization' | 'format' | 'licence' | 'keyword' | 'language' | 'quality' | 'openness';

/** Search parameters of `GET /api/v1/datasets`. */
export interface SearchParams extends Partial<Record<FacetName, string[]>> {
  q?: string;
  state?: PublicationState[];
  facets?: FacetName[];
  sort?: 'relevance' | 'modified' | 'title' | 'quality';
  order?: 'asc' | 'desc';
  /** 1–100, default 20. */
  limit?: number;
  cursor?: string;
}

/** A page of search results. */
export interface SearchResult {
  total: number;
  items: SearchHit[];
  facets: Partial<Record<FacetName, { value: string; count: number }[]>>;
  nextCursor: string | null;
}

/** A dataset revision. */
export interface DatasetRevision {
  datasetId: string;
  revision: number;
  authorId: string | null;
  createdAt: string;
  action: string;
  record?: Dataset;
  changes: Record<string, unknown>[];
}

/** An organisation as the API stores it. */
export interface StoredOrganization {
  id: string;
  slug: string;
  record: Organization;
  createdAt: string;
  updatedAt: string;
}

/** An inventory entry as the API stores it. */
export interface StoredInventoryEntry {
  id: string;
  record: InventoryEntry;
  createdAt: string;
  updatedAt: string;
}

/** Who is signed in. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  siteAdmin: boolean;
  memberships: { organizationId: string; role: 'admin' | 'editor' | 'viewer' }[];
  via: 'session' | 'token';
}

/** An API token (its secret only in `token`, once, when created). */
export interface ApiToken {
  id: string;
  userId: string;
  prefix: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  /** When it was last used (recorded at most every 5 minutes). */
  lastUsedAt: string | null;
  token?: string;
}

/** A sign-in session (never its secret, which only the cookie holds). */
export interface Session {
  id: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  /** Whether this is the session the request was made with. */
  current: boolean;
}

/** A page of datastore rows. */
export interface DatastoreRows {
  fields: { name: string; type: string }[];
  rows: Record<string, string | number | boolean | null>[];
  total?: number;
  nextCursor: string | null;
}

/** The constrained JSON query of the datastore (never SQL). */
export interface DatastoreQuery {
  fields?: string[];
  filters?: ({ field: string; op: 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte' | 'contains'; value: string | number | boolean } | { field: string; op: 'in'; value: (string | number | boolean)[] } | { field: string; op: 'between'; value: [string | number, string | number] } | { field: string; op: 'null' | 'notNull' })[];
  q?: string;
  sort?: { field: string; order?: 'asc' | 'desc' }[];
  groupBy?: string[];
  aggregates?: { op: 'count' | 'sum' | 'avg' | 'min' | 'max'; field?: string; as?: string }[];
  limit?: number;
  cursor?: string;
  count?: boolean;
}
