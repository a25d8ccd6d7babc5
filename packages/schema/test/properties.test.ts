import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../src/index';
import { ajvPointers, compileCommitted } from './ajv';
import { dataset } from './arbitraries';

const validateDataset = compileCommitted('dataset');

type Record_ = Record<string, unknown> & { distributions?: Record<string, unknown>[] };

// Each mutation breaks one field of a valid record and returns the JSON pointer it broke.
const mutations: ((d: Record_, n: number) => string)[] = [
  (d) => (delete d.title, '/title'),
  (d) => ((d.description = {}), '/description'),
  (d, i) => ((d.title = i % 2 ? 'Budget' : 42), '/title'),
  (d) => ((d.landingPage = 'ftp://example.org/x'), '/landingPage'),
  (d) => ((d.issued = '2024-13-45'), '/issued'),
  (d) => ((d.frequency = 'http://publications.europa.eu/resource/authority/frequency/SOMETIMES'), '/frequency'),
  (d) => ((d.themes = ['ECON']), '/themes/0'),
  (d) => ((d.unexpected = true), '/unexpected'),
  (d) => ((d.schemaVersion = 99), '/schemaVersion'),
  (d) => ((d.slug = 'Not A Slug'), '/slug'),
  (d) => ((d.keywords = { de: ['Haushalt'] }), '/keywords/de'),
  (d, i) => {
    const list = (d.distributions = d.distributions?.length ? d.distributions : [{ accessUrl: 'https://example.org/a.csv' }]);
    const k = i % list.length;
    delete list[k]!.accessUrl;
    return `/distributions/${k}/accessUrl`;
  },
  (d, i) => {
    const list = (d.distributions = d.distributions?.length ? d.distributions : [{ accessUrl: 'https://example.org/a.csv' }]);
    const k = i % list.length;
    list[k]!.byteSize = -1 - i;
    return `/distributions/${k}/byteSize`;
  },
  (d, i) => {
    const list = (d.distributions = d.distributions?.length ? d.distributions : [{ accessUrl: 'https://example.org/a.csv' }]);
    const k = i % list.length;
    list[k]!.mediaType = 'not a media type';
    return `/distributions/${k}/mediaType`;
  },
];

describe('generated datasets', () => {
  it('valid ones pass zod and ajv', () => {
    fc.assert(
      fc.property(dataset, (record) => {
        const zod = parseDataset(record);
        const ajv = validateDataset(record);
        expect(zod.ok ? [] : zod.errors).toEqual([]);
        expect(ajvPointers(validateDataset.errors)).toEqual([]);
        expect(ajv).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('invalid ones fail zod and ajv at the same JSON pointer', () => {
    fc.assert(
      fc.property(dataset, fc.integer({ min: 0, max: mutations.length - 1 }), fc.nat(), (valid, which, i) => {
        const record = structuredClone(valid) as Record_;
        const pointer = mutations[which]!(record, i);
        const zod = parseDataset(record);
        expect(zod.ok).toBe(false);
        expect(validateDataset(record)).toBe(false);
        const zodPointers = zod.ok ? [] : [...new Set(zod.errors.map((e) => e.path))].sort();
        expect(zodPointers).toEqual([pointer]);
        expect(ajvPointers(validateDataset.errors)).toEqual([pointer]);
      }),
      { numRuns: 300 },
    );
  });
});
