import fc from 'fast-check';
import type { Dataset, Distribution } from '@bayan/schema';
import { describe, expect, it } from 'vitest';
import { CSV, ECON, FT, MONTHLY, ODBL, PDF, PUBLIC, XLSX } from './fixtures/datasets';
import { scoreMetadata } from './scoreMetadata';
import type { ScoreContext } from './types';

// Records built from toggles: each optional field the MQA reads is on or off, with a value drawn
// from a pool that mixes good, proprietary, unknown and non-open values. Turning one field on must
// never lower the score.

const DATASET_FIELDS = ['keywords', 'themes', 'spatial', 'temporal', 'accessRights', 'contactPoints', 'publisher', 'issued', 'modified', 'frequency'] as const;
const DISTRIBUTION_FIELDS = ['downloadUrl', 'format', 'mediaType', 'license', 'rights', 'byteSize', 'issued', 'modified'] as const;

const datasetValues: Record<(typeof DATASET_FIELDS)[number], unknown> = {
  keywords: { fr: ['budget'] },
  themes: [ECON],
  spatial: [{ label: { fr: 'Rabat' } }],
  temporal: [{ start: '2020-01-01' }],
  accessRights: PUBLIC,
  contactPoints: [{ email: 'a@b.ma' }],
  publisher: { name: { fr: 'HCP' } },
  issued: '2020-01-01',
  modified: '2021-01-01',
  frequency: MONTHLY,
};

const formats = [CSV, XLSX, PDF, `${FT}NOT_KNOWN`];
const mediaTypes = ['text/csv', 'application/pdf', 'application/x-custom', 'application/vnd.ms-excel'];
const licenceValues = [ODBL, 'https://example.org/terms', 'http://publications.europa.eu/resource/authority/licence/CC_BYNC_4_0'];
const urls = ['https://a.ma/1.csv', 'https://a.ma/2.xlsx', 'https://a.ma/page', 'https://a.ma/3.pdf'];

const distributionArb = fc.record({
  on: fc.record(Object.fromEntries(DISTRIBUTION_FIELDS.map((f) => [f, fc.boolean()])) as Record<(typeof DISTRIBUTION_FIELDS)[number], fc.Arbitrary<boolean>>),
  accessUrl: fc.constantFrom(...urls),
  downloadUrl: fc.constantFrom(...urls),
  format: fc.constantFrom(...formats),
  mediaType: fc.constantFrom(...mediaTypes),
  license: fc.constantFrom(...licenceValues),
});

const caseArb = fc.record({
  on: fc.record(Object.fromEntries(DATASET_FIELDS.map((f) => [f, fc.boolean()])) as Record<(typeof DATASET_FIELDS)[number], fc.Arbitrary<boolean>>),
  distributions: fc.array(distributionArb, { maxLength: 4 }),
  links: fc.dictionary(fc.constantFrom(...urls), fc.constantFrom(200, 302, 404, 500)),
  compliant: fc.constantFrom(true, false, undefined),
  aggregation: fc.constantFrom('best' as const, 'proportional' as const),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function build(c: Case): { dataset: Dataset; context: ScoreContext } {
  const dataset: Record<string, unknown> = { schemaVersion: 1, title: { fr: 't' }, description: { fr: 'd' } };
  for (const field of DATASET_FIELDS) if (c.on[field]) dataset[field] = datasetValues[field];
  dataset.distributions = c.distributions.map((d) => {
    const dist: Record<string, unknown> = { accessUrl: d.accessUrl };
    const values: Record<(typeof DISTRIBUTION_FIELDS)[number], unknown> = {
      downloadUrl: d.downloadUrl,
      format: d.format,
      mediaType: d.mediaType,
      license: d.license,
      rights: { fr: 'libre' },
      byteSize: 10,
      issued: '2020-01-01',
      modified: '2021-01-01',
    };
    for (const field of DISTRIBUTION_FIELDS) if (d.on[field]) dist[field] = values[field];
    return dist as Distribution;
  });
  const context: ScoreContext = { links: c.links, aggregation: c.aggregation, now: '2024-01-01' };
  if (c.compliant !== undefined) context.dcatApCompliant = c.compliant;
  return { dataset: dataset as Dataset, context };
}

// Every place a field can be turned on: the dataset's, or one distribution's.
function offFields(c: Case): { distribution?: number; field: string }[] {
  const off: { distribution?: number; field: string }[] = DATASET_FIELDS.filter((f) => !c.on[f]).map((field) => ({ field }));
  c.distributions.forEach((d, i) => {
    for (const field of DISTRIBUTION_FIELDS) if (!d.on[field]) off.push({ distribution: i, field });
  });
  return off;
}

function turnOn(c: Case, target: { distribution?: number; field: string }): Case {
  if (target.distribution === undefined) return { ...c, on: { ...c.on, [target.field]: true } };
  return {
    ...c,
    distributions: c.distributions.map((d, i) => (i === target.distribution ? { ...d, on: { ...d.on, [target.field]: true } } : d)),
  };
}

describe('scoreMetadata properties', () => {
  it('keeps the total within 0..405, whole, equal to the sum of metrics and dimensions', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { dataset, context } = build(c);
        const report = scoreMetadata(dataset, context);
        expect(Number.isInteger(report.total)).toBe(true);
        expect(report.total).toBeGreaterThanOrEqual(0);
        expect(report.total).toBeLessThanOrEqual(405);
        expect(report.metrics.reduce((s, m) => s + m.points, 0)).toBe(report.total);
        expect(report.dimensions.reduce((s, d) => s + d.points, 0)).toBe(report.total);
        for (const m of report.metrics) {
          expect(m.points).toBeGreaterThanOrEqual(0);
          expect(m.points).toBeLessThanOrEqual(m.max);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('makes the hints’ points to gain add up to 405 minus the total', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { dataset, context } = build(c);
        const report = scoreMetadata(dataset, context);
        expect(report.hints.reduce((s, h) => s + h.gain, 0)).toBe(405 - report.total);
        for (let i = 1; i < report.hints.length; i++) expect(report.hints[i - 1]!.gain).toBeGreaterThanOrEqual(report.hints[i]!.gain);
      }),
      { numRuns: 300 },
    );
  });

  it('never lowers the score when a missing field is added', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), (c, pick) => {
        const off = offFields(c);
        fc.pre(off.length > 0);
        const before = scoreMetadata(build(c).dataset, build(c).context).total;
        const after = build(turnOn(c, off[pick % off.length]!));
        expect(scoreMetadata(after.dataset, after.context).total).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it('gives every metric not fully earned a reason, a hint and a pointer in fr, ar and en', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { dataset, context } = build(c);
        for (const m of scoreMetadata(dataset, context).metrics) {
          if (m.points === m.max) continue;
          for (const lang of ['fr', 'ar', 'en'] as const) {
            expect(m.reason?.message[lang]?.trim()).toBeTruthy();
            expect(m.hint?.[lang]?.trim()).toBeTruthy();
          }
          expect(m.pointers.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
