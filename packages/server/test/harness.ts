/* eslint-disable @typescript-eslint/no-explicit-any -- HTTP tests read untyped JSON answers */
// Test support for @bayan/server: a real catalogue (embedded SQLite in a temp folder, or its own
// PostgreSQL schema) behind a real HTTP server on 127.0.0.1 with an ephemeral port.
import { freshDataFolder, freshPostgres, postgresAvailable } from '@bayan-internal/test-postgres';
import { openCatalog, type Catalog } from '@bayan/catalog';
import { createServer, type RunningServer, type ServerOptions } from '../src/index';

/** Backends every HTTP test runs on: SQLite always, PostgreSQL when reachable or required. */
export const backends: ('sqlite' | 'postgres')[] = (await postgresAvailable('server tests')) ? ['sqlite', 'postgres'] : ['sqlite'];

export interface Fixture {
  catalog: Catalog;
  server: RunningServer;
  url: string;
  orgA: string;
  orgB: string;
  users: Record<'admin' | 'editorA' | 'adminA' | 'viewerA' | 'editorB', { id: string; email: string; password: string }>;
  close(): Promise<void>;
}

const PASSWORD = 'correct-horse-battery';

/** Opens a fresh catalogue with two organisations and five users, and serves it. */
export async function startFixture(backend: 'sqlite' | 'postgres', options: Partial<ServerOptions> = {}): Promise<Fixture> {
  const place = backend === 'sqlite' ? freshDataFolder('bayan-server-') : freshPostgres('s');
  const catalog: Catalog = await openCatalog(place.location);
  const cleanup = () => place.cleanup();
  const org = async (slug: string, fr: string, ar: string) => {
    const r = await catalog.organizations.create({ slug, name: { fr, ar } });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.value.id;
  };
  const orgA = await org('ministere-a', 'Ministère A', 'الوزارة أ');
  const orgB = await org('agence-b', 'Agence B', 'الوكالة ب');
  const user = async (name: string, siteAdmin = false) => {
    const email = `${name.toLowerCase()}@example.ma`;
    const r = await catalog.users.create({ email, name, password: PASSWORD, siteAdmin });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return { id: r.value.id, email, password: PASSWORD };
  };
  const users = {
    admin: await user('Admin', true),
    editorA: await user('EditorA'),
    adminA: await user('AdminA'),
    viewerA: await user('ViewerA'),
    editorB: await user('EditorB'),
  };
  await catalog.users.setRole(users.editorA.id, orgA, 'editor');
  await catalog.users.setRole(users.adminA.id, orgA, 'admin');
  await catalog.users.setRole(users.viewerA.id, orgA, 'viewer');
  await catalog.users.setRole(users.editorB.id, orgB, 'editor');
  const app = await createServer({ catalog, rateLimits: false, onError: () => undefined, ...options });
  const server = await app.listen({ port: 0 });
  return {
    catalog,
    server,
    url: server.url,
    orgA,
    orgB,
    users,
    async close() {
      await server.close();
      await catalog.close();
      await cleanup();
    },
  };
}

/** A minimal valid dataset record for an organisation. */
export function datasetBody(organizationId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: { fr: 'Budget de l’État 2025', ar: 'ميزانية الدولة 2025' },
    description: { fr: 'Loi de finances, dépenses par ministère.', ar: 'قانون المالية، النفقات حسب الوزارة.' },
    keywords: { fr: ['budget', 'finances'], ar: ['ميزانية'] },
    themes: ['http://publications.europa.eu/resource/authority/data-theme/ECON'],
    organizationId,
    distributions: [
      {
        id: 'budget-csv',
        accessUrl: 'https://example.ma/budget.csv',
        downloadUrl: 'https://example.ma/budget.csv',
        format: 'http://publications.europa.eu/resource/authority/file-type/CSV',
        mediaType: 'text/csv',
        license: 'http://publications.europa.eu/resource/authority/licence/CC_BY_4_0',
        title: { fr: 'Budget (CSV)' },
      },
    ],
    ...extra,
  };
}

/** Signs in through the API: the cookie header to send back and the CSRF token. */
export async function signIn(url: string, email: string, password = PASSWORD): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrf: body.csrfToken };
}

/** Issues an API token for a user, signed in as that user. */
export async function tokenFor(url: string, user: { id: string; email: string; password: string }): Promise<{ token: string; id: string }> {
  const { cookie, csrf } = await signIn(url, user.email, user.password);
  const res = await fetch(`${url}/api/v1/users/${user.id}/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
    body: JSON.stringify({ name: 'test' }),
  });
  if (res.status !== 201) throw new Error(`token failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { token: string; id: string };
}

/** JSON request helper with a bearer token. */
export async function api(url: string, path: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(`${url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, headers: res.headers };
}
