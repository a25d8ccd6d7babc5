// pnpm --filter @bayan/catalog bench:pglite
// The embedded engine question of issue 7, measured: SQLite through better-sqlite3 against
// PGlite (PostgreSQL compiled to WebAssembly), both persisting to a folder with their default
// durability, on the statements Bayan runs:
//   1. bulk insert of BENCH_ROWS (default 1,000,000) typed datastore rows, BENCH_BATCH (10,000)
//      per transaction with a checkpoint row updated in the same transaction (as the datastore does);
//   2. a filtered, sorted 100-row page over those rows (p50/p99), without index, then with indexes
//      on the two filtered columns (build time included);
//   3. full text over BENCH_TEXTS (default 100,000) short fr/ar texts: index build time, then
//      p50/p99 of a ranked top-20 plus count: FTS5 + bm25 against a tsvector GIN index + ts_rank.
// The JavaScript work that is the same on both engines (coercing cells, normalising text) is
// outside the timings.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { PGlite } from '@electric-sql/pglite';
import { normalizeSearchText, searchTokens } from '@bayan/catalog';
import { percentile, timeAll } from './support';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 10_000);
const TEXTS = Number(process.env.BENCH_TEXTS ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 50);

const REGIONS = ['Casablanca-Settat', 'Rabat-Salé-Kénitra', 'Fès-Meknès', 'Marrakech-Safi', 'Souss-Massa', 'Tanger-Tétouan-Al Hoceïma', 'L’Oriental', 'Drâa-Tafilalet'];
const REGION_SEARCH = REGIONS.map((r) => normalizeSearchText(r));
const TOPICS: [string, string][] = [
  ['Budget de l’État', 'ميزانية الدولة'],
  ['Loi de finances', 'قانون المالية'],
  ['Écoles publiques', 'المدارس العمومية'],
  ['Hôpitaux', 'المستشفيات'],
  ['Population légale', 'السكان القانونيون'],
  ['Production d’électricité', 'إنتاج الكهرباء'],
  ['Trafic aéroportuaire', 'حركة المطارات'],
  ['Qualité de l’eau', 'جودة الماء'],
  ['Marchés publics', 'الصفقات العمومية'],
  ['Affaires jugées', 'القضايا المحكومة'],
  ['Abonnements Internet', 'اشتراكات الإنترنت'],
  ['Production céréalière', 'إنتاج الحبوب'],
  ['Arrivées touristiques', 'الوافدون السياحيون'],
  ['Indice des prix', 'الرقم الاستدلالي للأثمان'],
];
const PLACES_AR = ['الدار البيضاء سطات', 'الرباط سلا القنيطرة', 'فاس مكناس', 'مراكش آسفي', 'سوس ماسة', 'طنجة تطوان الحسيمة', 'الشرق', 'درعة تافيلالت'];
const WORDS = ['annuel', 'mensuel', 'par commune', 'par province', 'détaillé', 'consolidé', 'provisoire', 'définitif', 'séries', 'indicateurs'];
const SEARCHES = ['budget', 'ميزانية', 'ecoles', 'المدارس', 'population', 'قانون المالية', 'hôpitaux', 'electricite', 'Budgét', 'مستشفيات', 'production cere', 'طنجة'];

/** One typed datastore row: _id, id, region, year, amount, day, open, _search. */
type Row = [number, number, string, number, number, string, boolean, string];

function row(i: number): Row {
  const r = i % REGIONS.length;
  return [i, i, REGIONS[r] ?? '', 2000 + (i % 25), (i % 9973) * 1.25, `20${String(10 + (i % 15))}-0${1 + (i % 9)}-1${i % 10}`, i % 2 === 0, REGION_SEARCH[r] ?? ''];
}

let seed = 7;
function rnd(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;

/** Short fr or ar texts (a dataset title with a place and a year), normalised as Bayan indexes them. */
function texts(): string[] {
  seed = 7;
  return Array.from({ length: TEXTS }, (_, i) => {
    const [fr, ar] = pick(TOPICS);
    const place = Math.floor(rnd() * REGIONS.length);
    const year = 2010 + Math.floor(rnd() * 16);
    const text = i % 2 === 0 ? `${fr} ${pick(WORDS)} — ${REGIONS[place] ?? ''} ${year}` : `${ar} — ${PLACES_AR[place] ?? ''} ${year}`;
    return normalizeSearchText(text);
  });
}

/** Each word must match, the last one as a prefix (Bayan's search rule). */
function ftsMatch(q: string): string {
  const tokens = searchTokens(q, 16);
  return tokens.map((t, i) => (i === tokens.length - 1 ? `"${t}"*` : `"${t}"`)).join(' AND ');
}
function tsQuery(q: string): string {
  const tokens = searchTokens(q, 16);
  return tokens.map((t, i) => (i === tokens.length - 1 ? `${t}:*` : t)).join(' & ');
}

function latency(times: number[]): string {
  return `p50 ${percentile(times, 50).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms`;
}

function seconds(since: number): number {
  return (performance.now() - since) / 1000;
}

const pageArgs = (i: number): [number, string, string] => [2000 + (i % 25), REGIONS[i % 8] ?? '', REGIONS[(i + 1) % 8] ?? ''];
const PAGE_SQL = 'SELECT _id, c0, c1, c2, c3, c4, c5 FROM ds WHERE c2 = $1 AND c1 IN ($2, $3) ORDER BY c3 DESC NULLS FIRST, _id ASC LIMIT 101';

interface Figures {
  insert: number;
  pageNoIndex: number[];
  indexBuild: number;
  pageIndexed: number[];
  ftsBuild: number;
  ftsQueries: number[];
  matches: number;
}

async function benchSqlite(dir: string, corpus: string[]): Promise<Figures> {
  const db = new BetterSqlite3(join(dir, 'bench.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  try {
    db.exec('CREATE TABLE resources (id TEXT PRIMARY KEY, rows_committed INTEGER NOT NULL)');
    db.exec("INSERT INTO resources VALUES ('bench', 0)");
    db.exec('CREATE TABLE ds (_id INTEGER PRIMARY KEY, c0 INTEGER, c1 TEXT, c2 INTEGER, c3 REAL, c4 TEXT, c5 INTEGER, _search TEXT)');
    const insert = db.prepare('INSERT INTO ds VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const checkpoint = db.prepare("UPDATE resources SET rows_committed = ? WHERE id = 'bench'");
    let t = performance.now();
    for (let from = 1; from <= ROWS; from += BATCH) {
      const to = Math.min(ROWS, from + BATCH - 1);
      db.transaction(() => {
        for (let i = from; i <= to; i++) {
          const r = row(i);
          insert.run(r[0], r[1], r[2], r[3], r[4], r[5], r[6] ? 1 : 0, r[7]);
        }
        checkpoint.run(to);
      }).immediate();
    }
    const insertTime = seconds(t);
    const page = db.prepare(PAGE_SQL.replace(/\$\d/g, '?'));
    const pageNoIndex = await timeAll(QUERIES, (i) => page.all(...pageArgs(i)));
    t = performance.now();
    db.exec('CREATE INDEX ds_c1 ON ds (c1); CREATE INDEX ds_c2 ON ds (c2); PRAGMA analysis_limit = 1000; ANALYZE ds;');
    const indexBuild = seconds(t);
    const indexedPage = db.prepare(PAGE_SQL.replace(/\$\d/g, '?'));
    const pageIndexed = await timeAll(QUERIES, (i) => indexedPage.all(...pageArgs(i)));

    t = performance.now();
    db.exec("CREATE TABLE docs (id INTEGER PRIMARY KEY, body TEXT NOT NULL); CREATE VIRTUAL TABLE docs_fts USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2')");
    const doc = db.prepare('INSERT INTO docs VALUES (?, ?)');
    const ftsRow = db.prepare('INSERT INTO docs_fts (rowid, body) VALUES (?, ?)');
    for (let from = 0; from < corpus.length; from += BATCH) {
      db.transaction(() => {
        for (let i = from; i < Math.min(corpus.length, from + BATCH); i++) {
          doc.run(i + 1, corpus[i]);
          ftsRow.run(i + 1, corpus[i]);
        }
      }).immediate();
    }
    const ftsBuild = seconds(t);
    const top = db.prepare('SELECT d.id, d.body, -bm25(docs_fts) AS rank FROM docs_fts JOIN docs d ON d.id = docs_fts.rowid WHERE docs_fts MATCH ? ORDER BY rank DESC, d.id LIMIT 20');
    const count = db.prepare('SELECT count(*) AS n FROM docs_fts WHERE docs_fts MATCH ?');
    let matches = 0;
    const ftsQueries = await timeAll(QUERIES, (i) => {
      const match = ftsMatch(SEARCHES[i % SEARCHES.length] ?? 'budget');
      top.all(match);
      const n = (count.get(match) as { n: number }).n;
      if (i === 0) matches = n;
    });
    return { insert: insertTime, pageNoIndex, indexBuild, pageIndexed, ftsBuild, ftsQueries, matches };
  } finally {
    db.close();
  }
}

async function benchPglite(dir: string, corpus: string[]): Promise<Figures & { start: number }> {
  let t = performance.now();
  const db = await PGlite.create(join(dir, 'pglite'));
  const start = seconds(t);
  try {
    await db.exec("CREATE TABLE resources (id text PRIMARY KEY, rows_committed bigint NOT NULL); INSERT INTO resources VALUES ('bench', 0)");
    await db.exec('CREATE TABLE ds (_id bigint PRIMARY KEY, c0 bigint, c1 text, c2 bigint, c3 double precision, c4 date, c5 boolean, _search text)');
    t = performance.now();
    for (let from = 1; from <= ROWS; from += BATCH) {
      const to = Math.min(ROWS, from + BATCH - 1);
      const columns: unknown[][] = [[], [], [], [], [], [], [], []];
      for (let i = from; i <= to; i++) row(i).forEach((v, c) => columns[c]?.push(v));
      // The datastore's PostgreSQL path: one INSERT … SELECT FROM unnest() per batch.
      await db.transaction(async (tx) => {
        await tx.query('INSERT INTO ds SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::bigint[], $5::double precision[], $6::date[], $7::boolean[], $8::text[])', columns);
        await tx.query("UPDATE resources SET rows_committed = $1 WHERE id = 'bench'", [to]);
      });
    }
    const insertTime = seconds(t);
    const pageNoIndex = await timeAll(QUERIES, (i) => db.query(PAGE_SQL, pageArgs(i)));
    t = performance.now();
    await db.exec('CREATE INDEX ds_c1 ON ds (c1); CREATE INDEX ds_c2 ON ds (c2); ANALYZE ds;');
    const indexBuild = seconds(t);
    const pageIndexed = await timeAll(QUERIES, (i) => db.query(PAGE_SQL, pageArgs(i)));

    t = performance.now();
    await db.exec("CREATE TABLE docs (id integer PRIMARY KEY, body text NOT NULL, tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED); CREATE INDEX docs_tsv ON docs USING gin (tsv)");
    for (let from = 0; from < corpus.length; from += BATCH) {
      const slice = corpus.slice(from, from + BATCH);
      await db.query('INSERT INTO docs (id, body) SELECT * FROM unnest($1::integer[], $2::text[])', [slice.map((_, k) => from + k + 1), slice]);
    }
    const ftsBuild = seconds(t);
    let matches = 0;
    const ftsQueries = await timeAll(QUERIES, async (i) => {
      const q = tsQuery(SEARCHES[i % SEARCHES.length] ?? 'budget');
      await db.query("SELECT id, body, ts_rank(tsv, to_tsquery('simple', $1)) AS rank FROM docs WHERE tsv @@ to_tsquery('simple', $1) ORDER BY rank DESC, id LIMIT 20", [q]);
      const n = Number((await db.query<{ n: number }>("SELECT count(*) AS n FROM docs WHERE tsv @@ to_tsquery('simple', $1)", [q])).rows[0]?.n);
      if (i === 0) matches = n;
    });
    return { start, insert: insertTime, pageNoIndex, indexBuild, pageIndexed, ftsBuild, ftsQueries, matches };
  } finally {
    await db.close();
  }
}

function print(name: string, f: Figures): void {
  console.log(`\n== ${name}`);
  console.log(`insert ${ROWS.toLocaleString('en')} typed rows (${BATCH.toLocaleString('en')} per transaction + checkpoint): ${f.insert.toFixed(1)} s = ${Math.round(ROWS / f.insert).toLocaleString('en')} rows/s`);
  console.log(`filtered sorted 100-row page, no index: ${latency(f.pageNoIndex)}`);
  console.log(`indexes on the 2 filtered columns built in ${f.indexBuild.toFixed(1)} s; page: ${latency(f.pageIndexed)}`);
  console.log(`full text over ${TEXTS.toLocaleString('en')} fr/ar texts: index built in ${f.ftsBuild.toFixed(1)} s; ranked top 20 + count (${f.matches} matches for "${SEARCHES[0] ?? ''}"): ${latency(f.ftsQueries)}`);
}

async function main(): Promise<void> {
  console.log(`@bayan/catalog embedded engines: ${ROWS.toLocaleString('en')} rows, ${TEXTS.toLocaleString('en')} texts, ${QUERIES} queries per measure`);
  const corpus = texts();
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'bayan-engines-'));
  try {
    const sqlite = await benchSqlite(dir, corpus);
    print('SQLite 3 (better-sqlite3 12, WAL, synchronous=NORMAL)', sqlite);
    const pglite = await benchPglite(dir, corpus);
    print(`PGlite (PostgreSQL in WebAssembly, data folder; started in ${pglite.start.toFixed(1)} s)`, pglite);
    const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
    console.log(
      `\nPGlite / SQLite: insert ${ratio(pglite.insert, sqlite.insert)}, page no index ${ratio(percentile(pglite.pageNoIndex, 50), percentile(sqlite.pageNoIndex, 50))}, page indexed ${ratio(percentile(pglite.pageIndexed, 50), percentile(sqlite.pageIndexed, 50))}, full text p50 ${ratio(percentile(pglite.ftsQueries, 50), percentile(sqlite.ftsQueries, 50))} (whole bench ${seconds(started).toFixed(0)} s)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
