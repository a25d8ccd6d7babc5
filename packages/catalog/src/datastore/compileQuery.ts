import { sql, type RawBuilder } from 'kysely';
import type { Backend } from '../db/store';
import { decodeCursor, encodeCursor } from '../ids';
import { failure, success, type CatalogResult } from '../result';
import { searchTokens } from '../search/normalize';
import { coerceCell } from './coerce';
import type { DatastoreField, DatastoreQuery, DatastoreType } from './types';

/** A datastore table as the compiler sees it. */
export interface TableInfo {
  table: string;
  fields: DatastoreField[];
  /** Column identifier of each field, by field name (`c0`, `c1`, …). */
  columns: Map<string, string>;
}

/** A compiled query: the SQL to run and how to read its rows back. */
export interface CompiledDatastoreQuery {
  sql: RawBuilder<Record<string, unknown>>;
  countSql: RawBuilder<{ n: number }> | undefined;
  /** Output columns: alias in SQL → name and type shown to people. */
  outputs: { alias: string; name: string; type: DatastoreType }[];
  limit: number;
  /** Builds the next cursor from the last row of a full page. */
  nextCursor: (last: Record<string, unknown>) => string;
}

const OPS = new Set(['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in', 'between', 'contains', 'null', 'notNull']);
const AGGREGATES = new Set(['count', 'sum', 'avg', 'min', 'max']);
const MAX_IN = 500;
const ALIAS = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

function invalid<T>(path: string, fr: string, ar: string, en: string): CatalogResult<T> {
  return failure('invalid_query', path, { fr, ar, en });
}

function unknownField<T>(path: string, name: string): CatalogResult<T> {
  return failure('unknown_field', path, {
    fr: `colonne inconnue : « ${name} »`,
    ar: `عمود غير معروف: «${name}»`,
    en: `unknown column: "${name}"`,
  });
}

interface SortKey {
  column: string;
  desc: boolean;
}

/** Orders NULL as the largest value on both backends. */
function orderTerm(key: SortKey): RawBuilder<unknown> {
  return key.desc ? sql`${sql.ref(key.column)} DESC NULLS FIRST` : sql`${sql.ref(key.column)} ASC NULLS LAST`;
}

/** Rows strictly after `values` in the order of `keys` (NULL as the largest value). */
function afterPredicate(keys: SortKey[], values: unknown[]): RawBuilder<unknown> {
  const alternatives: RawBuilder<unknown>[] = [];
  const equalSoFar: RawBuilder<unknown>[] = [];
  keys.forEach((key, i) => {
    const col = sql.ref(key.column);
    const v = values[i] ?? null;
    let strictlyAfter: RawBuilder<unknown> | undefined;
    let equal: RawBuilder<unknown>;
    if (v === null) {
      strictlyAfter = key.desc ? sql`${col} IS NOT NULL` : undefined;
      equal = sql`${col} IS NULL`;
    } else {
      strictlyAfter = key.desc ? sql`${col} < ${v}` : sql`(${col} > ${v} OR ${col} IS NULL)`;
      equal = sql`${col} = ${v}`;
    }
    if (strictlyAfter !== undefined) alternatives.push(sql.join([...equalSoFar, strictlyAfter], sql` AND `));
    equalSoFar.push(equal);
  });
  if (alternatives.length === 0) return sql`1 = 0`;
  return sql`(${sql.join(alternatives.map((a) => sql`(${a})`), sql` OR `)})`;
}

function filterValue(value: unknown, type: DatastoreType, backend: Backend): unknown {
  const v = coerceCell(typeof value === 'number' || typeof value === 'boolean' ? value : String(value), type === 'year' ? 'integer' : type);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean' && backend === 'sqlite') return v ? 1 : 0;
  return v;
}

/**
 * Compiles a datastore query into parameterised SQL over one table, or reports what is wrong
 * with it. Identifiers come only from the table's own column list.
 */
export function compileDatastoreQuery(info: TableInfo, query: DatastoreQuery, backend: Backend, rowCap: number): CatalogResult<CompiledDatastoreQuery> {
  const byName = new Map(info.fields.map((f) => [f.name, f]));
  const column = (name: unknown): string | undefined => (typeof name === 'string' ? info.columns.get(name) : undefined);
  const limit = Math.max(1, Math.min(rowCap, Math.trunc(Number(query.limit ?? Math.min(100, rowCap))) || 1));

  const where: RawBuilder<unknown>[] = [];
  for (const [i, filter] of (query.filters ?? []).entries()) {
    const path = `/filters/${i}`;
    if (typeof filter !== 'object' || filter === null) return invalid(path, 'filtre invalide', 'مرشح غير صالح', 'invalid filter');
    const col = column(filter.field);
    const field = byName.get(filter.field);
    if (col === undefined || field === undefined) return unknownField(`${path}/field`, String(filter.field));
    if (!OPS.has(filter.op)) return invalid(`${path}/op`, `opérateur inconnu : ${String(filter.op)}`, `عامل غير معروف: ${String(filter.op)}`, `unknown operator: ${String(filter.op)}`);
    const ref = sql.ref(col);
    const badValue = () =>
      invalid<CompiledDatastoreQuery>(
        `${path}/value`,
        `valeur incompatible avec la colonne « ${field.name} » (${field.type})`,
        `قيمة لا تناسب العمود «${field.name}» (${field.type})`,
        `value does not fit column "${field.name}" (${field.type})`,
      );
    switch (filter.op) {
      case 'null':
        where.push(sql`${ref} IS NULL`);
        break;
      case 'notNull':
        where.push(sql`${ref} IS NOT NULL`);
        break;
      case 'in': {
        if (!Array.isArray(filter.value) || filter.value.length === 0 || filter.value.length > MAX_IN) return badValue();
        const values = filter.value.map((v) => filterValue(v, field.type, backend));
        if (values.some((v) => v === undefined)) return badValue();
        where.push(sql`${ref} IN (${sql.join(values)})`);
        break;
      }
      case 'between': {
        if (!Array.isArray(filter.value) || filter.value.length !== 2) return badValue();
        const [lo, hi] = filter.value.map((v) => filterValue(v, field.type, backend));
        if (lo === undefined || hi === undefined) return badValue();
        where.push(sql`${ref} BETWEEN ${lo} AND ${hi}`);
        break;
      }
      case 'contains': {
        if (typeof filter.value !== 'string' || filter.value.length === 0 || filter.value.length > 1000) return badValue();
        const needle = filter.value.toLowerCase();
        const text = field.type === 'string' ? ref : sql`CAST(${ref} AS text)`;
        where.push(backend === 'postgres' ? sql`strpos(lower(${text}), ${needle}) > 0` : sql`instr(lower(${text}), ${needle}) > 0`);
        break;
      }
      default: {
        const v = filterValue(filter.value, field.type, backend);
        if (v === undefined) return badValue();
        const op = { eq: sql`=`, neq: sql`<>`, lt: sql`<`, lte: sql`<=`, gt: sql`>`, gte: sql`>=` }[filter.op];
        where.push(sql`${ref} ${op} ${v}`);
      }
    }
  }
  if (query.q !== undefined) {
    if (typeof query.q !== 'string') return invalid('/q', 'texte attendu', 'يلزم نص', 'text expected');
    // Tokens are letters and digits only, so they carry no LIKE wildcard.
    for (const token of searchTokens(query.q, 16)) where.push(sql`_search LIKE ${`%${token}%`}`);
  }
  const whereSql = where.length > 0 ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``;

  const grouped = (query.groupBy?.length ?? 0) > 0 || (query.aggregates?.length ?? 0) > 0;
  const table = sql.table(info.table);
  if (grouped) return compileGrouped(info, query, backend, whereSql, limit);

  const outputs: CompiledDatastoreQuery['outputs'] = [];
  for (const [i, name] of (query.fields ?? info.fields.map((f) => f.name)).entries()) {
    const col = column(name);
    const field = byName.get(name);
    if (col === undefined || field === undefined) return unknownField(`/fields/${i}`, String(name));
    outputs.push({ alias: col, name, type: field.type });
  }
  const keys: SortKey[] = [];
  for (const [i, s] of (query.sort ?? []).entries()) {
    const col = column(s?.field);
    if (col === undefined) return unknownField(`/sort/${i}/field`, String(s?.field));
    if (s.order !== undefined && s.order !== 'asc' && s.order !== 'desc') return invalid(`/sort/${i}/order`, 'ordre « asc » ou « desc »', 'الترتيب asc أو desc', 'order must be "asc" or "desc"');
    keys.push({ column: col, desc: s.order === 'desc' });
  }
  keys.push({ column: '_id', desc: false });
  const cursor = decodeCursor(query.cursor);
  const conditions = [...where];
  if (Array.isArray(cursor) && cursor.length === keys.length) conditions.push(afterPredicate(keys, cursor));
  const pageWhere = conditions.length > 0 ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
  const selectList = sql.join([sql.ref('_id'), ...outputs.map((o) => sql.ref(o.alias))]);
  const sortColumns = keys.map((k) => k.column);
  const extraSort = sortColumns.filter((c) => c !== '_id' && !outputs.some((o) => o.alias === c));
  const selectWithSort = extraSort.length > 0 ? sql`${selectList}, ${sql.join(extraSort.map((c) => sql.ref(c)))}` : selectList;
  return success({
    sql: sql<Record<string, unknown>>`SELECT ${selectWithSort} FROM ${table} ${pageWhere} ORDER BY ${sql.join(keys.map(orderTerm))} LIMIT ${limit + 1}`,
    countSql: query.count === true ? sql<{ n: number }>`SELECT count(*) AS n FROM ${table} ${whereSql}` : undefined,
    outputs,
    limit,
    nextCursor: (last) => encodeCursor(sortColumns.map((c) => last[c] ?? null)),
  });
}

function compileGrouped(info: TableInfo, query: DatastoreQuery, backend: Backend, whereSql: RawBuilder<unknown>, limit: number): CatalogResult<CompiledDatastoreQuery> {
  const byName = new Map(info.fields.map((f) => [f.name, f]));
  const outputs: CompiledDatastoreQuery['outputs'] = [];
  const selects: RawBuilder<unknown>[] = [];
  const groups: RawBuilder<unknown>[] = [];
  for (const [i, name] of (query.groupBy ?? []).entries()) {
    const col = info.columns.get(name);
    const field = byName.get(name);
    if (col === undefined || field === undefined) return unknownField(`/groupBy/${i}`, String(name));
    groups.push(sql.ref(col));
    selects.push(sql.ref(col));
    outputs.push({ alias: col, name, type: field.type });
  }
  const aggregates = query.aggregates?.length ? query.aggregates : [{ op: 'count' as const }];
  for (const [i, agg] of aggregates.entries()) {
    const path = `/aggregates/${i}`;
    if (!AGGREGATES.has(agg?.op)) return invalid(`${path}/op`, `agrégat inconnu : ${String(agg?.op)}`, `تجميع غير معروف: ${String(agg?.op)}`, `unknown aggregate: ${String(agg?.op)}`);
    const name = agg.as ?? (agg.field === undefined ? agg.op : `${agg.op}_${agg.field}`);
    if (typeof name !== 'string' || name.length === 0 || name.length > 200) return invalid(`${path}/as`, 'nom de résultat invalide', 'اسم نتيجة غير صالح', 'invalid result name');
    const alias = `a${i}`;
    if (agg.op === 'count' && agg.field === undefined) {
      selects.push(sql`count(*) AS ${sql.ref(alias)}`);
      outputs.push({ alias, name, type: 'integer' });
      continue;
    }
    const col = info.columns.get(agg.field ?? '');
    const field = byName.get(agg.field ?? '');
    if (col === undefined || field === undefined) return unknownField(`${path}/field`, String(agg.field));
    const numeric = field.type === 'integer' || field.type === 'number' || field.type === 'year';
    if ((agg.op === 'sum' || agg.op === 'avg') && !numeric) {
      return invalid(`${path}/field`, `« ${field.name} » n’est pas numérique`, `«${field.name}» ليس عموداً رقمياً`, `"${field.name}" is not numeric`);
    }
    const ref = sql.ref(col);
    const fn = { count: sql`count(${ref})`, sum: sql`sum(${ref})`, avg: sql`avg(${ref})`, min: sql`min(${ref})`, max: sql`max(${ref})` }[agg.op];
    // PostgreSQL's avg/sum of bigint are numeric: cast so both backends return plain numbers.
    const expr = backend === 'postgres' && (agg.op === 'avg' || agg.op === 'sum') ? sql`CAST(${fn} AS double precision)` : fn;
    selects.push(sql`${expr} AS ${sql.ref(alias)}`);
    outputs.push({ alias, name, type: agg.op === 'count' ? 'integer' : agg.op === 'avg' || agg.op === 'sum' ? 'number' : field.type });
  }
  if (!ALIAS.test(outputs[0]?.alias ?? 'x')) return invalid('', 'requête invalide', 'استعلام غير صالح', 'invalid query');
  const offsetValue = decodeCursor(query.cursor);
  const offset = typeof offsetValue === 'number' && Number.isInteger(offsetValue) && offsetValue > 0 ? offsetValue : 0;
  const orderBy: RawBuilder<unknown>[] = [];
  for (const [i, s] of (query.sort ?? []).entries()) {
    const out = outputs.find((o) => o.name === s?.field);
    if (out === undefined) return unknownField(`/sort/${i}/field`, String(s?.field));
    orderBy.push(orderTerm({ column: out.alias, desc: s.order === 'desc' }));
  }
  for (const g of outputs.filter((o) => !o.alias.startsWith('a'))) orderBy.push(orderTerm({ column: g.alias, desc: false }));
  if (orderBy.length === 0) orderBy.push(sql`1`);
  const table = sql.table(info.table);
  const groupSql = groups.length > 0 ? sql`GROUP BY ${sql.join(groups)}` : sql``;
  return success({
    sql: sql<Record<string, unknown>>`SELECT ${sql.join(selects)} FROM ${table} ${whereSql} ${groupSql} ORDER BY ${sql.join(orderBy)} LIMIT ${limit + 1} OFFSET ${offset}`,
    countSql: query.count === true ? sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 AS one FROM ${table} ${whereSql} ${groupSql}) g` : undefined,
    outputs,
    limit,
    nextCursor: () => encodeCursor(offset + limit),
  });
}
