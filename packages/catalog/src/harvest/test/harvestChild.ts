// Test support: runs one harvest in a child process, so a test can kill it with SIGKILL.
// argv: JSON { location, sourceId }. Imports in small batches and pauses after each, so the test
// can kill it between two batches or in the middle of one.
import { openCatalog } from '../../catalog';
import { runHarvest } from '../runHarvest';

const { location, sourceId } = JSON.parse(process.argv[2] ?? '{}') as { location: Parameters<typeof openCatalog>[0]; sourceId: string };
const catalog = await openCatalog(location);
const pause = new Int32Array(new SharedArrayBuffer(4));
await runHarvest(catalog, sourceId, {
  allowPrivateNetworks: true,
  worker: 'child',
  leaseMs: 600,
  batchSize: 5,
  onProgress: (p) => {
    if (p.stage === 'import') Atomics.wait(pause, 0, 0, 40);
  },
});
await catalog.close();
