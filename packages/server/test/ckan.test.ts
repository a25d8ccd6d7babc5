/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-explicit-any -- HTTP tests read untyped JSON answers */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, backends, datasetBody, startFixture, tokenFor, type Fixture } from './harness';

const corpus = new URL('../../../../shared/corpus/ckan-api/', import.meta.url);
const read = (name: string) => JSON.parse(readFileSync(new URL(name, corpus), 'utf8')) as { help: string; success: boolean; result: any };

/** The JSON type of a value as CKAN clients see it ('null' counts as compatible with anything optional). */
function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Keys of `reference` that `actual` lacks, or has with an incompatible JSON type. */
function shapeDifferences(reference: Record<string, unknown>, actual: Record<string, unknown>, where: string): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(reference)) {
    if (!(key in actual)) out.push(`${where}.${key} missing`);
    else if (value !== null && actual[key] !== null && kind(value) !== kind(actual[key])) out.push(`${where}.${key}: ${kind(actual[key])} instead of ${kind(value)}`);
  }
  return out;
}

describe.each(backends)('CKAN-compatible API on %s', (backend) => {
  let f: Fixture;
  let datasetId: string;

  beforeAll(async () => {
    f = await startFixture(backend);
    const { token } = await tokenFor(f.url, f.users.adminA);
    const created = await api(f.url, '/api/v1/datasets', {
      method: 'POST',
      token,
      body: datasetBody(f.orgA, { slug: 'budget-2025', publicationState: 'published', creators: [{ name: { fr: 'Direction du budget' }, email: 'db@finances.gov.ma' }], extras: { source: 'test' } }),
    });
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    datasetId = created.body.id;
    await api(f.url, '/api/v1/datasets', { method: 'POST', token, body: datasetBody(f.orgA, { slug: 'population', title: { fr: 'Population', ar: 'السكان' }, themes: ['http://publications.europa.eu/resource/authority/data-theme/SOCI'], keywords: { fr: ['démographie'] }, publicationState: 'published' }) });
    await api(f.url, '/api/v1/datasets', { method: 'POST', token, body: datasetBody(f.orgA, { slug: 'brouillon', title: { fr: 'Brouillon' } }) });
  }, 60_000);
  afterAll(async () => f?.close());

  it('answers package_show with every field of a stock CKAN 2.8 package, and the bilingual fields', async () => {
    const reference = read('demo-ckan_package_show.json');
    const res = await api(f.url, '/api/3/action/package_show?id=budget-2025');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(Object.keys(reference).sort());
    expect(res.body.success).toBe(true);
    expect(res.body.help).toMatch(/\/api\/3\/action\/help_show\?name=package_show$/);
    const pkg = res.body.result;
    expect(shapeDifferences(reference.result, pkg, 'package')).toEqual([]);
    expect(shapeDifferences(reference.result.resources[0], pkg.resources[0], 'resource')).toEqual([]);
    expect(shapeDifferences(reference.result.tags[0], pkg.tags[0], 'tag')).toEqual([]);
    expect(shapeDifferences(reference.result.groups[0], pkg.groups[0], 'group')).toEqual([]);
    expect(pkg.title).toBe('Budget de l’État 2025');
    expect(pkg.title_translated).toEqual({ fr: 'Budget de l’État 2025', ar: 'ميزانية الدولة 2025', en: '' });
    expect(pkg.title_fr).toBe('Budget de l’État 2025');
    expect(pkg.title_ar).toBe('ميزانية الدولة 2025');
    expect(pkg.notes_translated.ar).toBe('قانون المالية، النفقات حسب الوزارة.');
    expect(pkg.license_id).toBe('cc-by');
    expect(pkg.isopen).toBe(true);
    expect(pkg.resources[0]).toMatchObject({ id: 'budget-csv', format: 'CSV', url: 'https://example.ma/budget.csv', package_id: datasetId, position: 0 });
    expect(pkg.groups[0].name).toBe('econ');
    expect(pkg.organization.name).toBe('ministere-a');
    expect(pkg.extras).toEqual([{ key: 'source', value: 'test' }]);
    expect(pkg.author).toBe('Direction du budget');
  });

  it('answers package_show by id and in Arabic with Accept-Language', async () => {
    const res = await api(f.url, `/api/3/action/package_show?id=${datasetId}`, { headers: { 'accept-language': 'ar' } });
    expect(res.body.result.title).toBe('ميزانية الدولة 2025');
    expect(res.body.result.organization.title).toBe('الوزارة أ');
  });

  it('answers package_search with CKAN’s result keys, counts, paging, fq and facets', async () => {
    const reference = read('birmingham_package_search.json');
    const res = await api(f.url, '/api/3/action/package_search?q=budget&rows=10&facet.field=["organization","groups","tags","res_format","license_id"]');
    expect(Object.keys(res.body.result).sort()).toEqual(Object.keys(reference.result).sort());
    expect(shapeDifferences(reference.result.results[0], res.body.result.results[0], 'result')).toEqual([]);
    expect(res.body.result.count).toBe(1);
    const all = await api(f.url, '/api/3/action/package_search?rows=1&start=1&sort=name asc&facet.field=["groups"]');
    expect(all.body.result.count).toBe(2);
    expect(all.body.result.results.map((p: { name: string }) => p.name)).toEqual(['population']);
    expect(all.body.result.facets.groups).toEqual({ econ: 1, soci: 1 });
    expect(all.body.result.search_facets.groups.items).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'soci', count: 1 })]));
    const fq = await api(f.url, '/api/3/action/package_search?fq=groups:soci+organization:ministere-a');
    expect(fq.body.result.results.map((p: { name: string }) => p.name)).toEqual(['population']);
    const tags = await api(f.url, '/api/3/action/package_search?fq=tags:"démographie"');
    expect(tags.body.result.count).toBe(1);
  });

  it('accepts POST with a JSON body, as ckanapi and ckan.js send it', async () => {
    const res = await fetch(`${f.url}/api/3/action/package_search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ q: 'population', rows: 5 }) });
    const body = (await res.json()) as { result: { count: number } };
    expect(body.result.count).toBe(1);
  });

  it('answers errors in CKAN’s shape: not found, validation, unknown action', async () => {
    const missing = await api(f.url, '/api/3/action/package_show?id=nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ success: false, error: { __type: 'Not Found Error' } });
    expect(missing.body.help).toContain('package_show');
    const draft = await api(f.url, '/api/3/action/package_show?id=brouillon');
    expect(draft.status).toBe(404);
    const invalid = await api(f.url, '/api/3/action/package_search?rows=abc');
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({ success: false, error: { __type: 'Validation Error' } });
    expect(invalid.body.error.rows).toHaveLength(1);
    const unknown = await api(f.url, '/api/3/action/package_delete');
    expect(unknown.status).toBe(400);
    expect(unknown.body.success).toBe(false);
  });

  it('lists packages, organisations (names or all fields), groups (themes), tags', async () => {
    expect((await api(f.url, '/api/3/action/package_list')).body.result.sort()).toEqual(['budget-2025', 'population']);
    expect((await api(f.url, '/api/3/action/organization_list')).body.result).toEqual(['agence-b', 'ministere-a']);
    const reference = read('open-canada_organization_list.json');
    const orgs = await api(f.url, '/api/3/action/organization_list?all_fields=true');
    const a = orgs.body.result.find((o: { name: string }) => o.name === 'ministere-a');
    expect(shapeDifferences(reference.result[0], a, 'organization')).toEqual([]);
    expect(a.package_count).toBe(2);
    expect(a.title_translated).toEqual({ fr: 'Ministère A', ar: 'الوزارة أ', en: '' });
    const show = await api(f.url, '/api/3/action/organization_show?id=ministere-a');
    expect(show.body.result.package_count).toBe(2);
    const groups = await api(f.url, '/api/3/action/group_list');
    expect(groups.body.result).toContain('econ');
    const group = await api(f.url, '/api/3/action/group_show?id=econ');
    expect(group.body.result).toMatchObject({ name: 'econ', package_count: 1 });
    expect((await api(f.url, '/api/3/action/tag_list')).body.result).toEqual(expect.arrayContaining(['budget', 'démographie', 'ميزانية']));
  });

  it('answers resource_show and status_show', async () => {
    const resource = await api(f.url, '/api/3/action/resource_show?id=budget-csv');
    expect(resource.body.result).toMatchObject({ id: 'budget-csv', package_id: datasetId, format: 'CSV' });
    const status = await api(f.url, '/api/3/action/status_show');
    expect(status.body.result).toMatchObject({ ckan_version: '2.9.0', site_title: 'Bayan' });
  });

  it('works with ckan.js, the CKAN client library on npm', async () => {
    const require = createRequire(import.meta.url);
    const CKAN = require('ckan') as { Client: new (endpoint: string) => { action(name: string, data: unknown, cb: (err: unknown, out: any) => void): void } };
    const client = new CKAN.Client(f.url);
    const call = (name: string, data: unknown) => new Promise<any>((resolve, reject) => client.action(name, data, (err, out) => (err ? reject(new Error(typeof err === 'string' ? err : JSON.stringify(err))) : resolve(out))));
    const shown = await call('package_show', { id: 'budget-2025' });
    expect(shown.result.name).toBe('budget-2025');
    const found = await call('package_search', { q: 'السكان' });
    expect(found.result.results[0].name).toBe('population');
    await expect(call('package_show', { id: 'missing' })).rejects.toThrow(/HTTP code 404/);
  });
});
