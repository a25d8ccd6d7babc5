// The load generator of search.bench.ts, in its own process so it does not share the server's
// event loop: autocannon against BENCH_URL with BENCH_PATHS (JSON array) rotated over one request
// template, BENCH_CONNECTIONS connections for BENCH_SECONDS; prints autocannon's result as JSON.
import autocannon from 'autocannon';

const paths = JSON.parse(process.env.BENCH_PATHS ?? '["/"]');
let i = 0;
const result = await autocannon({
  url: process.env.BENCH_URL,
  connections: Number(process.env.BENCH_CONNECTIONS ?? 16),
  duration: Number(process.env.BENCH_SECONDS ?? 10),
  requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] ?? '/' }) }],
});
process.stdout.write(JSON.stringify(result));
