import { hostname } from 'node:os';
import { sql } from 'kysely';
import type { CatalogContext } from '../context';
import type { JobsTable } from '../db/tables';
import { newId } from '../ids';

/** A job's state: `queued` → `running` → `succeeded`, or back to `queued` for a retry, or `failed`/`cancelled`. */
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** A job in the queue. */
export interface Job {
  id: string;
  type: string;
  payload: unknown;
  status: JobStatus;
  idempotencyKey: string | null;
  attempts: number;
  maxAttempts: number;
  /** When it may run next (epoch ms). */
  runAt: number;
  lockedBy: string | null;
  lockedUntil: number | null;
  timeoutMs: number;
  /** 0–1. */
  progress: number;
  progressNote: string | null;
  result: unknown;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Options of a new job. */
export interface EnqueueOptions {
  /** A job with the same key is not queued twice; the existing one is returned. */
  idempotencyKey?: string;
  /** Earliest start (epoch ms); default now. */
  runAt?: number;
  /** Default 5. */
  maxAttempts?: number;
  /** A running job not finished (nor reporting progress) after this long is freed for another worker; default 5 minutes. */
  timeoutMs?: number;
}

/** What a handler gets besides the job. */
export interface JobHelpers {
  /** Reports progress (0–1) and extends the job's lock. */
  progress(fraction: number, note?: string): Promise<void>;
  /** Aborted when the job times out or the runner stops. */
  signal: AbortSignal;
}

/**
 * Runs one job type. Handlers must be idempotent: a job whose worker died is run again, so running
 * twice must not do the work twice (use upserts, checkpoints, idempotency keys).
 */
export type JobHandler = (job: Job, helpers: JobHelpers) => Promise<unknown>;

/** A runner of jobs, in-process or in a `bayan worker` process. */
export interface JobRunner {
  readonly workerId: string;
  /** Polls and runs jobs until `stop()`. */
  start(): void;
  /** Stops polling, aborts running handlers and waits for them. */
  stop(): Promise<void>;
  /** Claims and runs at most one job; whether one ran. */
  runOnce(): Promise<boolean>;
  /** Runs jobs until none is ready; how many ran. */
  drain(): Promise<number>;
}

/** The job queue, kept in the catalogue's own database. */
export interface Jobs {
  enqueue(type: string, payload: unknown, options?: EnqueueOptions): Promise<Job>;
  get(id: string): Promise<Job | undefined>;
  list(filter?: { status?: JobStatus; type?: string; limit?: number }): Promise<Job[]>;
  cancel(id: string): Promise<boolean>;
  /** Takes the next ready job (or one whose worker timed out) for a worker. */
  claim(workerId: string, types?: readonly string[]): Promise<Job | undefined>;
  /** Marks jobs that timed out on their last attempt as failed; how many. */
  reap(): Promise<number>;
  complete(id: string, workerId: string, result: unknown): Promise<boolean>;
  /** Records a failure: retried after a backoff while attempts remain, else `failed`. */
  fail(id: string, workerId: string, error: string): Promise<boolean>;
  progress(id: string, workerId: string, fraction: number, note?: string): Promise<boolean>;
  /** Builds a runner for these handlers. */
  runner(handlers: Record<string, JobHandler>, options?: { concurrency?: number; pollMs?: number; workerId?: string; backoffMs?: number }): JobRunner;
}

function toJob(row: JobsTable): Job {
  return {
    id: row.id,
    type: row.type,
    payload: JSON.parse(row.payload) as unknown,
    status: row.status as JobStatus,
    idempotencyKey: row.idempotency_key,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    runAt: Number(row.run_at),
    lockedBy: row.locked_by,
    lockedUntil: row.locked_until === null ? null : Number(row.locked_until),
    timeoutMs: Number(row.timeout_ms),
    progress: Number(row.progress),
    progressNote: row.progress_note,
    result: row.result === null ? null : (JSON.parse(row.result) as unknown),
    error: row.error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Builds the job queue of a catalogue. `clock` gives epoch ms (tests move it). */
export function createJobs(ctx: CatalogContext, clock: () => number = Date.now, defaults: { backoffMs?: number } = {}): Jobs {
  const { store } = ctx;
  const db = () => store.db;
  let backoffBase = defaults.backoffMs ?? 1000;

  const jobs: Jobs = {
    async enqueue(type, payload, options = {}) {
      if (options.idempotencyKey !== undefined) {
        const existing = await db().selectFrom('jobs').selectAll().where('idempotency_key', '=', options.idempotencyKey).executeTakeFirst();
        if (existing) return toJob(existing);
      }
      const now = ctx.now();
      const row: JobsTable = {
        id: newId(),
        type,
        payload: JSON.stringify(payload ?? null),
        status: 'queued',
        idempotency_key: options.idempotencyKey ?? null,
        attempts: 0,
        max_attempts: Math.max(1, options.maxAttempts ?? 5),
        run_at: options.runAt ?? clock(),
        locked_by: null,
        locked_until: null,
        timeout_ms: Math.max(1, options.timeoutMs ?? 300_000),
        progress: 0,
        progress_note: null,
        result: null,
        error: null,
        created_at: now,
        updated_at: now,
      };
      try {
        await db().insertInto('jobs').values(row).execute();
      } catch (error) {
        // Two producers raced on the same key: the other one's job stands.
        if (options.idempotencyKey !== undefined) {
          const existing = await db().selectFrom('jobs').selectAll().where('idempotency_key', '=', options.idempotencyKey).executeTakeFirst();
          if (existing) return toJob(existing);
        }
        throw error;
      }
      return toJob(row);
    },

    async get(id) {
      const row = await db().selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toJob(row) : undefined;
    },

    async list(filter = {}) {
      let q = db().selectFrom('jobs').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(Math.min(1000, filter.limit ?? 100));
      if (filter.status !== undefined) q = q.where('status', '=', filter.status);
      if (filter.type !== undefined) q = q.where('type', '=', filter.type);
      return (await q.execute()).map(toJob);
    },

    async cancel(id) {
      const r = await db().updateTable('jobs').set({ status: 'cancelled', updated_at: ctx.now() }).where('id', '=', id).where('status', '=', 'queued').executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    async claim(workerId, types) {
      const now = clock();
      const typeFilter = types !== undefined && types.length > 0 ? sql`AND type IN (${sql.join([...types])})` : sql``;
      const lock = store.backend === 'postgres' ? sql`FOR UPDATE SKIP LOCKED` : sql``;
      // One statement: on PostgreSQL SKIP LOCKED lets concurrent workers take different jobs; on
      // SQLite the statement holds the write lock, so no two processes get the same job.
      const result = await sql<JobsTable>`
        UPDATE jobs SET status = 'running', locked_by = ${workerId}, locked_until = ${now} + timeout_ms,
          attempts = attempts + 1, updated_at = ${ctx.now()}
        WHERE id = (
          SELECT id FROM jobs
          WHERE ((status = 'queued' AND run_at <= ${now}) OR (status = 'running' AND locked_until < ${now} AND attempts < max_attempts))
          ${typeFilter}
          ORDER BY run_at, id LIMIT 1 ${lock}
        )
        RETURNING *`.execute(db());
      const row = result.rows[0];
      return row ? toJob(row) : undefined;
    },

    async reap() {
      const r = await db()
        .updateTable('jobs')
        .set({ status: 'failed', error: 'timed out / délai dépassé / انتهت المهلة', locked_by: null, updated_at: ctx.now() })
        .where('status', '=', 'running')
        .where('locked_until', '<', clock())
        .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    async complete(id, workerId, result) {
      const r = await db()
        .updateTable('jobs')
        .set({ status: 'succeeded', result: JSON.stringify(result ?? null), progress: 1, locked_by: null, locked_until: null, updated_at: ctx.now() })
        .where('id', '=', id)
        .where('locked_by', '=', workerId)
        .where('status', '=', 'running')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    async fail(id, workerId, error) {
      const row = await db().selectFrom('jobs').selectAll().where('id', '=', id).where('locked_by', '=', workerId).where('status', '=', 'running').executeTakeFirst();
      if (!row) return false;
      const attempts = Number(row.attempts);
      const retry = attempts < Number(row.max_attempts);
      const delay = Math.min(3_600_000, backoffBase * 2 ** (attempts - 1));
      const r = await db()
        .updateTable('jobs')
        .set({ status: retry ? 'queued' : 'failed', error: error.slice(0, 10_000), run_at: retry ? clock() + delay : Number(row.run_at), locked_by: null, locked_until: null, updated_at: ctx.now() })
        .where('id', '=', id)
        .where('locked_by', '=', workerId)
        .where('status', '=', 'running')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    async progress(id, workerId, fraction, note) {
      const row = await db().selectFrom('jobs').select('timeout_ms').where('id', '=', id).executeTakeFirst();
      if (!row) return false;
      const r = await db()
        .updateTable('jobs')
        .set({ progress: Math.max(0, Math.min(1, fraction)), progress_note: note?.slice(0, 1000) ?? null, locked_until: clock() + Number(row.timeout_ms), updated_at: ctx.now() })
        .where('id', '=', id)
        .where('locked_by', '=', workerId)
        .where('status', '=', 'running')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    runner(handlers, options = {}) {
      if (options.backoffMs !== undefined) backoffBase = options.backoffMs;
      const workerId = options.workerId ?? `${hostname()}:${process.pid}:${newId()}`;
      const concurrency = Math.max(1, options.concurrency ?? 1);
      const pollMs = options.pollMs ?? 1000;
      const types = Object.keys(handlers);
      const running = new Set<Promise<void>>();
      const controllers = new Set<AbortController>();
      let timer: NodeJS.Timeout | undefined;
      let stopped = true;

      async function execute(job: Job): Promise<void> {
        const handler = handlers[job.type];
        const controller = new AbortController();
        controllers.add(controller);
        let timeout: NodeJS.Timeout | undefined;
        let expired = false;
        const timedOut = new Promise<never>((_, reject) => {
          timeout = setTimeout(() => {
            expired = true;
            reject(new Error(`timed out after ${job.timeoutMs} ms`));
            controller.abort();
          }, job.timeoutMs);
        });
        try {
          if (handler === undefined) throw new Error(`no handler for job type ${job.type}`);
          const helpers: JobHelpers = {
            progress: async (fraction, note) => {
              await jobs.progress(job.id, workerId, fraction, note);
            },
            signal: controller.signal,
          };
          const result = await Promise.race([handler(job, helpers), timedOut]);
          // A handler that returns because it was aborted has not finished its work.
          if (expired) throw new Error(`timed out after ${job.timeoutMs} ms`);
          await jobs.complete(job.id, workerId, result);
        } catch (error) {
          await jobs.fail(job.id, workerId, error instanceof Error ? error.message : String(error));
        } finally {
          clearTimeout(timeout);
          controllers.delete(controller);
        }
      }

      async function runOnce(): Promise<boolean> {
        await jobs.reap();
        const job = await jobs.claim(workerId, types);
        if (!job) return false;
        await execute(job);
        return true;
      }

      async function tick(): Promise<void> {
        if (stopped) return;
        try {
          while (!stopped && running.size < concurrency) {
            await jobs.reap();
            const job = await jobs.claim(workerId, types);
            if (!job) break;
            const p: Promise<void> = execute(job).finally(() => running.delete(p));
            running.add(p);
          }
        } catch (error) {
          // A database hiccup must not kill the worker: log and poll again.
          console.error('[bayan jobs] poll failed:', error instanceof Error ? error.message : error);
        }
        if (!stopped) timer = setTimeout(() => void tick(), pollMs);
      }

      return {
        workerId,
        start() {
          if (!stopped) return;
          stopped = false;
          void tick();
        },
        async stop() {
          stopped = true;
          clearTimeout(timer);
          for (const c of controllers) c.abort();
          await Promise.allSettled([...running]);
        },
        runOnce,
        async drain() {
          let n = 0;
          while (await runOnce()) n++;
          return n;
        },
      };
    },
  };
  return jobs;
}
