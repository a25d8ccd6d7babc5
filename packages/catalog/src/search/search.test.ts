import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../catalog';
import { backends, type TestLocation } from '../test/backends';

const THEME = 'http://publications.europa.eu/resource/authority/data-theme/';
const TYPE = 'http://publications.europa.eu/resource/authority/file-type/';
const LICENCE = 'http://publications.europa.eu/resource/authority/licence/CC_BY_4_0';

const fixtures = [
  {
    slug: 'loi-de-finances',
    title: { fr: 'Loi de finances 2024', ar: 'قانون المالية 2024' },
    description: { fr: 'Budget général de l’État voté par le Parlement.', ar: 'الميزانية العامة للدولة' },
    keywords: { fr: ['budget'], ar: ['ميزانية'] },
    themes: [`${THEME}ECON`],
    distributions: [{ accessUrl: 'https://example.org/a.csv', format: `${TYPE}CSV`, license: LICENCE }],
  },
  {
    slug: 'budget-communes',
    title: { fr: 'Budgét des communes', en: 'Municipal budgets' },
    description: { fr: 'Recettes et dépenses des collectivités territoriales.' },
    themes: [`${THEME}ECON`, `${THEME}REGI`],
    distributions: [{ accessUrl: 'https://example.org/b.xlsx', format: `${TYPE}XLSX` }],
  },
  {
    slug: 'ecoles',
    title: { fr: 'Écoles publiques', ar: 'المدارس العمومية' },
    description: { fr: 'Liste des écoles et effectifs.', ar: 'لائحة المدارس وأعداد التلاميذ' },
    themes: [`${THEME}EDUC`],
    distributions: [{ accessUrl: 'https://example.org/c.csv', format: `${TYPE}CSV`, license: LICENCE }],
  },
  {
    slug: 'hopitaux',
    title: { fr: 'Hôpitaux', ar: 'المستشفيات' },
    description: { fr: 'Capacité litière des hôpitaux publics.' },
    themes: [`${THEME}HEAL`],
    distributions: [],
  },
];

const engines = ['memory', 'sql'] as const;
const cases = backends.flatMap((b) => engines.map((engine) => ({ ...b, engine })));

describe.each(cases)('search on $name with the $engine engine', ({ fresh, engine }) => {
  let place: TestLocation;
  let catalog: Catalog;
  beforeAll(async () => {
    place = fresh();
    catalog = await openCatalog({ ...place.location, searchEngine: engine });
    for (const f of fixtures) {
      const r = await catalog.datasets.create({ ...f, publicationState: 'published' });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
    }
    await catalog.datasets.create({ ...fixtures[0], slug: 'brouillon', title: { fr: 'Brouillon budget' } });
  });
  afterAll(async () => {
    await catalog.close();
    await place.cleanup();
  });

  const slugs = async (q: string) => (await catalog.search({ q })).items.map((i) => i.slug).sort();

  it('finds Arabic text with or without tatweel and diacritics', async () => {
    expect(await slugs('قانون المالية')).toEqual(['loi-de-finances']);
    expect(await slugs('قـانون')).toEqual(['loi-de-finances']);
    expect(await slugs('قَانُون')).toEqual(['loi-de-finances']);
  });

  it('finds Arabic words with or without the article and with other letter forms', async () => {
    expect(await slugs('مالية')).toEqual(['loi-de-finances']);
    expect(await slugs('المدرسة')).toEqual([]);
    expect(await slugs('مدارس')).toEqual(['ecoles']);
    // alef maqsura folds to ya, so the singular is a prefix of the plural
    expect(await slugs('المستشفى')).toEqual(['hopitaux']);
    expect(await slugs('مستشفيات')).toEqual(['hopitaux']);
  });

  it('finds French with or without accents', async () => {
    expect(await slugs('budget')).toEqual(['budget-communes', 'loi-de-finances']);
    expect(await slugs('Budgét')).toEqual(['budget-communes', 'loi-de-finances']);
    expect(await slugs('ecoles')).toEqual(['ecoles']);
    expect(await slugs('hopitaux')).toEqual(['hopitaux']);
  });

  it('matches the last word as a prefix and requires every word', async () => {
    expect(await slugs('hôp')).toEqual(['hopitaux']);
    expect(await slugs('budget parlement')).toEqual(['loi-de-finances']);
    expect(await slugs('budget zzz')).toEqual([]);
  });

  it('ignores query syntax', async () => {
    expect(await slugs('budget" OR *')).toEqual([]);
    expect(await slugs('"); DROP TABLE datasets; --')).toEqual([]);
    expect((await catalog.search({})).total).toBe(4);
  });

  it('shows only published datasets unless asked', async () => {
    expect(await slugs('brouillon')).toEqual([]);
    expect((await catalog.search({ q: 'brouillon', states: ['draft'] })).total).toBe(1);
  });

  it('ranks title matches first', async () => {
    const result = await catalog.search({ q: 'budget' });
    expect(result.items[0]?.slug).toBe('budget-communes');
  });

  it('filters by facet and counts facets over every match', async () => {
    const result = await catalog.search({ filters: { theme: ['ECON'], format: ['CSV'] } });
    expect(result.items.map((i) => i.slug)).toEqual(['loi-de-finances']);
    const all = await catalog.search({ q: 'budget' });
    expect(all.facets.theme).toEqual([
      { value: 'ECON', count: 2 },
      { value: 'REGI', count: 1 },
    ]);
    expect(all.facets.format).toEqual([
      { value: 'CSV', count: 1 },
      { value: 'XLSX', count: 1 },
    ]);
    expect(all.facets.licence).toEqual([{ value: LICENCE, count: 1 }]);
    expect(all.facets.language).toContainEqual({ value: 'en', count: 1 });
    expect(all.facets.openness).toContainEqual({ value: '3', count: 1 });
  });

  it('ORs values of one facet and ANDs facets', async () => {
    expect((await catalog.search({ filters: { theme: ['EDUC', 'HEAL'] } })).total).toBe(2);
    expect((await catalog.search({ filters: { theme: ['EDUC', 'HEAL'], language: ['ar'] } })).total).toBe(2);
    expect((await catalog.search({ filters: { theme: ['EDUC', 'HEAL'], format: ['CSV'] } })).total).toBe(1);
  });

  it('sorts by title and pages with a stable cursor', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await catalog.search({ sort: 'title', limit: 1, cursor });
      seen.push(...page.items.map((i) => i.slug));
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    expect(seen).toEqual(['budget-communes', 'ecoles', 'hopitaux', 'loi-de-finances']);
  });

  it('pages through relevance order without repeats or gaps', async () => {
    const full = (await catalog.search({ q: 'budget', limit: 100 })).items.map((i) => i.slug);
    const first = await catalog.search({ q: 'budget', limit: 1 });
    const second = await catalog.search({ q: 'budget', limit: 1, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((i) => i.slug)).toEqual(full);
    expect(second.nextCursor).toBeUndefined();
  });

  it('sorts by quality', async () => {
    const result = await catalog.search({ sort: 'quality' });
    const scores = result.items.map((i) => i.qualityScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('treats a garbage cursor as the first page', async () => {
    expect((await catalog.search({ cursor: 'not-a-cursor' })).items).toHaveLength(4);
  });

  it('reindexes after a change and after reindex()', async () => {
    const hit = await catalog.datasets.get('hopitaux');
    if (!hit) throw new Error('missing');
    await catalog.datasets.update(hit.id, { ...hit.record, title: { fr: 'Hôpitaux et cliniques' } });
    expect(await slugs('cliniques')).toEqual(['hopitaux']);
    expect(await catalog.reindex()).toBe(5);
    expect(await slugs('cliniques')).toEqual(['hopitaux']);
  });
});
