import type { Dataset, InventoryEntry, Language, Organization } from '@bayan/schema';
import { BayanApiError, type ApiProblem } from './errors';
import { operations, type Operation, type OperationName } from './operations';
import type {
  ApiToken,
  DatasetRevision,
  DatastoreQuery,
  DatastoreRows,
  Principal,
  SearchParams,
  SearchResult,
  Session,
  StoredDataset,
  StoredInventoryEntry,
  StoredOrganization,
} from './types';

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** The server's base URL, e.g. `https://data.gov.ma`. Default '' (same origin, in browsers). */
  baseUrl?: string;
  /** An API token (`bayan_…`), sent as `Authorization: Bearer`. Default none. */
  token?: string;
  /** Language of error messages (Accept-Language). Default: the server's default (fr). */
  language?: Language;
  /** The fetch to use. Default `globalThis.fetch`. */
  fetch?: typeof fetch;
}

type PathParams = Record<string, string | number>;

/** The server's OpenAPI document: served beside the operations it describes, not one of them. */
const DOCUMENT: Operation = { method: 'get', path: '/api/v1/openapi.json' };

function fillPath(template: string, params: PathParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new TypeError(`missing path parameter ${key}`);
    return encodeURIComponent(String(value));
  });
}

type QueryValue = string | number | boolean | undefined | null | readonly (string | number | boolean)[];

function queryString(params: Record<string, QueryValue> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value as readonly (string | number | boolean)[]) search.append(key, String(v));
    else search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * A typed client for Bayan's REST API, for browsers and Node 20+ (it only needs `fetch`). In a
 * browser on the same origin it uses the session cookie and sends the CSRF token it received at
 * sign-in; elsewhere give it an API token. Errors are thrown as {@link BayanApiError}.
 *
 * @example
 * ```ts
 * import { createClient } from '@bayan/client';
 * const bayan = createClient({ baseUrl: 'http://localhost:3000' });
 * const page = await bayan.datasets.search({ q: 'budget', theme: ['ECON'], limit: 10 });
 * console.log(page.total, page.items.map((d) => d.record.title.fr));
 * ```
 */
export function createClient(options: ClientOptions = {}) {
  const baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  let csrfToken: string | undefined;

  async function call<T>(name: OperationName | Operation, input: { params?: PathParams; query?: Record<string, QueryValue>; body?: unknown; form?: FormData; headers?: Record<string, string> } = {}): Promise<T> {
    const op: Operation = typeof name === 'string' ? operations[name] : name;
    const headers: Record<string, string> = { accept: 'application/json', ...input.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.language) headers['accept-language'] = options.language;
    if (op.method !== 'get' && csrfToken) headers['x-csrf-token'] = csrfToken;
    let body: BodyInit | undefined;
    if (input.form) body = input.form;
    else if (input.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(input.body);
    }
    const res = await doFetch(`${baseUrl}${fillPath(op.path, input.params)}${queryString(input.query)}`, {
      method: op.method.toUpperCase(),
      headers,
      body,
      credentials: 'include',
    });
    if (!res.ok) {
      let problem: ApiProblem;
      try {
        problem = (await res.json()) as ApiProblem;
      } catch {
        problem = { type: 'about:blank', title: res.statusText, status: res.status, detail: res.statusText };
      }
      throw new BayanApiError({ ...problem, status: res.status });
    }
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }

  const revisionHeader = (revision?: number): Record<string, string> => (revision === undefined ? {} : { 'if-match': `"${revision}"` });

  return {
    datasets: {
      /** Full-text search with facet filters and counts; follow `nextCursor` for the next page. */
      search: (params: SearchParams = {}) => call<SearchResult>('searchDatasets', { query: { ...params } }),
      get: (idOrSlug: string) => call<StoredDataset>('getDataset', { params: { id: idOrSlug } }),
      create: (record: Dataset | Record<string, unknown>) => call<StoredDataset>('createDataset', { body: record }),
      /** Replaces the record; pass the revision you edited to refuse lost updates (409). */
      update: (idOrSlug: string, record: Dataset | Record<string, unknown>, revision?: number) =>
        call<StoredDataset>('updateDataset', { params: { id: idOrSlug }, body: record, headers: revisionHeader(revision) }),
      delete: (idOrSlug: string) => call<void>('deleteDataset', { params: { id: idOrSlug } }),
      submit: (idOrSlug: string) => call<StoredDataset>('submitDataset', { params: { id: idOrSlug } }),
      publish: (idOrSlug: string) => call<StoredDataset>('publishDataset', { params: { id: idOrSlug } }),
      withdraw: (idOrSlug: string) => call<StoredDataset>('withdrawDataset', { params: { id: idOrSlug } }),
      revisions: async (idOrSlug: string) => (await call<{ items: DatasetRevision[] }>('listRevisions', { params: { id: idOrSlug } })).items,
      revision: (idOrSlug: string, revision: number) => call<DatasetRevision>('getRevision', { params: { id: idOrSlug, revision } }),
      restore: (idOrSlug: string, revision: number) => call<StoredDataset>('restoreRevision', { params: { id: idOrSlug, revision } }),
      quality: (idOrSlug: string) => call<{ latest: unknown; history: unknown[] }>('datasetQuality', { params: { id: idOrSlug } }),
      validation: (idOrSlug: string) => call<{ reports: unknown[]; linkChecks: unknown[] }>('datasetValidation', { params: { id: idOrSlug } }),
      schemaOrg: (idOrSlug: string) => call<Record<string, unknown>>('datasetSchemaOrg', { params: { id: idOrSlug } }),
      /** Uploads a file (Blob/File) as a new distribution; the server streams it to storage. */
      upload: (idOrSlug: string, file: Blob, name: string, title?: string) => {
        const form = new FormData();
        if (title) form.set('title', title);
        form.set('file', file, name);
        return call<{ file: { id: string; byteSize: number; sha256: string }; dataset: StoredDataset }>('uploadDistribution', { params: { id: idOrSlug }, form });
      },
    },
    organizations: {
      list: async () => (await call<{ items: StoredOrganization[] }>('listOrganizations')).items,
      get: (idOrSlug: string) => call<StoredOrganization>('getOrganization', { params: { id: idOrSlug } }),
      create: (record: Organization | Record<string, unknown>) => call<StoredOrganization>('createOrganization', { body: record }),
      update: (idOrSlug: string, record: Organization | Record<string, unknown>) => call<StoredOrganization>('updateOrganization', { params: { id: idOrSlug }, body: record }),
      scorecard: (idOrSlug: string) => call<{ organizationId: string; published: number; quality: { value: string; count: number }[] }>('organizationScorecard', { params: { id: idOrSlug } }),
      inventory: (idOrSlug: string) => call<{ items: StoredInventoryEntry[]; summary: Record<string, number> }>('organizationInventory', { params: { id: idOrSlug } }),
    },
    inventory: {
      create: (entry: InventoryEntry | Record<string, unknown>) => call<StoredInventoryEntry>('createInventoryEntry', { body: entry }),
      update: (id: string, entry: InventoryEntry | Record<string, unknown>) => call<StoredInventoryEntry>('updateInventoryEntry', { params: { id }, body: entry }),
      delete: (id: string) => call<void>('deleteInventoryEntry', { params: { id } }),
    },
    datastore: {
      /** A datastore table's status and fields (`status` is 'ready' once its rows are committed). */
      get: (resourceId: string) => call<{ id: string; datasetId: string | null; fields: { name: string; type: string }[]; rowsCommitted: number; status: string }>('getDatastore', { params: { resourceId } }),
      query: (resourceId: string, query: DatastoreQuery = {}) => call<DatastoreRows>('queryDatastore', { params: { resourceId }, body: query }),
    },
    session: {
      /** Signs in (cookie session); later unsafe calls carry the CSRF token automatically. */
      signIn: async (email: string, password: string) => {
        const result = await call<{ user: Principal; csrfToken: string; session: Session }>('signIn', { body: { email, password } });
        csrfToken = result.csrfToken;
        return result.user;
      },
      current: async () => {
        const result = await call<{ user: Principal; csrfToken: string | null; session: Session | null }>('currentSession');
        if (result.csrfToken) csrfToken = result.csrfToken;
        return result.user;
      },
      /** Signs out: the server revokes the session at once and clears the cookie. */
      signOut: async () => {
        await call<void>('signOut');
        csrfToken = undefined;
      },
    },
    sessions: {
      /** A user's active sign-in sessions, newest first; the caller's own has `current: true`. */
      list: async (userId: string) => (await call<{ items: Session[] }>('listSessions', { params: { id: userId } })).items,
      /** Ends one session; it stops working on its next request. */
      revoke: (userId: string, sessionId: string) => call<void>('revokeSession', { params: { id: userId, sessionId } }),
      /** Signs a user out everywhere (the caller's own session included); resolves to how many sessions ended. */
      revokeAll: async (userId: string) => (await call<{ revoked: number }>('revokeAllSessions', { params: { id: userId } })).revoked,
    },
    users: {
      /**
       * Changes a password: one's own needs `currentPassword`; a site administrator may reset anyone's.
       * The user's other sessions end at once; API tokens stay valid.
       */
      setPassword: (userId: string, password: string, currentPassword?: string) =>
        call<void>('changePassword', { params: { id: userId }, body: { password, ...(currentPassword !== undefined ? { currentPassword } : {}) } }),
    },
    tokens: {
      list: async (userId: string) => (await call<{ items: ApiToken[] }>('listTokens', { params: { id: userId } })).items,
      create: (userId: string, name: string, expiresInDays?: number) => call<ApiToken & { token: string }>('createToken', { params: { id: userId }, body: { name, ...(expiresInDays ? { expiresInDays } : {}) } }),
      revoke: (userId: string, tokenId: string) => call<void>('revokeToken', { params: { id: userId, tokenId } }),
    },
    /** The server's OpenAPI 3.1 document (`/api/v1/openapi.json`). */
    openapi: () => call<Record<string, unknown>>(DOCUMENT),
    activity: (query: { objectType?: string; objectId?: string; limit?: number } = {}) => call<{ items: unknown[] }>('activity', { query }),
  };
}

/** The client returned by {@link createClient}. */
export type BayanClient = ReturnType<typeof createClient>;
