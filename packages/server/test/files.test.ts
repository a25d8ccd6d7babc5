/* eslint-disable @typescript-eslint/no-unsafe-call -- HTTP tests read untyped JSON answers */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, backends, datasetBody, startFixture, tokenFor, type Fixture } from './harness';

function form(name: string, content: string | Uint8Array, title?: string): FormData {
  const data = new FormData();
  if (title) data.set('title', title);
  data.set('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  return data;
}

describe.each(backends)('uploads, downloads and the datastore on %s', (backend) => {
  let f: Fixture;
  let editorA: string;
  let editorB: string;

  beforeAll(async () => {
    f = await startFixture(backend, { limits: { uploadBytes: 64 * 1024 } });
    editorA = (await tokenFor(f.url, f.users.editorA)).token;
    editorB = (await tokenFor(f.url, f.users.editorB)).token;
    const adminA = (await tokenFor(f.url, f.users.adminA)).token;
    await api(f.url, '/api/v1/datasets', { method: 'POST', token: adminA, body: datasetBody(f.orgA, { slug: 'budget', publicationState: 'published' }) });
    const created = await f.catalog.datastore.create('budget-csv', { datasetId: (await f.catalog.datasets.get('budget'))!.id, fields: [{ name: 'ministère', type: 'string' }, { name: 'montant', type: 'integer' }] });
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    const rows = Array.from({ length: 250 }, (_, i) => ({ ministère: i % 2 === 0 ? 'Santé' : 'Éducation', montant: i }));
    const loaded = await f.catalog.datastore.load('budget-csv', rows);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  }, 60_000);
  afterAll(async () => f?.close());

  const upload = (token: string, body: FormData, id = 'budget') => fetch(`${f.url}/api/v1/datasets/${id}/distributions/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body });

  it('streams an upload into storage and adds a distribution with its checksum', async () => {
    const res = await upload(editorA, form('dépenses 2025.csv', 'ministère,montant\nSanté,10\n', 'Dépenses'));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { file: { id: string; byteSize: number; sha256: string; name: string }; dataset: { record: { distributions: { id: string; title: { fr: string }; checksum: { value: string }; format?: string }[] } } };
    expect(body.file.byteSize).toBe(Buffer.byteLength('ministère,montant\nSanté,10\n'));
    const added = body.dataset.record.distributions.find((d) => d.id === body.file.id);
    expect(added?.title.fr).toBe('Dépenses');
    expect(added?.checksum.value).toBe(body.file.sha256);
    expect(added?.format).toBe('http://publications.europa.eu/resource/authority/file-type/CSV');
    const download = await fetch(`${f.url}/api/v1/files/${body.file.id}`);
    expect(download.status).toBe(200);
    expect(await download.text()).toBe('ministère,montant\nSanté,10\n');
    expect(download.headers.get('content-disposition')).toContain("filename*=UTF-8''d%C3%A9penses%202025.csv");
  });

  it('refuses uploads over the size limit with 413 and keeps nothing', async () => {
    const before = (await f.catalog.files.list((await f.catalog.datasets.get('budget'))!.id)).length;
    const res = await upload(editorA, form('big.csv', new Uint8Array(200 * 1024)));
    expect(res.status).toBe(413);
    expect((await f.catalog.files.list((await f.catalog.datasets.get('budget'))!.id)).length).toBe(before);
  });

  it('strips paths from uploaded file names (no traversal)', async () => {
    const res = await upload(editorA, form('../../../etc/passwd', 'x'));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { file: { name: string } };
    expect(body.file.name).toBe('passwd');
    const windows = await upload(editorA, form('..\\..\\boot.ini', 'x'));
    expect(((await windows.json()) as { file: { name: string } }).file.name).toBe('boot.ini');
  });

  it('refuses uploads by another organisation’s editor, anonymous ones, and non-multipart bodies', async () => {
    expect((await upload(editorB, form('a.csv', 'x'))).status).toBe(403);
    expect((await fetch(`${f.url}/api/v1/datasets/budget/distributions/upload`, { method: 'POST', body: form('a.csv', 'x') })).status).toBe(401);
    const raw = await fetch(`${f.url}/api/v1/datasets/budget/distributions/upload`, { method: 'POST', headers: { authorization: `Bearer ${editorA}`, 'content-type': 'text/csv' }, body: 'a,b' });
    expect(raw.status).toBe(415);
    const empty = new FormData();
    empty.set('title', 'no file');
    expect((await upload(editorA, empty)).status).toBe(422);
  });

  it('queries the datastore with the JSON query language', async () => {
    const res = await api(f.url, '/api/v1/datastore/budget-csv/query', {
      method: 'POST',
      body: { filters: [{ field: 'ministère', op: 'eq', value: 'Santé' }, { field: 'montant', op: 'gte', value: 200 }], sort: [{ field: 'montant', order: 'desc' }], limit: 3, count: true },
    });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(25);
    expect(res.body.rows.map((r: { montant: number }) => r.montant)).toEqual([248, 246, 244]);
    const grouped = await api(f.url, '/api/v1/datastore/budget-csv/query', { method: 'POST', body: { groupBy: ['ministère'], aggregates: [{ op: 'count' }] } });
    expect(grouped.body.rows).toHaveLength(2);
    const bad = await api(f.url, '/api/v1/datastore/budget-csv/query', { method: 'POST', body: { sql: 'SELECT * FROM users' } });
    expect(bad.status).toBe(422);
    const unknownField = await api(f.url, '/api/v1/datastore/budget-csv/query', { method: 'POST', body: { filters: [{ field: 'password_hash', op: 'eq', value: 1 }] } });
    expect(unknownField.status).toBe(422);
    expect((await api(f.url, '/api/v1/datastore/budget-csv')).body.rowsCommitted).toBe(250);
  });

  it('answers CKAN datastore_search with filters, q, fields, sort, limit and offset', async () => {
    const res = await api(f.url, `/api/3/action/datastore_search?resource_id=budget-csv&filters=${encodeURIComponent('{"ministère":"Éducation"}')}&fields=montant&sort=montant desc&limit=2&offset=2`);
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    expect(res.body.result).toMatchObject({ resource_id: 'budget-csv', total: 125, limit: 2, offset: 2 });
    expect(res.body.result.records).toEqual([{ montant: 245 }, { montant: 243 }]);
    expect(res.body.result.fields).toEqual([{ id: 'montant', type: 'int' }]);
    const missing = await api(f.url, '/api/3/action/datastore_search?resource_id=nope');
    expect(missing.status).toBe(404);
    expect(missing.body.success).toBe(false);
    const show = await api(f.url, '/api/3/action/package_show?id=budget');
    expect(show.body.result.resources[0].datastore_active).toBe(true);
  });
});
