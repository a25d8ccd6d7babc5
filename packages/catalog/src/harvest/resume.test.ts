import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog } from '../catalog';
import { backends } from '../test/backends';
import { runHarvest } from './runHarvest';
import { startHarvestServer, type HarvestServer } from './test/harvestServer';

const child = fileURLToPath(new URL('./test/harvestChild.ts', import.meta.url));

let server: HarvestServer;
beforeAll(async () => {
  server = await startHarvestServer({ packages: 60, malformedEvery: 30 });
});
afterAll(async () => {
  await server.close();
});

describe.each(backends)('a harvest killed with SIGKILL on $name', ({ fresh }) => {
  it('resumes from its checkpoint and ends with no duplicates', async () => {
    const place = fresh();
    const catalog = await openCatalog(place.location);
    try {
      const source = await catalog.harvests.addSource({ kind: 'ckan', url: `${server.url}/ckan/api/3/action`, config: { rows: 10 } });
      server.delayMs = 100;
      const proc = spawn(process.execPath, ['--conditions=@bayan/source', '--import', 'tsx', child, JSON.stringify({ location: place.location, sourceId: source.id })], { stdio: ['ignore', 'ignore', 'inherit'] });
      const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
      // Kill it in the middle of the import stage, once some records are in.
      const deadline = Date.now() + 60_000;
      for (;;) {
        const done = await catalog.store.db.selectFrom('harvest_run_items').select((eb) => eb.fn.countAll().as('n')).where('state', '=', 'done').executeTakeFirst();
        if (Number(done?.n ?? 0) >= 15) break;
        if (Date.now() > deadline) throw new Error('the child never reached the import stage');
        await new Promise((r) => setTimeout(r, 25));
      }
      proc.kill('SIGKILL');
      await exited;
      server.delayMs = 0;
      const killed = await catalog.store.db.selectFrom('harvest_runs').selectAll().where('source_id', '=', source.id).executeTakeFirstOrThrow();
      expect(killed.status).toBe('running');
      expect(killed.stage).toBe('import');

      // The dead worker's lease (600 ms) must run out before another worker may take the run over.
      await new Promise((r) => setTimeout(r, 700));
      const report = await runHarvest(catalog, source.id, { allowPrivateNetworks: true, leaseMs: 600, worker: 'parent' });
      // Took the run over only after its lease ran out, then finished it.
      expect(report.runId).toBe(killed.id);
      expect(report.resumed).toBe(true);
      expect(report.counts.created).toBe(72);
      expect(report.counts.failed).toBe(6);
      const datasets = await catalog.store.db.selectFrom('datasets').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      expect(Number(datasets.n)).toBe(72);
      const records = await catalog.store.db.selectFrom('harvest_records').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'active').executeTakeFirstOrThrow();
      expect(Number(records.n)).toBe(72);
      const firstRevisions = await catalog.store.db.selectFrom('dataset_revisions').select((eb) => eb.fn.countAll().as('n')).where('revision', '=', 1).executeTakeFirstOrThrow();
      expect(Number(firstRevisions.n)).toBe(72);
      expect((await catalog.harvests.runs(source.id)).map((r) => r.status)).toEqual(['partial']);
    } finally {
      server.delayMs = 0;
      await catalog.close();
      await place.cleanup();
    }
  }, 120_000);
});
