import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../catalog';
import { backends, type TestLocation } from '../test/backends';
import { logSearchChanges } from './searchIndex';

// Two catalogues opened on the same database stand for two processes (the server and a worker):
// what one writes, the other's in-memory index must find on its next search.
describe.each(backends)('search index kept in step across processes on $name', ({ name, fresh }) => {
  let place: TestLocation;
  let writer: Catalog;
  let reader: Catalog;
  let reader2: Catalog;
  beforeAll(async () => {
    place = fresh();
    writer = await openCatalog(place.location);
    reader = await openCatalog(place.location);
    reader2 = await openCatalog(place.location);
    await writer.datasets.create({ slug: 'budget', title: { fr: 'Budget de l’État', ar: 'ميزانية الدولة' }, description: { fr: 'Loi de finances' }, publicationState: 'published' });
  });
  afterAll(async () => {
    await Promise.all([writer.close(), reader.close(), reader2.close()]);
    await place.cleanup();
  });

  const slugs = async (catalog: Catalog, q: string) => (await catalog.search({ q })).items.map((i) => i.slug).sort();

  it('loads the index from the database', async () => {
    expect(await reader.warmSearch()).toBe(1);
    expect(await reader2.warmSearch()).toBe(1);
  });

  it('finds a dataset another process created, updated, unpublished and deleted', async () => {
    const created = await writer.datasets.create({ slug: 'ecoles', title: { fr: 'Écoles publiques', ar: 'المدارس العمومية' }, description: { fr: 'Effectifs' }, publicationState: 'published' });
    if (!created.ok) throw new Error('create failed');
    expect(await slugs(reader, 'ecoles')).toEqual(['ecoles']);
    expect(await slugs(reader, 'مدارس')).toEqual(['ecoles']);

    await writer.datasets.update(created.value.id, { ...created.value.record, title: { fr: 'Lycées publics' } });
    expect(await slugs(reader, 'ecoles')).toEqual([]);
    expect(await slugs(reader, 'lycees')).toEqual(['ecoles']);

    await writer.datasets.setState(created.value.id, 'withdrawn');
    expect(await slugs(reader, 'lycees')).toEqual([]);
    expect((await reader.search({ q: 'lycees', states: ['withdrawn'] })).total).toBe(1);

    await writer.datasets.delete(created.value.id);
    expect((await reader.search({ q: 'lycees', states: ['withdrawn', 'published', 'draft'] })).total).toBe(0);
    expect((await reader.search({})).total).toBe(1);
  });

  it('answers during an open write transaction, from what was committed', async () => {
    const before = (await writer.search({})).total;
    // The transaction holds the writer's connection; a search waiting for it would never return.
    const during = await writer.store.db.transaction().execute(async (trx) => {
      await trx.insertInto('search_log').values({ dataset_id: 'not-committed' }).execute();
      return writer.search({});
    });
    expect(during.total).toBe(before);
  });

  it('reloads everything when the change log was pruned past what it has seen', async () => {
    // reader2 has seen nothing since it warmed; the entries it missed are pruned.
    for (const slug of ['eau', 'hopitaux', 'routes']) {
      await writer.datasets.create({ slug, title: { fr: `Données ${slug}` }, description: { fr: slug }, publicationState: 'published' });
    }
    const last = await writer.store.db.selectFrom('search_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow();
    await sql`DELETE FROM search_log WHERE seq < ${Number(last.seq)}`.execute(writer.store.db);
    expect(await slugs(reader2, 'donnees')).toEqual(['eau', 'hopitaux', 'routes']);
    expect(await slugs(reader2, 'lycees')).toEqual([]);
  });

  it('keeps the change log bounded to its last 100,000 entries', async () => {
    const db = writer.store.db;
    const ids = Array.from({ length: 110_000 }, (_, i) => `ghost-${i}`);
    await db.transaction().execute((trx) => logSearchChanges(trx, writer.backend, ids));
    const stats = await db
      .selectFrom('search_log')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('seq').as('low'), eb.fn.max('seq').as('high')])
      .executeTakeFirstOrThrow();
    expect(Number(stats.high)).toBeGreaterThanOrEqual(110_000);
    expect(Number(stats.n)).toBeLessThanOrEqual(100_000);
    expect(Number(stats.high) - Number(stats.low)).toBeLessThan(100_000);
    // A reader that had seen less than what is left reloads, and finds the real datasets only.
    expect((await reader2.search({ q: 'donnees' })).total).toBe(3);
  });

  it('sees every change made by concurrent writers', async () => {
    // Two SQLite connections in one process would wait on each other's write lock with the
    // event loop blocked (busy_timeout is synchronous), so on SQLite both writers share one.
    const other = name === 'sqlite' ? writer : await openCatalog(place.location);
    try {
      const before = (await reader.search({ q: 'concurrent' })).total;
      const writes = async (catalog: Catalog, prefix: string) => {
        for (let i = 0; i < 15; i++) {
          const r = await catalog.datasets.create({ slug: `${prefix}-${i}`, title: { fr: `Jeu concurrent ${prefix} ${i}` }, description: { fr: 'x' }, publicationState: 'published' });
          if (!r.ok) throw new Error(JSON.stringify(r.errors));
        }
      };
      let searching = true;
      const polls = (async () => {
        let n = 0;
        while (searching) {
          await reader.search({ q: 'concurrent' });
          n++;
        }
        return n;
      })();
      await Promise.all([writes(writer, 'a'), writes(other, 'b')]);
      searching = false;
      expect(await polls).toBeGreaterThan(0);
      expect(before).toBe(0);
      expect((await reader.search({ q: 'concurrent' })).total).toBe(30);
    } finally {
      if (other !== writer) await other.close();
    }
  });
});
