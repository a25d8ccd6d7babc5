import type { Catalog, StoredApiToken, StoredSession } from '@bayan/catalog';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { issueApiToken } from '../apiToken';
import type { AuthBackend } from '../authBackend';
import type { BayanApp, BayanEnv } from '../context';
import { ProblemError } from '../problem';
import { SESSION_COOKIE, type SessionSigner } from '../session';
import { recordProblem, validationProblem } from '../validation';
import { defineRoute, idParam } from './define';
import { catalogProblem, jsonBody, requireSiteAdmin, requireUser } from './guards';
import { apiTokenSchema, errorResponses, principalSchema, sessionSchema, userSchema } from './schemas';

const signInSchema = z.object({ email: z.string().min(3).max(320), password: z.string().min(1).max(1024) }).meta({ id: 'SignIn' });
const newTokenSchema = z
  .object({ name: z.string().trim().min(1).max(100), expiresInDays: z.number().int().min(1).max(3650).optional() })
  .meta({ id: 'NewApiToken' });
const newUserSchema = z
  .object({ email: z.string().max(320), name: z.string().max(200), password: z.string().min(10).max(1024).optional(), siteAdmin: z.boolean().optional() })
  .meta({ id: 'NewUser' });
const roleSchema = z.object({ organizationId: z.string().min(1).max(200), role: z.enum(['admin', 'editor', 'viewer']).nullable() }).meta({ id: 'MembershipChange' });
const passwordChangeSchema = z
  .object({
    currentPassword: z.string().max(1024).optional().describe('Required when changing one’s own password.'),
    password: z.string().min(10).max(1024),
  })
  .meta({ id: 'PasswordChange' });

// Expired session rows are deleted at most this often per process, on sign-in.
const PRUNE_EVERY_MS = 10 * 60_000;

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
  return { id: t.id, userId: t.userId, prefix: t.prefix, name: t.name, createdAt: t.createdAt, expiresAt: t.expiresAt, revokedAt: t.revokedAt, lastUsedAt: t.lastUsedAt };
}

function publicSession(s: StoredSession, currentId: string | undefined) {
  return { id: s.id, userId: s.userId, createdAt: s.createdAt, expiresAt: s.expiresAt, lastSeenAt: s.lastSeenAt, userAgent: s.userAgent, current: s.id === currentId };
}

function clearSessionCookie(c: Context<BayanEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: !isLocalHost(c), httpOnly: true, sameSite: 'Lax' });
}

/** Registers sign-in/out, the current user, sessions, passwords, users (admin) and API tokens. */
export function registerAccountRoutes(app: BayanApp, catalog: Catalog, auth: AuthBackend, sessions: SessionSigner, sessionTtlSeconds: number): void {
  let lastPrune = 0;
  const pruneNowAndThen = async () => {
    if (Date.now() - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = Date.now();
    await auth.sessions.prune();
  };

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/v1/session',
      tag: 'auth',
      summary: 'Sign in with e-mail and password: starts a server-side session, sets its cookie and returns the CSRF token for unsafe requests',
      body: { schema: signInSchema },
      responses: { 200: { description: 'Signed in', schema: z.object({ user: principalSchema, csrfToken: z.string(), session: sessionSchema }) }, 401: errorResponses[401], 422: errorResponses[422] },
    },
    async (c) => {
      const { email, password } = await parseBody(c, signInSchema);
      const userId = await auth.authenticate(email, password);
      const principal = userId === undefined ? undefined : await auth.loadPrincipal(userId);
      if (!principal) throw new ProblemError('invalid-credentials');
      // Signing in again from the same browser ends the session it had.
      const previous = c.get('session');
      if (previous) await auth.sessions.revoke(previous.id);
      const started = await auth.sessions.create({ userId: principal.userId, ttlSeconds: sessionTtlSeconds, userAgent: c.req.header('user-agent') ?? null });
      if (!started.ok) throw catalogProblem(started.errors);
      await pruneNowAndThen();
      const { secret, session } = started.value;
      const csrf = sessions.csrfFor(secret);
      setCookie(c, SESSION_COOKIE, sessions.sign(secret), { httpOnly: true, sameSite: 'Lax', secure: !isLocalHost(c), path: '/', maxAge: sessionTtlSeconds });
      c.header('x-csrf-token', csrf);
      c.header('cache-control', 'no-store');
      return c.json({ user: { ...principal, via: 'session' as const }, csrfToken: csrf, session: publicSession(session, session.id) });
    },
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/session',
      tag: 'auth',
      summary: 'Who is signed in (session or token), with a fresh CSRF token and the session for cookie sessions',
      responses: { 200: { description: 'The principal', schema: z.object({ user: principalSchema, csrfToken: z.string().nullable(), session: sessionSchema.nullable() }) }, 401: errorResponses[401] },
      auth: 'required',
    },
    (c) => {
      const user = requireUser(c);
      const session = c.get('session');
      c.header('cache-control', 'no-store');
      return c.json({ user: { ...user, tokenId: undefined }, csrfToken: session ? sessions.csrfFor(session.secret) : null, session: session ? publicSession(session, session.id) : null });
    },
  );
  defineRoute(
    app,
    { method: 'delete', path: '/api/v1/session', tag: 'auth', summary: 'Sign out: revokes the session at once (a copied cookie stops working too) and clears the cookie', responses: { 204: { description: 'Signed out' } } },
    async (c) => {
      const session = c.get('session');
      if (session) await auth.sessions.revoke(session.id);
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );

  // Sessions: users see and end their own; site administrators anyone's.
  const ownerOrAdmin = (c: Context<BayanEnv>, userId: string) => {
    const principal = requireUser(c);
    if (!principal.siteAdmin && principal.userId !== userId) throw new ProblemError('forbidden');
    return principal;
  };
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/users/{id}/sessions',
      tag: 'auth',
      summary: 'A user’s active sign-in sessions, newest first, the caller’s own marked `current` (the user themself or a site administrator)',
      params: idParam,
      responses: { 200: { description: 'Sessions', schema: z.object({ items: z.array(sessionSchema) }) }, 401: errorResponses[401], 403: errorResponses[403] },
      auth: 'required',
    },
    async (c, { params }) => {
      ownerOrAdmin(c, params.id);
      c.header('cache-control', 'no-store');
      return c.json({ items: (await auth.sessions.list(params.id)).map((s) => publicSession(s, c.get('session')?.id)) });
    },
  );
  defineRoute(
    app,
    {
      method: 'delete',
      path: '/api/v1/users/{id}/sessions/{sessionId}',
      tag: 'auth',
      summary: 'End one sign-in session; it stops working on its next request (the user themself or a site administrator)',
      params: z.object({ id: z.string().min(1).max(200), sessionId: z.string().min(1).max(200) }),
      responses: { 204: { description: 'Revoked' }, 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404] },
      auth: 'required',
    },
    async (c, { params }) => {
      ownerOrAdmin(c, params.id);
      if (!(await auth.sessions.revoke(params.sessionId, { userId: params.id }))) throw new ProblemError('not-found');
      if (c.get('session')?.id === params.sessionId) clearSessionCookie(c);
      return c.body(null, 204);
    },
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/v1/users/{id}/sessions/revoke-all',
      tag: 'auth',
      summary: 'Sign a user out everywhere: every session of theirs stops working on its next request, the caller’s own included (the user themself or a site administrator)',
      params: idParam,
      responses: { 200: { description: 'How many sessions were ended', schema: z.object({ revoked: z.number().int() }) }, 401: errorResponses[401], 403: errorResponses[403] },
      auth: 'required',
    },
    async (c, { params }) => {
      ownerOrAdmin(c, params.id);
      const revoked = await auth.sessions.revokeForUser(params.id);
      if (c.get('session')?.userId === params.id) clearSessionCookie(c);
      return c.json({ revoked });
    },
  );
  defineRoute(
    app,
    {
      method: 'put',
      path: '/api/v1/users/{id}/password',
      tag: 'users',
      summary:
        'Change a password: one’s own with the current password, anyone’s as a site administrator. Every other session of the user ends at once (API tokens stay valid).',
      params: idParam,
      body: { schema: passwordChangeSchema },
      responses: { 204: { description: 'Changed' }, 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404], 422: errorResponses[422] },
      auth: 'required',
    },
    async (c, { params }) => {
      const principal = ownerOrAdmin(c, params.id);
      const { currentPassword, password } = await parseBody(c, passwordChangeSchema);
      const self = principal.userId === params.id;
      if (self && (currentPassword === undefined || (await auth.authenticate(principal.email, currentPassword)) !== principal.userId)) {
        throw recordProblem([
          {
            code: 'wrong_password',
            path: '/currentPassword',
            message: { fr: 'le mot de passe actuel est incorrect', ar: 'كلمة المرور الحالية غير صحيحة', en: 'the current password is wrong' },
          },
        ]);
      }
      // The catalogue ends the user's other sessions in the same transaction, sparing this one when it is the user's own.
      const keep = self ? c.get('session')?.id : undefined;
      const changed = await catalog.users.setPassword(params.id, password, keep !== undefined ? { keepSession: keep } : {});
      if (!changed.ok) throw catalogProblem(changed.errors);
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
      summary: 'Disable or re-enable a user; takes effect on their next request, and disabling ends their sessions (site administrator)',
      params: idParam,
      body: { schema: z.object({ disabled: z.boolean() }) },
      responses: { 204: { description: 'Done' }, 401: errorResponses[401], 403: errorResponses[403] },
      auth: 'required',
    },
    async (c, { params }) => {
      requireSiteAdmin(c);
      const { disabled } = await parseBody(c, z.object({ disabled: z.boolean() }));
      // Disabling ends the user's sessions in the same transaction; re-enabling does not bring them back.
      await catalog.users.setDisabled(params.id, disabled);
      return c.body(null, 204);
    },
  );

  // API tokens: users manage their own; site administrators anyone's.
  defineRoute(
    app,
    { method: 'get', path: '/api/v1/users/{id}/tokens', tag: 'tokens', summary: 'A user’s API tokens (prefixes only; secrets are never shown again)', params: idParam, responses: { 200: { description: 'Tokens', schema: z.object({ items: z.array(apiTokenSchema) }) }, 403: errorResponses[403] }, auth: 'required' },
    async (c, { params }) => {
      ownerOrAdmin(c, params.id);
      return c.json({ items: (await auth.tokens.list(params.id)).map(publicToken) });
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
      const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000).toISOString() : null;
      const stored = await auth.tokens.create({ userId: user.id, prefix: issued.prefix, hash: issued.hash, name: input.name, expiresAt });
      if (!stored.ok) throw catalogProblem(stored.errors);
      c.header('cache-control', 'no-store');
      return c.json({ ...publicToken(stored.value), token: issued.token }, 201);
    },
  );
  defineRoute(
    app,
    {
      method: 'delete',
      path: '/api/v1/users/{id}/tokens/{tokenId}',
      tag: 'tokens',
      summary: 'Revoke an API token; it stops working on its next request',
      params: z.object({ id: z.string().min(1).max(200), tokenId: z.string().min(1).max(200) }),
      responses: { 204: { description: 'Revoked' }, 403: errorResponses[403], 404: errorResponses[404] },
      auth: 'required',
    },
    async (c, { params }) => {
      ownerOrAdmin(c, params.id);
      if (!(await auth.tokens.revoke(params.tokenId, { userId: params.id }))) throw new ProblemError('not-found');
      return c.body(null, 204);
    },
  );
}
