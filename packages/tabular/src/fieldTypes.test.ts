import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CastKind, INVALID, castAt, castPrefix, compileCast, prefixNumber } from './fieldTypes';
import type { FieldDescriptor } from './fieldTypes';

const cast = (field: Omit<FieldDescriptor, 'name'>, cell: string): unknown => compileCast({ name: 'f', ...field })(cell);
const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

describe('field casts', () => {
  it('parses numbers exactly like Number() on plain decimals', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
      const text = String(value);
      expect(cast({ type: 'number' }, text)).toBe(Number(text));
    }), { numRuns: 500 });
    fc.assert(fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 999999 }), (whole, fraction) => {
      const text = `${whole}.${String(fraction).padStart(6, '0')}`;
      expect(cast({ type: 'number' }, text)).toBe(Number(text));
    }), { numRuns: 500 });
  });

  it('casts in place exactly like the cell cast, or leaves the cell to it', () => {
    const piece = fc.constantFrom('0', '1', '9', '-', '+', '.', 'e', 'T', 'Z', ':', ' ', 'x', '2024-02-29', '12:30:59', '1999-12-31T23:59:59', '123456789012');
    const kinds = [CastKind.Integer, CastKind.Number, CastKind.Date, CastKind.Datetime];
    fc.assert(fc.property(fc.constantFrom(...kinds), fc.array(piece, { maxLength: 4 }).map((parts) => parts.join('')), fc.constantFrom('', ',', ',7', ';x'), (kind, cell, after) => {
      const text = `a,${cell}${after}`;
      const end = after === ';x' ? text.length - 2 : text.length;
      const stop = castPrefix(kind, text, 2, end, 44);
      const expected = castAt(kind, text, 2, 2 + cell.length);
      // Either it leaves the cell to castAt, or it found the cell's end and the same value.
      expect(stop === -1 || (stop === 2 + cell.length && Object.is(prefixNumber(), expected))).toBe(true);
      // Plain integers are always read in place.
      const plainInteger = (kind === CastKind.Integer || kind === CastKind.Number) && /^[+-]?\d{1,14}$/.test(cell);
      expect(!plainInteger || stop === 2 + cell.length).toBe(true);
    }), { numRuns: 5000 });
  });

  it('rejects what is not a number', () => {
    for (const cell of ['abc', '1.2.3', '0x10', '1,5', ' 1', '1e', '-', '.']) expect(cast({ type: 'number' }, cell)).toBe(INVALID);
    expect(cast({ type: 'number' }, 'NaN')).toBeNaN();
    expect(cast({ type: 'number' }, '-INF')).toBe(-Infinity);
  });

  it('reads French numbers with decimalChar and groupChar (also non-breaking spaces)', () => {
    expect(cast({ type: 'number', decimalChar: ',', groupChar: ' ' }, '1 234 567,89')).toBe(1234567.89);
    expect(cast({ type: 'number', decimalChar: ',', groupChar: ' ' }, '1\u202f234,5')).toBe(1234.5);
    expect(cast({ type: 'integer', groupChar: ' ' }, '3 314')).toBe(3314);
    expect(cast({ type: 'integer' }, '3 314')).toBe(INVALID);
    expect(cast({ type: 'number', bareNumber: false }, '95,5 %'.replace(',', '.'))).toBe(95.5);
    expect(cast({ type: 'integer', bareNumber: false }, '€ 100')).toBe(100);
  });

  it('reads integers and refuses decimals', () => {
    expect(cast({ type: 'integer' }, '-0042')).toBe(-42);
    expect(cast({ type: 'integer' }, '1.0')).toBe(INVALID);
    expect(cast({ type: 'integer' }, '12345678901234567890')).toBe(12345678901234567890);
  });

  it('reads booleans with custom values', () => {
    expect(cast({ type: 'boolean' }, 'TRUE')).toBe(true);
    expect(cast({ type: 'boolean', trueValues: ['oui'], falseValues: ['non'] }, 'non')).toBe(false);
    expect(cast({ type: 'boolean', trueValues: ['oui'] }, 'true')).toBe(INVALID);
  });

  it('casts every date like Date.UTC, inside and outside the 1900–2199 tables', () => {
    fc.assert(fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
      const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const utc = Date.UTC(y, m - 1, d);
      const exists = new Date(utc).getUTCDate() === d;
      expect(cast({ type: 'date' }, text)).toBe(exists ? utc : INVALID);
      expect(cast({ type: 'datetime' }, `${text}T01:02:03Z`)).toBe(exists ? utc + 3_723_000 : INVALID);
    }), { numRuns: 2000 });
    for (const text of ['1900-01-01', '1900-02-29', '2000-02-29', '2199-12-31', '2200-01-01', '1899-12-31']) {
      const utc = Date.parse(`${text}T00:00:00Z`);
      expect(cast({ type: 'date' }, text)).toBe(Number.isNaN(utc) || new Date(utc).toISOString().slice(0, 10) !== text ? INVALID : utc);
    }
  });

  it('reads dates, times and datetimes with default, any and pattern formats', () => {
    expect(cast({ type: 'date' }, '2024-02-29')).toBe(day('2024-02-29'));
    expect(cast({ type: 'date' }, '2023-02-29')).toBe(INVALID);
    expect(cast({ type: 'date', format: '%d/%m/%Y' }, '31/12/2024')).toBe(day('2024-12-31'));
    expect(cast({ type: 'date', format: '%d/%m/%Y' }, '12/31/2024')).toBe(INVALID);
    expect(cast({ type: 'date', format: 'any' }, '05.06.2021')).toBe(day('2021-06-05'));
    expect(cast({ type: 'date' }, '0001-01-01')).toBe(Date.UTC(2000, 0, 1) - 730_119 * 86_400_000);
    expect(cast({ type: 'datetime' }, '2024-01-02T03:04:05Z')).toBe(Date.UTC(2024, 0, 2, 3, 4, 5));
    expect(cast({ type: 'datetime' }, '2024-01-02T03:04:05.250+01:00')).toBe(Date.UTC(2024, 0, 2, 2, 4, 5, 250));
    expect(cast({ type: 'datetime', format: '%d/%m/%Y %H:%M' }, '02/01/2024 13:30')).toBe(Date.UTC(2024, 0, 2, 13, 30));
    expect(cast({ type: 'time' }, '23:59:59')).toBe(86_399_000);
    expect(cast({ type: 'time' }, '24:00:00')).toBe(INVALID);
    expect(cast({ type: 'year' }, '2024')).toBe(2024);
    expect(cast({ type: 'yearmonth' }, '2024-13')).toBe(INVALID);
    expect(cast({ type: 'duration' }, 'P1Y2M10DT2H30M')).toBeTypeOf('number');
    expect(cast({ type: 'duration' }, 'P')).toBe(INVALID);
  });

  it('reads geographic and JSON types', () => {
    expect(cast({ type: 'geopoint' }, '-7.6, 33.5')).toEqual([-7.6, 33.5]);
    expect(cast({ type: 'geopoint' }, '200, 33.5')).toBe(INVALID);
    expect(cast({ type: 'geopoint', format: 'array' }, '[-7.6, 33.5]')).toEqual([-7.6, 33.5]);
    expect(cast({ type: 'geopoint', format: 'object' }, '{"lon": -7.6, "lat": 33.5}')).toEqual([-7.6, 33.5]);
    expect(cast({ type: 'geojson' }, '{"type": "Point", "coordinates": [-7.6, 33.5]}')).toMatchObject({ type: 'Point' });
    expect(cast({ type: 'geojson' }, '{"type": "Circle"}')).toBe(INVALID);
    expect(cast({ type: 'object' }, '[1]')).toBe(INVALID);
    expect(cast({ type: 'array' }, '[1, 2]')).toEqual([1, 2]);
    expect(cast({ type: 'list', itemType: 'integer' }, '1,2,3')).toEqual([1, 2, 3]);
    expect(cast({ type: 'list', itemType: 'integer', delimiter: ';' }, '1;x')).toBe(INVALID);
  });

  it('checks string formats', () => {
    expect(cast({ type: 'string', format: 'email' }, 'contact@data.gov.ma')).toBe('contact@data.gov.ma');
    expect(cast({ type: 'string', format: 'email' }, 'contact@')).toBe(INVALID);
    expect(cast({ type: 'string', format: 'uri' }, 'https://data.gov.ma')).toBe('https://data.gov.ma');
    expect(cast({ type: 'string', format: 'uuid' }, '3aa9c2ce-1111-4222-8333-944444444444')).toBeTypeOf('string');
    expect(cast({ type: 'string', format: 'binary' }, 'aGVsbG8=')).toBe('aGVsbG8=');
    expect(cast({ type: 'string', format: 'binary' }, 'aGVsbG8')).toBe(INVALID);
  });
});
