import type { Dataset } from '@bayan/schema';
import { sql, type Kysely } from 'kysely';
import { insertRows } from '../context';
import type { Backend } from '../db/store';
import type { Tables } from '../db/tables';
import { formatCode, type QualitySummary } from '../quality';
import { normalizeSearchText } from './normalize';

/**
 * The facets search counts and filters on.
 *
 * @example
 * ```ts
 * await catalog.search({ filters: { theme: ['ECON'] }, facets: facetNames });
 * ```
 */
export const facetNames = ['theme', 'organization', 'format', 'licence', 'keyword', 'language', 'quality', 'openness'] as const;

/** One facet: `theme`, `organization`, `format`, `licence`, `keyword`, `language`, `quality` or `openness`. */
export type FacetName = (typeof facetNames)[number];

function lastSegment(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}

function texts(value: { fr?: string | undefined; ar?: string | undefined; en?: string | undefined } | undefined): string {
  if (value === undefined) return '';
  return [value.fr, value.ar, value.en].filter((t): t is string => t !== undefined).join(' \n ');
}

/** The facet values of a dataset, as stored in the index. */
export function facetValuesOf(dataset: Dataset, quality: QualitySummary): [FacetName, string][] {
  const values = new Set<string>();
  const add = (facet: FacetName, value: string | undefined) => {
    if (value !== undefined && value !== '') values.add(`${facet}\u0000${value.slice(0, 200)}`);
  };
  for (const theme of dataset.themes ?? []) add('theme', lastSegment(theme));
  add('organization', dataset.organizationId);
  for (const d of dataset.distributions) {
    add('format', formatCode(d));
    add('licence', d.license);
  }
  for (const list of Object.values(dataset.keywords ?? {})) for (const k of list) add('keyword', k.toLowerCase());
  for (const lang of ['fr', 'ar', 'en'] as const) {
    if (dataset.title[lang] !== undefined || dataset.description[lang] !== undefined) add('language', lang);
  }
  add('quality', quality.band);
  add('openness', String(quality.openness));
  return [...values].map((v) => v.split('\u0000') as [FacetName, string]);
}

/** What the index keeps about one dataset. */
export interface IndexEntry {
  datasetId: string;
  state: string;
  record: Dataset;
  quality: QualitySummary;
  modified: string;
}

/** The sort key of a title: its normalised text in the first language present. */
export function titleSortKey(dataset: Dataset): string {
  const t = dataset.title;
  return normalizeSearchText(t.fr ?? t.en ?? t.ar ?? '').slice(0, 200);
}

/**
 * Writes (or rewrites) one dataset's index entry. Runs inside the caller's transaction so the
 * index never disagrees with the records.
 */
export async function indexDataset(db: Kysely<Tables>, backend: Backend, entry: IndexEntry): Promise<void> {
  await indexDatasets(db, backend, [entry]);
}

/** The search_docs row of an index entry. */
function docRow(entry: IndexEntry) {
  const r = entry.record;
  return {
    dataset_id: entry.datasetId,
    organization_id: r.organizationId ?? null,
    state: entry.state,
    title_sort: titleSortKey(r),
    modified: entry.modified,
    quality_score: entry.quality.score,
    title_text: normalizeSearchText(texts(r.title)),
    description_text: normalizeSearchText(texts(r.description)),
    keywords_text: normalizeSearchText(Object.values(r.keywords ?? {}).flat().join(' \n ')),
  };
}

/**
 * Indexes many datasets, new or already indexed, with a handful of multi-row statements (the
 * bulk path of imports and harvests): documents are upserted on their dataset id, their old facet
 * and full-text rows replaced. Runs inside the caller's transaction.
 */
export async function indexDatasets(db: Kysely<Tables>, backend: Backend, entries: IndexEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map(docRow);
  const chunk = 1000;
  const existing: number[] = [];
  for (let i = 0; i < rows.length; i += chunk) {
    const ids = rows.slice(i, i + chunk).map((r) => r.dataset_id);
    for (const row of await db.selectFrom('search_docs').select('doc_id').where('dataset_id', 'in', ids).execute()) existing.push(Number(row.doc_id));
  }
  for (let i = 0; i < existing.length; i += chunk) {
    const docIds = existing.slice(i, i + chunk);
    await db.deleteFrom('search_facets').where('doc_id', 'in', docIds).execute();
    if (backend === 'sqlite') await sql`DELETE FROM search_fts WHERE rowid IN (${sql.join(docIds)})`.execute(db);
  }
  const docIds = new Map<string, number>();
  for (let i = 0; i < rows.length; i += chunk) {
    const upserted = await db
      .insertInto('search_docs')
      .values(rows.slice(i, i + chunk))
      .onConflict((oc) =>
        oc.column('dataset_id').doUpdateSet((eb) => ({
          organization_id: eb.ref('excluded.organization_id'),
          state: eb.ref('excluded.state'),
          title_sort: eb.ref('excluded.title_sort'),
          modified: eb.ref('excluded.modified'),
          quality_score: eb.ref('excluded.quality_score'),
          title_text: eb.ref('excluded.title_text'),
          description_text: eb.ref('excluded.description_text'),
          keywords_text: eb.ref('excluded.keywords_text'),
        })),
      )
      .returning(['doc_id', 'dataset_id'])
      .execute();
    for (const row of upserted) docIds.set(row.dataset_id, Number(row.doc_id));
  }
  if (backend === 'sqlite') {
    for (let i = 0; i < rows.length; i += chunk) {
      const values = rows.slice(i, i + chunk).map((row) => sql`(${docIds.get(row.dataset_id)}, ${row.title_text}, ${row.keywords_text}, ${row.description_text})`);
      await sql`INSERT INTO search_fts (rowid, title, keywords, description) VALUES ${sql.join(values)}`.execute(db);
    }
  }
  const facets: Record<string, unknown>[] = [];
  for (const entry of entries) {
    const docId = docIds.get(entry.datasetId);
    for (const [facet, value] of facetValuesOf(entry.record, entry.quality)) facets.push({ doc_id: docId, facet, value });
  }
  await insertRows(db, 'search_facets', facets);
  await logSearchChanges(db, backend, entries.map((e) => e.datasetId));
}

/** Removes a dataset from the index. */
export async function unindexDataset(db: Kysely<Tables>, backend: Backend, datasetId: string): Promise<void> {
  const existing = await db.selectFrom('search_docs').select('doc_id').where('dataset_id', '=', datasetId).executeTakeFirst();
  if (!existing) return;
  await db.deleteFrom('search_facets').where('doc_id', '=', existing.doc_id).execute();
  if (backend === 'sqlite') await sql`DELETE FROM search_fts WHERE rowid = ${existing.doc_id}`.execute(db);
  await db.deleteFrom('search_docs').where('doc_id', '=', existing.doc_id).execute();
  await logSearchChanges(db, backend, [datasetId]);
}

/**
 * Appends dataset ids to the search change log, inside the caller's transaction. On PostgreSQL a
 * transaction-scoped advisory lock orders the appends by commit, so a reader that has seen
 * sequence number n has seen every change numbered below n.
 */
export async function logSearchChanges(db: Kysely<Tables>, backend: Backend, datasetIds: readonly string[]): Promise<void> {
  if (datasetIds.length === 0) return;
  if (backend === 'postgres') await sql`SELECT pg_advisory_xact_lock(hashtext(${'bayan-search-log:'} || current_schema()))`.execute(db);
  let seq = 0;
  for (let i = 0; i < datasetIds.length; i += 5000) {
    const rows = await db
      .insertInto('search_log')
      .values(datasetIds.slice(i, i + 5000).map((id) => ({ dataset_id: id })))
      .returning('seq')
      .execute();
    for (const row of rows) seq = Math.max(seq, Number(row.seq));
  }
  // Keep the last 100,000 entries: a reader further behind reloads the whole index.
  if (Math.floor(seq / 10_000) !== Math.floor((seq - datasetIds.length) / 10_000)) {
    await db.deleteFrom('search_log').where('seq', '<=', seq - 100_000).execute();
  }
}
