import type { TableSort } from '@bayan/ui';
import type { DatastoreQuery, DatastoreResult } from '../api';

export type QueryFn = (resourceId: string, query: DatastoreQuery) => Promise<DatastoreResult>;

/** One page of rows, reached by walking cursors (the datastore pages by cursor). */
export async function previewRows(
  query: QueryFn,
  resourceId: string,
  options: { page: number; pageSize: number; sort: TableSort | null; filter: string },
): Promise<{ rows: Record<string, unknown>[]; total: number }> {
  const base: DatastoreQuery = {
    q: options.filter || undefined,
    sort: options.sort ? [{ field: options.sort.column, order: options.sort.direction === 'descending' ? 'desc' : 'asc' }] : undefined,
  };
  let cursor: string | undefined;
  let skip = (options.page - 1) * options.pageSize;
  while (skip > 0) {
    const step = Math.min(skip, 1000);
    const chunk = await query(resourceId, { ...base, fields: [], limit: step, cursor });
    if (!chunk.nextCursor) return { rows: [], total: (await query(resourceId, { ...base, limit: 1, count: true })).total ?? 0 };
    cursor = chunk.nextCursor;
    skip -= step;
  }
  const page = await query(resourceId, { ...base, limit: options.pageSize, cursor, count: true });
  return { rows: page.rows, total: page.total ?? page.rows.length };
}

/** The sum of `y` per value of `x`, at most 50 categories, in category order. */
export async function chartSeries(query: QueryFn, resourceId: string, x: string, y: string): Promise<{ categories: string[]; values: (number | null)[] }> {
  const result = await query(resourceId, { groupBy: [x], aggregates: [{ op: 'sum', field: y, as: 'value' }], sort: [{ field: x, order: 'asc' }], limit: 50 });
  return {
    categories: result.rows.map((r) => categoryLabel(r[x])),
    values: result.rows.map((r) => (typeof r.value === 'number' ? r.value : r.value == null ? null : Number(r.value))),
  };
}

/** Reads `column:asc|desc` from a URL parameter. */
export function readSort(value: string | null, columns: readonly string[]): TableSort | null {
  if (!value) return null;
  const [column, dir] = value.split(':');
  if (!column || !columns.includes(column)) return null;
  return { column, direction: dir === 'desc' ? 'descending' : 'ascending' };
}

export function writeSort(sort: TableSort | null): string | undefined {
  return sort ? `${sort.column}:${sort.direction === 'descending' ? 'desc' : 'asc'}` : undefined;
}

function categoryLabel(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
