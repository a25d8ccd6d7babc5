import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset, type Dataset } from '@bayan/schema';
import { dcatApComplianceCheck, mqaQualityScorer } from './qualityScorer';

const SHACL = new URL('../../../../shared/conformance/dcat-ap/3.0.1/shacl/', import.meta.url);

function dataset(input: unknown): Dataset {
  const parsed = parseDataset(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

const budget = dataset({
  id: 'budget',
  title: { fr: 'Budget' },
  description: { fr: 'Loi de finances' },
  keywords: { fr: ['budget'] },
  themes: ['http://publications.europa.eu/resource/authority/data-theme/ECON'],
  distributions: [{ accessUrl: 'https://example.org/b.csv', format: 'http://publications.europa.eu/resource/authority/file-type/CSV', license: 'http://publications.europa.eu/resource/authority/licence/CC_BY_4_0' }],
});

describe('mqaQualityScorer', () => {
  it('scores with @bayan/quality and counts reachable links', () => {
    const unchecked = mqaQualityScorer(budget, { validationReports: [], linkChecks: [] });
    const reachable = mqaQualityScorer(budget, { validationReports: [], linkChecks: [{ url: 'https://example.org/b.csv', ok: true, httpStatus: 200 }] });
    expect(unchecked.openness).toBe(3);
    expect(reachable.score).toBeGreaterThan(unchecked.score);
  });

  it('gives the data score of validation reports', () => {
    const summary = mqaQualityScorer(budget, { validationReports: [{ distributionId: '0', valid: false, report: { valid: false, stats: { rows: 100 }, errors: [{ type: 'type-error', rowNumber: 5 }] } }], linkChecks: [] });
    expect(summary.dataScore).toBe(91);
  });

  it('earns the DCAT-AP compliance points only when compliance is known', () => {
    const unknown = mqaQualityScorer(budget, { validationReports: [], linkChecks: [] });
    const compliant = mqaQualityScorer(budget, { validationReports: [], linkChecks: [], dcatApCompliant: true });
    expect(compliant.score).toBeGreaterThan(unknown.score);
  });
});

describe('dcatApComplianceCheck', () => {
  it('checks a record against the official DCAT-AP shapes', async () => {
    const shapes = ['shapes.ttl', 'range.ttl'].map((f) => readFileSync(new URL(f, SHACL), 'utf8'));
    const check = dcatApComplianceCheck(shapes, 'https://data.gov.ma');
    expect(await check(budget)).toBe(true);
  });
});
