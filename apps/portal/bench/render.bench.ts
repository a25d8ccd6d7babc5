// Server render time of the portal's dataset and search pages beside the API call alone, and the
// gzipped JavaScript a dataset page loads. Uses the built portal (`pnpm --filter portal build`).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { openCatalog, seedDemo } from '@bayan/catalog';
import { createServer } from '@bayan/server';
import { createPortal } from 'portal';

const DATASETS = Number(process.env.BENCH_DATASETS ?? 200);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const origin = 'http://bench.test';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(label: string, run: () => Promise<Response>): Promise<{ label: string; p50: number; p99: number }> {
  for (let i = 0; i < 20; i++) await (await run()).arrayBuffer();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const response = await run();
    await response.arrayBuffer();
    samples.push(performance.now() - start);
    if (!response.ok) throw new Error(`${label}: HTTP ${response.status}`);
  }
  samples.sort((a, b) => a - b);
  return { label, p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

const dir = mkdtempSync(join(tmpdir(), 'bayan-portal-bench-'));
const catalog = await openCatalog({ data: dir });
const seedStart = performance.now();
await seedDemo(catalog, { datasets: DATASETS, baseUrl: origin });
console.log(`seeded ${DATASETS} demo datasets in ${((performance.now() - seedStart) / 1000).toFixed(1)} s; ${RUNS} runs per measure`);
const server = await createServer({ catalog, publicUrl: origin, rateLimits: false });
const api = (path: string, init?: RequestInit) => server.fetch(new Request(origin + path, init));
const portal = createPortal({ fetch: (request) => server.fetch(request), publicUrl: origin });
const page = (path: string) => portal(new Request(origin + path));

const search = (await (await api('/api/v1/datasets?q=population&limit=1')).json()) as { items: { id: string; slug: string }[] };
const dataset = search.items[0]!;
const rows = () =>
  api(`/api/v1/datastore/${encodeURIComponent(`${dataset.id}/csv`)}/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ limit: 20, count: true }),
  });

const results = [
  await time('API GET /api/v1/datasets/{id} (baseline)', () => api(`/api/v1/datasets/${dataset.id}`)),
  await time('API datastore query, 20 rows (baseline)', rows),
  await time('portal dataset page /fr/datasets/{slug}', () => page(`/fr/datasets/${dataset.slug}`)),
  await time('portal dataset page /ar/…?sort=population:desc&page=3', () => page(`/ar/datasets/${dataset.slug}?sort=population:desc&page=3`)),
  await time('API GET /api/v1/datasets?q=population (baseline)', () => api('/api/v1/datasets?q=population&limit=20')),
  await time('portal search page /fr/search?q=population', () => page('/fr/search?q=population')),
  await time('portal search page /ar/search?theme=SOCI&page=2', () => page('/ar/search?theme=SOCI&page=2')),
];
const base = (label: string) => results.find((r) => r.label.startsWith(label))!;
console.log('\nmeasure'.padEnd(62) + 'p50 ms'.padStart(10) + 'p99 ms'.padStart(10) + '  ratio p50');
for (const r of results) {
  const baseline = r.label.includes('dataset page') ? base('API GET /api/v1/datasets/{id}') : r.label.includes('search page') ? base('API GET /api/v1/datasets?q') : undefined;
  const ratio = baseline ? `${(r.p50 / baseline.p50).toFixed(1)}× API` : '';
  console.log(r.label.padEnd(61) + r.p50.toFixed(2).padStart(10) + r.p99.toFixed(2).padStart(10) + `  ${ratio}`);
}

// What a browser downloads for a dataset page: every module script and stylesheet it names.
const html = await (await page(`/fr/datasets/${dataset.slug}`)).text();
const clientDir = fileURLToPath(new URL('../dist/client', import.meta.url));
const files = (pattern: RegExp) => [...html.matchAll(pattern)].map((m) => join(clientDir, m[1]!));
const js = files(/<script type="module" src="([^"]+)"/g);
const css = files(/<link rel="stylesheet" href="([^"]+)"/g);
const size = (list: string[], gzip: boolean) => list.reduce((sum, f) => sum + (gzip ? gzipSync(readFileSync(f), { level: 9 }).length : readFileSync(f).length), 0);
console.log(`\ndataset page HTML: ${(html.length / 1024).toFixed(1)} KB, ${(gzipSync(html).length / 1024).toFixed(1)} KB gzipped`);
console.log(`dataset page JavaScript: ${js.length} file(s), ${(size(js, false) / 1024).toFixed(1)} KB, ${(size(js, true) / 1024).toFixed(1)} KB gzipped (aim < 150 KB: ${((size(js, true) / 1024 / 150) * 100).toFixed(0)}% of budget)`);
console.log(`dataset page CSS: ${(size(css, true) / 1024).toFixed(1)} KB gzipped`);
const p50 = Math.max(base('portal dataset page /fr').p50, base('portal search page /fr').p50);
console.log(`aim p50 < 30 ms: ${p50 < 30 ? 'met' : 'missed'} (worst p50 of the two pages ${p50.toFixed(2)} ms)`);

await catalog.close();
rmSync(dir, { recursive: true, force: true });
