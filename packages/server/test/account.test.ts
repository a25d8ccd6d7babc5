/* eslint-disable @typescript-eslint/no-unsafe-call -- HTTP tests read untyped JSON answers */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, backends, datasetBody, signIn, startFixture, tokenFor, type Fixture } from './harness';

describe.each(backends)('sessions, users and API tokens on %s', (backend) => {
  let f: Fixture;
  let admin: string;

  beforeAll(async () => {
    f = await startFixture(backend);
    admin = (await tokenFor(f.url, f.users.admin)).token;
  }, 60_000);
  afterAll(async () => f?.close());

  it('signs in with a session cookie that is HttpOnly, SameSite and not Secure on localhost', async () => {
    const res = await fetch(`${f.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: f.users.editorA.email, password: f.users.editorA.password }) });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^bayan_session=[^;]+;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const body = (await res.json()) as { user: { email: string; memberships: unknown[] }; csrfToken: string };
    expect(body.user.email).toBe(f.users.editorA.email);
    expect(body.user.memberships).toEqual([{ organizationId: f.orgA, role: 'editor' }]);
    expect(body.csrfToken.length).toBeGreaterThan(20);
  });

  it('marks the cookie Secure when the server is reached by another host name', async () => {
    // fetch() will not send another Host header; node:http will.
    const cookie = await new Promise<string>((resolve, reject) => {
      const req = request(`${f.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json', host: 'data.example.ma' } }, (res) => {
        res.resume();
        resolve(String(res.headers['set-cookie'] ?? ''));
      });
      req.on('error', reject);
      req.end(JSON.stringify({ email: f.users.editorA.email, password: f.users.editorA.password }));
    });
    expect(cookie).toMatch(/; Secure/);
  });

  it('refuses a wrong password with 401 in French by default', async () => {
    const res = await api(f.url, '/api/v1/session', { method: 'POST', body: { email: f.users.editorA.email, password: 'wrong-password' } });
    expect(res.status).toBe(401);
    expect(res.body.detail).toBe('Adresse e-mail ou mot de passe incorrect.');
    expect(res.headers.get('content-language')).toBe('fr');
  });

  it('tells who is signed in, and signs out', async () => {
    const { cookie } = await signIn(f.url, f.users.viewerA.email);
    const me = await api(f.url, '/api/v1/session', { headers: { cookie } });
    expect(me.body.user.email).toBe(f.users.viewerA.email);
    const out = await fetch(`${f.url}/api/v1/session`, { method: 'DELETE', headers: { cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/bayan_session=;.*Max-Age=0/);
  });

  it('refuses a forged or tampered session cookie', async () => {
    const { cookie } = await signIn(f.url, f.users.viewerA.email);
    const tampered = `${cookie.slice(0, -3)}abc`;
    expect((await api(f.url, '/api/v1/session', { headers: { cookie: tampered } })).status).toBe(401);
  });

  it('issues tokens shown once, lists them by prefix, and revocation works at once', async () => {
    const { token, id } = await tokenFor(f.url, f.users.editorA);
    expect((await api(f.url, '/api/v1/session', { token })).body.user.email).toBe(f.users.editorA.email);
    const list = await api(f.url, `/api/v1/users/${f.users.editorA.id}/tokens`, { token });
    expect(list.body.items.some((t: { id: string; prefix: string }) => t.id === id && token.includes(t.prefix))).toBe(true);
    expect(JSON.stringify(list.body)).not.toContain(token);
    const revoke = await api(f.url, `/api/v1/users/${f.users.editorA.id}/tokens/${id}`, { method: 'DELETE', token });
    expect(revoke.status).toBe(204);
    const after = await api(f.url, '/api/v1/session', { token });
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toContain('invalid_token');
    expect((await api(f.url, '/api/v1/datasets', { method: 'POST', token, body: datasetBody(f.orgA) })).status).toBe(401);
  });

  it('accepts the token in CKAN’s X-CKAN-API-Key header', async () => {
    const { token } = await tokenFor(f.url, f.users.viewerA);
    const me = await api(f.url, '/api/v1/session', { headers: { 'x-ckan-api-key': token } });
    expect(me.body.user.email).toBe(f.users.viewerA.email);
  });

  it('refuses another user’s tokens to non-admins', async () => {
    const { token } = await tokenFor(f.url, f.users.viewerA);
    expect((await api(f.url, `/api/v1/users/${f.users.editorA.id}/tokens`, { token })).status).toBe(403);
    expect((await api(f.url, `/api/v1/users/${f.users.editorA.id}/tokens`, { method: 'POST', token, body: { name: 'x' } })).status).toBe(403);
  });

  it('lets site administrators manage users, roles and disabling, effective on the next request', async () => {
    const { token: viewer } = await tokenFor(f.url, f.users.viewerA);
    expect((await api(f.url, '/api/v1/users', { token: viewer })).status).toBe(403);
    const list = await api(f.url, '/api/v1/users', { token: admin });
    expect(list.body.items).toHaveLength(5);
    const created = await api(f.url, '/api/v1/users', { method: 'POST', token: admin, body: { email: 'new@example.ma', name: 'New', password: 'long-enough-pw' } });
    expect(created.status).toBe(201);
    const dup = await api(f.url, '/api/v1/users', { method: 'POST', token: admin, body: { email: 'new@example.ma', name: 'New', password: 'long-enough-pw' } });
    expect(dup.status).toBe(409);
    const role = await api(f.url, `/api/v1/users/${created.body.id}/roles`, { method: 'PUT', token: admin, body: { organizationId: f.orgB, role: 'editor' } });
    expect(role.status).toBe(204);
    const shown = await api(f.url, `/api/v1/users/${created.body.id}`, { token: admin });
    expect(shown.body.memberships).toEqual([expect.objectContaining({ organizationId: f.orgB, role: 'editor' })]);
    const { token: newToken } = await tokenFor(f.url, { id: created.body.id, email: 'new@example.ma', password: 'long-enough-pw' });
    expect((await api(f.url, '/api/v1/datasets', { method: 'POST', token: newToken, body: datasetBody(f.orgB) })).status).toBe(201);
    await api(f.url, `/api/v1/users/${created.body.id}/roles`, { method: 'PUT', token: admin, body: { organizationId: f.orgB, role: null } });
    expect((await api(f.url, '/api/v1/datasets', { method: 'POST', token: newToken, body: datasetBody(f.orgB) })).status).toBe(403);
    await api(f.url, `/api/v1/users/${created.body.id}/disabled`, { method: 'PUT', token: admin, body: { disabled: true } });
    expect((await api(f.url, '/api/v1/session', { token: newToken })).status).toBe(401);
  });

  it('records an audit entry for every write, refused ones included', async () => {
    await api(f.url, '/api/v1/datasets', { method: 'POST', body: datasetBody(f.orgA) });
    const audit = await api(f.url, '/api/v1/audit?limit=200', { token: admin });
    expect(audit.status).toBe(200);
    const refused = audit.body.items.find((e: { status: number; via: string; path: string }) => e.status === 401 && e.via === 'anonymous' && e.path === '/api/v1/datasets');
    expect(refused).toMatchObject({ action: 'POST /api/v1/datasets', actorId: null });
    expect(audit.body.items.some((e: { action: string; status: number }) => e.action === 'PUT /api/v1/users/:id/roles' && e.status === 204)).toBe(true);
    expect(audit.body.items.every((e: { action: string }) => !e.action.startsWith('GET'))).toBe(true);
    const first = await api(f.url, '/api/v1/audit?limit=2', { token: admin });
    const next = await api(f.url, `/api/v1/audit?limit=2&before=${first.body.items[1].id}`, { token: admin });
    expect(next.body.items.map((e: { id: number }) => e.id)).toEqual(audit.body.items.slice(2, 4).map((e: { id: number }) => e.id));
  });
});
