import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Dataset, Organization } from '@bayan/schema';
import { sql } from 'kysely';
import type { Catalog } from '../catalog';
import type { Db } from '../context';
import type { HarvestRecordsTable, HarvestRunsTable } from '../db/tables';
import { newId } from '../ids';
import type { UpsertManyItem } from '../records/datasets';
import type { CatalogError } from '../result';
import type { AdapterContext, SourceAdapter, TransformedRecord } from './adapter';
import { ckanAdapter } from './ckanAdapter';
import { ckanDumpAdapter } from './ckanDumpAdapter';
import { dcatAdapter } from './dcatAdapter';
import { inventoryAdapter } from './inventoryAdapter';
import { mirrorDistributions, type MirrorSettings } from './mirror';
import { harvestMessages, harvestProblem, type HarvestProblem } from './problems';
import { summarize, type HarvestCounts, type HarvestFailure, type HarvestReport } from './report';
import type { FetchPolicy } from './safeFetch';

/** The stages of a run, in order. */
export type HarvestStage = 'gather' | 'fetch' | 'import' | 'withdraw' | 'done';

/** Progress of a run, for a progress bar or a live status. */
export interface HarvestProgress {
  runId: string;
  stage: HarvestStage;
  /** Records listed so far. */
  gathered: number;
  /** Records imported (or failed) so far. */
  processed: number;
  /** How many the source announces, when it says. */
  total?: number;
}

/** How to run a harvest. */
export interface RunHarvestOptions {
  /** Read everything, even when an incremental run is possible; default false. */
  full?: boolean;
  /** Allow sources on loopback/private/link-local addresses (metadata addresses stay refused); default false. */
  allowPrivateNetworks?: boolean;
  /** Allow `file:` URLs and paths (the command line sets this; servers never should); default false. */
  allowLocalFiles?: boolean;
  /** Response size and time limits of each request (defaults 64 MiB, 30 s). */
  fetch?: Pick<FetchPolicy, 'maxBytes' | 'timeoutMs' | 'maxRedirects' | 'userAgent'>;
  /** Most pages gathered; default 10,000. */
  maxPages?: number;
  /** Most records gathered; default 1,000,000. */
  maxRecords?: number;
  /** Pages in a row with no new record before paging is declared a loop; default 3. */
  maxIdlePages?: number;
  /** Longest a run may last, in ms (counted from its start, across resumptions); default 6 h. */
  maxRunMs?: number;
  /** A run whose heartbeat is older than this may be taken over (resumed), in ms; default 60,000. */
  leaseMs?: number;
  /** This worker's name; default host name + process id + random. */
  worker?: string;
  /**
   * Records imported per transaction (default 500): the datasets, their harvest records and the
   * items' outcomes of a batch commit together, so a killed run redoes at most one batch.
   */
  batchSize?: number;
  /** Called as the run advances. */
  onProgress?: (progress: HarvestProgress) => void;
  /** Stops the run at the next page or import batch; it stays resumable. */
  signal?: AbortSignal;
  /** Extra source kinds, by name (`ckan`, `ckan-dump`, `dcat`, `inventory` are built in). */
  adapters?: Record<string, (context: AdapterContext) => SourceAdapter>;
}

interface Checkpoint {
  cursor: string | null;
  /** The listing was read to its end. */
  complete: boolean;
  /** Some page failed or paging was cut short: nothing is withdrawn. */
  incomplete: boolean;
  full: boolean;
  since?: string;
  seq: number;
  pages: number;
  idle: number;
  total?: number;
  problems: HarvestProblem[];
  withdrawn: number;
  startedMs: number;
  resumed: boolean;
}

const builtInAdapters: Record<string, (context: AdapterContext) => SourceAdapter> = {
  ckan: ckanAdapter,
  'ckan-dump': ckanDumpAdapter,
  dcat: dcatAdapter,
  inventory: inventoryAdapter,
};

const MAX_RAW = 1_000_000;
const MAX_SOURCE_PROBLEMS = 200;
const BATCH = 200;

function defaultWorker(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function errorsToProblems(errors: CatalogError[], remoteId: string): HarvestProblem[] {
  return errors.map((e) => harvestProblem(e.code, 'error', e.message, { remoteId, path: e.path }));
}

function internalProblem(error: unknown, remoteId: string): HarvestProblem {
  const detail = error instanceof Error ? error.message : String(error);
  return harvestProblem('internal', 'error', harvestMessages.importFailed(detail.slice(0, 300)), { remoteId });
}

class LostLease extends Error {}

/**
 * Runs (or resumes) a harvest of one source, as stages: **gather** lists the source page by page
 * into the run's items (deduplicated by source identifier, checkpointed per page), **fetch** gets
 * records the listing did not carry, **import** creates or updates datasets (each change a
 * revision; unchanged records are left alone) in batches of `batchSize`, each one transaction
 * through `catalog.datasets.upsertMany`, and inventory entries, **withdraw** sets records
 * gone from the source to `withdrawn` (never deleted; only after a complete, full listing).
 *
 * One bad record never stops a run: its problems are stored with its raw content. A run killed at
 * any point resumes from its checkpoint when the source is run again (after `leaseMs` without
 * heartbeat), without duplicates. Never throws for source problems: they are in the report.
 *
 * @param catalog - an open catalogue.
 * @param sourceId - the harvest source (see `catalog.harvests.addSource`).
 * @param options - limits (pages, records, duration), network policy, progress callback.
 * @returns the run report (created, updated, unchanged, withdrawn, failed, with reasons, in fr/ar/en).
 * @example
 * ```ts
 * const source = await catalog.harvests.addSource({ kind: 'ckan', url: 'https://data.example.org/api/3/action' });
 * const report = await runHarvest(catalog, source.id, { onProgress: (p) => console.log(p.stage, p.processed) });
 * console.log(report.summary.fr);
 * ```
 */
export async function runHarvest(catalog: Catalog, sourceId: string, options: RunHarvestOptions = {}): Promise<HarvestReport> {
  const db = catalog.store.db;
  const worker = options.worker ?? defaultWorker();
  const leaseMs = options.leaseMs ?? 60_000;
  const source = await db.selectFrom('harvest_sources').selectAll().where('id', '=', sourceId).executeTakeFirst();
  if (!source) throw new Error(`unknown harvest source: ${sourceId}`);
  const settings = JSON.parse(source.config) as Record<string, unknown>;

  // Take over an unfinished run whose worker went quiet, or start a new one.
  let run = await db.selectFrom('harvest_runs').selectAll().where('source_id', '=', sourceId).where('status', '=', 'running').orderBy('started_at', 'desc').executeTakeFirst();
  let resumed = false;
  if (run) {
    const beat = run.heartbeat_at === null ? 0 : Date.parse(run.heartbeat_at);
    if (run.locked_by !== worker && Date.now() - beat < leaseMs) return busyReport(run);
    let q = db.updateTable('harvest_runs').set({ locked_by: worker, heartbeat_at: new Date().toISOString() }).where('id', '=', run.id);
    q = run.heartbeat_at === null ? q.where('heartbeat_at', 'is', null) : q.where('heartbeat_at', '=', run.heartbeat_at);
    const taken = await q.executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) return busyReport(run);
    resumed = true;
  } else {
    // The basis of an incremental run: the last run that read the whole listing (records that
    // failed to import do not matter here: they fail again until the source changes them).
    const finished = await db
      .selectFrom('harvest_runs')
      .select(['started_at', 'checkpoint'])
      .where('source_id', '=', sourceId)
      .where('status', 'in', ['succeeded', 'partial'])
      .orderBy('started_at', 'desc')
      .limit(20)
      .execute();
    const previous = finished.find((r) => {
      const c = r.checkpoint === null ? undefined : (JSON.parse(r.checkpoint) as Checkpoint);
      return c !== undefined && c.complete && !c.incomplete;
    });
    const incremental = options.full !== true && settings.incremental !== false && previous !== undefined && (source.kind === 'ckan' || settings.incremental === true);
    const started = await catalog.harvests.startRun(sourceId);
    const checkpoint: Checkpoint = {
      cursor: null,
      complete: false,
      incomplete: false,
      full: !incremental,
      ...(incremental && previous ? { since: previous.started_at } : {}),
      seq: 0,
      pages: 0,
      idle: 0,
      problems: [],
      withdrawn: 0,
      startedMs: Date.now(),
      resumed: false,
    };
    await db
      .updateTable('harvest_runs')
      .set({ stage: 'gather', checkpoint: JSON.stringify(checkpoint), heartbeat_at: new Date().toISOString(), locked_by: worker })
      .where('id', '=', started.id)
      .execute();
    run = await db.selectFrom('harvest_runs').selectAll().where('id', '=', started.id).executeTakeFirstOrThrow();
  }
  const runRow: HarvestRunsTable = run;
  const runId = runRow.id;
  const checkpoint: Checkpoint = runRow.checkpoint === null ? { cursor: null, complete: false, incomplete: false, full: true, seq: 0, pages: 0, idle: 0, problems: [], withdrawn: 0, startedMs: Date.now(), resumed: false } : (JSON.parse(runRow.checkpoint) as Checkpoint);
  if (resumed) checkpoint.resumed = true;
  let stage = (runRow.stage ?? 'gather') as HarvestStage;

  const makeAdapter = options.adapters?.[source.kind] ?? builtInAdapters[source.kind];
  const maxRunMs = options.maxRunMs ?? 6 * 3600_000;
  const policy: FetchPolicy = { ...options.fetch, allowPrivateNetworks: options.allowPrivateNetworks === true, ...(options.signal ? { signal: options.signal } : {}) };

  let lost = false;
  const heartbeat = setInterval(() => {
    void db
      .updateTable('harvest_runs')
      .set({ heartbeat_at: new Date().toISOString() })
      .where('id', '=', runId)
      .where('locked_by', '=', worker)
      .executeTakeFirst()
      .then((r) => {
        if (Number(r.numUpdatedRows) === 0) lost = true;
      })
      .catch(() => undefined);
  }, Math.max(50, Math.floor(leaseMs / 3)));
  heartbeat.unref();

  const saveCheckpoint = async (next: HarvestStage = stage) => {
    stage = next;
    const r = await db
      .updateTable('harvest_runs')
      .set({ stage, checkpoint: JSON.stringify(checkpoint), heartbeat_at: new Date().toISOString() })
      .where('id', '=', runId)
      .where('locked_by', '=', worker)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new LostLease();
  };
  const addSourceProblem = (p: HarvestProblem) => {
    if (checkpoint.problems.length < MAX_SOURCE_PROBLEMS) checkpoint.problems.push(p);
  };
  const overTime = () => Date.now() - checkpoint.startedMs > maxRunMs;
  const stopped = () => options.signal?.aborted === true || lost;

  let processed = 0;
  const progress = (total?: number) => options.onProgress?.({ runId, stage, gathered: checkpoint.seq, processed, ...(total === undefined ? {} : { total }) });

  try {
    if (!makeAdapter) {
      addSourceProblem(harvestProblem('unknown_kind', 'error', harvestMessages.unknownKind(source.kind)));
      checkpoint.incomplete = true;
      stage = 'withdraw';
    }
    const adapter = makeAdapter?.({
      url: source.url,
      settings,
      organizationId: source.organization_id,
      policy,
      modifiedSince: checkpoint.since,
      allowLocalFiles: options.allowLocalFiles === true,
    });

    // Stage 1: gather.
    if (stage === 'gather' && adapter) {
      const maxPages = options.maxPages ?? 10_000;
      const maxRecords = options.maxRecords ?? 1_000_000;
      const maxIdle = options.maxIdlePages ?? 3;
      for await (const page of adapter.gather(checkpoint.cursor ?? undefined)) {
        if (stopped()) break;
        checkpoint.pages++;
        for (const p of page.problems) addSourceProblem(p);
        if (page.incomplete) checkpoint.incomplete = true;
        if (page.total !== undefined && checkpoint.total === undefined) checkpoint.total = page.total;
        let added = 0;
        if (page.items.length > 0) {
          // A page read twice (offset paging on a changing source, a resumed page) adds nothing:
          // identifiers already gathered in this run, or twice in the page, are left out.
          await db.transaction().execute(async (trx) => {
            const ids = [...new Set(page.items.map((item) => item.remoteId.slice(0, 2000)))];
            const seen = new Set<string>();
            for (let i = 0; i < ids.length; i += 5000) {
              const chunk = ids.slice(i, i + 5000);
              for (const r of await trx.selectFrom('harvest_run_items').select('remote_id').where('run_id', '=', runId).where('remote_id', 'in', chunk).execute()) seen.add(r.remote_id);
            }
            const values = [];
            for (const item of page.items) {
              const remoteId = item.remoteId.slice(0, 2000);
              if (seen.has(remoteId)) continue;
              seen.add(remoteId);
              values.push({ run_id: runId, remote_id: remoteId, seq: checkpoint.seq + values.length, raw: item.raw === null ? null : item.raw.slice(0, MAX_RAW), state: 'pending', outcome: null, problems: null });
            }
            let bytes = 0;
            let start = 0;
            for (let end = 0; end <= values.length; end++) {
              // Statements bounded by row count and by raw content size.
              if (end === values.length || end - start >= 1000 || bytes >= 8_000_000) {
                if (end > start) {
                  await trx
                    .insertInto('harvest_run_items')
                    .values(values.slice(start, end))
                    .onConflict((oc) => oc.columns(['run_id', 'remote_id']).doNothing())
                    .execute();
                }
                start = end;
                bytes = 0;
              }
              bytes += (values[end]?.raw?.length ?? 0) + 200;
            }
            added = values.length;
          });
        }
        checkpoint.seq += added;
        checkpoint.idle = added === 0 && page.items.length > 0 ? checkpoint.idle + 1 : 0;
        checkpoint.cursor = page.cursor ?? null;
        let stop: HarvestProblem | undefined;
        if (page.cursor === undefined) checkpoint.complete = true;
        else if (checkpoint.idle >= maxIdle) stop = harvestProblem('no_progress', 'error', harvestMessages.noProgress(checkpoint.idle));
        else if (checkpoint.pages >= maxPages) stop = harvestProblem('page_limit', 'error', harvestMessages.pageLimit(maxPages));
        else if (checkpoint.seq >= maxRecords) stop = harvestProblem('record_limit', 'error', harvestMessages.recordLimit(maxRecords));
        else if (overTime()) stop = harvestProblem('run_time_limit', 'error', harvestMessages.runTimeLimit(maxRunMs));
        if (stop) {
          addSourceProblem(stop);
          checkpoint.incomplete = true;
          checkpoint.cursor = null;
        }
        await saveCheckpoint(checkpoint.cursor === null ? 'fetch' : 'gather');
        progress(checkpoint.total);
        if (checkpoint.cursor === null) break;
      }
      if (stopped()) return await interrupted();
      if (stage === 'gather') await saveCheckpoint('fetch');
      if (checkpoint.complete && !checkpoint.incomplete && checkpoint.total !== undefined && checkpoint.seq < checkpoint.total && checkpoint.full) {
        addSourceProblem(harvestProblem('listing_changed', 'warning', harvestMessages.listingChanged(checkpoint.total, checkpoint.seq)));
        checkpoint.incomplete = true;
        await saveCheckpoint();
      }
    }

    // Stage 2: fetch what the listing did not carry.
    if (stage === 'fetch') {
      if (adapter?.fetch) {
        for (;;) {
          const rows = await db.selectFrom('harvest_run_items').select(['remote_id']).where('run_id', '=', runId).where('state', '=', 'pending').where('raw', 'is', null).orderBy('seq').limit(BATCH).execute();
          if (rows.length === 0 || stopped()) break;
          for (const row of rows) {
            const got = await adapter.fetch(row.remote_id);
            if ('raw' in got) await db.updateTable('harvest_run_items').set({ raw: got.raw.slice(0, MAX_RAW) }).where('run_id', '=', runId).where('remote_id', '=', row.remote_id).execute();
            else await db.updateTable('harvest_run_items').set({ state: 'done', outcome: 'failed', problems: JSON.stringify(got.problems) }).where('run_id', '=', runId).where('remote_id', '=', row.remote_id).execute();
          }
        }
      }
      if (stopped()) return await interrupted();
      await saveCheckpoint('import');
    }

    // Stage 3: import.
    if (stage === 'import' && adapter) {
      const importer = createImporter(catalog, source, settings, runId, policy, addSourceProblem);
      const batchSize = Math.max(1, Math.trunc(options.batchSize ?? 500));
      processed = Number((await db.selectFrom('harvest_run_items').select((eb) => eb.fn.countAll().as('n')).where('run_id', '=', runId).where('state', '=', 'done').executeTakeFirstOrThrow()).n);
      const processedBefore = processed;
      for (;;) {
        if (stopped()) return await interrupted();
        if (overTime()) {
          addSourceProblem(harvestProblem('run_time_limit', 'error', harvestMessages.runTimeLimit(maxRunMs)));
          checkpoint.incomplete = true;
          break;
        }
        const rows = await db.selectFrom('harvest_run_items').select(['remote_id', 'raw', 'seq']).where('run_id', '=', runId).where('state', '=', 'pending').orderBy('seq').limit(batchSize).execute();
        if (rows.length === 0) break;
        const transformed = new Map<string, BatchTransform>();
        for (const row of rows) {
          try {
            transformed.set(row.remote_id, row.raw === null ? { kind: 'failed', problems: [] } : await adapter.transform(row.raw, row.remote_id));
          } catch (error) {
            transformed.set(row.remote_id, { kind: 'error', error });
          }
        }
        await importer.importBatch(rows, transformed);
        processed += rows.length;
        progress(checkpoint.total ?? checkpoint.seq);
        if (lost) throw new LostLease();
      }
      // Fresh planner statistics after a large import (as datasets.createMany does).
      if (processed - processedBefore >= 1000) {
        if (catalog.store.backend === 'postgres') await sql`ANALYZE datasets, distributions, harvest_records`.execute(db);
        else await sql`PRAGMA optimize`.execute(db);
      }
      await saveCheckpoint('withdraw');
    }

    // Stage 4: withdraw what the source no longer lists.
    if (stage === 'withdraw') {
      if (checkpoint.complete && !checkpoint.incomplete && checkpoint.full) {
        checkpoint.withdrawn += await withdrawGone(catalog, sourceId, runId, stopped);
        if (stopped()) return await interrupted();
      }
      await saveCheckpoint('done');
    }
    return await finish();
  } catch (error) {
    if (error instanceof LostLease) return busyReport(runRow);
    throw error;
  } finally {
    clearInterval(heartbeat);
  }

  async function counts(): Promise<HarvestCounts> {
    const rows = await db.selectFrom('harvest_run_items').select(['outcome', (eb) => eb.fn.countAll().as('n')]).where('run_id', '=', runId).where('state', '=', 'done').groupBy('outcome').execute();
    const out: HarvestCounts = { created: 0, updated: 0, unchanged: 0, withdrawn: checkpoint.withdrawn, failed: 0 };
    for (const r of rows) if (r.outcome !== null && r.outcome in out) out[r.outcome as keyof HarvestCounts] = Number(r.n);
    return out;
  }

  async function failures(): Promise<HarvestFailure[]> {
    const rows = await db.selectFrom('harvest_run_items').select(['remote_id', 'problems']).where('run_id', '=', runId).where('outcome', '=', 'failed').orderBy('seq').limit(1000).execute();
    return rows.map((r) => ({ remoteId: r.remote_id, problems: r.problems === null ? [] : (JSON.parse(r.problems) as HarvestProblem[]) }));
  }

  async function report(status: HarvestReport['status'], finishedAt: string | null): Promise<HarvestReport> {
    const c = await counts();
    return {
      runId,
      sourceId,
      status,
      counts: c,
      gathered: checkpoint.seq,
      complete: checkpoint.complete && !checkpoint.incomplete,
      resumed: checkpoint.resumed,
      ...(checkpoint.since === undefined ? {} : { modifiedSince: checkpoint.since }),
      failures: await failures(),
      problems: checkpoint.problems,
      summary: summarize(status, c),
      startedAt: runRow.started_at,
      finishedAt,
    };
  }

  async function interrupted(): Promise<HarvestReport> {
    // Leave the run resumable: release the lease so the next start takes over at once.
    await db.updateTable('harvest_runs').set({ checkpoint: JSON.stringify(checkpoint), stage, locked_by: null, heartbeat_at: null }).where('id', '=', runId).where('locked_by', '=', worker).execute();
    return report('interrupted', null);
  }

  async function finish(): Promise<HarvestReport> {
    const c = await counts();
    const sourceFailed = checkpoint.problems.some((p) => p.severity === 'error');
    const status: HarvestReport['status'] = checkpoint.seq === 0 && sourceFailed ? 'failed' : c.failed > 0 || sourceFailed ? 'partial' : 'succeeded';
    const fails = await failures();
    await catalog.harvests.finishRun(runId, {
      status: status,
      stats: { ...c, gathered: checkpoint.seq },
      errors: [...checkpoint.problems, ...fails],
    });
    await db.updateTable('harvest_runs').set({ stage: 'done', locked_by: null, checkpoint: JSON.stringify(checkpoint) }).where('id', '=', runId).execute();
    const finished = await db.selectFrom('harvest_runs').select('finished_at').where('id', '=', runId).executeTakeFirst();
    progress();
    return report(status, finished?.finished_at ?? new Date().toISOString());
  }
}

function busyReport(run: HarvestRunsTable): HarvestReport {
  const counts: HarvestCounts = { created: 0, updated: 0, unchanged: 0, withdrawn: 0, failed: 0 };
  return { runId: run.id, sourceId: run.source_id, status: 'busy', counts, gathered: 0, complete: false, resumed: false, failures: [], problems: [], summary: summarize('busy', counts), startedAt: run.started_at, finishedAt: null };
}

interface Outcome {
  outcome: 'created' | 'updated' | 'unchanged' | 'failed';
  problems: HarvestProblem[];
}

type SourceRow = { id: string; organization_id: string | null; kind: string };

function createImporter(catalog: Catalog, source: SourceRow, settings: Record<string, unknown>, runId: string, policy: FetchPolicy, onProblem: (problem: HarvestProblem) => void) {
  const db = catalog.store.db;
  const orgCache = new Map<string, string | undefined>();
  const now = () => new Date().toISOString();

  async function resolveOrganization(org: Organization | undefined, problems: HarvestProblem[], remoteId: string): Promise<string | undefined> {
    if (org === undefined || settings.useOwnerOrganization === true) return source.organization_id ?? undefined;
    const key = org.id ?? org.slug;
    if (orgCache.has(key)) return orgCache.get(key) ?? source.organization_id ?? undefined;
    let found = (org.id === undefined ? undefined : await catalog.organizations.get(org.id)) ?? (await catalog.organizations.get(org.slug));
    if (!found) {
      const created = await catalog.organizations.create(org);
      if (created.ok) found = created.value;
      else {
        found = await catalog.organizations.get(org.slug);
        if (!found) problems.push(...errorsToProblems(created.errors, remoteId).map((p) => ({ ...p, severity: 'warning' as const, path: `/organization${p.path ?? ''}` })));
      }
    }
    orgCache.set(key, found?.id);
    return found?.id ?? source.organization_id ?? undefined;
  }

  async function writeRecord(remoteId: string, existing: HarvestRecordsTable | undefined, values: Partial<HarvestRecordsTable>): Promise<void> {
    if (existing) {
      await db
        .updateTable('harvest_records')
        .set({ ...values, last_run_id: runId, updated_at: now() })
        .where('source_id', '=', source.id)
        .where('remote_id', '=', remoteId)
        .execute();
    } else {
      await db
        .insertInto('harvest_records')
        .values({
          source_id: source.id,
          remote_id: remoteId,
          dataset_id: null,
          inventory_id: null,
          status: 'failed',
          content_hash: null,
          raw: null,
          problems: '[]',
          created_at: now(),
          updated_at: now(),
          ...values,
          last_run_id: runId,
        })
        .execute();
    }
  }

  const rawOf = (raw: string | null) => (raw === null ? null : raw.slice(0, MAX_RAW));

  async function fail(remoteId: string, raw: string | null, existing: HarvestRecordsTable | undefined, problems: HarvestProblem[]): Promise<Outcome> {
    // A record that was imported before keeps its dataset and status; the failure is noted with the content.
    await writeRecord(remoteId, existing, { raw: rawOf(raw), problems: JSON.stringify(problems.slice(0, 100)), ...(existing?.dataset_id || existing?.inventory_id ? {} : { status: 'failed' }) });
    return { outcome: 'failed', problems };
  }

  async function importDataset(remoteId: string, raw: string | null, existing: HarvestRecordsTable | undefined, dataset: Dataset, organization: Organization | undefined, problems: HarvestProblem[]): Promise<Outcome> {
    const organizationId = await resolveOrganization(organization, problems, remoteId);
    const { id: proposedId, ...rest } = dataset;
    const record: Record<string, unknown> = { ...rest, publicationState: dataset.publicationState ?? (settings.publicationState) ?? 'published' };
    if (organizationId === undefined) delete record.organizationId;
    else record.organizationId = organizationId;
    const hash = sha256(JSON.stringify(record));
    const keep = { raw: rawOf(raw), problems: JSON.stringify(problems.slice(0, 100)) };

    if (existing?.dataset_id) {
      const current = await catalog.datasets.get(existing.dataset_id);
      if (current && existing.status === 'importing') {
        // The last run died between writing the dataset and noting it: it is there, note it now.
        await writeRecord(remoteId, existing, { ...keep, status: 'active', content_hash: hash });
        return { outcome: 'created', problems };
      }
      if (current && existing.status === 'active' && existing.content_hash === hash) return { outcome: 'unchanged', problems: [] };
      if (current) {
        const updated = await catalog.datasets.update(current.id, { ...record, slug: current.slug });
        if (!updated.ok) return fail(remoteId, raw, existing, [...problems, ...errorsToProblems(updated.errors, remoteId)]);
        await writeRecord(remoteId, existing, { ...keep, status: 'active', content_hash: hash });
        return { outcome: 'updated', problems };
      }
    }
    // New here (or deleted locally): plan the id first, so a crash before the note never duplicates.
    // The source's id and slug are kept when no other dataset holds them (one query for both).
    const slug = typeof record.slug === 'string' ? record.slug : undefined;
    const wanted = [proposedId, slug].filter((v): v is string => v !== undefined);
    const holders = wanted.length === 0 ? [] : await db.selectFrom('datasets').select(['id', 'slug']).where((eb) => eb.or([eb('id', 'in', wanted), eb('slug', 'in', wanted)])).execute();
    let datasetId = existing?.dataset_id ?? undefined;
    if (datasetId === undefined) {
      const taken = proposedId === undefined || holders.some((h) => h.id === proposedId);
      datasetId = taken ? newId() : proposedId;
      const planned = { ...keep, status: 'importing', dataset_id: datasetId };
      await writeRecord(remoteId, existing, planned);
      existing = { source_id: source.id, remote_id: remoteId, inventory_id: null, content_hash: null, last_run_id: runId, created_at: now(), updated_at: now(), ...existing, ...planned };
    }
    if (slug !== undefined && holders.some((h) => h.slug === slug && h.id !== datasetId)) delete record.slug;
    const created = await catalog.datasets.create({ ...record, id: datasetId });
    if (!created.ok) {
      await writeRecord(remoteId, existing, { dataset_id: null });
      return fail(remoteId, raw, { ...existing!, dataset_id: null }, [...problems, ...errorsToProblems(created.errors, remoteId)]);
    }
    await writeRecord(remoteId, existing, { ...keep, status: 'active', content_hash: hash, dataset_id: datasetId });
    return { outcome: 'created', problems };
  }

  async function importInventory(remoteId: string, raw: string | null, existing: HarvestRecordsTable | undefined, entry: Record<string, unknown>, problems: HarvestProblem[]): Promise<Outcome> {
    const organizationId = source.organization_id;
    if (organizationId === null) return fail(remoteId, raw, existing, [...problems, harvestProblem('no_organization', 'error', harvestMessages.noOrganization(), { remoteId })]);
    const record = { ...entry, organizationId };
    const hash = sha256(JSON.stringify(record));
    const keep = { raw: rawOf(raw), problems: JSON.stringify(problems.slice(0, 100)) };
    if (existing?.inventory_id) {
      const current = await catalog.inventory.get(existing.inventory_id);
      if (current && existing.status === 'active' && existing.content_hash === hash) return { outcome: 'unchanged', problems: [] };
      if (current) {
        const updated = await catalog.inventory.update(current.id, record);
        if (!updated.ok) return fail(remoteId, raw, existing, [...problems, ...errorsToProblems(updated.errors, remoteId)]);
        await writeRecord(remoteId, existing, { ...keep, status: 'active', content_hash: hash });
        return { outcome: 'updated', problems };
      }
    }
    const created = await catalog.inventory.create(record);
    if (!created.ok) return fail(remoteId, raw, existing, [...problems, ...errorsToProblems(created.errors, remoteId)]);
    await writeRecord(remoteId, existing, { ...keep, status: 'active', content_hash: hash, inventory_id: created.value.id });
    return { outcome: 'created', problems };
  }

  // The records of the batch being imported, read in one query.
  const known = new Map<string, HarvestRecordsTable>();
  async function preload(remoteIds: string[]): Promise<void> {
    known.clear();
    if (remoteIds.length === 0) return;
    const rows = await db.selectFrom('harvest_records').selectAll().where('source_id', '=', source.id).where('remote_id', 'in', remoteIds).execute();
    for (const r of rows) known.set(r.remote_id, r);
  }

  async function mirror(remoteId: string, datasetId: string, outcome: Outcome): Promise<void> {
    if ((settings as MirrorSettings).mirror !== true || (outcome.outcome !== 'created' && outcome.outcome !== 'updated')) return;
    const mirrored = await mirrorDistributions(catalog, datasetId, remoteId, policy, settings);
    if (mirrored.length > 0) {
      outcome.problems.push(...mirrored);
      await db.updateTable('harvest_records').set({ problems: JSON.stringify(outcome.problems.slice(0, 100)) }).where('source_id', '=', source.id).where('remote_id', '=', remoteId).execute();
    }
  }

  // One record at a time, each write on its own: inventories, and the fallback of a batch that failed as a whole.
  const importOne = async (remoteId: string, raw: string | null, transformed: TransformedRecord): Promise<Outcome> => {
    const existing = known.get(remoteId);
    if (transformed.kind === 'failed') return fail(remoteId, raw, existing, transformed.problems);
    if (transformed.kind === 'inventory') return importInventory(remoteId, raw, existing, transformed.entry, transformed.problems);
    const outcome = await importDataset(remoteId, raw, existing, transformed.dataset, transformed.organization, transformed.problems);
    const record = await db.selectFrom('harvest_records').select('dataset_id').where('source_id', '=', source.id).where('remote_id', '=', remoteId).executeTakeFirst();
    if (record?.dataset_id) await mirror(remoteId, record.dataset_id, outcome);
    return outcome;
  };

  async function markDone(remoteId: string, outcome: Outcome): Promise<void> {
    const keep = outcome.problems.length > 0 ? JSON.stringify(outcome.problems.slice(0, 100)) : null;
    await db
      .updateTable('harvest_run_items')
      .set({ state: 'done', outcome: outcome.outcome, problems: keep, ...(outcome.outcome === 'failed' ? {} : { raw: null }) })
      .where('run_id', '=', runId)
      .where('remote_id', '=', remoteId)
      .execute();
  }

  async function importEach(rows: BatchRow[], transformed: Map<string, BatchTransform>): Promise<void> {
    for (const row of rows) {
      let outcome: Outcome;
      const t = transformed.get(row.remote_id);
      if (t === undefined || t.kind === 'error') outcome = { outcome: 'failed', problems: [internalProblem(t?.error ?? 'not transformed', row.remote_id)] };
      else {
        try {
          outcome = await importOne(row.remote_id, row.raw, t);
        } catch (error) {
          outcome = { outcome: 'failed', problems: [internalProblem(error, row.remote_id)] };
        }
      }
      await markDone(row.remote_id, outcome);
    }
  }

  /**
   * Imports a batch of gathered items: datasets and failures in one transaction (the datasets
   * through `catalog.datasets.upsertMany`, then the harvest records and the items' outcomes), so a
   * killed run either kept the whole batch or redoes it; inventory rows one by one. A batch whose
   * transaction fails (a database error) is imported again one record at a time, so one bad
   * record never stops a run.
   */
  async function importBatch(rows: BatchRow[], transformed: Map<string, BatchTransform>): Promise<void> {
    await preload(rows.map((r) => r.remote_id));
    const bulk: BatchRow[] = [];
    const single: BatchRow[] = [];
    for (const row of rows) (transformed.get(row.remote_id)?.kind === 'inventory' ? single : bulk).push(row);
    await importEach(single, transformed);
    if (bulk.length === 0) return;
    try {
      await importDatasets(bulk, transformed);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      onProblem(harvestProblem('batch_retried', 'warning', harvestMessages.batchRetried(bulk.length, detail.slice(0, 300))));
      await preload(bulk.map((r) => r.remote_id));
      await importEach(bulk, transformed);
    }
  }

  async function importDatasets(rows: BatchRow[], transformed: Map<string, BatchTransform>): Promise<void> {
    const stamp = now();
    const recordRows = new Map<string, HarvestRecordsTable>();
    const outcomes = new Map<string, Outcome>();
    const recordRow = (remoteId: string, values: Partial<HarvestRecordsTable>): HarvestRecordsTable => {
      const existing = known.get(remoteId);
      return {
        source_id: source.id,
        remote_id: remoteId,
        dataset_id: null,
        inventory_id: null,
        status: 'failed',
        content_hash: null,
        raw: null,
        problems: '[]',
        ...existing,
        ...values,
        last_run_id: runId,
        created_at: existing?.created_at ?? stamp,
        updated_at: stamp,
      };
    };
    const failRow = (row: BatchRow, problems: HarvestProblem[], datasetId?: string | null) => {
      const existing = known.get(row.remote_id);
      const keepsStatus = (datasetId === undefined ? existing?.dataset_id : datasetId) || existing?.inventory_id;
      recordRows.set(row.remote_id, recordRow(row.remote_id, { raw: rawOf(row.raw), problems: JSON.stringify(problems.slice(0, 100)), ...(datasetId === undefined ? {} : { dataset_id: datasetId }), ...(keepsStatus ? {} : { status: 'failed' }) }));
      outcomes.set(row.remote_id, { outcome: 'failed', problems });
    };

    // Map each record and decide what it is: unchanged (nothing to write), to update, or new.
    interface Planned {
      row: BatchRow;
      record: Record<string, unknown>;
      hash: string;
      problems: HarvestProblem[];
      proposedId: string | undefined;
    }
    const planned: Planned[] = [];
    for (const row of rows) {
      const t = transformed.get(row.remote_id);
      if (t === undefined || t.kind === 'error') {
        failRow(row, [internalProblem(t?.error ?? 'not transformed', row.remote_id)]);
        continue;
      }
      if (t.kind !== 'dataset') {
        failRow(row, t.problems);
        continue;
      }
      const problems = [...t.problems];
      const organizationId = await resolveOrganization(t.organization, problems, row.remote_id);
      const { id: proposedId, ...rest } = t.dataset;
      const record: Record<string, unknown> = { ...rest, publicationState: t.dataset.publicationState ?? settings.publicationState ?? 'published' };
      if (organizationId === undefined) delete record.organizationId;
      else record.organizationId = organizationId;
      planned.push({ row, record, hash: sha256(JSON.stringify(record)), problems, proposedId });
    }
    const linked = [...new Set(planned.map((p) => known.get(p.row.remote_id)?.dataset_id).filter((id): id is string => typeof id === 'string'))];
    const present = new Map((linked.length === 0 ? [] : await db.selectFrom('datasets').select(['id', 'slug']).where('id', 'in', linked).execute()).map((r) => [r.id, r.slug] as const));
    const wanted = [...new Set(planned.flatMap((p) => [p.proposedId, typeof p.record.slug === 'string' ? p.record.slug : undefined]).filter((v): v is string => v !== undefined))];
    const holders = wanted.length === 0 ? [] : await db.selectFrom('datasets').select(['id', 'slug']).where((eb) => eb.or([eb('id', 'in', wanted), eb('slug', 'in', wanted)])).execute();
    const takenIds = new Set(holders.map((h) => h.id));
    const slugHolder = new Map(holders.map((h) => [h.slug, h.id] as const));

    const items: UpsertManyItem[] = [];
    const pending: { planned: Planned; datasetId: string; created: boolean }[] = [];
    for (const p of planned) {
      const existing = known.get(p.row.remote_id);
      const keep = { raw: rawOf(p.row.raw), problems: JSON.stringify(p.problems.slice(0, 100)) };
      const currentSlug = existing?.dataset_id ? present.get(existing.dataset_id) : undefined;
      if (existing?.dataset_id && currentSlug !== undefined) {
        if (existing.status === 'importing') {
          // A run of an older version died between writing the dataset and noting it: note it now.
          recordRows.set(p.row.remote_id, recordRow(p.row.remote_id, { ...keep, status: 'active', content_hash: p.hash }));
          outcomes.set(p.row.remote_id, { outcome: 'created', problems: p.problems });
          continue;
        }
        if (existing.status === 'active' && existing.content_hash === p.hash) {
          outcomes.set(p.row.remote_id, { outcome: 'unchanged', problems: [] });
          continue;
        }
        items.push({ id: existing.dataset_id, input: { ...p.record, slug: currentSlug } });
        pending.push({ planned: p, datasetId: existing.dataset_id, created: false });
        continue;
      }
      // New here (or deleted locally): the source's id and slug are kept when no other dataset holds them.
      let datasetId = existing?.dataset_id ?? undefined;
      if (datasetId === undefined) datasetId = p.proposedId === undefined || takenIds.has(p.proposedId) ? newId() : p.proposedId;
      takenIds.add(datasetId);
      const record = { ...p.record };
      const slug = typeof record.slug === 'string' ? record.slug : undefined;
      if (slug !== undefined) {
        const holder = slugHolder.get(slug);
        if (holder !== undefined && holder !== datasetId) delete record.slug;
        else slugHolder.set(slug, datasetId);
      }
      items.push({ id: datasetId, input: record });
      pending.push({ planned: p, datasetId, created: true });
    }

    await catalog.datasets.upsertMany(items, {
      within: async (trx, results) => {
        results.forEach((result, i) => {
          const { planned: p, datasetId, created } = pending[i]!;
          const keep = { raw: rawOf(p.row.raw), problems: JSON.stringify(p.problems.slice(0, 100)) };
          if (result.outcome === 'failed') {
            const problems = [...p.problems, ...errorsToProblems(result.errors, p.row.remote_id)];
            // A dataset that could not be created is not linked; one that could not be updated stays as it was.
            failRow(p.row, problems, created ? null : undefined);
            return;
          }
          recordRows.set(p.row.remote_id, recordRow(p.row.remote_id, { ...keep, status: 'active', content_hash: p.hash, dataset_id: datasetId }));
          outcomes.set(p.row.remote_id, { outcome: result.outcome === 'unchanged' ? 'unchanged' : created ? 'created' : 'updated', problems: result.outcome === 'unchanged' ? [] : p.problems });
        });
        await upsertRecords(trx, [...recordRows.values()]);
        await markAllDone(trx, rows, outcomes);
      },
    });
    for (const { planned: p, datasetId } of pending) {
      const outcome = outcomes.get(p.row.remote_id);
      if (outcome !== undefined) await mirror(p.row.remote_id, datasetId, outcome);
    }
  }

  async function upsertRecords(trx: Db, records: HarvestRecordsTable[]): Promise<void> {
    // Chunks bounded by row count and by raw content size (raw texts reach 1 MB each).
    let start = 0;
    while (start < records.length) {
      let end = start;
      let bytes = 0;
      while (end < records.length && end - start < 1000 && (end === start || bytes < 8_000_000)) bytes += (records[end++]!.raw?.length ?? 0) + 1000;
      await trx
        .insertInto('harvest_records')
        .values(records.slice(start, end))
        .onConflict((oc) =>
          oc.columns(['source_id', 'remote_id']).doUpdateSet((eb) => ({
            dataset_id: eb.ref('excluded.dataset_id'),
            inventory_id: eb.ref('excluded.inventory_id'),
            status: eb.ref('excluded.status'),
            content_hash: eb.ref('excluded.content_hash'),
            raw: eb.ref('excluded.raw'),
            problems: eb.ref('excluded.problems'),
            last_run_id: eb.ref('excluded.last_run_id'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
      start = end;
    }
  }

  async function markAllDone(trx: Db, rows: BatchRow[], outcomes: Map<string, Outcome>): Promise<void> {
    const values = rows.map((row) => {
      const outcome = outcomes.get(row.remote_id) ?? { outcome: 'failed' as const, problems: [] };
      return { run_id: runId, remote_id: row.remote_id, seq: row.seq, raw: null, state: 'done', outcome: outcome.outcome, problems: outcome.problems.length > 0 ? JSON.stringify(outcome.problems.slice(0, 100)) : null };
    });
    for (let i = 0; i < values.length; i += 2000) {
      await trx
        .insertInto('harvest_run_items')
        .values(values.slice(i, i + 2000))
        .onConflict((oc) =>
          oc.columns(['run_id', 'remote_id']).doUpdateSet((eb) => ({
            state: eb.ref('excluded.state'),
            outcome: eb.ref('excluded.outcome'),
            problems: eb.ref('excluded.problems'),
            // A failed item keeps its raw content for the report; the others drop it.
            raw: sql<string | null>`CASE WHEN excluded.outcome = 'failed' THEN harvest_run_items.raw ELSE NULL END`,
          })),
        )
        .execute();
    }
  }

  return { importBatch };
}

type BatchRow = { remote_id: string; raw: string | null; seq: number };
type BatchTransform = TransformedRecord | { kind: 'error'; error: unknown };

async function withdrawGone(catalog: Catalog, sourceId: string, runId: string, stopped: () => boolean): Promise<number> {
  const db = catalog.store.db;
  let withdrawn = 0;
  for (;;) {
    const gone = await db
      .selectFrom('harvest_records as r')
      .select(['r.remote_id', 'r.dataset_id', 'r.inventory_id'])
      .where('r.source_id', '=', sourceId)
      .where('r.status', '=', 'active')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('harvest_run_items as i').select('i.remote_id').where('i.run_id', '=', runId).whereRef('i.remote_id', '=', 'r.remote_id'))))
      .limit(BATCH)
      .execute();
    if (gone.length === 0 || stopped()) return withdrawn;
    for (const g of gone) {
      if (g.inventory_id === null) continue;
      const entry = await catalog.inventory.get(g.inventory_id);
      if (entry && entry.record.status !== 'withdrawn') await catalog.inventory.update(entry.id, { ...entry.record, status: 'withdrawn' });
    }
    // The batch's datasets become `withdrawn` (a revision each) and its records are marked gone in
    // one transaction: a run killed here withdraws the whole batch again, or none of it.
    const current = await catalog.datasets.getMany(gone.flatMap((g) => (g.dataset_id === null ? [] : [g.dataset_id])));
    const items = current.filter((d) => d.state !== 'withdrawn').map((d) => ({ id: d.id, input: { ...d.record, publicationState: 'withdrawn' } }));
    let marked = 0;
    const markGone = async (trx: typeof db, failed: ReadonlySet<string>) => {
      // A dataset that could not be withdrawn keeps its record active, to be tried on the next run.
      const remoteIds = gone.filter((g) => g.dataset_id === null || !failed.has(g.dataset_id)).map((g) => g.remote_id);
      if (remoteIds.length > 0) {
        await trx.updateTable('harvest_records').set({ status: 'withdrawn', last_run_id: runId, updated_at: new Date().toISOString() }).where('source_id', '=', sourceId).where('remote_id', 'in', remoteIds).execute();
      }
      marked = remoteIds.length;
    };
    if (items.length > 0) {
      await catalog.datasets.upsertMany(items, { within: (trx, outcomes) => markGone(trx, new Set(outcomes.flatMap((o) => (o.outcome === 'failed' ? [o.id] : [])))) });
    } else {
      await markGone(db, new Set());
    }
    withdrawn += marked;
    // Only records whose withdrawal failed are left in this batch: they would be selected again.
    if (marked === 0) return withdrawn;
  }
}
