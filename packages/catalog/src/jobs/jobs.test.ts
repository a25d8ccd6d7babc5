import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../catalog';
import { backends, type TestLocation } from '../test/backends';

describe.each(backends)('jobs on $name', ({ fresh }) => {
  let place: TestLocation;
  let catalog: Catalog;
  let time = 1_000_000;
  beforeEach(async () => {
    place = fresh();
    time = 1_000_000;
    catalog = await openCatalog({ ...place.location, clock: () => time });
  });
  afterEach(async () => {
    await catalog.close();
    await place.cleanup();
  });

  it('runs a job and stores its result and progress', async () => {
    const job = await catalog.jobs.enqueue('add', { a: 2, b: 3 });
    const runner = catalog.jobs.runner({
      add: async (j, helpers) => {
        await helpers.progress(0.5, 'half');
        const { a, b } = j.payload as { a: number; b: number };
        return a + b;
      },
    });
    expect(await runner.drain()).toBe(1);
    expect(await catalog.jobs.get(job.id)).toMatchObject({ status: 'succeeded', result: 5, progress: 1, attempts: 1, progressNote: 'half' });
  });

  it('does not queue the same idempotency key twice', async () => {
    const a = await catalog.jobs.enqueue('x', 1, { idempotencyKey: 'k' });
    const b = await catalog.jobs.enqueue('x', 2, { idempotencyKey: 'k' });
    expect(b.id).toBe(a.id);
    expect(await catalog.jobs.list()).toHaveLength(1);
  });

  it('retries a failing job with a growing backoff, then fails it', async () => {
    const job = await catalog.jobs.enqueue('boom', null, { maxAttempts: 3 });
    const runner = catalog.jobs.runner({ boom: () => Promise.reject(new Error('nope')) }, { backoffMs: 100 });
    expect(await runner.runOnce()).toBe(true);
    expect(await catalog.jobs.get(job.id)).toMatchObject({ status: 'queued', attempts: 1, runAt: time + 100, error: 'nope' });
    expect(await runner.runOnce()).toBe(false); // not due yet
    time += 100;
    await runner.runOnce();
    expect((await catalog.jobs.get(job.id))?.runAt).toBe(time + 200);
    time += 200;
    await runner.runOnce();
    expect(await catalog.jobs.get(job.id)).toMatchObject({ status: 'failed', attempts: 3 });
  });

  it('frees a job whose worker stopped answering, and fails it after its last attempt', async () => {
    const job = await catalog.jobs.enqueue('slow', null, { timeoutMs: 1000, maxAttempts: 2 });
    expect((await catalog.jobs.claim('dead-worker'))?.id).toBe(job.id);
    expect(await catalog.jobs.claim('other')).toBeUndefined();
    time += 1001;
    const again = await catalog.jobs.claim('other');
    expect(again).toMatchObject({ id: job.id, attempts: 2, lockedBy: 'other' });
    // the dead worker wakes up: its result is refused
    expect(await catalog.jobs.complete(job.id, 'dead-worker', 'late')).toBe(false);
    time += 1001;
    expect(await catalog.jobs.reap()).toBe(1);
    expect((await catalog.jobs.get(job.id))?.status).toBe('failed');
  });

  it('gives each job to one worker only when many claim at once', async () => {
    for (let i = 0; i < 20; i++) await catalog.jobs.enqueue('t', i);
    const claims = await Promise.all(Array.from({ length: 30 }, (_, i) => catalog.jobs.claim(`w${i}`)));
    const ids = claims.filter((c) => c !== undefined).map((c) => c.id);
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
  });

  it('times out a handler that hangs and aborts its signal', async () => {
    const job = await catalog.jobs.enqueue('hang', null, { timeoutMs: 50, maxAttempts: 1 });
    let aborted = false;
    const runner = catalog.jobs.runner({
      hang: (_j, { signal }) =>
        new Promise((resolve) => {
          signal.addEventListener('abort', () => {
            aborted = true;
            resolve(undefined);
          });
        }),
    });
    await runner.runOnce();
    expect(aborted).toBe(true);
    expect(await catalog.jobs.get(job.id)).toMatchObject({ status: 'failed', error: 'timed out after 50 ms' });
  });

  it('runs in the background until stopped', async () => {
    const done: number[] = [];
    const runner = catalog.jobs.runner({ t: (j) => Promise.resolve(done.push(j.payload as number)) }, { pollMs: 10, concurrency: 2 });
    runner.start();
    await catalog.jobs.enqueue('t', 1);
    await catalog.jobs.enqueue('t', 2);
    for (let i = 0; i < 200 && done.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    await runner.stop();
    expect(done.sort()).toEqual([1, 2]);
  });

  it('cancels a queued job', async () => {
    const job = await catalog.jobs.enqueue('t', null);
    expect(await catalog.jobs.cancel(job.id)).toBe(true);
    expect(await catalog.jobs.claim('w')).toBeUndefined();
  });
});
