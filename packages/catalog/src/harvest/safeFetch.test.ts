import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonDepthExceeds, parseJsonLimited } from './jsonLimits';
import { safeFetch } from './safeFetch';
import { startHarvestServer, type HarvestServer } from './test/harvestServer';

let server: HarvestServer;
beforeAll(async () => {
  server = await startHarvestServer({ packages: 1 });
});
afterAll(async () => {
  await server.close();
});

describe('safeFetch', () => {
  it('refuses a host name that resolves to loopback', async () => {
    const got = await safeFetch(`${server.url.replace('127.0.0.1', 'localhost')}/ckan/api/3/action/status_show`);
    expect(got).toMatchObject({ ok: false, problem: { code: 'blocked_address' } });
  });

  it('reads a local server when private networks are allowed', async () => {
    const got = await safeFetch(`${server.url}/ckan/api/3/action/status_show`, { allowPrivateNetworks: true });
    expect(got.ok && got.response.status).toBe(200);
  });

  it('checks redirects again: a redirect to a metadata address is refused', async () => {
    const got = await safeFetch(`${server.url}/redirect-to-metadata`, { allowPrivateNetworks: true });
    expect(got).toMatchObject({ ok: false, problem: { code: 'blocked_address' } });
  });

  it('stops reading past the size limit', async () => {
    const got = await safeFetch(`${server.url}/huge`, { allowPrivateNetworks: true, maxBytes: 100_000 });
    expect(got).toMatchObject({ ok: false, problem: { code: 'too_large' } });
  });

  it('gives up on a source that does not answer in time', async () => {
    const got = await safeFetch(`${server.url}/slow/x`, { allowPrivateNetworks: true, timeoutMs: 200 });
    expect(got).toMatchObject({ ok: false, problem: { code: 'timeout', message: { fr: expect.stringContaining('200 ms') } } });
  });

  it('refuses protocols other than http and https', async () => {
    const got = await safeFetch('file:///etc/passwd');
    expect(got).toMatchObject({ ok: false, problem: { code: 'bad_url' } });
  });
});

describe('parseJsonLimited', () => {
  it('refuses deep nesting before parsing and ignores brackets inside strings', () => {
    expect(jsonDepthExceeds('['.repeat(100) + ']'.repeat(100), 64)).toBe(true);
    expect(jsonDepthExceeds(JSON.stringify({ a: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[' }), 5)).toBe(false);
    const parsed = parseJsonLimited('{"a":', 'page');
    expect(parsed).toMatchObject({ ok: false, problem: { code: 'invalid_json' } });
  });
});
