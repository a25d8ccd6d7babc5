import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openCatalog } from '../catalog';
import { backends } from './backends';
import { CRASH_ROWS, crashRows } from './crashChild';

const child = fileURLToPath(new URL('./crashChild.ts', import.meta.url));

/** Runs the child until `enough(lines)` says so, then kills it with SIGKILL; returns its output lines. */
function runAndKill(mode: string, location: unknown, enough: (lines: string[]) => boolean): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--conditions=@bayan/source', '--import', 'tsx', child, mode, JSON.stringify(location)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buffer = '';
    let stderr = '';
    let killed = false;
    proc.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      lines.push(...parts);
      if (!killed && enough(lines)) {
        killed = true;
        proc.kill('SIGKILL');
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    proc.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(lines);
      else reject(new Error(`child ended without being killed: ${stderr.slice(0, 2000)} ${lines.slice(-3).join(' | ')}`));
    });
  });
}

describe.each(backends)('crash safety on $name', ({ fresh }) => {
  it('keeps what was committed, leaves nothing half-written, and resumes the load after kill -9', async () => {
    const place = fresh();
    try {
      const lines = await runAndKill('crash', place.location, (l) => l.filter((x) => x.startsWith('committed')).length >= 8 && l.filter((x) => x.startsWith('created')).length >= 10);
      expect(lines).not.toContain('finished');
      const lastPrinted = Math.max(...lines.filter((x) => x.startsWith('committed')).map((x) => Number(x.split(' ')[1])));
      const printed = lines.filter((x) => x.startsWith('created ')).map((x) => x.slice('created '.length));
      const catalog = await openCatalog(place.location);
      try {
        // datastore: every committed batch is there, whole, and nothing else
        const committed = (await catalog.datastore.info('crash'))?.rowsCommitted ?? 0;
        expect(committed).toBeGreaterThanOrEqual(lastPrinted); // a batch may commit between the last line read and the kill
        expect(committed).toBeLessThan(CRASH_ROWS);
        expect(committed % 500).toBe(0);
        const stats = await catalog.datastore.query('crash', { aggregates: [{ op: 'count' }, { op: 'max', field: 'n' }, { op: 'sum', field: 'n' }] });
        expect(stats.ok && stats.value.rows[0]).toEqual({ count: committed, max_n: committed, sum_n: (committed * (committed + 1)) / 2 });

        // dataset writes: every printed one is there, and each write is whole
        for (const id of printed) expect((await catalog.datasets.get(id))?.revision).toBe(1);
        const db = catalog.store.db;
        const count = async (query: string) => Number((await sql<{ n: number }>`${sql.raw(query)}`.execute(db)).rows[0]?.n);
        const datasets = await count('SELECT count(*) AS n FROM datasets');
        expect(datasets).toBeGreaterThanOrEqual(printed.length);
        expect(await count('SELECT count(*) AS n FROM dataset_revisions')).toBe(datasets);
        expect(await count('SELECT count(*) AS n FROM search_docs')).toBe(datasets);
        expect(await count('SELECT count(*) AS n FROM quality_snapshots')).toBe(datasets);
        expect(await count("SELECT count(*) AS n FROM activity WHERE action = 'dataset.created'")).toBe(datasets);
        expect((await catalog.search({ q: 'crash', states: ['draft'] })).total).toBe(datasets);

        // the load resumes where it stopped
        const resumed = await catalog.datastore.load('crash', crashRows(), { batchSize: 500 });
        expect(resumed.ok && resumed.value).toMatchObject({ rowsSkipped: committed, rowsCommitted: CRASH_ROWS });
        const after = await catalog.datastore.query('crash', { aggregates: [{ op: 'count' }, { op: 'sum', field: 'n' }] });
        expect(after.ok && after.value.rows[0]).toEqual({ count: CRASH_ROWS, sum_n: (CRASH_ROWS * (CRASH_ROWS + 1)) / 2 });
        expect((await catalog.datastore.info('crash'))?.status).toBe('ready');
      } finally {
        await catalog.close();
      }
    } finally {
      await place.cleanup();
    }
  }, 120_000);
});
