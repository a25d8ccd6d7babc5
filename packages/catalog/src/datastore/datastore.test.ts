import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../catalog';
import { backends, type TestLocation } from '../test/backends';
import type { DatastoreField } from './types';

const fields: DatastoreField[] = [
  { name: 'Région', type: 'string' },
  { name: 'year', type: 'integer' },
  { name: 'budget', type: 'number' },
  { name: 'open', type: 'boolean' },
  { name: 'date', type: 'date' },
];

const regions = ['Tanger-Tétouan-Al Hoceïma', 'Oriental', 'Fès-Meknès', 'Rabat-Salé-Kénitra', 'الدار البيضاء سطات'];

function* rows(n: number) {
  for (let i = 0; i < n; i++) {
    yield [regions[i % 5], String(2020 + (i % 3)), (i * 1.5).toFixed(1), i % 2 === 0 ? 'oui' : 'non', `2024-01-${String((i % 28) + 1).padStart(2, '0')}`];
  }
}

describe.each(backends)('datastore on $name', ({ fresh }) => {
  let place: TestLocation;
  let catalog: Catalog;
  beforeAll(async () => {
    place = fresh();
    catalog = await openCatalog({ ...place.location, rowCap: 50 });
    const created = await catalog.datastore.create('r1', { fields });
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    const loaded = await catalog.datastore.load('r1', rows(100), { batchSize: 7 });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  });
  afterAll(async () => {
    await catalog.close();
    await place.cleanup();
  });

  it('loads every row with typed values', async () => {
    expect((await catalog.datastore.info('r1'))?.rowsCommitted).toBe(100);
    const result = await catalog.datastore.query('r1', { limit: 2 });
    expect(result.ok && result.value.rows).toEqual([
      { Région: regions[0], year: 2020, budget: 0, open: true, date: '2024-01-01' },
      { Région: regions[1], year: 2021, budget: 1.5, open: false, date: '2024-01-02' },
    ]);
  });

  it('filters with eq, in, range and contains, and counts', async () => {
    const result = await catalog.datastore.query('r1', {
      filters: [
        { field: 'year', op: 'in', value: [2020, 2021] },
        { field: 'budget', op: 'between', value: [10, 60] },
        { field: 'Région', op: 'contains', value: 'fès' },
        { field: 'open', op: 'eq', value: true },
      ],
      count: true,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // i ≡ 2 (mod 5), even, year 2020/2021 (i mod 3 ≠ 2), 10 ≤ 1.5 i ≤ 60 → i in 12, 22
    expect(result.value.rows.map((r) => r.budget)).toEqual([18, 33]);
    expect(result.value.total).toBe(2);
  });

  it('finds rows by full text without accents or Arabic article', async () => {
    const result = await catalog.datastore.query('r1', { q: 'tetouan', count: true, fields: ['Région'] });
    expect(result.ok && result.value.total).toBe(20);
    const arabic = await catalog.datastore.query('r1', { q: 'البيضاء', count: true });
    expect(arabic.ok && arabic.value.total).toBe(20);
  });

  it('sorts and pages with a cursor through every row once', async () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await catalog.datastore.query('r1', { sort: [{ field: 'year', order: 'desc' }, { field: 'budget' }], fields: ['budget'], limit: 30, cursor });
      if (!page.ok) throw new Error(JSON.stringify(page.errors));
      seen.push(...page.value.rows.map((r) => r.budget as number));
      cursor = page.value.nextCursor;
    } while (cursor !== undefined);
    expect(seen).toHaveLength(100);
    expect(new Set(seen).size).toBe(100);
    expect(seen[0]).toBe(3); // year 2022, smallest budget: i = 2
  });

  it('caps the page size at the row cap', async () => {
    const result = await catalog.datastore.query('r1', { limit: 10_000 });
    expect(result.ok && result.value.rows).toHaveLength(50);
  });

  it('groups with count, sum, avg, min and max', async () => {
    const result = await catalog.datastore.query('r1', {
      groupBy: ['year'],
      aggregates: [{ op: 'count' }, { op: 'sum', field: 'budget' }, { op: 'avg', field: 'budget' }, { op: 'min', field: 'date' }, { op: 'max', field: 'budget', as: 'top' }],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.rows[0]).toEqual({ year: 2020, count: 34, sum_budget: 2524.5, avg_budget: 74.25, min_date: '2024-01-01', top: 148.5 });
    expect(result.value.rows).toHaveLength(3);
  });

  it('refuses unknown columns, operators and mistyped values with a path', async () => {
    const unknown = await catalog.datastore.query('r1', { filters: [{ field: 'nope', op: 'eq', value: 1 }] });
    expect(!unknown.ok && unknown.errors[0]).toMatchObject({ code: 'unknown_field', path: '/filters/0/field' });
    const injected = await catalog.datastore.query('r1', { sort: [{ field: 'year; DROP TABLE users' }] });
    expect(!injected.ok && injected.errors[0]?.code).toBe('unknown_field');
    const badOp = await catalog.datastore.query('r1', { filters: [{ field: 'year', op: 'like' as 'eq', value: 1 }] });
    expect(!badOp.ok && badOp.errors[0]?.path).toBe('/filters/0/op');
    const badValue = await catalog.datastore.query('r1', { filters: [{ field: 'year', op: 'eq', value: 'abc' }] });
    expect(!badValue.ok && badValue.errors[0]?.path).toBe('/filters/0/value');
    const badSum = await catalog.datastore.query('r1', { aggregates: [{ op: 'sum', field: 'Région' }] });
    expect(!badSum.ok && badSum.errors[0]?.path).toBe('/aggregates/0/field');
  });

  it('stores cells that do not fit as null and reports them', async () => {
    await catalog.datastore.create('r2', { fields: [{ name: 'n', type: 'integer' }] });
    const loaded = await catalog.datastore.load('r2', [['1'], ['deux'], ['3']]);
    expect(loaded.ok && loaded.value).toMatchObject({ rowsCommitted: 3, badCells: 1, problems: [{ row: 2, field: 'n', value: 'deux' }] });
    const result = await catalog.datastore.query('r2', { filters: [{ field: 'n', op: 'null' }], count: true });
    expect(result.ok && result.value.total).toBe(1);
  });

  it('resumes a load after the committed rows', async () => {
    await catalog.datastore.create('r3', { fields: [{ name: 'n', type: 'integer' }] });
    const all = Array.from({ length: 10 }, (_, i) => [String(i + 1)]);
    await catalog.datastore.load('r3', all.slice(0, 4), { finish: false });
    const resumed = await catalog.datastore.load('r3', all);
    expect(resumed.ok && resumed.value).toMatchObject({ rowsCommitted: 10, rowsSkipped: 4 });
    const result = await catalog.datastore.query('r3', { aggregates: [{ op: 'count' }, { op: 'sum', field: 'n' }] });
    expect(result.ok && result.value.rows[0]).toEqual({ count: 10, sum_n: 55 });
  });

  it('builds the indexes of marked columns when the load finishes, also after a resumed load', async () => {
    const indexFields: DatastoreField[] = [
      { name: 'code', type: 'string', index: true },
      { name: 'n', type: 'integer' },
      { name: 'year', type: 'year', index: true },
    ];
    const created = await catalog.datastore.create('r4', { fields: indexFields });
    expect(created.ok && created.value.fields).toEqual(indexFields);
    const table = (await catalog.store.db.selectFrom('datastore_resources').select('table_name').where('id', '=', 'r4').executeTakeFirstOrThrow()).table_name;
    const indexes = async () => {
      const query =
        catalog.store.backend === 'sqlite'
          ? sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ${table} AND sql IS NOT NULL ORDER BY name`
          : sql<{ name: string }>`SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ${table} AND indexname <> ${`${table}_pkey`} ORDER BY indexname`;
      return (await query.execute(catalog.store.db)).rows.map((r) => r.name);
    };
    const all = Array.from({ length: 30 }, (_, i) => [`C${i % 4}`, String(i), String(2000 + (i % 3))]);
    await catalog.datastore.load('r4', all.slice(0, 10), { finish: false });
    expect(await indexes()).toEqual([]);
    const resumed = await catalog.datastore.load('r4', all, { batchSize: 8 });
    expect(resumed.ok && resumed.value.rowsCommitted).toBe(30);
    expect(await indexes()).toEqual([`${table}_c0`, `${table}_c2`]);
    // Loading again (nothing left to add) keeps the indexes and the rows.
    expect((await catalog.datastore.load('r4', all)).ok).toBe(true);
    const result = await catalog.datastore.query('r4', { filters: [{ field: 'code', op: 'eq', value: 'C1' }, { field: 'year', op: 'eq', value: 2001 }], fields: ['n'], count: true });
    expect(result.ok && result.value.rows.map((r) => r.n)).toEqual([1, 13, 25]);
    expect(result.ok && result.value.total).toBe(3);
  });

  it('refuses an index mark that is not a boolean', async () => {
    const bad = await catalog.datastore.create('r5', { fields: [{ name: 'n', type: 'integer', index: 'yes' as unknown as boolean }] });
    expect(!bad.ok && bad.errors[0]).toMatchObject({ code: 'invalid_field_index', path: '/fields/0/index' });
  });

  it('refuses to recreate a resource with other columns and drops tables', async () => {
    const again = await catalog.datastore.create('r3', { fields: [{ name: 'x', type: 'string' }] });
    expect(!again.ok && again.errors[0]?.code).toBe('fields_changed');
    expect(await catalog.datastore.drop('r3')).toBe(true);
    expect(await catalog.datastore.info('r3')).toBeUndefined();
  });
});
