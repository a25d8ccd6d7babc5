import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCatalog } from '@bayan/catalog';
import { describe, expect, it } from 'vitest';
import { runReindex, runSeed, runUserCreate, runWorker } from './catalog';

function capture(env: NodeJS.ProcessEnv = { LANG: 'en_US.UTF-8' }) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env, progress: false }, out, err };
}

describe('bayan seed, reindex, user create, worker', () => {
  it('seeds a small demo, reindexes it, creates an editor and runs queued jobs', async () => {
    const data = join(mkdtempSync(join(tmpdir(), 'bayan-cli-catalog-')), 'data');
    const seed = capture();
    expect(await runSeed({ data, demo: true, datasets: '5', json: true }, seed.io)).toBe(0);
    expect(JSON.parse(seed.out[0] ?? '{}')).toMatchObject({ organizations: 12, datasets: 5 });

    const reindex = capture({ LANG: 'fr_FR.UTF-8' });
    expect(await runReindex({ data }, reindex.io)).toBe(0);
    expect(reindex.out).toEqual(['5 jeux réindexés.']);

    const user = capture();
    expect(await runUserCreate({ data, email: 'Editor@Example.ma', password: 'a long password', org: 'hcp' }, user.io)).toBe(0);
    const weak = capture({ LANG: 'ar_MA.UTF-8' });
    expect(await runUserCreate({ data, email: 'x@example.ma', password: 'short' }, weak.io)).toBe(1);
    expect(weak.err[0]).toContain('10');

    const catalog = await openCatalog({ data });
    const editor = await catalog.users.authenticate('editor@example.ma', 'a long password');
    expect(editor).toBeDefined();
    expect(await catalog.users.can(editor?.id ?? '', 'edit', 'demo-hcp')).toBe(true);
    const job = await catalog.jobs.enqueue('refresh', { datasetId: 'demo-0001' });
    await catalog.close();

    const controller = new AbortController();
    const worker = capture();
    const running = runWorker({ data, pollMs: '20', signal: controller.signal }, worker.io);
    const check = await openCatalog({ data });
    for (let i = 0; i < 200 && (await check.jobs.get(job.id))?.status !== 'succeeded'; i++) await new Promise((r) => setTimeout(r, 25));
    expect((await check.jobs.get(job.id))?.status).toBe('succeeded');
    await check.close();
    controller.abort();
    expect(await running).toBe(0);
  }, 120_000);

  it('asks for --demo and refuses bad numbers (exit 2)', async () => {
    const c = capture();
    expect(await runSeed({ data: 'x' }, c.io)).toBe(2);
    expect(await runSeed({ data: 'x', demo: true, datasets: 'many' }, c.io)).toBe(2);
  });
});
