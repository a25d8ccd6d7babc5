import type { DatastoreType } from './types';

const INTEGER = /^[+-]?\d{1,15}$/;
const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const TRUE = new Set(['true', '1', 'yes', 'oui', 'vrai', 'y', 't']);
const FALSE = new Set(['false', '0', 'no', 'non', 'faux', 'n', 'f']);

/** A cell that does not fit its column: `undefined` is returned and the loader counts it. */
export type Coerced = string | number | boolean | null | undefined;

function validDate(text: string): boolean {
  const d = new Date(`${text.slice(0, 10)}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text.slice(0, 10);
}

/**
 * Converts one cell to its column type. Empty cells are null; a cell that cannot be converted
 * gives `undefined` (stored as null and reported).
 */
export function coerceCell(value: unknown, type: DatastoreType): Coerced {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return null;
    switch (type) {
      case 'integer':
      case 'year':
        return INTEGER.test(text) ? Number(text) : undefined;
      case 'number': {
        if (!NUMBER.test(text)) return undefined;
        const n = Number(text.replace(',', '.'));
        return Number.isFinite(n) ? n : undefined;
      }
      case 'boolean': {
        const lower = text.toLowerCase();
        return TRUE.has(lower) ? true : FALSE.has(lower) ? false : undefined;
      }
      case 'date':
        return DATE.test(text) && validDate(text) ? text : undefined;
      case 'datetime':
        return DATETIME.test(text) && validDate(text) ? text : undefined;
      default:
        return text.slice(0, 100_000);
    }
  }
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
