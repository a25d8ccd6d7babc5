// ajv (strict mode, formats) over the committed JSON Schema files, with errors reduced to the
// JSON pointers parse.ts reports: a missing or unknown property is reported at its own pointer.
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: under ESM interop its function may sit on `.default`.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

const compiled = new Map<string, ValidateFunction>();

// Compiling the catalogue schema takes a few hundred milliseconds: once per name and test file.
export function compileCommitted(name: string): ValidateFunction {
  const cached = compiled.get(name);
  if (cached) return cached;
  const validate = compile(name);
  compiled.set(name, validate);
  return validate;
}

function compile(name: string): ValidateFunction {
  const schema = JSON.parse(readFileSync(new URL(`../json-schema/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

export function ajvPointers(errors: readonly ErrorObject[] | null | undefined): string[] {
  const pointers = new Set<string>();
  for (const e of errors ?? []) {
    if (e.keyword === 'required') pointers.add(`${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}`);
    else if (e.keyword === 'additionalProperties') pointers.add(`${e.instancePath}/${(e.params as { additionalProperty: string }).additionalProperty}`);
    else if (e.keyword === 'propertyNames') pointers.add(`${e.instancePath}/${(e.params as { propertyName: string }).propertyName}`);
    else if (e.propertyName !== undefined) pointers.add(`${e.instancePath}/${e.propertyName}`);
    else pointers.add(e.instancePath);
  }
  return [...pointers].sort();
}
