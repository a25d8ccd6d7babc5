 
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, backends, datasetBody, startFixture, tokenFor, type Fixture } from './harness';

describe.each(backends)('DCAT-AP feeds on %s', (backend) => {
  let f: Fixture;

  beforeAll(async () => {
    f = await startFixture(backend, { publicUrl: 'https://data.example.ma' });
    const { token } = await tokenFor(f.url, f.users.adminA);
    await api(f.url, '/api/v1/datasets', { method: 'POST', token, body: datasetBody(f.orgA, { slug: 'budget', publicationState: 'published' }) });
    await api(f.url, '/api/v1/datasets', { method: 'POST', token, body: datasetBody(f.orgA, { slug: 'secret-draft', title: { fr: 'Brouillon' } }) });
  }, 60_000);
  afterAll(async () => f?.close());

  it('serves the catalogue in Turtle with Hydra paging and only published datasets', async () => {
    const res = await fetch(`${f.url}/catalog.ttl?page=1`);
    expect(res.headers.get('content-type')).toContain('text/turtle');
    const text = await res.text();
    expect(text).toContain('dcat:Catalog');
    expect(text).toContain('<https://data.example.ma/datasets/budget>');
    expect(text).toContain('"ميزانية الدولة 2025"@ar');
    expect(text).toMatch(/hydra:totalItems "?1/);
    expect(text).not.toContain('secret-draft');
  });

  it('serves JSON-LD, RDF/XML and N-Triples', async () => {
    const jsonld = await fetch(`${f.url}/catalog.jsonld`);
    expect(jsonld.headers.get('content-type')).toContain('application/ld+json');
    expect(JSON.parse(await jsonld.text())).toHaveProperty('@context');
    const rdf = await (await fetch(`${f.url}/catalog.rdf`)).text();
    expect(rdf).toContain('<rdf:RDF');
    const nt = await (await fetch(`${f.url}/catalog.nt`)).text();
    expect(nt).toContain('<https://data.example.ma/datasets/budget> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Dataset> .');
  });

  it('refuses an invalid page number with a problem', async () => {
    const res = await api(f.url, '/catalog.ttl?page=0');
    expect(res.status).toBe(422);
    expect((await api(f.url, '/catalog.ttl?page=99')).status).toBe(200);
  });

  it('serves one dataset by extension and by content negotiation', async () => {
    const ttl = await fetch(`${f.url}/dataset/budget.ttl`);
    expect(ttl.status).toBe(200);
    expect(await ttl.text()).toContain('dcat:Dataset');
    const negotiated = await fetch(`${f.url}/dataset/budget`, { headers: { accept: 'application/rdf+xml;q=0.9, text/turtle;q=0.5' } });
    expect(negotiated.headers.get('content-type')).toContain('application/rdf+xml');
    const json = await fetch(`${f.url}/dataset/budget`, { headers: { accept: 'application/json' } });
    expect(((await json.json()) as { slug: string }).slug).toBe('budget');
    const none = await fetch(`${f.url}/dataset/budget`, { headers: { accept: 'image/png' } });
    expect(none.status).toBe(406);
    expect((await fetch(`${f.url}/dataset/secret-draft.ttl`)).status).toBe(404);
  });

  it('serves schema.org JSON-LD for the portal’s pages', async () => {
    const res = await api(f.url, '/api/v1/datasets/budget/schema-org', { headers: { 'accept-language': 'ar' } });
    expect(res.headers.get('content-type')).toContain('application/ld+json');
    expect(res.body['@type']).toBe('Dataset');
    expect(res.body.name).toBe('ميزانية الدولة 2025');
  });
});
