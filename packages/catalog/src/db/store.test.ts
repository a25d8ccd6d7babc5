import { afterEach, describe, expect, it } from 'vitest';
import { backends, type TestLocation } from '../test/backends';
import { migrations } from './migrations';
import { openStore, schemaVersion } from './store';

describe.each(backends)('openStore on $name', ({ fresh }) => {
  let place: TestLocation | undefined;
  afterEach(async () => {
    await place?.cleanup();
  });

  it('migrates a new database to the latest version', async () => {
    place = fresh();
    const store = await openStore(place.location);
    expect(await schemaVersion(store)).toBe(migrations.at(-1)?.version);
    await store.close();
  });

  it('reopens an existing database without re-running migrations', async () => {
    place = fresh();
    const first = await openStore(place.location);
    await first.db.insertInto('activity').values({ at: 'x', actor_id: null, action: 'a', object_type: 'o', object_id: '1', details: '{}' }).execute();
    await first.close();
    const second = await openStore(place.location);
    const rows = await second.db.selectFrom('activity').selectAll().execute();
    expect(rows).toHaveLength(1);
    const versions = await second.db.selectFrom('bayan_migrations').select('version').execute();
    expect(versions.map((v) => v.version)).toEqual(migrations.map((m) => m.version));
    await second.close();
  });

  it('returns counts as numbers', async () => {
    place = fresh();
    const store = await openStore(place.location);
    const row = await store.db.selectFrom('organizations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(row.n).toBe(0);
    await store.close();
  });
});
