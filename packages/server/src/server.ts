import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Catalog } from '@bayan/catalog';
import { serve } from '@hono/node-server';
import { bodyLimit } from 'hono/body-limit';
import { except } from 'hono/combine';
import manifest from '../package.json' with { type: 'json' };
import { createCore, type CoreOptions } from './app';
import type { AuthBackend } from './authBackend';
import { catalogAuthBackend } from './catalogAuthBackend';
import { registerCkanApi } from './ckan/ckanApi';
import type { BayanApp } from './context';
import { ProblemError } from './problem';
import { registerAccountRoutes } from './routes/account';
import { registerAdminRoutes } from './routes/admin';
import { registerDatasetRoutes } from './routes/datasets';
import { ckanDatastoreSearch, registerDatastoreRoutes } from './routes/datastore';
import { registerDcatRoutes } from './routes/dcat';
import { registerFileRoutes } from './routes/files';
import { registerOrganizationRoutes } from './routes/organizations';
import { registerStaticApps, type StaticApps } from './routes/staticApps';

/** Options of {@link createServer}. */
export interface ServerOptions extends Omit<CoreOptions, 'auth'> {
  /** The open catalogue (see `openCatalog` in `@bayan/catalog`). */
  catalog: Catalog;
  /** The public base URL, for DCAT IRIs and CKAN links. Default `http://localhost:3000`. */
  publicUrl?: string;
  /** The portal's name in feeds and `status_show`. Default `Bayan`. */
  siteTitle?: string;
  /** Built front-ends to serve when they exist. Default none. */
  apps?: StaticApps;
  /** Identity store. Default: users, API tokens, sessions and the audit trail of the catalogue (`catalogAuthBackend`). */
  auth?: AuthBackend;
}

/** A Bayan HTTP server: the Hono app, its `fetch` handler and a way to listen on a port. */
export interface BayanServer {
  /** The Hono application (OpenAPI routes included). */
  readonly app: BayanApp;
  /** Answers one Web `Request` (for tests, workers or another host). */
  fetch(request: Request): Promise<Response>;
  /** The OpenAPI 3.1 document. */
  openapi(): Record<string, unknown>;
  /** Which built apps are served (`portal`, `admin`, `widgets`). */
  readonly mountedApps: readonly string[];
  /** Listens on `port` (0 picks a free one) and `hostname` (default 127.0.0.1). */
  listen(options?: { port?: number; hostname?: string }): Promise<RunningServer>;
}

/** A listening server. */
export interface RunningServer {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections and closes idle ones; resolves when closed. */
  close(): Promise<void>;
}

/**
 * Builds Bayan's HTTP server over an open catalogue: REST API under `/api/v1` with its OpenAPI 3.1
 * document (`/api/v1/openapi.json`) and reference page (`/api/v1/reference`), the CKAN-compatible
 * read API under `/api/3/action/`, DCAT-AP feeds, sign-in, API tokens, and the built apps.
 * Defaults: rate limits on, 1 MiB JSON bodies, 8 KiB URLs, sessions signed with a random secret.
 *
 * @example
 * ```ts
 * import { openCatalog } from '@bayan/catalog';
 * import { createServer } from '@bayan/server';
 * const catalog = await openCatalog({ data: './data' });
 * const server = await createServer({ catalog, publicUrl: 'http://localhost:3000' });
 * const running = await server.listen({ port: 3000 });
 * console.log(`Bayan on ${running.url}`);
 * ```
 */
export async function createServer(options: ServerOptions): Promise<BayanServer> {
  const { catalog } = options;
  const publicUrl = (options.publicUrl ?? 'http://localhost:3000').replace(/\/+$/, '');
  const siteTitle = options.siteTitle ?? 'Bayan';
  const backend = options.auth ?? catalogAuthBackend(catalog);
  // Sessions that expired while no server ran are deleted now; sign-ins prune the rest as they go.
  await backend.sessions.prune();
  const core = createCore({ ...options, auth: backend });
  const { app } = core;

  // JSON bodies are bounded on every API route; uploads have their own, larger limit.
  const jsonLimit = bodyLimit({
    maxSize: core.limits.jsonBytes,
    onError: () => {
      throw new ProblemError('payload-too-large');
    },
  });
  app.use('/api/v1/*', except((c) => c.req.path.endsWith('/upload'), jsonLimit));
  app.use('/api/3/*', jsonLimit);
  app.use('/api/action/*', jsonLimit);

  registerAccountRoutes(app, catalog, backend, core.sessions, core.sessionTtlSeconds);
  registerDatasetRoutes(app, catalog);
  registerOrganizationRoutes(app, catalog);
  registerAdminRoutes(app, catalog, backend.audit);
  registerFileRoutes(app, catalog, { publicUrl, maxUploadBytes: core.limits.uploadBytes });
  registerDatastoreRoutes(app, catalog);
  registerCkanApi(app, catalog, {
    siteTitle,
    siteUrl: publicUrl,
    version: manifest.version,
    datastoreResources: async () => new Set((await catalog.datastore.list()).filter((r) => r.status === 'ready').map((r) => r.id)),
    datastoreSearch: ckanDatastoreSearch(catalog),
  });
  registerDcatRoutes(app, catalog, {
    baseUrl: publicUrl,
    catalog: {
      title: { fr: siteTitle, ar: siteTitle, en: siteTitle },
      description: { fr: `Catalogue de données ouvertes ${siteTitle}`, ar: `فهرس البيانات المفتوحة ${siteTitle}`, en: `${siteTitle} open data catalogue` },
      publisher: { name: { fr: siteTitle, ar: siteTitle, en: siteTitle } },
      homepage: publicUrl,
    },
  });
  app.get('/api/v1/status', async (c) => {
    const published = await catalog.search({ facets: [], limit: 1 });
    return c.json({ name: siteTitle, version: manifest.version, backend: catalog.backend, datasets: published.total });
  });
  const mountedApps = registerStaticApps(app, options.apps ?? {});
  if (!mountedApps.includes('portal')) {
    app.get('/', (c) =>
      c.json({ name: siteTitle, api: `${publicUrl}/api/v1`, reference: `${publicUrl}/api/v1/reference`, openapi: `${publicUrl}/api/v1/openapi.json`, ckan: `${publicUrl}/api/3/action/status_show`, dcat: `${publicUrl}/catalog.ttl` }),
    );
  }

  const fetch = async (request: Request) => app.fetch(request);
  return {
    app,
    fetch,
    mountedApps,
    openapi: () => app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'Bayan API', version: '1' } }) as unknown as Record<string, unknown>,
    listen: ({ port = 0, hostname = '127.0.0.1' } = {}) =>
      new Promise<RunningServer>((resolveListen, rejectListen) => {
        const server = serve({ fetch: app.fetch, port, hostname }, (info: AddressInfo) => {
          const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
          resolveListen({
            url: `http://${host}:${info.port}`,
            port: info.port,
            close: () =>
              new Promise<void>((done) => {
                server.close(() => done());
                server.closeIdleConnections();
              }),
          });
        }) as Server;
        server.once('error', rejectListen);
      }),
  };
}
