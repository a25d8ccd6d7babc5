// pnpm --filter @bayan/catalog bench:datastore
// The datastore part of catalog.bench.ts alone, with the queries that depend on the text-search
// column: loads BENCH_ROWS rows (default 1,000,000) of the same six typed columns on each backend
// (BENCH_BACKENDS=sqlite,postgres), beside a bare insert of the same rows, then prints the p50/p99
// of a filtered, sorted 100-row page, of a `contains` filter and of a full-text `q` query. The
// `year` and `region` columns are marked `index` (BENCH_INDEX=0: none); the page is then measured
// again with those indexes dropped. Last, the worst case of the text-search column: a load of
// BENCH_TEXT_ROWS (default 200,000) rows whose three text cells never repeat (fr, ar, ASCII).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { sql } from 'kysely';
import { openCatalog, type Catalog, type CatalogOptions, type DatastoreQuery } from '@bayan/catalog';
import { bareLoad, percentile, timeAll } from './support';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 50);
const TEXT_ROWS = Number(process.env.BENCH_TEXT_ROWS ?? 200_000);
const PG_URL = process.env.BAYAN_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REGIONS = ['Casablanca-Settat', 'Rabat-Salé-Kénitra', 'Fès-Meknès', 'Marrakech-Safi', 'Souss-Massa', 'Tanger-Tétouan-Al Hoceïma', 'L’Oriental', 'Drâa-Tafilalet'];
const INDEX = process.env.BENCH_INDEX !== '0';
const FIELDS = [
  { name: 'id', type: 'integer' as const },
  { name: 'region', type: 'string' as const, index: INDEX },
  { name: 'year', type: 'integer' as const, index: INDEX },
  { name: 'amount', type: 'number' as const },
  { name: 'day', type: 'date' as const },
  { name: 'open', type: 'boolean' as const },
];

/** The rows of catalog.bench.ts: every cell a string, as a CSV parser gives them. */
function* rows(): Generator<string[]> {
  for (let i = 1; i <= ROWS; i++) {
    yield [String(i), REGIONS[i % REGIONS.length] ?? '', String(2000 + (i % 25)), String((i % 9973) * 1.25), `20${String(10 + (i % 15))}-0${1 + (i % 9)}-1${i % 10}`, i % 2 === 0 ? 'true' : 'false'];
  }
}

async function report(label: string, catalog: Catalog, query: (i: number) => DatastoreQuery): Promise<void> {
  const first = await catalog.datastore.query('bench', { ...query(0), count: true });
  const total = first.ok ? first.value.total : `error ${JSON.stringify(first.errors)}`;
  const times = await timeAll(QUERIES, (i) => catalog.datastore.query('bench', query(i)));
  console.log(`${label} (${String(total)} matches): p50 ${percentile(times, 50).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms`);
}

async function benchBackend(name: string, options: CatalogOptions): Promise<void> {
  console.log(`\n== ${name}`);
  const catalog = await openCatalog(options);
  try {
    await catalog.datastore.create('bench', { fields: FIELDS });
    const t = performance.now();
    let rowsIn = 0;
    const loaded = await catalog.datastore.load('bench', rows(), { batchSize: 10_000, onProgress: (n) => n === ROWS && (rowsIn = performance.now()) });
    const end = performance.now();
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const seconds = (end - t) / 1000;
    const n = loaded.value.rowsCommitted;
    const bare = await bareLoad(catalog, ROWS);
    const indexing = INDEX ? ` (rows ${((rowsIn - t) / 1000).toFixed(1)} s + indexes on year and region ${((end - rowsIn) / 1000).toFixed(1)} s)` : '';
    console.log(`load of ${n.toLocaleString('en')} rows: ${seconds.toFixed(1)} s${indexing} = ${Math.round(n / seconds).toLocaleString('en')} rows/s | bare insert ${bare.toFixed(1)} s | ratio ${(seconds / bare).toFixed(2)}×`);
    const page = (i: number): DatastoreQuery => ({
      filters: [
        { field: 'year', op: 'eq', value: 2000 + (i % 25) },
        { field: 'region', op: 'in', value: [REGIONS[i % 8] ?? '', REGIONS[(i + 1) % 8] ?? ''] },
      ],
      sort: [{ field: 'amount', order: 'desc' }],
      limit: 100,
    });
    const indexed = INDEX ? 'indexes on year and region' : 'no index';
    await report(`page (year eq + region in, sorted by amount desc, 100 rows), ${indexed}`, catalog, page);
    await report('contains (region contains "tétouan", year eq, 100 rows)', catalog, (i) => ({ filters: [{ field: 'region', op: 'contains', value: 'tétouan' }, { field: 'year', op: 'eq', value: 2000 + (i % 25) }], limit: 100 }));
    await report('full text (q "tetouan", 100 rows, sorted by amount)', catalog, () => ({ q: 'tetouan', sort: [{ field: 'amount' }], limit: 100 }));
    if (INDEX) {
      const table = (await catalog.store.db.selectFrom('datastore_resources').select('table_name').where('id', '=', 'bench').executeTakeFirstOrThrow()).table_name;
      for (const c of ['c1', 'c2']) await sql.raw(`DROP INDEX "${table}_${c}"`).execute(catalog.store.db);
      await report('page (year eq + region in, sorted by amount desc, 100 rows), indexes dropped', catalog, page);
    }
    await catalog.datastore.create('texts', { fields: [{ name: 'n', type: 'integer' }, { name: 'école', type: 'string' }, { name: 'عنوان', type: 'string' }, { name: 'code', type: 'string' }] });
    function* textRows(): Generator<string[]> {
      for (let i = 1; i <= TEXT_ROWS; i++) yield [String(i), `École primaire n° ${i} — Rue ${i % 977}, Hay Salam`, `مدرسة ابتدائية رقم ${i} — حي السلام`, `SCH-${i}-${(i * 7919) % 100_003}`];
    }
    const tt = performance.now();
    const texts = await catalog.datastore.load('texts', textRows(), { batchSize: 10_000 });
    const textSeconds = (performance.now() - tt) / 1000;
    if (!texts.ok) throw new Error(JSON.stringify(texts.errors));
    console.log(`load of ${TEXT_ROWS.toLocaleString('en')} rows with 3 distinct text cells each (fr, ar, ASCII): ${textSeconds.toFixed(1)} s = ${Math.round(TEXT_ROWS / textSeconds).toLocaleString('en')} rows/s`);
  } finally {
    await catalog.close();
  }
}

async function main(): Promise<void> {
  console.log(`@bayan/catalog datastore bench: ${ROWS.toLocaleString('en')} rows, ${QUERIES} queries per measure`);
  const only = (process.env.BENCH_BACKENDS ?? 'sqlite,postgres').split(',');
  if (only.includes('sqlite')) {
    const dir = mkdtempSync(join(tmpdir(), 'bayan-bench-'));
    try {
      await benchBackend('embedded (SQLite, better-sqlite3)', { data: dir });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (only.includes('postgres')) {
    const schema = `bench_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
    try {
      await admin.connect();
    } catch (error) {
      console.log(`\n== PostgreSQL skipped: ${PG_URL} unreachable (${(error as Error).message})`);
      return;
    }
    const files = mkdtempSync(join(tmpdir(), 'bayan-bench-files-'));
    try {
      await benchBackend('PostgreSQL', { database: PG_URL, schema, files });
    } finally {
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
      rmSync(files, { recursive: true, force: true });
    }
  }
}

await main();
