// Writes json-schema/<record>.json from the zod schemas: `pnpm --filter @bayan/schema generate`.
// test/jsonSchema.test.ts fails when the committed files differ from what this would write.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSON_SCHEMA_RECORDS, renderJsonSchema, type JsonSchemaName } from './jsonSchemas';

const outDir = fileURLToPath(new URL('../json-schema/', import.meta.url));
mkdirSync(outDir, { recursive: true });
for (const name of Object.keys(JSON_SCHEMA_RECORDS) as JsonSchemaName[]) {
  const text = renderJsonSchema(name);
  writeFileSync(`${outDir}${name}.json`, text);
  console.log(`json-schema/${name}.json  ${text.length} bytes`);
}
