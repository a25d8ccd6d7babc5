import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { startTestS3Server, testS3Credentials } from '@bayan-internal/test-s3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runServe } from './serve';

describe('bayan serve', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bayan-serve-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('seeds the demo on first run, serves the APIs, prints URLs and credentials, and stops cleanly', async () => {
    const lines: string[] = [];
    const controller = new AbortController();
    let checks: Promise<void> | undefined;
    const code = await runServe(
      {
        port: '0',
        data: join(dir, 'data'),
        demoDatasets: '3',
        signal: controller.signal,
        onReady: (server) => {
          checks = (async () => {
            const status = (await (await fetch(`${server.url}/api/v1/status`)).json()) as { datasets: number; backend: string };
            expect(status.backend).toBe('sqlite');
            expect(status.datasets).toBe(3);
            const list = (await (await fetch(`${server.url}/api/3/action/package_list`)).json()) as { result: string[] };
            expect(list.result).toHaveLength(3);
            const password = /admin@demo\.bayan\.ma \/ (\S+)/.exec(lines.join('\n'))?.[1] ?? '';
            const signIn = await fetch(`${server.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@demo.bayan.ma', password }) });
            expect(signIn.status).toBe(200);
          })().finally(() => controller.abort());
        },
      },
      { out: (l) => lines.push(l), err: (l) => lines.push(`ERR ${l}`), env: { LANG: 'en_US.UTF-8' } },
    );
    await checks;
    expect(code).toBe(0);
    const output = lines.join('\n');
    expect(output).toContain('Effective settings:');
    expect(output).toMatch(/port\s+0/);
    expect(output).toContain('First run: seeding the demo catalogue (3 datasets)');
    expect(output).toMatch(/OpenAPI\s+http:\/\/127\.0\.0\.1:\d+\/api\/v1\/openapi\.json/);
    expect(output).toContain('Stopped cleanly.');
  }, 120_000);

  it('keeps files in an S3-compatible bucket when BAYAN_S3_BUCKET is set', async () => {
    const s3 = await startTestS3Server('bayan-serve');
    try {
      const lines: string[] = [];
      const controller = new AbortController();
      let checks: Promise<void> | undefined;
      const env = {
        LANG: 'en_US.UTF-8',
        BAYAN_S3_ENDPOINT: s3.endpoint,
        BAYAN_S3_BUCKET: s3.bucket,
        BAYAN_S3_ACCESS_KEY_ID: testS3Credentials.accessKeyId,
        BAYAN_S3_SECRET_ACCESS_KEY: testS3Credentials.secretAccessKey,
        BAYAN_S3_PREFIX: 'demo',
      };
      const code = await runServe(
        {
          port: '0',
          data: join(dir, 'data-s3'),
          demoDatasets: '2',
          signal: controller.signal,
          onReady: (server) => {
            checks = (async () => {
              const page = (await (await fetch(`${server.url}/api/v1/datasets?limit=5`)).json()) as { items: { record: { distributions: { downloadUrl?: string }[] } }[] };
              const url = page.items.flatMap((i) => i.record.distributions).find((d) => d.downloadUrl?.includes('/files/'))?.downloadUrl;
              expect(url).toBeDefined();
              const file = await fetch(new URL(new URL(url ?? '').pathname, server.url));
              expect(file.status).toBe(200);
              expect((await file.text()).split('\n').length).toBeGreaterThan(2);
            })().finally(() => controller.abort());
          },
        },
        { out: (l) => lines.push(l), err: (l) => lines.push(`ERR ${l}`), env },
      );
      await checks;
      expect(code).toBe(0);
      // The demo's CSV files are objects under the prefix in the bucket, not files in the data folder.
      expect(readdirSync(join(s3.directory, s3.bucket), { recursive: true }).some((name) => String(name).startsWith('demo'))).toBe(true);
      expect(readdirSync(join(dir, 'data-s3', 'files'), { recursive: true }).filter((name) => String(name).endsWith('.csv'))).toEqual([]);

      // A wrong secret is refused before listening, with exit code 2.
      const refused: string[] = [];
      expect(await runServe({ port: '0', data: join(dir, 'data-s3') }, { out: (l) => refused.push(l), err: (l) => refused.push(l), env: { ...env, BAYAN_S3_SECRET_ACCESS_KEY: 'wrong' } })).toBe(2);
    } finally {
      await s3.close();
    }
  }, 120_000);

  it('refuses an invalid port and an unsupported storage with exit code 2', async () => {
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l), env: { LANG: 'fr_FR.UTF-8' } };
    expect(await runServe({ port: '99999', data: join(dir, 'x') }, io)).toBe(2);
    expect(await runServe({ port: '0', data: join(dir, 'x'), storage: 's3://bucket' }, io)).toBe(2);
    expect(lines.join('\n')).toContain('Port invalide : 99999');
  });
});
