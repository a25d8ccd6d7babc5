import { describe, expect, it } from 'vitest';
import { fullDataset } from '../test/fixtures';
import { fromDcat, qualityMeasurements, toDcat, toSchemaOrg, vocabularyGraph } from './index';
import { parseRdf } from './parseRdf';

const BASE = 'https://data.gov.ma';
const EU = 'http://publications.europa.eu/resource/authority';

describe('vocabularyGraph', () => {
  it('describes every term Bayan labels, with fr/ar/en labels and its scheme', () => {
    const quads = vocabularyGraph();
    const econ = quads.filter((q) => q.subject.value === `${EU}/data-theme/ECON`);
    expect(econ.map((q) => q.object.value)).toEqual(
      expect.arrayContaining(['http://www.w3.org/2004/02/skos/core#Concept', 'Économie et finances', 'الاقتصاد والمالية', 'Economy and finance', `${EU}/data-theme`]),
    );
    const scheme = quads.filter((q) => q.subject.value === `${EU}/data-theme`);
    expect(scheme.some((q) => q.predicate.value === 'http://purl.org/dc/terms/title')).toBe(true);
  });

  it('gives the terms used their DCAT-AP range class, even codes Bayan has no label for', async () => {
    const ttl = `<https://x.org/d> <http://purl.org/dc/terms/language> <${EU}/language/ZZZ>; <http://purl.org/dc/terms/accrualPeriodicity> <${EU}/frequency/ANNUAL>.`;
    const { store } = await parseRdf(ttl, { format: 'turtle' });
    const quads = vocabularyGraph(store.getQuads(null, null, null, null));
    const types = (iri: string) => quads.filter((q) => q.subject.value === iri && q.predicate.value.endsWith('#type')).map((q) => q.object.value);
    expect(types(`${EU}/language/ZZZ`)).toContain('http://purl.org/dc/terms/LinguisticSystem');
    expect(types(`${EU}/frequency/ANNUAL`)).toContain('http://purl.org/dc/terms/Frequency');
    expect(quads.some((q) => q.subject.value === 'https://x.org/d')).toBe(false);
  });
});

describe('qualityMeasurements', () => {
  it('writes one dqv:QualityMeasurement per metric, typed by value', async () => {
    const iri = `${BASE}/datasets/budget-0`;
    const quads = qualityMeasurements(iri, [
      { metric: 'https://data.europa.eu/mqa/metrics#keywordAvailability', value: true },
      { metric: 'https://data.europa.eu/mqa/metrics#score', value: 305, computedAt: '2024-06-01T10:00:00Z' },
      { metric: 'https://data.europa.eu/mqa/metrics#ratio', value: 0.75 },
    ]);
    const ttl = await toDcat(fullDataset(0), { format: 'turtle', baseUri: BASE, extraQuads: quads });
    expect(ttl).toContain('a dqv:QualityMeasurement');
    expect(ttl).toContain('dqv:value true');
    expect(ttl).toContain('dqv:value 305');
    expect(ttl).toContain('"0.75"^^xsd:double');
    const { store } = await parseRdf(ttl, { format: 'turtle' });
    expect(store.getObjects(iri, 'http://www.w3.org/ns/dqv#hasQualityMeasurement', null)).toHaveLength(3);
    // The measurements do not disturb reading the dataset back.
    expect((await fromDcat(ttl, { format: 'turtle' })).datasets).toHaveLength(1);
  });
});

describe('toSchemaOrg', () => {
  it('gives the schema.org Dataset fields search engines read', () => {
    const json = toSchemaOrg(fullDataset(0), { baseUri: BASE, language: 'ar', catalog: { name: 'data.gov.ma', url: BASE } });
    expect(json).toMatchObject({
      '@context': 'https://schema.org/',
      '@type': 'Dataset',
      '@id': `${BASE}/datasets/budget-0`,
      name: 'ميزانية الدولة 0',
      url: `${BASE}/fr/datasets/budget-0`,
      identifier: ['MEF-BUDGET-0', 'ckan:budget-0'],
      license: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence',
      temporalCoverage: '2023-01-01/2023-12-31',
      dateModified: '2024-06-01T10:00:00Z',
      inLanguage: ['fr', 'ar', 'en'],
      includedInDataCatalog: { '@type': 'DataCatalog', name: 'data.gov.ma', url: BASE },
      publisher: { '@type': 'Organization', name: 'وزارة المالية' },
      isAccessibleForFree: true,
    });
    expect(json.keywords).toEqual(expect.arrayContaining(['ميزانية', 'budget', 'finances']));
    expect(json.distribution).toContainEqual(expect.objectContaining({ '@type': 'DataDownload', contentUrl: `${BASE}/files/budget-0-1.csv`, encodingFormat: 'text/csv' }));
    expect(json.spatialCoverage).toContainEqual(expect.objectContaining({ geo: { '@type': 'GeoShape', box: '21.3 -17.1 35.9 -1' } }));
  });

  it('falls back to another language when the preferred one is missing', () => {
    const dataset = { ...fullDataset(0), title: { en: 'Only English' } };
    expect(toSchemaOrg(dataset, { baseUri: BASE, language: 'fr' }).name).toBe('Only English');
  });
});
