import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineProfile } from './customProfile';
import { openness } from './openness';
import { scoreData } from './scoreData';
import { scoreMetadata } from './scoreMetadata';
import { scorecard } from './scorecard';

// Records that bypassed parseDataset (a harvester's raw output, a hand-edited file) must give a
// report, never an exception.

const junkDistribution = fc.oneof(fc.anything(), fc.record({ accessUrl: fc.anything(), format: fc.anything(), license: fc.anything(), rights: fc.anything() }, { requiredKeys: [] }));
const junkDataset = fc.oneof(
  fc.anything(),
  fc.record(
    {
      id: fc.anything(),
      keywords: fc.anything(),
      themes: fc.anything(),
      description: fc.anything(),
      frequency: fc.anything(),
      modified: fc.anything(),
      distributions: fc.oneof(fc.anything(), fc.array(junkDistribution, { maxLength: 4 })),
    },
    { requiredKeys: [] },
  ),
);

describe('robustness', () => {
  it('scores any value without throwing, within bounds', () => {
    fc.assert(
      fc.property(junkDataset, fc.constantFrom('mqa' as const, 'udata' as const), (dataset, profile) => {
        const report = scoreMetadata(dataset as never, { now: '2024-01-01' }, profile);
        expect(report.total).toBeGreaterThanOrEqual(0);
        expect(report.total).toBeLessThanOrEqual(report.max);
        expect(scorecard([report]).count).toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it('gives openness for any value without throwing', () => {
    fc.assert(
      fc.property(junkDataset, (dataset) => {
        const stars = openness(dataset as never).stars;
        expect(stars).toBeGreaterThanOrEqual(0);
        expect(stars).toBeLessThanOrEqual(5);
      }),
      { numRuns: 300 },
    );
  });

  it('scores any validation report without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ stats: fc.anything(), errors: fc.anything(), tasks: fc.anything() }, { requiredKeys: [] })), (report) => {
        const score = scoreData(report as never).score;
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
      }),
      { numRuns: 300 },
    );
  });

  it('reports any profile configuration instead of throwing', () => {
    fc.assert(
      fc.property(fc.anything(), (config) => {
        expect(typeof defineProfile(config).ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
