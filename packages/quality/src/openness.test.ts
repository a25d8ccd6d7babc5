import { describe, expect, it } from 'vitest';
import { completeDistribution, completeInput, FILE_URL, ODBL, parsed, PDF, XLSX } from './fixtures/datasets';
import { openness } from './openness';

const dataset = (distributions: object[], extra: object = {}) => parsed({ ...completeInput, ...extra, distributions: distributions as never });

describe('openness', () => {
  it('gives an open CSV three stars', () => {
    const result = openness(dataset([completeDistribution]), { links: { [FILE_URL]: 200 } });
    expect(result.stars).toBe(3);
    expect(result.distributions[0]).toMatchObject({ stars: 3, format: 'CSV', formatSource: 'extension', linkChecked: true });
    expect(result.distributions[0]!.reasons.map((r) => r.en)).toEqual(['On the web under an open licence.', 'Structured data.', 'Non-proprietary format.']);
  });

  it('gives XLSX two stars and PDF one', () => {
    const xlsx = { accessUrl: 'https://x.ma/a', format: XLSX, license: ODBL };
    const pdf = { accessUrl: 'https://x.ma/b', format: PDF, license: ODBL };
    const result = openness(dataset([xlsx, pdf]));
    expect(result.distributions.map((d) => d.stars)).toEqual([2, 1]);
    expect(result).toMatchObject({ stars: 2, best: 0 });
  });

  it('gives 0 to a broken link or a non-open licence', () => {
    expect(openness(dataset([completeDistribution]), { links: { [FILE_URL]: 404 } }).stars).toBe(0);
    const nc = { ...completeDistribution, license: 'http://publications.europa.eu/resource/authority/licence/CC_BYNC_4_0' };
    expect(openness(dataset([nc])).distributions[0]!.reasons[0]!.en).toBe('Missing or non-open licence: 0 stars.');
    expect(openness(dataset([{ accessUrl: FILE_URL }])).stars).toBe(0);
  });

  it('gives RDF four stars, five when the dataset links to other data', () => {
    const ttl = { accessUrl: 'https://x.ma/data.ttl', license: ODBL };
    expect(openness(dataset([ttl])).stars).toBe(4);
    expect(openness(dataset([ttl], { relations: ['https://data.europa.eu/x'] })).stars).toBe(5);
  });

  it('prefers the sniffed format, then the extension, then the declared one', () => {
    const d = { accessUrl: 'https://x.ma/a.xlsx', format: PDF, license: ODBL };
    expect(openness(dataset([d])).distributions[0]).toMatchObject({ format: 'XLSX', formatSource: 'extension' });
    expect(openness(dataset([d]), { sniffedFormats: { 'https://x.ma/a.xlsx': 'text/csv' } }).distributions[0]).toMatchObject({ format: 'CSV', formatSource: 'sniffed', stars: 3 });
  });

  it('flags an unchecked link and gives no stars without distributions', () => {
    expect(openness(dataset([completeDistribution])).distributions[0]!.linkChecked).toBe(false);
    expect(openness(parsed({ ...completeInput, distributions: [] }))).toEqual({ stars: 0, distributions: [] });
  });
});
