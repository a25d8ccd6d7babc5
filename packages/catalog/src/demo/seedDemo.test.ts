import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../catalog';
import { backends, type TestLocation } from '../test/backends';
import { seedDemo, type SeedDemoReport } from './seedDemo';

// A small seed on both backends (the full 200 runs in `bayan seed --demo` and the benchmark).
describe.each(backends)('seedDemo on $name', ({ fresh }) => {
  let place: TestLocation;
  let catalog: Catalog;
  let report: SeedDemoReport;
  beforeAll(async () => {
    place = fresh();
    catalog = await openCatalog(place.location);
    report = await seedDemo(catalog, { datasets: 20 });
  }, 120_000);
  afterAll(async () => {
    await catalog.close();
    await place.cleanup();
  });

  it('creates the producers, the datasets and their loaded tables', async () => {
    expect(report).toMatchObject({ organizations: 12, datasets: 20, skipped: 0 });
    expect(report.rowsLoaded).toBeGreaterThan(1000);
    const resources = await catalog.datastore.list();
    expect(resources).toHaveLength(20);
    expect(resources.every((r) => r.status === 'ready')).toBe(true);
  });

  it('marks everything as demo data and stores a valid validation report', async () => {
    const d = await catalog.datasets.get('demo-0001');
    expect(d?.record.extras?.demo).toBe('true');
    expect(d?.record.description.fr).toContain('démonstration');
    const reports = await catalog.reports.validations('demo-0001');
    expect(reports[0]?.valid).toBe(true);
  });

  it('makes the demo findable in Arabic and French', async () => {
    expect((await catalog.search({ q: 'المدارس' })).total).toBeGreaterThan(0);
    expect((await catalog.search({ q: 'ecoles publics' })).total).toBeGreaterThan(0);
  });

  it('skips what is there when run again', async () => {
    const again = await seedDemo(catalog, { datasets: 20 });
    expect(again).toMatchObject({ organizations: 0, datasets: 0, skipped: 20 });
  });
});
