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
});
