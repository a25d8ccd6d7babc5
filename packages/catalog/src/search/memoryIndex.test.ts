import { describe, expect, it } from 'vitest';
import { seededRandom } from '../ids';
import { MemoryIndex, type IndexedDoc, type MemoryQuery, type MemorySort } from './memoryIndex';

const WORDS = ['budget', 'budgetaire', 'bud', 'ecole', 'ecoles', 'hopital', 'قانون', 'ماليه', 'ميزانيه', 'مدارس', 'eau', 'eaux', 'region', '2024', '2025'];
const FACETS: Record<string, string[]> = { theme: ['ECON', 'EDUC', 'HEAL', 'REGI'], format: ['CSV', 'XLSX', 'PDF'], quality: ['good', 'poor'] };
const STATES = ['published', 'draft', 'withdrawn'];

function randomDoc(random: () => number, n: number, docId: number): IndexedDoc {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const words = (max: number) => Array.from({ length: Math.floor(random() * max) }, () => pick(WORDS)).join(' ');
  const facets: [string, string][] = [];
  for (const [facet, values] of Object.entries(FACETS)) {
    for (const value of values) if (random() < 0.35) facets.push([facet, value]);
  }
  return {
    docId,
    datasetId: `d${n}`,
    state: random() < 0.8 ? 'published' : pick(STATES),
    titleSort: words(3),
    modified: `202${Math.floor(random() * 5)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 3)}`,
    qualityScore: Math.floor(random() * 5) * 50,
    titleText: words(4),
    keywordsText: words(2),
    descriptionText: words(8),
    facets,
  };
}

/** The obvious implementation: scan every document. */
function reference(docs: Map<string, IndexedDoc>, query: MemoryQuery): { ids: Set<string>; facets: Map<string, Map<string, number>> } {
  const ids = new Set<string>();
  const facets = new Map<string, Map<string, number>>(query.facets.map((f) => [f, new Map()]));
  for (const doc of docs.values()) {
    if (!query.states.includes(doc.state)) continue;
    const tokens = `${doc.titleText} ${doc.keywordsText} ${doc.descriptionText}`.split(' ').filter((t) => t !== '');
    const last = query.tokens.length - 1;
    const textOk = query.tokens.every((q, i) => (i === last ? tokens.some((t) => t.startsWith(q)) : tokens.includes(q)));
    if (!textOk) continue;
    const filterOk = [...query.filters].every(([facet, values]) => doc.facets.some(([f, v]) => f === facet && values.includes(v)));
    if (!filterOk) continue;
    ids.add(doc.datasetId);
    for (const [facet, value] of doc.facets) {
      const counts = facets.get(facet);
      if (counts !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  return { ids, facets };
}

function sortKey(doc: IndexedDoc, sort: MemorySort): string | number {
  return sort === 'title' ? doc.titleSort : sort === 'quality' ? doc.qualityScore : doc.modified;
}

/** Reads every page of a query through the keyset cursor. */
function allPages(index: MemoryIndex, query: MemoryQuery, pageSize: number): { ids: string[]; ranks: number[] } {
  const ids: string[] = [];
  const ranks: number[] = [];
  let after: MemoryQuery['after'];
  for (let guard = 0; guard < 10_000; guard++) {
    const result = index.search({ ...query, take: pageSize + 1, after });
    const page = result.hits.slice(0, pageSize);
    for (const hit of page) {
      ids.push(hit.datasetId);
      ranks.push(hit.rank);
    }
    const last = page.at(-1);
    if (result.hits.length <= pageSize || last === undefined) break;
    const value = query.sort === 'relevance' && query.tokens.length > 0 ? last.rank : query.sort === 'title' ? last.titleSort : query.sort === 'quality' ? last.qualityScore : last.modified;
    after = { value, docId: last.docId };
  }
  return { ids, ranks };
}

describe('MemoryIndex', () => {
  // 400 datasets exercise the ranked (heap) path; 6,000 the presorted orders with documents added since.
  // With the result cache on (pages after the first reuse the counts) and off.
  it.each([
    { datasets: 400, steps: 6000, seed: 7, cacheSize: 512 },
    { datasets: 6000, steps: 14_000, seed: 11, cacheSize: 512 },
    { datasets: 6000, steps: 10_000, seed: 13, cacheSize: 0 },
  ])('agrees with a full scan through random inserts, updates, removals and compactions ($datasets datasets, cache $cacheSize)', ({ datasets, steps, seed, cacheSize }) => {
    const random = seededRandom(seed);
    const index = new MemoryIndex({ cacheSize });
    const docs = new Map<string, IndexedDoc>();
    let docId = 0;
    let checked = 0;
    let removalMismatches = 0;
    for (let step = 0; step < steps; step++) {
      const n = Math.floor(random() * datasets);
      if (random() < 0.15) {
        if (index.remove(`d${n}`) !== docs.delete(`d${n}`)) removalMismatches++;
      } else {
        const doc = randomDoc(random, n, ++docId);
        index.upsert(doc);
        docs.set(doc.datasetId, doc);
      }
      if (step % Math.floor(steps / 40) !== 0) continue;
      expect(index.size).toBe(docs.size);
      for (let q = 0; q < 6; q++) {
        const tokenCount = Math.floor(random() * 3);
        const tokens = Array.from({ length: tokenCount }, () => WORDS[Math.floor(random() * WORDS.length)] as string);
        if (tokenCount > 0 && random() < 0.5) tokens[tokenCount - 1] = (tokens[tokenCount - 1] as string).slice(0, 2);
        const filters = new Map<string, string[]>();
        if (random() < 0.5) filters.set('theme', (FACETS.theme as string[]).filter(() => random() < 0.5));
        if (random() < 0.3) filters.set('format', ['CSV']);
        const sorts: MemorySort[] = ['relevance', 'modified', 'title', 'quality'];
        const sort = sorts[Math.floor(random() * sorts.length)] as MemorySort;
        const query: MemoryQuery = {
          tokens,
          states: random() < 0.7 ? ['published'] : ['published', 'draft'],
          filters: new Map([...filters].filter(([, v]) => v.length > 0)),
          facets: ['theme', 'format', 'quality'],
          sort,
          order: random() < 0.5 ? 'asc' : 'desc',
          take: 10_000,
        };
        const expected = reference(docs, query);
        const whole = index.search(query);
        expect(whole.total).toBe(expected.ids.size);
        expect(new Set(whole.hits.map((h) => h.datasetId))).toEqual(expected.ids);
        expect(whole.facets).toEqual(expected.facets);
        // Paging through small pages yields the same order, with no repeat and no gap.
        const paged = allPages(index, query, datasets > 1000 ? 50 + Math.floor(random() * 100) : 1 + Math.floor(random() * 7));
        expect(paged.ids).toEqual(whole.hits.map((h) => h.datasetId));
        // The keys in page order are sorted the requested way.
        const byRank = sort === 'relevance' && tokens.length > 0;
        const keys: (string | number)[] = byRank ? paged.ranks : paged.ids.map((id) => sortKey(docs.get(id) as IndexedDoc, sort === 'relevance' ? 'modified' : sort));
        const ordered = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(keys).toEqual(query.order === 'asc' ? ordered : ordered.reverse());
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
    expect(removalMismatches).toBe(0);
  });

  it('ranks a title match above a description match, and rarer words higher', () => {
    const index = new MemoryIndex();
    const base = { state: 'published', titleSort: '', modified: '2024-01-01', qualityScore: 0, keywordsText: '', facets: [] };
    index.upsert({ ...base, docId: 1, datasetId: 'in-description', titleText: 'rapport annuel', descriptionText: 'budget de l etat' });
    index.upsert({ ...base, docId: 2, datasetId: 'in-title', titleText: 'budget de l etat', descriptionText: 'rapport annuel' });
    index.upsert({ ...base, docId: 3, datasetId: 'other', titleText: 'ecoles', descriptionText: 'rapport' });
    const query: MemoryQuery = { tokens: ['budget'], states: ['published'], filters: new Map(), facets: [], sort: 'relevance', order: 'desc', take: 10 };
    expect(index.search(query).hits.map((h) => h.datasetId)).toEqual(['in-title', 'in-description']);
    const rare = index.search({ ...query, tokens: ['ecoles'] }).hits[0]?.rank ?? 0;
    const common = index.search({ ...query, tokens: ['rapport'] }).hits[0]?.rank ?? 0;
    expect(rare).toBeGreaterThan(common);
  });

  it('returns nothing for an unknown word or a filter value nobody has', () => {
    const index = new MemoryIndex();
    index.upsert({ docId: 1, datasetId: 'a', state: 'published', titleSort: 'a', modified: '2024', qualityScore: 0, titleText: 'budget', keywordsText: '', descriptionText: '', facets: [['theme', 'ECON']] });
    const query: MemoryQuery = { tokens: [], states: ['published'], filters: new Map(), facets: ['theme'], sort: 'modified', order: 'desc', take: 10 };
    expect(index.search({ ...query, tokens: ['zzz'] }).total).toBe(0);
    expect(index.search({ ...query, tokens: ['zzz', 'bud'] }).total).toBe(0);
    expect(index.search({ ...query, filters: new Map([['theme', ['NOPE']]]) }).total).toBe(0);
    expect(index.search({ ...query, filters: new Map([['theme', ['ECON', 'NOPE']]]) }).total).toBe(1);
    expect(index.search(query).facets.get('theme')).toEqual(new Map([['ECON', 1]]));
  });

  it('reuses retired slots after compaction without resurrecting old postings', () => {
    const index = new MemoryIndex();
    const doc = (n: number, text: string): IndexedDoc => ({ docId: n, datasetId: 'same', state: 'published', titleSort: text, modified: '2024', qualityScore: 0, titleText: text, keywordsText: '', descriptionText: '', facets: [['theme', text]] });
    for (let i = 0; i < 3000; i++) index.upsert(doc(i, `word${i}`));
    expect(index.size).toBe(1);
    const query: MemoryQuery = { tokens: ['word1'], states: ['published'], filters: new Map(), facets: ['theme'], sort: 'relevance', order: 'desc', take: 10 };
    // Only the last version is found, under its own words and facet value.
    expect(index.search(query).total).toBe(0);
    expect(index.search({ ...query, tokens: ['word2999'] }).total).toBe(1);
    expect(index.search({ ...query, tokens: [] }).facets.get('theme')).toEqual(new Map([['word2999', 1]]));
  });
});
