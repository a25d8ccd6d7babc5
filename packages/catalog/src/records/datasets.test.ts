import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../catalog';
import { backends, type TestLocation } from '../test/backends';

const budget = {
  title: { fr: 'Budget de l’État 2024', ar: 'ميزانية الدولة 2024' },
  description: { fr: 'Loi de finances', ar: 'قانون المالية' },
  keywords: { fr: ['budget', 'finances'] },
  themes: ['http://publications.europa.eu/resource/authority/data-theme/ECON'],
  distributions: [{ accessUrl: 'https://example.org/budget.csv', format: 'http://publications.europa.eu/resource/authority/file-type/CSV', license: 'http://publications.europa.eu/resource/authority/licence/CC_BY_4_0' }],
};

describe.each(backends)('datasets on $name', ({ fresh }) => {
  let place: TestLocation;
  let catalog: Catalog;
  beforeEach(async () => {
    place = fresh();
    catalog = await openCatalog(place.location);
  });
  afterEach(async () => {
    await catalog.close();
    await place.cleanup();
  });

  it('creates a draft with a slug from the French title', async () => {
    const result = await catalog.datasets.create(budget);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.slug).toBe('budget-de-l-etat-2024');
    expect(result.value.state).toBe('draft');
    expect(result.value.revision).toBe(1);
    expect((await catalog.datasets.get('budget-de-l-etat-2024'))?.id).toBe(result.value.id);
  });

  it('reads many datasets in one call, in the order asked, leaving unknown ids out', async () => {
    const a = await catalog.datasets.create(budget);
    const b = await catalog.datasets.create({ ...budget, title: { fr: 'Écoles' } });
    if (!a.ok || !b.ok) throw new Error('create failed');
    const many = await catalog.datasets.getMany([b.value.id, 'unknown', a.value.id, b.value.id]);
    expect(many.map((d) => d.id)).toEqual([b.value.id, a.value.id, b.value.id]);
    expect(many[0]).toEqual(await catalog.datasets.get(b.value.id));
    expect(await catalog.datasets.getMany([])).toEqual([]);
  });

  it('reports invalid input with a path and messages in three languages', async () => {
    const result = await catalog.datasets.create({ title: { fr: 'x' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ path: '/description', code: 'required' });
    expect(result.errors[0]?.message.ar).toBeTruthy();
  });

  it('refuses an unknown organisation', async () => {
    const result = await catalog.datasets.create({ ...budget, organizationId: 'nope' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]?.code).toBe('unknown_reference');
  });

  it('gives a second dataset with the same title another slug', async () => {
    await catalog.datasets.create(budget);
    const second = await catalog.datasets.create(budget);
    expect(second.ok && second.value.slug).toBe('budget-de-l-etat-2024-2');
  });

  it('refuses an explicit slug already in use', async () => {
    await catalog.datasets.create({ ...budget, slug: 'budget' });
    const second = await catalog.datasets.create({ ...budget, slug: 'budget' });
    expect(second.ok).toBe(false);
    expect(!second.ok && second.errors[0]?.code).toBe('conflict');
  });

  it('keeps every change as a revision with who, when and what changed', async () => {
    const created = await catalog.datasets.create(budget, { actor: 'u1' });
    if (!created.ok) throw new Error('create failed');
    const id = created.value.id;
    await catalog.datasets.update(id, { ...budget, title: { fr: 'Budget 2025' } }, { actor: 'u2' });
    const revisions = await catalog.datasets.revisions(id);
    expect(revisions.map((r) => r.revision)).toEqual([2, 1]);
    expect(revisions[0]).toMatchObject({ authorId: 'u2', action: 'updated' });
    expect(revisions[0]?.changes).toContainEqual({ path: '/title/fr', before: 'Budget de l’État 2024', after: 'Budget 2025' });
    expect(revisions[0]?.changes).toContainEqual({ path: '/title/ar', before: 'ميزانية الدولة 2024' });
  });

  it('restores an old revision as a new one', async () => {
    const created = await catalog.datasets.create(budget);
    if (!created.ok) throw new Error('create failed');
    const id = created.value.id;
    await catalog.datasets.update(id, { ...budget, title: { fr: 'Autre' } });
    const restored = await catalog.datasets.restore(id, 1, { actor: 'admin' });
    expect(restored.ok && restored.value.revision).toBe(3);
    expect((await catalog.datasets.get(id))?.record.title.fr).toBe('Budget de l’État 2024');
    expect((await catalog.datasets.revision(id, 3))?.action).toBe('restored');
  });

  it('refuses a write based on a stale revision', async () => {
    const created = await catalog.datasets.create(budget);
    if (!created.ok) throw new Error('create failed');
    await catalog.datasets.update(created.value.id, budget, { expectedRevision: 1 });
    const stale = await catalog.datasets.update(created.value.id, budget, { expectedRevision: 1 });
    expect(stale.ok).toBe(false);
    expect(!stale.ok && stale.errors[0]?.code).toBe('stale_revision');
  });

  it('deletes a dataset, keeps its history and can bring it back', async () => {
    const created = await catalog.datasets.create(budget);
    if (!created.ok) throw new Error('create failed');
    const id = created.value.id;
    await catalog.datasets.delete(id);
    expect(await catalog.datasets.get(id)).toBeUndefined();
    expect((await catalog.datasets.revisions(id))[0]?.action).toBe('deleted');
    const back = await catalog.datasets.restore(id, 1);
    expect(back.ok && back.value.revision).toBe(3);
    expect((await catalog.datasets.get(id))?.record.title.fr).toBe('Budget de l’État 2024');
  });

  it('stores a quality snapshot with every change and logs the activity', async () => {
    const created = await catalog.datasets.create(budget, { actor: 'u1' });
    if (!created.ok) throw new Error('create failed');
    const quality = await catalog.reports.quality(created.value.id);
    expect(quality?.openness).toBe(3);
    expect(quality?.score).toBeGreaterThan(0);
    const log = await catalog.activity({ objectId: created.value.id });
    expect(log[0]).toMatchObject({ action: 'dataset.created', actorId: 'u1' });
  });

  it('rescores with the data score when a validation report arrives', async () => {
    const created = await catalog.datasets.create(budget);
    if (!created.ok) throw new Error('create failed');
    await catalog.reports.addValidation({ datasetId: created.value.id, distributionId: '0', valid: false, report: { valid: false, stats: { rows: 100 }, errors: [{ type: 'type-error', rowNumber: 5 }] } });
    const after = await catalog.reports.quality(created.value.id);
    expect(after?.details).toMatchObject({ scorer: 'mqa', data: [{ distributionId: '0', score: 91, readable: true }] });
  });

  it('lists datasets a page at a time', async () => {
    for (let i = 0; i < 5; i++) await catalog.datasets.create({ ...budget, slug: `d-${i}` });
    const first = await catalog.datasets.list({ limit: 2 });
    const second = await catalog.datasets.list({ limit: 2, cursor: first.nextCursor });
    const third = await catalog.datasets.list({ limit: 2, cursor: second.nextCursor });
    expect([...first.items, ...second.items, ...third.items].map((d) => d.slug)).toEqual(['d-0', 'd-1', 'd-2', 'd-3', 'd-4']);
    expect(third.nextCursor).toBeUndefined();
  });

  it('creates many datasets at once, reporting the invalid ones by index', async () => {
    const inputs = [budget, { title: { fr: 'sans description' } }, { ...budget, slug: 'deux' }, { ...budget, organizationId: 'nope' }, budget];
    const report = await catalog.datasets.createMany(inputs, { actor: 'importer' });
    expect(report.created).toHaveLength(3);
    expect(report.failed.map((f) => [f.index, f.errors[0]?.code])).toEqual([
      [1, 'required'],
      [3, 'unknown_reference'],
    ]);
    const slugs = await Promise.all(report.created.map(async (id) => (await catalog.datasets.get(id))?.slug));
    expect(slugs[0]).toBe('budget-de-l-etat-2024');
    expect(slugs[1]).toBe('deux');
    expect(slugs[2]).toMatch(/^budget-de-l-etat-2024-/);
    expect((await catalog.datasets.revisions(report.created[0] ?? ''))[0]).toMatchObject({ revision: 1, authorId: 'importer', action: 'created' });
    expect((await catalog.search({ q: 'ميزانية', states: ['draft'] })).total).toBe(3);
    expect((await catalog.search({ states: ['draft'], filters: { theme: ['ECON'] } })).facets.format).toEqual([{ value: 'CSV', count: 3 }]);
    expect(await catalog.reports.quality(report.created[2] ?? '')).toBeDefined();
  });
  it('upserts many datasets: creates the new, leaves the unchanged unwritten, revises the changed', async () => {
    const count = async (table: 'dataset_revisions' | 'activity' | 'quality_snapshots') => Number((await catalog.store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const first = await catalog.datasets.upsertMany([
      { id: 'a', input: { ...budget, slug: 'budget-a', publicationState: 'published' } },
      { id: 'b', input: { title: { fr: 'sans description' } } },
      { id: 'c', input: { ...budget, publicationState: 'published' } },
      { id: 'd', input: { ...budget, organizationId: 'nope' } },
    ]);
    expect(first.map((o) => [o.id, o.outcome])).toEqual([
      ['a', 'created'],
      ['b', 'failed'],
      ['c', 'created'],
      ['d', 'failed'],
    ]);
    expect(first[3]?.outcome === 'failed' && first[3].errors[0]?.code).toBe('unknown_reference');
    expect((await catalog.datasets.get('c'))?.slug).toBe('budget-de-l-etat-2024');
    const written = { revisions: await count('dataset_revisions'), activity: await count('activity'), snapshots: await count('quality_snapshots') };
    expect(written).toEqual({ revisions: 2, activity: 2, snapshots: 2 });

    const renamed = { ...budget, slug: 'budget-a', publicationState: 'published', title: { ...budget.title, fr: 'Budget rectifié' } };
    const second = await catalog.datasets.upsertMany([
      { id: 'a', input: renamed },
      { id: 'c', input: { ...budget, publicationState: 'published' } },
    ]);
    expect(second.map((o) => o.outcome)).toEqual(['updated', 'unchanged']);
    expect({ revisions: await count('dataset_revisions'), activity: await count('activity'), snapshots: await count('quality_snapshots') }).toEqual({ revisions: 3, activity: 3, snapshots: 3 });
    const revisions = await catalog.datasets.revisions('a');
    expect(revisions.map((r) => [r.revision, r.action])).toEqual([
      [2, 'updated'],
      [1, 'created'],
    ]);
    expect(revisions[0]?.changes).toEqual([{ path: '/title/fr', before: 'Budget de l’État 2024', after: 'Budget rectifié' }]);
    expect((await catalog.datasets.get('a'))?.record.title.fr).toBe('Budget rectifié');
    expect((await catalog.search({ q: 'rectifié' })).items.map((i) => i.id)).toEqual(['a']);
  });

  it('fails only the item whose slug another dataset holds or whose distributions share an id', async () => {
    await catalog.datasets.create({ ...budget, slug: 'pris' });
    const outcomes = await catalog.datasets.upsertMany([
      { id: 'x', input: { ...budget, slug: 'pris' } },
      { id: 'y', input: { ...budget, slug: 'libre' } },
      { id: 'z', input: { ...budget, slug: 'libre' } },
      { id: 'w', input: { ...budget, slug: 'deux-fois', distributions: [{ ...budget.distributions[0], id: 'csv' }, { ...budget.distributions[0], id: 'csv' }] } },
    ]);
    expect(outcomes.map((o) => (o.outcome === 'failed' ? o.errors[0]?.code : o.outcome))).toEqual(['conflict', 'created', 'conflict', 'conflict']);
    expect(outcomes[3]?.outcome === 'failed' && outcomes[3].errors[0]?.path).toBe('/distributions/1/id');
    expect(await catalog.datasets.get('x')).toBeUndefined();
  });

  it('creates a deleted dataset again with its next revision number', async () => {
    await catalog.datasets.upsertMany([{ id: 'q', input: budget }]);
    await catalog.datasets.delete('q');
    const again = await catalog.datasets.upsertMany([{ id: 'q', input: budget }]);
    expect(again[0]).toMatchObject({ outcome: 'created', revision: 3 });
    expect((await catalog.datasets.revisions('q')).map((r) => r.action)).toEqual(['created', 'deleted', 'created']);
  });

  it('commits the datasets and the caller’s own writes together, or neither', async () => {
    await expect(
      catalog.datasets.upsertMany([{ id: 'p', input: budget }], {
        within: async (db, outcomes) => {
          expect(outcomes[0]?.outcome).toBe('created');
          await db.insertInto('harvest_sources').values({ id: 's', organization_id: null, kind: 'ckan', url: 'https://example.org', config: '{}', schedule: null, created_at: '', updated_at: '' }).execute();
          throw new Error('bookkeeping failed');
        },
      }),
    ).rejects.toThrow('bookkeeping failed');
    expect(await catalog.datasets.get('p')).toBeUndefined();
    expect(await catalog.harvests.sources()).toEqual([]);
    expect(await catalog.datasets.revisions('p')).toEqual([]);
  });
});
