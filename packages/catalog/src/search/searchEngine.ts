// The search engine of one process: an in-memory index (memoryIndex.ts) kept in step with the
// database through `search_log`, the change feed every index write appends to in the writer's
// transaction. Before each search the engine reads the log's last sequence number (one indexed
// lookup) and replays what it has not seen, so a search sees every committed change, whichever
// process made it (server, `bayan worker`, a harvest), on both backends.
import type { Dataset } from '@bayan/schema';
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/tables';
import { encodeCursor } from '../ids';
import { MemoryIndex, type IndexedDoc, type MemorySort } from './memoryIndex';
import { searchTokens } from './normalize';
import { facetNames, type FacetName } from './searchIndex';
import { readCursor, type SearchQuery, type SearchResult, type SearchSort } from './search';

const MAX_FILTER_VALUES = 100;
const MAX_QUERY_TOKENS = 32;
const CHUNK = 500;

/** A search engine bound to one database. */
export interface SearchEngine {
  search(query: SearchQuery): Promise<SearchResult>;
  /** Loads the index now (otherwise the first search does); returns the documents indexed. */
  warm(): Promise<number>;
  /** Drops the in-memory index; the next search reloads it from the database. */
  reset(): void;
}

interface DocRow {
  doc_id: number;
  dataset_id: string;
  state: string;
  title_sort: string;
  modified: string;
  quality_score: number;
  title_text: string;
  keywords_text: string;
  description_text: string;
}

function toDoc(row: DocRow, facets: (readonly [string, string])[]): IndexedDoc {
  return {
    docId: Number(row.doc_id),
    datasetId: row.dataset_id,
    state: row.state,
    titleSort: row.title_sort,
    modified: row.modified,
    qualityScore: Number(row.quality_score),
    titleText: row.title_text,
    keywordsText: row.keywords_text,
    descriptionText: row.description_text,
    facets,
  };
}

/** Facet rows grouped by document. */
function byDoc(rows: { doc_id: number; facet: string; value: string }[]): Map<number, [string, string][]> {
  const facets = new Map<number, [string, string][]>();
  for (const f of rows) {
    const id = Number(f.doc_id);
    let list = facets.get(id);
    if (list === undefined) facets.set(id, (list = []));
    list.push([f.facet, f.value]);
  }
  return facets;
}

const DOC_COLUMNS = ['doc_id', 'dataset_id', 'state', 'title_sort', 'modified', 'quality_score', 'title_text', 'keywords_text', 'description_text'] as const;

/**
 * Creates the search engine of a catalogue.
 *
 * @example
 * ```ts
 * const engine = createSearchEngine(store.db);
 * const result = await engine.search({ q: 'budget', facets: ['theme'] });
 * ```
 */
export function createSearchEngine(db: Kysely<Tables>, options: { cacheSize?: number; sqlite?: BetterSqlite3.Database | undefined } = {}): SearchEngine {
  const index = new MemoryIndex(options);
  // On SQLite the two reads of every search run as prepared statements (kysely prepares anew each time).
  const { sqlite } = options;
  const lastSeqStatement = sqlite?.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM search_log');
  const pageStatements = new Map<number, BetterSqlite3.Statement<string[], { id: string; slug: string; state: string; record: string }>>();
  function pageStatement(count: number) {
    let statement = pageStatements.get(count);
    if (statement === undefined && sqlite !== undefined) {
      statement = sqlite.prepare(`SELECT id, slug, state, record FROM datasets WHERE id IN (${Array.from({ length: count }, () => '?').join(', ')})`);
      pageStatements.set(count, statement);
    }
    return statement;
  }
  let lastSeq = -1;
  let syncing: Promise<void> | undefined;

  async function maxSeq(): Promise<number> {
    if (lastSeqStatement !== undefined) return Number(lastSeqStatement.get()?.seq ?? 0);
    const row = await db.selectFrom('search_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
    return Number(row?.seq ?? 0);
  }

  async function loadAll(): Promise<void> {
    // The log position is read first: changes committed while the documents load are replayed
    // again on the next sync (replaying is idempotent).
    const seq = await maxSeq();
    index.clear();
    let after = -1;
    for (;;) {
      const rows = (await db.selectFrom('search_docs').select(DOC_COLUMNS).where('doc_id', '>', after).orderBy('doc_id').limit(20_000).execute()) as DocRow[];
      if (rows.length === 0) break;
      const first = Number(rows[0]?.doc_id);
      const last = Number(rows.at(-1)?.doc_id);
      const facets = byDoc(await db.selectFrom('search_facets').select(['doc_id', 'facet', 'value']).where('doc_id', '>=', first).where('doc_id', '<=', last).execute());
      for (const row of rows) index.upsert(toDoc(row, facets.get(Number(row.doc_id)) ?? []));
      after = last;
    }
    lastSeq = seq;
  }

  async function apply(datasetIds: string[]): Promise<void> {
    for (let i = 0; i < datasetIds.length; i += CHUNK) {
      const ids = datasetIds.slice(i, i + CHUNK);
      const rows = (await db.selectFrom('search_docs').select(DOC_COLUMNS).where('dataset_id', 'in', ids).execute()) as DocRow[];
      const docIds = rows.map((r) => Number(r.doc_id));
      const facets = byDoc(docIds.length === 0 ? [] : await db.selectFrom('search_facets').select(['doc_id', 'facet', 'value']).where('doc_id', 'in', docIds).execute());
      const present = new Set<string>();
      for (const row of rows) {
        present.add(row.dataset_id);
        index.upsert(toDoc(row, facets.get(Number(row.doc_id)) ?? []));
      }
      for (const id of ids) if (!present.has(id)) index.remove(id);
    }
  }

  async function catchUp(): Promise<void> {
    if (lastSeq < 0) return loadAll();
    const seq = await maxSeq();
    if (seq <= lastSeq) return;
    const oldest = await db.selectFrom('search_log').select((eb) => eb.fn.min('seq').as('seq')).executeTakeFirst();
    // Entries after lastSeq were pruned, or too many changed: reloading is simpler and as fast.
    if (Number(oldest?.seq ?? 0) > lastSeq + 1 || seq - lastSeq > Math.max(10_000, index.size)) return loadAll();
    const changed = await db.selectFrom('search_log').select('dataset_id').distinct().where('seq', '>', lastSeq).where('seq', '<=', seq).execute();
    await apply(changed.map((r) => r.dataset_id));
    lastSeq = seq;
  }

  function sync(): Promise<void> {
    // Concurrent searches share one catch-up.
    syncing ??= catchUp().finally(() => {
      syncing = undefined;
    });
    return syncing;
  }

  async function search(query: SearchQuery): Promise<SearchResult> {
    await sync();
    const tokens = query.q === undefined ? [] : searchTokens(query.q, MAX_QUERY_TOKENS);
    const textual = tokens.length > 0;
    const sort: SearchSort = query.sort ?? (textual ? 'relevance' : 'modified');
    const effective: MemorySort = sort === 'relevance' && !textual ? 'modified' : sort;
    const order = query.order ?? (effective === 'title' ? 'asc' : 'desc');
    const limit = Math.max(1, Math.min(100, Math.trunc(query.limit ?? 20)));
    const filters = new Map<string, string[]>();
    for (const facet of facetNames) {
      const values = query.filters?.[facet];
      if (values !== undefined && values.length > 0) filters.set(facet, values.slice(0, MAX_FILTER_VALUES).map(String));
    }
    const wanted = (query.facets ?? facetNames).filter((f): f is FacetName => (facetNames as readonly string[]).includes(f));
    const cursor = readCursor(query.cursor);
    const states = query.states ?? ['published'];
    const found = index.search({
      tokens,
      states: states.length > 0 ? states : ['published'],
      filters,
      facets: wanted,
      sort: effective,
      order,
      take: limit + 1,
      after: cursor === undefined ? undefined : { value: cursor.s, docId: cursor.d },
    });

    const facetLimit = Math.max(1, Math.min(1000, query.facetLimit ?? 50));
    const facets: SearchResult['facets'] = {};
    for (const facet of wanted) {
      const counts = [...(found.facets.get(facet) ?? new Map<string, number>())].map(([value, count]) => ({ value, count }));
      counts.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
      facets[facet] = counts.slice(0, facetLimit);
    }

    const page = found.hits.slice(0, limit);
    const records = new Map<string, { slug: string; state: string; record: string }>();
    const prepared = page.length > 0 ? pageStatement(page.length) : undefined;
    if (prepared !== undefined) {
      for (const row of prepared.all(...page.map((h) => h.datasetId))) records.set(row.id, row);
    } else if (page.length > 0) {
      const rows = await db
        .selectFrom('datasets')
        .select(['id', 'slug', 'state', 'record'])
        .where(
          'id',
          'in',
          page.map((h) => h.datasetId),
        )
        .execute();
      for (const row of rows) records.set(row.id, row);
    }
    const items = page.flatMap((hit) => {
      const row = records.get(hit.datasetId);
      // Deleted between the index read and this one: leave it out of the page.
      if (row === undefined) return [];
      return [
        {
          id: hit.datasetId,
          slug: row.slug,
          state: row.state,
          record: JSON.parse(row.record) as Dataset,
          qualityScore: hit.qualityScore,
          modified: hit.modified,
          rank: hit.rank,
        },
      ];
    });
    const last = page.at(-1);
    const sortValue = (hit: NonNullable<typeof last>): number | string =>
      effective === 'relevance' ? hit.rank : effective === 'modified' ? hit.modified : effective === 'title' ? hit.titleSort : hit.qualityScore;
    return {
      total: found.total,
      items,
      facets,
      nextCursor: found.hits.length > limit && last !== undefined ? encodeCursor({ s: sortValue(last), d: last.docId }) : undefined,
    };
  }

  return {
    search,
    async warm() {
      await sync();
      return index.size;
    },
    reset() {
      lastSeq = -1;
      index.clear();
    },
  };
}
