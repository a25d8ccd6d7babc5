// `pnpm --filter @bayan/server bench`: search throughput and latency of the HTTP API on a large
// catalogue (default 100,000 datasets; BAYAN_BENCH_DATASETS to change), with autocannon at 16
// connections on 127.0.0.1, against the catalogue's own search call as the bare baseline.
// The generated catalogue is cached in the temp folder between runs (delete it to regenerate).
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCatalog, type Catalog } from '@bayan/catalog';
import { createServer } from '@bayan/server';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type autocannon from 'autocannon';

const COUNT = Number(process.env.BAYAN_BENCH_DATASETS ?? 100_000);
const CONNECTIONS = 16;
const DURATION_S = Number(process.env.BAYAN_BENCH_SECONDS ?? 10);
const dir = join(tmpdir(), `bayan-server-bench-${COUNT}`);

const themes = ['ECON', 'SOCI', 'EDUC', 'HEAL', 'ENVI', 'TRAN', 'AGRI', 'ENER', 'GOVE', 'JUST', 'REGI', 'TECH', 'INTR'];
const wordsFr = ['budget', 'population', 'santé', 'école', 'transport', 'énergie', 'eau', 'agriculture', 'emploi', 'tourisme', 'commerce', 'justice', 'climat', 'routes', 'hôpitaux'];
const wordsAr = ['ميزانية', 'السكان', 'الصحة', 'المدارس', 'النقل', 'الطاقة', 'الماء', 'الفلاحة', 'التشغيل', 'السياحة', 'التجارة', 'العدل', 'المناخ', 'الطرق', 'المستشفيات'];
const regions = ['Casablanca-Settat', 'Rabat-Salé-Kénitra', 'Marrakech-Safi', 'Fès-Meknès', 'Tanger-Tétouan-Al Hoceïma', 'Souss-Massa', 'Oriental', 'Drâa-Tafilalet'];
const formats = ['CSV', 'XLSX', 'JSON', 'PDF', 'GEOJSON'];

async function generate(catalog: Catalog): Promise<void> {
  const orgIds: string[] = [];
  for (let o = 0; o < 40; o++) {
    const r = await catalog.organizations.create({ slug: `org-${o}`, name: { fr: `Organisme ${o}`, ar: `الهيئة ${o}` } });
    if (r.ok) orgIds.push(r.value.id);
  }
  const started = performance.now();
  const BATCH = 1000;
  for (let from = 0; from < COUNT; from += BATCH) {
    const inputs = [];
    for (let i = from; i < Math.min(COUNT, from + BATCH); i++) {
    const w = i % wordsFr.length;
    const region = regions[i % regions.length] ?? '';
    const year = 2000 + (i % 25);
    const format = formats[i % formats.length] ?? 'CSV';
    inputs.push({
      slug: `ds-${i}`,
      title: { fr: `${wordsFr[w]} ${region} ${year}`, ar: `${wordsAr[w]} ${year}` },
      description: { fr: `Statistiques de ${wordsFr[w]} pour la région ${region}, année ${year}. Jeu n° ${i}.`, ar: `إحصاءات ${wordsAr[w]} لسنة ${year}` },
      keywords: { fr: [wordsFr[w] ?? 'x', region.toLowerCase()], ar: [wordsAr[w] ?? 'x'] },
      themes: [`http://publications.europa.eu/resource/authority/data-theme/${themes[i % themes.length]}`],
      organizationId: orgIds[i % orgIds.length],
      publicationState: 'published',
      distributions: [
        {
          accessUrl: `https://data.example.ma/files/${i}.${format.toLowerCase()}`,
          format: `http://publications.europa.eu/resource/authority/file-type/${format}`,
          license: 'http://publications.europa.eu/resource/authority/licence/CC_BY_4_0',
        },
      ],
    });
    }
    const report = await catalog.datasets.createMany(inputs);
    if (report.created.length !== inputs.length) throw new Error(`only ${report.created.length} of ${inputs.length} created`);
    const i = from + inputs.length - 1;
    if ((i + 1) % 5000 === 0) process.stderr.write(`  generated ${i + 1}/${COUNT} (${Math.round(((i + 1) / (performance.now() - started)) * 1000)}/s)\n`);
  }
}

// The query mix: text in French and Arabic, facet filters, sorts, and plain browsing.
const queries = [
  'q=budget&limit=20',
  `q=${encodeURIComponent('ميزانية')}&limit=20`,
  `q=${encodeURIComponent('santé casablanca')}&limit=20`,
  'theme=HEAL&limit=20',
  'q=transport&theme=TRAN&format=CSV&limit=20',
  'sort=title&order=asc&limit=20',
  'q=eau&sort=modified&limit=20',
  'organization=ORG&limit=20',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** The catalogue's search called directly, 16 at a time, for the same query mix: the bare baseline. */
async function baseline(catalog: Catalog, orgId: string, seconds: number): Promise<{ rps: number; p50: number; p99: number; mean: number }> {
  const calls = queries.map((q) => {
    const p = new URLSearchParams(q.replace('ORG', orgId));
    return () =>
      catalog.search({
        q: p.get('q') ?? undefined,
        filters: {
          ...(p.get('theme') ? { theme: [p.get('theme') ?? ''] } : {}),
          ...(p.get('format') ? { format: [p.get('format') ?? ''] } : {}),
          ...(p.get('organization') ? { organization: [p.get('organization') ?? ''] } : {}),
        },
        states: ['published'],
        sort: (p.get('sort') as 'title' | 'modified' | null) ?? undefined,
        order: (p.get('order') as 'asc' | null) ?? undefined,
        limit: 20,
      });
  });
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  let n = 0;
  const worker = async () => {
    while (performance.now() < end) {
      const call = calls[n++ % calls.length];
      const t = performance.now();
      await call?.();
      latencies.push(performance.now() - t);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), mean: latencies.reduce((s, x) => s + x, 0) / latencies.length };
}

/** Runs autocannon in a child process (bench/load.mjs) and returns its result. */
function load(url: string, paths: string[], seconds: number): Promise<autocannon.Result> {
  const script = fileURLToPath(new URL('./load.mjs', import.meta.url));
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [script],
      { env: { ...process.env, BENCH_URL: url, BENCH_PATHS: JSON.stringify(paths), BENCH_SECONDS: String(seconds), BENCH_CONNECTIONS: String(CONNECTIONS) }, maxBuffer: 64 * 2 ** 20, timeout: (seconds + 60) * 1000 },
      (error, stdout) => {
        if (error) reject(new Error(`load generator failed: ${error.message}`));
        else resolve(JSON.parse(stdout) as autocannon.Result);
      },
    );
  });
}

async function main(): Promise<void> {
  const fresh = !existsSync(join(dir, 'bayan.sqlite'));
  mkdirSync(dir, { recursive: true });
  const catalog = await openCatalog({ data: dir });
  if (fresh || (await catalog.search({ limit: 1, facets: [] })).total < COUNT) {
    process.stderr.write(`Generating ${COUNT} datasets in ${dir} (cached for later runs)…\n`);
    await generate(catalog);
  }
  const total = (await catalog.search({ limit: 1, facets: [] })).total;
  const orgId = (await catalog.organizations.get('org-1'))?.id ?? '';
  const server = await createServer({ catalog, rateLimits: false, onError: (e) => console.error(e) });
  const running = await server.listen({ port: 0 });
  try {
    const api = async (paths: string[], seconds: number) => load(running.url, paths, seconds);
    const searchPaths = queries.map((q) => `/api/v1/datasets?${q.replace('ORG', orgId)}`);
    await api(searchPaths, 2); // warm-up
    const base = await baseline(catalog, orgId, DURATION_S);
    const search = await api(searchPaths, DURATION_S);
    const ckan = await api(['/api/3/action/package_search?q=budget&rows=20', '/api/3/action/package_search?fq=groups:heal&rows=20'], DURATION_S);
    // The same mix on a second server whose catalogue keeps no query results: every request
    // computes its matches, ranking and facet counts from scratch (the long tail of queries).
    const uncachedCatalog = await openCatalog({ data: dir, searchCache: 0 });
    await uncachedCatalog.warmSearch();
    const uncachedServer = await createServer({ catalog: uncachedCatalog, rateLimits: false, onError: (e) => console.error(e) });
    const uncachedRunning = await uncachedServer.listen({ port: 0 });
    let uncached: autocannon.Result;
    try {
      uncached = await load(uncachedRunning.url, searchPaths, DURATION_S);
    } finally {
      await uncachedRunning.close();
      await uncachedCatalog.close();
    }
    const line = (name: string, rps: number, p50: number, p99: number) => `${name.padEnd(36)} ${Math.round(rps).toString().padStart(7)} req/s   p50 ${p50.toFixed(1).padStart(6)} ms   p99 ${p99.toFixed(1).padStart(6)} ms`;
    console.log(`\nSearch on a ${total.toLocaleString('en')}-dataset catalogue (SQLite), ${CONNECTIONS} connections, ${DURATION_S} s each, 127.0.0.1, load generator in its own process (2 cores shared):`);
    console.log(line('catalog.search() alone (baseline)', base.rps, base.p50, base.p99));
    console.log(line('GET /api/v1/datasets', search.requests.average, search.latency.p50, search.latency.p99));
    console.log(line('GET /api/3/action/package_search', ckan.requests.average, ckan.latency.p50, ckan.latency.p99));
    console.log(line('GET /api/v1/datasets, no result cache', uncached.requests.average, uncached.latency.p50, uncached.latency.p99));
    console.log(`\nratio API/baseline: throughput ×${(search.requests.average / base.rps).toFixed(2)}, p50 latency ×${(search.latency.p50 / Math.max(0.1, base.p50)).toFixed(2)}, mean latency ×${(search.latency.average / base.mean).toFixed(2)}`);
    console.log(`API: ${search.requests.total} requests in ${search.duration} s, timeouts ${search.timeouts}, mean ${search.latency.mean} ms`);
    console.log(`errors: API ${search.errors + search.non2xx}, CKAN ${ckan.errors + ckan.non2xx}`);
    console.log(`target: ≥ 1,000 req/s and p99 < 100 ms → ${search.requests.average >= 1000 && search.latency.p99 < 100 ? 'met' : 'NOT met'}`);
  } finally {
    await running.close();
    await catalog.close();
  }
}

await main();
