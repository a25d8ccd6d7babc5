// Test support: every storage test runs on both backends. PostgreSQL tests get their own schema
// (random name, dropped afterwards) so files run in parallel and never collide with other runs.
import { freshDataFolder, freshPostgres, postgresAvailable } from '@bayan-internal/test-postgres';
import type { StoreLocation } from '../db/store';

const withPostgres = await postgresAvailable('catalog tests');

/** A fresh, empty location on one backend, and how to remove it. */
export interface TestLocation {
  location: StoreLocation;
  cleanup(): Promise<void>;
}

/** The backends to run on: always SQLite, PostgreSQL when reachable (or required). */
export const backends: { name: 'sqlite' | 'postgres'; fresh: () => TestLocation }[] = [
  { name: 'sqlite', fresh: () => freshDataFolder('bayan-catalog-') },
  ...(withPostgres ? [{ name: 'postgres' as const, fresh: (): TestLocation => freshPostgres('t') }] : []),
];
