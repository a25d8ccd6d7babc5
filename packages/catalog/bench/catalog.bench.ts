// pnpm --filter @bayan/catalog bench
// Generates a catalogue of BENCH_DATASETS datasets (default 100,000; fr/ar/en) and a table of
// BENCH_ROWS rows (default 1,000,000) in a temporary place on each backend (embedded SQLite, and
// PostgreSQL when BAYAN_TEST_POSTGRES_URL or the default URL answers), then prints:
// index build time, search p50/p99 (text + two filters + five facets) beside the same SQL run
// bare, datastore load rows/s beside a bare insert, and the p50 of a filtered, sorted page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openCatalog, type Catalog, type CatalogOptions, type FacetName, type SearchQuery } from '@bayan/catalog';
import { bareLoad, percentile, timeAll } from './support';

const DATASETS = Number(process.env.BENCH_DATASETS ?? 100_000);
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
// The bare SQL baseline takes about a second per query on PostgreSQL at 100,000 datasets.
const BARE_QUERIES = Number(process.env.BENCH_BARE_QUERIES ?? Math.min(QUERIES, 40));
const PG_URL = process.env.BAYAN_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const THEMES = ['AGRI', 'ECON', 'EDUC', 'ENER', 'ENVI', 'GOVE', 'HEAL', 'INTR', 'JUST', 'REGI', 'SOCI', 'TECH', 'TRAN'];
const FORMATS = ['CSV', 'XLSX', 'JSON', 'PDF', 'XML'];
const LICENCES = ['CC_BY_4_0', 'ODC_BL', 'CC_BYSA_4_0'];
const TOPICS: [string, string, string][] = [
  ['Budget de l’État', 'ميزانية الدولة', 'State budget'],
  ['Loi de finances', 'قانون المالية', 'Finance act'],
  ['Écoles publiques', 'المدارس العمومية', 'Public schools'],
  ['Hôpitaux', 'المستشفيات', 'Hospitals'],
  ['Population légale', 'السكان القانونيون', 'Legal population'],
  ['Production d’électricité', 'إنتاج الكهرباء', 'Electricity generation'],
  ['Trafic aéroportuaire', 'حركة المطارات', 'Airport traffic'],
  ['Qualité de l’eau', 'جودة الماء', 'Water quality'],
  ['Marchés publics', 'الصفقات العمومية', 'Public procurement'],
  ['Affaires jugées', 'القضايا المحكومة', 'Court cases'],
  ['Abonnements Internet', 'اشتراكات الإنترنت', 'Internet subscriptions'],
  ['Production céréalière', 'إنتاج الحبوب', 'Cereal production'],
  ['Arrivées touristiques', 'الوافدون السياحيون', 'Tourist arrivals'],
  ['Indice des prix', 'الرقم الاستدلالي للأثمان', 'Price index'],
];
const PLACES: [string, string][] = [
  ['Casablanca-Settat', 'الدار البيضاء سطات'],
  ['Rabat-Salé-Kénitra', 'الرباط سلا القنيطرة'],
  ['Fès-Meknès', 'فاس مكناس'],
  ['Marrakech-Safi', 'مراكش آسفي'],
  ['Souss-Massa', 'سوس ماسة'],
  ['Tanger-Tétouan-Al Hoceïma', 'طنجة تطوان الحسيمة'],
  ['L’Oriental', 'الشرق'],
  ['Drâa-Tafilalet', 'درعة تافيلالت'],
];
const WORDS = ['annuel', 'mensuel', 'par commune', 'par province', 'détaillé', 'consolidé', 'provisoire', 'définitif', 'séries', 'indicateurs'];

let seed = 42;
function rnd(): number {
  seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;

function makeDataset(i: number, orgIds: string[]): unknown {
  const [fr, ar, en] = pick(TOPICS);
  const [placeFr, placeAr] = pick(PLACES);
  const year = 2010 + Math.floor(rnd() * 16);
  const word = pick(WORDS);
  const english = i % 3 === 0;
  const format = pick(FORMATS);
  return {
    id: `b${i}`,
    slug: `bench-${i}`,
    title: { fr: `${fr} ${word} — ${placeFr} ${year}`, ar: `${ar} — ${placeAr} ${year}`, ...(english ? { en: `${en} — ${placeFr} ${year}` } : {}) },
    description: { fr: `${fr} ${word} pour ${placeFr}, année ${year}. Données publiées par l’administration.`, ar: `${ar} في جهة ${placeAr} لسنة ${year}.`, ...(english ? { en: `${en} for ${placeFr}, ${year}.` } : {}) },
    keywords: { fr: [fr.toLowerCase(), placeFr.toLowerCase()], ar: [ar] },
    themes: [`http://publications.europa.eu/resource/authority/data-theme/${pick(THEMES)}`],
    organizationId: pick(orgIds),
    modified: `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-15`,
    publicationState: 'published',
    distributions: [
      {
        accessUrl: `https://data.example.ma/${i}.${format.toLowerCase()}`,
        format: `http://publications.europa.eu/resource/authority/file-type/${format}`,
        license: `http://publications.europa.eu/resource/authority/licence/${pick(LICENCES)}`,
      },
    ],
  };
}

function ms(n: number): string {
  return `${n.toFixed(2)} ms`;
}

const TEXTS = ['budget', 'ميزانية', 'ecoles', 'المدارس', 'population', 'قانون المالية', 'hôpitaux', 'electricite', 'Budgét', 'مستشفيات'];
const FACETS: FacetName[] = ['theme', 'organization', 'format', 'licence', 'quality'];

function queryFor(i: number): SearchQuery {
  return { q: TEXTS[i % TEXTS.length], filters: { format: ['CSV', 'JSON'], licence: [`http://publications.europa.eu/resource/authority/licence/${LICENCES[i % LICENCES.length] ?? 'CC_BY_4_0'}`] }, facets: FACETS, limit: 20 };
}

function bareRunner(catalog: Catalog): (statements: { sql: string; parameters: readonly unknown[] }[]) => Promise<void> {
  if (catalog.store.sqlite !== undefined) {
    const db = catalog.store.sqlite;
    const cache = new Map<string, ReturnType<typeof db.prepare>>();
    return (statements) => {
      for (const s of statements) {
        let stmt = cache.get(s.sql);
        if (!stmt) cache.set(s.sql, (stmt = db.prepare(s.sql)));
        stmt.all(s.parameters);
      }
      return Promise.resolve();
    };
  }
  const pool = catalog.store.pool as pg.Pool;
  return async (statements) => {
    for (const s of statements) await pool.query(s.sql, s.parameters as unknown[]);
  };
}

async function benchBackend(name: string, options: CatalogOptions): Promise<void> {
  console.log(`\n== ${name}`);
  const catalog = await openCatalog(options);
  try {
    const orgIds: string[] = [];
    for (let o = 0; o < 12; o++) {
      const r = await catalog.organizations.create({ slug: `org-${o}`, name: { fr: `Organisme ${o}`, ar: `مؤسسة ${o}` } });
      if (r.ok) orgIds.push(r.value.id);
    }
    seed = 42;
    const records = Array.from({ length: DATASETS }, (_, i) => makeDataset(i, orgIds));
    let t = performance.now();
    const report = await catalog.datasets.createMany(records);
    const build = (performance.now() - t) / 1000;
    console.log(`catalogue of ${report.created.length.toLocaleString('en')} datasets written and indexed (records, revisions, quality, search): ${build.toFixed(1)} s (${Math.round(report.created.length / build).toLocaleString('en')} datasets/s)`);

    // What a freshly started process (server, worker) pays once: load the in-memory search index.
    // That process keeps no query results, so its searches show the uncached cost.
    const reopened = await openCatalog({ ...options, searchCache: 0 });
    let uncached: number[];
    try {
      t = performance.now();
      const loadedDocs = await reopened.warmSearch();
      const load = (performance.now() - t) / 1000;
      console.log(`search index loaded into memory by a fresh process: ${loadedDocs.toLocaleString('en')} documents in ${load.toFixed(2)} s (heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MiB after)`);
      uncached = await timeAll(QUERIES, (i) => reopened.search(queryFor(i)), 20);
    } finally {
      await reopened.close();
    }

    const sample = await catalog.search(queryFor(0));
    console.log(`sample query "${queryFor(0).q}" + 2 filters + 5 facets: ${sample.total} matches, ${sample.facets.theme?.length ?? 0} theme values`);
    const engine = await timeAll(QUERIES, (i) => catalog.search(queryFor(i)), 20);
    const bare = bareRunner(catalog);
    const bareTimes = await timeAll(BARE_QUERIES, (i) => bare(catalog.explainSearch(queryFor(i))));
    const [p50, p99, b50, b99] = [percentile(engine, 50), percentile(engine, 99), percentile(bareTimes, 50), percentile(bareTimes, 99)];
    const [u50, u99] = [percentile(uncached, 50), percentile(uncached, 99)];
    console.log(`search (text + 2 filters + 5 facets), ${QUERIES} queries (30 distinct): p50 ${ms(p50)}, p99 ${ms(p99)} | without the result cache p50 ${ms(u50)}, p99 ${ms(u99)} | bare SQL of the same query (FTS5 / tsvector + facet GROUP BY, prepared), ${BARE_QUERIES} queries: p50 ${ms(b50)}, p99 ${ms(b99)} | ratio p50 ${(p50 / b50).toFixed(2)}× (uncached ${(u50 / b50).toFixed(2)}×)`);
    const noText = await timeAll(QUERIES, (i) => catalog.search({ filters: { theme: [THEMES[i % THEMES.length] ?? 'ECON'] }, facets: FACETS, sort: 'modified' }), 20);
    console.log(`browse (1 filter + 5 facets, sorted by date): p50 ${ms(percentile(noText, 50))}, p99 ${ms(percentile(noText, 99))}`);

    // datastore
    const fields = [
      { name: 'id', type: 'integer' as const },
      { name: 'region', type: 'string' as const, index: true },
      { name: 'year', type: 'integer' as const, index: true },
      { name: 'amount', type: 'number' as const },
      { name: 'day', type: 'date' as const },
      { name: 'open', type: 'boolean' as const },
    ];
    const regions = PLACES.map((p) => p[0]);
    function* rows(): Generator<string[]> {
      for (let i = 1; i <= ROWS; i++) {
        yield [String(i), regions[i % regions.length] ?? '', String(2000 + (i % 25)), String((i % 9973) * 1.25), `20${String(10 + (i % 15))}-0${1 + (i % 9)}-1${i % 10}`, i % 2 === 0 ? 'true' : 'false'];
      }
    }
    await catalog.datastore.create('bench', { fields });
    t = performance.now();
    const loaded = await catalog.datastore.load('bench', rows(), { batchSize: 10_000 });
    const loadSeconds = (performance.now() - t) / 1000;
    const rowsLoaded = loaded.ok ? loaded.value.rowsCommitted : 0;
    const bareSeconds = await bareLoad(catalog, ROWS);
    console.log(
      `datastore load of ${rowsLoaded.toLocaleString('en')} rows: ${loadSeconds.toFixed(1)} s = ${Math.round(rowsLoaded / loadSeconds).toLocaleString('en')} rows/s (typed, checkpointed, with a text-search column) | bare insert ${bareSeconds.toFixed(1)} s = ${Math.round(ROWS / bareSeconds).toLocaleString('en')} rows/s | ratio ${(loadSeconds / bareSeconds).toFixed(2)}×`,
    );
    const pageQuery = (i: number) => ({ filters: [{ field: 'year', op: 'eq' as const, value: 2000 + (i % 25) }, { field: 'region', op: 'in' as const, value: [regions[i % 8] ?? '', regions[(i + 1) % 8] ?? ''] }], sort: [{ field: 'amount', order: 'desc' as const }], limit: 100 });
    const pages = await timeAll(Math.min(50, QUERIES), (i) => catalog.datastore.query('bench', pageQuery(i)));
    console.log(`datastore page (2 filters, sorted, 100 rows) over ${rowsLoaded.toLocaleString('en')} rows, region and year indexed: p50 ${ms(percentile(pages, 50))}, p99 ${ms(percentile(pages, 99))}`);
  } finally {
    await catalog.close();
  }
}

async function main(): Promise<void> {
  console.log(`@bayan/catalog bench: ${DATASETS.toLocaleString('en')} datasets, ${ROWS.toLocaleString('en')} datastore rows, ${QUERIES} queries per measure`);
  const only = process.env.BENCH_BACKENDS?.split(',');
  if (only === undefined || only.includes('sqlite')) {
    const dir = mkdtempSync(join(tmpdir(), 'bayan-bench-'));
    try {
      await benchBackend('embedded (SQLite, better-sqlite3)', { data: dir });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (only === undefined || only.includes('postgres')) {
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
      rmSync(files, { recursive: true, force: true });
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    }
  }
}

await main();
