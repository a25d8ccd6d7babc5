// Harvest throughput: 10,000 CKAN packages from a local Action API server (127.0.0.1, ephemeral
// port) into the embedded database, beside a bare baseline that only fetches and JSON-parses the
// same pages. Run with `pnpm --filter @bayan/catalog bench` after `pnpm build`.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCatalog, runHarvest } from '@bayan/catalog';
import { fromCkanPackage } from '@bayan/schema';

const COUNT = Number(process.env.BENCH_PACKAGES ?? 10_000);
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

const dir = mkdtempSync(join(tmpdir(), 'bayan-harvest-bench-'));
const catalog = await openCatalog({ data: dir });
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
await catalog.close();
rmSync(dir, { recursive: true, force: true });
server.close();

const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en');
console.log(`harvest ${COUNT.toLocaleString('en')} CKAN packages (local Action API, pages of ${ROWS}) into the embedded database`);
console.log(`  baseline  fetch + JSON.parse only      ${baseline.toFixed(2)} s  ${rate(seen, baseline)} datasets/s`);
console.log(`  first run created ${first.counts.created}, failed ${first.counts.failed}    ${harvest.toFixed(2)} s  ${rate(first.counts.created, harvest)} datasets/s  (gather ${((gatheredAt - t0) / 1000).toFixed(2)} s)  ×${(harvest / baseline).toFixed(1)} the baseline`);
console.log(`  second run unchanged ${second.counts.unchanged}          ${unchanged.toFixed(2)} s  ${rate(second.counts.unchanged, unchanged)} datasets/s  ×${(unchanged / baseline).toFixed(1)} the baseline`);
console.log(`  where the time goes: fromCkanPackage ${((mapping / COUNT) * 1000).toFixed(2)} ms/record, catalog datasets.create ${(floorPerRecord * 1000).toFixed(2)} ms/record (sample of ${SAMPLE}), whole harvest ${((harvest / COUNT) * 1000).toFixed(2)} ms/record`);
console.log(`  harvester overhead over mapping + create: ×${(harvest / COUNT / (mapping / COUNT + floorPerRecord)).toFixed(2)}`);
console.log(`  aim: whole first run < 60 s → ${harvest < 60 ? 'met' : 'NOT met'}`);
