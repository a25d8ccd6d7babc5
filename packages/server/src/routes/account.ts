import { randomUUID } from 'node:crypto';
import type { Catalog } from '@bayan/catalog';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { issueApiToken } from '../apiToken';
import type { AuthBackend, StoredApiToken } from '../authBackend';
import type { BayanApp, BayanEnv } from '../context';
import { ProblemError } from '../problem';
import { SESSION_COOKIE, type SessionSigner } from '../session';
import { validationProblem } from '../validation';
import { defineRoute, idParam } from './define';
import { catalogProblem, jsonBody, requireSiteAdmin, requireUser } from './guards';
import { apiTokenSchema, errorResponses, principalSchema, userSchema } from './schemas';

const SESSION_TTL_SECONDS = 8 * 3600;

const signInSchema = z.object({ email: z.string().min(3).max(320), password: z.string().min(1).max(1024) }).meta({ id: 'SignIn' });
const newTokenSchema = z
  .object({ name: z.string().trim().min(1).max(100), expiresInDays: z.number().int().min(1).max(3650).optional() })
  .meta({ id: 'NewApiToken' });
const newUserSchema = z
  .object({ email: z.string().max(320), name: z.string().max(200), password: z.string().min(10).max(1024).optional(), siteAdmin: z.boolean().optional() })
  .meta({ id: 'NewUser' });
const roleSchema = z.object({ organizationId: z.string().min(1).max(200), role: z.enum(['admin', 'editor', 'viewer']).nullable() }).meta({ id: 'MembershipChange' });

function isLocalHost(c: Context<BayanEnv>): boolean {
  const host = new URL(c.req.url).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]' || host === '::1';
}

async function parseBody<S extends z.ZodType>(c: Context<BayanEnv>, schema: S): Promise<z.output<S>> {
  const result = schema.safeParse(await jsonBody(c));
  if (!result.success) throw validationProblem('json', result.error.issues);
  return result.data;
}

function publicToken(t: StoredApiToken) {
  return { id: t.id, userId: t.userId, prefix: t.prefix, name: t.name, createdAt: t.createdAt, expiresAt: t.expiresAt, revokedAt: t.revokedAt };
}

/** Registers sign-in/out, the current user, users (admin) and API tokens. */
export function registerAccountRoutes(app: BayanApp, catalog: Catalog, auth: AuthBackend, sessions: SessionSigner): void {
  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/v1/session',
      tag: 'auth',
      summary: 'Sign in with e-mail and password: sets the session cookie and returns the CSRF token for unsafe requests',
      body: { schema: signInSchema },
      responses: { 200: { description: 'Signed in', schema: z.object({ user: principalSchema, csrfToken: z.string() }) }, 401: errorResponses[401], 422: errorResponses[422] },
    },
    async (c) => {
      const { email, password } = await parseBody(c, signInSchema);
      const userId = await auth.authenticate(email, password);
      const principal = userId === undefined ? undefined : await auth.loadPrincipal(userId);
      if (!principal) throw new ProblemError('invalid-credentials');
      const { cookie, csrf } = sessions.issue(principal.userId, SESSION_TTL_SECONDS);
      setCookie(c, SESSION_COOKIE, cookie, { httpOnly: true, sameSite: 'Lax', secure: !isLocalHost(c), path: '/', maxAge: SESSION_TTL_SECONDS });
      c.header('x-csrf-token', csrf);
      c.header('cache-control', 'no-store');
      return c.json({ user: { ...principal, via: 'session' as const }, csrfToken: csrf });
    },
  );
  defineRoute(
    app,
    { method: 'get', path: '/api/v1/session', tag: 'auth', summary: 'Who is signed in (session or token), with a fresh CSRF token for sessions', responses: { 200: { description: 'The principal', schema: z.object({ user: principalSchema, csrfToken: z.string().nullable() }) }, 401: errorResponses[401] }, auth: 'required' },
    (c) => {
      const user = requireUser(c);
      const claims = c.get('session');
      c.header('cache-control', 'no-store');
      return c.json({ user: { ...user, tokenId: undefined }, csrfToken: claims ? sessions.csrfFor(claims) : null });
    },
  );
  defineRoute(
    app,
    { method: 'delete', path: '/api/v1/session', tag: 'auth', summary: 'Sign out (clears the session cookie)', responses: { 204: { description: 'Signed out' } } },
    (c) => {
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: !isLocalHost(c), httpOnly: true, sameSite: 'Lax' });
      return c.body(null, 204);
    },
  );

  // Users: site administrators manage accounts and memberships.
  defineRoute(
    app,
    { method: 'get', path: '/api/v1/users', tag: 'users', summary: 'Every user (site administrator)', responses: { 200: { description: 'Users', schema: z.object({ items: z.array(userSchema) }) }, 401: errorResponses[401], 403: errorResponses[403] }, auth: 'required' },
    async (c) => {
      requireSiteAdmin(c);
      return c.json({ items: await catalog.users.list() });
    },
  );
  defineRoute(
    app,
    { method: 'post', path: '/api/v1/users', tag: 'users', summary: 'Create a user (site administrator)', body: { schema: newUserSchema }, responses: { 201: { description: 'Created', schema: userSchema }, 401: errorResponses[401], 403: errorResponses[403], 409: { description: 'E-mail in use' }, 422: errorResponses[422] }, auth: 'required' },
    async (c) => {
      requireSiteAdmin(c);
      const input = await parseBody(c, newUserSchema);
      const result = await catalog.users.create(input);
      if (!result.ok) throw catalogProblem(result.errors);
      return c.json(result.value, 201);
    },
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/users/{id}',
      tag: 'users',
      summary: 'A user with memberships (the user themself or a site administrator)',
      params: idParam,
      responses: { 200: { description: 'The user', schema: userSchema.extend({ memberships: z.array(z.object({ organizationId: z.string(), role: z.string() })) }) }, 403: errorResponses[403], 404: errorResponses[404] },
      auth: 'required',
    },
    async (c, { params }) => {
      const principal = requireUser(c);
      if (!principal.siteAdmin && principal.userId !== params.id) throw new ProblemError('forbidden');
      const user = await catalog.users.get(params.id);
      if (!user || user.id !== params.id) throw new ProblemError('not-found');
      return c.json({ ...user, memberships: await catalog.users.memberships(user.id) });
    },
  );
  defineRoute(
    app,
    {
      method: 'put',
      path: '/api/v1/users/{id}/roles',
      tag: 'users',
      summary: 'Give a user a role in an organisation, or remove it with role null (site administrator)',
      params: idParam,
      body: { schema: roleSchema },
      responses: { 204: { description: 'Done' }, 401: errorResponses[401], 403: errorResponses[403], 422: errorResponses[422] },
      auth: 'required',
    },
    async (c, { params }) => {
      requireSiteAdmin(c);
      const { organizationId, role } = await parseBody(c, roleSchema);
      if (role === null) await catalog.users.removeRole(params.id, organizationId);
      else {
        const result = await catalog.users.setRole(params.id, organizationId, role);
        if (!result.ok) throw catalogProblem(result.errors);
      }
      return c.body(null, 204);
    },
  );
  defineRoute(
    app,
    {
      method: 'put',
      path: '/api/v1/users/{id}/disabled',
      tag: 'users',
      summary: 'Disable or re-enable a user; takes effect on their next request (site administrator)',
      params: idParam,
      body: { schema: z.object({ disabled: z.boolean() }) },
      responses: { 204: { description: 'Done' }, 401: errorResponses[401], 403: errorResponses[403] },
      auth: 'required',
    },
    async (c, { params }) => {
      requireSiteAdmin(c);
      const { disabled } = await parseBody(c, z.object({ disabled: z.boolean() }));
      await catalog.users.setDisabled(params.id, disabled);
      return c.body(null, 204);
    },
  );

  // API tokens: users manage their own; site administrators anyone's.
  const ownerOrAdmin = (c: Context<BayanEnv>, userId: string) => {
    const principal = requireUser(c);
    if (!principal.siteAdmin && principal.userId !== userId) throw new ProblemError('forbidden');
    return principal;
  };
  defineRoute(
    app,
    { method: 'get', path: '/api/v1/users/{id}/tokens', tag: 'tokens', summary: 'A user’s API tokens (prefixes only; secrets are never shown again)', params: idParam, responses: { 200: { description: 'Tokens', schema: z.object({ items: z.array(apiTokenSchema) }) }, 403: errorResponses[403] }, auth: 'required' },
    async (c, { params }) => {
      ownerOrAdmin(c, params.id);
      return c.json({ items: (await auth.listApiTokens(params.id)).map(publicToken) });
    },
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/v1/users/{id}/tokens',
      tag: 'tokens',
      summary: 'Issue an API token; the secret is in the answer once',
      params: idParam,
      body: { schema: newTokenSchema },
      responses: { 201: { description: 'Issued', schema: apiTokenSchema.extend({ token: z.string() }) }, 403: errorResponses[403], 404: errorResponses[404], 422: errorResponses[422] },
      auth: 'required',
    },
    async (c, { params }) => {
      ownerOrAdmin(c, params.id);
      const input = await parseBody(c, newTokenSchema);
      const user = await catalog.users.get(params.id);
      if (!user || user.id !== params.id) throw new ProblemError('not-found');
      const issued = issueApiToken();
      const now = new Date();
      const stored: StoredApiToken = {
        id: randomUUID(),
        userId: user.id,
        prefix: issued.prefix,
        hash: issued.hash,
        name: input.name,
        createdAt: now.toISOString(),
        expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString() : null,
        revokedAt: null,
      };
      await auth.createApiToken(stored);
      c.header('cache-control', 'no-store');
      return c.json({ ...publicToken(stored), token: issued.token }, 201);
    },
  );
  defineRoute(
    app,
    {
      method: 'delete',
      path: '/api/v1/users/{id}/tokens/{tokenId}',
      tag: 'tokens',
      summary: 'Revoke an API token; it stops working at once',
      params: z.object({ id: z.string().min(1).max(200), tokenId: z.string().min(1).max(200) }),
      responses: { 204: { description: 'Revoked' }, 403: errorResponses[403], 404: errorResponses[404] },
      auth: 'required',
    },
    async (c, { params }) => {
      ownerOrAdmin(c, params.id);
      const token = (await auth.listApiTokens(params.id)).find((t) => t.id === params.tokenId);
      if (!token || !(await auth.revokeApiToken(token.id, new Date().toISOString()))) throw new ProblemError('not-found');
      return c.body(null, 204);
    },
  );
}
