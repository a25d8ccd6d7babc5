import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateTable } from './index';
import type { Report, SchemaDescriptor, ValidateOptions } from './index';
import { fromPath, validatePackageFile } from './node';

// ../shared/conformance/frictionless, relative to the repository root (/work/main).
const DATA = fileURLToPath(new URL('../../../../shared/conformance/frictionless/data/', import.meta.url));

type Expected = [number | '-', number | '-', string];

function summary(report: Report, task = 0): Expected[] {
  return report.tasks[task]!.errors.map((error) => [error.rowNumber ?? '-', error.fieldNumber ?? '-', error.type]);
}

function schemaFile(name: string): SchemaDescriptor {
  return JSON.parse(readFileSync(DATA + name, 'utf8')) as SchemaDescriptor;
}

async function validate(file: string, options: ValidateOptions = {}): Promise<Report> {
  return validateTable(fromPath(DATA + file), options);
}

describe('conformance with frictionless-py (expected.md)', () => {
  it('invalid.csv with an inferred schema', async () => {
    const report = await validate('invalid.csv');
    expect(summary(report)).toEqual([
      ['-', 3, 'blank-label'], ['-', 4, 'duplicate-label'], [2, 3, 'missing-cell'], [2, 4, 'missing-cell'],
      [3, 3, 'missing-cell'], [3, 4, 'missing-cell'], [4, '-', 'blank-row'], [5, 5, 'extra-cell'],
    ]);
    expect(report.valid).toBe(false);
  });

  it('invalid.csv picking only #header errors', async () => {
    expect(summary(await validate('invalid.csv', { pick: ['#header'] }))).toEqual([['-', 3, 'blank-label'], ['-', 4, 'duplicate-label']]);
  });

  it('invalid.csv with an error limit of 3', async () => {
    const report = await validate('invalid.csv', { limitErrors: 3 });
    expect(summary(report)).toEqual([['-', 3, 'blank-label'], ['-', 4, 'duplicate-label'], [2, 3, 'missing-cell']]);
    expect(report.tasks[0]!.warnings).toEqual(['reached error limit: 3']);
  });

  it('blank-headers.csv', async () => {
    expect(summary(await validate('blank-headers.csv'))).toEqual([['-', 2, 'blank-label']]);
  });

  it('duplicate-headers.csv', async () => {
    expect(summary(await validate('duplicate-headers.csv'))).toEqual([['-', 3, 'duplicate-label'], ['-', 5, 'duplicate-label']]);
  });

  it('defective-rows.csv', async () => {
    expect(summary(await validate('defective-rows.csv'))).toEqual([[2, 3, 'missing-cell'], [3, 4, 'extra-cell']]);
  });

  it('blank-rows.csv', async () => {
    expect(summary(await validate('blank-rows.csv'))).toEqual([[4, '-', 'blank-row']]);
  });

  it('blank-rows-multiple.csv reports rows 4 to 14', async () => {
    const expected = Array.from({ length: 11 }, (_, i): Expected => [i + 4, '-', 'blank-row']);
    expect(summary(await validate('blank-rows-multiple.csv'))).toEqual(expected);
  });

  it('structure-errors.csv with an error limit of 3', async () => {
    expect(summary(await validate('structure-errors.csv', { limitErrors: 3 }))).toEqual([[4, '-', 'blank-row'], [5, 4, 'extra-cell'], [5, 5, 'extra-cell']]);
  });

  it('empty.csv is one source-error', async () => {
    const report = await validate('empty.csv');
    expect(summary(report)).toEqual([['-', '-', 'source-error']]);
    expect(report.tasks[0]!.errors[0]!.note).toBe('the source is empty');
  });

  it('without-rows.csv is valid', async () => {
    const report = await validate('without-rows.csv');
    expect(report.valid).toBe(true);
    expect(report.tasks[0]!.labels).toEqual(['id', 'name']);
  });

  it('latin1.csv forced to utf-8 gives one encoding-error', async () => {
    expect(summary(await validate('latin1.csv', { encoding: 'utf-8' }))).toEqual([['-', '-', 'encoding-error']]);
  });

  it('latin1.csv with a detected encoding is valid', async () => {
    expect((await validate('latin1.csv')).valid).toBe(true);
  });

  it('table.csv with 40 expected bytes', async () => {
    const report = await validate('table.csv', { stats: { bytes: 40 } });
    expect(summary(report)).toEqual([['-', '-', 'byte-count']]);
    expect(report.tasks[0]!.errors[0]!.note).toBe('expected is "40" and actual is "30"');
  });

  it('table.csv with 3 expected rows', async () => {
    const report = await validate('table.csv', { stats: { rows: 3 } });
    expect(summary(report)).toEqual([['-', '-', 'row-count']]);
    expect(report.tasks[0]!.errors[0]!.note).toBe('expected is "3" and actual is "2"');
  });

  it('table.csv with a bad hash shows the actual md5 and sha256', async () => {
    const md5 = await validate('table.csv', { stats: { hash: 'bad' } });
    expect(summary(md5)).toEqual([['-', '-', 'hash-count']]);
    expect(md5.tasks[0]!.errors[0]!.note).toContain('6c2c61dd9b0e9c6876139a449ed87933');
    const sha = await validate('table.csv', { stats: { hash: 'sha256:bad' } });
    expect(sha.tasks[0]!.errors[0]!.note).toContain('a1fd6c5ff3494f697874deeb07f69f8667e903dd94a7bc062dd57550cea26da8');
    const good = await validate('table.csv', { stats: { hash: 'sha256:a1fd6c5ff3494f697874deeb07f69f8667e903dd94a7bc062dd57550cea26da8' } });
    expect(good.valid).toBe(true);
  });

  it('table.csv with the single field id: integer', async () => {
    const report = await validate('table.csv', { schema: { fields: [{ name: 'id', type: 'integer' }] } });
    expect(summary(report)).toEqual([['-', 2, 'extra-label'], [2, 2, 'extra-cell'], [3, 2, 'extra-cell']]);
  });

  it('schema-errors.csv + schema-valid.json, pick #row, limit 3', async () => {
    const report = await validate('schema-errors.csv', { schema: schemaFile('schema-valid.json'), pick: ['#row'], limitErrors: 3 });
    expect(summary(report)).toEqual([[4, 1, 'type-error'], [4, 2, 'constraint-error'], [4, 3, 'constraint-error']]);
    expect(report.tasks[0]!.errors[0]!.note).toBe('type is "integer/default"');
  });

  it('unique-field.csv + unique-field.json', async () => {
    const report = await validate('unique-field.csv', { schema: schemaFile('unique-field.json') });
    expect(summary(report)).toEqual([[10, 1, 'unique-error'], [10, '-', 'primary-key']]);
    expect(report.tasks[0]!.errors[1]!.note).toBe('the same as in the row at position 2');
  });

  it('nested-invalid.csv with a foreign key cat → id in the same table', async () => {
    const report = await validate('nested-invalid.csv', {
      schema: {
        fields: [{ name: 'id', type: 'integer' }, { name: 'cat', type: 'integer' }, { name: 'name', type: 'string' }],
        foreignKeys: [{ fields: 'cat', reference: { resource: '', fields: 'id' } }],
      },
    });
    expect(summary(report)).toEqual([[6, '-', 'foreign-key']]);
    expect(report.tasks[0]!.errors[0]!.cells).toEqual(['5', '6', 'Rome']);
    expect(report.tasks[0]!.errors[0]!.note).toBe('for "cat": values "6" not found in the lookup table "" as "id"');
  });

  it('duplicate-rows.csv with the duplicate-row check', async () => {
    expect(summary(await validate('duplicate-rows.csv', { checks: [{ type: 'duplicate-row' }] }))).toEqual([[4, '-', 'duplicate-row']]);
  });

  it('table.csv with forbidden-value on id [2]', async () => {
    expect(summary(await validate('table.csv', { checks: [{ type: 'forbidden-value', fieldName: 'id', values: [2] }] }))).toEqual([[3, 1, 'forbidden-value']]);
  });

  it('issue-277.csv + issue-277.json with fields matched by name', async () => {
    const report = await validate('issue-277.csv', { schema: { ...schemaFile('issue-277.json'), fieldsMatch: 'equal' } });
    expect(summary(report)).toEqual([[49, 50, 'constraint-error'], [68, 50, 'constraint-error'], [69, 50, 'constraint-error']]);
  });

  it('issue-312.xlsx with an inferred schema', async () => {
    expect(summary(await validate('issue-312.xlsx'))).toEqual([['-', 3, 'blank-label'], ['-', 4, 'duplicate-label'], ['-', 5, 'blank-label'], [5, '-', 'blank-row']]);
  });

  it('invalid/datapackage.json validates both resources', async () => {
    const report = await validatePackageFile(`${DATA}invalid/datapackage.json`);
    expect(report.tasks).toHaveLength(2);
    expect(summary(report, 0)).toEqual([[3, '-', 'blank-row'], [3, '-', 'primary-key']]);
    expect(summary(report, 1)).toEqual([[4, '-', 'blank-row']]);
  });

  it('stops at the default error limit of 1000 with a warning', async () => {
    const text = `a\n${'\n'.repeat(1500)}`;
    const report = await validateTable({ text: `a,b\n${text}` });
    expect(report.tasks[0]!.errors).toHaveLength(1000);
    expect(report.tasks[0]!.warnings).toEqual(['reached error limit: 1000']);
  });
});
