import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../catalog';
import { backends, type TestLocation } from '../test/backends';
import { runHarvest } from './runHarvest';
import { endStuckHarvestRuns, HARVEST_JOB_TYPE, harvestJobHandler } from './scheduling';
import { makePackage, startHarvestServer, type HarvestServer } from './test/harvestServer';

const local = { allowPrivateNetworks: true, fetch: { timeoutMs: 2_000 } };

let server: HarvestServer;
beforeAll(async () => {
  server = await startHarvestServer({ packages: 90, malformedEvery: 30 });
});
afterAll(async () => {
  await server.close();
});

describe.each(backends)('harvesting a CKAN portal on $name', ({ fresh }) => {
  let place: TestLocation;
  let catalog: Catalog;
  let original: unknown[];
  beforeEach(async () => {
    place = fresh();
    catalog = await openCatalog(place.location);
    original = [...server.packages];
  });
  afterEach(async () => {
    server.packages = original;
    await catalog.close();
    await place.cleanup();
  });

  it('imports the good records, reports the bad ones, and a second run changes nothing', async () => {
    const source = await catalog.harvests.addSource({ kind: 'ckan', url: `${server.url}/ckan/api/3/action`, config: { rows: 40, groupThemes: { economie: 'ECON' } } });
    const report = await runHarvest(catalog, source.id, local);
    // 90 generated + 12 real packages; 3 malformed entries every 30 packages.
    expect(report.gathered).toBe(102 + 9);
    expect(report.counts).toEqual({ created: 102, updated: 0, unchanged: 0, withdrawn: 0, failed: 9 });
    expect(report.status).toBe('partial');
    expect(report.complete).toBe(true);
    expect(report.failures[0]?.problems[0]?.code).toBe('not_a_package');
    expect(report.failures[0]?.problems[0]?.message.ar).toMatch(/CKAN/);
    expect(report.summary.fr).toContain('102 créé(s)');
    // Every batch was written in one transaction (none had to be retried record by record).
    expect(report.problems.map((p) => p.code)).not.toContain('batch_retried');

    const ds = await catalog.datasets.get('pkg-000002');
    expect(ds?.record.title).toMatchObject({ fr: 'Jeu de données 000002', ar: 'مجموعة البيانات 000002' });
    expect(ds?.record.themes).toContain('http://publications.europa.eu/resource/authority/data-theme/ECON');
    expect(ds?.record.organizationId).toBe('org-education');
    expect(ds?.state).toBe('published');
    expect((await catalog.organizations.get('org-sante'))?.record.name.ar).toBe('وزارة الصحة');
    expect((await catalog.datasets.get('cf552d08-cee9-43bf-8c0f-3196a9311799'))?.record.distributions.length).toBeGreaterThan(40);

    const failed = await catalog.store.db.selectFrom('harvest_records').selectAll().where('status', '=', 'failed').execute();
    expect(failed).toHaveLength(9);
    expect(failed.map((r) => r.raw)).toContain('42');

    const written = async () => {
      const n = async (table: 'dataset_revisions' | 'activity' | 'quality_snapshots' | 'distributions') => Number((await catalog.store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      return { revisions: await n('dataset_revisions'), activity: await n('activity'), snapshots: await n('quality_snapshots'), distributions: await n('distributions') };
    };
    const before = await written();
    expect(before.revisions).toBe(102);
    const again = await runHarvest(catalog, source.id, { ...local, full: true });
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 102, withdrawn: 0, failed: 9 });
    // Unchanged records are not written at all.
    expect(await written()).toEqual(before);
    expect((await catalog.datasets.revisions('pkg-000002')).length).toBe(1);
    const total = await catalog.store.db.selectFrom('datasets').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(total.n)).toBe(102);
  });

  it('updates a changed record as a new revision (incrementally) and withdraws a vanished one on a full run', async () => {
    const source = await catalog.harvests.addSource({ kind: 'ckan', url: `${server.url}/ckan`, config: { rows: 100 } });
    await runHarvest(catalog, source.id, local);
    const changed = server.packages.map((p) => {
      const pkg = p as { id?: string };
      return pkg?.id === 'pkg-000005' ? { ...pkg, title_fr: 'Titre corrigé', metadata_modified: new Date(Date.now() + 60_000).toISOString().replace('Z', '') } : p;
    });
    server.packages = changed.filter((p) => (p as { id?: string })?.id !== 'pkg-000007');

    const incremental = await runHarvest(catalog, source.id, local);
    expect(incremental.modifiedSince).toBeDefined();
    expect(incremental.counts).toMatchObject({ created: 0, updated: 1, withdrawn: 0 });
    const revisions = await catalog.datasets.revisions('pkg-000005');
    expect(revisions.map((r) => r.revision)).toEqual([2, 1]);
    expect(revisions[0]?.changes).toContainEqual({ path: '/title/fr', before: 'Jeu de données 000005', after: 'Titre corrigé' });

    const full = await runHarvest(catalog, source.id, { ...local, full: true });
    expect(full.counts).toMatchObject({ created: 0, updated: 0, withdrawn: 1 });
    const gone = await catalog.datasets.get('pkg-000007');
    expect(gone?.state).toBe('withdrawn');
    // The withdrawal is a revision of its own, and the search no longer shows the dataset.
    expect((await catalog.datasets.revisions('pkg-000007'))[0]?.changes).toContainEqual({ path: '/publicationState', before: 'published', after: 'withdrawn' });
    expect((await catalog.search({ q: '000007' })).total).toBe(0);
    expect((await catalog.harvests.runs(source.id)).map((r) => r.status)).toEqual(['partial', 'succeeded', 'partial']);
  });

  it('fails only the record the catalogue refuses, keeping the rest of its batch', async () => {
    const twice = { ...makePackage(500), id: 'pkg-twice', name: 'jeu-twice', resources: [{ id: 'r1', url: 'https://data.example.org/a.csv', format: 'CSV' }, { id: 'r1', url: 'https://data.example.org/b.csv', format: 'CSV' }] };
    server.packages = [makePackage(1), twice, makePackage(2)];
    const source = await catalog.harvests.addSource({ kind: 'ckan', url: `${server.url}/ckan/api/3/action` });
    const report = await runHarvest(catalog, source.id, local);
    expect(report.counts).toMatchObject({ created: 2, failed: 1 });
    expect(report.failures[0]).toMatchObject({ remoteId: 'pkg-twice', problems: [expect.objectContaining({ code: 'conflict', path: '/distributions/1/id' })] });
    expect(report.problems).toEqual([]);
    expect(await catalog.datasets.get('pkg-000002')).toBeDefined();
    const record = await catalog.store.db.selectFrom('harvest_records').selectAll().where('remote_id', '=', 'pkg-twice').executeTakeFirstOrThrow();
    expect(record).toMatchObject({ status: 'failed', dataset_id: null });
    expect(record.raw).toContain('pkg-twice');
  });

  it('ends a run whose source never answers', async () => {
    const source = await catalog.harvests.addSource({ kind: 'ckan', url: `${server.url}/slow/api/3/action` });
    const report = await runHarvest(catalog, source.id, { allowPrivateNetworks: true, fetch: { timeoutMs: 300 } });
    expect(report.status).toBe('failed');
    expect(report.problems[0]?.code).toBe('timeout');
    expect(report.finishedAt).not.toBeNull();
    expect((await catalog.harvests.runs(source.id))[0]?.status).toBe('failed');
  });

  it('reports a truncated page and JSON nested too deep', async () => {
    const broken = await catalog.harvests.addSource({ kind: 'ckan', url: `${server.url}/broken/api/3/action` });
    expect((await runHarvest(catalog, broken.id, local)).problems[0]?.code).toBe('invalid_json');
    const deep = await catalog.harvests.addSource({ kind: 'ckan', url: `${server.url}/deep/api/3/action` });
    expect((await runHarvest(catalog, deep.id, local)).problems[0]?.code).toBe('json_too_deep');
  });

  it('refuses a source on a loopback address unless private networks are allowed', async () => {
    const source = await catalog.harvests.addSource({ kind: 'ckan', url: `${server.url}/ckan/api/3/action` });
    const before = server.requests.length;
    const report = await runHarvest(catalog, source.id);
    expect(report.status).toBe('failed');
    expect(report.problems[0]).toMatchObject({ code: 'blocked_address' });
    expect(report.problems[0]?.message.fr).toContain('127.0.0.1');
    expect(server.requests.length).toBe(before);
  });

  it('takes over a run whose worker went quiet and ends stuck runs', async () => {
    const source = await catalog.harvests.addSource({ kind: 'ckan', url: `${server.url}/ckan`, config: { rows: 50 } });
    const run = await catalog.harvests.startRun(source.id);
    await catalog.store.db.updateTable('harvest_runs').set({ heartbeat_at: new Date().toISOString(), locked_by: 'other' }).where('id', '=', run.id).execute();
    expect((await runHarvest(catalog, source.id, local)).status).toBe('busy');
    expect(await endStuckHarvestRuns(catalog, { staleMs: 60_000, now: new Date(Date.now() + 120_000) })).toEqual([run.id]);
    const after = await runHarvest(catalog, source.id, local);
    expect(after.runId).not.toBe(run.id);
    expect(after.counts.created).toBe(102);
  });
});

describe.each(backends)('harvesting DCAT and inventories on $name', ({ fresh }) => {
  let place: TestLocation;
  let catalog: Catalog;
  beforeEach(async () => {
    place = fresh();
    catalog = await openCatalog(place.location);
  });
  afterEach(async () => {
    await catalog.close();
    await place.cleanup();
  });

  it('follows Hydra pages from the real demo.ckan.org catalogue', async () => {
    const source = await catalog.harvests.addSource({ kind: 'dcat', url: `${server.url}/dcat/catalog.ttl?page=1` });
    const report = await runHarvest(catalog, source.id, local);
    expect(report.complete).toBe(true);
    expect(report.counts.created + report.counts.failed).toBe(report.gathered);
    // demo.ckan.org's junk: datasets without a description are refused by the DCAT reader, and reported.
    expect(report.counts.created).toBeGreaterThanOrEqual(75);
    expect(report.failures.length).toBe(report.counts.failed);
    expect(report.failures[0]?.problems.map((p) => p.code)).toContain('invalid_record');
    const generated = await catalog.store.db.selectFrom('harvest_records').select('dataset_id').where('remote_id', '=', 'https://data.example.org/dataset/g2').executeTakeFirst();
    expect((await catalog.datasets.get(generated?.dataset_id ?? ''))?.record.title.ar).toBe('مجموعة 2');
    const again = await runHarvest(catalog, source.id, local);
    expect(again.counts.created).toBe(0);
    expect(again.counts.unchanged).toBe(report.counts.created);
  });

  it('stops a Hydra loop and an endless paging, keeping what was read', async () => {
    const loop = await catalog.harvests.addSource({ kind: 'dcat', url: `${server.url}/loop/catalog.ttl?page=1` });
    const looped = await runHarvest(catalog, loop.id, local);
    expect(looped.problems.map((p) => p.code)).toContain('page_loop');
    expect(looped.counts.created).toBe(6);
    expect(looped.finishedAt).not.toBeNull();
    const endless = await catalog.harvests.addSource({ kind: 'dcat', url: `${server.url}/endless/catalog.ttl?page=1` });
    const stopped = await runHarvest(catalog, endless.id, { ...local, maxIdlePages: 3 });
    expect(stopped.problems.map((p) => p.code)).toContain('no_progress');
    expect(stopped.counts.created).toBe(2);
    expect(stopped.complete).toBe(false);
  });

  it('reads RDF/XML and DCAT-US data.json from the corpus', async () => {
    const rdf = await catalog.harvests.addSource({ kind: 'dcat', url: `${server.url}/corpus/dcat/opendata-hro_de_dataset.rdf` });
    expect((await runHarvest(catalog, rdf.id, local)).counts.created).toBe(1);
    const us = await catalog.harvests.addSource({ kind: 'dcat', url: `${server.url}/corpus/dcat/evian-arcgis-hub_dcat-us.json` });
    const report = await runHarvest(catalog, us.id, local);
    expect(report.counts.created).toBeGreaterThan(0);
    expect(report.counts.failed).toBe(0);
    const record = await catalog.store.db.selectFrom('harvest_records').select('dataset_id').where('source_id', '=', us.id).executeTakeFirstOrThrow();
    const ds = await catalog.datasets.get(record.dataset_id ?? '');
    expect(ds?.record.description.fr).not.toMatch(/<DIV/i);
  });

  it('turns spreadsheet rows into datasets and inventory entries, with errors per row and cell', async () => {
    const org = await catalog.organizations.create({ slug: 'min-plan', name: { fr: 'Ministère du Plan' } });
    if (!org.ok) throw new Error('org');
    const source = await catalog.harvests.addSource({ kind: 'inventory', url: `${server.url}/inventory.csv`, organizationId: org.value.id });
    const report = await runHarvest(catalog, source.id, local);
    expect(report.counts).toMatchObject({ created: 3, failed: 2 });
    const entries = await catalog.inventory.list(org.value.id);
    expect(entries.map((e) => e.record.status).sort()).toEqual(['in-preparation', 'planned']);
    expect(entries.find((e) => e.record.status === 'in-preparation')?.record.targetDate).toBe('2026-12-31');
    const inv5 = report.failures.find((f) => f.remoteId === 'INV-5');
    expect(inv5?.problems.map((p) => p.path)).toEqual(['/rows/6/statut', '/rows/6/date_cible']);
    expect(report.failures.find((f) => f.remoteId === 'INV-4')?.problems[0]?.message.en).toMatch(/Missing title/);
    expect(report.problems.map((p) => p.code)).toContain('duplicate_identifier');
  });

  it('reads the same inventory from an XLSX workbook, with the sheet’s row numbers', async () => {
    const org = await catalog.organizations.create({ slug: 'min-plan', name: { fr: 'Ministère du Plan' } });
    if (!org.ok) throw new Error('org');
    const source = await catalog.harvests.addSource({ kind: 'inventory', url: `${server.url}/inventory.xlsx`, organizationId: org.value.id });
    const report = await runHarvest(catalog, source.id, local);
    expect(report.counts).toMatchObject({ created: 4, failed: 2 });
    const entries = await catalog.inventory.list(org.value.id);
    expect(entries.map((e) => e.record.title.fr).sort()).toEqual(['Carte scolaire', 'Hôpitaux', 'Recensement & logements']);
    expect(entries.find((e) => e.record.status === 'in-preparation')?.record.targetDate).toBe('2026-12-31');
    // The header is the sheet's row 3 (under a title line), so INV-5 is row 8.
    expect(report.failures.find((f) => f.remoteId === 'INV-5')?.problems.map((p) => p.path)).toEqual(['/rows/8/statut', '/rows/8/date_cible']);
    expect(report.problems.map((p) => p.code)).toContain('duplicate_identifier');
    const budget = await catalog.store.db.selectFrom('harvest_records').select('dataset_id').where('remote_id', '=', 'INV-1').executeTakeFirstOrThrow();
    expect((await catalog.datasets.get(budget.dataset_id ?? ''))?.record.title).toMatchObject({ fr: 'Budget 2025', ar: 'ميزانية 2025' });
  });

  it('reports a workbook that is not one, and one without an inventory header', async () => {
    const org = await catalog.organizations.create({ slug: 'min-plan', name: { fr: 'Ministère du Plan' } });
    if (!org.ok) throw new Error('org');
    const broken = await catalog.harvests.addSource({ kind: 'inventory', url: `${server.url}/broken.xlsx`, organizationId: org.value.id });
    const unreadable = await runHarvest(catalog, broken.id, local);
    expect(unreadable.problems[0]).toMatchObject({ code: 'xlsx_unreadable', severity: 'error' });
    expect(unreadable.problems[0]?.message.ar).toContain('XLSX');
    expect(unreadable.complete).toBe(false);
    const other = await catalog.harvests.addSource({ kind: 'inventory', url: `${server.url}/not-an-inventory.xlsx`, organizationId: org.value.id });
    expect((await runHarvest(catalog, other.id, local)).problems.map((p) => p.code)).toContain('no_header');
  });
});

describe.each(backends)('mirroring resource files on $name', ({ fresh }) => {
  it('stores, validates and loads a harvested CSV, and reports a file it could not get', async () => {
    const place = fresh();
    const catalog = await openCatalog(place.location);
    try {
      const source = await catalog.harvests.addSource({ kind: 'ckan', url: `${server.url}/mirror/api/3/action`, config: { mirror: true } });
      const report = await runHarvest(catalog, source.id, local);
      expect(report.counts.created).toBe(1);
      const files = await catalog.files.list('pkg-000001');
      expect(files.map((f) => f.name)).toEqual(['budget.csv']);
      const validations = await catalog.reports.validations('pkg-000001');
      expect(validations).toHaveLength(1);
      expect(validations[0]?.valid).toBe(true);
      const rows = await catalog.datastore.query('pkg-000001.budget', {});
      expect(rows.ok && rows.value.rows.length).toBe(3);
      const record = await catalog.store.db.selectFrom('harvest_records').select('problems').where('source_id', '=', source.id).executeTakeFirstOrThrow();
      expect(JSON.parse(record.problems)).toContainEqual(expect.objectContaining({ code: 'mirror_failed', path: `${server.url}/files/missing.csv` }));
    } finally {
      await catalog.close();
      await place.cleanup();
    }
  });
});

describe('harvest runs as jobs', () => {
  it('runs a queued harvest through the catalogue job runner', async () => {
    const place = backends[0]!.fresh();
    const catalog = await openCatalog(place.location);
    try {
      const source = await catalog.harvests.addSource({ kind: 'dcat', url: `${server.url}/loop/catalog.ttl?page=1` });
      const job = await catalog.jobs.enqueue(HARVEST_JOB_TYPE, { sourceId: source.id });
      const runner = catalog.jobs.runner({ [HARVEST_JOB_TYPE]: harvestJobHandler(catalog, local) });
      expect(await runner.drain()).toBe(1);
      const done = await catalog.jobs.get(job.id);
      expect(done?.status).toBe('succeeded');
      expect(done?.result).toMatchObject({ counts: { created: 6 } });
    } finally {
      await catalog.close();
      await place.cleanup();
    }
  });
});
