import { readFileSync } from 'node:fs';
import jsonld from 'jsonld';
import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { fullCatalog, fullDataset } from '../test/fixtures';
import { DCAT_AP_CONTEXT_URL, dcatApContext, fromDcat, hydraPageQuads, nextPageOf, parseRdf, streamDcat, toDcat } from './index';

const BASE = 'https://data.gov.ma';
const OFFICIAL = new URL('../../../../shared/conformance/dcat-ap/3.0.1/dcat-ap.jsonld', import.meta.url);

describe('toDcat', () => {
  it('writes Turtle with prefixes, language tags, typed dates and IANA media type IRIs', async () => {
    const ttl = await toDcat(fullDataset(0), { format: 'turtle', baseUri: BASE });
    expect(ttl).toContain('@prefix dcat: <http://www.w3.org/ns/dcat#>.');
    expect(ttl).toContain('"ميزانية الدولة 0"@ar');
    expect(ttl).toContain('dct:issued "2023-01-15"^^xsd:date');
    expect(ttl).toContain('dct:modified "2024-06-01T10:00:00Z"^^xsd:dateTime');
    expect(ttl).toContain('dcat:mediaType <https://www.iana.org/assignments/media-types/text/csv>');
    expect(ttl).toContain('dcat:byteSize "123457"^^xsd:nonNegativeInteger');
    expect(ttl).toContain('spdx:checksumValue "' + 'a'.repeat(64) + '"^^xsd:hexBinary');
  });

  it('mints dataset IRIs under the base URI from the slug or id', async () => {
    const { uri: _uri, ...dataset } = fullDataset(0);
    const nt = await toDcat({ ...dataset, slug: 'budget-etat' }, { format: 'ntriples', baseUri: `${BASE}/` });
    expect(nt).toContain('<https://data.gov.ma/datasets/budget-etat> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Dataset> .');
  });

  it('writes JSON-LD compacted with the DCAT-AP context terms, referencing the official context URL', async () => {
    const text = await toDcat(fullDataset(0), { format: 'jsonld', baseUri: BASE });
    const document = JSON.parse(text) as { '@context': string; '@graph': Record<string, unknown>[] };
    expect(document['@context']).toBe(DCAT_AP_CONTEXT_URL);
    const dataset = document['@graph'].find((n) => n['@type'] === 'Dataset')!;
    expect(dataset.title).toContainEqual({ '@value': "Budget de l'État 0", '@language': 'fr' });
    expect(dataset.releaseDate).toEqual({ '@value': '2023-01-15', '@type': 'http://www.w3.org/2001/XMLSchema#date' });
    const distribution = (dataset.datasetDistribution as Record<string, unknown>[])[0]!;
    expect(distribution.byteSize).toBe('123457');
    expect(distribution['@type']).toBe('Distribution');
  });

  it('writes JSON-LD that jsonld.js expands to the same triples as the Turtle', async () => {
    const dataset = fullDataset(0);
    const json = await toDcat(dataset, { format: 'jsonld', baseUri: BASE, jsonLdContext: dcatApContext['@context'] });
    const nquads = (await jsonld.toRDF(JSON.parse(json) as never, { format: 'application/n-quads' })) as unknown as string;
    const fromJson = new Parser().parse(nquads);
    const fromTurtle = (await parseRdf(await toDcat(dataset, { format: 'turtle', baseUri: BASE }), { format: 'turtle' })).store;
    expect(fromJson.length).toBe(fromTurtle.size);
    for (const q of fromJson) {
      if (q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode') continue;
      expect(fromTurtle.has(q), `${q.subject.value} ${q.predicate.value} ${q.object.value}`).toBe(true);
    }
  });

  it('writes RDF/XML that escapes markup in text and keeps line breaks', async () => {
    const dataset = { ...fullDataset(0), description: { fr: 'a < b & c > d\r\n"e"' } };
    const xml = await toDcat(dataset, { format: 'rdfxml', baseUri: BASE });
    expect(xml).toContain('a &lt; b &amp; c &gt; d&#13;\n"e"');
    const back = await fromDcat(xml, { format: 'rdfxml' });
    expect(back.datasets[0]?.description).toEqual({ fr: 'a < b & c > d\r\n"e"' });
  });

  it('links the catalogue to every dataset and describes its publisher', async () => {
    const ttl = await toDcat(fullCatalog(2), { format: 'turtle', baseUri: BASE });
    const { store } = await parseRdf(ttl, { format: 'turtle' });
    const datasets = store.getObjects('https://data.gov.ma/catalog', 'http://www.w3.org/ns/dcat#dataset', null).map((o) => o.value);
    expect(datasets.sort()).toEqual(['https://data.gov.ma/datasets/budget-0', 'https://data.gov.ma/datasets/budget-1']);
    expect(store.getObjects('https://data.gov.ma/catalog', 'http://purl.org/dc/terms/publisher', null)).toHaveLength(1);
  });

  it('ships the official DCAT-AP context minus the five Xsd:* terms, and nothing else changed', () => {
    const official = JSON.parse(readFileSync(OFFICIAL, 'utf8')) as { '@context': Record<string, unknown> };
    const removed = Object.keys(official['@context']).filter((k) => !(k in dcatApContext['@context']));
    expect(removed.sort()).toEqual(['Xsd:dateTime', 'Xsd:decimal', 'Xsd:duration', 'Xsd:hexBinary', 'Xsd:nonNegativeInteger']);
    for (const [key, value] of Object.entries(dcatApContext['@context'])) expect(value).toEqual(official['@context'][key]);
  });
});

describe('streamDcat', () => {
  it('pulls datasets one at a time and yields one chunk per dataset', async () => {
    let pulled = 0;
    function* datasets() {
      for (let i = 0; i < 5; i++) {
        pulled += 1;
        yield fullDataset(i);
      }
    }
    const stream = streamDcat(datasets(), { format: 'turtle', baseUri: BASE });
    const header = await stream.next();
    expect(header.value).toContain('@prefix');
    expect(pulled).toBe(0);
    const first = await stream.next();
    expect(pulled).toBe(1);
    expect(first.value).toContain('budget-0');
    const rest: string[] = [];
    for await (const chunk of stream) rest.push(chunk);
    expect(pulled).toBe(5);
    expect(rest).toHaveLength(5);
  });

  for (const format of ['turtle', 'ntriples', 'jsonld', 'rdfxml'] as const) {
    it(`gives the same document streamed as written at once in ${format}`, async () => {
      const catalog = fullCatalog(3);
      const { datasets, ...header } = catalog;
      let streamed = '';
      for await (const chunk of streamDcat(datasets, { format, baseUri: BASE, catalog: header })) streamed += chunk;
      expect(streamed).toBe(await toDcat(catalog, { format, baseUri: BASE }));
      const back = await fromDcat(streamed, { format });
      expect(back.datasets).toHaveLength(3);
    });
  }

  it('appends the vocabulary graph of the terms used when asked', async () => {
    const ttl = await toDcat(fullDataset(0), { format: 'turtle', baseUri: BASE, includeVocabulary: true });
    expect(ttl).toMatch(/<http:\/\/publications\.europa\.eu\/resource\/authority\/data-theme\/ECON> a skos:Concept/);
    expect(ttl).toContain('"Économie et finances"@fr');
  });
});

describe('Hydra paging', () => {
  const page = {
    url: `${BASE}/catalog.ttl?page=2`,
    first: `${BASE}/catalog.ttl?page=1`,
    last: `${BASE}/catalog.ttl?page=3`,
    next: `${BASE}/catalog.ttl?page=3`,
    previous: `${BASE}/catalog.ttl?page=1`,
    itemsPerPage: 100,
    totalItems: 250,
  };

  it('describes a page in both ckanext-dcat styles', async () => {
    const ttl = await toDcat(fullCatalog(1), { format: 'turtle', baseUri: BASE, page });
    expect(ttl).toContain('a hydra:PagedCollection, hydra:PartialCollectionView');
    expect(ttl).toContain(`hydra:nextPage "${page.next}"`);
    expect(ttl).toContain(`hydra:next <${page.next}>`);
    expect(ttl).toContain('hydra:totalItems 250');
  });

  it('finds the next page in the old style (PagedCollection, literal nextPage) and the new one (PartialCollectionView, next IRI)', async () => {
    const quads = hydraPageQuads(page);
    const oldStyle = quads.filter((q) => !/#(next|first|last|previous)$/.test(q.predicate.value) && !q.object.value.endsWith('PartialCollectionView'));
    const newStyle = quads.filter((q) => !/Page$/.test(q.predicate.value) && !q.object.value.endsWith('PagedCollection'));
    for (const style of [oldStyle, newStyle]) {
      const { store } = await parseRdf(await toDcat(fullDataset(0), { format: 'turtle', baseUri: BASE, extraQuads: style }), { format: 'turtle' });
      expect(nextPageOf(store)).toBe(page.next);
    }
  });

  it('has no next page on the last page', async () => {
    const { next: _next, ...last } = page;
    const result = await fromDcat(await toDcat(fullCatalog(1), { format: 'turtle', baseUri: BASE, page: last }), { format: 'turtle' });
    expect(result.nextPage).toBeUndefined();
  });
});
