// What the catalogue's benches share: percentiles, timing a repeated call, and the bare-insert
// baseline of the datastore load.
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import type { Catalog } from '@bayan/catalog';

/** The p-th percentile of sorted numbers. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Runs `work` `warmup` times untimed, then `n` times timed; returns the times in ms, sorted. */
export async function timeAll(n: number, work: (i: number) => unknown, warmup = 5): Promise<number[]> {
  for (let i = 0; i < Math.min(warmup, n); i++) await work(i);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await work(i);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

/**
 * Inserts `rows` generated rows into a bare table (no coercion, checkpoint or search column) in
 * batches of 10,000, the fastest way each engine allows; returns the seconds it took.
 */
export async function bareLoad(catalog: Catalog, rows: number): Promise<number> {
  const t = performance.now();
  if (catalog.store.sqlite !== undefined) {
    const db = catalog.store.sqlite;
    db.exec('CREATE TABLE bare (id INTEGER PRIMARY KEY, region TEXT, year INTEGER, amount REAL, day TEXT, open INTEGER)');
    const insert = db.prepare('INSERT INTO bare VALUES (?, ?, ?, ?, ?, ?)');
    const batch = db.transaction((from: number) => {
      for (let i = from; i < from + 10_000 && i <= rows; i++) insert.run(i, 'r', 2000 + (i % 25), (i % 9973) * 1.25, '2020-01-01', i % 2);
    });
    for (let i = 1; i <= rows; i += 10_000) batch(i);
  } else {
    const pool = catalog.store.pool as pg.Pool;
    await pool.query('CREATE TABLE bare (id bigint PRIMARY KEY, region text, year bigint, amount double precision, day date, open boolean)');
    for (let from = 1; from <= rows; from += 10_000) {
      const n = Math.min(10_000, rows - from + 1);
      const ids = Array.from({ length: n }, (_, k) => from + k);
      await pool.query('INSERT INTO bare SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::double precision[], $5::date[], $6::boolean[])', [
        ids,
        ids.map(() => 'r'),
        ids.map((i) => 2000 + (i % 25)),
        ids.map((i) => (i % 9973) * 1.25),
        ids.map(() => '2020-01-01'),
        ids.map((i) => i % 2 === 0),
      ]);
    }
  }
  return (performance.now() - t) / 1000;
}
