import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, sql, type DatabaseConnection, type Driver } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations';
import type { Tables } from './tables';

/** Which database engine a catalogue runs on. */
export type Backend = 'sqlite' | 'postgres';

/** Where a catalogue keeps its data: an embedded data folder, or a PostgreSQL server. */
export type StoreLocation =
  | {
      /** The embedded data folder (database + files); created when missing. */
      data: string;
    }
  | {
      /** A PostgreSQL connection URL such as `postgres://user@host:5432/db`. */
      database: string;
      /** The PostgreSQL schema to use (created when missing); default `public`. */
      schema?: string;
      /** Most pooled connections; default 10. */
      poolSize?: number;
      /** Folder for uploaded files when no other file store is given; default `./data/files`. */
      files?: string;
    };

/** An open database: the query builder plus what the engine-specific code paths need. */
export interface Store {
  readonly backend: Backend;
  readonly db: Kysely<Tables>;
  /**
   * For reads that must not queue behind a write transaction (search): on SQLite a second,
   * read-only connection (WAL lets it read the last committed state while a write is under way);
   * on PostgreSQL the same pool as `db`.
   */
  readonly reader: Kysely<Tables>;
  /** The read-only SQLite handle behind `reader` (SQLite only), for hot reads with prepared statements. */
  readonly readerSqlite: BetterSqlite3.Database | undefined;
  /** The embedded database handle (SQLite only), for bulk paths that bypass the query builder. */
  readonly sqlite: BetterSqlite3.Database | undefined;
  /** The PostgreSQL pool (PostgreSQL only). */
  readonly pool: pg.Pool | undefined;
  /** The PostgreSQL schema in use (PostgreSQL only). */
  readonly schema: string | undefined;
  /** The folder for files when the local file store is used. */
  readonly filesDir: string;
  close(): Promise<void>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;

// bigint and numeric arrive as strings and dates as Date objects by default; the catalogue wants
// the same plain values as SQLite returns (counts and row numbers stay far below 2^53).
function typeParser(oid: number, format?: string): (value: string) => unknown {
  if (oid === INT8 || oid === NUMERIC) return (value) => Number(value);
  if (oid === DATE || oid === TIMESTAMP || oid === TIMESTAMPTZ) return (value) => value;
  return pg.types.getTypeParser(oid, format as 'text') as (value: string) => unknown;
}

/**
 * Opens (and migrates) a catalogue database.
 *
 * @example
 * ```ts
 * const store = await openStore({ data: './data' });
 * await store.close();
 * ```
 */
export async function openStore(location: StoreLocation): Promise<Store> {
  if ('data' in location) return openSqlite(location.data);
  return openPostgres(location);
}

// Write transactions take SQLite's write lock when they begin: a deferred transaction that reads
// and then writes fails at once (SQLITE_BUSY_SNAPSHOT) when another process wrote meanwhile.
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #database: BetterSqlite3.Database;
  constructor(database: BetterSqlite3.Database) {
    super({ database });
    this.#database = database;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.#database });
  }
}

function openSqlite(dir: string): Store {
  mkdirSync(dir, { recursive: true });
  const filesDir = join(dir, 'files');
  mkdirSync(filesDir, { recursive: true });
  const sqlite = new BetterSqlite3(join(dir, 'bayan.sqlite'));
  // WAL + NORMAL survives a killed process (only an OS crash can lose the last commits).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 10000');
  migrateSqlite(sqlite);
  const db = new Kysely<Tables>({ dialect: new ImmediateSqliteDialect(sqlite) });
  const readOnly = new BetterSqlite3(join(dir, 'bayan.sqlite'), { readonly: true });
  readOnly.pragma('busy_timeout = 10000');
  const reader = new Kysely<Tables>({ dialect: new SqliteDialect({ database: readOnly }) });
  return {
    backend: 'sqlite',
    db,
    reader,
    readerSqlite: readOnly,
    sqlite,
    pool: undefined,
    schema: undefined,
    filesDir,
    async close() {
      await reader.destroy();
      await db.destroy();
    },
  };
}

function migrateSqlite(sqlite: BetterSqlite3.Database): void {
  sqlite.exec('CREATE TABLE IF NOT EXISTS bayan_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const apply = sqlite.transaction(() => {
    const row = sqlite.prepare('SELECT max(version) AS v FROM bayan_migrations').get() as { v: number | null };
    const current = row.v ?? 0;
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      for (const statement of migration.statements('sqlite')) sqlite.exec(statement);
      sqlite.prepare('INSERT INTO bayan_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, new Date().toISOString());
    }
  });
  // IMMEDIATE takes the write lock first, so two processes opening the same folder never both migrate.
  apply.immediate();
}

async function openPostgres(location: Extract<StoreLocation, { database: string }>): Promise<Store> {
  const schema = location.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid PostgreSQL schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: location.database,
    max: location.poolSize ?? 10,
    options: `-c search_path=${schema}`,
    types: { getTypeParser: typeParser as typeof pg.types.getTypeParser },
  });
  try {
    await migratePostgres(pool, schema);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  const filesDir = location.files ?? join('data', 'files');
  return {
    backend: 'postgres',
    db,
    reader: db,
    readerSqlite: undefined,
    sqlite: undefined,
    pool,
    schema,
    filesDir,
    async close() {
      await db.destroy();
    },
  };
}

async function migratePostgres(pool: pg.Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query('BEGIN');
    // One migrator at a time per schema, even with many servers and workers starting together.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`bayan-migrate:${schema}`]);
    await client.query('CREATE TABLE IF NOT EXISTS bayan_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)');
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM bayan_migrations');
    const current = rows[0]?.v ?? 0;
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      for (const statement of migration.statements('postgres')) await client.query(statement);
      await client.query('INSERT INTO bayan_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, new Date().toISOString()]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * The schema version a store is at.
 *
 * @example
 * ```ts
 * await schemaVersion(store); // 3
 * ```
 */
export async function schemaVersion(store: Store): Promise<number> {
  const row = await sql<{ v: number | null }>`SELECT max(version) AS v FROM bayan_migrations`.execute(store.db);
  return Number(row.rows[0]?.v ?? 0);
}
