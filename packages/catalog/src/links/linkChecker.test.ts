import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog } from '../catalog';
import { backends } from '../test/backends';
import { addressVerdict } from './addressPolicy';
import { createLinkChecker } from './linkChecker';

let server: Server;
let base: string;
const seen: { method: string; path: string; at: number }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', path: req.url ?? '', at: Date.now() });
    if (req.url === '/ok') return res.writeHead(200).end('fine');
    if (req.url === '/no-head') return res.writeHead(req.method === 'HEAD' ? 405 : 200).end();
    if (req.url === '/moved') return res.writeHead(301, { location: '/ok' }).end();
    if (req.url === '/loop') return res.writeHead(302, { location: '/loop' }).end();
    if (req.url === '/slow') return setTimeout(() => res.writeHead(200).end(), 2000);
    return res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('addressVerdict', () => {
  it('refuses loopback, private, link-local and mapped addresses unless allowed', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '192.168.1.1', '172.20.0.1', '169.254.1.1', '::1', 'fe80::1', 'fd12::1', '::ffff:127.0.0.1', '0.0.0.0']) {
      expect(addressVerdict(a, false)).toBe('private');
      expect(addressVerdict(a, true)).toBe('ok');
    }
    expect(addressVerdict('8.8.8.8', false)).toBe('ok');
  });

  it('refuses metadata addresses always', () => {
    expect(addressVerdict('169.254.169.254', true)).toBe('metadata');
    expect(addressVerdict('::ffff:169.254.169.254', true)).toBe('metadata');
  });
});

describe('createLinkChecker', () => {
  const checker = createLinkChecker({ allowPrivateNetworks: true, politenessMs: 0, timeoutMs: 500 });

  it('says a live link is fine with HEAD alone', async () => {
    expect(await checker.check(`${base}/ok`)).toMatchObject({ ok: true, httpStatus: 200, method: 'HEAD', error: null });
  });

  it('falls back to GET when HEAD is refused', async () => {
    expect(await checker.check(`${base}/no-head`)).toMatchObject({ ok: true, httpStatus: 200, method: 'GET' });
  });

  it('follows redirects and gives up on loops', async () => {
    expect(await checker.check(`${base}/moved`)).toMatchObject({ ok: true, finalUrl: `${base}/ok` });
    expect(await checker.check(`${base}/loop`)).toMatchObject({ ok: false, error: 'too_many_redirects' });
  });

  it('reports a missing page after trying GET', async () => {
    expect(await checker.check(`${base}/missing`)).toMatchObject({ ok: false, httpStatus: 404, method: 'GET', error: 'http_error' });
  });

  it('times out', async () => {
    expect(await checker.check(`${base}/slow`)).toMatchObject({ ok: false, error: 'timeout' });
  });

  it('refuses loopback addresses, by IP or by name, when not allowed', async () => {
    const strict = createLinkChecker({ politenessMs: 0, timeoutMs: 500 });
    const before = seen.length;
    expect(await strict.check(`${base}/ok`)).toMatchObject({ ok: false, error: 'refused_address' });
    expect(await strict.check(`${base.replace('127.0.0.1', 'localhost')}/ok`)).toMatchObject({ ok: false, error: 'refused_address' });
    expect(seen.length).toBe(before);
  });

  it('checks every redirect hop: a redirect to the metadata address is refused', async () => {
    const target = createServer((_req, res) => res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end());
    await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(target.address() as AddressInfo).port}/`;
    expect(await checker.check(url)).toMatchObject({ ok: false, error: 'refused_address' });
    target.closeAllConnections();
    await new Promise((r) => target.close(r));
  });

  it('spaces requests to the same host', async () => {
    const polite = createLinkChecker({ allowPrivateNetworks: true, politenessMs: 150 });
    const start = seen.length;
    await Promise.all([polite.check(`${base}/ok`), polite.check(`${base}/ok`), polite.check(`${base}/ok`)]);
    const times = seen.slice(start).map((s) => s.at);
    expect(times).toHaveLength(3);
    for (let i = 1; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(140);
  });

  it('refuses URLs that are not http(s)', async () => {
    expect(await checker.check('file:///etc/passwd')).toMatchObject({ ok: false, error: 'invalid_url' });
    expect(await checker.check('not a url')).toMatchObject({ ok: false, error: 'invalid_url' });
  });
});

describe.each(backends)('link-check job on $name', ({ fresh }) => {
  it('checks a dataset’s links, stores the results and rescores it', async () => {
    const place = fresh();
    const catalog = await openCatalog({ ...place.location, links: { allowPrivateNetworks: true, politenessMs: 0, timeoutMs: 1000 } });
    try {
      const created = await catalog.datasets.create({
        title: { fr: 'Liens' },
        description: { fr: 'Test' },
        distributions: [{ accessUrl: `${base}/ok`, downloadUrl: `${base}/missing` }],
      });
      if (!created.ok) throw new Error('create failed');
      const before = await catalog.reports.quality(created.value.id);
      const job = await catalog.jobs.enqueue('link-check', { datasetId: created.value.id });
      await catalog.jobs.runner(catalog.jobHandlers()).drain();
      expect(await catalog.jobs.get(job.id)).toMatchObject({ status: 'succeeded', result: { checked: 2, broken: 1 } });
      const checks = await catalog.reports.linkChecks(created.value.id);
      expect(checks.map((c) => [c.url.replace(base, ''), c.ok, c.httpStatus])).toEqual([
        ['/missing', false, 404],
        ['/ok', true, 200],
      ]);
      // MQA gives accessibility points only for checked, reachable URLs
      const after = await catalog.reports.quality(created.value.id);
      expect(after?.score).toBeGreaterThan(before?.score ?? 100);
    } finally {
      await catalog.close();
      await place.cleanup();
    }
  });
});
