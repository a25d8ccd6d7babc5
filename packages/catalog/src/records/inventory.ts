import { parseInventoryEntry, type InventoryEntry, type InventoryStatus } from '@bayan/schema';
import { logActivity, transaction, type CatalogContext } from '../context';
import { newId } from '../ids';
import { problems, success, type CatalogResult } from '../result';

/** An inventory entry as the catalogue holds it. */
export interface StoredInventoryEntry {
  id: string;
  record: InventoryEntry;
  createdAt: string;
  updatedAt: string;
}

/** Each organisation's inventory of datasets held and planned. */
export interface Inventory {
  create(input: unknown, options?: { actor?: string | null }): Promise<CatalogResult<StoredInventoryEntry>>;
  update(id: string, input: unknown, options?: { actor?: string | null }): Promise<CatalogResult<StoredInventoryEntry>>;
  get(id: string): Promise<StoredInventoryEntry | undefined>;
  /** Entries of one organisation (optionally one status), by target date. */
  list(organizationId: string, options?: { status?: InventoryStatus }): Promise<StoredInventoryEntry[]>;
  delete(id: string): Promise<boolean>;
  /** Entries per status for one organisation. */
  summary(organizationId: string): Promise<Record<InventoryStatus, number>>;
}

function toStored(row: { id: string; record: string; created_at: string; updated_at: string }): StoredInventoryEntry {
  return { id: row.id, record: JSON.parse(row.record) as InventoryEntry, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** Builds the inventory part of a catalogue. */
export function createInventory(ctx: CatalogContext): Inventory {
  async function write(id: string, input: unknown, previous: { created_at: string } | undefined, actor: string | null | undefined): Promise<CatalogResult<StoredInventoryEntry>> {
    const parsed = parseInventoryEntry(input);
    if (!parsed.ok) return parsed;
    const record = { ...parsed.value, id };
    return transaction(ctx, async (db) => {
      const org = await db.selectFrom('organizations').select('id').where('id', '=', record.organizationId).executeTakeFirst();
      if (!org) return problems.unknownReference('/organizationId', 'organisation', record.organizationId);
      if (record.datasetId !== undefined) {
        const ds = await db.selectFrom('datasets').select('id').where('id', '=', record.datasetId).executeTakeFirst();
        if (!ds) return problems.unknownReference('/datasetId', 'jeu de données / dataset', record.datasetId);
      }
      const now = ctx.now();
      const row = {
        id,
        organization_id: record.organizationId,
        status: record.status,
        target_date: record.targetDate ?? null,
        dataset_id: record.datasetId ?? null,
        record: JSON.stringify(record),
        created_at: previous?.created_at ?? now,
        updated_at: now,
      };
      if (previous) await db.updateTable('inventory_entries').set(row).where('id', '=', id).execute();
      else await db.insertInto('inventory_entries').values(row).execute();
      await logActivity(db, { at: now, actorId: actor, action: previous ? 'inventory.updated' : 'inventory.created', objectType: 'inventory', objectId: id, details: { status: record.status } });
      return success(toStored(row));
    });
  }
  return {
    create(input, options) {
      const id = typeof input === 'object' && input !== null && typeof (input as { id?: unknown }).id === 'string' ? (input as { id: string }).id : newId();
      return write(id, input, undefined, options?.actor);
    },
    async update(id, input, options) {
      const previous = await ctx.store.db.selectFrom('inventory_entries').select('created_at').where('id', '=', id).executeTakeFirst();
      if (!previous) return problems.notFound('entrée d’inventaire / inventory entry', id);
      return write(id, input, previous, options?.actor);
    },
    async get(id) {
      const row = await ctx.store.db.selectFrom('inventory_entries').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toStored(row) : undefined;
    },
    async list(organizationId, options = {}) {
      let q = ctx.store.db.selectFrom('inventory_entries').selectAll().where('organization_id', '=', organizationId);
      if (options.status !== undefined) q = q.where('status', '=', options.status);
      return (await q.orderBy('target_date').orderBy('id').execute()).map(toStored);
    },
    async delete(id) {
      const result = await ctx.store.db.deleteFrom('inventory_entries').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async summary(organizationId) {
      const rows = await ctx.store.db
        .selectFrom('inventory_entries')
        .select(['status', (eb) => eb.fn.countAll().as('n')])
        .where('organization_id', '=', organizationId)
        .groupBy('status')
        .execute();
      const out: Record<InventoryStatus, number> = { planned: 0, 'in-preparation': 0, published: 0, withdrawn: 0 };
      for (const r of rows) out[r.status as InventoryStatus] = Number(r.n);
      return out;
    },
  };
}
