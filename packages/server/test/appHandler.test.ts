import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type Fixture } from './harness';

// A server-rendered portal is mounted as a Fetch-API handler: it answers the pages, while the API,
// files and feeds registered before it keep answering first.
describe('a portal mounted as a handler', () => {
  let f: Fixture;
  const seen: string[] = [];
  beforeAll(async () => {
    f = await startFixture('sqlite', {
      apps: {
        portal: (request) => {
          seen.push(new URL(request.url).pathname);
          return Promise.resolve(new Response(`<!doctype html><p>${new URL(request.url).pathname}</p>`, { headers: { 'content-type': 'text/html' } }));
        },
      },
    });
  });
  afterAll(async () => {
    await f.close();
  });

  it('answers pages through the handler and the API through the API', async () => {
    const page = await fetch(`${f.url}/ar/search?q=x`);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<!doctype html><p>/ar/search</p>');
    const status = await fetch(`${f.url}/api/v1/status`);
    expect(status.headers.get('content-type')).toContain('application/json');
    const missing = await fetch(`${f.url}/api/v1/nowhere`);
    expect(missing.status).toBe(404);
    expect(seen).toEqual(['/ar/search']);
  });
});
