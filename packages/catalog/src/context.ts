import type { Dataset } from '@bayan/schema';
import type { InsertObject, Kysely } from 'kysely';
import type { Store } from './db/store';
import type { Tables } from './db/tables';
import type { QualityScorer } from './quality';

/** What every part of the catalogue shares. */
export interface CatalogContext {
  store: Store;
  quality: QualityScorer;
  now: () => string;
  /** Checks a record against DCAT-AP; absent when not configured. */
  dcatApCompliance: ((dataset: Dataset) => Promise<boolean | undefined>) | undefined;
}

/** A query builder or an open transaction. */
export type Db = Kysely<Tables>;

/** Runs `work` in one transaction on either backend. */
export function transaction<T>(ctx: CatalogContext, work: (trx: Db) => Promise<T>): Promise<T> {
  return ctx.store.db.transaction().execute(work);
}

/** Records one entry of the activity log inside the caller's transaction. */
export async function logActivity(
  db: Db,
  entry: { at: string; actorId: string | null | undefined; action: string; objectType: string; objectId: string; details?: unknown },
): Promise<void> {
  await db
    .insertInto('activity')
    .values({
      at: entry.at,
      actor_id: entry.actorId ?? null,
      action: entry.action,
      object_type: entry.objectType,
      object_id: entry.objectId,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

/** Whether an error is a unique-constraint violation on either backend. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; message?: unknown };
  return e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Inserts many rows with multi-row statements, in chunks that stay under both backends' parameter limits. */
export async function insertRows<T extends keyof Tables>(db: Db, table: T, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const size = Math.max(1, Math.floor(30_000 / Object.keys(rows[0]!).length));
  for (let i = 0; i < rows.length; i += size) {
    // The caller builds the rows for this table; kysely cannot check a table chosen at run time.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size) as unknown as InsertObject<Tables, T>[])
      .execute();
  }
}
