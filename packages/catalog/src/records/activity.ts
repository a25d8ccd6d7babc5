import type { CatalogContext } from '../context';

/** One entry of the activity log. */
export interface ActivityEntry {
  id: number;
  at: string;
  actorId: string | null;
  /** `dataset.created`, `dataset.updated`, `organization.created`, … */
  action: string;
  objectType: string;
  objectId: string;
  details: unknown;
}

/** Reads the activity log (newest first), optionally for one object or actor. */
export type ActivityLog = (filter?: { objectType?: string; objectId?: string; actorId?: string; limit?: number; before?: number }) => Promise<ActivityEntry[]>;

/** Builds the activity reader. */
export function createActivity(ctx: CatalogContext): ActivityLog {
  return async (filter = {}) => {
    let q = ctx.store.db.selectFrom('activity').selectAll().orderBy('id', 'desc').limit(Math.max(1, Math.min(1000, filter.limit ?? 50)));
    if (filter.objectType !== undefined) q = q.where('object_type', '=', filter.objectType);
    if (filter.objectId !== undefined) q = q.where('object_id', '=', filter.objectId);
    if (filter.actorId !== undefined) q = q.where('actor_id', '=', filter.actorId);
    if (filter.before !== undefined) q = q.where('id', '<', filter.before);
    const rows = await q.execute();
    return rows.map((r) => ({ id: Number(r.id), at: r.at, actorId: r.actor_id, action: r.action, objectType: r.object_type, objectId: r.object_id, details: JSON.parse(r.details) as unknown }));
  };
}
