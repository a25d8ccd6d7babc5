import { describe, expect, it } from 'vitest';
import { bandOf, MQA_MAX, mqaBands, mqaDimensions, mqaMetrics } from './mqaMetrics';

describe('mqaMetrics', () => {
  it('has 23 metrics with unique ids', () => {
    expect(mqaMetrics).toHaveLength(23);
    expect(new Set(mqaMetrics.map((m) => m.id)).size).toBe(23);
  });

  it('sums to 100, 100, 110, 75 and 20 per dimension, 405 in all', () => {
    expect(mqaDimensions.map((d) => [d.id, d.max])).toEqual([
      ['findability', 100],
      ['accessibility', 100],
      ['interoperability', 110],
      ['reusability', 75],
      ['contextuality', 20],
    ]);
    expect(mqaMetrics.reduce((sum, m) => sum + m.points, 0)).toBe(405);
    expect(MQA_MAX).toBe(405);
  });

  it('penalises only format and media type, 5 points each', () => {
    expect(mqaMetrics.filter((m) => m.penalty > 0).map((m) => [m.id, m.penalty])).toEqual([
      ['formatAvailability', 5],
      ['mediaTypeAvailability', 5],
    ]);
  });

  it('points every metric at a schema field with a JSON pointer', () => {
    // The whole record is the field of DCAT-AP compliance: its pointer is the root.
    expect(mqaMetrics.find((m) => m.id === 'dcatApCompliance')?.pointer).toBe('');
    const others = mqaMetrics.filter((m) => m.id !== 'dcatApCompliance');
    expect(others.filter((m) => !/^\/(distributions\/\{d\}\/)?[a-zA-Z]+$/.test(m.pointer))).toEqual([]);
  });
});

describe('bandOf', () => {
  it.each([
    [0, 'bad'],
    [120, 'bad'],
    [121, 'sufficient'],
    [220, 'sufficient'],
    [221, 'good'],
    [350, 'good'],
    [351, 'excellent'],
    [405, 'excellent'],
  ] as const)('puts %i in %s', (total, band) => {
    expect(bandOf(total)).toBe(band);
  });

  it('agrees with the band table', () => {
    for (const { band, min, max } of mqaBands) {
      expect(bandOf(min)).toBe(band);
      expect(bandOf(max)).toBe(band);
    }
  });

  it('scales the edges for another maximum', () => {
    expect(bandOf(9, 9)).toBe('excellent');
    expect(bandOf(6, 9)).toBe('good');
    expect(bandOf(3, 9)).toBe('sufficient'); // 3/9 = 135/405
    expect(bandOf(2, 9)).toBe('bad');
    expect(bandOf(5, 0)).toBe('bad');
  });
});
