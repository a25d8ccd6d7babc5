import { describe, expect, it } from 'vitest';
import { scoreData } from './scoreData';

describe('scoreData', () => {
  it('gives a valid report 100', () => {
    const score = scoreData({ valid: true, stats: { rows: 1000 }, errors: [] });
    expect(score).toMatchObject({ score: 100, readable: true, rows: 1000, explanations: [] });
    expect(score.message.en).toBe('No errors: every row is valid.');
  });

  it('takes weight × percentage of rows affected per class', () => {
    // 2 rows of 200 with type errors (1 %, weight 9) and 1 duplicate row (0.5 %, weight 5).
    const score = scoreData({
      valid: false,
      stats: { rows: 200 },
      errors: [
        { type: 'type-error', rowNumber: 3 },
        { type: 'type-error', rowNumber: 3 },
        { type: 'required-error', rowNumber: 9 },
        { type: 'duplicate-row', rowNumber: 40 },
      ],
    });
    expect(score.score).toBe(100 - 9 - 2.5);
    expect(score.explanations.map((e) => [e.class, e.rowsAffected, e.deduction])).toEqual([
      ['cell', 2, 9],
      ['duplicate', 1, 2.5],
    ]);
    expect(score.explanations[0]!.types).toEqual(['required-error', 'type-error']);
    expect(score.explanations[0]!.message.en).toBe('Rows affected: 2 of 200; points taken off: 9.');
  });

  it('takes the class weight once per error without a row (headers, schema)', () => {
    const score = scoreData({ valid: false, stats: { rows: 50 }, errors: [{ type: 'duplicate-label' }, { type: 'blank-label' }, { type: 'schema-error' }] });
    expect(score.score).toBe(100 - 15 - 6);
    expect(score.explanations[0]!.class).toBe('schema');
  });

  it('gives 0 when the source cannot be read', () => {
    for (const type of ['source-error', 'encoding-error', 'scheme-error', 'format-error']) {
      const score = scoreData({ valid: false, errors: [{ type }] });
      expect(score).toMatchObject({ score: 0, readable: false });
      expect(score.explanations[0]!.hint.en).toContain('UTF-8');
    }
  });

  it('reads errors per task and sums task rows', () => {
    const score = scoreData({ valid: false, tasks: [{ stats: { rows: 10 }, errors: [{ type: 'blank-row', rowNumber: 2 }] }, { stats: { rows: 10 }, errors: [] }] });
    expect(score.rows).toBe(20);
    expect(score.score).toBe(100 - 9 * 5);
  });

  it('clamps at 0 and never exceeds 100', () => {
    const errors = Array.from({ length: 50 }, (_, i) => ({ type: 'type-error', rowNumber: i + 2 }));
    expect(scoreData({ valid: false, stats: { rows: 50 }, errors }).score).toBe(0);
  });

  it('falls back on the highest row number when stats are missing, and survives junk', () => {
    expect(scoreData({ errors: [{ type: 'extra-cell', rowNumber: 100 }] }).rows).toBe(100);
    expect(scoreData(null as never)).toMatchObject({ score: 0, readable: false });
    expect(scoreData({ errors: [null, 5, { nope: 1 }] as never }).score).toBe(100);
    expect(scoreData({ errors: [{ type: 'something-new', rowNumber: 1 }], stats: { rows: 100 } }).explanations[0]!.class).toBe('other');
  });
});
