import type { Dataset } from '@bayan/schema';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Backend } from '../db/store';
import type { Tables } from '../db/tables';
import { decodeCursor, encodeCursor } from '../ids';
import { facetNames, type FacetName } from './searchIndex';
import { searchTokens } from './normalize';

/** How search results are ordered. */
export type SearchSort = 'relevance' | 'modified' | 'title' | 'quality';

/** A search request. Every field is optional. */
export interface SearchQuery {
  /** Free text in fr, ar or en; every word must match, the last one as a prefix (the word being typed). */
  q?: string;
  /** Facet filters: values of one facet are OR-ed, facets are AND-ed. */
  filters?: Partial<Record<FacetName, readonly string[]>>;
  /** Facets to count; default all. */
  facets?: readonly FacetName[];
  /** Default `relevance` with text, `modified` without. */
  sort?: SearchSort;
  /** Default: descending for relevance, modified and quality, ascending for title. */
  order?: 'asc' | 'desc';
  /** Page size; default 20, at most 100. */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
  /** Publication states to include; default `['published']`. */
  states?: readonly string[];
  /** Most values returned per facet; default 50. */
  facetLimit?: number;
}

/** One result. */
export interface SearchHit {
  id: string;
  slug: string;
  state: string;
  record: Dataset;
  qualityScore: number;
  modified: string;
  /** Relevance (higher is better); 0 without text. */
  rank: number;
}

/** A page of results, the total and the facet counts over every match. */
export interface SearchResult {
  total: number;
  items: SearchHit[];
  facets: Partial<Record<FacetName, { value: string; count: number }[]>>;
  nextCursor: string | undefined;
}

const MAX_FILTER_VALUES = 100;
const MAX_QUERY_TOKENS = 32;

/** The text-match expression for each backend, or undefined when there is no text. */
export function textMatch(backend: Backend, q: string | undefined): string | undefined {
  if (q === undefined) return undefined;
  const tokens = searchTokens(q, MAX_QUERY_TOKENS);
  if (tokens.length === 0) return undefined;
  // Tokens hold only letters and digits (see searchTokens), so they cannot carry query syntax.
  // Every word must match; the last one as a prefix (the word being typed).
  const last = tokens.length - 1;
  if (backend === 'sqlite') return tokens.map((t, i) => (i === last ? `"${t}"*` : `"${t}"`)).join(' ');
  return tokens.map((t, i) => (i === last ? `${t}:*` : t)).join(' & ');
}

/** A search cursor: the last hit's sort value and doc id. */
export interface CursorValue {
  s: number | string;
  d: number;
}

/** Decodes a search cursor; undefined when absent or not one of ours (then the first page is returned). */
export function readCursor(cursor: string | undefined): CursorValue | undefined {
  const value = decodeCursor(cursor);
  if (typeof value !== 'object' || value === null) return undefined;
  const { s, d } = value as Record<string, unknown>;
  if ((typeof s !== 'number' && typeof s !== 'string') || typeof d !== 'number' || !Number.isInteger(d)) return undefined;
  return { s, d };
}

/** Builds the `hits` common table expression: matching docs with their sort keys. */
function hitsQuery(backend: Backend, query: SearchQuery, match: string | undefined): RawBuilder<unknown> {
  const states = query.states ?? ['published'];
  const conditions: RawBuilder<unknown>[] = [sql`d.state IN (${sql.join(states.length > 0 ? states : ['published'])})`];
  for (const facet of facetNames) {
    const values = query.filters?.[facet];
    if (values === undefined || values.length === 0) continue;
    const bounded = values.slice(0, MAX_FILTER_VALUES);
    // With text, few documents match: probe each one's facets through the (doc_id, facet, value)
    // index. Without text, build the list of documents having the value once.
    conditions.push(
      match !== undefined
        ? sql`EXISTS (SELECT 1 FROM search_facets sf WHERE sf.doc_id = d.doc_id AND sf.facet = ${facet} AND sf.value IN (${sql.join(bounded)}))`
        : sql`d.doc_id IN (SELECT doc_id FROM search_facets WHERE facet = ${facet} AND value IN (${sql.join(bounded)}))`,
    );
  }
  const where = sql.join(conditions, sql` AND `);
  if (match === undefined) {
    return sql`SELECT d.doc_id, d.dataset_id, 0.0 AS rank, d.modified, d.title_sort, d.quality_score FROM search_docs d WHERE ${where}`;
  }
  if (backend === 'sqlite') {
    return sql`SELECT d.doc_id, d.dataset_id, -bm25(search_fts, 10.0, 5.0, 1.0) AS rank, d.modified, d.title_sort, d.quality_score
      FROM search_fts JOIN search_docs d ON d.doc_id = search_fts.rowid
      WHERE search_fts MATCH ${match} AND ${where}`;
  }
  return sql`SELECT d.doc_id, d.dataset_id, ts_rank(d.tsv, to_tsquery('simple', ${match}))::double precision AS rank, d.modified, d.title_sort, d.quality_score
    FROM search_docs d WHERE d.tsv @@ to_tsquery('simple', ${match}) AND ${where}`;
}

const SORT_COLUMNS: Record<SearchSort, string> = { relevance: 'rank', modified: 'modified', title: 'title_sort', quality: 'quality_score' };

interface BuiltSearch {
  page: RawBuilder<{ doc_id: number; dataset_id: string; rank: number; modified: string; title_sort: string; quality_score: number; slug: string; state: string; record: string }>;
  total: RawBuilder<{ n: number }>;
  facets: RawBuilder<{ facet: FacetName; value: string; n: number }> | undefined;
  wanted: FacetName[];
  limit: number;
  effectiveSort: SearchSort;
}

function buildSearch(backend: Backend, query: SearchQuery): BuiltSearch {
  const match = textMatch(backend, query.q);
  const sort: SearchSort = query.sort ?? (match !== undefined ? 'relevance' : 'modified');
  const effectiveSort: SearchSort = sort === 'relevance' && match === undefined ? 'modified' : sort;
  const order = query.order ?? (effectiveSort === 'title' ? 'asc' : 'desc');
  const limit = Math.max(1, Math.min(100, Math.trunc(query.limit ?? 20)));
  const column = sql.ref(SORT_COLUMNS[effectiveSort]);
  const hits = hitsQuery(backend, query, match);
  const cursor = readCursor(query.cursor);
  const after =
    cursor === undefined
      ? sql`1 = 1`
      : order === 'desc'
        ? sql`(${column} < ${cursor.s} OR (${column} = ${cursor.s} AND doc_id > ${cursor.d}))`
        : sql`(${column} > ${cursor.s} OR (${column} = ${cursor.s} AND doc_id > ${cursor.d}))`;
  const direction = order === 'desc' ? sql`DESC` : sql`ASC`;
  const page = sql<{ doc_id: number; dataset_id: string; rank: number; modified: string; title_sort: string; quality_score: number; slug: string; state: string; record: string }>`
    WITH hits AS (${hits})
    SELECT h.doc_id, h.dataset_id, h.rank, h.modified, h.title_sort, h.quality_score, ds.slug, ds.state, ds.record
    FROM (SELECT * FROM hits WHERE ${after} ORDER BY ${column} ${direction}, doc_id ASC LIMIT ${limit + 1}) h
    JOIN datasets ds ON ds.id = h.dataset_id
    ORDER BY h.${column} ${direction}, h.doc_id ASC`;
  const total = sql<{ n: number }>`WITH hits AS (${hits}) SELECT count(*) AS n FROM hits`;
  const wanted = (query.facets ?? facetNames).filter((f) => (facetNames as readonly string[]).includes(f));
  const facets =
    wanted.length > 0
      ? sql<{ facet: FacetName; value: string; n: number }>`
      WITH hits AS (${hits})
      SELECT f.facet, f.value, count(*) AS n FROM search_facets f JOIN hits h ON h.doc_id = f.doc_id
      WHERE f.facet IN (${sql.join(wanted)}) GROUP BY f.facet, f.value`
      : undefined;
  return { page, total, facets, wanted, limit, effectiveSort };
}

/**
 * The SQL statements a search runs (page, total, facet counts) with their parameters: for
 * `EXPLAIN`, debugging, and the benchmark's bare-SQL baseline.
 */
export function explainSearch(db: Kysely<Tables>, backend: Backend, query: SearchQuery): { sql: string; parameters: readonly unknown[] }[] {
  const built = buildSearch(backend, query);
  return [built.page, built.total, ...(built.facets ? [built.facets] : [])].map((b) => {
    const compiled = b.compile(db);
    return { sql: compiled.sql, parameters: compiled.parameters };
  });
}

/**
 * Searches the catalogue: full text in fr/ar/en, facet filters and counts, sorting and stable
 * cursor pagination.
 */
export async function searchDatasets(db: Kysely<Tables>, backend: Backend, query: SearchQuery): Promise<SearchResult> {
  const { page: pageSql, total: totalSql, facets: facetsSql, wanted, limit, effectiveSort } = buildSearch(backend, query);
  const page = await pageSql.execute(db);
  const total = await totalSql.execute(db);
  const facets: SearchResult['facets'] = {};
  if (facetsSql !== undefined) {
    const counts = await facetsSql.execute(db);
    const facetLimit = Math.max(1, Math.min(1000, query.facetLimit ?? 50));
    for (const facet of wanted) facets[facet] = [];
    for (const row of counts.rows) facets[row.facet]?.push({ value: row.value, count: Number(row.n) });
    for (const facet of wanted) {
      const list = facets[facet] ?? [];
      list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
      facets[facet] = list.slice(0, facetLimit);
    }
  }
  const rows = page.rows.slice(0, limit);
  const last = rows.at(-1);
  const sortValueOf = (row: (typeof rows)[number]): number | string =>
    effectiveSort === 'relevance' ? Number(row.rank) : effectiveSort === 'modified' ? row.modified : effectiveSort === 'title' ? row.title_sort : Number(row.quality_score);
  return {
    total: Number(total.rows[0]?.n ?? 0),
    items: rows.map((row) => ({
      id: row.dataset_id,
      slug: row.slug,
      state: row.state,
      record: JSON.parse(row.record) as Dataset,
      qualityScore: Number(row.quality_score),
      modified: row.modified,
      rank: Number(row.rank),
    })),
    facets,
    nextCursor: page.rows.length > limit && last !== undefined ? encodeCursor({ s: sortValueOf(last), d: Number(last.doc_id) }) : undefined,
  };
}
