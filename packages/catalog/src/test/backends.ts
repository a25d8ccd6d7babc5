// Test support: every storage test runs on both backends. PostgreSQL tests get their own schema
// (random name, dropped afterwards) so files run in parallel and never collide with other runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { StoreLocation } from '../db/store';

export const postgresUrl = process.env.BAYAN_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const required = process.env.BAYAN_REQUIRE_POSTGRES === '1';

async function postgresReachable(): Promise<string | undefined> {
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

const unreachable = await postgresReachable();
if (unreachable !== undefined) {
  if (required) throw new Error(`BAYAN_REQUIRE_POSTGRES=1 but PostgreSQL at ${postgresUrl} is unreachable: ${unreachable}`);
  console.warn(`[catalog tests] skipping PostgreSQL backend: ${postgresUrl} unreachable (${unreachable})`);
}

/** A fresh, empty location on one backend, and how to remove it. */
export interface TestLocation {
  location: StoreLocation;
  cleanup(): Promise<void>;
}

/** The backends to run on: always SQLite, PostgreSQL when reachable (or required). */
export const backends: { name: 'sqlite' | 'postgres'; fresh: () => TestLocation }[] = [
  {
    name: 'sqlite',
    fresh: () => {
      const dir = mkdtempSync(join(tmpdir(), 'bayan-catalog-'));
      return {
        location: { data: dir },
        cleanup: () => {
          rmSync(dir, { recursive: true, force: true });
          return Promise.resolve();
        },
      };
    },
  },
  ...(unreachable === undefined
    ? [
        {
          name: 'postgres' as const,
          fresh: (): TestLocation => {
            const schema = `t_${randomBytes(6).toString('hex')}`;
            const files = mkdtempSync(join(tmpdir(), 'bayan-catalog-files-'));
            return {
              location: { database: postgresUrl, schema, poolSize: 4, files },
              cleanup: async () => {
                rmSync(files, { recursive: true, force: true });
                const client = new pg.Client({ connectionString: postgresUrl });
                await client.connect();
                await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
                await client.end();
              },
            };
          },
        },
      ]
    : []),
];
