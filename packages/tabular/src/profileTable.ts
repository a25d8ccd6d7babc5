import { INVALID, compileCast } from './fieldTypes';
import type { FieldDescriptor } from './fieldTypes';
import { fingerprint } from './hash';
import { inferFields } from './inferFields';
import { readRecords } from './readRecords';
import type { ReadOptions } from './readRecords';
import { createError } from './report';
import type { TableError } from './report';
import type { SchemaDescriptor } from './schema';
import { SourceProblem, toByteSource } from './source';
import type { TableSource } from './source';

/** Profile of one column. */
export interface ColumnProfile {
  name: string;
  type: string;
  format?: string;
  /** Non-missing cells. */
  count: number;
  nullCount: number;
  /** Cells that do not fit the type. */
  invalidCount: number;
  /** Estimated number of distinct values (HyperLogLog, about 1.6 % error). */
  distinct: number;
  /** Smallest and largest values, as written in the file (typed comparison). */
  min?: string;
  max?: string;
  minLength?: number;
  maxLength?: number;
  /** Most frequent values with their counts (exact below 256 distinct values, estimated above). */
  topValues: { value: string; count: number }[];
}

/** Profile of a table. */
export interface TableProfile {
  rows: number;
  columns: ColumnProfile[];
  schema: SchemaDescriptor | undefined;
  warnings: string[];
  errors: TableError[];
}

/** Options of `profileTable`. */
export interface ProfileOptions extends ReadOptions {
  /** Schema for types; default inferred from the first 1000 rows. */
  schema?: SchemaDescriptor;
  /** How many top values to return; default 10. */
  topValues?: number;
  /** Stop after this many rows; default unlimited. */
  limitRows?: number;
}

const HLL_BITS = 12;
const HLL_SIZE = 1 << HLL_BITS;
const TRACKED = 256;

class ColumnState {
  readonly registers = new Uint8Array(HLL_SIZE);
  readonly counts = new Map<string, number>();
  count = 0;
  nullCount = 0;
  invalidCount = 0;
  min: { value: unknown; cell: string } | undefined;
  max: { value: unknown; cell: string } | undefined;
  minLength = Infinity;
  maxLength = 0;

  constructor(readonly field: FieldDescriptor, readonly cast: (cell: string) => unknown, readonly missing: Set<string>) {}

  add(cell: string | undefined): void {
    if (cell === undefined || this.missing.has(cell)) {
      this.nullCount++;
      return;
    }
    this.count++;
    const hash = fingerprint(cell);
    const index = hash >>> (32 - HLL_BITS);
    const rest = (hash << HLL_BITS) | (1 << (HLL_BITS - 1));
    const rank = Math.clz32(rest) + 1;
    if (rank > this.registers[index]!) this.registers[index] = rank;
    // Space-saving top-k: replace the smallest counter when full.
    const seen = this.counts.get(cell);
    if (seen !== undefined) this.counts.set(cell, seen + 1);
    else if (this.counts.size < TRACKED) this.counts.set(cell, 1);
    else {
      let smallest: string | undefined;
      let smallestCount = Infinity;
      for (const [value, count] of this.counts) {
        if (count < smallestCount) {
          smallestCount = count;
          smallest = value;
        }
      }
      this.counts.delete(smallest!);
      this.counts.set(cell, smallestCount + 1);
    }
    if (cell.length < this.minLength) this.minLength = cell.length;
    if (cell.length > this.maxLength) this.maxLength = cell.length;
    const value = this.cast(cell);
    if (value === INVALID) {
      this.invalidCount++;
      return;
    }
    if (typeof value !== 'number' && typeof value !== 'string') return;
    if (this.min === undefined || (value as number) < (this.min.value as number)) this.min = { value, cell };
    if (this.max === undefined || (value as number) > (this.max.value as number)) this.max = { value, cell };
  }

  distinct(): number {
    let sum = 0;
    let zeros = 0;
    for (const register of this.registers) {
      sum += 2 ** -register;
      if (register === 0) zeros++;
    }
    const estimate = (0.7213 / (1 + 1.079 / HLL_SIZE)) * HLL_SIZE * HLL_SIZE / sum;
    if (estimate <= 2.5 * HLL_SIZE && zeros > 0) return Math.round(HLL_SIZE * Math.log(HLL_SIZE / zeros));
    return Math.round(estimate);
  }
}

/**
 * Profiles every column of a table in one streaming pass with bounded memory: null count,
 * distinct estimate, typed min/max, length range and top values — for previews and data
 * dictionaries. Types come from the schema, or are inferred from the first 1000 rows.
 *
 * @example
 * ```ts
 * import { profileTable } from '@bayan/tabular';
 * const profile = await profileTable({ text: 'region,population\nRabat,10\nFès,\nRabat,30\n' });
 * profile.columns[1]; // { name: 'population', type: 'integer', nullCount: 1, min: '10', max: '30', … }
 * ```
 */
export async function profileTable(input: TableSource, options: ProfileOptions = {}): Promise<TableProfile> {
  const profile: TableProfile = { rows: 0, columns: [], schema: options.schema, warnings: [], errors: [] };
  let labels: string[] | undefined;
  const buffered: string[][] = [];
  let columns: ColumnState[] | undefined;
  const start = (): void => {
    const fields = options.schema?.fields ?? inferFields(labels ?? [], buffered);
    profile.schema ??= { fields };
    const missing = new Set(options.schema?.missingValues?.map((item) => (typeof item === 'string' ? item : item.value)) ?? ['']);
    columns = fields.map((field) => new ColumnState(field, compileCast(field), missing));
    for (const row of buffered) for (let i = 0; i < columns.length; i++) columns[i]!.add(row[i]);
    buffered.length = 0;
  };
  try {
    const info = await readRecords(toByteSource(input, options), options, (cells) => {
      if (!labels) {
        labels = cells;
        return true;
      }
      profile.rows++;
      if (columns) for (let i = 0; i < columns.length; i++) columns[i]!.add(cells[i]);
      else {
        buffered.push(cells);
        if (buffered.length >= 1000) start();
      }
      return options.limitRows === undefined || profile.rows < options.limitRows;
    }, (note) => profile.warnings.push(note));
    profile.warnings.push(...info.warnings);
  } catch (error) {
    profile.errors.push(createError(error instanceof SourceProblem ? error.type : 'source-error', { note: (error as Error).message }));
    return profile;
  }
  if (!columns) start();
  const top = options.topValues ?? 10;
  profile.columns = columns!.map((state) => {
    const column: ColumnProfile = {
      name: state.field.name,
      type: state.field.type ?? 'string',
      count: state.count,
      nullCount: state.nullCount,
      invalidCount: state.invalidCount,
      distinct: Math.min(state.distinct(), state.count),
      topValues: [...state.counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([value, count]) => ({ value, count })),
    };
    if (state.counts.size < TRACKED) column.distinct = state.counts.size;
    if (state.field.format) column.format = state.field.format;
    if (state.min) column.min = state.min.cell;
    if (state.max) column.max = state.max.cell;
    if (state.count > 0) {
      column.minLength = state.minLength;
      column.maxLength = state.maxLength;
    }
    return column;
  });
  return profile;
}
