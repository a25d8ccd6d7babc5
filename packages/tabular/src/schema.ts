import type { FieldDescriptor } from './fieldTypes';
import { FIELD_TYPES } from './fieldTypes';

/** A foreign key, normalised: field lists are arrays, `resource` is '' for the same table. */
export interface ForeignKey {
  fields: string[];
  reference: { resource: string; fields: string[] };
}

/** How schema fields are matched to the table's columns. */
export type FieldsMatch = 'exact' | 'equal' | 'subset' | 'superset' | 'partial';

/** A Table Schema descriptor (v1 or v2). */
export interface SchemaDescriptor {
  fields: FieldDescriptor[];
  missingValues?: (string | { value: string; label?: string })[];
  primaryKey?: string | string[];
  uniqueKeys?: (string | string[])[];
  foreignKeys?: { fields: string | string[]; reference: { resource?: string; fields: string | string[] } }[];
  fieldsMatch?: FieldsMatch;
  [key: string]: unknown;
}

/** A schema with every shorthand expanded. */
export interface NormalisedSchema {
  fields: FieldDescriptor[];
  missingValues: string[];
  primaryKey: string[];
  uniqueKeys: string[][];
  foreignKeys: ForeignKey[];
  fieldsMatch: FieldsMatch;
}

const asList = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const missingList = (values: (string | { value: string })[] | undefined): string[] | undefined =>
  values?.map((item) => (typeof item === 'string' ? item : item.value));

/**
 * Expands a schema and runs the referential checks the JSON profiles cannot express: keys name
 * existing fields, field names are unique, types are known, missing values are unique.
 */
export function normaliseSchema(descriptor: SchemaDescriptor): { schema: NormalisedSchema; problems: string[] } {
  const problems: string[] = [];
  const fields = Array.isArray(descriptor.fields) ? descriptor.fields : [];
  if (!Array.isArray(descriptor.fields)) problems.push('"fields" must be an array');
  const names = new Set<string>();
  for (const [index, field] of fields.entries()) {
    if (typeof field?.name !== 'string') {
      problems.push(`field ${index + 1} has no name`);
      continue;
    }
    if (names.has(field.name)) problems.push(`field name "${field.name}" is used twice`);
    names.add(field.name);
    if (field.type !== undefined && !(FIELD_TYPES as readonly string[]).includes(field.type)) problems.push(`field "${field.name}" has an unknown type "${field.type}"`);
    const own = missingList(field.missingValues);
    if (own && new Set(own).size !== own.length) problems.push(`field "${field.name}" lists a missing value twice`);
  }
  const missingValues = missingList(descriptor.missingValues) ?? [''];
  if (new Set(missingValues).size !== missingValues.length) problems.push('"missingValues" lists a value twice');
  const known = (list: string[], where: string): string[] => {
    for (const name of list) if (!names.has(name)) problems.push(`${where} names a field that does not exist: "${name}"`);
    return list;
  };
  const primaryKey = known(asList(descriptor.primaryKey), '"primaryKey"');
  const uniqueKeys = (descriptor.uniqueKeys ?? []).map((key) => known(asList(key), '"uniqueKeys"'));
  const foreignKeys: ForeignKey[] = (descriptor.foreignKeys ?? []).map((key) => {
    const fk = {
      fields: known(asList(key.fields), '"foreignKeys"'),
      reference: { resource: key.reference?.resource ?? '', fields: asList(key.reference?.fields) },
    };
    if (fk.fields.length !== fk.reference.fields.length) problems.push('a foreign key has a different number of fields and reference fields');
    if (fk.reference.resource === '') known(fk.reference.fields, '"foreignKeys.reference"');
    return fk;
  });
  const fieldsMatch = descriptor.fieldsMatch ?? 'exact';
  if (!['exact', 'equal', 'subset', 'superset', 'partial'].includes(fieldsMatch)) problems.push(`"fieldsMatch" "${String(fieldsMatch)}" is unknown`);
  return { schema: { fields, missingValues, primaryKey, uniqueKeys, foreignKeys, fieldsMatch }, problems };
}
