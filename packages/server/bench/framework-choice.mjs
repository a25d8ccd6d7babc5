// Reproduce: copy this file into an empty folder, `npm i hono@4.13.19 @hono/node-server@2.1.9 @hono/zod-openapi@1.6.3 zod@4.6.7 fastify@5.12.8 fastify-type-provider-zod@7.0.0 autocannon@8.0.0`, `node framework-choice.mjs`.
// Kept out of the workspace on purpose: Fastify is not a dependency of Bayan (see docs/decisions/0002).
// Hono 4.13 (+ @hono/node-server, @hono/zod-openapi) vs Fastify 5.12 (+ fastify-type-provider-zod):
// hello-JSON and a zod-validated query route, autocannon 16 connections, 127.0.0.1, bounded.
import autocannon from 'autocannon';
import { createServer } from 'node:http';
import { z } from 'zod';

const QuerySchema = z.object({ q: z.string().max(200), rows: z.coerce.number().int().min(0).max(1000).default(10) });
const payload = (q, rows) => ({ count: 1, results: [{ id: 'x', title: { fr: q } }], rows });

async function hono() {
  const { OpenAPIHono, createRoute } = await import('@hono/zod-openapi');
  const { serve } = await import('@hono/node-server');
  const app = new OpenAPIHono();
  app.get('/hello', (c) => c.json({ hello: 'world' }));
  app.openapi(createRoute({ method: 'get', path: '/search', request: { query: QuerySchema }, responses: { 200: { description: 'ok' } } }), (c) => {
    const { q, rows } = c.req.valid('query');
    return c.json(payload(q, rows), 200);
  });
  return new Promise((resolve) => { const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (i) => resolve({ port: i.port, close: () => new Promise((r) => s.close(r)) })); });
}
async function fastify() {
  const Fastify = (await import('fastify')).default;
  const { serializerCompiler, validatorCompiler } = await import('fastify-type-provider-zod');
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler); app.setSerializerCompiler(serializerCompiler);
  app.get('/hello', async () => ({ hello: 'world' }));
  app.get('/search', { schema: { querystring: QuerySchema } }, async (req) => payload(req.query.q, req.query.rows));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { port: app.server.address().port, close: () => app.close() };
}
async function bare() {
  const s = createServer((req, res) => {
    const u = new URL(req.url, 'http://x');
    const body = u.pathname === '/hello' ? { hello: 'world' } : (() => { const r = QuerySchema.safeParse(Object.fromEntries(u.searchParams)); return r.success ? payload(r.data.q, r.data.rows) : { error: 1 }; })();
    res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify(body));
  });
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  return { port: s.address().port, close: () => new Promise((r) => s.close(r)) };
}
const run = (url) => autocannon({ url, connections: 16, duration: 5, pipelining: 1 });
const rows = [];
for (const [name, start] of [['node:http (bare)', bare], ['hono', hono], ['fastify', fastify]]) {
  const srv = await start();
  for (const path of ['/hello', '/search?q=budget&rows=20']) {
    await autocannon({ url: `http://127.0.0.1:${srv.port}${path}`, connections: 16, duration: 1 }); // warm-up
    const r = await run(`http://127.0.0.1:${srv.port}${path}`);
    rows.push({ name, path, rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx });
  }
  await srv.close();
}
const base = Object.fromEntries(rows.filter((r) => r.name.startsWith('node')).map((r) => [r.path, r.rps]));
for (const r of rows) console.log(`${r.name.padEnd(18)} ${r.path.padEnd(26)} ${String(r.rps).padStart(7)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  ×${(r.rps / base[r.path]).toFixed(2)} of bare  errors ${r.errors}`);
