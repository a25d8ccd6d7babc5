// Test support for every package whose tests run on PostgreSQL as well as on the embedded
// database. Each test location gets its own schema (a random name, dropped afterwards) so test
// files run in parallel and never collide with other runs.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** The PostgreSQL server the tests use (`BAYAN_TEST_POSTGRES_URL`, default the local one). */
export const postgresUrl = process.env.BAYAN_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Whether PostgreSQL tests are mandatory (`BAYAN_REQUIRE_POSTGRES=1`, as `.ci/run` sets). */
export const postgresRequired = process.env.BAYAN_REQUIRE_POSTGRES === '1';

/** Why PostgreSQL cannot be reached, or undefined when it answers. */
export async function postgresProblem() {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Whether the PostgreSQL tests run: true when the server answers; when it does not, throws if
 * they are required and otherwise says on stderr that they are skipped.
 */
export async function postgresAvailable(label) {
  const problem = await postgresProblem();
  if (problem === undefined) return true;
  if (postgresRequired) throw new Error(`BAYAN_REQUIRE_POSTGRES=1 but PostgreSQL at ${postgresUrl} is unreachable: ${problem}`);
  console.warn(`[${label}] skipping the PostgreSQL tests: ${postgresUrl} unreachable (${problem})`);
  return false;
}

/** A fresh schema (and a files folder) on the test server, and how to remove both. */
export function freshPostgres(prefix = 't') {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  const files = mkdtempSync(join(tmpdir(), 'bayan-test-files-'));
  return {
    location: { database: postgresUrl, schema, poolSize: 4, files },
    async cleanup() {
      rmSync(files, { recursive: true, force: true });
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A fresh embedded data folder, and how to remove it. */
export function freshDataFolder(prefix = 'bayan-test-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    location: { data: dir },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}
