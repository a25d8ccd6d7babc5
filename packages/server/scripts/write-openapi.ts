// Writes the OpenAPI 3.1 document of @bayan/server to openapi.json (committed; @bayan/client's
// test checks its operations against it, and a server test fails when it drifts from the code).
// Run: pnpm --filter @bayan/server openapi
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCatalog } from '@bayan/catalog';
import { createServer } from '../src/index';

const dir = mkdtempSync(join(tmpdir(), 'bayan-openapi-'));
const catalog = await openCatalog({ data: dir });
try {
  const server = await createServer({ catalog });
  writeFileSync(new URL('../openapi.json', import.meta.url), `${JSON.stringify(server.openapi(), null, 2)}\n`);
  console.log('wrote packages/server/openapi.json');
} finally {
  await catalog.close();
  rmSync(dir, { recursive: true, force: true });
}
