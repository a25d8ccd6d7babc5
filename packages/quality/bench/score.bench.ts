/*
 * Metadata scoring throughput of @bayan/quality beside a bare baseline, in one run.
 *
 *   pnpm --filter @bayan/quality bench                    # builds, then 50,000 datasets
 *   BAYAN_BENCH_DATASETS=200000 pnpm --filter @bayan/quality bench
 *
 * Generates varied dataset records (0–4 distributions, fields on or off, good, proprietary and
 * unknown formats and licences, links up, down or unchecked), then times:
 *   - baseline: a bare loop that tests the same 23 fields and sums their points, with no
 *     vocabulary look-ups, no penalties, no explanations (the floor any scorer pays);
 *   - scoreMetadata under mqa (best and proportional), udata, openness, and scorecard.
 * Prints datasets/s and the ratio to the baseline. Imports the package through its public name.
 */
import { openness, scoreMetadata, scorecard, scoreData, type QualityReport, type ScoreContext } from '@bayan/quality';
import type { Dataset, Distribution } from '@bayan/schema';
import { cpus, loadavg } from 'node:os';

const COUNT = Number(process.env.BAYAN_BENCH_DATASETS ?? 50_000);
const FT = 'http://publications.europa.eu/resource/authority/file-type/';
const formats = [`${FT}CSV`, `${FT}XLSX`, `${FT}PDF`, `${FT}JSON`, `${FT}GEOJSON`, `${FT}NOT_KNOWN`];
const mediaTypes = ['text/csv', 'application/json', 'application/pdf', 'application/vnd.ms-excel', 'application/x-custom'];
const licences = [
  'http://publications.europa.eu/resource/authority/licence/ODC_BL',
  'http://publications.europa.eu/resource/authority/licence/CC_BY_4_0',
  'https://example.org/terms',
];

let seed = 7;
function rand(n: number): number {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
}
const coin = () => rand(4) !== 0; // fields are present three times in four

function generate(i: number): Dataset {
  const distributions: Distribution[] = [];
  const n = rand(5);
  for (let d = 0; d < n; d++) {
    const url = `https://data.gov.ma/files/${i}-${d}.${['csv', 'xlsx', 'pdf', 'json'][rand(4)]}`;
    distributions.push({
      accessUrl: url,
      ...(coin() ? { downloadUrl: url } : {}),
      ...(coin() ? { format: formats[rand(formats.length)] } : {}),
      ...(coin() ? { mediaType: mediaTypes[rand(mediaTypes.length)] } : {}),
      ...(coin() ? { license: licences[rand(licences.length)] } : {}),
      ...(coin() ? { rights: { fr: 'Réutilisation libre' } } : {}),
      ...(coin() ? { byteSize: rand(1_000_000) } : {}),
    });
  }
  return {
    schemaVersion: 1,
    id: `ds-${i}`,
    title: { fr: `Jeu ${i}`, ar: `مجموعة ${i}` },
    description: { fr: 'Des données publiques utiles à tous, publiées par un ministère.' },
    ...(coin() ? { keywords: { fr: ['budget', 'finances'] } } : {}),
    ...(coin() ? { themes: ['http://publications.europa.eu/resource/authority/data-theme/ECON'] } : {}),
    ...(coin() ? { spatial: [{ label: { fr: 'Maroc' } }] } : {}),
    ...(coin() ? { temporal: [{ start: '2023-01-01' }] } : {}),
    ...(coin() ? { accessRights: 'http://publications.europa.eu/resource/authority/access-right/PUBLIC' } : {}),
    ...(coin() ? { contactPoints: [{ email: 'opendata@gov.ma' }] } : {}),
    ...(coin() ? { publisher: { name: { fr: 'HCP' } } } : {}),
    ...(coin() ? { issued: '2023-01-01' } : {}),
    ...(coin() ? { modified: '2024-01-01' } : {}),
    ...(coin() ? { frequency: 'http://publications.europa.eu/resource/authority/frequency/MONTHLY' } : {}),
    distributions,
  };
}

const datasets = Array.from({ length: COUNT }, (_, i) => generate(i));
const links: Record<string, number> = {};
for (const ds of datasets) for (const d of ds.distributions) if (rand(3) !== 0) links[d.accessUrl] = rand(5) === 0 ? 404 : 200;
const context: ScoreContext = { links, dcatApCompliant: true, now: '2024-06-01' };

// The floor: presence tests of the 23 MQA fields summed into points, best distribution only.
function baseline(ds: Dataset, ctx: ScoreContext): number {
  let total = 0;
  if (ds.keywords && (ds.keywords.fr?.length || ds.keywords.ar?.length || ds.keywords.en?.length)) total += 30;
  if (ds.themes?.length) total += 30;
  if (ds.spatial?.length) total += 20;
  if (ds.temporal?.length) total += 20;
  if (ctx.dcatApCompliant) total += 30;
  if (ds.accessRights) total += 15;
  if (ds.contactPoints?.length) total += 20;
  if (ds.publisher) total += 10;
  const status = ctx.links as Record<string, number>;
  let best = 0;
  for (const d of ds.distributions) {
    let s = 0;
    if (status[d.accessUrl] === 200) s += 50;
    if (d.downloadUrl) s += 20;
    if (d.downloadUrl && status[d.downloadUrl] === 200) s += 30;
    if (d.format) s += 20;
    if (d.mediaType) s += 10;
    if (d.format && d.mediaType) s += 50;
    if (d.license) s += 30;
    if (d.rights) s += 5;
    if (d.byteSize !== undefined) s += 5;
    if (s > best) best = s;
  }
  if (ds.issued) total += 5;
  if (ds.modified) total += 5;
  return total + best;
}

let sink = 0;
// Rates are per second of this process's CPU time (user + system), best of `repeat` passes after
// a warm-up: the machine is shared, and wall time would measure the neighbours. Wall-clock rates
// are printed beside them.
function time(_label: string, run: (ds: Dataset) => number, repeat = 3): { cpu: number; wall: number } {
  for (const ds of datasets) sink += run(ds);
  let bestCpu = Infinity;
  let bestWall = Infinity;
  for (let r = 0; r < repeat; r++) {
    const cpu0 = process.cpuUsage();
    const start = process.hrtime.bigint();
    for (const ds of datasets) sink += run(ds);
    const wall = Number(process.hrtime.bigint() - start) / 1e6;
    const used = process.cpuUsage(cpu0);
    bestCpu = Math.min(bestCpu, (used.user + used.system) / 1000);
    bestWall = Math.min(bestWall, wall);
  }
  return { cpu: (COUNT / bestCpu) * 1000, wall: (COUNT / bestWall) * 1000 };
}

const rows: [string, { cpu: number; wall: number }][] = [];
const base = time('baseline', (ds) => baseline(ds, context));
rows.push(['baseline (bare presence sum)', base]);
rows.push(['scoreMetadata mqa, best', time('mqa', (ds) => scoreMetadata(ds, context).total)]);
const proportional: ScoreContext = { ...context, aggregation: 'proportional' };
const unchecked: ScoreContext = { now: context.now };
rows.push(['scoreMetadata mqa, proportional', time('prop', (ds) => scoreMetadata(ds, proportional).total)]);
rows.push(['scoreMetadata mqa, no link results', time('nolinks', (ds) => scoreMetadata(ds, unchecked).total)]);
rows.push(['scoreMetadata udata', time('udata', (ds) => scoreMetadata(ds, context, 'udata').total)]);
rows.push(['openness', time('openness', (ds) => openness(ds, context).stars)]);

function cpuMs<T>(run: () => T): [T, number] {
  const start = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(start);
  return [value, (used.user + used.system) / 1000];
}

const reports: QualityReport[] = datasets.map((ds) => scoreMetadata(ds, context));
const [card, cardMs] = cpuMs(() => scorecard(reports));

const errors = Array.from({ length: 100_000 }, (_, i) => ({ type: ['type-error', 'constraint-error', 'duplicate-row', 'missing-cell'][i % 4]!, rowNumber: 2 + (i % 500_000) }));
const [data, dataMs] = cpuMs(() => scoreData({ valid: false, stats: { rows: 1_000_000 }, errors }));

const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(14);
console.log(`@bayan/quality — ${COUNT.toLocaleString('en-US')} varied datasets, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs`);
console.log(`${'what'.padEnd(38)}${'datasets/cpu-s'.padStart(14)}${'vs baseline'.padStart(13)}${'datasets/s wall'.padStart(17)}`);
for (const [label, rate] of rows) console.log(`${label.padEnd(38)}${fmt(rate.cpu)}${`${(rate.cpu / base.cpu).toFixed(3)}×`.padStart(13)}${fmt(rate.wall).padStart(17)}`);
console.log(`scorecard over ${COUNT.toLocaleString('en-US')} reports: ${cardMs.toFixed(1)} ms CPU (mean ${card.mean}, median ${card.median})`);
console.log(`scoreData, report with 100,000 errors: ${dataMs.toFixed(1)} ms CPU (score ${data.score})`);
const mqa = rows[1]![1];
console.log(`target ≥ 100,000 datasets per CPU-second (mqa, best): ${mqa.cpu >= 100_000 ? 'met' : 'NOT met'} (${Math.round(mqa.cpu).toLocaleString('en-US')})`);
if (sink === 0.5) console.log(''); // keeps the work observable
