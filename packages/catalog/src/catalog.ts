import type { CatalogContext } from './context';
import { createDatastore, type Datastore } from './datastore/datastore';
import { openStore, type Backend, type Store, type StoreLocation } from './db/store';
import { localFileStore, type FileStore } from './files/fileStore';
import { createFiles, type Files } from './files/files';
import { nowIso } from './ids';
import { createLinks, type Links } from './links/datasetLinks';
import type { LinkCheckOptions } from './links/linkChecker';
import { createJobs, type JobHandler, type Jobs } from './jobs/jobs';
import type { QualityScorer } from './quality';
import { mqaQualityScorer } from './qualityScorer';
import type { Dataset } from '@bayan/schema';
import { createActivity, type ActivityLog } from './records/activity';
import { createAuth, type Auth } from './records/auth';
import { createDatasets, type Datasets } from './records/datasets';
import { createHarvests, type Harvests } from './records/harvest';
import { createInventory, type Inventory } from './records/inventory';
import { createOrganizations, type Organizations } from './records/organizations';
import { createReports, type Reports } from './records/reports';
import { createUsers, type Users } from './records/users';
import { explainSearch, searchDatasets, type SearchQuery, type SearchResult } from './search/search';
import { createSearchEngine } from './search/searchEngine';

/** How to open a catalogue: where its data lives, plus optional hooks. */
export type CatalogOptions = StoreLocation & {
  /** The quality scorer run on every dataset change; default {@link mqaQualityScorer} (`@bayan/quality`). */
  quality?: QualityScorer;
  /** Checks records against DCAT-AP (see {@link dcatApComplianceCheck}); default not checked. */
  dcatApCompliance?: (dataset: Dataset) => Promise<boolean | undefined>;
  /** Where file bytes go; default a local folder (`<data>/files`, or `files` for PostgreSQL). */
  fileStore?: FileStore;
  /** Largest upload in bytes; default 100 MiB. */
  maxFileBytes?: number;
  /** Link checker settings (address policy, timeouts, politeness). */
  links?: LinkCheckOptions;
  /** Most rows a datastore query returns in one page; default 1,000. */
  rowCap?: number;
  /** The clock as an ISO string, for tests; default the system clock. */
  now?: () => string;
  /** The clock in epoch ms for job scheduling, for tests; default `Date.now`. */
  clock?: () => number;
  /**
   * How searches run: `memory` (default) keeps an in-memory index per process, fed by the
   * database's change log; `sql` runs every search as SQL (FTS5 or tsvector), for catalogues too
   * large to hold in memory (about 0.5 KB per dataset).
   */
  searchEngine?: 'memory' | 'sql';
  /** How many recent queries' totals and facet counts the memory engine keeps until the next change (default 512; 0: none). */
  searchCache?: number;
};

/** An open catalogue: every part of Bayan's engine without HTTP. */
export interface Catalog {
  /** `sqlite` (embedded) or `postgres`. */
  readonly backend: Backend;
  readonly organizations: Organizations;
  readonly users: Users;
  readonly datasets: Datasets;
  readonly inventory: Inventory;
  readonly harvests: Harvests;
  /** Validation reports, quality snapshots, link checks. */
  readonly reports: Reports;
  /** Typed tables of tabular resources, queried with a constrained JSON language. */
  readonly datastore: Datastore;
  /** Uploaded files: streamed, hashed, size-limited, content-type sniffed. */
  readonly files: Files;
  /** Link checks of datasets' distributions. */
  readonly links: Links;
  /**
   * The handlers of the catalogue's own jobs, for `jobs.runner()`: `link-check` (payload
   * `{ datasetId }`), `refresh` (`{ datasetId }`: rescore + reindex) and `reindex` (everything).
   */
  jobHandlers(): Record<string, JobHandler>;
  /** The job queue (in the same database) and its runners. */
  readonly jobs: Jobs;
  /** The activity log, newest first. */
  readonly activity: ActivityLog;
  /** API tokens (hashed), server-side sign-in sessions (revocable) and the audit trail of writes. */
  readonly auth: Auth;
  /** Full-text search with facets over the datasets. */
  search(query?: SearchQuery): Promise<SearchResult>;
  /** Loads the in-memory search index now rather than on the first search; returns how many documents it holds (0 with the `sql` engine). */
  warmSearch(): Promise<number>;
  /** The SQL statements (with parameters) that `search(query)` runs: for EXPLAIN and baselines. */
  explainSearch(query?: SearchQuery): { sql: string; parameters: readonly unknown[] }[];
  /** Rebuilds the quality scores and search entries of every dataset; returns how many. */
  reindex(onProgress?: (done: number, total: number) => void): Promise<number>;
  /** The underlying store (for the server's health checks and advanced use). */
  readonly store: Store;
  close(): Promise<void>;
}

/**
 * Opens a catalogue: embedded in a data folder (SQLite, created on first use) or on a PostgreSQL
 * server selected by URL. Migrations run on open.
 *
 * @example
 * ```ts
 * const catalog = await openCatalog({ data: './data' });
 * // or: await openCatalog({ database: 'postgres://bayan@db:5432/bayan' });
 * const created = await catalog.datasets.create({ title: { fr: 'Budget' }, description: { fr: 'Loi de finances' } });
 * const found = await catalog.search({ q: 'budget', states: ['draft'] });
 * await catalog.close();
 * ```
 */
export async function openCatalog(options: CatalogOptions): Promise<Catalog> {
  const store = await openStore(options);
  const ctx: CatalogContext = { store, quality: options.quality ?? mqaQualityScorer, now: options.now ?? nowIso, dcatApCompliance: options.dcatApCompliance };
  const datasets = createDatasets(ctx);
  const reports = createReports(ctx, (id) => datasets.refresh(id));
  const links = createLinks(datasets, reports, options.links);
  const engine = options.searchEngine === 'sql' ? undefined : createSearchEngine(store.reader, { cacheSize: options.searchCache, sqlite: store.readerSqlite });
async function reindex(onProgress?: (done: number, total: number) => void): Promise<number> {
    const total = Number((await store.db.selectFrom('datasets').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    let done = 0;
    let cursor: string | undefined;
    do {
      const page = await datasets.list({ limit: 500, cursor });
      for (const d of page.items) {
        await datasets.refresh(d.id);
        done++;
      }
      onProgress?.(done, total);
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return done;
  }
  return {
    backend: store.backend,
    store,
    organizations: createOrganizations(ctx),
    users: createUsers(ctx),
    datasets,
    inventory: createInventory(ctx),
    harvests: createHarvests(ctx),
    reports,
    links,
    activity: createActivity(ctx),
    auth: createAuth(ctx),
    datastore: createDatastore(ctx, { rowCap: options.rowCap }),
    jobs: createJobs(ctx, options.clock),
    files: createFiles(ctx, options.fileStore ?? localFileStore(store.filesDir), { maxBytes: options.maxFileBytes }),
    search: (query = {}) => (engine === undefined ? searchDatasets(store.db, store.backend, query) : engine.search(query)),
    warmSearch: () => (engine === undefined ? Promise.resolve(0) : engine.warm()),
    explainSearch: (query = {}) => explainSearch(store.db, store.backend, query),
    jobHandlers() {
      const datasetIdOf = (payload: unknown): string => {
        const id = (payload as { datasetId?: unknown } | null)?.datasetId;
        if (typeof id !== 'string') throw new Error('payload needs a datasetId');
        return id;
      };
      return {
        'link-check': async (job, helpers) => {
          const results = await links.checkDataset(datasetIdOf(job.payload));
          await helpers.progress(1);
          return { checked: results.length, broken: results.filter((r) => !r.ok).length };
        },
        refresh: async (job) => {
          await datasets.refresh(datasetIdOf(job.payload));
          return null;
        },
        reindex: async (_job, helpers) => ({ datasets: await reindex((done, total) => void helpers.progress(total === 0 ? 1 : done / total)) }),
      };
    },
    reindex,
    close: () => store.close(),
  };
}
