import { compileExpression } from './expression';
import { valueKey } from './fieldTypes';
import { fingerprint, fingerprintHigh } from './hash';
import { KeySet } from './keySet';
import type { KeyBudget } from './keySet';
import type { ErrorDetails } from './report';

/** An optional check, as in a Frictionless checklist. */
export type CheckDescriptor =
  | { type: 'duplicate-row' }
  | { type: 'forbidden-value'; fieldName: string; values: unknown[] }
  | { type: 'required-value'; fieldName: string; values: unknown[] }
  | { type: 'sequential-value'; fieldName: string }
  | { type: 'truncated-value' }
  | { type: 'ascii-value' }
  | { type: 'deviated-value'; fieldName: string; average?: 'mean' | 'median' | 'mode'; interval?: number }
  | { type: 'deviated-cell'; interval?: number; ignoreFields?: string[] }
  | { type: 'table-dimensions'; numRows?: number; minRows?: number; maxRows?: number; numFields?: number; minFields?: number; maxFields?: number }
  | { type: 'row-constraint'; formula: string };

/** A row as checks see it. */
export interface CheckRow {
  rowNumber: number;
  cells: string[];
  /** Typed values by field position (null when missing or invalid). */
  values: unknown[];
}

/** What a check may use from the table. */
export interface CheckTable {
  fieldNames: string[];
  fieldTypes: string[];
  budget: KeyBudget;
  warn(message: string): void;
  report(type: string, details: ErrorDetails): void;
}

/** A compiled check. */
export interface Check {
  row?(row: CheckRow): void;
  end?(stats: { rows: number; fields: number }): void;
}

const MAX_SAMPLES = 1_000_000;
const TRUNCATED_LENGTHS = new Set([255, 65_535, 16_777_215, 4_294_967_295]);
const TRUNCATED_NUMBERS = new Set([32_767, 2_147_483_647, 9_223_372_036_854_775_807]);

function fieldIndex(table: CheckTable, name: string): number {
  const index = table.fieldNames.indexOf(name);
  if (index < 0) throw new Error(`the field "${name}" does not exist`);
  return index;
}

/** Compiles a check descriptor; throws an Error with a readable message when it is invalid. */
export function compileCheck(descriptor: CheckDescriptor, table: CheckTable): Check {
  switch (descriptor.type) {
    case 'duplicate-row': {
      const seen = new KeySet(table.budget);
      let warned = false;
      return {
        row({ rowNumber, cells }) {
          const lo = fingerprint(cells.join('\u001f'));
          const earlier = seen.add(lo, fingerprintHigh, rowNumber);
          if (earlier > 0) table.report('duplicate-row', { rowNumber, cells, note: `the same as row at position "${earlier}"` });
          else if (earlier < 0 && !warned) {
            warned = true;
            table.warn(`duplicate-row check stopped at row ${rowNumber}: key memory limit reached`);
          }
        },
      };
    }
    case 'forbidden-value': case 'required-value': {
      const index = fieldIndex(table, descriptor.fieldName);
      const keys = new Set(descriptor.values.map(valueKey));
      const keyOf = (value: unknown, cell: string): string[] => [valueKey(value), cell];
      if (descriptor.type === 'forbidden-value') {
        return {
          row({ rowNumber, cells, values }) {
            const cell = cells[index] ?? '';
            if (keyOf(values[index], cell).some((key) => keys.has(key))) {
              table.report('forbidden-value', { rowNumber, cells, cell, fieldName: descriptor.fieldName, fieldNumber: index + 1, note: `forbidden values are "${descriptor.values.map(String).join(', ')}"` });
            }
          },
        };
      }
      const found = new Set<string>();
      return {
        row({ cells, values }) {
          for (const key of keyOf(values[index], cells[index] ?? '')) if (keys.has(key)) found.add(key);
        },
        end() {
          for (const value of descriptor.values) {
            if (!found.has(valueKey(value))) table.report('required-value', { fieldName: descriptor.fieldName, fieldNumber: index + 1, note: `the value "${String(value)}" is required in "${descriptor.fieldName}"` });
          }
        },
      };
    }
    case 'sequential-value': {
      const index = fieldIndex(table, descriptor.fieldName);
      let cursor: number | undefined;
      return {
        row({ rowNumber, cells, values }) {
          const value = values[index];
          if (typeof value !== 'number') {
            table.report('sequential-value', { rowNumber, cells, cell: cells[index] ?? '', fieldName: descriptor.fieldName, fieldNumber: index + 1, note: 'the value is not a number' });
            return;
          }
          if (cursor !== undefined && value !== cursor + 1) {
            table.report('sequential-value', { rowNumber, cells, cell: cells[index] ?? '', fieldName: descriptor.fieldName, fieldNumber: index + 1, note: `the value is not sequential (expected ${cursor + 1})` });
          }
          cursor = value;
        },
      };
    }
    case 'truncated-value':
      return {
        row({ rowNumber, cells, values }) {
          for (let i = 0; i < values.length; i++) {
            const value = values[i];
            const truncated = typeof value === 'string' ? TRUNCATED_LENGTHS.has(value.length) : typeof value === 'number' && TRUNCATED_NUMBERS.has(Math.abs(value));
            if (truncated) table.report('truncated-value', { rowNumber, cells, cell: cells[i] ?? '', fieldName: table.fieldNames[i], fieldNumber: i + 1, note: 'value is probably truncated' });
          }
        },
      };
    case 'ascii-value':
      return {
        row({ rowNumber, cells }) {
          for (let i = 0; i < cells.length; i++) {
            if (/[^\x00-\x7f]/.test(cells[i]!)) table.report('ascii-value', { rowNumber, cells, cell: cells[i]!, fieldName: table.fieldNames[i], fieldNumber: i + 1, note: 'the cell contains non-ascii characters' });
          }
        },
      };
    case 'deviated-value': {
      const index = fieldIndex(table, descriptor.fieldName);
      const samples: number[] = [];
      const interval = descriptor.interval ?? 3;
      const average = descriptor.average ?? 'mean';
      return {
        row({ values }) {
          const value = values[index];
          if (typeof value === 'number' && Number.isFinite(value) && samples.length < MAX_SAMPLES) samples.push(value);
        },
        end() {
          if (samples.length < 2) return;
          const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
          const stdev = Math.sqrt(samples.reduce((a, b) => a + (b - mean) ** 2, 0) / (samples.length - 1));
          let center = mean;
          if (average === 'median') {
            const sorted = [...samples].sort((a, b) => a - b);
            center = sorted[Math.floor(sorted.length / 2)]!;
          } else if (average === 'mode') {
            const counts = new Map<number, number>();
            for (const v of samples) counts.set(v, (counts.get(v) ?? 0) + 1);
            center = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
          }
          const low = center - interval * stdev;
          const high = center + interval * stdev;
          for (const v of samples) {
            if (v < low || v > high) {
              table.report('deviated-value', { fieldName: descriptor.fieldName, fieldNumber: index + 1, note: `value "${v}" in field "${descriptor.fieldName}" is deviated "[${low.toFixed(2)}, ${high.toFixed(2)}]"` });
              return;
            }
          }
        },
      };
    }
    case 'deviated-cell': {
      const interval = descriptor.interval ?? 3;
      const ignore = new Set(descriptor.ignoreFields ?? []);
      const sizes: number[][] = table.fieldNames.map(() => []);
      const rows: number[] = [];
      return {
        row({ rowNumber, cells }) {
          if (rows.length >= MAX_SAMPLES) return;
          rows.push(rowNumber);
          for (let i = 0; i < sizes.length; i++) sizes[i]!.push((cells[i] ?? '').length);
        },
        end() {
          sizes.forEach((column, i) => {
            const name = table.fieldNames[i]!;
            if (ignore.has(name) || column.length < 2 || !['string', 'any'].includes(table.fieldTypes[i] ?? 'string')) return;
            const mean = column.reduce((a, b) => a + b, 0) / column.length;
            const stdev = Math.sqrt(column.reduce((a, b) => a + (b - mean) ** 2, 0) / (column.length - 1));
            const limit = mean + interval * stdev;
            column.forEach((size, k) => {
              if (stdev > 0 && size > limit) table.report('deviated-cell', { rowNumber: rows[k]!, fieldName: name, fieldNumber: i + 1, note: `cell at row "${rows[k]!}" and field "${name}" has deviated size` });
            });
          });
        },
      };
    }
    case 'table-dimensions':
      return {
        end({ rows, fields }) {
          const d = descriptor;
          const problems: string[] = [];
          if (d.numRows !== undefined && rows !== d.numRows) problems.push(`number of rows is ${rows}, expected ${d.numRows}`);
          if (d.minRows !== undefined && rows < d.minRows) problems.push(`number of rows is ${rows}, the minimum is ${d.minRows}`);
          if (d.maxRows !== undefined && rows > d.maxRows) problems.push(`number of rows is ${rows}, the maximum is ${d.maxRows}`);
          if (d.numFields !== undefined && fields !== d.numFields) problems.push(`number of fields is ${fields}, expected ${d.numFields}`);
          if (d.minFields !== undefined && fields < d.minFields) problems.push(`number of fields is ${fields}, the minimum is ${d.minFields}`);
          if (d.maxFields !== undefined && fields > d.maxFields) problems.push(`number of fields is ${fields}, the maximum is ${d.maxFields}`);
          for (const note of problems) table.report('table-dimensions', { note });
        },
      };
    case 'row-constraint': {
      const expression = compileExpression(descriptor.formula);
      const record: Record<string, unknown> = {};
      return {
        row({ rowNumber, cells, values }) {
          for (let i = 0; i < table.fieldNames.length; i++) record[table.fieldNames[i]!] = values[i] ?? null;
          const result = expression(record);
          if (result === null || result === false || result === undefined) table.report('row-constraint', { rowNumber, cells, note: `the row constraint to conform is "${descriptor.formula}"` });
        },
      };
    }
    default:
      throw new Error(`unknown check "${(descriptor as { type: string }).type}"`);
  }
}
