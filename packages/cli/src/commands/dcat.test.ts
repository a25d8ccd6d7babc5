import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatOf, runDcatExport, runDcatImport } from './dcat';

const dir = mkdtempSync(join(tmpdir(), 'bayan-dcat-'));
const dataset = (n: number) => ({
  uri: `https://data.gov.ma/datasets/d-${n}`,
  title: { fr: `Budget ${n}`, ar: `ميزانية ${n}` },
  description: { fr: 'Budget de l’État.' },
  themes: ['http://publications.europa.eu/resource/authority/data-theme/ECON'],
  distributions: [{ accessUrl: `https://data.gov.ma/files/d-${n}.csv`, mediaType: 'text/csv' }],
});

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function run(command: typeof runDcatExport | typeof runDcatImport, file: string, options: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = {}) {
  let out = '';
  const err: string[] = [];
  const code = await command(file, options, { out: (chunk) => void (out += chunk), err: (line) => err.push(line), env });
  return { code, out, err: err.join('\n') };
}

describe('bayan dcat export', () => {
  it('writes a dataset record as Turtle by default', async () => {
    const result = await run(runDcatExport, write('one.json', JSON.stringify(dataset(1))));
    expect(result.code).toBe(0);
    expect(result.out).toContain('<https://data.gov.ma/datasets/d-1> a dcat:Dataset');
    expect(result.out).toContain('"ميزانية 1"@ar');
  });

  it('writes a catalogue in every format', async () => {
    const catalog = write('catalog.json', JSON.stringify({ title: { fr: 'Catalogue' }, description: { fr: 'Tout' }, publisher: { name: { fr: 'ADD' } }, datasets: [dataset(1), dataset(2)] }));
    for (const format of ['ttl', 'jsonld', 'rdfxml', 'nt']) {
      const result = await run(runDcatExport, catalog, { format, baseUri: 'https://data.gov.ma' });
      expect(result.code).toBe(0);
      expect(result.out).toContain('https://data.gov.ma/catalog');
    }
  });

  it('streams JSON lines, skipping bad lines with a message and exit code 1', async () => {
    const lines = write('lines.jsonl', [JSON.stringify(dataset(1)), '{oops', JSON.stringify({ title: {} }), JSON.stringify(dataset(2))].join('\n'));
    const result = await run(runDcatExport, lines, { format: 'nt' }, { LANG: 'en_US.UTF-8' });
    expect(result.code).toBe(1);
    expect(result.out).toContain('<https://data.gov.ma/datasets/d-1>');
    expect(result.out).toContain('<https://data.gov.ma/datasets/d-2>');
    expect(result.err).toContain('Line 2: not valid JSON.');
    expect(result.err).toContain('Line 3: record skipped');
  });

  it('refuses an unknown format and a missing file with exit code 2', async () => {
    expect((await run(runDcatExport, write('x.json', '{}'), { format: 'csv' })).code).toBe(2);
    expect((await run(runDcatExport, join(dir, 'missing.json'))).code).toBe(2);
  });
});

describe('bayan dcat import', () => {
  it('prints datasets as JSON lines that export reads back', async () => {
    const exported = await run(runDcatExport, write('two.jsonl', `${JSON.stringify(dataset(1))}\n${JSON.stringify(dataset(2))}\n`), { format: 'rdfxml' });
    const imported = await run(runDcatImport, write('two.rdf', exported.out), {});
    expect(imported.code).toBe(0);
    const records = imported.out.trim().split('\n').map((l) => JSON.parse(l) as { uri: string });
    expect(records.map((r) => r.uri).sort()).toEqual(['https://data.gov.ma/datasets/d-1', 'https://data.gov.ma/datasets/d-2']);
  });

  it('reports problems on stderr in the interface language, with exit code 1', async () => {
    const ttl = write('bad.ttl', '<https://x.org/d> a <http://www.w3.org/ns/dcat#Dataset>; <http://purl.org/dc/terms/description> "d"@fr.');
    const result = await run(runDcatImport, ttl, {}, { LANG: 'ar_MA.UTF-8' });
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toContain('error invalid_record https://x.org/d');
    expect(result.err).toContain('تم تجاهل مجموعة البيانات');
  });

  it('reads a real feed', async () => {
    const feed = new URL('../../../../../shared/corpus/dcat/nobelprize_catalog.rdf', import.meta.url);
    const result = await run(runDcatImport, write('nobel.rdf', readFileSync(feed, 'utf8')), { json: true });
    expect(result.out.trim().split('\n')).toHaveLength(1);
    for (const line of result.err.split('\n')) expect(JSON.parse(line)).toHaveProperty('code');
  });

  it('guesses the format from the extension and says when it cannot', async () => {
    expect(formatOf(undefined, 'feed.ttl')).toBe('turtle');
    expect(formatOf(undefined, 'feed.rdf')).toBe('rdfxml');
    expect((await run(runDcatImport, write('feed.bin', 'x'))).code).toBe(2);
  });
});
