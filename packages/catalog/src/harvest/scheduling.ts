import type { Catalog } from '../catalog';
import { nextCronRun, parseCron } from './cron';
import { harvestMessages, harvestProblem } from './problems';
import type { HarvestReport } from './report';
import { runHarvest, type RunHarvestOptions } from './runHarvest';

/**
 * Ends runs that stopped giving signs of life: a run still `running` whose heartbeat is older than
 * `staleMs` (default 1 h) is set to `failed` with a `stuck` problem in fr/ar/en. A run killed and
 * restarted sooner resumes instead (see `runHarvest`'s `leaseMs`). Returns the ids ended.
 *
 * @example
 * ```ts
 * const ended = await endStuckHarvestRuns(catalog, { staleMs: 30 * 60_000 });
 * ```
 */
export async function endStuckHarvestRuns(catalog: Catalog, options: { staleMs?: number; now?: Date } = {}): Promise<string[]> {
  const staleMs = options.staleMs ?? 3600_000;
  const now = options.now ?? new Date();
  const limit = new Date(now.getTime() - staleMs).toISOString();
  const db = catalog.store.db;
  const stuck = await db
    .selectFrom('harvest_runs')
    .select(['id', 'heartbeat_at', 'started_at'])
    .where('status', '=', 'running')
    .where((eb) => eb.or([eb('heartbeat_at', '<', limit), eb.and([eb('heartbeat_at', 'is', null), eb('started_at', '<', limit)])]))
    .execute();
  const ended: string[] = [];
  for (const run of stuck) {
    const problem = harvestProblem('stuck', 'error', harvestMessages.stuck(Math.round(staleMs / 60_000)));
    let q = db
      .updateTable('harvest_runs')
      .set({ status: 'failed', finished_at: now.toISOString(), stage: 'done', locked_by: null, errors: JSON.stringify([problem]) })
      .where('id', '=', run.id)
      .where('status', '=', 'running');
    q = run.heartbeat_at === null ? q.where('heartbeat_at', 'is', null) : q.where('heartbeat_at', '=', run.heartbeat_at);
    const r = await q.executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) ended.push(run.id);
  }
  return ended;
}

/**
 * The sources whose schedule says they are due at `now`: the next firing after their last run
 * (or their creation) is not in the future. Sources without a schedule, or with an invalid one,
 * are never due.
 *
 * @example
 * ```ts
 * for (const source of await dueHarvestSources(catalog)) console.log(source.id);
 * ```
 */
export async function dueHarvestSources(catalog: Catalog, now: Date = new Date()): Promise<{ id: string; schedule: string; due: Date }[]> {
  const db = catalog.store.db;
  const sources = await db.selectFrom('harvest_sources').select(['id', 'schedule', 'created_at']).where('schedule', 'is not', null).execute();
  const due: { id: string; schedule: string; due: Date }[] = [];
  for (const source of sources) {
    const parsed = parseCron(source.schedule ?? '');
    if (!parsed.ok) continue;
    const last = await db.selectFrom('harvest_runs').select('started_at').where('source_id', '=', source.id).orderBy('started_at', 'desc').executeTakeFirst();
    const next = nextCronRun(parsed.value, new Date(last?.started_at ?? source.created_at));
    if (next !== undefined && next.getTime() <= now.getTime()) due.push({ id: source.id, schedule: source.schedule ?? '', due: next });
  }
  return due;
}

/**
 * One scheduler tick: ends stuck runs, then runs every due source in turn (a worker or a cron job
 * calls this every minute). Returns the reports.
 *
 * @example
 * ```ts
 * setInterval(() => void runDueHarvests(catalog), 60_000);
 * ```
 */
export async function runDueHarvests(catalog: Catalog, options: RunHarvestOptions & { now?: Date; staleMs?: number } = {}): Promise<HarvestReport[]> {
  await endStuckHarvestRuns(catalog, { ...(options.staleMs === undefined ? {} : { staleMs: options.staleMs }), ...(options.now ? { now: options.now } : {}) });
  const reports: HarvestReport[] = [];
  for (const source of await dueHarvestSources(catalog, options.now)) reports.push(await runHarvest(catalog, source.id, options));
  return reports;
}

/** The job type harvest runs are queued under. */
export const HARVEST_JOB_TYPE = 'harvest';

/**
 * A job handler for the catalogue's job queue: payload `{ sourceId, full? }`; reports progress
 * and returns the run report. An interrupted run (the runner stopped) or one held by another
 * worker throws, so the queue retries it and it resumes from its checkpoint. Register it with
 * `catalog.jobs.runner({ [HARVEST_JOB_TYPE]: harvestJobHandler(catalog) })`.
 *
 * @example
 * ```ts
 * const handler = harvestJobHandler(catalog, { allowPrivateNetworks: false });
 * ```
 */
export function harvestJobHandler(catalog: Catalog, options: RunHarvestOptions = {}) {
  return async (job: { payload: unknown }, helpers: { progress(fraction: number, note?: string): Promise<void>; signal?: AbortSignal }): Promise<HarvestReport> => {
    const payload = (job.payload ?? {}) as { sourceId?: unknown; full?: unknown };
    if (typeof payload.sourceId !== 'string') throw new Error('harvest job without a sourceId');
    let last = 0;
    const report = await runHarvest(catalog, payload.sourceId, {
      ...options,
      ...(helpers.signal ? { signal: helpers.signal } : {}),
      full: payload.full === true || options.full === true,
      onProgress: (p) => {
        options.onProgress?.(p);
        const now = Date.now();
        if (now - last < 1000) return;
        last = now;
        const total = p.total ?? p.gathered;
        void helpers.progress(total > 0 ? Math.min(1, p.processed / total) : 0, `${p.stage} ${p.processed}/${total}`).catch(() => undefined);
      },
    });
    // Not finished here: let the queue retry; the run resumes from its checkpoint.
    if (report.status === 'interrupted' || report.status === 'busy') throw new Error(`harvest run ${report.runId} ${report.status}: ${report.summary.en}`);
    return report;
  };
}
