/* eslint-disable @typescript-eslint/no-unsafe-call -- HTTP tests read untyped JSON answers */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, backends, datasetBody, startFixture, tokenFor, type Fixture } from './harness';

describe.each(backends)('organisations, inventory, activity and harvest on %s', (backend) => {
  let f: Fixture;
  let admin: string;
  let adminA: string;
  let editorA: string;
  let editorB: string;

  beforeAll(async () => {
    f = await startFixture(backend);
    admin = (await tokenFor(f.url, f.users.admin)).token;
    adminA = (await tokenFor(f.url, f.users.adminA)).token;
    editorA = (await tokenFor(f.url, f.users.editorA)).token;
    editorB = (await tokenFor(f.url, f.users.editorB)).token;
    await api(f.url, '/api/v1/datasets', { method: 'POST', token: adminA, body: datasetBody(f.orgA, { slug: 'budget', publicationState: 'published' }) });
  }, 60_000);
  afterAll(async () => f?.close());

  it('lists and shows organisations by id or slug', async () => {
    const list = await api(f.url, '/api/v1/organizations');
    expect(list.body.items.map((o: { slug: string }) => o.slug)).toEqual(['agence-b', 'ministere-a']);
    expect((await api(f.url, '/api/v1/organizations/ministere-a')).body.id).toBe(f.orgA);
    expect((await api(f.url, '/api/v1/organizations/nope')).status).toBe(404);
  });

  it('creates organisations as site administrator only, and updates as the organisation’s admin', async () => {
    const body = { slug: 'hcp', name: { fr: 'Haut-Commissariat au Plan', ar: 'المندوبية السامية للتخطيط' } };
    expect((await api(f.url, '/api/v1/organizations', { method: 'POST', token: adminA, body })).status).toBe(403);
    const created = await api(f.url, '/api/v1/organizations', { method: 'POST', token: admin, body });
    expect(created.status).toBe(201);
    const update = { slug: 'ministere-a', name: { fr: 'Ministère A (nouveau nom)' } };
    expect((await api(f.url, '/api/v1/organizations/ministere-a', { method: 'PUT', token: editorA, body: update })).status).toBe(403);
    const updated = await api(f.url, '/api/v1/organizations/ministere-a', { method: 'PUT', token: adminA, body: update });
    expect(updated.status).toBe(200);
    expect(updated.body.record.name.fr).toBe('Ministère A (nouveau nom)');
    expect((await api(f.url, '/api/v1/organizations/hcp', { method: 'DELETE', token: adminA })).status).toBe(403);
    expect((await api(f.url, '/api/v1/organizations/hcp', { method: 'DELETE', token: admin })).status).toBe(204);
  });

  it('gives an organisation’s scorecard over its published datasets', async () => {
    const card = await api(f.url, `/api/v1/organizations/${f.orgA}/scorecard`);
    expect(card.status).toBe(200);
    expect(card.body.published).toBe(1);
    expect(card.body.format).toEqual([{ value: 'CSV', count: 1 }]);
  });

  it('keeps an inventory that anyone reads and only the organisation’s editors write', async () => {
    const entry = { organizationId: f.orgA, title: { fr: 'Registre des marchés publics' }, status: 'planned', targetDate: '2026-06-30' };
    expect((await api(f.url, '/api/v1/inventory', { method: 'POST', token: editorB, body: entry })).status).toBe(403);
    const created = await api(f.url, '/api/v1/inventory', { method: 'POST', token: editorA, body: entry });
    expect(created.status).toBe(201);
    const listed = await api(f.url, `/api/v1/organizations/${f.orgA}/inventory`);
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.summary.planned).toBe(1);
    const updated = await api(f.url, `/api/v1/inventory/${created.body.id}`, { method: 'PUT', token: editorA, body: { ...entry, status: 'in-preparation' } });
    expect(updated.status).toBe(200);
    expect((await api(f.url, `/api/v1/inventory/${created.body.id}`)).body.record.status).toBe('in-preparation');
    expect((await api(f.url, `/api/v1/inventory/${created.body.id}`, { method: 'DELETE', token: editorB })).status).toBe(403);
    expect((await api(f.url, `/api/v1/inventory/${created.body.id}`, { method: 'DELETE', token: editorA })).status).toBe(204);
  });

  it('shows activity to site administrators, and to members for their organisation’s objects', async () => {
    const all = await api(f.url, '/api/v1/activity?limit=100', { token: admin });
    expect(all.body.items.some((e: { action: string }) => e.action === 'dataset.created')).toBe(true);
    expect((await api(f.url, '/api/v1/activity', { token: editorA })).status).toBe(403);
    const own = await api(f.url, '/api/v1/activity?objectType=dataset&objectId=budget', { token: editorA });
    expect(own.status).toBe(200);
    expect((await api(f.url, '/api/v1/activity?objectType=dataset&objectId=budget', { token: editorB })).status).toBe(403);
    expect((await api(f.url, '/api/v1/activity')).status).toBe(401);
  });

  it('manages harvest sources as site administrator', async () => {
    const source = { kind: 'ckan', url: 'https://data.gov.ma/data', organizationId: f.orgA };
    expect((await api(f.url, '/api/v1/harvest/sources', { method: 'POST', token: adminA, body: source })).status).toBe(403);
    expect((await api(f.url, '/api/v1/harvest/sources', { method: 'POST', token: admin, body: { ...source, url: 'javascript:alert(1)' } })).status).toBe(422);
    const created = await api(f.url, '/api/v1/harvest/sources', { method: 'POST', token: admin, body: source });
    expect(created.status).toBe(201);
    expect((await api(f.url, '/api/v1/harvest/sources', { token: admin })).body.items).toHaveLength(1);
    expect((await api(f.url, `/api/v1/harvest/sources/${created.body.id}/runs`, { token: admin })).body.items).toEqual([]);
    expect((await api(f.url, `/api/v1/harvest/sources/${created.body.id}/runs`, { method: 'POST', token: adminA })).status).toBe(403);
    const queued = await api(f.url, `/api/v1/harvest/sources/${created.body.id}/runs`, { method: 'POST', token: admin });
    expect(queued.status).toBe(202);
    expect(queued.body.type).toBe('harvest');
    const job = await api(f.url, queued.headers.get('location') ?? '', { token: admin });
    expect(job.body).toMatchObject({ id: queued.body.id, status: 'queued' });
    expect((await api(f.url, `/api/v1/harvest/sources/${created.body.id}`, { method: 'DELETE', token: admin })).status).toBe(204);
  });
});
