import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellCoercer, coerceCell } from './coerce';

/** The calendar as JavaScript's Date knows it: the reference the arithmetic check must agree with. */
function dateExists(text: string): boolean {
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

describe('cellCoercer', () => {
  it('accepts real days and refuses impossible ones', () => {
    const toDate = cellCoercer('date');
    expect(toDate('2024-02-29')).toBe('2024-02-29');
    expect(toDate('2000-02-29')).toBe('2000-02-29');
    expect(toDate('1900-02-29')).toBeUndefined();
    expect(toDate('2023-02-29')).toBeUndefined();
    expect(toDate('2023-04-31')).toBeUndefined();
    expect(toDate('2023-13-01')).toBeUndefined();
    expect(toDate('2023-00-10')).toBeUndefined();
    expect(toDate('2023-01-00')).toBeUndefined();
    expect(toDate(' 2023-12-31\t')).toBe('2023-12-31');
    expect(toDate('2023-12-31T10:00')).toBeUndefined();
  });

  it('agrees with the Date calendar on every YYYY-MM-DD', () => {
    const toDate = cellCoercer('date');
    const digits = (n: number, width: number) => String(n).padStart(width, '0');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (y, m, d) => {
        const text = `${digits(y, 4)}-${digits(m, 2)}-${digits(d, 2)}`;
        expect(toDate(text) === text).toBe(dateExists(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('checks the day of a date-time', () => {
    const toDatetime = cellCoercer('datetime');
    expect(toDatetime('2024-02-29T23:59:59Z')).toBe('2024-02-29T23:59:59Z');
    expect(toDatetime('2023-02-29 10:00')).toBeUndefined();
  });

  it('converts numbers, integers, booleans and trims text', () => {
    expect(cellCoercer('number')('3,5')).toBe(3.5);
    expect(cellCoercer('number')('-1.25e3')).toBe(-1250);
    expect(cellCoercer('number')('1 000')).toBeUndefined();
    expect(cellCoercer('integer')('+42')).toBe(42);
    expect(cellCoercer('integer')('4.2')).toBeUndefined();
    expect(cellCoercer('integer')(4.2)).toBeUndefined();
    expect(cellCoercer('year')(2024)).toBe(2024);
    expect(cellCoercer('boolean')('Oui')).toBe(true);
    expect(cellCoercer('boolean')('faux')).toBe(false);
    expect(cellCoercer('boolean')('peut-être')).toBeUndefined();
    expect(cellCoercer('string')('  الرباط\u00a0')).toBe('الرباط');
    expect(cellCoercer('string')(12)).toBe('12');
  });

  it('trims text cells exactly as String.prototype.trim does', () => {
    const toText = cellCoercer('string');
    const ends = fc.constantFrom(' ', '\t', '\n', '\u000b', '\f', '\r', '\u00a0', '\u1680', '\u2000', '\u200a', '\u200b', '\u2028', '\u202f', '\u205f', '\u3000', '\ufeff', '\u0085', '\u0001', 'x', 'é', 'ب');
    fc.assert(
      fc.property(fc.array(ends, { maxLength: 3 }), fc.string({ maxLength: 6 }), fc.array(ends, { maxLength: 3 }), (before, middle, after) => {
        const cell = `${before.join('')}${middle}${after.join('')}`;
        const expected = cell.trim();
        expect(toText(cell)).toBe(expected === '' ? null : expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives null for empty cells of every type', () => {
    for (const type of ['string', 'integer', 'number', 'boolean', 'date', 'datetime', 'year'] as const) {
      expect(coerceCell('', type)).toBeNull();
      expect(coerceCell('   ', type)).toBeNull();
      expect(coerceCell(null, type)).toBeNull();
      expect(coerceCell(undefined, type)).toBeNull();
    }
  });
});
