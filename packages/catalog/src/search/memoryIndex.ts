// An in-memory inverted index over the search documents the database keeps (search_docs,
// search_facets). Each process holds one and replays the database's change log into it (see
// searchEngine.ts), so a search never scans SQL: matching, BM25 ranking, facet counts and the
// top-k page are computed over typed arrays in a few milliseconds on 100,000 datasets.
//
// Documents live in numbered slots. An update retires the old slot and fills a new one; postings
// keep pointing at retired slots until compact() filters them out, so no update ever rewrites a
// postings list in place.

/** One document as the index receives it: the normalised texts and facet values of a dataset. */
export interface IndexedDoc {
  /** The database's `search_docs.doc_id`: the stable tie-breaker of every sort. */
  docId: number;
  datasetId: string;
  state: string;
  titleSort: string;
  modified: string;
  qualityScore: number;
  /** Normalised text (tokens joined by spaces, see `normalizeSearchText`). */
  titleText: string;
  keywordsText: string;
  descriptionText: string;
  facets: readonly (readonly [facet: string, value: string])[];
}

/** How matches are ordered; ties are broken by ascending `docId`. */
export type MemorySort = 'relevance' | 'modified' | 'title' | 'quality';

/** A query already normalised by the caller. */
export interface MemoryQuery {
  /** Normalised words: every one must match, the last one as a prefix. Empty: no text. */
  tokens: readonly string[];
  states: readonly string[];
  /** facet → accepted values (OR inside a facet, AND across facets). */
  filters: ReadonlyMap<string, readonly string[]>;
  /** Facets to count over every match. */
  facets: readonly string[];
  sort: MemorySort;
  order: 'asc' | 'desc';
  /** How many hits to return (the caller asks one more than a page to know whether another follows). */
  take: number;
  /** Keyset: only hits strictly after (sort value, docId). */
  after?: { value: number | string; docId: number } | undefined;
}

/** One hit: what the index knows about a matching document. */
export interface MemoryHit {
  docId: number;
  datasetId: string;
  rank: number;
  modified: string;
  titleSort: string;
  qualityScore: number;
}

/** Matches, the requested page of hits and facet counts (value → count) over every match. */
export interface MemoryResult {
  total: number;
  hits: MemoryHit[];
  facets: Map<string, Map<string, number>>;
}

// Field weights of the relevance score: a word in the title counts ten times a word in the
// description, a keyword five times (the same weights the SQL engines give FTS5's bm25 and ts_rank).
const TITLE_WEIGHT = 10;
const KEYWORD_WEIGHT = 5;
const DESCRIPTION_WEIGHT = 1;
const K1 = 1.2;
const B = 0.75;

/** A growable list of (slot, weight) pairs. */
class Postings {
  slots = new Int32Array(4);
  weights = new Float32Array(4);
  length = 0;

  push(slot: number, weight: number): void {
    if (this.length === this.slots.length) {
      const slots = new Int32Array(this.length * 2);
      slots.set(this.slots);
      this.slots = slots;
      const weights = new Float32Array(this.length * 2);
      weights.set(this.weights);
      this.weights = weights;
    }
    this.slots[this.length] = slot;
    this.weights[this.length] = weight;
    this.length++;
  }

  /** Drops the entries of retired slots. */
  compact(alive: Uint8Array): void {
    let kept = 0;
    for (let i = 0; i < this.length; i++) {
      const slot = this.slots[i] as number;
      if (alive[slot] === 1) {
        this.slots[kept] = slot;
        this.weights[kept] = this.weights[i] as number;
        kept++;
      }
    }
    this.length = kept;
  }
}

function grownInt32(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(size);
  next.set(array);
  return next;
}

function grownFloat64(array: Float64Array, size: number): Float64Array<ArrayBuffer> {
  const next = new Float64Array(size);
  next.set(array);
  return next;
}

function grownUint8(array: Uint8Array, size: number): Uint8Array<ArrayBuffer> {
  const next = new Uint8Array(size);
  next.set(array);
  return next;
}

/**
 * An in-memory full-text and facet index.
 *
 * @example
 * ```ts
 * const index = new MemoryIndex();
 * index.upsert({ docId: 1, datasetId: 'd1', state: 'published', titleSort: 'budget', modified: '2024-01-01',
 *   qualityScore: 200, titleText: 'budget', keywordsText: '', descriptionText: '', facets: [['theme', 'ECON']] });
 * index.search({ tokens: ['bud'], states: ['published'], filters: new Map(), facets: ['theme'], sort: 'relevance', order: 'desc', take: 20 });
 * ```
 */
export class MemoryIndex {
  // Per slot.
  #capacity = 0;
  #used = 0;
  #alive = new Uint8Array(0);
  #docId = new Float64Array(0);
  #quality = new Float64Array(0);
  #length = new Float64Array(0);
  #state = new Uint8Array(0);
  #datasetId: string[] = [];
  #modified: string[] = [];
  #titleSort: string[] = [];
  // Facet value ids of every slot, flat: slot's values are #values[#valueStart[slot] .. + #valueLength[slot]].
  #values = new Int32Array(4096);
  #valuesUsed = 0;
  #valueStart = new Int32Array(0);
  #valueLength = new Int32Array(0);
  #free: number[] = [];
  #slotOf = new Map<string, number>();
  #liveLength = 0;
  #retired = 0;

  // Terms and facet values.
  #terms = new Map<string, Postings>();
  #sortedTerms: string[] | undefined = [];
  #stateIds = new Map<string, number>();
  // Live documents per state, and per state how many live documents have each facet value: a
  // browse without text or filters reads its total and facet counts here instead of counting.
  #stateLive: number[] = [];
  #stateValueCounts: Int32Array[] = [];
  #valueIds = new Map<string, number>();
  #valueFacet: string[] = [];
  #valueFacetIndex = new Uint8Array(256);
  #facetIndex = new Map<string, number>();
  #valueName: string[] = [];
  #valueDocs: Postings[] = [];

  // Scratch space reused by every search (a search runs synchronously, start to end).
  #generation = 0;
  #mark = new Int32Array(0);
  #matched = new Int32Array(0);
  #score = new Float64Array(0);
  #contribution = new Float64Array(0);
  #valueMask = new Int32Array(0);
  #valueCount = new Int32Array(0);
  #passed = new Int32Array(0);
  // Presorted orders of the live slots by `sort:order`, with the slots added since.
  #orders = new Map<string, { slots: Int32Array; pending: number[] }>();
  // Totals and facet counts of recent queries, valid while #version is unchanged.
  #version = 0;
  #cache = new Map<string, { version: number; total: number; facets: Map<string, Map<string, number>> }>();
  readonly #cacheSize: number;

  /** @param options.cacheSize how many queries' totals and facet counts to keep (default 512; 0 turns the cache off). */
  constructor(options: { cacheSize?: number } = {}) {
    this.#cacheSize = Math.max(0, options.cacheSize ?? 512);
  }

  /** Documents in the index. */
  get size(): number {
    return this.#slotOf.size;
  }

  /** Whether a dataset is in the index. */
  has(datasetId: string): boolean {
    return this.#slotOf.has(datasetId);
  }

  /** Adds a document, or replaces the document of the same dataset. */
  upsert(doc: IndexedDoc): void {
    this.remove(doc.datasetId);
    const slot = this.#allocate();
    this.#alive[slot] = 1;
    this.#docId[slot] = doc.docId;
    this.#quality[slot] = doc.qualityScore;
    this.#state[slot] = this.#stateId(doc.state);
    this.#datasetId[slot] = doc.datasetId;
    this.#modified[slot] = doc.modified;
    this.#titleSort[slot] = doc.titleSort;
    this.#slotOf.set(doc.datasetId, slot);
    for (const [key, order] of this.#orders) {
      if (order.pending.length >= 2048) this.#orders.delete(key);
      else order.pending.push(slot);
    }

    const weights = new Map<string, number>();
    let length = 0;
    length += addTokens(weights, doc.titleText, TITLE_WEIGHT);
    length += addTokens(weights, doc.keywordsText, KEYWORD_WEIGHT);
    length += addTokens(weights, doc.descriptionText, DESCRIPTION_WEIGHT);
    this.#length[slot] = length;
    this.#liveLength += length;
    for (const [term, weight] of weights) {
      let postings = this.#terms.get(term);
      if (postings === undefined) {
        postings = new Postings();
        this.#terms.set(term, postings);
        this.#sortedTerms = undefined;
      }
      postings.push(slot, weight);
    }

    if (this.#valuesUsed + doc.facets.length > this.#values.length) this.#values = grownInt32(this.#values, Math.max(this.#values.length * 2, this.#valuesUsed + doc.facets.length));
    this.#valueStart[slot] = this.#valuesUsed;
    this.#valueLength[slot] = doc.facets.length;
    const state = this.#state[slot];
    this.#stateLive[state] = (this.#stateLive[state] ?? 0) + 1;
    for (const [facet, value] of doc.facets) {
      const id = this.#valueId(facet, value);
      this.#values[this.#valuesUsed++] = id;
      (this.#valueDocs[id] as Postings).push(slot, 1);
      const counts = this.#countsOf(state);
      counts[id] = (counts[id] as number) + 1;
    }
    this.#version++;
  }

  /** Removes a dataset's document; returns whether it was there. */
  remove(datasetId: string): boolean {
    const slot = this.#slotOf.get(datasetId);
    if (slot === undefined) return false;
    this.#slotOf.delete(datasetId);
    this.#alive[slot] = 0;
    this.#liveLength -= this.#length[slot] as number;
    const state = this.#state[slot] as number;
    this.#stateLive[state] = (this.#stateLive[state] ?? 1) - 1;
    const counts = this.#countsOf(state);
    const start = this.#valueStart[slot] as number;
    for (let v = start; v < start + (this.#valueLength[slot] as number); v++) {
      const id = this.#values[v] as number;
      counts[id] = (counts[id] as number) - 1;
    }
    this.#valueLength[slot] = 0;
    this.#retired++;
    this.#version++;
    if (this.#retired > 1024 && this.#retired > this.#slotOf.size) this.compact();
    return true;
  }

  /** Empties the index. */
  clear(): void {
    this.#capacity = 0;
    this.#used = 0;
    this.#alive = new Uint8Array(0);
    this.#docId = new Float64Array(0);
    this.#quality = new Float64Array(0);
    this.#length = new Float64Array(0);
    this.#state = new Uint8Array(0);
    this.#datasetId = [];
    this.#modified = [];
    this.#titleSort = [];
    this.#values = new Int32Array(4096);
    this.#valuesUsed = 0;
    this.#valueStart = new Int32Array(0);
    this.#valueLength = new Int32Array(0);
    this.#free = [];
    this.#slotOf.clear();
    this.#liveLength = 0;
    this.#retired = 0;
    this.#terms.clear();
    this.#sortedTerms = [];
    this.#valueIds.clear();
    this.#valueFacet = [];
    this.#valueFacetIndex = new Uint8Array(256);
    this.#facetIndex.clear();
    this.#valueName = [];
    this.#valueDocs = [];
    this.#valueMask = new Int32Array(0);
    this.#valueCount = new Int32Array(0);
    this.#passed = new Int32Array(0);
    this.#orders.clear();
    this.#cache.clear();
    this.#stateLive = [];
    this.#stateValueCounts = [];
    this.#version++;
  }

  /** Drops retired slots from every postings list so their slots can be reused. */
  compact(): void {
    for (const [term, postings] of this.#terms) {
      postings.compact(this.#alive);
      if (postings.length === 0) {
        this.#terms.delete(term);
        this.#sortedTerms = undefined;
      }
    }
    for (const postings of this.#valueDocs) postings.compact(this.#alive);
    const values = new Int32Array(Math.max(4096, this.#valuesUsed));
    let used = 0;
    for (let slot = 0; slot < this.#used; slot++) {
      const start = this.#valueStart[slot] as number;
      const length = this.#alive[slot] === 1 ? (this.#valueLength[slot] as number) : 0;
      values.set(this.#values.subarray(start, start + length), used);
      this.#valueStart[slot] = used;
      this.#valueLength[slot] = length;
      used += length;
    }
    this.#values = values;
    this.#valuesUsed = used;
    for (let slot = 0; slot < this.#used; slot++) {
      if (this.#alive[slot] === 0 && this.#datasetId[slot] !== '') {
        this.#datasetId[slot] = '';
        this.#modified[slot] = '';
        this.#titleSort[slot] = '';
        this.#free.push(slot);
      }
    }
    this.#retired = 0;
    // Reused slots would sit at their old place in the presorted orders.
    this.#orders.clear();
  }

  /** Runs a query: every match is counted and faceted, the best `take` after the cursor returned in order. */
  search(query: MemoryQuery): MemoryResult {
    const generation = this.#nextGeneration();
    const states = new Uint8Array(256);
    for (const state of query.states) {
      const id = this.#stateIds.get(state);
      if (id !== undefined) states[id] = 1;
    }

    // Filters: each filtered facet owns one bit; a document passes when it has a value carrying
    // every bit.
    const filterValues: number[] = [];
    let required = 0;
    let bit = 0;
    let impossible = false;
    for (const [facet, values] of query.filters) {
      if (values.length === 0) continue;
      const facetBit = 1 << bit++;
      required |= facetBit;
      let any = false;
      for (const value of values) {
        const id = this.#valueIds.get(`${facet}\u0000${value}`);
        if (id === undefined) continue;
        this.#valueMask[id] = (this.#valueMask[id] as number) | facetBit;
        filterValues.push(id);
        any = true;
      }
      if (!any) impossible = true;
    }
    try {
      if (impossible) return { total: 0, hits: [], facets: new Map(query.facets.map((f) => [f, new Map<string, number>()])) };
      const textual = query.tokens.length > 0;
      if (!textual && required === 0) return this.#browse(query, states);
      const candidates = textual ? this.#textCandidates(query.tokens, generation, states) : this.#facetCandidates(filterValues, required, generation);
      const count = candidates === undefined ? this.#used : candidates.length;
      // Many matches sorted by a stored key: walk a presorted order instead of ranking every match.
      const ordered = count > 2048 && !(query.sort === 'relevance' && textual);
      const cacheKey = this.#cacheSize > 0 ? JSON.stringify([query.tokens, query.states, [...query.filters], query.facets]) : undefined;
      const cached = cacheKey === undefined ? undefined : this.#cache.get(cacheKey);
      if (cached !== undefined && cached.version === this.#version && ordered) {
        // Total and facets are known: only the page is needed, found by walking the order.
        const matches = (slot: number) => this.#matches(slot, states, textual, generation, required);
        return { total: cached.total, hits: this.#toHits(this.#walk(query, matches), textual), facets: copyFacets(cached.facets) };
      }
      const result = this.#collect(candidates, count, ordered, query, states, required, generation, cached !== undefined && cached.version === this.#version);
      if (cacheKey !== undefined) {
        const facets = cached !== undefined && cached.version === this.#version ? cached.facets : result.facets;
        this.#cache.delete(cacheKey);
        this.#cache.set(cacheKey, { version: this.#version, total: result.total, facets });
        if (this.#cache.size > this.#cacheSize) this.#cache.delete(this.#cache.keys().next().value as string);
        result.facets = copyFacets(facets);
      }
      return result;
    } finally {
      for (const id of filterValues) this.#valueMask[id] = 0;
    }
  }

  /** Without text or filters: totals and facet counts kept per state, the page walked in order. */
  #browse(query: MemoryQuery, states: Uint8Array): MemoryResult {
    const facets = new Map<string, Map<string, number>>(query.facets.map((f) => [f, new Map<string, number>()]));
    let total = 0;
    for (const [, state] of this.#stateIds) {
      if (states[state] !== 1) continue;
      total += this.#stateLive[state] ?? 0;
      const counts = this.#stateValueCounts[state];
      if (counts === undefined) continue;
      for (let id = 0; id < this.#valueFacet.length; id++) {
        const n = counts[id] as number;
        if (n <= 0) continue;
        const byValue = facets.get(this.#valueFacet[id] as string);
        if (byValue === undefined) continue;
        const name = this.#valueName[id] as string;
        byValue.set(name, (byValue.get(name) ?? 0) + n);
      }
    }
    const alive = this.#alive;
    const stateOf = this.#state;
    const hits = this.#walk(query, (slot) => alive[slot] === 1 && states[stateOf[slot] as number] === 1);
    return { total, hits: this.#toHits(hits, false), facets };
  }

  /** Whether a slot matches the query (for pages walked without a full pass). */
  #matches(slot: number, states: Uint8Array, textual: boolean, generation: number, required: number): boolean {
    if (this.#alive[slot] !== 1 || states[this.#state[slot] as number] !== 1) return false;
    if (textual && this.#mark[slot] !== generation) return false;
    if (required === 0) return true;
    const start = this.#valueStart[slot] as number;
    const end = start + (this.#valueLength[slot] as number);
    let mask = 0;
    for (let v = start; v < end; v++) mask |= this.#valueMask[this.#values[v] as number] as number;
    return (mask & required) === required;
  }

  #collect(candidates: Int32Array | undefined, count: number, ordered: boolean, query: MemoryQuery, states: Uint8Array, required: number, generation: number, skipFacets: boolean): MemoryResult {
    const textual = query.tokens.length > 0;
    const facets = new Map<string, Map<string, number>>(query.facets.map((f) => [f, new Map()]));
    const wanted = new Uint8Array(256);
    let counting = false;
    if (!skipFacets) {
      for (const facet of query.facets) {
        const index = this.#facetIndex.get(facet);
        if (index !== undefined) {
          wanted[index] = 1;
          counting = true;
        }
      }
    }
    const touched: number[] = [];
    const counts = this.#valueCount;
    const after = query.after;
    const passesCursor = after === undefined ? undefined : this.#cursorTest(query.sort, query.order, textual, after);
    const heap = ordered ? undefined : new TopK(Math.max(1, query.take), this.#comparator(query.sort, query.order, textual));
    const passed = this.#passed;
    const alive = this.#alive;
    const stateOf = this.#state;
    const mark = this.#mark;
    const values = this.#values;
    const valueStart = this.#valueStart;
    const valueLength = this.#valueLength;
    const valueMask = this.#valueMask;
    const valueFacetIndex = this.#valueFacetIndex;
    let total = 0;
    for (let i = 0; i < count; i++) {
      const slot = candidates === undefined ? i : (candidates[i] as number);
      if (alive[slot] !== 1 || states[stateOf[slot] as number] !== 1) continue;
      if (textual && mark[slot] !== generation) continue;
      const start = valueStart[slot] as number;
      const end = start + (valueLength[slot] as number);
      if (required !== 0) {
        let mask = 0;
        for (let v = start; v < end; v++) mask |= valueMask[values[v] as number] as number;
        if ((mask & required) !== required) continue;
      }
      total++;
      if (counting) {
        for (let v = start; v < end; v++) {
          const id = values[v] as number;
          if (wanted[valueFacetIndex[id] as number] !== 1) continue;
          if (counts[id] === 0) touched.push(id);
          counts[id] = (counts[id] as number) + 1;
        }
      }
      if (heap === undefined) passed[slot] = generation;
      else if (passesCursor === undefined || passesCursor(slot)) heap.offer(slot);
    }
    for (const id of touched) {
      facets.get(this.#valueFacet[id] as string)?.set(this.#valueName[id] as string, counts[id] as number);
      counts[id] = 0;
    }
    const slots = heap !== undefined ? heap.sorted() : this.#walk(query, (slot) => passed[slot] === generation);
    return { total, hits: this.#toHits(slots, textual), facets };
  }

  #toHits(slots: number[], textual: boolean): MemoryHit[] {
    return slots.map((slot) => ({
      docId: this.#docId[slot] as number,
      datasetId: this.#datasetId[slot] as string,
      rank: textual ? (this.#score[slot] as number) : 0,
      modified: this.#modified[slot] as string,
      titleSort: this.#titleSort[slot] as string,
      qualityScore: this.#quality[slot] as number,
    }));
  }

  /**
   * The first `take` matching slots after the cursor, in a presorted order: the order is built
   * once, then reused until 2,048 documents were added since (kept aside and merged in on the fly).
   */
  #walk(query: MemoryQuery, matches: (slot: number) => boolean): number[] {
    const textual = query.tokens.length > 0;
    const sort: Exclude<MemorySort, 'relevance'> = query.sort === 'relevance' ? 'modified' : query.sort;
    const better = this.#comparator(sort, query.order, textual);
    const passesCursor = query.after === undefined ? undefined : this.#cursorTest(sort, query.order, textual, query.after);
    const take = Math.max(1, query.take);
    const key = `${sort}:${query.order}`;
    let sorted = this.#orders.get(key);
    if (sorted === undefined) {
      const live: number[] = [];
      for (let slot = 0; slot < this.#used; slot++) if (this.#alive[slot] === 1) live.push(slot);
      live.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
      sorted = { slots: Int32Array.from(live), pending: [] };
      this.#orders.set(key, sorted);
    }
    const { slots } = sorted;
    // Keys along the order are monotonic (retired slots keep theirs until compaction rebuilds the
    // orders), so the cursor's position is found by bisection.
    let start = 0;
    if (passesCursor !== undefined) {
      let high = slots.length;
      while (start < high) {
        const mid = (start + high) >>> 1;
        if (passesCursor(slots[mid] as number)) high = mid;
        else start = mid + 1;
      }
    }
    const pending = sorted.pending.filter((slot) => matches(slot) && (passesCursor === undefined || passesCursor(slot)));
    pending.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
    const out: number[] = [];
    let i = start;
    let j = 0;
    while (out.length < take) {
      while (i < slots.length && !matches(slots[i] as number)) i++;
      const fromSorted = i < slots.length ? (slots[i] as number) : -1;
      const fromPending = j < pending.length ? (pending[j] as number) : -1;
      if (fromSorted < 0 && fromPending < 0) break;
      if (fromPending >= 0 && (fromSorted < 0 || better(fromPending, fromSorted))) {
        out.push(fromPending);
        j++;
      } else {
        out.push(fromSorted);
        i++;
      }
    }
    return out;
  }

  /** Slots matching every token (marked with `generation`), scored by BM25 over weighted fields. */
  #textCandidates(tokens: readonly string[], generation: number, states: Uint8Array): Int32Array {
    const last = tokens.length - 1;
    const groups: Postings[][] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as string;
      const lists = i === last ? this.#expand(token) : [this.#terms.get(token)].filter((p): p is Postings => p !== undefined);
      if (lists.length === 0) return new Int32Array(0);
      groups.push(lists);
    }
    const size = (lists: Postings[]) => lists.reduce((n, p) => n + p.length, 0);
    groups.sort((a, b) => size(a) - size(b));

    const live = this.#slotOf.size;
    const averageLength = live === 0 ? 1 : Math.max(1, this.#liveLength / live);
    const mark = this.#mark;
    const matched = this.#matched;
    const score = this.#score;
    const contribution = this.#contribution;
    const first = groups[0] as Postings[];
    const candidates = new Int32Array(size(first));
    let found = 0;
    for (let g = 0; g < groups.length; g++) {
      for (const postings of groups[g] as Postings[]) {
        const idf = Math.log(1 + (live - postings.length + 0.5) / (postings.length + 0.5));
        const { slots, weights } = postings;
        for (let i = 0; i < postings.length; i++) {
          const slot = slots[i] as number;
          if (this.#alive[slot] !== 1) continue;
          const weight = weights[i] as number;
          const s = (idf * weight * (K1 + 1)) / (weight + K1 * (1 - B + (B * (this.#length[slot] as number)) / averageLength));
          if (g === 0) {
            if (mark[slot] !== generation) {
              if (states[this.#state[slot] as number] !== 1) continue;
              mark[slot] = generation;
              matched[slot] = 1;
              score[slot] = s;
              contribution[slot] = s;
              candidates[found++] = slot;
            } else if (s > (contribution[slot] as number)) {
              // Another word of the same prefix: keep the best one's score.
              score[slot] = (score[slot] as number) + s - (contribution[slot] as number);
              contribution[slot] = s;
            }
          } else if (mark[slot] === generation) {
            if (matched[slot] === g) {
              matched[slot] = g + 1;
              score[slot] = (score[slot] as number) + s;
              contribution[slot] = s;
            } else if (matched[slot] === g + 1 && s > (contribution[slot] as number)) {
              score[slot] = (score[slot] as number) + s - (contribution[slot] as number);
              contribution[slot] = s;
            }
          }
        }
      }
    }
    const groupsNeeded = groups.length;
    let kept = 0;
    for (let i = 0; i < found; i++) {
      const slot = candidates[i] as number;
      if (matched[slot] === groupsNeeded) candidates[kept++] = slot;
      else mark[slot] = 0;
    }
    return candidates.subarray(0, kept);
  }

  /** Without text: the documents of the rarest filtered facet, or every slot when nothing filters. */
  #facetCandidates(filterValues: readonly number[], required: number, generation: number): Int32Array | undefined {
    if (required === 0) return undefined;
    // Group the filter's value ids by their facet bit and start from the smallest union.
    const byBit = new Map<number, number[]>();
    for (const id of filterValues) {
      const mask = this.#valueMask[id] as number;
      for (let b = 0; b < 31; b++) {
        const facetBit = 1 << b;
        if ((mask & facetBit) === 0) continue;
        byBit.set(facetBit, [...(byBit.get(facetBit) ?? []), id]);
      }
    }
    let best: number[] | undefined;
    let bestSize = Infinity;
    for (const ids of byBit.values()) {
      const n = ids.reduce((sum, id) => sum + (this.#valueDocs[id] as Postings).length, 0);
      if (n < bestSize) {
        best = ids;
        bestSize = n;
      }
    }
    const candidates = new Int32Array(bestSize === Infinity ? 0 : bestSize);
    let found = 0;
    for (const id of best ?? []) {
      const postings = this.#valueDocs[id] as Postings;
      for (let i = 0; i < postings.length; i++) {
        const slot = postings.slots[i] as number;
        if (this.#mark[slot] === generation) continue;
        this.#mark[slot] = generation;
        candidates[found++] = slot;
      }
    }
    return candidates.subarray(0, found);
  }

  /** The postings of every term starting with `prefix`. */
  #expand(prefix: string): Postings[] {
    const sorted = this.#sorted();
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((sorted[mid] as string) < prefix) low = mid + 1;
      else high = mid;
    }
    const lists: Postings[] = [];
    for (let i = low; i < sorted.length && (sorted[i] as string).startsWith(prefix); i++) {
      const postings = this.#terms.get(sorted[i] as string);
      if (postings !== undefined) lists.push(postings);
    }
    return lists;
  }

  #sorted(): string[] {
    this.#sortedTerms ??= [...this.#terms.keys()].sort();
    return this.#sortedTerms;
  }

  #comparator(sort: MemorySort, order: 'asc' | 'desc', textual: boolean): (a: number, b: number) => boolean {
    const docId = this.#docId;
    const sign = order === 'desc' ? -1 : 1;
    const tie = (a: number, b: number) => (docId[a] as number) < (docId[b] as number);
    if (sort === 'title' || sort === 'modified' || (sort === 'relevance' && !textual)) {
      const keys = sort === 'title' ? this.#titleSort : this.#modified;
      return (a, b) => {
        const ka = keys[a] as string;
        const kb = keys[b] as string;
        if (ka === kb) return tie(a, b);
        return sign < 0 ? ka > kb : ka < kb;
      };
    }
    const values = sort === 'quality' ? this.#quality : this.#score;
    return (a, b) => {
      const va = values[a] as number;
      const vb = values[b] as number;
      if (va === vb) return tie(a, b);
      return sign < 0 ? va > vb : va < vb;
    };
  }

  #cursorTest(sort: MemorySort, order: 'asc' | 'desc', textual: boolean, after: { value: number | string; docId: number }): (slot: number) => boolean {
    const docId = this.#docId;
    const desc = order === 'desc';
    if (sort === 'title' || sort === 'modified' || (sort === 'relevance' && !textual)) {
      const keys = sort === 'title' ? this.#titleSort : this.#modified;
      const value = String(after.value);
      return (slot) => {
        const key = keys[slot] as string;
        if (key === value) return (docId[slot] as number) > after.docId;
        return desc ? key < value : key > value;
      };
    }
    const values = sort === 'quality' ? this.#quality : this.#score;
    const value = Number(after.value);
    return (slot) => {
      const key = values[slot] as number;
      if (key === value) return (docId[slot] as number) > after.docId;
      return desc ? key < value : key > value;
    };
  }

  #nextGeneration(): number {
    this.#generation++;
    if (this.#generation >= 0x7fffffff) {
      this.#mark.fill(0);
      this.#passed.fill(0);
      this.#generation = 1;
    }
    return this.#generation;
  }

  #allocate(): number {
    const reused = this.#free.pop();
    if (reused !== undefined) return reused;
    if (this.#used === this.#capacity) {
      const size = Math.max(1024, this.#capacity * 2);
      this.#alive = grownUint8(this.#alive, size);
      this.#docId = grownFloat64(this.#docId, size);
      this.#quality = grownFloat64(this.#quality, size);
      this.#length = grownFloat64(this.#length, size);
      this.#state = grownUint8(this.#state, size);
      this.#mark = grownInt32(this.#mark, size);
      this.#passed = grownInt32(this.#passed, size);
      this.#valueStart = grownInt32(this.#valueStart, size);
      this.#valueLength = grownInt32(this.#valueLength, size);
      this.#matched = grownInt32(this.#matched, size);
      this.#score = grownFloat64(this.#score, size);
      this.#contribution = grownFloat64(this.#contribution, size);
      this.#capacity = size;
    }
    return this.#used++;
  }

  /** The per-value document counts of a state, grown to the number of value ids. */
  #countsOf(state: number): Int32Array {
    let counts = this.#stateValueCounts[state];
    if (counts === undefined || counts.length < this.#valueMask.length) {
      counts = grownInt32(counts ?? new Int32Array(0), Math.max(256, this.#valueMask.length));
      this.#stateValueCounts[state] = counts;
    }
    return counts;
  }

  #stateId(state: string): number {
    let id = this.#stateIds.get(state);
    if (id === undefined) {
      id = this.#stateIds.size;
      if (id > 255) throw new Error('more than 256 publication states');
      this.#stateIds.set(state, id);
    }
    return id;
  }

  #valueId(facet: string, value: string): number {
    const key = `${facet}\u0000${value}`;
    let id = this.#valueIds.get(key);
    if (id === undefined) {
      id = this.#valueFacet.length;
      this.#valueIds.set(key, id);
      this.#valueFacet.push(facet);
      let facetIndex = this.#facetIndex.get(facet);
      if (facetIndex === undefined) {
        facetIndex = this.#facetIndex.size;
        if (facetIndex > 255) throw new Error('more than 256 facets');
        this.#facetIndex.set(facet, facetIndex);
      }
      this.#valueName.push(value);
      this.#valueDocs.push(new Postings());
      if (id >= this.#valueMask.length) {
        const size = Math.max(256, this.#valueMask.length * 2);
        this.#valueMask = grownInt32(this.#valueMask, size);
        this.#valueCount = grownInt32(this.#valueCount, size);
        this.#valueFacetIndex = grownUint8(this.#valueFacetIndex, size);
      }
      this.#valueFacetIndex[id] = facetIndex;
    }
    return id;
  }
}

function copyFacets(facets: Map<string, Map<string, number>>): Map<string, Map<string, number>> {
  return new Map([...facets].map(([facet, counts]) => [facet, new Map(counts)]));
}

/** Adds each token's weight to `weights`; returns the weighted length of the text. */
function addTokens(weights: Map<string, number>, text: string, weight: number): number {
  if (text === '') return 0;
  let length = 0;
  for (const token of text.split(' ')) {
    if (token === '') continue;
    weights.set(token, (weights.get(token) ?? 0) + weight);
    length += weight;
  }
  return length;
}

/** Keeps the best `k` slots seen (a binary heap with the worst kept slot on top). */
class TopK {
  readonly #items: number[] = [];
  constructor(
    private readonly k: number,
    private readonly better: (a: number, b: number) => boolean,
  ) {}

  offer(slot: number): void {
    const items = this.#items;
    if (items.length < this.k) {
      items.push(slot);
      let i = items.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.better(items[parent] as number, items[i] as number)) break;
        [items[parent], items[i]] = [items[i] as number, items[parent] as number];
        i = parent;
      }
      return;
    }
    if (!this.better(slot, items[0] as number)) return;
    items[0] = slot;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < items.length && this.better(items[worst] as number, items[left] as number)) worst = left;
      if (right < items.length && this.better(items[worst] as number, items[right] as number)) worst = right;
      if (worst === i) break;
      [items[worst], items[i]] = [items[i] as number, items[worst] as number];
      i = worst;
    }
  }

  sorted(): number[] {
    return [...this.#items].sort((a, b) => (this.better(a, b) ? -1 : this.better(b, a) ? 1 : 0));
  }
}
