import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createClient } from './client';
import { BayanApiError } from './errors';

// The server's committed OpenAPI document, answered at its real path by a fetch that records requests.
const documentText = readFileSync(new URL('../../server/openapi.json', import.meta.url), 'utf8');

function recordingFetch(answer: (url: URL) => Response) {
  const seen: { method: string; url: URL }[] = [];
  const fetchFn = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input);
    seen.push({ method: init?.method ?? 'GET', url });
    return Promise.resolve(answer(url));
  }) as typeof fetch;
  return { seen, fetchFn };
}

describe('createClient', () => {
  it('reads the OpenAPI document from /api/v1/openapi.json', async () => {
    const { seen, fetchFn } = recordingFetch((url) => (url.pathname === '/api/v1/openapi.json' ? new Response(documentText) : new Response('{}', { status: 404 })));
    const doc = await createClient({ baseUrl: 'http://api.test/', fetch: fetchFn }).openapi();
    expect(doc.openapi).toBe('3.1.0');
    expect(seen.map((r) => `${r.method} ${r.url.pathname}`)).toEqual(['GET /api/v1/openapi.json']);
  });

  it('gets a datastore resource with its id encoded as one path segment, and reports 404 as BayanApiError', async () => {
    const { seen, fetchFn } = recordingFetch(() => Response.json({ type: 'about:blank', title: 'Not found', status: 404, detail: 'no such resource' }, { status: 404 }));
    const error = await createClient({ baseUrl: 'http://api.test', fetch: fetchFn }).datastore.get('ds-1/dist-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BayanApiError);
    expect((error as BayanApiError).status).toBe(404);
    expect(seen[0]?.url.pathname).toBe('/api/v1/datastore/ds-1%2Fdist-1');
  });

  it('ends sessions and changes passwords at the server’s paths, sending the CSRF token it received at sign-in', async () => {
    const requests: { method: string; path: string; csrf: string | null; body: unknown }[] = [];
    const fetchFn = ((input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : input);
      const headers = new Headers(init?.headers);
      requests.push({ method: init?.method ?? 'GET', path: url.pathname, csrf: headers.get('x-csrf-token'), body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined });
      if (url.pathname === '/api/v1/session') return Promise.resolve(Response.json({ user: { userId: 'u1' }, csrfToken: 'csrf-1', session: { id: 's1' } }));
      if (url.pathname.endsWith('/revoke-all')) return Promise.resolve(Response.json({ revoked: 2 }));
      return Promise.resolve(new Response(null, { status: 204 }));
    }) as typeof fetch;
    const client = createClient({ baseUrl: 'http://api.test', fetch: fetchFn });
    await client.session.signIn('a@example.ma', 'pw');
    expect(await client.sessions.revokeAll('u1')).toBe(2);
    await client.sessions.revoke('u1', 's/2');
    await client.users.setPassword('u1', 'new-password-1', 'old-password-1');
    expect(requests.slice(1)).toEqual([
      { method: 'POST', path: '/api/v1/users/u1/sessions/revoke-all', csrf: 'csrf-1', body: undefined },
      { method: 'DELETE', path: '/api/v1/users/u1/sessions/s%2F2', csrf: 'csrf-1', body: undefined },
      { method: 'PUT', path: '/api/v1/users/u1/password', csrf: 'csrf-1', body: { password: 'new-password-1', currentPassword: 'old-password-1' } },
    ]);
  });
});
