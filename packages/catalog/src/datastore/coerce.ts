import type { DatastoreType } from './types';

const INTEGER = /^[+-]?\d{1,15}$/;
const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const TRUE = new Set(['true', '1', 'yes', 'oui', 'vrai', 'y', 't']);
const FALSE = new Set(['false', '0', 'no', 'non', 'faux', 'n', 'f']);
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A cell that does not fit its column: `undefined` is returned and the loader counts it. */
export type Coerced = string | number | boolean | null | undefined;

/** Converts one cell of a column of a given type; see {@link coerceCell}. */
export type CellCoercer = (value: unknown) => Coerced;

const ZERO = 48;

/**
 * Whether the `YYYY-MM-DD` at the start of `text` (already matched by a pattern) is a day of the
 * proleptic Gregorian calendar. Arithmetic, not `Date`: this runs once per date cell of a load.
 */
function validDate(text: string): boolean {
  const year = (text.charCodeAt(0) - ZERO) * 1000 + (text.charCodeAt(1) - ZERO) * 100 + (text.charCodeAt(2) - ZERO) * 10 + (text.charCodeAt(3) - ZERO);
  const month = (text.charCodeAt(5) - ZERO) * 10 + (text.charCodeAt(6) - ZERO);
  const day = (text.charCodeAt(8) - ZERO) * 10 + (text.charCodeAt(9) - ZERO);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number));
}

/** Whether `trim()` removes this character (ECMAScript white space and line terminators). */
function isTrimmed(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Trims only when an end is white space: most cells are not, and `trim()` copies. */
function trimmed(value: string): string {
  return isTrimmed(value.charCodeAt(0)) || isTrimmed(value.charCodeAt(value.length - 1)) ? value.trim() : value;
}

function fromOther(value: unknown, type: DatastoreType): Coerced {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    if (type === 'integer' || type === 'year') return Number.isSafeInteger(value) ? value : undefined;
    if (type === 'number') return value;
    if (type === 'string') return String(value);
    return undefined;
  }
  if (typeof value === 'boolean') {
    if (type === 'boolean') return value;
    if (type === 'string') return String(value);
    return undefined;
  }
  if (value instanceof Date && (type === 'date' || type === 'datetime')) {
    if (Number.isNaN(value.getTime())) return undefined;
    return type === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
  }
  return undefined;
}

/** What a non-empty, trimmed text cell becomes in a column of each type. */
const FROM_TEXT: Record<DatastoreType, (text: string) => Coerced> = {
  integer: (text) => (INTEGER.test(text) ? Number(text) : undefined),
  year: (text) => (INTEGER.test(text) ? Number(text) : undefined),
  number: (text) => {
    if (!NUMBER.test(text)) return undefined;
    const n = Number(text.includes(',') ? text.replace(',', '.') : text);
    return Number.isFinite(n) ? n : undefined;
  },
  boolean: (text) => {
    const lower = text.toLowerCase();
    return TRUE.has(lower) ? true : FALSE.has(lower) ? false : undefined;
  },
  date: (text) => (text.length === 10 && DATE.test(text) && validDate(text) ? text : undefined),
  datetime: (text) => (DATETIME.test(text) && validDate(text) ? text : undefined),
  string: (text) => (text.length > 100_000 ? text.slice(0, 100_000) : text),
};

const COERCERS = new Map<DatastoreType, CellCoercer>(
  (Object.keys(FROM_TEXT) as DatastoreType[]).map((type) => {
    const fromText = FROM_TEXT[type];
    const coercer: CellCoercer = (value) => {
      if (typeof value === 'string') {
        if (value === '') return null;
        const text = trimmed(value);
        return text === '' ? null : fromText(text);
      }
      if (value === null || value === undefined) return null;
      return fromOther(value, type);
    };
    return [type, coercer];
  }),
);

/**
 * The converter of one column type, chosen once per column so that a load does not dispatch
 * on the type for every cell.
 *
 * @example
 * ```ts
 * const toDate = cellCoercer('date');
 * toDate(' 2024-02-29 '); // '2024-02-29'
 * toDate('2023-02-29'); // undefined (no such day)
 * ```
 */
export function cellCoercer(type: DatastoreType): CellCoercer {
  const coercer = COERCERS.get(type);
  if (coercer === undefined) throw new TypeError(`unknown datastore type: ${String(type)}`);
  return coercer;
}

/**
 * Converts one cell to its column type. Empty cells are null; a cell that cannot be converted
 * gives `undefined` (stored as null and reported).
 */
export function coerceCell(value: unknown, type: DatastoreType): Coerced {
  return cellCoercer(type)(value);
}
