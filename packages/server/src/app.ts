import { randomBytes } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AuthBackend } from './authBackend';
import type { BayanApp, BayanEnv } from './context';
import { problemMessages, type ProblemType } from './messages';
import {
  auditMiddleware,
  authMiddleware,
  clientAddress,
  csrfMiddleware,
  defaultRateLimits,
  languageMiddleware,
  rateLimitMiddleware,
  requestShapeMiddleware,
  securityHeadersMiddleware,
  type RateLimitOptions,
} from './middleware';
import { ProblemError, problemBody, problemResponse } from './problem';
import { renderReference } from './reference';
import { SessionSigner } from './session';
import { validationProblem } from './validation';

/** Input limits applied to every request. */
export interface InputLimits {
  /** Longest URL (path + query), in characters. Default 8,192. */
  urlLength: number;
  /** Largest JSON body, in bytes. Default 1 MiB. */
  jsonBytes: number;
  /** Largest uploaded file, in bytes. Default 512 MiB. */
  uploadBytes: number;
}

/** Default input limits. */
export const defaultLimits: InputLimits = { urlLength: 8192, jsonBytes: 1024 * 1024, uploadBytes: 512 * 1024 * 1024 };

/** Options shared by the core app (everything that does not need the catalogue). */
export interface CoreOptions {
  auth: AuthBackend;
  /** Key that signs session cookies and CSRF tokens (≥ 32 bytes); share it between processes. Default: random per process (sessions end on restart). */
  sessionSecret?: string | Buffer;
  /** How long a sign-in session lasts, in seconds (it can be revoked sooner). Default 8 hours. */
  sessionTtlSeconds?: number;
  /** Rate limits, or `false` to switch them off (benchmarks). Default `defaultRateLimits`. */
  rateLimits?: Partial<RateLimitOptions> | false;
  /** Input limits. Default `defaultLimits`. */
  limits?: Partial<InputLimits>;
  /** Trust X-Forwarded-For for the client address (behind a reverse proxy). Default false. */
  trustProxy?: boolean;
  /** Where unexpected errors are reported. Default: console.error. */
  onError?: (error: unknown) => void;
}

/** The core: an app with middlewares, error handling, the OpenAPI document and the reference page. */
export interface Core {
  app: BayanApp;
  sessions: SessionSigner;
  /** The sign-in session length in seconds. */
  sessionTtlSeconds: number;
  limits: InputLimits;
  auth: AuthBackend;
}

const CKAN_PREFIX = '/api/3/';

/** Paths that answer errors in CKAN's shape instead of problem+json. */
export function isCkanPath(path: string): boolean {
  return path.startsWith(CKAN_PREFIX) || path.startsWith('/api/action/');
}

function ckanError(c: Context<BayanEnv>, error: ProblemError): Response {
  const lang = c.get('lang') ?? 'fr';
  const body = problemBody(error.problem, lang, error.init);
  const ckanType: Partial<Record<ProblemType, string>> = {
    'not-found': 'Not Found Error',
    validation: 'Validation Error',
    'bad-request': 'Validation Error',
    forbidden: 'Authorization Error',
    unauthenticated: 'Authorization Error',
  };
  const action = /^\/api\/3\/action\/([a-z_]+)/.exec(new URL(c.req.url).pathname)?.[1] ?? '';
  const origin = new URL(c.req.url).origin;
  const errorObject: Record<string, unknown> = { __type: ckanType[error.problem] ?? 'Internal Server Error', message: body.detail };
  for (const e of body.errors ?? []) errorObject[e.pointer.split('/').pop() ?? 'field'] = [e.detail];
  return new Response(JSON.stringify({ help: `${origin}/api/3/action/help_show?name=${action}`, success: false, error: errorObject }), {
    status: error.status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'content-language': lang, ...error.init.headers },
  });
}

// Requests that check a password (sign-in, password change) share the strict sign-in limit.
function isPasswordCheck(c: Context<BayanEnv>): boolean {
  return (c.req.method === 'POST' && c.req.path === '/api/v1/session') || (c.req.method === 'PUT' && /^\/api\/v1\/users\/[^/]+\/password$/.test(c.req.path));
}

/** Builds the core app. Routers are added to `core.app` afterwards. */
export function createCore(options: CoreOptions): Core {
  const limits = { ...defaultLimits, ...options.limits };
  const sessions = new SessionSigner(options.sessionSecret ?? randomBytes(32));
  const report = options.onError ?? ((error: unknown) => console.error(error));
  const app: BayanApp = new OpenAPIHono<BayanEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationProblem(result.target, result.error.issues);
    },
  });

  app.onError((error, c) => {
    let problem: ProblemError;
    if (error instanceof ProblemError) problem = error;
    else if (error instanceof HTTPException && error.status === 413) problem = new ProblemError('payload-too-large');
    else if (error instanceof HTTPException && error.status < 500) problem = new ProblemError('bad-request');
    else {
      report(error);
      problem = new ProblemError('internal');
    }
    return isCkanPath(c.req.path) ? ckanError(c, problem) : problemResponse(c, problem);
  });
  app.notFound((c) => {
    const problem = new ProblemError('not-found');
    return isCkanPath(c.req.path) ? ckanError(c, problem) : problemResponse(c, problem);
  });

  app.use('*', languageMiddleware());
  app.use('*', async (c, next) => {
    c.set('ip', clientAddress(c, options.trustProxy ?? false));
    await next();
  });
  app.use('*', securityHeadersMiddleware());
  app.use('*', requestShapeMiddleware(limits.urlLength));
  app.use('*', auditMiddleware(options.auth, report));
  app.use('*', authMiddleware({ backend: options.auth, sessions }));
  if (options.rateLimits !== false) {
    app.use('*', rateLimitMiddleware({ ...defaultRateLimits, ...options.rateLimits }, isPasswordCheck));
  }
  app.use('*', csrfMiddleware(sessions, (path) => path === '/api/v1/session'));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token (`bayan_…`) issued in the admin or by `POST /api/v1/users/{id}/tokens`.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'bayan_session',
    description: 'The session cookie set by `POST /api/v1/session`; unsafe requests also need the `X-CSRF-Token` header.',
  });

  const documentConfig = {
    openapi: '3.1.0',
    info: {
      title: 'Bayan API',
      version: '1',
      description:
        'REST API of Bayan, an open-data platform. Errors are RFC 9457 problem+json in the language of Accept-Language (fr, ar, en). A CKAN-compatible read API lives at /api/3/action/ and DCAT-AP feeds at /catalog.{ttl,jsonld,rdf,nt}.',
    },
    servers: [{ url: '/' }],
  };
  let cachedDoc: ReturnType<BayanApp['getOpenAPI31Document']> | undefined;
  const document = () => (cachedDoc ??= app.getOpenAPI31Document(documentConfig));
  app.get('/api/v1/openapi.json', (c) => c.json(document()));
  app.get('/api/v1/reference', (c) => {
    c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    return c.html(renderReference(document() as Parameters<typeof renderReference>[0]));
  });
  app.get('/api/v1/problems/:type', (c) => {
    const type = c.req.param('type');
    if (!(type in problemMessages)) throw new ProblemError('not-found');
    return c.json(problemBody(type as ProblemType, c.get('lang')));
  });

  return { app, sessions, sessionTtlSeconds: options.sessionTtlSeconds ?? 8 * 3600, limits, auth: options.auth };
}
