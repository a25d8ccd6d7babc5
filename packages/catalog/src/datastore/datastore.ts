import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { CatalogContext, Db } from '../context';
import type { Backend } from '../db/store';
import { failure, problems, success, type CatalogResult } from '../result';
import { cellCoercer, type CellCoercer } from './coerce';
import { compileDatastoreQuery, type TableInfo } from './compileQuery';
import { ColumnNormalizer, joinSearchText } from './searchText';
import type { DatastoreField, DatastoreQuery, DatastoreResource, DatastoreResult, DatastoreType } from './types';

const TYPES = new Set<DatastoreType>(['string', 'integer', 'number', 'boolean', 'date', 'datetime', 'year']);
const MAX_FIELDS = 500;
const MAX_REPORTED_PROBLEMS = 100;

/** What a load did. */
export interface LoadReport {
  /** Rows in the table after this load (committed). */
  rowsCommitted: number;
  /** Rows skipped because an earlier, interrupted load had committed them. */
  rowsSkipped: number;
  /** Cells that did not fit their column type (stored as null); the first 100 are listed. */
  badCells: number;
  problems: { row: number; field: string; value: string }[];
}

/** Options of a datastore load. */
export interface LoadOptions {
  /** Rows per transaction; default 5,000. */
  batchSize?: number;
  /** Called after every committed batch. */
  onProgress?: (rowsCommitted: number) => void;
  /** Mark the resource `ready` when the rows run out; default true. */
  finish?: boolean;
}

/** Loads tabular resources into typed tables and queries them. */
export interface Datastore {
  /** Creates the table of a resource (or returns the existing one when its fields are the same). */
  create(resourceId: string, input: { datasetId?: string | null; fields: DatastoreField[] }): Promise<CatalogResult<DatastoreResource>>;
  /**
   * Loads rows (arrays in field order, or objects keyed by field name). Batches are committed
   * with a checkpoint: after an interruption, calling `load` again with the same rows skips the
   * committed ones and carries on.
   */
  load(resourceId: string, rows: AsyncIterable<unknown> | Iterable<unknown>, options?: LoadOptions): Promise<CatalogResult<LoadReport>>;
  /** Runs a constrained JSON query. */
  query(resourceId: string, query?: DatastoreQuery): Promise<CatalogResult<DatastoreResult>>;
  info(resourceId: string): Promise<DatastoreResource | undefined>;
  list(datasetId?: string): Promise<DatastoreResource[]>;
  /** Drops a resource's table. */
  drop(resourceId: string): Promise<boolean>;
}

function columnType(type: DatastoreType, backend: Backend): string {
  if (backend === 'sqlite') return { string: 'TEXT', integer: 'INTEGER', year: 'INTEGER', number: 'REAL', boolean: 'INTEGER', date: 'TEXT', datetime: 'TEXT' }[type];
  return { string: 'text', integer: 'bigint', year: 'integer', number: 'double precision', boolean: 'boolean', date: 'date', datetime: 'text' }[type];
}

function tableNameOf(resourceId: string): string {
  return `ds_${createHash('sha256').update(resourceId).digest('hex').slice(0, 24)}`;
}

function tableInfo(row: { table_name: string; fields: string }): TableInfo {
  const fields = JSON.parse(row.fields) as DatastoreField[];
  return { table: row.table_name, fields, columns: new Map(fields.map((f, i) => [f.name, `c${i}`])) };
}

function toResource(row: { id: string; dataset_id: string | null; fields: string; rows_committed: number; status: string; error: string | null; updated_at: string }): DatastoreResource {
  return {
    id: row.id,
    datasetId: row.dataset_id,
    fields: JSON.parse(row.fields) as DatastoreField[],
    rowsCommitted: Number(row.rows_committed),
    status: row.status,
    error: row.error,
    updatedAt: row.updated_at,
  };
}

function checkFields(fields: unknown): CatalogResult<DatastoreField[]> {
  if (!Array.isArray(fields) || fields.length === 0 || fields.length > MAX_FIELDS) {
    return failure('invalid_fields', '/fields', { fr: `il faut de 1 à ${MAX_FIELDS} colonnes`, ar: `يلزم من 1 إلى ${MAX_FIELDS} عمود`, en: `needs 1 to ${MAX_FIELDS} columns` });
  }
  const seen = new Set<string>();
  for (const [i, f] of (fields as unknown[]).entries()) {
    const field = f as Partial<DatastoreField>;
    if (typeof field.name !== 'string' || field.name.length === 0 || field.name.length > 200 || seen.has(field.name)) {
      return failure('invalid_field_name', `/fields/${i}/name`, { fr: 'nom de colonne vide, trop long ou en double', ar: 'اسم عمود فارغ أو طويل جدا أو مكرر', en: 'column name empty, too long or repeated' });
    }
    if (field.type === undefined || !TYPES.has(field.type)) {
      return failure('invalid_field_type', `/fields/${i}/type`, { fr: `type de colonne inconnu : ${String(field.type)}`, ar: `نوع عمود غير معروف: ${String(field.type)}`, en: `unknown column type: ${String(field.type)}` });
    }
    if (field.index !== undefined && typeof field.index !== 'boolean') {
      return failure('invalid_field_index', `/fields/${i}/index`, { fr: '« index » vaut true ou false', ar: 'قيمة «index» هي true أو false', en: '"index" must be true or false' });
    }
    seen.add(field.name);
  }
  // Stored as written here: the same columns always give the same JSON (create compares it).
  return success((fields as DatastoreField[]).map((f) => (f.index === true ? { name: f.name, type: f.type, index: true } : { name: f.name, type: f.type })));
}

async function* batchesOf(rows: AsyncIterable<unknown> | Iterable<unknown>, size: number, skip: number): AsyncGenerator<{ start: number; rows: unknown[] }> {
  if (Symbol.iterator in rows) {
    // A plain iterable: no promise per row.
    yield* syncBatchesOf(rows, size, skip);
    return;
  }
  let index = 0;
  let batch: unknown[] = [];
  let start = skip;
  for await (const row of rows) {
    index++;
    if (index <= skip) continue;
    batch.push(row);
    if (batch.length >= size) {
      yield { start, rows: batch };
      start += batch.length;
      batch = [];
    }
  }
  if (batch.length > 0) yield { start, rows: batch };
}

function* syncBatchesOf(rows: Iterable<unknown>, size: number, skip: number): Generator<{ start: number; rows: unknown[] }> {
  let index = 0;
  let batch: unknown[] = [];
  let start = skip;
  for (const row of rows) {
    index++;
    if (index <= skip) continue;
    batch.push(row);
    if (batch.length >= size) {
      yield { start, rows: batch };
      start += batch.length;
      batch = [];
    }
  }
  if (batch.length > 0) yield { start, rows: batch };
}

/** Builds the datastore part of a catalogue. */
export function createDatastore(ctx: CatalogContext, options: { rowCap?: number } = {}): Datastore {
  const { store } = ctx;
  const rowCap = options.rowCap ?? 1000;
  const find = (db: Db, id: string) => db.selectFrom('datastore_resources').selectAll().where('id', '=', id).executeTakeFirst();

  /** Per-load state of the conversion: one converter per column, one normaliser per text column. */
  function converterOf(info: TableInfo) {
    const coercers = info.fields.map((f) => cellCoercer(f.type));
    const normalizers = info.fields.map((f) => (f.type === 'string' ? new ColumnNormalizer() : undefined));
    return { coercers, normalizers, hasText: normalizers.some((n) => n !== undefined), booleansAsIntegers: store.backend === 'sqlite' };
  }

  function convertBatch(info: TableInfo, converter: ReturnType<typeof converterOf>, start: number, rows: unknown[], report: LoadReport): unknown[][] {
    const { coercers, normalizers, hasText, booleansAsIntegers } = converter;
    const n = info.fields.length;
    const out: unknown[][] = new Array<unknown[]>(rows.length);
    const texts: string[] = [];
    for (let r = 0; r < rows.length; r++) {
      const raw = rows[r];
      const cells = Array.isArray(raw) ? (raw as unknown[]) : typeof raw === 'object' && raw !== null ? info.fields.map((f) => (raw as Record<string, unknown>)[f.name]) : [];
      const values: unknown[] = new Array<unknown>(n + 2);
      values[0] = start + r + 1;
      texts.length = 0;
      for (let i = 0; i < n; i++) {
        let v = (coercers[i] as CellCoercer)(cells[i]);
        if (v === undefined) {
          report.badCells++;
          if (report.problems.length < MAX_REPORTED_PROBLEMS) report.problems.push({ row: start + r + 1, field: (info.fields[i] as DatastoreField).name, value: String(cells[i]).slice(0, 200) });
          v = null;
        } else if (typeof v === 'boolean' && booleansAsIntegers) v = v ? 1 : 0;
        else if (typeof v === 'string') {
          const normalizer = normalizers[i];
          if (normalizer !== undefined) texts.push(normalizer.normalize(v));
        }
        values[i + 1] = v;
      }
      values[n + 1] = hasText ? joinSearchText(texts) : null;
      out[r] = values;
    }
    return out;
  }

  async function writeBatch(info: TableInfo, resourceId: string, values: unknown[][], committed: number): Promise<void> {
    const now = ctx.now();
    if (store.backend === 'sqlite' && store.sqlite !== undefined) {
      const sqlite = store.sqlite;
      const cols = ['_id', ...info.fields.map((_, i) => `c${i}`), '_search'];
      // Prepared statement + one transaction per batch: the fast path of the embedded engine.
      await store.db.connection().execute(() => {
        const insert = sqlite.prepare(`INSERT INTO "${info.table}" (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
        const checkpoint = sqlite.prepare('UPDATE datastore_resources SET rows_committed = ?, updated_at = ? WHERE id = ?');
        sqlite
          .transaction(() => {
            for (const row of values) insert.run(row);
            checkpoint.run(committed, now, resourceId);
          })
          .immediate();
        return Promise.resolve();
      });
      return;
    }
    // PostgreSQL: one INSERT … SELECT FROM unnest() per batch, one array parameter per column.
    const types = ['bigint', ...info.fields.map((f) => columnType(f.type, 'postgres')), 'text'];
    const columns = values.length > 0 ? types.map((_, c) => values.map((row) => row[c])) : [];
    const targets = ['_id', ...info.fields.map((_, i) => `c${i}`), '_search'];
    await store.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO ${sql.table(info.table)} (${sql.join(targets.map((t) => sql.ref(t)))}) SELECT * FROM unnest(${sql.join(columns.map((col, c) => sql`${col}::${sql.raw(`${types[c] ?? 'text'}[]`)}`))})`.execute(trx);
      await trx.updateTable('datastore_resources').set({ rows_committed: committed, updated_at: now }).where('id', '=', resourceId).execute();
    });
  }

  /**
   * Builds the indexes of the marked columns after the rows are in: one sorted pass is cheaper
   * than updating a B-tree per inserted row. Idempotent, so a load resumed after a kill during
   * this step finishes it. Then refreshes the planner's statistics of the table.
   */
  async function createIndexes(info: TableInfo): Promise<void> {
    const marked = info.fields.flatMap((f, i) => (f.index === true ? [i] : []));
    if (marked.length === 0) return;
    for (const i of marked) await sql.raw(`CREATE INDEX IF NOT EXISTS "${info.table}_c${i}" ON "${info.table}" (c${i})`).execute(store.db);
    if (store.backend === 'sqlite' && store.sqlite !== undefined) {
      const sqlite = store.sqlite;
      // A sampled ANALYZE (a few hundred rows per index) so the planner can choose between indexes.
      await store.db.connection().execute(() => {
        const previous = sqlite.pragma('analysis_limit', { simple: true }) as number;
        sqlite.pragma('analysis_limit = 1000');
        try {
          sqlite.exec(`ANALYZE "${info.table}"`);
        } finally {
          sqlite.pragma(`analysis_limit = ${Number(previous)}`);
        }
        return Promise.resolve();
      });
    } else {
      await sql.raw(`ANALYZE "${info.table}"`).execute(store.db);
    }
  }

  return {
    async create(resourceId, input) {
      const checked = checkFields(input.fields);
      if (!checked.ok) return checked;
      const fields = checked.value;
      const existing = await find(store.db, resourceId);
      if (existing) {
        if (existing.fields === JSON.stringify(fields)) return success(toResource(existing));
        return failure('fields_changed', '/fields', {
          fr: 'cette ressource existe déjà avec d’autres colonnes : supprimez-la avant de la recharger',
          ar: 'هذا المورد موجود بأعمدة أخرى: احذفه قبل إعادة تحميله',
          en: 'this resource already exists with other columns: drop it before loading it again',
        });
      }
      const table = tableNameOf(resourceId);
      const columns = fields.map((f, i) => `c${i} ${columnType(f.type, store.backend)}`).join(', ');
      const now = ctx.now();
      await store.db.transaction().execute(async (trx) => {
        await sql.raw(`CREATE TABLE "${table}" (_id ${store.backend === 'sqlite' ? 'INTEGER' : 'bigint'} PRIMARY KEY, ${columns}, _search text)`).execute(trx);
        await trx
          .insertInto('datastore_resources')
          .values({ id: resourceId, dataset_id: input.datasetId ?? null, table_name: table, fields: JSON.stringify(fields), rows_committed: 0, status: 'loading', error: null, created_at: now, updated_at: now })
          .execute();
      });
      const row = await find(store.db, resourceId);
      return row ? success(toResource(row)) : problems.notFound('ressource / resource', resourceId);
    },

    async load(resourceId, rows, options = {}) {
      const row = await find(store.db, resourceId);
      if (!row) return problems.notFound('ressource / resource', resourceId);
      const info = tableInfo(row);
      const already = Number(row.rows_committed);
      const batchSize = Math.max(1, Math.min(50_000, options.batchSize ?? 5000));
      const report: LoadReport = { rowsCommitted: already, rowsSkipped: already, badCells: 0, problems: [] };
      if (row.status !== 'loading') {
        await store.db.updateTable('datastore_resources').set({ status: 'loading', updated_at: ctx.now() }).where('id', '=', resourceId).execute();
      }
      const converter = converterOf(info);
      for await (const batch of batchesOf(rows, batchSize, already)) {
        const values = convertBatch(info, converter, batch.start, batch.rows, report);
        const committed = batch.start + values.length;
        await writeBatch(info, resourceId, values, committed);
        report.rowsCommitted = committed;
        options.onProgress?.(committed);
      }
      if (options.finish !== false) {
        await createIndexes(info);
        await store.db.updateTable('datastore_resources').set({ status: 'ready', error: null, updated_at: ctx.now() }).where('id', '=', resourceId).execute();
      }
      return success(report);
    },

    async query(resourceId, query = {}) {
      const row = await find(store.db, resourceId);
      if (!row) return problems.notFound('ressource / resource', resourceId);
      const compiled = compileDatastoreQuery(tableInfo(row), query, store.backend, rowCap);
      if (!compiled.ok) return compiled;
      const c = compiled.value;
      const result = await c.sql.execute(store.db);
      const page = result.rows.slice(0, c.limit);
      const rows = page.map((r) => {
        const out: Record<string, string | number | boolean | null> = {};
        for (const o of c.outputs) {
          const v = r[o.alias];
          out[o.name] = v === null || v === undefined ? null : o.type === 'boolean' ? v === true || v === 1 : typeof v === 'bigint' ? Number(v) : (v as string | number);
        }
        return out;
      });
      const total = c.countSql === undefined ? undefined : Number((await c.countSql.execute(store.db)).rows[0]?.n ?? 0);
      const last = page.at(-1);
      return success({
        fields: c.outputs.map((o) => ({ name: o.name, type: o.type })),
        rows,
        ...(total === undefined ? {} : { total }),
        nextCursor: result.rows.length > c.limit && last !== undefined ? c.nextCursor(last) : undefined,
      });
    },

    async info(resourceId) {
      const row = await find(store.db, resourceId);
      return row ? toResource(row) : undefined;
    },

    async list(datasetId) {
      let q = store.db.selectFrom('datastore_resources').selectAll().orderBy('id');
      if (datasetId !== undefined) q = q.where('dataset_id', '=', datasetId);
      return (await q.execute()).map(toResource);
    },

    async drop(resourceId) {
      const row = await find(store.db, resourceId);
      if (!row) return false;
      await store.db.transaction().execute(async (trx) => {
        await sql`DROP TABLE IF EXISTS ${sql.table(row.table_name)}`.execute(trx);
        await trx.deleteFrom('datastore_resources').where('id', '=', resourceId).execute();
      });
      return true;
    },
  };
}
