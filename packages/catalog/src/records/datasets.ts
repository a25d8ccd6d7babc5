import { parseDataset, type Dataset, type PublicationState } from '@bayan/schema';
import { sql, type InsertObject } from 'kysely';
import { insertRows, logActivity, isUniqueViolation, transaction, type CatalogContext, type Db } from '../context';
import type { DatasetsTable, Tables } from '../db/tables';
import { decodeCursor, encodeCursor, newId, slugify } from '../ids';
import type { QualityContext, QualitySummary } from '../quality';
import { problems, success, type CatalogError, type CatalogResult } from '../result';
import { indexDataset, indexDatasets, unindexDataset, type IndexEntry } from '../search/searchIndex';
import { diffRecords, type FieldChange } from './diff';

/** A dataset as the catalogue holds it. */
export interface StoredDataset {
  id: string;
  slug: string;
  state: PublicationState;
  /** Increases by one with every change. */
  revision: number;
  record: Dataset;
  createdAt: string;
  updatedAt: string;
}

/** One kept version of a dataset. */
export interface DatasetRevision {
  datasetId: string;
  revision: number;
  authorId: string | null;
  createdAt: string;
  /** `created`, `updated`, `state-changed`, `restored`, `deleted`, `rescored`. */
  action: string;
  /** The whole record as it was after this change (absent for `deleted`). */
  record: Dataset | undefined;
  changes: FieldChange[];
}

/** What `createMany` did. */
export interface CreateManyReport {
  /** Ids of the created datasets, in input order. */
  created: string[];
  /** Records that were not created, by their index in the input. */
  failed: { index: number; errors: CatalogError[] }[];
}

/** One dataset for `upsertMany`: created with `id` when no dataset has it, else updated. */
export interface UpsertManyItem {
  /** The dataset's id (the input's own `id` is ignored). */
  id: string;
  /** A full document, as `create` takes. */
  input: unknown;
}

/** What `upsertMany` did with one item. */
export type UpsertManyOutcome =
  | {
      id: string;
      /** `unchanged`: the stored record already says the same; nothing was written. */
      outcome: 'created' | 'updated' | 'unchanged';
      revision: number;
      slug: string;
    }
  | { id: string; outcome: 'failed'; errors: CatalogError[] };

/** Options of `upsertMany`. */
export interface UpsertManyOptions {
  /** The user id making the changes; `null` (the default) for the system. */
  actor?: string | null;
  /**
   * Runs inside the same transaction after the datasets are written (a harvester's own
   * bookkeeping), so both commit or neither does. Gets the outcomes in input order.
   */
  within?: (db: Db, outcomes: UpsertManyOutcome[]) => Promise<void>;
}

/** Who makes a change, and the revision they edited (optimistic locking). */
export interface WriteOptions {
  /** The user id making the change; `null` for the system. */
  actor?: string | null;
  /** Refuse the write when the dataset's revision is not this one. */
  expectedRevision?: number;
}

function toStored(row: DatasetsTable): StoredDataset {
  return {
    id: row.id,
    slug: row.slug,
    state: row.state as PublicationState,
    revision: Number(row.revision),
    record: JSON.parse(row.record) as Dataset,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function uniqueSlug(db: Db, wanted: string, id: string): Promise<string> {
  const base = wanted.length >= 2 ? wanted : `dataset-${id.slice(-6)}`;
  let candidate = base;
  for (let n = 2; n < 1000; n++) {
    const taken = await db.selectFrom('datasets').select('id').where('slug', '=', candidate).executeTakeFirst();
    if (!taken || taken.id === id) return candidate;
    candidate = `${base.slice(0, 95)}-${n}`;
  }
  return `${base.slice(0, 80)}-${id.slice(-10)}`;
}

/** The quality context of a dataset: latest validation report per distribution, link checks. */
export async function qualityContextOf(db: Db, datasetId: string): Promise<QualityContext> {
  const reports = await db.selectFrom('validation_reports').selectAll().where('dataset_id', '=', datasetId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  const latest = new Map<string, (typeof reports)[number]>();
  for (const r of reports) if (!latest.has(r.distribution_id ?? '')) latest.set(r.distribution_id ?? '', r);
  const links = await db.selectFrom('link_checks').selectAll().where('dataset_id', '=', datasetId).execute();
  return {
    validationReports: [...latest.values()].map((r) => ({ distributionId: r.distribution_id, valid: Number(r.valid) === 1, report: JSON.parse(r.report) as unknown })),
    linkChecks: links.map((l) => ({ url: l.url, ok: Number(l.ok) === 1, httpStatus: l.http_status === null ? null : Number(l.http_status) })),
  };
}

// Rows per multi-row statement: under SQLite's and PostgreSQL's parameter limits (32,766 and 65,535).
// `where column in (…)` over many values, in chunks that stay under the parameter limits.
async function selectIn<T>(values: readonly string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < values.length; i += 5000) out.push(...(await read(values.slice(i, i + 5000))));
  return out;
}

function datasetRow(id: string, slug: string, state: PublicationState, record: Dataset, json: string, revision: number, createdAt: string, now: string): DatasetsTable {
  return {
    id,
    slug,
    organization_id: record.organizationId ?? null,
    state,
    record: json,
    revision,
    title_sort: (record.title.fr ?? record.title.en ?? record.title.ar ?? '').toLowerCase().slice(0, 200),
    modified: record.modified ?? null,
    created_at: createdAt,
    updated_at: now,
  };
}

function distributionRowsOf(id: string, record: Dataset): InsertObject<Tables, 'distributions'>[] {
  return record.distributions.map((d, position) => ({
    id: d.id ?? String(position),
    dataset_id: id,
    position,
    access_url: d.accessUrl,
    download_url: d.downloadUrl ?? null,
    format: d.format ?? null,
    media_type: d.mediaType ?? null,
    license: d.license ?? null,
    record: JSON.stringify(d),
  }));
}

// Two distributions of one dataset with the same id cannot both be stored (the table's key).
function duplicateDistribution(record: Dataset): CatalogResult<true> {
  const ids = new Set<string>();
  for (const [position, d] of record.distributions.entries()) {
    const id = d.id ?? String(position);
    if (ids.has(id)) return problems.conflict(`/distributions/${position}/id`, id);
    ids.add(id);
  }
  return success(true);
}

/** The quality contexts of many datasets (latest validation report per distribution, link checks), in two queries. */
async function qualityContextsOf(db: Db, ids: readonly string[]): Promise<Map<string, QualityContext>> {
  const out = new Map<string, QualityContext>();
  if (ids.length === 0) return out;
  const reports = await selectIn(ids, (chunk) => db.selectFrom('validation_reports').selectAll().where('dataset_id', 'in', chunk).orderBy('created_at', 'desc').orderBy('id', 'desc').execute());
  const links = await selectIn(ids, (chunk) => db.selectFrom('link_checks').selectAll().where('dataset_id', 'in', chunk).execute());
  const contextOf = (id: string) => {
    let c = out.get(id);
    if (c === undefined) out.set(id, (c = { validationReports: [], linkChecks: [] }));
    return c;
  };
  const seen = new Set<string>();
  for (const r of reports) {
    const key = `${r.dataset_id}\u0000${r.distribution_id ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    contextOf(r.dataset_id).validationReports.push({ distributionId: r.distribution_id, valid: Number(r.valid) === 1, report: JSON.parse(r.report) as unknown });
  }
  for (const l of links) contextOf(l.dataset_id).linkChecks.push({ url: l.url, ok: Number(l.ok) === 1, httpStatus: l.http_status === null ? null : Number(l.http_status) });
  return out;
}

/**
 * Writes a dataset version: the row, its distributions, a revision, an activity entry, a quality
 * snapshot and its search entry, all in the caller's transaction.
 */
async function writeVersion(
  ctx: CatalogContext,
  db: Db,
  input: { id: string; slug: string; state: PublicationState; record: Dataset; previous: StoredDataset | undefined; action: string; actor: string | null },
): Promise<StoredDataset> {
  const now = ctx.now();
  const revision = (input.previous?.revision ?? 0) + 1;
  const record: Dataset = { ...input.record, id: input.id, slug: input.slug, publicationState: input.state };
  const modified = record.modified ?? now;
  const row: DatasetsTable = {
    id: input.id,
    slug: input.slug,
    organization_id: record.organizationId ?? null,
    state: input.state,
    record: JSON.stringify(record),
    revision,
    title_sort: (record.title.fr ?? record.title.en ?? record.title.ar ?? '').toLowerCase().slice(0, 200),
    modified: record.modified ?? null,
    created_at: input.previous?.createdAt ?? now,
    updated_at: now,
  };
  if (input.previous) {
    await db.updateTable('datasets').set(row).where('id', '=', input.id).execute();
    await db.deleteFrom('distributions').where('dataset_id', '=', input.id).execute();
  } else {
    await db.insertInto('datasets').values(row).execute();
  }
  if (record.distributions.length > 0) {
    await db
      .insertInto('distributions')
      .values(distributionRowsOf(input.id, record))
      .execute();
  }
  const changes = diffRecords(input.previous?.record ?? {}, record);
  await db
    .insertInto('dataset_revisions')
    .values({ dataset_id: input.id, revision, author_id: input.actor, created_at: now, action: input.action, record: row.record, changes: JSON.stringify(changes) })
    .execute();
  await logActivity(db, { at: now, actorId: input.actor, action: `dataset.${input.action}`, objectType: 'dataset', objectId: input.id, details: { revision, fields: changes.length } });
  const quality = await rescore(ctx, db, input.id, record);
  await indexDataset(db, ctx.store.backend, { datasetId: input.id, state: input.state, record, quality, modified });
  return toStored(row);
}

/** Recomputes and stores a dataset's quality (inside the caller's transaction). */
export async function rescore(ctx: CatalogContext, db: Db, datasetId: string, record: Dataset): Promise<QualitySummary> {
  const context = await qualityContextOf(db, datasetId);
  if (ctx.dcatApCompliance !== undefined) {
    const compliant = await ctx.dcatApCompliance(record);
    if (compliant !== undefined) context.dcatApCompliant = compliant;
  }
  const quality = ctx.quality(record, context);
  await db
    .insertInto('quality_snapshots')
    .values({ dataset_id: datasetId, score: quality.score, band: quality.band, openness: quality.openness, details: JSON.stringify(quality.details ?? null), created_at: ctx.now() })
    .execute();
  return quality;
}

async function findRow(db: Db, idOrSlug: string): Promise<DatasetsTable | undefined> {
  return db.selectFrom('datasets').selectAll().where((eb) => eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug)])).executeTakeFirst();
}

/** Datasets: create, read, update, publish, delete, and their revisions. */
export interface Datasets {
  /** Validates and stores a new dataset (state `draft` unless the record says otherwise). */
  create(input: unknown, options?: WriteOptions): Promise<CatalogResult<StoredDataset>>;
  /**
   * Creates many datasets at once (imports, harvests, benchmarks): each batch of 500 is one
   * transaction with multi-row statements, including revisions, quality snapshots and the search
   * index. Invalid records are reported by their index and skipped; the others are created.
   */
  createMany(inputs: readonly unknown[], options?: WriteOptions & { onProgress?: (done: number, total: number) => void }): Promise<CreateManyReport>;
  /**
   * Creates or updates many datasets by id in one transaction (the harvesters' write path; pass
   * hundreds at a time). The current rows are read in one query and compared in memory: an
   * unchanged record is not written, a changed one gets a new revision with its field changes, a
   * new one is created. Rows, distributions, revisions, activity, quality snapshots and new search
   * entries are written with multi-row statements. Invalid records, unknown organisations and slug
   * conflicts fail their item only. `options.within` runs in the same transaction.
   *
   * @example
   * ```ts
   * const outcomes = await catalog.datasets.upsertMany([{ id: 'budget-2024', input: record }]);
   * outcomes[0]?.outcome; // 'created', then 'unchanged' for the same record, 'updated' for another
   * ```
   */
  upsertMany(items: readonly UpsertManyItem[], options?: UpsertManyOptions): Promise<UpsertManyOutcome[]>;
  /** Replaces a dataset's record (a full document, as `create` takes). */
  update(idOrSlug: string, input: unknown, options?: WriteOptions): Promise<CatalogResult<StoredDataset>>;
  /** Moves a dataset through the workflow (`draft`, `in-review`, `published`, `withdrawn`). */
  setState(idOrSlug: string, state: PublicationState, options?: WriteOptions): Promise<CatalogResult<StoredDataset>>;
  /** Deletes a dataset; its revisions stay, ending with a `deleted` one. */
  delete(idOrSlug: string, options?: WriteOptions): Promise<CatalogResult<{ id: string }>>;
  /** A dataset by id or slug. */
  get(idOrSlug: string): Promise<StoredDataset | undefined>;
  /** Many datasets by id in one query, in the order asked; unknown ids are left out (at most 1,000 ids). */
  getMany(ids: readonly string[]): Promise<StoredDataset[]>;
  /** Datasets in id (creation) order, a page at a time. */
  list(options?: { organizationId?: string; state?: PublicationState; limit?: number; cursor?: string }): Promise<{ items: StoredDataset[]; nextCursor: string | undefined }>;
  /** Every revision of a dataset, newest first. */
  revisions(id: string): Promise<DatasetRevision[]>;
  /** One revision of a dataset. */
  revision(id: string, revision: number): Promise<DatasetRevision | undefined>;
  /** Makes an old revision's record the current one (as a new revision). */
  restore(id: string, revision: number, options?: WriteOptions): Promise<CatalogResult<StoredDataset>>;
  /** Recomputes quality and the search entry of one dataset (after a validation or link check). */
  refresh(id: string): Promise<void>;
}

function toRevision(row: { dataset_id: string; revision: number; author_id: string | null; created_at: string; action: string; record: string | null; changes: string }): DatasetRevision {
  return {
    datasetId: row.dataset_id,
    revision: Number(row.revision),
    authorId: row.author_id,
    createdAt: row.created_at,
    action: row.action,
    record: row.record === null ? undefined : (JSON.parse(row.record) as Dataset),
    changes: JSON.parse(row.changes) as FieldChange[],
  };
}

/** Builds the datasets part of a catalogue. */
export function createDatasets(ctx: CatalogContext): Datasets {
  async function checkOrganization(db: Db, record: Dataset): Promise<CatalogResult<true>> {
    if (record.organizationId === undefined) return success(true);
    const org = await db.selectFrom('organizations').select('id').where('id', '=', record.organizationId).executeTakeFirst();
    return org ? success(true) : problems.unknownReference('/organizationId', 'organisation', record.organizationId);
  }

  function staleCheck(options: WriteOptions | undefined, current: StoredDataset): CatalogResult<true> {
    if (options?.expectedRevision !== undefined && options.expectedRevision !== current.revision) {
      return problems.staleRevision(options.expectedRevision, current.revision);
    }
    return success(true);
  }

  async function guarded<T>(work: () => Promise<CatalogResult<T>>, slug: string): Promise<CatalogResult<T>> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) return problems.conflict('/slug', slug);
      throw error;
    }
  }

  const datasets: Datasets = {
    async create(input, options) {
      const parsed = parseDataset(input);
      if (!parsed.ok) return parsed;
      const record = parsed.value;
      const distributions = duplicateDistribution(record);
      if (!distributions.ok) return distributions;
      const id = record.id ?? newId();
      return guarded(
        () =>
          transaction(ctx, async (db) => {
            const org = await checkOrganization(db, record);
            if (!org.ok) return org;
            if (await findRow(db, id)) return problems.conflict('/id', id);
            if (record.slug !== undefined && (await db.selectFrom('datasets').select('id').where('slug', '=', record.slug).executeTakeFirst())) {
              return problems.conflict('/slug', record.slug);
            }
            const slug = record.slug ?? (await uniqueSlug(db, slugify(record.title.fr ?? record.title.en ?? ''), id));
            const stored = await writeVersion(ctx, db, { id, slug, state: record.publicationState ?? 'draft', record, previous: undefined, action: 'created', actor: options?.actor ?? null });
            return success(stored);
          }),
        record.slug ?? id,
      );
    },

    async createMany(inputs, options = {}) {
      const report: CreateManyReport = { created: [], failed: [] };
      const batchSize = 500;
      for (let start = 0; start < inputs.length; start += batchSize) {
        const batch: { index: number; record: Dataset; id: string }[] = [];
        inputs.slice(start, start + batchSize).forEach((input, offset) => {
          const parsed = parseDataset(input);
          const distributions = parsed.ok ? duplicateDistribution(parsed.value) : parsed;
          if (parsed.ok && distributions.ok) batch.push({ index: start + offset, record: parsed.value, id: parsed.value.id ?? newId() });
          else if (!distributions.ok) report.failed.push({ index: start + offset, errors: distributions.errors });
        });
        const compliance = new Map<string, boolean>();
        if (ctx.dcatApCompliance !== undefined) {
          for (const item of batch) {
            const verdict = await ctx.dcatApCompliance(item.record);
            if (verdict !== undefined) compliance.set(item.id, verdict);
          }
        }
        await transaction(ctx, async (db) => {
          const ids = batch.map((b) => b.id);
          const taken = new Set(ids.length > 0 ? (await db.selectFrom('datasets').select('id').where('id', 'in', ids).execute()).map((r) => r.id) : []);
          const orgIds = [...new Set(batch.map((b) => b.record.organizationId).filter((o): o is string => o !== undefined))];
          const orgs = new Set(orgIds.length > 0 ? (await db.selectFrom('organizations').select('id').where('id', 'in', orgIds).execute()).map((r) => r.id) : []);
          const wantedSlugs = batch.map((b) => b.record.slug ?? slugify(b.record.title.fr ?? b.record.title.en ?? ''));
          const usedSlugs = new Set(
            wantedSlugs.length > 0 ? (await db.selectFrom('datasets').select('slug').where('slug', 'in', wantedSlugs.filter((w) => w.length >= 2)).execute()).map((r) => r.slug) : [],
          );
          const now = ctx.now();
          const datasetRows: DatasetsTable[] = [];
          const distributionRows: Record<string, unknown>[] = [];
          const revisionRows: Record<string, unknown>[] = [];
          const activityRows: Record<string, unknown>[] = [];
          const snapshotRows: Record<string, unknown>[] = [];
          const entries: IndexEntry[] = [];
          const seen = new Set<string>();
          batch.forEach((item, i) => {
            const fail = (result: CatalogResult<unknown>) => {
              if (!result.ok) report.failed.push({ index: item.index, errors: result.errors });
            };
            if (taken.has(item.id) || seen.has(item.id)) return fail(problems.conflict('/id', item.id));
            if (item.record.organizationId !== undefined && !orgs.has(item.record.organizationId)) {
              return fail(problems.unknownReference('/organizationId', 'organisation', item.record.organizationId));
            }
            let slug = wantedSlugs[i] ?? '';
            if (slug.length < 2) slug = `dataset-${item.id.slice(-6)}`;
            if (usedSlugs.has(slug)) {
              if (item.record.slug !== undefined) return fail(problems.conflict('/slug', slug));
              slug = `${slug.slice(0, 80)}-${item.id.slice(-10)}`;
            }
            seen.add(item.id);
            usedSlugs.add(slug);
            const state = item.record.publicationState ?? 'draft';
            const record: Dataset = { ...item.record, id: item.id, slug, publicationState: state };
            const json = JSON.stringify(record);
            datasetRows.push({
              id: item.id,
              slug,
              organization_id: record.organizationId ?? null,
              state,
              record: json,
              revision: 1,
              title_sort: (record.title.fr ?? record.title.en ?? record.title.ar ?? '').toLowerCase().slice(0, 200),
              modified: record.modified ?? null,
              created_at: now,
              updated_at: now,
            });
            distributionRows.push(...distributionRowsOf(item.id, record));
            // A creation's revision holds the whole record; listing every field again as a change adds nothing.
            revisionRows.push({ dataset_id: item.id, revision: 1, author_id: options.actor ?? null, created_at: now, action: 'created', record: json, changes: '[]' });
            activityRows.push({ at: now, actor_id: options.actor ?? null, action: 'dataset.created', object_type: 'dataset', object_id: item.id, details: JSON.stringify({ revision: 1, bulk: true }) });
            const context: QualityContext = { validationReports: [], linkChecks: [] };
            const verdict = compliance.get(item.id);
            if (verdict !== undefined) context.dcatApCompliant = verdict;
            const quality = ctx.quality(record, context);
            snapshotRows.push({ dataset_id: item.id, score: quality.score, band: quality.band, openness: quality.openness, details: JSON.stringify(quality.details ?? null), created_at: now });
            entries.push({ datasetId: item.id, state, record, quality, modified: record.modified ?? now });
            report.created.push(item.id);
          });
          await insertRows(db, 'datasets', datasetRows as unknown as Record<string, unknown>[]);
          await insertRows(db, 'distributions', distributionRows);
          await insertRows(db, 'dataset_revisions', revisionRows);
          await insertRows(db, 'activity', activityRows);
          await insertRows(db, 'quality_snapshots', snapshotRows);
          await indexDatasets(db, ctx.store.backend, entries);
        });
        options.onProgress?.(Math.min(inputs.length, start + batchSize), inputs.length);
      }
      // Fresh statistics after a bulk load, or the planner guesses one row per table.
      if (report.created.length >= 1000) {
        if (ctx.store.backend === 'postgres') await sql`ANALYZE search_docs, search_facets, datasets`.execute(ctx.store.db);
        else await sql`PRAGMA optimize`.execute(ctx.store.db);
      }
      report.failed.sort((a, b) => a.index - b.index);
      return report;
    },

    async upsertMany(items, options = {}) {
      const outcomes: UpsertManyOutcome[] = items.map((item) => ({ id: item.id, outcome: 'failed', errors: [] }));
      const parsed: { index: number; id: string; record: Dataset }[] = [];
      items.forEach((item, index) => {
        const result = parseDataset(item.input);
        const distributions = result.ok ? duplicateDistribution(result.value) : result;
        if (result.ok && distributions.ok) parsed.push({ index, id: item.id, record: result.value });
        else if (!distributions.ok) outcomes[index] = { id: item.id, outcome: 'failed', errors: distributions.errors };
      });
      const ids = [...new Set(parsed.map((p) => p.id))];
      const readRows = async (db: Db) =>
        new Map((await selectIn(ids, (chunk) => db.selectFrom('datasets').selectAll().where('id', 'in', chunk).execute())).map((r) => [r.id, toStored(r)] as const));
      // What each item would store, and whether that differs from the current version.
      const plan = (item: (typeof parsed)[number], current: StoredDataset | undefined) => {
        const slug = item.record.slug ?? current?.slug;
        const state = item.record.publicationState ?? current?.state ?? 'draft';
        const record: Dataset = { ...item.record, id: item.id, ...(slug === undefined ? {} : { slug }), publicationState: state };
        const changes = current === undefined ? [] : diffRecords(current.record, record);
        const unchanged = current !== undefined && changes.length === 0 && current.slug === slug && current.state === state;
        return { slug, state, record, changes, unchanged };
      };

      // DCAT-AP checks may be slow and asynchronous: they run before the transaction, only for records that will be written.
      const compliance = new Map<number, boolean>();
      if (ctx.dcatApCompliance !== undefined && parsed.length > 0) {
        const before = await readRows(ctx.store.db);
        for (const item of parsed) {
          const planned = plan(item, before.get(item.id));
          if (planned.unchanged) continue;
          const verdict = await ctx.dcatApCompliance(planned.record);
          if (verdict !== undefined) compliance.set(item.index, verdict);
        }
      }

      await transaction(ctx, async (db) => {
        const current = await readRows(db);
        const orgIds = [...new Set(parsed.map((p) => p.record.organizationId).filter((o): o is string => o !== undefined))];
        const orgs = new Set((await selectIn(orgIds, (chunk) => db.selectFrom('organizations').select('id').where('id', 'in', chunk).execute())).map((r) => r.id));
        const plans = parsed.map((item) => ({ item, current: current.get(item.id), ...plan(item, current.get(item.id)) }));
        // Slugs: a new dataset without one gets one from its title; any slug another dataset holds is a conflict.
        const derived = (p: (typeof plans)[number]) => {
          const base = slugify(p.record.title.fr ?? p.record.title.en ?? '');
          return base.length >= 2 ? base : `dataset-${p.item.id.slice(-6)}`;
        };
        const wanted = plans.filter((p) => !p.unchanged).flatMap((p) => (p.slug === undefined ? [derived(p), `${derived(p).slice(0, 80)}-${p.item.id.slice(-10)}`] : [p.slug]));
        const holders = new Map((await selectIn([...new Set(wanted)], (chunk) => db.selectFrom('datasets').select(['id', 'slug']).where('slug', 'in', chunk).execute())).map((r) => [r.slug, r.id] as const));
        // A deleted dataset created again continues its revision numbers.
        const fresh = plans.filter((p) => p.current === undefined && !p.unchanged).map((p) => p.item.id);
        const pastRevisions = new Map(
          (await selectIn([...new Set(fresh)], (chunk) => db.selectFrom('dataset_revisions').select(['dataset_id', (eb) => eb.fn.max('revision').as('r')]).where('dataset_id', 'in', chunk).groupBy('dataset_id').execute())).map(
            (r) => [r.dataset_id, Number(r.r)] as const,
          ),
        );
        const now = ctx.now();
        const inserts: DatasetsTable[] = [];
        const updates: DatasetsTable[] = [];
        const distributions: Record<string, unknown>[] = [];
        const revisions: Record<string, unknown>[] = [];
        const activity: Record<string, unknown>[] = [];
        const written: { index: number; id: string; state: PublicationState; record: Dataset; created: boolean; modified: string }[] = [];
        const seen = new Set<string>();
        for (const p of plans) {
          const { item } = p;
          const fail = (result: CatalogResult<unknown>) => {
            if (!result.ok) outcomes[item.index] = { id: item.id, outcome: 'failed', errors: result.errors };
          };
          if (seen.has(item.id)) {
            fail(problems.conflict('/id', item.id));
            continue;
          }
          seen.add(item.id);
          if (p.unchanged && p.current) {
            outcomes[item.index] = { id: item.id, outcome: 'unchanged', revision: p.current.revision, slug: p.current.slug };
            continue;
          }
          if (p.record.organizationId !== undefined && !orgs.has(p.record.organizationId)) {
            fail(problems.unknownReference('/organizationId', 'organisation', p.record.organizationId));
            continue;
          }
          let slug = p.slug;
          if (slug === undefined) {
            slug = derived(p);
            const holder = holders.get(slug);
            if (holder !== undefined && holder !== item.id) slug = `${slug.slice(0, 80)}-${item.id.slice(-10)}`;
          }
          const holder = holders.get(slug);
          if (holder !== undefined && holder !== item.id) {
            fail(problems.conflict('/slug', slug));
            continue;
          }
          holders.set(slug, item.id);
          const record: Dataset = { ...p.record, slug };
          const json = JSON.stringify(record);
          const revision = (p.current?.revision ?? pastRevisions.get(item.id) ?? 0) + 1;
          const row = datasetRow(item.id, slug, p.state, record, json, revision, p.current?.createdAt ?? now, now);
          (p.current ? updates : inserts).push(row);
          distributions.push(...distributionRowsOf(item.id, record));
          const action = p.current ? 'updated' : 'created';
          // As in createMany, a creation's revision holds the whole record and lists no changes.
          revisions.push({ dataset_id: item.id, revision, author_id: options.actor ?? null, created_at: now, action, record: json, changes: JSON.stringify(p.changes) });
          activity.push({ at: now, actor_id: options.actor ?? null, action: `dataset.${action}`, object_type: 'dataset', object_id: item.id, details: JSON.stringify({ revision, fields: p.changes.length }) });
          written.push({ index: item.index, id: item.id, state: p.state, record, created: !p.current, modified: record.modified ?? now });
          outcomes[item.index] = { id: item.id, outcome: action, revision, slug };
        }

        await insertRows(db, 'datasets', inserts as unknown as Record<string, unknown>[]);
        if (updates.length > 0) {
          for (let i = 0; i < updates.length; i += 2000) {
            await db
              .insertInto('datasets')
              .values(updates.slice(i, i + 2000))
              .onConflict((oc) =>
                oc.column('id').doUpdateSet((eb) => ({
                  slug: eb.ref('excluded.slug'),
                  organization_id: eb.ref('excluded.organization_id'),
                  state: eb.ref('excluded.state'),
                  record: eb.ref('excluded.record'),
                  revision: eb.ref('excluded.revision'),
                  title_sort: eb.ref('excluded.title_sort'),
                  modified: eb.ref('excluded.modified'),
                  updated_at: eb.ref('excluded.updated_at'),
                })),
              )
              .execute();
          }
          const updated = updates.map((u) => u.id);
          await selectIn(updated, async (chunk) => {
            await db.deleteFrom('distributions').where('dataset_id', 'in', chunk).execute();
            return [];
          });
        }
        await insertRows(db, 'distributions', distributions);
        await insertRows(db, 'dataset_revisions', revisions);
        await insertRows(db, 'activity', activity);

        const contexts = await qualityContextsOf(db, written.map((w) => w.id));
        const snapshots: Record<string, unknown>[] = [];
        const entries: IndexEntry[] = [];
        for (const w of written) {
          const context: QualityContext = contexts.get(w.id) ?? { validationReports: [], linkChecks: [] };
          const verdict = compliance.get(w.index);
          if (verdict !== undefined) context.dcatApCompliant = verdict;
          const quality = ctx.quality(w.record, context);
          snapshots.push({ dataset_id: w.id, score: quality.score, band: quality.band, openness: quality.openness, details: JSON.stringify(quality.details ?? null), created_at: now });
          entries.push({ datasetId: w.id, state: w.state, record: w.record, quality, modified: w.modified });
        }
        await insertRows(db, 'quality_snapshots', snapshots);
        await indexDatasets(db, ctx.store.backend, entries);
        if (options.within) await options.within(db, outcomes);
      });
      return outcomes;
    },

    async update(idOrSlug, input, options) {
      const parsed = parseDataset(input);
      if (!parsed.ok) return parsed;
      const record = parsed.value;
      const distributions = duplicateDistribution(record);
      if (!distributions.ok) return distributions;
      return guarded(
        () =>
          transaction(ctx, async (db) => {
            const row = await findRow(db, idOrSlug);
            if (!row) return problems.notFound('jeu de données / dataset', idOrSlug);
            const current = toStored(row);
            const stale = staleCheck(options, current);
            if (!stale.ok) return stale;
            const org = await checkOrganization(db, record);
            if (!org.ok) return org;
            const slug = record.slug ?? current.slug;
            const stored = await writeVersion(ctx, db, {
              id: current.id,
              slug,
              state: record.publicationState ?? current.state,
              record,
              previous: current,
              action: 'updated',
              actor: options?.actor ?? null,
            });
            return success(stored);
          }),
        record.slug ?? idOrSlug,
      );
    },

    async setState(idOrSlug, state, options) {
      return transaction(ctx, async (db) => {
        const row = await findRow(db, idOrSlug);
        if (!row) return problems.notFound('jeu de données / dataset', idOrSlug);
        const current = toStored(row);
        const stale = staleCheck(options, current);
        if (!stale.ok) return stale;
        const stored = await writeVersion(ctx, db, { id: current.id, slug: current.slug, state, record: current.record, previous: current, action: 'state-changed', actor: options?.actor ?? null });
        return success(stored);
      });
    },

    async delete(idOrSlug, options) {
      return transaction(ctx, async (db) => {
        const row = await findRow(db, idOrSlug);
        if (!row) return problems.notFound('jeu de données / dataset', idOrSlug);
        const current = toStored(row);
        const stale = staleCheck(options, current);
        if (!stale.ok) return stale;
        const now = ctx.now();
        await unindexDataset(db, ctx.store.backend, current.id);
        await db.deleteFrom('distributions').where('dataset_id', '=', current.id).execute();
        await db.deleteFrom('datasets').where('id', '=', current.id).execute();
        await db
          .insertInto('dataset_revisions')
          .values({ dataset_id: current.id, revision: current.revision + 1, author_id: options?.actor ?? null, created_at: now, action: 'deleted', record: null, changes: '[]' })
          .execute();
        await logActivity(db, { at: now, actorId: options?.actor ?? null, action: 'dataset.deleted', objectType: 'dataset', objectId: current.id, details: { slug: current.slug } });
        return success({ id: current.id });
      });
    },

    async get(idOrSlug) {
      const row = await findRow(ctx.store.db, idOrSlug);
      return row ? toStored(row) : undefined;
    },

    async getMany(ids) {
      const wanted = [...new Set(ids)].slice(0, 1000);
      if (wanted.length === 0) return [];
      const rows = await ctx.store.db.selectFrom('datasets').selectAll().where('id', 'in', wanted).execute();
      const byId = new Map(rows.map((row) => [row.id, toStored(row)]));
      return ids.flatMap((id) => {
        const found = byId.get(id);
        return found ? [found] : [];
      });
    },

    async list(options = {}) {
      const limit = Math.max(1, Math.min(1000, Math.trunc(options.limit ?? 50)));
      const after = decodeCursor(options.cursor);
      let q = ctx.store.db.selectFrom('datasets').selectAll().orderBy('id').limit(limit + 1);
      if (options.organizationId !== undefined) q = q.where('organization_id', '=', options.organizationId);
      if (options.state !== undefined) q = q.where('state', '=', options.state);
      if (typeof after === 'string') q = q.where('id', '>', after);
      const rows = await q.execute();
      const items = rows.slice(0, limit).map(toStored);
      return { items, nextCursor: rows.length > limit ? encodeCursor(items.at(-1)?.id) : undefined };
    },

    async revisions(id) {
      const rows = await ctx.store.db.selectFrom('dataset_revisions').selectAll().where('dataset_id', '=', id).orderBy('revision', 'desc').execute();
      return rows.map(toRevision);
    },

    async revision(id, revision) {
      const row = await ctx.store.db.selectFrom('dataset_revisions').selectAll().where('dataset_id', '=', id).where('revision', '=', revision).executeTakeFirst();
      return row ? toRevision(row) : undefined;
    },

    async restore(id, revision, options) {
      return transaction(ctx, async (db) => {
        const old = await db.selectFrom('dataset_revisions').selectAll().where('dataset_id', '=', id).where('revision', '=', revision).executeTakeFirst();
        if (!old || old.record === null) return problems.notFound('révision / revision', `${id}@${revision}`);
        const row = await findRow(db, id);
        const record = JSON.parse(old.record) as Dataset;
        if (!row) {
          // Restoring a deleted dataset: it comes back with its next revision number.
          const last = await db.selectFrom('dataset_revisions').select((eb) => eb.fn.max('revision').as('r')).where('dataset_id', '=', id).executeTakeFirst();
          const lastRevision = Number(last?.r ?? 0);
          const slug = await uniqueSlug(db, record.slug ?? slugify(record.title.fr ?? record.title.en ?? ''), id);
          const previous: StoredDataset = { id, slug, state: 'draft', revision: lastRevision, record, createdAt: old.created_at, updatedAt: old.created_at };
          const org = await checkOrganization(db, record);
          if (!org.ok) return org;
          await db.insertInto('datasets').values({ id, slug, organization_id: record.organizationId ?? null, state: 'draft', record: old.record, revision: lastRevision, title_sort: '', modified: null, created_at: old.created_at, updated_at: old.created_at }).execute();
          return success(await writeVersion(ctx, db, { id, slug, state: record.publicationState ?? 'draft', record, previous, action: 'restored', actor: options?.actor ?? null }));
        }
        const current = toStored(row);
        const stale = staleCheck(options, current);
        if (!stale.ok) return stale;
        const stored = await writeVersion(ctx, db, {
          id,
          slug: current.slug,
          state: record.publicationState ?? current.state,
          record,
          previous: current,
          action: 'restored',
          actor: options?.actor ?? null,
        });
        return success(stored);
      });
    },

    async refresh(id) {
      await transaction(ctx, async (db) => {
        const row = await findRow(db, id);
        if (!row) return;
        const current = toStored(row);
        const quality = await rescore(ctx, db, current.id, current.record);
        await indexDataset(db, ctx.store.backend, { datasetId: current.id, state: current.state, record: current.record, quality, modified: current.record.modified ?? current.updatedAt });
      });
    },
  };
  return datasets;
}
