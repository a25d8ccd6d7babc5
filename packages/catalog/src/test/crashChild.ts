// Child process for the crash-safety test: does a datastore load or a stream of dataset writes,
// printing each commit, until the parent kills it with SIGKILL.
import { openCatalog } from '../catalog';
import type { StoreLocation } from '../db/store';

const [mode, locationJson] = process.argv.slice(2);
const location = JSON.parse(locationJson ?? '{}') as StoreLocation;

export const CRASH_ROWS = 20_000;

/** The rows of the crash test's load: row i has n = i and a label derived from i. */
export function* crashRows(): Generator<[string, string]> {
  for (let i = 1; i <= CRASH_ROWS; i++) yield [String(i), `ligne ${i} — سطر`];
}

/** The same rows, paced (a pause every 500 rows) so the kill lands mid-load even when loads are fast and the machine is busy. */
async function* pacedRows(): AsyncGenerator<[string, string]> {
  let i = 0;
  for (const row of crashRows()) {
    if (++i % 500 === 0) await new Promise((resolve) => setTimeout(resolve, 40));
    yield row;
  }
}

async function main(): Promise<void> {
  const catalog = await openCatalog(location);
  // The load and the dataset writes run side by side, so one kill interrupts both.
  const load = (async () => {
    await catalog.datastore.create('crash', { fields: [{ name: 'n', type: 'integer' }, { name: 'label', type: 'string' }] });
    await catalog.datastore.load('crash', pacedRows(), { batchSize: 500, onProgress: (n) => process.stdout.write(`committed ${n}\n`) });
    process.stdout.write('finished\n');
  })();
  const writes = (async () => {
    for (let i = 0; ; i++) {
      const r = await catalog.datasets.create({ slug: `crash-${i}`, title: { fr: `Jeu ${i}` }, description: { fr: 'écrit puis tué' }, keywords: { fr: ['crash'] } });
      if (r.ok) process.stdout.write(`created ${r.value.id}\n`);
      // Let the load take its turn at the connection (kysely's SQLite mutex is not first-come first-served).
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  await Promise.all([load, writes]);
}

if (mode === 'crash') await main();
