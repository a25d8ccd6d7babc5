import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateTable } from './index';
import type { Report, SchemaDescriptor, ValidateOptions } from './index';

// One-line records are validated straight from the decoded text, quoted cells included; with an
// escape character in the dialect, records with quotes go through the cell-by-cell path instead.
// Quoting every cell gives the same cells, so all must give the same report.

const header = ['id', 'code', 'name', 'amount', 'active', 'day', 'stamp', 'category', 'mail', 'note'];
// Per column: values that pass, then values that do not (mostly valid rows, so that many rows
// are checked entirely on the text path, and some fail in each column).
const pools: [string[], string[]][] = [
  [['1', '2', '3', '+7', '0042'], ['-4', 'x', '1.5', '', '12345678901234567', 'NA']],
  [['AB1234', 'ZZ0000'], ['ab1234', '', 'AB12345']],
  [['Amina', 'Omar', 'Fatima Zahra', 'Abcdefghijklmnopqrst', '', 'NA', '-'], ['a-very-long-name-that-passes-the-limit']],
  [['12.5', '0', '100', '1e1', '', '.5', '0.30000000000000004', 'n/a', 'NA'], ['-1', '100.01', 'abc', 'NaN']],
  [['true', 'False', '0', '1', 'TRUE', ''], ['yes', 'tRUE', 'truE', '2']],
  [['2024-02-29', '2000-01-01', '2200-01-01', ''], ['2023-02-29', '1899-12-31', '24-01-01', '2024-13-01', '1999-12-31', '2024-02-29T00:00:00']],
  [['2024-01-02T03:04:05Z', '2024-01-02 03:04:05', '2024-01-02T03:04:05.250+01:00'], ['2024-01-02T24:00:00', '', 'now']],
  [['north', 'south', 'centre', ''], ['West', 'up']],
  [['a@b.ma', ''], ['not-an-email']],
  [['abcd', 'abcde', ''], ['abc', 'abcdef']],
];
const cell = ([valid, invalid]: [string[], string[]]) => fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: fc.constantFrom(...invalid) });

const schema = (primaryKey: readonly string[], stampRequired: boolean, missingValues: readonly string[]): SchemaDescriptor => ({
  fields: [
    { name: 'id', type: 'integer', constraints: { minimum: 0 } },
    { name: 'code', type: 'string', constraints: { pattern: '[A-Z]{2}[0-9]{4}' } },
    { name: 'name', type: 'string', constraints: { minLength: 1, maxLength: 20, unique: true } },
    { name: 'amount', type: 'number', constraints: { minimum: 0, maximum: 100 }, missingValues: ['', 'n/a'] },
    { name: 'active', type: 'boolean' },
    { name: 'day', type: 'date', constraints: { minimum: '2000-01-01' } },
    { name: 'stamp', type: 'datetime', constraints: { required: stampRequired } },
    { name: 'category', type: 'string', constraints: { enum: ['north', 'south', 'east', 'west', 'centre'] } },
    { name: 'mail', type: 'string', format: 'email' },
    { name: 'note', type: 'string', constraints: { minLength: 4, maxLength: 5 } },
  ],
  ...(primaryKey.length > 0 ? { primaryKey: [...primaryKey] } : {}),
  missingValues: [...missingValues],
});

const row = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(...pools.map(cell)) },
  { weight: 1, arbitrary: fc.tuple(...pools.slice(0, -1).map(cell)) },
  { weight: 1, arbitrary: fc.tuple(...pools.map(cell), fc.constantFrom('extra', '')) },
  { weight: 1, arbitrary: fc.constant(pools.map(() => '')) },
  { weight: 1, arbitrary: fc.constant(pools.map((_, i) => (i === 3 ? '' : 'NA'))) },
  { weight: 1, arbitrary: fc.constant([] as string[]) },
);

const tableText = (rows: string[][], quote: boolean, newline: string): string =>
  [header, ...rows].map((cells) => cells.map((cell) => (quote ? `"${cell}"` : cell)).join(',')).join(newline) + newline;

const outcome = (report: Report) => ({
  errors: report.tasks[0]!.errors.map((e) => [e.type, e.rowNumber, e.fieldNumber, e.cell, e.cells, e.note]),
  warnings: report.tasks[0]!.warnings,
  rows: report.tasks[0]!.stats.rows,
});

describe('validating records straight from the text', () => {
  it('gives the same report as the cell-by-cell path', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(row, { maxLength: 40 }),
      fc.constantFrom(['id'], ['code'], ['id', 'day'], []),
      fc.boolean(),
      fc.constantFrom([''], ['', 'NA'], ['NA'], ['-', '', 'NA']),
      fc.constantFrom('\n', '\r\n'),
      fc.record({ limitErrors: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }), limitRows: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }) }),
      async (rows, primaryKey, stampRequired, missingValues, newline, limits) => {
        const options: ValidateOptions = { schema: schema(primaryKey, stampRequired, missingValues), ...(limits.limitErrors ? { limitErrors: limits.limitErrors } : {}), ...(limits.limitRows !== undefined ? { limitRows: limits.limitRows } : {}) };
        const cellByCell = outcome(await validateTable({ text: tableText(rows, true, newline) }, { ...options, dialect: { escapeChar: '\\' } }));
        expect(outcome(await validateTable({ text: tableText(rows, false, newline) }, options))).toEqual(cellByCell);
        expect(outcome(await validateTable({ text: tableText(rows, true, newline) }, options))).toEqual(cellByCell);
        // An optional check (one that never fails here) also sends every row cell by cell.
        expect(outcome(await validateTable({ text: tableText(rows, false, newline) }, { ...options, checks: [{ type: 'table-dimensions', minFields: 1 }] }))).toEqual(cellByCell);
      },
    ), { numRuns: 300 });
  });

  it('maps columns by name the same way (fieldsMatch partial, extra and reordered columns)', async () => {
    const rows = [['extra', 'name', 'id'], ['x', 'Rabat', '1'], ['', 'Fès', '1'], ['y', '', 'z'], ['q', 'Salé', '3'], ['', '', ''], ['', 'Oujda', '4', 'more']];
    const text = rows.map((cells) => cells.join(',')).join('\n');
    const schema: SchemaDescriptor = { fields: [{ name: 'id', type: 'integer' }, { name: 'name', type: 'string', constraints: { required: true } }], primaryKey: ['id'], fieldsMatch: 'partial' };
    const quoted = rows.map((cells) => cells.map((cell) => `"${cell}"`).join(',')).join('\n');
    const cellByCell = outcome(await validateTable({ text: quoted }, { schema, dialect: { escapeChar: '\\' } }));
    expect(cellByCell.errors.length).toBeGreaterThan(3);
    expect(outcome(await validateTable({ text }, { schema }))).toEqual(cellByCell);
  });

  it('reports errors of unquoted records with their cells', async () => {
    const report = await validateTable({ text: 'id,name\n1,Rabat\n1,Fès\nx,Salé\n3\n' }, {
      schema: { fields: [{ name: 'id', type: 'integer' }, { name: 'name', type: 'string', constraints: { unique: true } }], primaryKey: 'id' },
    });
    expect(report.tasks[0]!.errors.map((e) => [e.type, e.rowNumber, e.cells])).toEqual([
      ['primary-key', 3, ['1', 'Fès']],
      ['type-error', 4, ['x', 'Salé']],
      ['primary-key', 4, ['x', 'Salé']],
      ['missing-cell', 5, ['3']],
    ]);
  });
});
