/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call -- HTTP tests read untyped JSON answers */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, backends, datasetBody, signIn, startFixture, tokenFor, type Fixture } from './harness';

describe.each(backends)('dataset routes on %s', (backend) => {
  let f: Fixture;
  let editorA: string;
  let adminA: string;
  let editorB: string;
  let viewerA: string;

  beforeAll(async () => {
    f = await startFixture(backend);
    editorA = (await tokenFor(f.url, f.users.editorA)).token;
    adminA = (await tokenFor(f.url, f.users.adminA)).token;
    editorB = (await tokenFor(f.url, f.users.editorB)).token;
    viewerA = (await tokenFor(f.url, f.users.viewerA)).token;
  }, 60_000);
  afterAll(async () => f?.close());

  it('creates a draft as an editor of the organisation, with Location and ETag', async () => {
    const res = await api(f.url, '/api/v1/datasets', { method: 'POST', token: editorA, body: datasetBody(f.orgA, { slug: 'budget-2025' }) });
    expect(res.status).toBe(201);
    expect(res.body.slug).toBe('budget-2025');
    expect(res.body.state).toBe('draft');
    expect(res.headers.get('location')).toBe(`/api/v1/datasets/${res.body.id}`);
    expect(res.headers.get('etag')).toBe(`"${res.body.revision}"`);
  });

  it('refuses a write without credentials (401) and by another organisation’s editor (403)', async () => {
    const anonymous = await api(f.url, '/api/v1/datasets', { method: 'POST', body: datasetBody(f.orgA) });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
    const foreign = await api(f.url, '/api/v1/datasets', { method: 'POST', token: editorB, body: datasetBody(f.orgA) });
    expect(foreign.status).toBe(403);
    const viewer = await api(f.url, '/api/v1/datasets', { method: 'POST', token: viewerA, body: datasetBody(f.orgA) });
    expect(viewer.status).toBe(403);
    const update = await api(f.url, '/api/v1/datasets/budget-2025', { method: 'PUT', token: editorB, body: datasetBody(f.orgB) });
    expect(update.status).toBe(404);
  });

  it('hides drafts from the public and other organisations, shows them to members', async () => {
    expect((await api(f.url, '/api/v1/datasets/budget-2025')).status).toBe(404);
    expect((await api(f.url, '/api/v1/datasets/budget-2025', { token: editorB })).status).toBe(404);
    expect((await api(f.url, '/api/v1/datasets/budget-2025', { token: viewerA })).status).toBe(200);
  });

  it('reports every invalid field with a pointer, in the request’s language', async () => {
    const res = await api(f.url, '/api/v1/datasets', {
      method: 'POST',
      token: editorA,
      body: { organizationId: f.orgA, title: { fr: '' }, description: 'x', themes: ['not-a-uri'] },
      headers: { 'accept-language': 'ar' },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-language')).toBe('ar');
    expect(res.body.type).toBe('/api/v1/problems/validation');
    const pointers = (res.body.errors as { pointer: string; detail: string }[]).map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/body/title/fr', '/body/description']));
    expect(res.body.errors[0].detail).toMatch(/[\u0600-\u06FF]/);
  });

  it('lets an editor update with If-Match and refuses a stale revision with 409', async () => {
    const current = await api(f.url, '/api/v1/datasets/budget-2025', { token: editorA });
    const body = { ...current.body.record, version: '2' };
    const ok = await api(f.url, '/api/v1/datasets/budget-2025', { method: 'PUT', token: editorA, body, headers: { 'if-match': `"${current.body.revision}"` } });
    expect(ok.status).toBe(200);
    expect(ok.body.revision).toBe(current.body.revision + 1);
    const stale = await api(f.url, '/api/v1/datasets/budget-2025', { method: 'PUT', token: editorA, body, headers: { 'if-match': `"${current.body.revision}"` } });
    expect(stale.status).toBe(409);
  });

  it('lets only an organisation admin publish, then the public sees and finds it', async () => {
    expect((await api(f.url, '/api/v1/datasets/budget-2025/publish', { method: 'POST', token: editorA })).status).toBe(403);
    const published = await api(f.url, '/api/v1/datasets/budget-2025/publish', { method: 'POST', token: adminA });
    expect(published.status).toBe(200);
    expect(published.body.state).toBe('published');
    expect((await api(f.url, '/api/v1/datasets/budget-2025')).status).toBe(200);
    const search = await api(f.url, '/api/v1/datasets?q=ميزانية&theme=ECON');
    expect(search.status).toBe(200);
    expect(search.body.total).toBe(1);
    expect(search.body.items[0].slug).toBe('budget-2025');
    expect(search.body.facets.theme).toEqual([{ value: 'ECON', count: 1 }]);
  });

  it('searches with facets, sort and cursor pages', async () => {
    for (let i = 0; i < 3; i++) {
      const created = await api(f.url, '/api/v1/datasets', { method: 'POST', token: adminA, body: datasetBody(f.orgA, { slug: `serie-${i}`, title: { fr: `Série ${i}` }, publicationState: 'published' }) });
      expect(created.status).toBe(201);
    }
    const first = await api(f.url, '/api/v1/datasets?sort=title&order=asc&limit=2&facets=organization');
    expect(first.body.total).toBe(4);
    expect(first.body.items).toHaveLength(2);
    expect(Object.keys(first.body.facets)).toEqual(['organization']);
    const second = await api(f.url, `/api/v1/datasets?sort=title&order=asc&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body.items).toHaveLength(2);
    const slugs = [...first.body.items, ...second.body.items].map((d: { slug: string }) => d.slug);
    expect(new Set(slugs).size).toBe(4);
  });

  it('keeps drafts out of public search and lets members ask for them per organisation', async () => {
    const created = await api(f.url, '/api/v1/datasets', { method: 'POST', token: editorA, body: datasetBody(f.orgA, { slug: 'brouillon', title: { fr: 'Brouillon secret' } }) });
    expect(created.status).toBe(201);
    expect((await api(f.url, '/api/v1/datasets?q=brouillon')).body.total).toBe(0);
    expect((await api(f.url, '/api/v1/datasets?state=draft')).status).toBe(401);
    expect((await api(f.url, `/api/v1/datasets?state=draft&organization=${f.orgA}`, { token: editorB })).status).toBe(403);
    const mine = await api(f.url, `/api/v1/datasets?state=draft&organization=${f.orgA}`, { token: viewerA });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((d: { slug: string }) => d.slug)).toContain('brouillon');
  });

  it('lists revisions and restores an old one as a new revision', async () => {
    const revisions = await api(f.url, '/api/v1/datasets/budget-2025/revisions', { token: editorA });
    expect(revisions.status).toBe(200);
    expect(revisions.body.items.length).toBeGreaterThanOrEqual(3);
    const one = await api(f.url, '/api/v1/datasets/budget-2025/revisions/1', { token: editorA });
    expect(one.body.record.version).toBeUndefined();
    const restored = await api(f.url, '/api/v1/datasets/budget-2025/revisions/1/restore', { method: 'POST', token: editorA });
    expect(restored.status).toBe(200);
    expect(restored.body.record.version).toBeUndefined();
    expect((await api(f.url, '/api/v1/datasets/serie-2/revisions')).status).toBe(401);
    expect((await api(f.url, '/api/v1/datasets/serie-2/revisions', { token: editorB })).status).toBe(403);
  });

  it('serves quality and validation reports', async () => {
    const quality = await api(f.url, '/api/v1/datasets/serie-2/quality');
    expect(quality.status).toBe(200);
    expect(quality.body.latest).toHaveProperty('score');
    const validation = await api(f.url, '/api/v1/datasets/serie-2/validation');
    expect(validation.body).toEqual({ reports: [], linkChecks: [] });
  });

  it('withdraws and deletes only as an organisation admin, with a session needing CSRF', async () => {
    const { cookie, csrf } = await signIn(f.url, f.users.adminA.email);
    const noCsrf = await api(f.url, '/api/v1/datasets/serie-0/withdraw', { method: 'POST', headers: { cookie } });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.type).toBe('/api/v1/problems/csrf');
    const withdrawn = await api(f.url, '/api/v1/datasets/serie-0/withdraw', { method: 'POST', headers: { cookie, 'x-csrf-token': csrf } });
    expect(withdrawn.body.state).toBe('withdrawn');
    expect((await api(f.url, '/api/v1/datasets/serie-1', { method: 'DELETE', token: editorA })).status).toBe(403);
    expect((await api(f.url, '/api/v1/datasets/serie-1', { method: 'DELETE', token: adminA })).status).toBe(204);
    expect((await api(f.url, '/api/v1/datasets/serie-1')).status).toBe(404);
  });
});
