/** Column types of a datastore table (Table Schema field types, reduced to what SQL stores). */
export type DatastoreType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'year';

/** One column of a datastore table. */
export interface DatastoreField {
  /** The column name as people see it (any text, up to 200 characters). */
  name: string;
  type: DatastoreType;
  /**
   * Index this column once the load has finished (a B-tree index built in one pass, not updated
   * row by row), so that filters and sorts on it read the index instead of the whole table. Mark a
   * table's primary key and the columns people filter on (codes, years, regions); default false.
   */
  index?: boolean;
}

/** One filter of a datastore query. */
export type DatastoreFilter =
  | { field: string; op: 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte'; value: string | number | boolean }
  | { field: string; op: 'in'; value: (string | number | boolean)[] }
  | { field: string; op: 'between'; value: [string | number, string | number] }
  | { field: string; op: 'contains'; value: string }
  | { field: string; op: 'null' | 'notNull' };

/** An aggregate of a grouped query. */
export interface DatastoreAggregate {
  op: 'count' | 'sum' | 'avg' | 'min' | 'max';
  /** The field to aggregate (not needed for `count`). */
  field?: string;
  /** The result column's name; default `op` or `op_field`. */
  as?: string;
}

/**
 * A datastore query: a constrained JSON language compiled to parameterised SQL. Field names are
 * checked against the table's columns; nothing from the query is ever pasted into SQL text.
 */
export interface DatastoreQuery {
  /** Fields to return; default all. */
  fields?: string[];
  /** Filters, all of which must hold. */
  filters?: DatastoreFilter[];
  /** Full text over the text columns (every word must appear). */
  q?: string;
  /** Sort order; rows with equal keys stay in load order. */
  sort?: { field: string; order?: 'asc' | 'desc' }[];
  /** Group by these fields and return `aggregates` per group. */
  groupBy?: string[];
  aggregates?: DatastoreAggregate[];
  /** Page size; default 100, at most the catalogue's row cap (default 1,000). */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
  /** Also count every matching row (costs a second query). */
  count?: boolean;
}

/** A page of datastore rows. */
export interface DatastoreResult {
  fields: { name: string; type: DatastoreType | 'number' }[];
  rows: Record<string, string | number | boolean | null>[];
  /** Present when `count` was asked. */
  total?: number;
  nextCursor: string | undefined;
}

/** A loaded (or loading) datastore resource. */
export interface DatastoreResource {
  id: string;
  datasetId: string | null;
  fields: DatastoreField[];
  rowsCommitted: number;
  /** `loading`, `ready` or `failed`. */
  status: string;
  error: string | null;
  updatedAt: string;
}
