import { parseOrganization, type Organization } from '@bayan/schema';
import { isUniqueViolation, logActivity, transaction, type CatalogContext } from '../context';
import { newId } from '../ids';
import { problems, success, type CatalogResult } from '../result';

/** An organisation as the catalogue holds it. */
export interface StoredOrganization {
  id: string;
  slug: string;
  record: Organization;
  createdAt: string;
  updatedAt: string;
}

/** Organisations (producers). */
export interface Organizations {
  /** Validates and stores a new organisation. */
  create(input: unknown, options?: { actor?: string | null }): Promise<CatalogResult<StoredOrganization>>;
  /** Replaces an organisation's record. */
  update(idOrSlug: string, input: unknown, options?: { actor?: string | null }): Promise<CatalogResult<StoredOrganization>>;
  /** An organisation by id or slug. */
  get(idOrSlug: string): Promise<StoredOrganization | undefined>;
  /** Every organisation, by name. */
  list(): Promise<StoredOrganization[]>;
  /** Deletes an organisation that has no datasets. */
  delete(idOrSlug: string, options?: { actor?: string | null }): Promise<CatalogResult<{ id: string }>>;
}

function toStored(row: { id: string; slug: string; record: string; created_at: string; updated_at: string }): StoredOrganization {
  return { id: row.id, slug: row.slug, record: JSON.parse(row.record) as Organization, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** Builds the organisations part of a catalogue. */
export function createOrganizations(ctx: CatalogContext): Organizations {
  const find = (idOrSlug: string) =>
    ctx.store.db
      .selectFrom('organizations')
      .selectAll()
      .where((eb) => eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug)]))
      .executeTakeFirst();
  return {
    async create(input, options) {
      const parsed = parseOrganization(input);
      if (!parsed.ok) return parsed;
      const record = { ...parsed.value, id: parsed.value.id ?? newId() };
      const now = ctx.now();
      try {
        return await transaction(ctx, async (db) => {
          const row = { id: record.id, slug: record.slug, record: JSON.stringify(record), name_sort: (record.name.fr ?? record.name.en ?? record.name.ar ?? '').toLowerCase(), created_at: now, updated_at: now };
          await db.insertInto('organizations').values(row).execute();
          await logActivity(db, { at: now, actorId: options?.actor, action: 'organization.created', objectType: 'organization', objectId: record.id });
          return success(toStored(row));
        });
      } catch (error) {
        if (isUniqueViolation(error)) return problems.conflict('/slug', record.slug);
        throw error;
      }
    },
    async update(idOrSlug, input, options) {
      const parsed = parseOrganization(input);
      if (!parsed.ok) return parsed;
      const current = await find(idOrSlug);
      if (!current) return problems.notFound('organisation', idOrSlug);
      const record = { ...parsed.value, id: current.id };
      const now = ctx.now();
      try {
        return await transaction(ctx, async (db) => {
          const row = { id: current.id, slug: record.slug, record: JSON.stringify(record), name_sort: (record.name.fr ?? record.name.en ?? record.name.ar ?? '').toLowerCase(), created_at: current.created_at, updated_at: now };
          await db.updateTable('organizations').set(row).where('id', '=', current.id).execute();
          await logActivity(db, { at: now, actorId: options?.actor, action: 'organization.updated', objectType: 'organization', objectId: current.id });
          return success(toStored(row));
        });
      } catch (error) {
        if (isUniqueViolation(error)) return problems.conflict('/slug', record.slug);
        throw error;
      }
    },
    async get(idOrSlug) {
      const row = await find(idOrSlug);
      return row ? toStored(row) : undefined;
    },
    async list() {
      const rows = await ctx.store.db.selectFrom('organizations').selectAll().orderBy('name_sort').orderBy('id').execute();
      return rows.map(toStored);
    },
    async delete(idOrSlug, options) {
      const current = await find(idOrSlug);
      if (!current) return problems.notFound('organisation', idOrSlug);
      return transaction(ctx, async (db) => {
        const used = await db.selectFrom('datasets').select('id').where('organization_id', '=', current.id).limit(1).executeTakeFirst();
        if (used) {
          return problems.invalid<{ id: string }>(
            '',
            'cette organisation a encore des jeux de données : supprimez-les ou déplacez-les d’abord',
            'لهذه المؤسسة مجموعات بيانات: احذفها أو انقلها أولا',
            'this organisation still has datasets: delete or move them first',
          );
        }
        await db.deleteFrom('organizations').where('id', '=', current.id).execute();
        await logActivity(db, { at: ctx.now(), actorId: options?.actor, action: 'organization.deleted', objectType: 'organization', objectId: current.id });
        return success({ id: current.id });
      });
    },
  };
}
