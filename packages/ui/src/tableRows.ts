import { formattingLocale } from './locale';
import type { Locale } from './locale';

/** A row of tabular data: column key → cell value. */
export type TableRow = Record<string, unknown>;

/** Sort order of a table column. */
export type SortDirection = 'ascending' | 'descending';

/** Which column a table is sorted by. */
export interface TableSort {
  column: string;
  direction: SortDirection;
}

/** The kind of values in a column: decides sorting, alignment and formatting. */
export type ColumnType = 'string' | 'number' | 'date';

// Filtering ignores case, French accents and Arabic diacritics/tatweel, so "sante" finds "Santé"
// and an unvocalised query finds vocalised text.
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .toLowerCase();
}

/** Plain text of a cell value, for filtering and default rendering (internal). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  return JSON.stringify(value) ?? '';
}

function compareValues(a: unknown, b: unknown, type: ColumnType, collator: Intl.Collator): number {
  const aMissing = a === null || a === undefined || a === '';
  const bMissing = b === null || b === undefined || b === '';
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  if (type === 'number') {
    const x = Number(a);
    const y = Number(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return collator.compare(cellText(a), cellText(b));
    return x - y;
  }
  if (type === 'date') {
    const x = new Date(cellText(a)).getTime();
    const y = new Date(cellText(b)).getTime();
    if (Number.isNaN(x) || Number.isNaN(y)) return collator.compare(cellText(a), cellText(b));
    return x - y;
  }
  return collator.compare(cellText(a), cellText(b));
}

/**
 * Filters rows by a text (every word must appear in some cell; case, accents, Arabic diacritics
 * ignored) and sorts them by a column (numbers and dates by value, text with the locale's
 * collation, empty cells last in both directions). The sort is stable; the input is not changed.
 * @example
 * filterAndSortRows(rows, { types: { population: 'number' }, filter: 'rabat', sort: { column: 'population', direction: 'descending' }, locale: 'fr' });
 */
export function filterAndSortRows<Row extends TableRow>(
  rows: readonly Row[],
  options: { types?: Record<string, ColumnType>; filter?: string; sort?: TableSort | null; locale: Locale },
): Row[] {
  const words = fold(options.filter ?? '')
    .split(/\s+/)
    .filter(Boolean);
  let result = words.length === 0
    ? [...rows]
    : rows.filter((row) => {
        const haystack = fold(Object.values(row).map(cellText).join('\u0000'));
        return words.every((word) => haystack.includes(word));
      });
  const sort = options.sort;
  if (sort) {
    const type = options.types?.[sort.column] ?? 'string';
    const collator = new Intl.Collator(formattingLocale(options.locale), { numeric: true, sensitivity: 'base' });
    const sign = sort.direction === 'ascending' ? 1 : -1;
    result = result
      .map((row, index) => ({ row, index }))
      .sort((a, b) => {
        const av = a.row[sort.column];
        const bv = b.row[sort.column];
        const aMissing = av === null || av === undefined || av === '';
        const bMissing = bv === null || bv === undefined || bv === '';
        if (aMissing || bMissing) return aMissing === bMissing ? a.index - b.index : aMissing ? 1 : -1;
        return sign * compareValues(av, bv, type, collator) || a.index - b.index;
      })
      .map((entry) => entry.row);
  }
  return result;
}
