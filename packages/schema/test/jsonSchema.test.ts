import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseDataset, parseInventoryEntry, parseOrganization } from '../src/index';
import { JSON_SCHEMA_RECORDS, renderJsonSchema, type JsonSchemaName } from '../scripts/jsonSchemas';
import { ajvPointers, compileCommitted } from './ajv';
import { realisticDataset } from './fixtures';

const names = Object.keys(JSON_SCHEMA_RECORDS) as JsonSchemaName[];

function zodPointers(result: { ok: true } | { ok: false; errors: { path: string }[] }): string[] {
  return result.ok ? [] : [...new Set(result.errors.map((e) => e.path))].sort();
}

describe('committed JSON Schema files', () => {
  it.each(names)('json-schema/%s.json matches what the zod schema generates (run `pnpm --filter @bayan/schema generate`)', (name) => {
    const committed = readFileSync(new URL(`../json-schema/${name}.json`, import.meta.url), 'utf8');
    expect(committed).toBe(renderJsonSchema(name));
  });

  it.each(names)('json-schema/%s.json compiles in ajv strict mode as JSON Schema 2020-12', (name) => {
    const validate = compileCommitted(name);
    expect(typeof validate).toBe('function');
    const schema = JSON.parse(readFileSync(new URL(`../json-schema/${name}.json`, import.meta.url), 'utf8')) as { $schema: string; $id: string };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(`https://w3id.org/bayan/schema/1/${name}.json`);
  });

  it.each(names)('resolves @bayan/schema/json-schema/%s.json through the package exports', (name) => {
    const resolved = createRequire(import.meta.url).resolve(`@bayan/schema/json-schema/${name}.json`);
    expect(resolved.endsWith(`/json-schema/${name}.json`)).toBe(true);
  });

  it('is exported as @bayan/schema/json-schema/<name>.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { exports: Record<string, unknown>; files: string[] };
    expect(pkg.exports['./json-schema/*']).toBe('./json-schema/*');
    expect(pkg.files).toContain('json-schema');
  });
});

describe('ajv and zod agree', () => {
  const validateDataset = compileCommitted('dataset');

  const clone = () => structuredClone(realisticDataset) as Record<string, unknown> & typeof realisticDataset;

  it('both accept a realistic dataset', () => {
    expect(validateDataset(clone())).toBe(true);
    expect(parseDataset(clone()).ok).toBe(true);
  });

  it('both accept a minimal dataset', () => {
    const minimal = { title: { ar: 'عنوان' }, description: { fr: 'Description' } };
    expect(validateDataset(minimal)).toBe(true);
    expect(parseDataset(minimal).ok).toBe(true);
  });

  const invalid: [string, (d: ReturnType<typeof clone>) => void, string][] = [
    ['missing title', (d) => delete (d as Partial<typeof d>).title, '/title'],
    ['empty title', (d) => (d.title = {} as typeof d.title), '/title'],
    ['blank French title', (d) => (d.title.fr = '   '), '/title/fr'],
    ['unknown language in title', (d) => ((d.title as Record<string, string>).de = 'Haushalt'), '/title/de'],
    ['unknown top-level field', (d) => (d.colour = 'blue'), '/colour'],
    ['title as a string', (d) => ((d as Record<string, unknown>).title = 'Budget'), '/title'],
    ['theme outside the EU table', (d) => (d.themes[0] = 'http://publications.europa.eu/resource/authority/data-theme/NOPE'), '/themes/0'],
    ['relative landing page', (d) => (d.landingPage = '/budget'), '/landingPage'],
    ['date not ISO', (d) => (d.issued = '15/01/2024'), '/issued'],
    ['negative byte size', (d) => (d.distributions[0]!.byteSize = -1), '/distributions/0/byteSize'],
    ['fractional byte size', (d) => (d.distributions[0]!.byteSize = 1.5), '/distributions/0/byteSize'],
    ['distribution without accessUrl', (d) => delete (d.distributions[1] as Partial<(typeof d.distributions)[1]>).accessUrl, '/distributions/1/accessUrl'],
    ['upper-case checksum', (d) => (d.distributions[0]!.checksum!.value = d.distributions[0]!.checksum!.value.toUpperCase()), '/distributions/0/checksum/value'],
    ['bad media type', (d) => (d.distributions[0]!.mediaType = 'csv'), '/distributions/0/mediaType'],
    ['language code not a URI', (d) => (d.languages[0] = 'fr'), '/languages/0'],
    ['bounding box of three numbers', (d) => ((d.spatial[0] as Record<string, unknown>).bbox = [1, 2, 3]), '/spatial/0/bbox'],
    ['schemaVersion 2', (d) => (d.schemaVersion = 2), '/schemaVersion'],
    ['service without endpoint', (d) => (d.distributions[2]!.accessServices![0]!.endpointUrls = []), '/distributions/2/accessServices/0/endpointUrls'],
    ['unknown publication state', (d) => (d.publicationState = 'archived'), '/publicationState'],
  ];

  it.each(invalid)('both reject %s at the same pointer', (_label, mutate, pointer) => {
    const record = clone();
    mutate(record);
    const zod = zodPointers(parseDataset(record));
    expect(validateDataset(record)).toBe(false);
    const ajv = ajvPointers(validateDataset.errors);
    expect(zod).toEqual([pointer]);
    expect(ajv).toEqual([pointer]);
  });

  it('both refuse a __proto__ key in extras (zod would drop it silently)', () => {
    const record = JSON.parse('{"title":{"fr":"x"},"description":{"fr":"y"},"extras":{"__proto__":"z"}}') as unknown;
    expect(validateDataset(record)).toBe(false);
    expect(ajvPointers(validateDataset.errors)).toEqual(['/extras/__proto__']);
    expect(zodPointers(parseDataset(record))).toEqual(['/extras/__proto__']);
  });

  it('both require a published inventory entry to link to its dataset', () => {
    const validate = compileCommitted('inventory-entry');
    const entry = { organizationId: 'mef', title: { fr: 'Budget' }, status: 'published' };
    expect(validate(entry)).toBe(false);
    expect(ajvPointers(validate.errors)).toContain('/datasetId');
    expect(zodPointers(parseInventoryEntry(entry))).toEqual(['/datasetId']);
    const linked = { ...entry, datasetId: 'budget-2024' };
    expect(validate(linked)).toBe(true);
    expect(parseInventoryEntry(linked).ok).toBe(true);
  });

  it('both require a contact to have a way to reach it', () => {
    const validate = compileCommitted('organization');
    const org = { slug: 'mef', name: { fr: 'MEF' }, contact: { name: { fr: 'Accueil' } } };
    expect(validate(org)).toBe(false);
    expect(parseOrganization(org).ok).toBe(false);
    const reachable = { ...org, contact: { name: { fr: 'Accueil' }, email: 'contact@mef.gov.example' } };
    expect(validate(reachable)).toBe(true);
    expect(parseOrganization(reachable).ok).toBe(true);
  });
});
