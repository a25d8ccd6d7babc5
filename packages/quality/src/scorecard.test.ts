import { describe, expect, it } from 'vitest';
import { completeInput, emptyInput, fullContext, parsed } from './fixtures/datasets';
import { toMqaJson } from './mqaJson';
import { scoreMetadata } from './scoreMetadata';
import { scorecard } from './scorecard';

const { keywords: _k, ...noKeywords } = completeInput;

describe('scorecard', () => {
  const reports = [
    scoreMetadata(parsed({ ...completeInput, id: 'a' }), fullContext),
    scoreMetadata(parsed({ ...noKeywords, id: 'b' }), fullContext),
    scoreMetadata(parsed({ ...emptyInput, id: 'c' }), fullContext),
  ];

  it('gives mean, median and the band distribution', () => {
    const card = scorecard(reports);
    // 405, 375 and 30 (the empty one is DCAT-AP compliant in fullContext).
    expect(card).toMatchObject({ count: 3, mean: 270, median: 375, bands: { excellent: 2, good: 0, sufficient: 0, bad: 1 } });
  });

  it('lists the metrics most often missed and the datasets that would gain most', () => {
    const card = scorecard(reports, { top: 2 });
    expect(card.mostMissed[0]).toMatchObject({ id: 'keywordAvailability', datasets: 2, share: 0.67, pointsLost: 60 });
    expect(card.mostMissed).toHaveLength(2);
    expect(card.topGainers.map((g) => [g.datasetId, g.gain])).toEqual([
      ['c', 375],
      ['b', 30],
    ]);
    expect(card.topGainers[1]!.topHint?.pointer).toBe('/keywords');
  });

  it('counts the latest report of each dataset and draws a trend from dated history', () => {
    const history = [
      scoreMetadata(parsed({ ...noKeywords, id: 'a' }), { ...fullContext, now: '2024-05-01' }),
      scoreMetadata(parsed({ ...emptyInput, id: 'b' }), { ...fullContext, now: '2024-05-01' }),
      scoreMetadata(parsed({ ...completeInput, id: 'a' }), { ...fullContext, now: '2024-06-01' }),
      scoreMetadata(parsed({ ...noKeywords, id: 'b' }), { ...fullContext, now: '2024-06-01' }),
    ];
    const card = scorecard(history);
    expect(card.count).toBe(2);
    expect(card.mean).toBe(390);
    expect(card.trend).toEqual([
      { date: '2024-05-01', mean: 202.5, count: 2 },
      { date: '2024-06-01', mean: 390, count: 2 },
    ]);
    expect(card.trendChange).toBe(187.5);
  });

  it('summarises nothing without failing', () => {
    expect(scorecard([])).toMatchObject({ count: 0, mean: 0, median: 0, trend: [], mostMissed: [] });
  });
});

describe('toMqaJson', () => {
  it('lays the report out per dimension with the metrics by piveau id', () => {
    const json = toMqaJson(scoreMetadata(parsed(noKeywords), { ...fullContext, dcatApCompliant: undefined }));
    expect(json.score).toBe(345);
    expect(json.dimensions.findability).toMatchObject({ score: 70, max: 100 });
    expect(json.dimensions.findability!.metrics.keywordAvailability).toEqual({ score: 0, max: 30, percentage: 0, value: 'no' });
    expect(json.dimensions.interoperability!.metrics.dcatApCompliance!.value).toBe('unchecked');
    expect(Object.keys(json.dimensions)).toEqual(['findability', 'accessibility', 'interoperability', 'reusability', 'contextuality']);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
