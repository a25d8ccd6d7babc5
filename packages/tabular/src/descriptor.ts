import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import package1 from '../profiles/1.0/datapackage.json' with { type: 'json' };
import resource1 from '../profiles/1.0/dataresource.json' with { type: 'json' };
import dialect1 from '../profiles/1.0/tabledialect.json' with { type: 'json' };
import schema1 from '../profiles/1.0/tableschema.json' with { type: 'json' };
import package2 from '../profiles/2.0/datapackage.json' with { type: 'json' };
import resource2 from '../profiles/2.0/dataresource.json' with { type: 'json' };
import dialect2 from '../profiles/2.0/tabledialect.json' with { type: 'json' };
import schema2 from '../profiles/2.0/tableschema.json' with { type: 'json' };
import { createError } from './report';
import type { TableError } from './report';
import { normaliseSchema } from './schema';
import type { SchemaDescriptor } from './schema';

/** Kinds of Frictionless descriptors. */
export type DescriptorKind = 'package' | 'resource' | 'schema' | 'dialect';

const PROFILES: Record<DescriptorKind, [object, object]> = {
  package: [package1, package2],
  resource: [resource1, resource2],
  schema: [schema1, schema2],
  dialect: [dialect1, dialect2],
};
const ERROR_TYPES: Record<DescriptorKind, string> = { package: 'package-error', resource: 'resource-error', schema: 'schema-error', dialect: 'dialect-error' };
const compiled = new Map<string, ValidateFunction>();
let ajv: Ajv | undefined;

function validator(kind: DescriptorKind, version: 1 | 2): ValidateFunction {
  const key = `${kind}${version}`;
  let validate = compiled.get(key);
  if (!validate) {
    if (!ajv) {
      // The official profiles do not compile in strict mode and use a `textarea` format.
      ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
      // ajv-formats is CommonJS: its default import is the plugin or a namespace holding it.
      const plugin = (addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats;
      plugin(ajv);
      ajv.addFormat('textarea', true);
    }
    validate = ajv.compile(PROFILES[kind][version - 1]!);
    compiled.set(key, validate);
  }
  return validate;
}

const FIELDS_MATCH = new Set(['exact', 'equal', 'subset', 'superset', 'partial']);

function pointerValue(root: unknown, pointer: string): unknown {
  let value = root;
  for (const part of pointer.split('/').slice(1)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return value;
}

function declaredVersion(descriptor: Record<string, unknown>): 1 | 2 | undefined {
  const raw = descriptor.$schema ?? descriptor.profile;
  const declared = typeof raw === 'string' ? raw : '';
  if (declared.includes('/2.0/') || declared.includes('/2/')) return 2;
  if (declared.includes('/1.0/') || declared.startsWith('tabular-data-') || declared === 'data-package' || declared === 'data-resource') return 1;
  return undefined;
}

/**
 * Checks a Data Package, Data Resource, Table Schema or Table Dialect descriptor against the
 * official v2 (2024) or v1 JSON Schema profiles (shipped in this package) with ajv, plus, for
 * schemas, the referential checks the profiles miss (keys name existing fields, unique names,
 * unique missing values). The version comes from `$schema`/`profile`; without one a descriptor
 * is valid when it satisfies either version.
 *
 * @example
 * ```ts
 * import { validateDescriptor } from '@bayan/tabular';
 * const { valid, errors } = validateDescriptor({ fields: [{ name: 'id' }], primaryKey: 'code' }, 'schema');
 * // valid === false; errors[0].note: '"primaryKey" names a field that does not exist: "code"'
 * ```
 */
export function validateDescriptor(descriptor: unknown, kind: DescriptorKind): { valid: boolean; errors: TableError[] } {
  const type = ERROR_TYPES[kind];
  if (descriptor === null || typeof descriptor !== 'object' || Array.isArray(descriptor)) {
    return { valid: false, errors: [createError(type, { note: `the ${kind} descriptor must be a JSON object` })] };
  }
  const record = descriptor as Record<string, unknown>;
  const versions: (1 | 2)[] = declaredVersion(record) ? [declaredVersion(record)!] : [2, 1];
  let notes: string[] = [];
  for (const version of versions) {
    const validate = validator(kind, version);
    // The published v2 profile types `fieldsMatch` as an array, while the v2 specification
    // (and every implementation) uses one string: accept the specified form.
    const problems = validate(descriptor) ? [] : (validate.errors ?? []).filter((error) => !(error.instancePath.endsWith('/fieldsMatch') && typeof pointerValue(descriptor, error.instancePath) === 'string' && FIELDS_MATCH.has(pointerValue(descriptor, error.instancePath) as string)));
    if (problems.length === 0) {
      notes = [];
      break;
    }
    if (notes.length === 0) notes = problems.slice(0, 20).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
  }
  const errors = notes.map((note) => createError(type, { note }));
  const schemas: unknown[] = kind === 'schema' ? [descriptor] : kind === 'resource' ? [record.schema] : kind === 'package' && Array.isArray(record.resources) ? record.resources.map((r) => (r as Record<string, unknown>)?.schema) : [];
  for (const schema of schemas) {
    if (schema && typeof schema === 'object' && Array.isArray((schema as SchemaDescriptor).fields)) {
      for (const note of normaliseSchema(schema as SchemaDescriptor).problems) errors.push(createError('schema-error', { note }));
    }
  }
  return { valid: errors.length === 0, errors };
}
