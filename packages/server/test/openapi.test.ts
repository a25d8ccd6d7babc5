/* eslint-disable @typescript-eslint/no-unsafe-call -- HTTP tests read untyped JSON answers */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startFixture, type Fixture } from './harness';

describe('OpenAPI document and reference page', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await startFixture('sqlite');
  }, 60_000);
  afterAll(async () => f?.close());

  it('is OpenAPI 3.1 with every REST route, generated from the zod schemas', async () => {
    const { status, body } = await api(f.url, '/api/v1/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    const operations = Object.entries(body.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));
    expect(operations).toEqual(
      expect.arrayContaining([
        'GET /api/v1/datasets',
        'POST /api/v1/datasets',
        'GET /api/v1/datasets/{id}',
        'PUT /api/v1/datasets/{id}',
        'DELETE /api/v1/datasets/{id}',
        'POST /api/v1/datasets/{id}/publish',
        'POST /api/v1/datasets/{id}/withdraw',
        'GET /api/v1/datasets/{id}/revisions',
        'POST /api/v1/datasets/{id}/revisions/{revision}/restore',
        'GET /api/v1/organizations',
        'GET /api/v1/organizations/{id}/inventory',
        'POST /api/v1/inventory',
        'POST /api/v1/session',
        'POST /api/v1/users/{id}/tokens',
        'GET /api/v1/users/{id}/sessions',
        'DELETE /api/v1/users/{id}/sessions/{sessionId}',
        'POST /api/v1/users/{id}/sessions/revoke-all',
        'PUT /api/v1/users/{id}/password',
        'GET /api/v1/harvest/sources',
        'GET /api/v1/activity',
        'GET /catalog.ttl',
        'GET /dataset/{id}',
      ]),
    );
    expect(operations.length).toBeGreaterThanOrEqual(40);
    expect(body.components.schemas.StoredDataset.properties.record).toEqual({ $ref: '#/components/schemas/Dataset' });
    expect(body.components.schemas.Dataset.properties.title.properties).toHaveProperty('ar');
    const search = body.paths['/api/v1/datasets'].get;
    expect(search.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['q', 'theme', 'sort', 'limit', 'cursor']));
    expect(body.paths['/api/v1/datasets'].post.security).toEqual([{ bearer: [] }, { session: [] }]);
    expect(body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('matches the committed openapi.json (run `pnpm --filter @bayan/server openapi` after changing routes)', async () => {
    const { body } = await api(f.url, '/api/v1/openapi.json');
    const committed = JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8'));
    expect(committed.paths).toEqual(body.paths);
    expect(committed.components).toEqual(body.components);
  });

  it('renders a readable reference page with every operation, escaped, without scripts', async () => {
    const res = await fetch(`${f.url}/api/v1/reference`);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<code>/api/v1/datasets/{id}/revisions/{revision}/restore</code>');
    expect(html).not.toContain('<script');
  });

  it('describes each problem type in the requested language', async () => {
    const res = await api(f.url, '/api/v1/problems/rate-limited', { headers: { 'accept-language': 'ar, fr;q=0.5' } });
    expect(res.body).toMatchObject({ type: '/api/v1/problems/rate-limited', status: 429, title: 'طلبات كثيرة جدا' });
    expect((await api(f.url, '/api/v1/problems/nope')).status).toBe(404);
  });

  it('answers unknown routes and validation failures as problem+json in fr, ar or en', async () => {
    const en = await api(f.url, '/api/v1/datasets?limit=5000', { headers: { 'accept-language': 'en-GB' } });
    expect(en.status).toBe(422);
    expect(en.body.errors).toEqual([{ pointer: '/query/limit', code: 'too_big', detail: 'must be at most 100' }]);
    const fr = await api(f.url, '/api/v1/datasets?limit=5000');
    expect(fr.body.errors[0].detail).toBe('doit être au plus 100');
    const ar = await api(f.url, '/api/v1/datasets?sort=random', { headers: { 'accept-language': 'ar' } });
    expect(ar.body.errors[0]).toMatchObject({ pointer: '/query/sort', code: 'invalid_value' });
    expect(ar.body.title).toBe('بيانات غير صالحة');
  });

  it('reports status and links at the root when no portal is built', async () => {
    const root = await api(f.url, '/');
    expect(root.body.openapi).toMatch(/\/api\/v1\/openapi\.json$/);
    const status = await api(f.url, '/api/v1/status');
    expect(status.body).toMatchObject({ name: 'Bayan', backend: 'sqlite', datasets: 0 });
  });
});
