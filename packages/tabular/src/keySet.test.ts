import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyIndex } from './keySet';

/** Adds every key to a KeyIndex and to a Map: the keys where their answers differ. */
function mismatches(keys: number[]): { value: number; got: number; expected: number }[] {
  const index = new KeyIndex({ remaining: 1 << 30 });
  const seen = new Map<number, number>();
  const wrong: { value: number; got: number; expected: number }[] = [];
  keys.forEach((value, i) => {
    const row = i + 2;
    const expected = seen.get(value) ?? 0;
    if (expected === 0) seen.set(value, row);
    const got = index.addInteger(value, row);
    if (got !== expected) wrong.push({ value, got, expected });
  });
  return wrong;
}

describe('KeyIndex', () => {
  it('finds every repeated integer key with the row where it was first seen', () => {
    const piece = fc.oneof(
      fc.record({ from: fc.integer({ min: -50, max: 5000 }), length: fc.integer({ min: 1, max: 300 }) }).map(({ from, length }) => Array.from({ length }, (_, k) => from + k)),
      fc.array(fc.integer({ min: -100, max: 100 }), { maxLength: 20 }),
      fc.array(fc.constantFrom(-0, 0, 2 ** 53 + 2, 1e300, -(2 ** 40), 65_535, 65_536), { maxLength: 5 }),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
      expect(mismatches(pieces.flat())).toEqual([]);
    }), { numRuns: 400 });
  });

  it('keeps the answers when runs spill to pages and pages to fingerprints', () => {
    // Every other value: one run per key, past the number of runs kept.
    const spaced = Array.from({ length: 6000 }, (_, k) => k * 2);
    expect(mismatches([...spaced, ...spaced.map((value) => value + 1), 10, 11, 12_001])).toEqual([]);
    // Sparse values out of order after a long run: pages fill poorly and move to fingerprints.
    const run = Array.from({ length: 70_000 }, (_, k) => k);
    const sparse = Array.from({ length: 40 }, (_, k) => (40 - k) * 10_000_000);
    expect(mismatches([...run, ...sparse, ...sparse, 5, 69_999, 70_000])).toEqual([]);
  });

  it('holds a sorted id column in no page memory, and reports when the budget is spent', () => {
    const budget = { remaining: 300_000 };
    const index = new KeyIndex(budget);
    let allNew = true;
    for (let id = 1; id <= 1_000_000; id++) allNew &&= index.addInteger(id, id + 1) === 0;
    expect(allNew).toBe(true);
    expect(budget.remaining).toBe(300_000);
    expect(index.addInteger(500_000, 1_000_002)).toBe(500_001);
    // Keys below the run need pages: one page (256 KiB) fits the budget, the next does not, and
    // the fingerprints that replace the pages fill the budget and report it full.
    const results = Array.from({ length: 100_000 }, (_, k) => index.addInteger(-(k + 1), 1_000_003 + k));
    expect(results).toContain(-1);
    expect(results.every((result) => result === 0 || result === -1)).toBe(true);
    expect(budget.remaining).toBeGreaterThanOrEqual(0);
    expect(index.addInteger(999_999, 2_000_000)).toBe(1_000_000);
  });
});
