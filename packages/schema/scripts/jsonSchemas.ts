import { z } from 'zod';
import {
  catalogSchema,
  dataServiceSchema,
  datasetSchema,
  datasetSeriesSchema,
  distributionSchema,
  inventoryEntrySchema,
  organizationSchema,
} from '../src/index';

/** Where the published JSON Schema files say they live. */
export const JSON_SCHEMA_BASE = 'https://w3id.org/bayan/schema/1/';

/** The records published as JSON Schema, by file name (without `.json`). */
export const JSON_SCHEMA_RECORDS = {
  catalog: { schema: catalogSchema, title: 'Bayan catalogue (dcat:Catalog)' },
  'data-service': { schema: dataServiceSchema, title: 'Bayan data service (dcat:DataService)' },
  dataset: { schema: datasetSchema, title: 'Bayan dataset (dcat:Dataset) with its distributions' },
  'dataset-series': { schema: datasetSeriesSchema, title: 'Bayan dataset series (dcat:DatasetSeries)' },
  distribution: { schema: distributionSchema, title: 'Bayan distribution (dcat:Distribution)' },
  'inventory-entry': { schema: inventoryEntrySchema, title: 'Bayan inventory entry' },
  organization: { schema: organizationSchema, title: 'Bayan organisation (producer)' },
} as const;

/** The name of a published JSON Schema file (without `.json`). */
export type JsonSchemaName = keyof typeof JSON_SCHEMA_RECORDS;

/** The JSON Schema (2020-12) of one record, describing what Bayan accepts as input. */
export function buildJsonSchema(name: JsonSchemaName): Record<string, unknown> {
  const { schema, title } = JSON_SCHEMA_RECORDS[name];
  const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw', cycles: 'ref', reused: 'inline' });
  const { $schema, ...rest } = generated as Record<string, unknown>;
  return { $schema, $id: `${JSON_SCHEMA_BASE}${name}.json`, title, ...rest };
}

/** The text of one committed file: stable key order from the zod schema, two-space indent, final newline. */
export function renderJsonSchema(name: JsonSchemaName): string {
  return `${JSON.stringify(buildJsonSchema(name), null, 2)}\n`;
}
