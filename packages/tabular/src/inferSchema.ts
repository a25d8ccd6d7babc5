import type { CsvDialect } from './csvTokenizer';
import type { TextEncoding } from './encoding';
import type { FieldDescriptor } from './fieldTypes';
import { inferFields } from './inferFields';
import { readRecords } from './readRecords';
import type { ReadOptions } from './readRecords';
import { createError } from './report';
import type { TableError } from './report';
import type { SchemaDescriptor } from './schema';
import { SourceProblem, toByteSource } from './source';
import type { TableSource } from './source';

/** Options of `inferSchema`. */
export interface InferSchemaOptions extends ReadOptions {
  /** Rows read to infer types; default 1000. */
  sampleRows?: number;
  /** Share of the sample a type must fit; default 0.9. */
  confidence?: number;
  /** Values read as missing; default `['']`. */
  missingValues?: string[];
}

/** What `inferSchema` found. */
export interface InferredTable {
  /** The inferred Table Schema (undefined when the source could not be read). */
  schema: SchemaDescriptor | undefined;
  labels: string[];
  /** Physical row number of the header. */
  headerRow: number;
  format: 'csv' | 'xlsx';
  encoding?: TextEncoding;
  dialect?: CsvDialect;
  sheet?: string;
  /** Rows of the sample, without the header. */
  sampleRows: number;
  warnings: string[];
  /** Why the source could not be read, with fr/ar/en messages. */
  errors: TableError[];
}

/**
 * Infers a Table Schema from the first rows of a table, the way the Frictionless tools do
 * (candidate types in order, the first that fits 90 % of the sample wins), and also recognises
 * French decimal commas (`3,5`), space thousands separators (`3 314`, also non-breaking), day-first
 * dates (`31/12/2024`) and keeps codes with leading zeros (`01`, `0850811`) as strings.
 *
 * @example
 * ```ts
 * import { inferSchema } from '@bayan/tabular';
 * const { schema } = await inferSchema({ text: 'code;population;taux\n01;3 314;12,5\n02;980;7,25\n' });
 * // schema.fields: code string, population integer (groupChar ' '), taux number (decimalChar ',')
 * ```
 */
export async function inferSchema(input: TableSource, options: InferSchemaOptions = {}): Promise<InferredTable> {
  const limit = options.sampleRows ?? 1000;
  const rows: string[][] = [];
  let labels: string[] | undefined;
  let headerRow = 0;
  const result: InferredTable = { schema: undefined, labels: [], headerRow: 0, format: 'csv', sampleRows: 0, warnings: [], errors: [] };
  try {
    const source = toByteSource(input, options);
    const info = await readRecords(source, options, (cells, rowNumber) => {
      if (!labels) {
        labels = cells;
        headerRow = rowNumber;
        return true;
      }
      rows.push(cells);
      return rows.length < limit;
    }, (note) => result.warnings.push(note));
    result.format = info.format;
    if (info.encoding) result.encoding = info.encoding;
    if (info.dialect) result.dialect = info.dialect;
    if (info.sheet) result.sheet = info.sheet;
    result.warnings.push(...info.warnings);
  } catch (error) {
    const type = error instanceof SourceProblem ? error.type : 'source-error';
    result.errors.push(createError(type, { note: (error as Error).message }));
    return result;
  }
  const fields: FieldDescriptor[] = inferFields(labels ?? [], rows, { confidence: options.confidence, missingValues: options.missingValues });
  result.schema = { fields };
  if (options.missingValues) result.schema.missingValues = options.missingValues;
  result.labels = labels ?? [];
  result.headerRow = headerRow;
  result.sampleRows = rows.length;
  return result;
}
