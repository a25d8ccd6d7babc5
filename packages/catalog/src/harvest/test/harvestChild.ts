// Test support: runs one harvest in a child process, so a test can kill it with SIGKILL.
// argv: JSON { location, sourceId }.
import { openCatalog } from '../../catalog';
import { runHarvest } from '../runHarvest';

const { location, sourceId } = JSON.parse(process.argv[2] ?? '{}') as { location: Parameters<typeof openCatalog>[0]; sourceId: string };
const catalog = await openCatalog(location);
await runHarvest(catalog, sourceId, { allowPrivateNetworks: true, worker: 'child', leaseMs: 600 });
await catalog.close();
