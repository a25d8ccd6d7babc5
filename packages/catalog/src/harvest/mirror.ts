import { Readable } from 'node:stream';
import { CsvTokenizer, detectDialect, detectEncoding, inferSchema, validateTable } from '@bayan/tabular';
import type { Catalog } from '../catalog';
import type { DatastoreType } from '../datastore/types';
import { fetchDocument } from './fetchText';
import { harvestProblem, type HarvestProblem } from './problems';
import type { FetchPolicy } from './safeFetch';

/** Settings of a source that mirrors its resource files (all optional). */
export interface MirrorSettings {
  /** Copy tabular (CSV) resource files into the catalogue's file store, validate and load them; default false. */
  mirror?: boolean;
  /** Largest file mirrored, in bytes; default 50 MiB. */
  mirrorMaxBytes?: number;
}

const CSV_FORMAT = 'http://publications.europa.eu/resource/authority/file-type/CSV';
const TYPES: Record<string, DatastoreType> = { integer: 'integer', number: 'number', boolean: 'boolean', date: 'date', datetime: 'datetime', year: 'year' };

function mirrorProblem(url: string, detail: { fr: string; ar: string; en: string }, remoteId: string): HarvestProblem {
  return harvestProblem(
    'mirror_failed',
    'warning',
    {
      fr: `Copie du fichier ${url} non faite : ${detail.fr}`,
      ar: `لم يُنسخ الملف ${url}: ${detail.ar}`,
      en: `File ${url} not mirrored: ${detail.en}`,
    },
    { remoteId, path: url },
  );
}

function rowsOf(bytes: Uint8Array, name: string): string[][] {
  const text = new TextDecoder(detectEncoding(bytes.subarray(0, 64 * 1024))).decode(bytes).replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  const tokenizer = new CsvTokenizer(detectDialect(text.slice(0, 64 * 1024), name), (cells) => {
    rows.push(cells);
  });
  tokenizer.push(text);
  tokenizer.end();
  return rows;
}

/**
 * Mirrors the CSV distributions of a harvested dataset: downloads each (SSRF-safe, size- and
 * time-limited), stores it in the catalogue's file store, validates it (the report rescores the
 * dataset) and loads it into the datastore as resource `<dataset id>.<distribution id>`. Never
 * throws: what could not be done comes back as warnings.
 */
export async function mirrorDistributions(catalog: Catalog, datasetId: string, remoteId: string, policy: FetchPolicy, settings: MirrorSettings): Promise<HarvestProblem[]> {
  const problems: HarvestProblem[] = [];
  const dataset = await catalog.datasets.get(datasetId);
  if (!dataset) return problems;
  const maxBytes = settings.mirrorMaxBytes ?? 50 * 1024 * 1024;
  for (const [index, d] of dataset.record.distributions.entries()) {
    const url = d.downloadUrl;
    const isCsv = d.format === CSV_FORMAT || d.mediaType === 'text/csv' || (url !== undefined && /\.csv(\?|$)/i.test(url));
    if (url === undefined || !isCsv) continue;
    const got = await fetchDocument(url, { ...policy, maxBytes }, false, 0);
    if (!got.ok) {
      problems.push(mirrorProblem(url, got.problem.message, remoteId));
      continue;
    }
    const bytes = new Uint8Array(got.value.bytes);
    const name = decodeURIComponent(new URL(url).pathname.split('/').pop() || 'data.csv');
    const stored = await catalog.files.put(Readable.from([bytes]), { name, datasetId, maxBytes });
    if (!stored.ok) {
      problems.push(mirrorProblem(url, stored.errors[0]!.message, remoteId));
      continue;
    }
    const distributionId = d.id ?? String(index);
    const report = await validateTable(bytes, { maxBytes });
    await catalog.reports.addValidation({ datasetId, distributionId, valid: report.valid, report });
    const inferred = await inferSchema(bytes, { maxBytes });
    // Index the columns people filter on: the primary key, then date and text columns, four at most.
    const primaryKey = new Set([inferred.schema?.primaryKey ?? []].flat());
    let indexes = 0;
    const fields = (inferred.schema?.fields ?? []).map((f) => {
      const type = TYPES[f.type ?? ''] ?? 'string';
      const index = indexes < 4 && (primaryKey.has(f.name) || type === 'date' || type === 'datetime' || type === 'year' || type === 'string');
      if (index) indexes++;
      return { name: f.name, type, ...(index ? { index: true } : {}) };
    });
    if (fields.length === 0) continue;
    const resourceId = `${datasetId}.${distributionId}`;
    await catalog.datastore.drop(resourceId);
    const created = await catalog.datastore.create(resourceId, { datasetId, fields });
    if (!created.ok) {
      problems.push(mirrorProblem(url, created.errors[0]!.message, remoteId));
      continue;
    }
    const loaded = await catalog.datastore.load(resourceId, rowsOf(bytes, name).slice(1));
    if (!loaded.ok) problems.push(mirrorProblem(url, loaded.errors[0]!.message, remoteId));
  }
  return problems;
}
