import type { CatalogContext } from '../context';
import { newId } from '../ids';

/** Where datasets are harvested from. */
export interface HarvestSource {
  id: string;
  organizationId: string | null;
  /** `ckan`, `dcat`, `inventory-spreadsheet`, … */
  kind: string;
  url: string;
  config: Record<string, unknown>;
  /** A cron-like schedule, or null for manual runs. */
  schedule: string | null;
  createdAt: string;
}

/** One harvest run and its outcome. */
export interface HarvestRun {
  id: string;
  sourceId: string;
  status: 'running' | 'succeeded' | 'failed' | 'partial';
  startedAt: string;
  finishedAt: string | null;
  stats: Record<string, number>;
  errors: unknown[];
}

/** Harvest sources and their runs (the harvesters themselves live elsewhere). */
export interface Harvests {
  addSource(input: { organizationId?: string | null; kind: string; url: string; config?: Record<string, unknown>; schedule?: string | null }): Promise<HarvestSource>;
  sources(): Promise<HarvestSource[]>;
  removeSource(id: string): Promise<void>;
  startRun(sourceId: string): Promise<HarvestRun>;
  finishRun(runId: string, outcome: { status: HarvestRun['status']; stats?: Record<string, number>; errors?: unknown[] }): Promise<void>;
  /** A source's runs, newest first. */
  runs(sourceId: string, limit?: number): Promise<HarvestRun[]>;
}

/** Builds the harvest part of a catalogue. */
export function createHarvests(ctx: CatalogContext): Harvests {
  const db = () => ctx.store.db;
  return {
    async addSource(input) {
      const now = ctx.now();
      const row = {
        id: newId(),
        organization_id: input.organizationId ?? null,
        kind: input.kind,
        url: input.url,
        config: JSON.stringify(input.config ?? {}),
        schedule: input.schedule ?? null,
        created_at: now,
        updated_at: now,
      };
      await db().insertInto('harvest_sources').values(row).execute();
      return { id: row.id, organizationId: row.organization_id, kind: row.kind, url: row.url, config: input.config ?? {}, schedule: row.schedule, createdAt: now };
    },
    async sources() {
      const rows = await db().selectFrom('harvest_sources').selectAll().orderBy('id').execute();
      return rows.map((r) => ({ id: r.id, organizationId: r.organization_id, kind: r.kind, url: r.url, config: JSON.parse(r.config) as Record<string, unknown>, schedule: r.schedule, createdAt: r.created_at }));
    },
    async removeSource(id) {
      await db().deleteFrom('harvest_runs').where('source_id', '=', id).execute();
      await db().deleteFrom('harvest_sources').where('id', '=', id).execute();
    },
    async startRun(sourceId) {
      const run = { id: newId(), source_id: sourceId, status: 'running', started_at: ctx.now(), finished_at: null, stats: '{}', errors: '[]' };
      await db().insertInto('harvest_runs').values(run).execute();
      return { id: run.id, sourceId, status: 'running', startedAt: run.started_at, finishedAt: null, stats: {}, errors: [] };
    },
    async finishRun(runId, outcome) {
      await db()
        .updateTable('harvest_runs')
        .set({ status: outcome.status, finished_at: ctx.now(), stats: JSON.stringify(outcome.stats ?? {}), errors: JSON.stringify((outcome.errors ?? []).slice(0, 1000)) })
        .where('id', '=', runId)
        .execute();
    },
    async runs(sourceId, limit = 50) {
      const rows = await db().selectFrom('harvest_runs').selectAll().where('source_id', '=', sourceId).orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({
        id: r.id,
        sourceId: r.source_id,
        status: r.status as HarvestRun['status'],
        startedAt: r.started_at,
        finishedAt: r.finished_at,
        stats: JSON.parse(r.stats) as Record<string, number>,
        errors: JSON.parse(r.errors) as unknown[],
      }));
    },
  };
}
