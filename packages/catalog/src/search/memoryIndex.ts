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

const NO_VALUES = new Int32Array(0);

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
  #facetValues: Int32Array[] = [];
  #free: number[] = [];
  #slotOf = new Map<string, number>();
  #liveLength = 0;
  #retired = 0;

  // Terms and facet values.
  #terms = new Map<string, Postings>();
  #sortedTerms: string[] | undefined = [];
  #stateIds = new Map<string, number>();
  #valueIds = new Map<string, number>();
  #valueFacet: string[] = [];
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

    const values = new Int32Array(doc.facets.length);
    doc.facets.forEach(([facet, value], i) => {
      const id = this.#valueId(facet, value);
      values[i] = id;
      (this.#valueDocs[id] as Postings).push(slot, 1);
    });
    this.#facetValues[slot] = values;
  }

  /** Removes a dataset's document; returns whether it was there. */
  remove(datasetId: string): boolean {
    const slot = this.#slotOf.get(datasetId);
    if (slot === undefined) return false;
    this.#slotOf.delete(datasetId);
    this.#alive[slot] = 0;
    this.#liveLength -= this.#length[slot] as number;
    this.#facetValues[slot] = NO_VALUES;
    this.#retired++;
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
    this.#facetValues = [];
    this.#free = [];
    this.#slotOf.clear();
    this.#liveLength = 0;
    this.#retired = 0;
    this.#terms.clear();
    this.#sortedTerms = [];
    this.#valueIds.clear();
    this.#valueFacet = [];
    this.#valueName = [];
    this.#valueDocs = [];
    this.#valueMask = new Int32Array(0);
    this.#valueCount = new Int32Array(0);
    this.#passed = new Int32Array(0);
    this.#orders.clear();
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
      const facets = new Map<string, Map<string, number>>();
      for (const facet of query.facets) facets.set(facet, new Map());
      if (impossible) return { total: 0, hits: [], facets };
      const candidates = query.tokens.length > 0 ? this.#textCandidates(query.tokens, generation, states) : this.#facetCandidates(filterValues, required, generation);
      return this.#collect(candidates, query, states, required, generation, facets);
    } finally {
      for (const id of filterValues) this.#valueMask[id] = 0;
    }
  }

  #collect(candidates: Int32Array | undefined, query: MemoryQuery, states: Uint8Array, required: number, generation: number, facets: Map<string, Map<string, number>>): MemoryResult {
    const textual = query.tokens.length > 0;
    const wanted = new Set(query.facets);
    const valueFacet = this.#valueFacet;
    const countable = new Uint8Array(valueFacet.length);
    if (wanted.size > 0) for (let id = 0; id < valueFacet.length; id++) if (wanted.has(valueFacet[id] as string)) countable[id] = 1;
    const touched: number[] = [];
    const counts = this.#valueCount;
    const after = query.after;
    const passesCursor = after === undefined ? undefined : this.#cursorTest(query.sort, query.order, textual, after);
    const count = candidates === undefined ? this.#used : candidates.length;
    // Many matches sorted by a stored key: walk a presorted order instead of ranking every match.
    const ordered = count > 2048 && !(query.sort === 'relevance' && textual);
    const better = this.#comparator(query.sort, query.order, textual);
    const heap = ordered ? undefined : new TopK(Math.max(1, query.take), better);
    const passed = this.#passed;
    const alive = this.#alive;
    const stateOf = this.#state;
    const mark = this.#mark;
    const facetValues = this.#facetValues;
    const valueMask = this.#valueMask;
    let total = 0;
    for (let i = 0; i < count; i++) {
      const slot = candidates === undefined ? i : (candidates[i] as number);
      if (alive[slot] !== 1 || states[stateOf[slot] as number] !== 1) continue;
      if (textual && mark[slot] !== generation) continue;
      const values = facetValues[slot] as Int32Array;
      if (required !== 0) {
        let mask = 0;
        for (let v = 0; v < values.length; v++) mask |= valueMask[values[v] as number] as number;
        if ((mask & required) !== required) continue;
      }
      total++;
      for (let v = 0; v < values.length; v++) {
        const id = values[v] as number;
        if (countable[id] !== 1) continue;
        if (counts[id] === 0) touched.push(id);
        counts[id] = (counts[id] as number) + 1;
      }
      if (heap === undefined) passed[slot] = generation;
      else if (passesCursor === undefined || passesCursor(slot)) heap.offer(slot);
    }
    for (const id of touched) {
      facets.get(valueFacet[id] as string)?.set(this.#valueName[id] as string, counts[id] as number);
      counts[id] = 0;
    }
    const slots = heap !== undefined ? heap.sorted() : this.#walk(query.sort === 'relevance' ? 'modified' : query.sort, query.order, generation, Math.max(1, query.take), passesCursor, better);
    const hits = slots.map((slot) => ({
      docId: this.#docId[slot] as number,
      datasetId: this.#datasetId[slot] as string,
      rank: textual ? (this.#score[slot] as number) : 0,
      modified: this.#modified[slot] as string,
      titleSort: this.#titleSort[slot] as string,
      qualityScore: this.#quality[slot] as number,
    }));
    return { total, hits, facets };
  }

  /**
   * The first `take` slots marked as passed, in a presorted order: the order is built once (then
   * reused until 2,048 documents were added since, kept aside and merged in on the fly).
   */
  #walk(sort: Exclude<MemorySort, 'relevance'>, order: 'asc' | 'desc', generation: number, take: number, passesCursor: ((slot: number) => boolean) | undefined, better: (a: number, b: number) => boolean): number[] {
    const key = `${sort}:${order}`;
    let sorted = this.#orders.get(key);
    if (sorted === undefined) {
      const live: number[] = [];
      for (let slot = 0; slot < this.#used; slot++) if (this.#alive[slot] === 1) live.push(slot);
      live.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
      sorted = { slots: Int32Array.from(live), pending: [] };
      this.#orders.set(key, sorted);
    }
    const passed = this.#passed;
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
    const pending = sorted.pending.filter((slot) => passed[slot] === generation && (passesCursor === undefined || passesCursor(slot)));
    pending.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
    const out: number[] = [];
    let i = start;
    let j = 0;
    while (out.length < take) {
      while (i < slots.length && passed[slots[i] as number] !== generation) i++;
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
      this.#matched = grownInt32(this.#matched, size);
      this.#score = grownFloat64(this.#score, size);
      this.#contribution = grownFloat64(this.#contribution, size);
      this.#capacity = size;
    }
    return this.#used++;
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
      this.#valueName.push(value);
      this.#valueDocs.push(new Postings());
      if (id >= this.#valueMask.length) {
        const size = Math.max(256, this.#valueMask.length * 2);
        this.#valueMask = grownInt32(this.#valueMask, size);
        this.#valueCount = grownInt32(this.#valueCount, size);
      }
    }
    return id;
  }
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
