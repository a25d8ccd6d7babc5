// Streams 100,000 datasets to Turtle and to JSON-LD with @bayan/dcat (the built package) and
// compares with the bare N3.js writer writing the same quads in the same run.
// Run: pnpm --filter @bayan/dcat build && pnpm --filter @bayan/dcat bench   (DATASETS=… to change the count)
import type { Dataset } from '@bayan/schema';
import { DCAT_PREFIXES, datasetToQuads, streamDcat } from '@bayan/dcat';
import jsonld from 'jsonld';
import { Writer } from 'n3';
import { performance } from 'node:perf_hooks';

const COUNT = Number(process.env.DATASETS ?? 100_000);
const BASE = 'https://data.gov.ma';
const EU = 'http://publications.europa.eu/resource/authority';

/** A realistic dataset: fr/ar/en text, keywords, themes, publisher, contact, period, place, two distributions. */
function dataset(i: number): Dataset {
  return {
    schemaVersion: 1,
    uri: `${BASE}/datasets/d-${i}`,
    identifier: `D-${i}`,
    title: { fr: `Budget de la commune ${i}`, ar: `ميزانية الجماعة ${i}`, en: `Budget of municipality ${i}` },
    description: {
      fr: `Recettes et dépenses de la commune ${i}, par chapitre et par article.`,
      ar: `مداخيل ونفقات الجماعة ${i} حسب الفصل والبند.`,
      en: `Revenue and spending of municipality ${i}, by chapter and article.`,
    },
    keywords: { fr: ['budget', 'commune'], ar: ['ميزانية'], en: ['budget'] },
    themes: [`${EU}/data-theme/ECON`, `${EU}/data-theme/REGI`],
    publisher: { uri: `${BASE}/organizations/o-${i % 500}`, name: { fr: `Commune ${i % 500}`, ar: `الجماعة ${i % 500}` } },
    contactPoints: [{ email: `data${i % 500}@communes.gov.ma` }],
    issued: '2023-01-15',
    modified: '2024-06-01T10:00:00Z',
    frequency: `${EU}/frequency/ANNUAL`,
    temporal: [{ start: '2023-01-01', end: '2023-12-31' }],
    spatial: [{ uri: 'http://publications.europa.eu/resource/authority/country/MAR' }],
    accessRights: `${EU}/access-right/PUBLIC`,
    languages: [`${EU}/language/FRA`, `${EU}/language/ARA`],
    landingPage: `${BASE}/fr/datasets/d-${i}`,
    distributions: [1, 2].map((n) => ({
      uri: `${BASE}/datasets/d-${i}/distributions/${n}`,
      accessUrl: `${BASE}/files/d-${i}-${n}.csv`,
      downloadUrl: `${BASE}/files/d-${i}-${n}.csv`,
      title: { fr: `Fichier ${n}`, ar: `ملف ${n}`, en: `File ${n}` },
      format: `${EU}/file-type/CSV`,
      mediaType: 'text/csv',
      byteSize: 10_000 + i,
      license: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence',
    })),
  };
}

function* datasets(count: number): Generator<Dataset> {
  for (let i = 0; i < count; i++) yield dataset(i);
}

interface Run {
  name: string;
  seconds: number;
  bytes: number;
  peakHeapMb: number;
  heapAt10Mb: number;
  heapAtEndMb: number;
}

const mb = (bytes: number) => bytes / 1024 / 1024;
const gc = (globalThis as { gc?: () => void }).gc;

function heapNow(): number {
  gc?.();
  return mb(process.memoryUsage().heapUsed);
}

async function runStream(name: string, format: 'turtle' | 'jsonld'): Promise<Run> {
  gc?.();
  let bytes = 0;
  let seen = 0;
  let peak = 0;
  let heapAt10 = 0;
  const start = performance.now();
  for await (const chunk of streamDcat(datasets(COUNT), { format, baseUri: BASE })) {
    bytes += chunk.length;
    seen += 1;
    if (seen % 5000 === 0) {
      const heap = mb(process.memoryUsage().heapUsed);
      if (heap > peak) peak = heap;
      if (heapAt10 === 0 && seen >= COUNT / 10) heapAt10 = heapNow();
    }
  }
  const seconds = (performance.now() - start) / 1000;
  return { name, seconds, bytes, peakHeapMb: peak, heapAt10Mb: heapAt10, heapAtEndMb: heapNow() };
}

/** Quads in the order @bayan/dcat writes them: each subject's quads together. */
function bySubject<T extends { subject: { value: string; termType: string } }>(quads: T[]): T[] {
  const groups = new Map<string, T[]>();
  for (const q of quads) {
    const key = q.subject.termType + q.subject.value;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [q]);
    else group.push(q);
  }
  return [...groups.values()].flat();
}

/** The bare N3.js writer on the same quads: quads are made outside the timed section. */
function runBareWriter(): Run {
  gc?.();
  let bytes = 0;
  let peak = 0;
  let timed = 0;
  const sink = { write: (chunk: string, _e?: unknown, done?: () => void) => ((bytes += chunk.length), done?.()), end: (done?: () => void) => done?.() };
  const writer = new Writer(sink, { format: 'Turtle', prefixes: { ...DCAT_PREFIXES } });
  const blankIds = { next: 0 };
  for (let i = 0; i < COUNT; i++) {
    const quads = bySubject(datasetToQuads(dataset(i), { baseUri: BASE }, blankIds));
    const t = performance.now();
    for (const q of quads) writer.addQuad(q);
    timed += performance.now() - t;
    if (i % 5000 === 0) peak = Math.max(peak, mb(process.memoryUsage().heapUsed));
  }
  writer.end();
  return { name: 'bare N3.js Writer, same quads (Turtle)', seconds: timed / 1000, bytes, peakHeapMb: peak, heapAt10Mb: 0, heapAtEndMb: 0 };
}

/** jsonld.js compaction of one dataset at a time with the same context, on a sample: what the custom compactor replaces. */
async function jsonldCompactPerDataset(sample: number): Promise<number> {
  const { dcatApContext } = await import('@bayan/dcat');
  const loader = () => Promise.resolve({ contextUrl: null, documentUrl: 'x', document: dcatApContext });
  const start = performance.now();
  for (let i = 0; i < sample; i++) {
    const quads = datasetToQuads(dataset(i), { baseUri: BASE });
    const expanded = await jsonld.fromRDF(quads);
    const options = { documentLoader: loader } as unknown as Parameters<typeof jsonld.compact>[2];
    await jsonld.compact(expanded, 'https://semiceu.github.io/DCAT-AP/releases/3.0.1/context/dcat-ap.jsonld' as unknown as Parameters<typeof jsonld.compact>[1], options);
  }
  return sample / ((performance.now() - start) / 1000);
}

const quadsPerDataset = datasetToQuads(dataset(0), { baseUri: BASE }).length;
console.log(`@bayan/dcat streaming bench: ${COUNT.toLocaleString('en')} datasets, ${quadsPerDataset} quads each (${((COUNT * quadsPerDataset) / 1e6).toFixed(1)} M quads)${gc ? '' : ' — run with --expose-gc for steadier heap figures'}`);
console.log(`heap before: ${heapNow().toFixed(1)} MB`);

// Each run twice, interleaved, keeping the faster: the machine is shared, and a burst of load on
// one run would otherwise skew the ratios.
const best = (a: Run, b: Run) => (a.seconds <= b.seconds ? a : { ...b, peakHeapMb: Math.max(a.peakHeapMb, b.peakHeapMb) });
let bare = runBareWriter();
let turtle = await runStream('@bayan/dcat streamDcat → Turtle', 'turtle');
let json = await runStream('@bayan/dcat streamDcat → JSON-LD (DCAT-AP context)', 'jsonld');
bare = best(bare, runBareWriter());
turtle = best(turtle, await runStream('@bayan/dcat streamDcat → Turtle', 'turtle'));
json = best(json, await runStream('@bayan/dcat streamDcat → JSON-LD (DCAT-AP context)', 'jsonld'));
const sample = 300;
const compactRate = await jsonldCompactPerDataset(sample);

const rate = (r: Run) => COUNT / r.seconds;
console.log('');
console.log('| run | datasets/s | quads/s | output MB | peak heap MB | heap at 10% → end MB | vs bare writer |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of [bare, turtle, json]) {
  const ratio = r === bare ? '1.00×' : `${(rate(r) / rate(bare)).toFixed(2)}×`;
  const growth = r === bare ? '—' : `${r.heapAt10Mb.toFixed(1)} → ${r.heapAtEndMb.toFixed(1)}`;
  console.log(`| ${r.name} | ${Math.round(rate(r)).toLocaleString('en')} | ${Math.round(rate(r) * quadsPerDataset).toLocaleString('en')} | ${mb(r.bytes).toFixed(0)} | ${r.peakHeapMb.toFixed(1)} | ${growth} | ${ratio} |`);
}
console.log(`| jsonld.js fromRDF+compact per dataset (sample of ${sample}) | ${Math.round(compactRate).toLocaleString('en')} | — | — | — | — | ${(compactRate / rate(bare)).toFixed(3)}× |`);
console.log('');
console.log('The bare writer is timed on addQuad only (the same quads, built and grouped by subject outside the clock); the dcat runs include building the quads from the records. Peak heap is sampled every 5,000 datasets; the heap at 10% and at the end is measured after a forced GC: equal figures mean memory does not grow with the catalogue (the runs at 10% include one forced GC in the timing).');
