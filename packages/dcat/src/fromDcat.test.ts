import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fullDataset } from '../test/fixtures';
import { followPages, fromDcat, toDcat, type DcatFormat, type FetchedPage } from './index';

const EXAMPLES = new URL('../../../../shared/conformance/dcat-ap/3.0.1/examples/', import.meta.url);
const CORPUS = new URL('../../../../shared/corpus/dcat/', import.meta.url);
const EXAMPLES_CONTEXT_URL = 'https://semiceu.github.io/uri.semic.eu-generated/DCAT-AP/releases/3.0.0/html/examples/context.jsonld';
const examplesContext: unknown = JSON.parse(readFileSync(new URL('context.jsonld', EXAMPLES), 'utf8'));

function formatOf(file: string): DcatFormat {
  if (file.endsWith('.ttl')) return 'turtle';
  if (file.endsWith('.jsonld') || file.endsWith('.json')) return 'jsonld';
  return 'rdfxml';
}

describe('fromDcat on the official DCAT-AP 3.0.1 examples', () => {
  const files = readdirSync(EXAMPLES).filter((f) => f !== 'context.jsonld');

  it('reads every example without throwing, each problem naming what went wrong in fr, ar and en', async () => {
    let datasets = 0;
    for (const file of files) {
      const result = await fromDcat(readFileSync(new URL(file, EXAMPLES), 'utf8'), { format: formatOf(file), contexts: { [EXAMPLES_CONTEXT_URL]: examplesContext } });
      datasets += result.datasets.length;
      for (const p of result.problems) {
        expect(p.message.fr.length).toBeGreaterThan(0);
        expect(p.message.ar.length).toBeGreaterThan(0);
        expect(p.message.en.length).toBeGreaterThan(0);
      }
    }
    expect(datasets).toBeGreaterThanOrEqual(10);
  });

  it('reads the bee population dataset with its English title and description', async () => {
    const result = await fromDcat(readFileSync(new URL('example-bee-population.ttl', EXAMPLES), 'utf8'), { format: 'turtle' });
    expect(result.datasets).toHaveLength(1);
    const [dataset] = result.datasets;
    expect(dataset?.title.en).toMatch(/bee/i);
    expect(dataset?.description.en).toBeDefined();
  });

  it('reads the same datasets from the Turtle and JSON-LD twins', async () => {
    const ttl = await fromDcat(readFileSync(new URL('example-bee-population-2022-2023.ttl', EXAMPLES), 'utf8'), { format: 'turtle' });
    const json = await fromDcat(readFileSync(new URL('example-bee-population-2022-2023.jsonld', EXAMPLES), 'utf8'), {
      format: 'jsonld',
      contexts: { [EXAMPLES_CONTEXT_URL]: examplesContext },
    });
    expect(json.datasets.map((d) => d.uri).sort()).toEqual(ttl.datasets.map((d) => d.uri).sort());
  });

  it('reports the known-invalid Turtle example as a syntax problem with its line', async () => {
    const result = await fromDcat(readFileSync(new URL('example-bee-population-dataset-series-api.ttl', EXAMPLES), 'utf8'), { format: 'turtle' });
    const syntax = result.problems.find((p) => p.code === 'syntax');
    expect(syntax?.message.en).toMatch(/line \d+/);
  });

  it('reports a remote JSON-LD context it was not given instead of fetching it', async () => {
    const result = await fromDcat(readFileSync(new URL('example-bee-population.jsonld', EXAMPLES), 'utf8'), { format: 'jsonld' });
    expect(result.datasets).toEqual([]);
    expect(result.problems.map((p) => p.code)).toEqual(['remote_context']);
    expect(result.problems[0]?.message.en).toContain(EXAMPLES_CONTEXT_URL);
  });
});

describe('fromDcat on real feeds', () => {
  const expected: Record<string, number> = {
    'opendata-hro_de_dataset.rdf': 1,
    'datos-gob-es_dataset.ttl': 1,
    'nobelprize_catalog.rdf': 1,
    'data-london-gov-uk_dataset_deri.ttl': 1,
    'open-datara_geodcat.rdf.xml': 1,
    'sig-oreme_geonetwork.rdf': 1,
    'demo-ckan_catalog.ttl': 75,
    'evian-arcgis-hub_dcat-us.json': 0,
  };
  for (const [file, count] of Object.entries(expected)) {
    it(`imports ${file} (${count} datasets)`, async () => {
      const result = await fromDcat(readFileSync(new URL(file, CORPUS)), { format: formatOf(file) });
      expect(result.datasets).toHaveLength(count);
    });
  }

  it('keeps untagged text in the default language', async () => {
    const result = await fromDcat(readFileSync(new URL('opendata-hro_de_dataset.rdf', CORPUS)), { format: 'rdfxml', defaultLanguage: 'en' });
    expect(result.datasets[0]?.title).toEqual({ en: 'Liefer- und Abholservices (Gastronomie)' });
  });

  it('keeps Spanish-only text in the default language and says so', async () => {
    const result = await fromDcat(readFileSync(new URL('datos-gob-es_dataset.ttl', CORPUS)), { format: 'turtle' });
    expect(result.datasets[0]?.title.fr).toBeDefined();
    expect(result.problems.some((p) => p.code === 'other_language' && p.message.en.includes('(es)'))).toBe(true);
  });

  it('reads French GeoDCAT-AP with its language tags, bounding polygon and EU theme', async () => {
    const result = await fromDcat(readFileSync(new URL('open-datara_geodcat.rdf.xml', CORPUS)), { format: 'rdfxml' });
    const [dataset] = result.datasets;
    expect(dataset?.title.fr).toBeDefined();
    expect(dataset?.spatial?.some((s) => s.geometry?.type === 'Polygon')).toBe(true);
  });

  it('skips the demo-site record without a description and keeps the 75 others, with the next Hydra page', async () => {
    const result = await fromDcat(readFileSync(new URL('demo-ckan_catalog.ttl', CORPUS), 'utf8'), { format: 'turtle' });
    expect(result.nextPage).toBe('http://demo.ckan.org/catalog.ttl?page=2');
    expect(result.problems.filter((p) => p.code === 'invalid_record').length).toBeGreaterThan(0);
    for (const p of result.problems) expect(p.subject).toMatch(/^http|^_:|^$/);
  });

  it('maps CKAN-era values onto the EU vocabularies (file types, statuses, checksum algorithms)', async () => {
    const result = await fromDcat(readFileSync(new URL('opendata-hro_de_dataset.rdf', CORPUS)), { format: 'rdfxml' });
    const distribution = result.datasets[0]?.distributions[0];
    expect(distribution?.status).toBe('http://publications.europa.eu/resource/authority/distribution-status/COMPLETED');
    expect(distribution?.checksum?.algorithm).toBe('sha256');
  });
});

describe('fromDcat on broken and hostile input', () => {
  it('skips one bad record and keeps the good ones', async () => {
    const good = await toDcat(fullDataset(0), { format: 'turtle', baseUri: 'https://data.gov.ma' });
    const bad = `<https://x.org/bad> a <http://www.w3.org/ns/dcat#Dataset> ; <http://purl.org/dc/terms/description> "no title"@en .\n`;
    const result = await fromDcat(good + bad, { format: 'turtle' });
    expect(result.datasets.map((d) => d.uri)).toEqual(['https://data.gov.ma/datasets/budget-0']);
    expect(result.problems).toEqual([expect.objectContaining({ subject: 'https://x.org/bad', code: 'invalid_record', severity: 'error' })]);
  });

  it('drops an invalid value, keeps the record and names the field', async () => {
    const ttl = `@prefix dct: <http://purl.org/dc/terms/>.
<https://x.org/d> a <http://www.w3.org/ns/dcat#Dataset>; dct:title "T"@en; dct:description "D"@en; dct:issued "06/05/2009".`;
    const result = await fromDcat(ttl, { format: 'turtle' });
    expect(result.datasets).toHaveLength(1);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'dropped_value', path: '/issued', severity: 'warning' })]);
  });

  it('reports an unterminated literal with its line and keeps what came before', async () => {
    const good = await toDcat(fullDataset(0), { format: 'turtle', baseUri: 'https://data.gov.ma' });
    const result = await fromDcat(`${good}<https://x.org/d> <http://purl.org/dc/terms/title> "never closed\n.\n`, { format: 'turtle' });
    expect(result.datasets).toHaveLength(1);
    expect(result.problems.map((p) => p.code)).toEqual(['syntax']);
    expect(result.problems[0]?.message.fr).toMatch(/mal formé/);
  });

  it('refuses XML entity expansion (billion laughs) before the parser sees it', async () => {
    const lol = `<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dct="http://purl.org/dc/terms/">
  <rdf:Description rdf:about="https://x.org/d"><dct:title>&lol3;</dct:title></rdf:Description>
</rdf:RDF>`;
    const result = await fromDcat(lol, { format: 'rdfxml' });
    expect(result.datasets).toEqual([]);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'xml_entities', severity: 'error' })]);
  });

  for (const format of ['turtle', 'rdfxml'] as const) {
    it(`stops a 100 MB single literal in ${format} after reading about the limit, not the whole input`, async () => {
      let served = 0;
      const chunk = 'a'.repeat(64 * 1024);
      const total = 100 * 1024 * 1024;
      function* hostile() {
        yield format === 'turtle'
          ? '<https://x.org/d> <http://purl.org/dc/terms/title> "'
          : '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dct="http://purl.org/dc/terms/"><rdf:Description rdf:about="https://x.org/d"><dct:title>';
        while (served < total) {
          served += chunk.length;
          yield chunk;
        }
      }
      const result = await fromDcat(hostile(), { format, maxLiteralLength: 1024 * 1024 });
      expect(result.problems).toEqual([expect.objectContaining({ code: 'literal_too_long' })]);
      expect(served).toBeLessThan(2 * 1024 * 1024);
    });
  }

  it('refuses a JSON-LD document over the size limit without parsing it', async () => {
    function* big() {
      yield '{"@id":"https://x.org/d","http://purl.org/dc/terms/title":"';
      for (let i = 0; i < 64; i++) yield 'a'.repeat(64 * 1024);
      yield '"}';
    }
    const result = await fromDcat(big(), { format: 'jsonld', maxBytes: 1024 * 1024 });
    expect(result.problems.map((p) => p.code)).toEqual(['too_large']);
  });

  it('reports broken JSON as a syntax problem', async () => {
    const result = await fromDcat('{"@graph": [', { format: 'jsonld' });
    expect(result.problems.map((p) => p.code)).toEqual(['syntax']);
  });
});

describe('followPages', () => {
  const page = (next?: string): FetchedPage => ({ datasets: [], problems: [], ...(next === undefined ? {} : { nextPage: next }) });

  it('follows next links to the last page', async () => {
    const pages: Record<string, FetchedPage> = { 'https://x.org/p1': page('https://x.org/p2'), 'https://x.org/p2': page('p3'), 'https://x.org/p3': page() };
    const urls: string[] = [];
    for await (const p of followPages((url) => Promise.resolve(pages[url]!), 'https://x.org/p1')) urls.push(p.url);
    expect(urls).toEqual(['https://x.org/p1', 'https://x.org/p2', 'https://x.org/p3']);
  });

  it('stops a Hydra next link that loops back, with a problem', async () => {
    const ttl = (self: string, next: string) => `@prefix hydra: <http://www.w3.org/ns/hydra/core#>.
<${self}> a hydra:PartialCollectionView; hydra:next <${next}>.`;
    const feeds: Record<string, string> = { 'https://x.org/p1': ttl('https://x.org/p1', 'https://x.org/p2'), 'https://x.org/p2': ttl('https://x.org/p2', 'https://x.org/p1') };
    let fetches = 0;
    const results = [];
    for await (const p of followPages(async (url) => {
      fetches += 1;
      return fromDcat(feeds[url]!, { format: 'turtle' });
    }, 'https://x.org/p1')) results.push(p);
    expect(fetches).toBe(2);
    expect(results.at(-1)?.problems).toEqual([expect.objectContaining({ code: 'page_loop', subject: 'https://x.org/p1' })]);
  });

  it('stops at the page limit', async () => {
    let n = 0;
    const results = [];
    for await (const p of followPages(() => Promise.resolve(page(`https://x.org/p${++n + 1}`)), 'https://x.org/p1', { maxPages: 3 })) results.push(p);
    expect(n).toBe(3);
    expect(results.at(-1)?.problems[0]?.code).toBe('page_limit');
  });

  it('reports a page that cannot be fetched', async () => {
    const results = [];
    for await (const p of followPages(async () => Promise.reject(new Error('HTTP 500')), 'https://x.org/p1')) results.push(p);
    expect(results[0]?.problems[0]?.message.en).toContain('HTTP 500');
  });
});
