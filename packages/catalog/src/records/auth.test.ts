import { createHash } from 'node:crypto';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../catalog';
import { migrations } from '../db/migrations';
import { schemaVersion, type StoreLocation } from '../db/store';
import { backends, type TestLocation } from '../test/backends';

const HASH = 'a'.repeat(64);

describe.each(backends)('auth records on $name', ({ fresh }) => {
  let place: TestLocation;
  let catalog: Catalog;
  let clock: number;
  let userId: string;
  let otherId: string;

  beforeEach(async () => {
    place = fresh();
    clock = Date.parse('2026-11-27T10:00:00.000Z');
    catalog = await openCatalog({ ...place.location, now: () => new Date(clock).toISOString() });
    const a = await catalog.users.create({ email: 'a@example.ma', name: 'A', password: 'long-enough-pw' });
    const b = await catalog.users.create({ email: 'b@example.ma', name: 'B', password: 'long-enough-pw' });
    if (!a.ok || !b.ok) throw new Error('users');
    userId = a.value.id;
    otherId = b.value.id;
  });
  afterEach(async () => {
    await catalog.close();
    await place.cleanup();
  });

  describe('tokens', () => {
    it('stores a token for a user and finds it by prefix', async () => {
      const created = await catalog.auth.tokens.create({ userId, prefix: 'abcd1234', hash: HASH, name: ' script ' });
      expect(created.ok).toBe(true);
      const found = await catalog.auth.tokens.findByPrefix('abcd1234');
      expect(found).toEqual({ id: expect.any(String) as string, userId, prefix: 'abcd1234', hash: HASH, name: 'script', createdAt: '2026-11-27T10:00:00.000Z', expiresAt: null, revokedAt: null, lastUsedAt: null });
      expect(await catalog.auth.tokens.findByPrefix('zzzz9999')).toBeUndefined();
    });

    it('refuses an unknown user and a prefix already in use', async () => {
      const unknown = await catalog.auth.tokens.create({ userId: 'nope', prefix: 'abcd1234', hash: HASH, name: 'x' });
      expect(!unknown.ok && unknown.errors[0]?.code).toBe('unknown_reference');
      await catalog.auth.tokens.create({ userId, prefix: 'abcd1234', hash: HASH, name: 'x' });
      const again = await catalog.auth.tokens.create({ userId: otherId, prefix: 'abcd1234', hash: HASH, name: 'y' });
      expect(!again.ok && again.errors[0]?.code).toBe('conflict');
    });

    it('lists a user’s tokens newest first, and only theirs', async () => {
      await catalog.auth.tokens.create({ userId, prefix: 'aaaa0001', hash: HASH, name: 'first' });
      clock += 1000;
      await catalog.auth.tokens.create({ userId, prefix: 'aaaa0002', hash: HASH, name: 'second' });
      await catalog.auth.tokens.create({ userId: otherId, prefix: 'bbbb0001', hash: HASH, name: 'other' });
      expect((await catalog.auth.tokens.list(userId)).map((t) => t.name)).toEqual(['second', 'first']);
    });

    it('revokes once, and only a token of the given user', async () => {
      const created = await catalog.auth.tokens.create({ userId, prefix: 'abcd1234', hash: HASH, name: 'x' });
      if (!created.ok) throw new Error('create');
      expect(await catalog.auth.tokens.revoke(created.value.id, { userId: otherId })).toBe(false);
      clock += 5000;
      expect(await catalog.auth.tokens.revoke(created.value.id, { userId })).toBe(true);
      expect(await catalog.auth.tokens.revoke(created.value.id)).toBe(false);
      expect((await catalog.auth.tokens.get(created.value.id))?.revokedAt).toBe('2026-11-27T10:00:05.000Z');
    });

    it('records the last use at most once per window', async () => {
      const created = await catalog.auth.tokens.create({ userId, prefix: 'abcd1234', hash: HASH, name: 'x' });
      if (!created.ok) throw new Error('create');
      await catalog.auth.tokens.touch(created.value);
      const used = await catalog.auth.tokens.get(created.value.id);
      expect(used?.lastUsedAt).toBe('2026-11-27T10:00:00.000Z');
      clock += 60_000;
      await catalog.auth.tokens.touch(used!);
      expect((await catalog.auth.tokens.get(created.value.id))?.lastUsedAt).toBe('2026-11-27T10:00:00.000Z');
      clock += 300_000;
      await catalog.auth.tokens.touch(used!);
      expect((await catalog.auth.tokens.get(created.value.id))?.lastUsedAt).toBe('2026-11-27T10:06:00.000Z');
    });
  });

  describe('sessions', () => {
    const start = async (user: string, ttlSeconds = 3600) => {
      const r = await catalog.auth.sessions.create({ userId: user, ttlSeconds, userAgent: 'Firefox' });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return r.value;
    };

    it('starts a session whose secret verifies, storing only the secret’s SHA-256', async () => {
      const { secret, session } = await start(userId);
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(session).toMatchObject({ userId, createdAt: '2026-11-27T10:00:00.000Z', expiresAt: '2026-11-27T11:00:00.000Z', userAgent: 'Firefox', revokedAt: null });
      expect(await catalog.auth.sessions.verify(secret)).toEqual(session);
      const rows = await catalog.store.db.selectFrom('sessions').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]?.token_hash).toBe(createHash('sha256').update(secret).digest('hex'));
      expect(JSON.stringify(rows)).not.toContain(secret);
      expect(session.id).not.toBe(secret);
    });

    it('refuses an unknown user and a non-positive duration', async () => {
      const unknown = await catalog.auth.sessions.create({ userId: 'nope', ttlSeconds: 60 });
      expect(!unknown.ok && unknown.errors[0]?.code).toBe('unknown_reference');
      expect((await catalog.auth.sessions.create({ userId, ttlSeconds: 0 })).ok).toBe(false);
    });

    it('does not verify a wrong, empty or over-long secret', async () => {
      const { secret } = await start(userId);
      const other = `${secret[0] === 'A' ? 'B' : 'A'}${secret.slice(1)}`;
      expect(await catalog.auth.sessions.verify(other)).toBeUndefined();
      expect(await catalog.auth.sessions.verify(secret)).toBeDefined();
      expect(await catalog.auth.sessions.verify('')).toBeUndefined();
      expect(await catalog.auth.sessions.verify('x'.repeat(10_000))).toBeUndefined();
    });

    it('stops verifying a revoked session at once', async () => {
      const { secret, session } = await start(userId);
      expect(await catalog.auth.sessions.revoke(session.id, { userId: otherId })).toBe(false);
      expect(await catalog.auth.sessions.verify(secret)).toBeDefined();
      expect(await catalog.auth.sessions.revoke(session.id, { userId })).toBe(true);
      expect(await catalog.auth.sessions.verify(secret)).toBeUndefined();
      expect(await catalog.auth.sessions.revoke(session.id)).toBe(false);
    });

    it('ends sessions when the account is disabled or its password changed through catalog.users', async () => {
      const kept = await start(otherId);
      const ended = await start(otherId);
      expect((await catalog.users.setPassword(otherId, 'un mot de passe neuf', { keepSession: kept.session.id })).ok).toBe(true);
      expect(await catalog.auth.sessions.verify(kept.secret)).toBeDefined();
      expect(await catalog.auth.sessions.verify(ended.secret)).toBeUndefined();
      await catalog.users.setDisabled(otherId, true);
      expect(await catalog.auth.sessions.verify(kept.secret)).toBeUndefined();
      // Re-enabling does not bring old sign-ins back.
      await catalog.users.setDisabled(otherId, false);
      expect(await catalog.auth.sessions.verify(kept.secret)).toBeUndefined();
    });

    it('stops verifying a session once it expires', async () => {
      const { secret } = await start(userId, 60);
      clock += 59_000;
      expect(await catalog.auth.sessions.verify(secret)).toBeDefined();
      clock += 1000;
      expect(await catalog.auth.sessions.verify(secret)).toBeUndefined();
    });

    it('refreshes the last-seen time once it is older than the window', async () => {
      const { secret } = await start(userId);
      clock += 30_000;
      expect((await catalog.auth.sessions.verify(secret))?.lastSeenAt).toBe('2026-11-27T10:00:00.000Z');
      clock += 30_000;
      expect((await catalog.auth.sessions.verify(secret))?.lastSeenAt).toBe('2026-11-27T10:01:00.000Z');
      expect((await catalog.auth.sessions.list(userId))[0]?.lastSeenAt).toBe('2026-11-27T10:01:00.000Z');
    });

    it('revokes every session of a user but one, and lists only active sessions', async () => {
      const one = await start(userId);
      clock += 1000;
      const two = await start(userId);
      clock += 1000;
      const three = await start(userId);
      const theirs = await start(otherId);
      expect((await catalog.auth.sessions.list(userId)).map((s) => s.id)).toEqual([three.session.id, two.session.id, one.session.id]);
      expect(await catalog.auth.sessions.revokeForUser(userId, { except: two.session.id })).toBe(2);
      expect(await catalog.auth.sessions.verify(one.secret)).toBeUndefined();
      expect(await catalog.auth.sessions.verify(three.secret)).toBeUndefined();
      expect(await catalog.auth.sessions.verify(two.secret)).toBeDefined();
      expect(await catalog.auth.sessions.verify(theirs.secret)).toBeDefined();
      expect((await catalog.auth.sessions.list(userId)).map((s) => s.id)).toEqual([two.session.id]);
      expect(await catalog.auth.sessions.revokeForUser(userId)).toBe(1);
      expect(await catalog.auth.sessions.list(userId)).toEqual([]);
    });

    it('prunes expired sessions, revoked or not, and keeps the others', async () => {
      const short = await start(userId, 60);
      const revokedShort = await start(userId, 60);
      await catalog.auth.sessions.revoke(revokedShort.session.id);
      const long = await start(userId, 3600);
      clock += 61_000;
      expect(await catalog.auth.sessions.prune()).toBe(2);
      const left = await catalog.store.db.selectFrom('sessions').select('id').execute();
      expect(left.map((r) => r.id)).toEqual([long.session.id]);
      expect(short.session.id).not.toBe(long.session.id);
      expect(await catalog.auth.sessions.prune()).toBe(0);
    });
  });

  describe('audit', () => {
    const entry = (n: number, actorId: string | null) => ({ at: `2026-11-27T10:00:0${n}.000Z`, actorId, action: 'POST /api/v1/datasets', path: '/api/v1/datasets', status: 201, ip: '127.0.0.1', via: 'token' as const });

    it('lists entries newest first, by actor, and pages back with before', async () => {
      for (let n = 0; n < 5; n++) await catalog.auth.audit.record(entry(n, n % 2 === 0 ? userId : null));
      const all = await catalog.auth.audit.list();
      expect(all.map((e) => e.at.slice(17, 19))).toEqual(['04', '03', '02', '01', '00']);
      expect(all[0]).toMatchObject({ actorId: userId, status: 201, via: 'token', ip: '127.0.0.1' });
      expect((await catalog.auth.audit.list({ actorId: userId })).map((e) => e.at.slice(17, 19))).toEqual(['04', '02', '00']);
      const page = await catalog.auth.audit.list({ limit: 2 });
      expect((await catalog.auth.audit.list({ limit: 2, before: page[1]?.id })).map((e) => e.at.slice(17, 19))).toEqual(['02', '01']);
    });
  });
});

// A database as servers before migration 5 left it: the catalogue at version 4 plus the server's
// own `server_api_tokens` and `server_audit` tables.
async function prepareVersion4(location: StoreLocation, withServerTables: boolean): Promise<void> {
  const statements = (backend: 'sqlite' | 'postgres') => [
    ...migrations.filter((m) => m.version <= 4).flatMap((m) => m.statements(backend)),
    ...[1, 2, 3, 4].map((v) => `INSERT INTO bayan_migrations (version, name, applied_at) VALUES (${v}, 'v${v}', '2026-11-01T00:00:00.000Z')`),
    `INSERT INTO users (id, email, name, password_hash, site_admin, disabled, created_at, updated_at) VALUES ('u1', 'u1@example.ma', 'U1', NULL, 0, 0, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`,
    ...(withServerTables
      ? [
          `CREATE TABLE server_api_tokens (id text PRIMARY KEY, user_id text NOT NULL, prefix text NOT NULL UNIQUE, hash text NOT NULL, name text NOT NULL, created_at text NOT NULL, expires_at text, revoked_at text, last_used_at text)`,
          `CREATE INDEX server_api_tokens_user ON server_api_tokens (user_id, created_at)`,
          `CREATE TABLE server_audit (at text NOT NULL, actor_id text, action text NOT NULL, path text NOT NULL, status integer NOT NULL, ip text NOT NULL, via text NOT NULL)`,
          `CREATE INDEX server_audit_at ON server_audit (at)`,
          `INSERT INTO server_api_tokens VALUES ('t1', 'u1', 'abcd1234', '${HASH}', 'old script', '2026-11-02T00:00:00.000Z', NULL, NULL, NULL)`,
          `INSERT INTO server_api_tokens VALUES ('t2', 'u1', 'efgh5678', '${HASH}', 'revoked', '2026-11-03T00:00:00.000Z', NULL, '2026-11-04T00:00:00.000Z', NULL)`,
          `INSERT INTO server_api_tokens VALUES ('t3', 'gone', 'ijkl9012', '${HASH}', 'orphan', '2026-11-03T00:00:00.000Z', NULL, NULL, NULL)`,
          `INSERT INTO server_audit VALUES ('2026-11-02T00:00:00.000Z', 'u1', 'POST /api/v1/datasets', '/api/v1/datasets', 201, '10.0.0.1', 'token')`,
          `INSERT INTO server_audit VALUES ('2026-11-01T00:00:00.000Z', NULL, 'POST /api/v1/datasets', '/api/v1/datasets', 401, '10.0.0.2', 'anonymous')`,
        ]
      : []),
  ];
  if ('data' in location) {
    const db = new BetterSqlite3(join(location.data, 'bayan.sqlite'));
    db.exec('CREATE TABLE bayan_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const s of statements('sqlite')) db.exec(s);
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: location.database });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA "${location.schema}"`);
    await client.query(`SET search_path TO "${location.schema}"`);
    await client.query('CREATE TABLE bayan_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)');
    for (const s of statements('postgres')) await client.query(s);
  } finally {
    await client.end();
  }
}

describe.each(backends)('migration 5 (auth) on $name', ({ fresh }) => {
  let place: TestLocation;
  beforeEach(() => {
    place = fresh();
  });
  afterEach(async () => place.cleanup());

  it('moves the old server’s tokens (of existing users) and audit rows into the catalogue’s tables', async () => {
    await prepareVersion4(place.location, true);
    const catalog = await openCatalog(place.location);
    try {
      expect(await schemaVersion(catalog.store)).toBe(migrations.at(-1)?.version);
      expect(await catalog.auth.tokens.findByPrefix('abcd1234')).toMatchObject({ id: 't1', userId: 'u1', name: 'old script', revokedAt: null });
      expect(await catalog.auth.tokens.findByPrefix('efgh5678')).toMatchObject({ id: 't2', revokedAt: '2026-11-04T00:00:00.000Z' });
      expect(await catalog.auth.tokens.findByPrefix('ijkl9012')).toBeUndefined();
      const audit = await catalog.auth.audit.list();
      expect(audit.map((e) => [e.at, e.status, e.via])).toEqual([
        ['2026-11-02T00:00:00.000Z', 201, 'token'],
        ['2026-11-01T00:00:00.000Z', 401, 'anonymous'],
      ]);
      const old =
        catalog.backend === 'sqlite'
          ? await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE name IN ('server_api_tokens', 'server_audit')`.execute(catalog.store.db)
          : await sql<{ n: number }>`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('server_api_tokens', 'server_audit')`.execute(catalog.store.db);
      expect(Number(old.rows[0]?.n)).toBe(0);
    } finally {
      await catalog.close();
    }
  });

  it('upgrades a version-4 database that never had the server’s tables', async () => {
    await prepareVersion4(place.location, false);
    const catalog = await openCatalog(place.location);
    try {
      expect(await schemaVersion(catalog.store)).toBe(migrations.at(-1)?.version);
      expect(await catalog.auth.tokens.list('u1')).toEqual([]);
      expect(await catalog.auth.audit.list()).toEqual([]);
      expect((await catalog.auth.sessions.create({ userId: 'u1', ttlSeconds: 60 })).ok).toBe(true);
    } finally {
      await catalog.close();
    }
  });
});
