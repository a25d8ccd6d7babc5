import { describe, expect, it } from 'vitest';
import { compileExpression, validateDescriptor, validatePackage, validateTable } from './index';
import type { CheckDescriptor, Report, SchemaDescriptor } from './index';

const summary = (report: Report, task = 0): [number | undefined, number | undefined, string][] =>
  report.tasks[task]!.errors.map((e) => [e.rowNumber, e.fieldNumber, e.type]);

const schema: SchemaDescriptor = {
  fields: [
    { name: 'id', type: 'integer' },
    { name: 'name', type: 'string' },
    { name: 'score', type: 'number' },
  ],
};
const text = 'id,name,score\n1,Rabat,10\n2,Fès,11\n4,Salé,12\n5,Oujda,1000\n';
const check = (checks: CheckDescriptor[]) => validateTable({ text }, { schema, checks });

describe('optional checks', () => {
  it('sequential-value', async () => {
    expect(summary(await check([{ type: 'sequential-value', fieldName: 'id' }]))).toEqual([[4, 1, 'sequential-value']]);
  });

  it('ascii-value', async () => {
    expect(summary(await check([{ type: 'ascii-value' }]))).toEqual([[3, 2, 'ascii-value'], [4, 2, 'ascii-value']]);
  });

  it('required-value', async () => {
    expect(summary(await check([{ type: 'required-value', fieldName: 'name', values: ['Rabat', 'Tanger'] }]))).toEqual([[undefined, 2, 'required-value']]);
  });

  it('table-dimensions', async () => {
    const report = await check([{ type: 'table-dimensions', maxRows: 3, minFields: 4 }]);
    expect(report.tasks[0]!.errors.map((e) => e.note)).toEqual(['number of rows is 4, the maximum is 3', 'number of fields is 3, the minimum is 4']);
  });

  it('deviated-value', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i + 1},x,${10 + (i % 3)}`).join('\n');
    const report = await validateTable({ text: `id,name,score\n${rows}\n31,x,9999\n` }, { schema, checks: [{ type: 'deviated-value', fieldName: 'score' }] });
    expect(summary(report)).toEqual([[undefined, 3, 'deviated-value']]);
  });

  it('truncated-value', async () => {
    const report = await validateTable({ text: `id,name,score\n32767,${'a'.repeat(255)},1\n` }, { schema, checks: [{ type: 'truncated-value' }] });
    expect(summary(report)).toEqual([[2, 1, 'truncated-value'], [2, 2, 'truncated-value']]);
  });

  it('deviated-cell', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i + 1},abc,1`).join('\n');
    const report = await validateTable({ text: `id,name,score\n${rows}\n31,${'z'.repeat(500)},1\n` }, { schema, checks: [{ type: 'deviated-cell' }] });
    expect(summary(report)).toEqual([[32, 2, 'deviated-cell']]);
  });

  it('row-constraint with the safe expression language', async () => {
    const report = await check([{ type: 'row-constraint', formula: 'score < 100 and name != "Fès"' }]);
    expect(summary(report)).toEqual([[3, undefined, 'row-constraint'], [5, undefined, 'row-constraint']]);
  });

  it('reports a malformed check as a checklist-error', async () => {
    const report = await check([{ type: 'row-constraint', formula: 'score <' }]);
    expect(summary(report)).toEqual([[undefined, undefined, 'checklist-error']]);
  });

  it('picks and skips errors by type', async () => {
    const report = await validateTable({ text: 'a,b\n1\n\n1,2,3\n' }, { skip: ['missing-cell'] });
    expect(summary(report).map((e) => e[2])).toEqual(['blank-row', 'extra-cell']);
  });

  it('stops after the row limit with a warning', async () => {
    const report = await validateTable({ text }, { schema, limitRows: 2 });
    expect(report.tasks[0]!.stats.rows).toBe(2);
    expect(report.tasks[0]!.warnings).toEqual(['reached row limit: 2']);
  });
});

describe('expressions', () => {
  it('computes with fields, never reaching object internals', () => {
    const expression = compileExpression('(a + b) * 2 >= 10 || `my field` == "x"');
    expect(expression({ a: 2, b: 3, 'my field': null })).toBe(true);
    expect(expression({ a: 1, b: 1, 'my field': 'x' })).toBe(true);
    expect(compileExpression('constructor')({})).toBeNull();
    expect(compileExpression('a > 1')({ a: null })).toBeNull();
    expect(() => compileExpression('a; process.exit()')).toThrow(/unexpected/);
    expect(() => compileExpression('('.repeat(200) + '1' + ')'.repeat(200))).toThrow(/nested too deeply/);
  });
});

describe('constraints', () => {
  it('checks every constraint with the Frictionless notes', async () => {
    const report = await validateTable({ text: 'code,n,d,tag\nab,5,2024-01-01,x\nabcdef,50,2019-12-31,z\n' }, {
      schema: {
        fields: [
          { name: 'code', constraints: { minLength: 3, maxLength: 5 } },
          { name: 'n', type: 'integer', constraints: { minimum: 10, exclusiveMaximum: 50 } },
          { name: 'd', type: 'date', constraints: { minimum: '2020-01-01' } },
          { name: 'tag', constraints: { enum: ['x', 'y'] } },
        ],
      },
    });
    expect(report.tasks[0]!.errors.map((e) => [e.rowNumber, e.fieldNumber, e.note])).toEqual([
      [2, 1, 'constraint "minLength" is "3"'],
      [2, 2, 'constraint "minimum" is "10"'],
      [3, 1, 'constraint "maxLength" is "5"'],
      [3, 2, 'constraint "exclusiveMaximum" is "50"'],
      [3, 3, 'constraint "minimum" is "2020-01-01"'],
      [3, 4, 'constraint "enum" is "["x", "y"]"'],
    ]);
  });

  it('checks jsonSchema on object cells and v2 labelled missing values per field', async () => {
    const report = await validateTable({ text: 'obj,n\n"{""a"": 1}",NA\n"{""a"": ""x""}",-\n' }, {
      schema: {
        fields: [
          { name: 'obj', type: 'object', constraints: { jsonSchema: { type: 'object', properties: { a: { type: 'number' } } } } },
          { name: 'n', type: 'integer', missingValues: [{ value: 'NA', label: 'not available' }] },
        ],
      },
    });
    expect(summary(report)).toEqual([[3, 1, 'constraint-error'], [3, 2, 'type-error']]);
  });

  it('checks composite unique keys and reports incorrect labels', async () => {
    const report = await validateTable({ text: 'a,x\n1,2\n1,2\n1,3\n' }, {
      schema: { fields: [{ name: 'a', type: 'integer' }, { name: 'b', type: 'integer' }], uniqueKeys: [['a', 'b']] },
    });
    expect(summary(report)).toEqual([[undefined, 2, 'incorrect-label'], [3, undefined, 'unique-error']]);
  });

  it('matches fields by name in any order (fieldsMatch)', async () => {
    const fields = [{ name: 'b', type: 'integer' }, { name: 'a', type: 'integer' }, { name: 'c', type: 'integer' }];
    const equal = await validateTable({ text: 'a,b\n1,x\n' }, { schema: { fields, fieldsMatch: 'equal' } });
    expect(summary(equal)).toEqual([[undefined, undefined, 'missing-label'], [2, 2, 'type-error']]);
    const superset = await validateTable({ text: 'a,b\n1,2\n' }, { schema: { fields, fieldsMatch: 'superset' } });
    expect(superset.valid).toBe(true);
    const subset = await validateTable({ text: 'a,b,c,d\n1,2,3,4\n' }, { schema: { fields, fieldsMatch: 'subset' } });
    expect(subset.valid).toBe(true);
  });
});

describe('validatePackage', () => {
  const descriptor = {
    name: 'regions',
    resources: [
      {
        name: 'provinces',
        data: [['code', 'region'], ['01.511', '01'], ['06.141', '06'], ['99.000', '13']],
        schema: { fields: [{ name: 'code', type: 'string' }, { name: 'region', type: 'string' }], primaryKey: 'code', foreignKeys: [{ fields: 'region', reference: { resource: 'regions', fields: 'code' } }] },
      },
      {
        name: 'regions',
        data: [{ code: '01', name: 'Tanger-Tétouan-Al Hoceïma' }, { code: '06', name: 'Casablanca-Settat' }],
        schema: { fields: [{ name: 'code', type: 'string' }, { name: 'name', type: 'string' }], primaryKey: 'code' },
      },
    ],
  };

  it('checks foreign keys across resources, reading the referenced one first', async () => {
    const report = await validatePackage(descriptor);
    expect(report.tasks.map((task) => task.name)).toEqual(['provinces', 'regions']);
    expect(summary(report, 0)).toEqual([[4, undefined, 'foreign-key']]);
    expect(report.tasks[0]!.errors[0]!.note).toBe('for "region": values "13" not found in the lookup table "regions" as "code"');
    expect(report.tasks[1]!.valid).toBe(true);
  });

  it('reports a descriptor that breaks the profile', async () => {
    const report = await validatePackage({ resources: [] });
    expect(report.errors.map((e) => e.type)).toEqual(['package-error']);
    expect(report.valid).toBe(false);
  });
});

describe('validateDescriptor', () => {
  it('accepts v1 and v2 schemas and runs the referential checks', () => {
    expect(validateDescriptor({ fields: [{ name: 'id', type: 'integer' }], primaryKey: ['id'] }, 'schema').valid).toBe(true);
    expect(validateDescriptor({ $schema: 'https://datapackage.org/profiles/2.0/tableschema.json', fields: [{ name: 'id' }], fieldsMatch: 'subset' }, 'schema').valid).toBe(true);
    const bad = validateDescriptor({ fields: [{ name: 'id' }, { name: 'id' }], missingValues: ['', ''] }, 'schema');
    expect(bad.errors.map((e) => e.note)).toEqual(['field name "id" is used twice', '"missingValues" lists a value twice']);
    expect(validateDescriptor({ delimiter: 5 }, 'dialect').valid).toBe(false);
    expect(validateDescriptor({ name: 'r', path: 'a.csv' }, 'resource').valid).toBe(true);
  });
});

describe('headers', () => {
  it('reports an empty first line as a blank header', async () => {
    const report = await validateTable({ text: '\n1,2\n' });
    expect(report.tasks[0]!.errors[0]!.type).toBe('blank-header');
  });

  it('joins several header rows', async () => {
    const report = await validateTable({ text: 'pop,pop\n2014,2024\n1,2\n' }, { headerRows: [1, 2] });
    expect(report.tasks[0]!.labels).toEqual(['pop 2014', 'pop 2024']);
    expect(report.valid).toBe(true);
  });
});

describe('row values', () => {
  it('never carries a value over from the previous row into keys', async () => {
    // Row 3 has an invalid id and row 4 a missing one: neither may count as a repeat of row 2.
    const report = await validateTable({ text: 'id,b\n1,x\nz,y\n,w\n' }, { schema: { fields: [{ name: 'id', type: 'integer' }, { name: 'b' }], uniqueKeys: [['id', 'b']] } });
    expect(summary(report)).toEqual([[3, 1, 'type-error']]);
    const short = await validateTable({ text: 'a,b\n1,2\n1\n' }, { schema: { fields: [{ name: 'a' }, { name: 'b', type: 'integer' }], primaryKey: ['a', 'b'] } });
    expect(summary(short)).toEqual([[3, 2, 'missing-cell']]);
  });
});
