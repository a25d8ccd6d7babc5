// `pnpm --filter @bayan/schema bench`: how many datasets per second parseDataset validates and
// normalises (a realistic record: three languages, three distributions), beside bare baselines
// measured in the same run. Imports the built package (run `pnpm --filter @bayan/schema build` first).
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { fromCkanPackage, parseDataset, toCkanPackage } from '@bayan/schema';
import { realisticDataset } from '../test/fixtures';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

// Rates per second of CPU time used by this process (process.cpuUsage), beside wall-clock
// rates: on a machine shared with other work the wall clock measures the neighbours too.
function measure(name: string, fn: () => unknown): number {
  const cpuRates: number[] = [];
  const wallRates: number[] = [];
  for (let i = 0; i < 2_000; i += 1) fn(); // warm up
  for (let round = 0; round < 5; round += 1) {
    let n = 0;
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    let cpu = 0;
    while (cpu < 300) {
      for (let i = 0; i < 200; i += 1) fn();
      n += 200;
      const used = process.cpuUsage(cpuStart);
      cpu = (used.user + used.system) / 1000;
    }
    cpuRates.push((n / cpu) * 1000);
    wallRates.push((n / (performance.now() - start)) * 1000);
  }
  cpuRates.sort((a, b) => a - b);
  wallRates.sort((a, b) => a - b);
  const median = cpuRates[2] ?? 0;
  const wall = wallRates[2] ?? 0;
  console.log(`${name.padEnd(48)} ${Math.round(median).toLocaleString('en').padStart(12)} /CPU-s ${Math.round(wall).toLocaleString('en').padStart(12)} /s wall`);
  return median;
}

function minimalCheck(d: typeof realisticDataset): boolean {
  const text = (t: unknown) => typeof t === 'object' && t !== null && Object.values(t).some((v) => typeof v === 'string' && v.trim() !== '');
  if (!text(d.title) || !text(d.description)) return false;
  return d.distributions.every((x) => typeof x.accessUrl === 'string' && /^https?:\/\//.test(x.accessUrl));
}

const record = realisticDataset;
const parsed = parseDataset(record);
if (!parsed.ok) throw new Error(`the benchmark record is invalid: ${JSON.stringify(parsed.errors)}`);
const bytes = JSON.stringify(record).length;
console.log(`record: ${bytes} bytes of JSON, 3 languages, ${record.distributions.length} distributions; node ${process.version}; load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} CPUs\n`);

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(new URL('../json-schema/dataset.json', import.meta.url), 'utf8')) as object);
if (!validate(record)) throw new Error('ajv rejects the benchmark record');

const rate = measure('parseDataset (zod, normalised output)', () => parseDataset(record));
const invalid = { ...record, title: {}, landingPage: 'nope', distributions: [{ ...record.distributions[0], byteSize: -1 }] };
const invalidRate = measure('parseDataset on an invalid record (3 errors)', () => parseDataset(invalid));
const clone = measure('baseline: structuredClone', () => structuredClone(record));
const json = measure('baseline: JSON.parse(JSON.stringify())', () => JSON.parse(JSON.stringify(record)) as unknown);
const minimal = measure('baseline: hand-written minimal check', () => minimalCheck(record));
const ajvRate = measure('ajv (compiled JSON Schema, validation only)', () => validate(record));
const ckanPackage = toCkanPackage(parsed.value);
const ckan = measure('fromCkanPackage (CKAN → Bayan, with validation)', () => fromCkanPackage(ckanPackage));

console.log('');
console.log(`parseDataset: ${Math.round(rate).toLocaleString('en')} datasets per CPU-second (target ≥ 20,000: ${rate >= 20_000 ? 'met' : 'NOT met'})`);
console.log(`  ${(rate / clone).toFixed(2)}× structuredClone, ${(rate / json).toFixed(2)}× JSON round trip, ${(rate / minimal).toFixed(3)}× a minimal check, ${(rate / ajvRate).toFixed(3)}× ajv`);
console.log(`  invalid records: ${Math.round(invalidRate).toLocaleString('en')}/s; CKAN import: ${Math.round(ckan).toLocaleString('en')}/s`);
