/* eslint-disable @typescript-eslint/no-unsafe-call -- HTTP tests read untyped JSON answers */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type RunningServer } from '../src/index';
import { api, backends, signIn, startFixture, tokenFor, type Fixture } from './harness';

const SECRET = 'a-session-key-shared-by-every-process-0123456789';

describe.each(backends)('server-side sessions on %s', (backend) => {
  let f: Fixture;
  let second: RunningServer;
  let admin: string;

  beforeAll(async () => {
    f = await startFixture(backend, { sessionSecret: SECRET });
    // Another server over the same database with the same key, as a second process would be.
    second = await (await createServer({ catalog: f.catalog, sessionSecret: SECRET, rateLimits: false, onError: () => undefined })).listen({ port: 0 });
    admin = (await tokenFor(f.url, f.users.admin)).token;
  }, 60_000);
  afterAll(async () => {
    await second?.close();
    await f?.close();
  });

  const me = (cookie: string, url = f.url) => api(url, '/api/v1/session', { headers: { cookie } });
  const newUser = async (email: string, password = 'first-password-1') => {
    const created = await api(f.url, '/api/v1/users', { method: 'POST', token: admin, body: { email, name: email, password } });
    expect(created.status).toBe(201);
    return { id: created.body.id as string, email, password };
  };

  it('stores only the SHA-256 of the secret the cookie carries, and lists the session as current', async () => {
    const res = await fetch(`${f.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Bayan test browser' },
      body: JSON.stringify({ email: f.users.viewerA.email, password: f.users.viewerA.password }),
    });
    const body = (await res.json()) as { session: { id: string; current: boolean } };
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const secret = decodeURIComponent(cookie.slice('bayan_session='.length)).split('.')[0] ?? '';
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await f.catalog.store.db.selectFrom('sessions').selectAll().where('user_id', '=', f.users.viewerA.id).execute();
    expect(rows.map((r) => r.token_hash)).toContain(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(secret);
    const list = await api(f.url, `/api/v1/users/${f.users.viewerA.id}/sessions`, { headers: { cookie } });
    expect(list.status).toBe(200);
    expect(list.body.items.find((s: { id: string }) => s.id === body.session.id)).toMatchObject({ current: true, userAgent: 'Bayan test browser', userId: f.users.viewerA.id });
    expect(JSON.stringify(list.body)).not.toContain(secret);
  });

  it('signing out revokes the session on the server: a copy of the cookie stops working on the next request', async () => {
    const { cookie } = await signIn(f.url, f.users.editorA.email);
    expect((await me(cookie)).status).toBe(200);
    const out = await fetch(`${f.url}/api/v1/session`, { method: 'DELETE', headers: { cookie } });
    expect(out.status).toBe(204);
    expect((await me(cookie)).status).toBe(401);
    expect((await me(cookie, second.url)).status).toBe(401);
  });

  it('a session started on one server works on another, and revoking it there applies at once', async () => {
    const { cookie, csrf } = await signIn(f.url, f.users.editorA.email);
    expect((await me(cookie, second.url)).body.user.email).toBe(f.users.editorA.email);
    const sessionId = (await me(cookie)).body.session.id as string;
    const revoked = await api(second.url, `/api/v1/users/${f.users.editorA.id}/sessions/${sessionId}`, { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrf } });
    expect(revoked.status).toBe(204);
    expect(revoked.headers.get('set-cookie')).toMatch(/bayan_session=;.*Max-Age=0/);
    expect((await me(cookie)).status).toBe(401);
  });

  it('ends one other session of the user without touching the caller’s', async () => {
    const laptop = await signIn(f.url, f.users.adminA.email);
    const phone = await signIn(f.url, f.users.adminA.email);
    const phoneId = (await me(phone.cookie)).body.session.id as string;
    const res = await api(f.url, `/api/v1/users/${f.users.adminA.id}/sessions/${phoneId}`, { method: 'DELETE', headers: { cookie: laptop.cookie, 'x-csrf-token': laptop.csrf } });
    expect(res.status).toBe(204);
    expect((await me(phone.cookie)).status).toBe(401);
    expect((await me(laptop.cookie)).status).toBe(200);
    const again = await api(f.url, `/api/v1/users/${f.users.adminA.id}/sessions/${phoneId}`, { method: 'DELETE', headers: { cookie: laptop.cookie, 'x-csrf-token': laptop.csrf } });
    expect(again.status).toBe(404);
  });

  it('revoke-all signs the user out everywhere, the caller’s session included', async () => {
    const user = await newUser('everywhere@example.ma');
    const a = await signIn(f.url, user.email, user.password);
    const b = await signIn(second.url, user.email, user.password);
    const { token } = await tokenFor(f.url, user);
    const res = await api(f.url, `/api/v1/users/${user.id}/sessions/revoke-all`, { method: 'POST', headers: { cookie: a.cookie, 'x-csrf-token': a.csrf } });
    expect(res.status).toBe(200);
    expect(res.body.revoked).toBe(3);
    expect(res.headers.get('set-cookie')).toMatch(/bayan_session=;.*Max-Age=0/);
    expect((await me(a.cookie)).status).toBe(401);
    expect((await me(b.cookie, second.url)).status).toBe(401);
    expect((await api(f.url, '/api/v1/session', { token })).status).toBe(200);
    expect((await api(f.url, `/api/v1/users/${user.id}/sessions`, { token })).body.items).toEqual([]);
  });

  it('still requires the session’s CSRF token for unsafe requests', async () => {
    const one = await signIn(f.url, f.users.viewerA.email);
    const other = await signIn(f.url, f.users.viewerA.email);
    const path = `/api/v1/users/${f.users.viewerA.id}/sessions/revoke-all`;
    const without = await api(f.url, path, { method: 'POST', headers: { cookie: one.cookie } });
    expect(without.status).toBe(403);
    expect(without.body.type).toBe('/api/v1/problems/csrf');
    const foreign = await api(f.url, path, { method: 'POST', headers: { cookie: one.cookie, 'x-csrf-token': other.csrf } });
    expect(foreign.status).toBe(403);
    expect((await me(one.cookie)).status).toBe(200);
    expect((await me(one.cookie)).body.csrfToken).toBe(one.csrf);
  });

  it('lets only the user themself or a site administrator see and end their sessions', async () => {
    const { token: viewer } = await tokenFor(f.url, f.users.viewerA);
    const victim = await signIn(f.url, f.users.editorB.email);
    expect((await api(f.url, `/api/v1/users/${f.users.editorB.id}/sessions`, { token: viewer })).status).toBe(403);
    expect((await api(f.url, `/api/v1/users/${f.users.editorB.id}/sessions/revoke-all`, { method: 'POST', token: viewer })).status).toBe(403);
    expect((await me(victim.cookie)).status).toBe(200);
    const listed = await api(f.url, `/api/v1/users/${f.users.editorB.id}/sessions`, { token: admin });
    expect(listed.body.items.length).toBeGreaterThanOrEqual(1);
    expect(listed.body.items.every((s: { current: boolean }) => !s.current)).toBe(true);
    const all = await api(f.url, `/api/v1/users/${f.users.editorB.id}/sessions/revoke-all`, { method: 'POST', token: admin });
    expect(all.body.revoked).toBeGreaterThanOrEqual(1);
    expect((await me(victim.cookie)).status).toBe(401);
  });

  it('refuses a session whose row has expired, on the next request', async () => {
    const { cookie } = await signIn(f.url, f.users.viewerA.email);
    const id = (await me(cookie)).body.session.id as string;
    await f.catalog.store.db.updateTable('sessions').set({ expires_at: '2000-01-01T00:00:00.000Z' }).where('id', '=', id).execute();
    expect((await me(cookie)).status).toBe(401);
  });

  it('changing one’s password needs the current one and ends every other session, keeping this one', async () => {
    const user = await newUser('password@example.ma');
    const here = await signIn(f.url, user.email, user.password);
    const elsewhere = await signIn(second.url, user.email, user.password);
    const { token } = await tokenFor(f.url, user);
    const path = `/api/v1/users/${user.id}/password`;
    const headers = { cookie: here.cookie, 'x-csrf-token': here.csrf };
    const wrong = await api(f.url, path, { method: 'PUT', headers: { ...headers, 'accept-language': 'ar' }, body: { currentPassword: 'not-the-password', password: 'second-password-2' } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual([{ pointer: '/body/currentPassword', code: 'wrong_password', detail: 'كلمة المرور الحالية غير صحيحة' }]);
    expect((await api(f.url, path, { method: 'PUT', headers, body: { password: 'second-password-2' } })).status).toBe(422);
    expect((await me(elsewhere.cookie, second.url)).status).toBe(200);
    const weak = await api(f.url, path, { method: 'PUT', headers, body: { currentPassword: user.password, password: 'short' } });
    expect(weak.status).toBe(422);
    const ok = await api(f.url, path, { method: 'PUT', headers, body: { currentPassword: user.password, password: 'second-password-2' } });
    expect(ok.status).toBe(204);
    expect((await me(elsewhere.cookie, second.url)).status).toBe(401);
    expect((await me(here.cookie)).status).toBe(200);
    expect((await api(f.url, '/api/v1/session', { token })).status).toBe(200);
    expect((await api(f.url, '/api/v1/session', { method: 'POST', body: { email: user.email, password: user.password } })).status).toBe(401);
    await signIn(f.url, user.email, 'second-password-2');
  });

  it('a site administrator resetting a password ends all of that user’s sessions', async () => {
    const user = await newUser('reset@example.ma');
    const session = await signIn(f.url, user.email, user.password);
    const res = await api(f.url, `/api/v1/users/${user.id}/password`, { method: 'PUT', token: admin, body: { password: 'reset-by-admin-3' } });
    expect(res.status).toBe(204);
    expect((await me(session.cookie)).status).toBe(401);
    await signIn(f.url, user.email, 'reset-by-admin-3');
    const { token: viewer } = await tokenFor(f.url, f.users.viewerA);
    expect((await api(f.url, `/api/v1/users/${user.id}/password`, { method: 'PUT', token: viewer, body: { password: 'not-allowed-here' } })).status).toBe(403);
  });

  it('disabling a user ends their sessions for good: re-enabling does not bring them back', async () => {
    const user = await newUser('disabled@example.ma');
    const session = await signIn(f.url, user.email, user.password);
    expect((await api(f.url, `/api/v1/users/${user.id}/disabled`, { method: 'PUT', token: admin, body: { disabled: true } })).status).toBe(204);
    expect((await me(session.cookie)).status).toBe(401);
    expect((await api(f.url, `/api/v1/users/${user.id}/disabled`, { method: 'PUT', token: admin, body: { disabled: false } })).status).toBe(204);
    expect((await me(session.cookie)).status).toBe(401);
    expect((await me((await signIn(f.url, user.email, user.password)).cookie)).status).toBe(200);
  });

  it('a token revoked through one server is refused by the other on the next request, and shows when it was last used', async () => {
    const { token, id } = await tokenFor(f.url, f.users.editorA);
    expect((await api(second.url, '/api/v1/session', { token })).status).toBe(200);
    const listed = await api(f.url, `/api/v1/users/${f.users.editorA.id}/tokens`, { token });
    expect(listed.body.items.find((t: { id: string }) => t.id === id).lastUsedAt).toEqual(expect.any(String));
    expect((await api(f.url, `/api/v1/users/${f.users.editorA.id}/tokens/${id}`, { method: 'DELETE', token })).status).toBe(204);
    expect((await api(second.url, '/api/v1/session', { token })).status).toBe(401);
  });
});
