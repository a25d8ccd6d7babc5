import { createError } from './report';
import type { TableError } from './report';
import { SourceProblem, collectBytes, countBytes, toByteSource, zipEntries } from './source';
import type { SourceLimits, TableSource } from './source';
import { openWorkbook, readSheet } from './xlsx';

/** Options of `readXlsxSheets`. */
export interface ReadXlsxOptions extends SourceLimits {
  /** Sheets to read, by name or 1-based position; default every sheet, in workbook order. */
  sheets?: (string | number)[];
  /** Most rows kept per sheet; default 100,000 (the rest is skipped with a warning). */
  maxRows?: number;
  /** Most cells kept in all, which bounds memory; default 5,000,000 (then reading stops with a warning). */
  maxCells?: number;
}

/** One sheet: its rows as the sheet has them. */
export interface XlsxSheet {
  name: string;
  /**
   * Row `i` is the sheet's row `i + 1`: rows the sheet leaves out come as empty rows, and each
   * row is padded with `''` to the sheet's declared width. Numbers are written as Excel shows
   * them (15 significant digits), dates and times as ISO 8601 text, booleans as `true`/`false`.
   */
  rows: string[][];
}

/** What `readXlsxSheets` read. */
export interface XlsxWorkbook {
  /** The sheets read, in the order asked for (default: workbook order). */
  sheets: XlsxSheet[];
  /** Names of every sheet of the workbook, in workbook order. */
  sheetNames: string[];
  /** Limits reached (rows or cells skipped). */
  warnings: string[];
  /** Why the workbook (or a sheet) could not be read, with fr/ar/en messages; empty when all went well. */
  errors: TableError[];
}

const DEFAULT_MAX_ROWS = 100_000;
const DEFAULT_MAX_CELLS = 5_000_000;

/**
 * Reads the sheets of an XLSX workbook as rows of strings, for spreadsheets that are not one
 * table (inventories, lists with notes around them). Reading is bounded like the CSV path: the
 * file size (`maxZipBytes`, default 256 MiB, and `maxBytes`), the expansion ratio of every part
 * (`maxCompressionRatio`, default 200, so a decompression bomb stops with a `compression-error`),
 * rows per sheet (`maxRows`, default 100,000) and cells in all (`maxCells`, default 5,000,000).
 * Problems with the file come back in `errors`, never as exceptions; what was read before a
 * problem is kept.
 *
 * @example
 * ```ts
 * import { readXlsxSheets } from '@bayan/tabular';
 * const workbook = await readXlsxSheets(file, { sheets: ['Inventaire'] });
 * if (workbook.errors.length > 0) console.log(workbook.errors[0].messages.fr);
 * for (const [code, title] of workbook.sheets[0]?.rows.slice(1) ?? []) console.log(code, title);
 * ```
 */
export async function readXlsxSheets(input: TableSource, options: ReadXlsxOptions = {}): Promise<XlsxWorkbook> {
  const result: XlsxWorkbook = { sheets: [], sheetNames: [], warnings: [], errors: [] };
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  let cellsLeft = options.maxCells ?? DEFAULT_MAX_CELLS;
  try {
    const source = toByteSource(input, options);
    const zip = await collectBytes(countBytes(source.open(), options, () => undefined), options.maxZipBytes ?? 256 * 1024 * 1024, 'XLSX file');
    if (zip.length === 0) throw new SourceProblem('source-error', 'the source is empty');
    if (zip[0] !== 0x50 || zip[1] !== 0x4b || zip[2] !== 0x03 || zip[3] !== 0x04) throw new SourceProblem('format-error', 'the file is not a valid XLSX workbook (not a zip archive)');
    if (!zipEntries(zip).some((entry) => entry.name === 'xl/workbook.xml')) throw new SourceProblem('format-error', 'the zip archive is not an XLSX workbook (it has no xl/workbook.xml)');
    const workbook = openWorkbook(zip, options);
    result.sheetNames = workbook.sheets.map((sheet) => sheet.name);
    const wanted = options.sheets ?? workbook.sheets.map((_, index) => index + 1);
    for (const which of wanted) {
      const sheet = typeof which === 'number' ? workbook.sheets[which - 1] : workbook.sheets.find((item) => item.name === which);
      if (!sheet) {
        result.errors.push(createError('source-error', { note: `the workbook has no sheet ${JSON.stringify(which)} (sheets: ${result.sheetNames.join(', ')})` }));
        continue;
      }
      const rows: string[][] = [];
      result.sheets.push({ name: sheet.name, rows });
      let stoppedBy: 'rows' | 'cells' | undefined;
      readSheet(zip, workbook, sheet.path, options, (cells) => {
        if (rows.length >= maxRows) {
          stoppedBy = 'rows';
          return false;
        }
        if (cells.length > cellsLeft) {
          stoppedBy = 'cells';
          return false;
        }
        cellsLeft -= Math.max(cells.length, 1);
        rows.push(cells);
        return true;
      }, result.warnings, false);
      if (stoppedBy === 'rows') result.warnings.push(`sheet "${sheet.name}": only the first ${maxRows} rows were read (maxRows)`);
      if (stoppedBy === 'cells') {
        result.warnings.push(`sheet "${sheet.name}": reading stopped at row ${rows.length + 1}, past the limit of ${options.maxCells ?? DEFAULT_MAX_CELLS} cells (maxCells)`);
        break;
      }
    }
  } catch (error) {
    const type = error instanceof SourceProblem ? error.type : 'source-error';
    result.errors.push(createError(type, { note: error instanceof SourceProblem ? error.message : `the source cannot be read: ${(error as Error).message}` }));
  }
  return result;
}
