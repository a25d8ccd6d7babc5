// Harvest throughput: 10,000 CKAN packages from a local Action API server (127.0.0.1, ephemeral
// port) into the embedded database, beside a bare baseline that only fetches and JSON-parses the
// same pages. Run with `pnpm --filter @bayan/catalog bench` after `pnpm build`.
// Knobs: BENCH_PACKAGES (default 10,000); BENCH_DCAT_AP=1 also checks every harvested record
// against the DCAT-AP 3.0.1 SHACL shapes of ../shared/conformance (as `openCatalog({ dcatApCompliance })`);
// BENCH_DATABASE=postgres://… harvests into a fresh schema of that PostgreSQL database instead
// (dropped afterwards).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dcatApComplianceCheck, mqaQualityScorer, openCatalog, runHarvest } from '@bayan/catalog';
import { fromCkanPackage } from '@bayan/schema';
import pg from 'pg';

const COUNT = Number(process.env.BENCH_PACKAGES ?? 10_000);
const shaclDir = new URL('../../../../shared/conformance/dcat-ap/3.0.1/shacl/', import.meta.url);
const shapes = existsSync(shaclDir) ? [readFileSync(new URL('shapes.ttl', shaclDir), 'utf8'), readFileSync(new URL('range.ttl', shaclDir), 'utf8')] : undefined;
const dcatApCompliance = shapes === undefined ? undefined : dcatApComplianceCheck(shapes, 'https://data.example.org');
const withDcatAp = process.env.BENCH_DCAT_AP === '1' && dcatApCompliance !== undefined;
const ROWS = 1000;

function makePackage(i: number): Record<string, unknown> {
  const n = String(i).padStart(6, '0');
  const org = ['finances', 'sante', 'education'][i % 3]!;
  return {
    id: `pkg-${n}`,
    name: `jeu-${n}`,
    title: `Jeu de données ${n}`,
    title_fr: `Jeu de données ${n}`,
    title_ar: `مجموعة البيانات ${n}`,
    notes_translated: { fr: `Description du jeu ${n}, publiée par le ministère.`, ar: `وصف المجموعة ${n}` },
    license_id: 'cc-by',
    metadata_created: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString().replace('Z', ''),
    metadata_modified: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString().replace('Z', ''),
    state: 'active',
    private: false,
    organization: { id: `org-${org}`, name: org, title: org },
    groups: [{ name: i % 2 === 0 ? 'economie' : 'sante' }],
    tags: [{ name: 'statistiques' }, { name: `tag-${i % 7}` }],
    resources: [{ id: `res-${n}`, url: `https://data.example.org/files/${n}.csv`, format: 'CSV', name: `Fichier ${n}` }],
  };
}

const packages = Array.from({ length: COUNT }, (_, i) => makePackage(i + 1));
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const start = Number(url.searchParams.get('start') ?? 0);
  const rows = Number(url.searchParams.get('rows') ?? 10);
  const body = JSON.stringify({ success: true, result: { count: packages.length, results: packages.slice(start, start + rows) } });
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(body);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/3/action`;

// Baseline: the same pages, fetched and parsed, nothing else.
let t = performance.now();
let seen = 0;
for (let start = 0; start < COUNT; start += ROWS) {
  const response = await fetch(`${base}/package_search?rows=${ROWS}&start=${start}`);
  const json = (await response.json()) as { result: { results: unknown[] } };
  seen += json.result.results.length;
}
const baseline = (performance.now() - t) / 1000;

// Where the time goes: the CKAN mapping alone, and the catalogue's own datasets.create on a sample
// of already-mapped records (the floor any importer built on the public API pays).
t = performance.now();
const mapped = packages.map((p) => fromCkanPackage(p).dataset);
const mapping = (performance.now() - t) / 1000;
const SAMPLE = Math.min(1000, COUNT);
const floorDir = mkdtempSync(join(tmpdir(), 'bayan-harvest-floor-'));
const floorCatalog = await openCatalog({ data: floorDir });
t = performance.now();
for (const d of mapped.slice(0, SAMPLE)) {
  const { organizationId: _org, ...record } = d;
  const created = await floorCatalog.datasets.create(record);
  if (!created.ok) throw new Error(JSON.stringify(created.errors[0]));
}
const floorPerRecord = (performance.now() - t) / 1000 / SAMPLE;
await floorCatalog.close();
rmSync(floorDir, { recursive: true, force: true });
// Quality scoring runs on every written dataset: the MQA scorer alone, and the optional DCAT-AP SHACL check.
t = performance.now();
for (const d of mapped) mqaQualityScorer(d, { validationReports: [], linkChecks: [] });
const scoring = (performance.now() - t) / 1000;
let shaclPerRecord: number | undefined;
if (dcatApCompliance !== undefined) {
  await dcatApCompliance(mapped[0]!); // loads the engine and the shapes
  const sample = mapped.slice(1, 1 + Math.min(300, COUNT - 1));
  t = performance.now();
  for (const d of sample) await dcatApCompliance(d);
  shaclPerRecord = (performance.now() - t) / 1000 / Math.max(1, sample.length);
}

const database = process.env.BENCH_DATABASE;
const schema = `bench_harvest_${process.pid}`;
const dir = mkdtempSync(join(tmpdir(), 'bayan-harvest-bench-'));
const catalog = await openCatalog({ ...(database === undefined ? { data: dir } : { database, schema }), ...(withDcatAp ? { dcatApCompliance } : {}) });
const source = await catalog.harvests.addSource({ kind: 'ckan', url: base, config: { rows: ROWS, groupThemes: { economie: 'ECON', sante: 'HEAL' } } });
t = performance.now();
const t0 = t;
let gatheredAt = 0;
const first = await runHarvest(catalog, source.id, {
  allowPrivateNetworks: true,
  onProgress: (p) => {
    if (gatheredAt === 0 && p.stage !== 'gather') gatheredAt = performance.now();
  },
});
const harvest = (performance.now() - t) / 1000;
t = performance.now();
const second = await runHarvest(catalog, source.id, { allowPrivateNetworks: true, full: true });
const unchanged = (performance.now() - t) / 1000;
// Every package changed at the source (a new description): each dataset gets a revision.
for (const p of packages) p.notes_translated = { fr: `${(p.notes_translated as { fr: string }).fr} Mise à jour.`, ar: (p.notes_translated as { ar: string }).ar };
t = performance.now();
const third = await runHarvest(catalog, source.id, { allowPrivateNetworks: true, full: true });
const changed = (performance.now() - t) / 1000;
await catalog.close();
rmSync(dir, { recursive: true, force: true });
if (database !== undefined) {
  const client = new pg.Client({ connectionString: database });
  await client.connect();
  await client.query(`DROP SCHEMA ${schema} CASCADE`);
  await client.end();
}
server.close();

const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en');
console.log(`harvest ${COUNT.toLocaleString('en')} CKAN packages (local Action API, pages of ${ROWS}) into ${database === undefined ? 'the embedded database' : 'PostgreSQL'}${withDcatAp ? ', with the DCAT-AP SHACL check' : ''}`);
console.log(`  baseline  fetch + JSON.parse only      ${baseline.toFixed(2)} s  ${rate(seen, baseline)} datasets/s`);
console.log(`  first run created ${first.counts.created}, failed ${first.counts.failed}    ${harvest.toFixed(2)} s  ${rate(first.counts.created, harvest)} datasets/s  (gather ${((gatheredAt - t0) / 1000).toFixed(2)} s)  ×${(harvest / baseline).toFixed(1)} the baseline`);
console.log(`  second run unchanged ${second.counts.unchanged}          ${unchanged.toFixed(2)} s  ${rate(second.counts.unchanged, unchanged)} datasets/s  ×${(unchanged / baseline).toFixed(1)} the baseline`);
console.log(`  third run updated ${third.counts.updated}           ${changed.toFixed(2)} s  ${rate(third.counts.updated, changed)} datasets/s  ×${(changed / baseline).toFixed(1)} the baseline`);
console.log(`  where the time goes: fromCkanPackage ${((mapping / COUNT) * 1000).toFixed(2)} ms/record, catalog datasets.create ${(floorPerRecord * 1000).toFixed(2)} ms/record (embedded, sample of ${SAMPLE}), whole harvest ${((harvest / COUNT) * 1000).toFixed(2)} ms/record`);
console.log(`  quality: MQA scorer ${((scoring / COUNT) * 1000).toFixed(3)} ms/record (${((scoring / harvest) * 100).toFixed(1)} % of the first run)${shaclPerRecord === undefined ? '' : `, DCAT-AP SHACL check ${(shaclPerRecord * 1000).toFixed(2)} ms/record (${((shaclPerRecord * COUNT) / harvest * 100).toFixed(0)} % of the first run${withDcatAp ? '' : ' if configured: BENCH_DCAT_AP=1'})`}`);
console.log(`  harvest per record against single datasets.create: ×${(harvest / COUNT / floorPerRecord).toFixed(2)}`);
console.log(`  aim: whole first run < 60 s → ${harvest < 60 ? 'met' : 'NOT met'}`);
