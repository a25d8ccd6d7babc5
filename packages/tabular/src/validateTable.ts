import { Ajv } from 'ajv';
import { compileCheck } from './checks';
import type { Check, CheckDescriptor } from './checks';
import { compileConstraints, foldBounds, insideFolded, needsCellText, passes, passesAt } from './constraints';
import type { ConstraintCheck, FoldedBounds } from './constraints';
import { splitQuotedLine } from './csvTokenizer';
import { CastKind, INVALID, castAt, castCell, castKind, castPrefix, compileCast, prefixDelimiter, prefixNumber, valueKey } from './fieldTypes';
import type { Cast, FieldDescriptor } from './fieldTypes';
import { fingerprint, fingerprintHigh } from './hash';
import { inferFields } from './inferFields';
import { KeyIndex, KeySet } from './keySet';
import type { KeyBudget } from './keySet';
import { readRecords } from './readRecords';
import type { LineRecordSink, ReadInfo, ReadOptions } from './readRecords';
import { createError, createReport, errorFilter } from './report';
import type { ErrorDetails, Report, ReportTask, TableError } from './report';
import { normaliseSchema } from './schema';
import type { NormalisedSchema, SchemaDescriptor } from './schema';
import { SourceProblem, toByteSource } from './source';
import type { TableSource } from './source';

/** Key sets of a referenced resource, by the joined names of the referenced fields. */
export type ForeignKeyLookups = Map<string, Map<string, KeySet>>;

/** Options of `validateTable`. */
export interface ValidateOptions extends ReadOptions {
  /** Table Schema; default inferred from the first `sampleRows` rows. */
  schema?: SchemaDescriptor;
  /** Header rows (physical numbers); default the first record; `[]` for none. */
  headerRows?: number[];
  /** Joins labels of several header rows; default a space. */
  headerJoin?: string;
  /** Keep only these error types or `#tags`. */
  pick?: string[];
  /** Drop these error types or `#tags`. */
  skip?: string[];
  /** Stop after this many errors, with a warning; default 1000. */
  limitErrors?: number;
  /** Stop after this many data rows, with a warning; default unlimited. */
  limitRows?: number;
  /** Optional checks to run besides the baseline. */
  checks?: CheckDescriptor[];
  /** Expected counts and hash: `hash` as `md5:…`, `sha256:…` or bare MD5. */
  stats?: { bytes?: number; hash?: string; rows?: number; fields?: number };
  /** Memory for unique, key and duplicate-row checks, in bytes; default 128 MiB. */
  keyMemoryBytes?: number;
  /** Most columns accepted; default 16384 (Excel's limit). */
  maxFields?: number;
  /** Rows used to infer a schema; default 100. */
  sampleRows?: number;
  /** Share of the sample a type must fit when inferring; default 0.9. */
  confidence?: number;
  /** Name of the task in the report; default the source name. */
  name?: string;
  /** Key sets of other resources, for foreign keys (filled by validatePackage). */
  lookups?: ForeignKeyLookups;
  /** Called every 65,536 rows with the number of rows read so far. */
  onProgress?: (rows: number) => void;
  /** Key sets to fill with this table's keys, for other tables' foreign keys (used by validatePackage). */
  collect?: { fields: string[]; set: KeySet }[];
}

interface CompiledField {
  name: string;
  type: string;
  format: string;
  /** Position in the schema (index into the row's typed values). */
  index: number;
  column: number;
  number: number;
  cast: Cast;
  kind: CastKind;
  onlyEmptyMissing: boolean;
  missing: Set<string>;
  required: boolean;
  checks: ConstraintCheck[];
  unique: KeyIndex | undefined;
  /** Integer values take the KeyIndex fast path. */
  integer: boolean;
  /** Part of the primary key: its typed value is kept for the key. */
  keyed: boolean;
  /** Reading from a text span still needs the cell string (compiled cast, pattern, enum, text key). */
  needsCell: boolean;
  /** Cast with `castPrefix` before the cell's end is known. */
  prefix: boolean;
  /** The missing values as a list, to compare with text in place. */
  missingWords: string[];
  /** The checks folded for the in-place path (used when needsCell is false). */
  folded: FoldedBounds;
}

const DEFAULT_KEY_MEMORY = 128 * 1024 * 1024;

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

let sharedAjv: Ajv | undefined;
function jsonSchemaCompiler(schema: unknown): ReturnType<Ajv['compile']> {
  sharedAjv ??= new Ajv({ strict: false, allErrors: false });
  return sharedAjv.compile(schema as object);
}

/**
 * Validates a table (CSV, TSV, gzip/zip, XLSX) against a Table Schema, streaming: the baseline
 * Frictionless checks (labels, blank rows, extra/missing cells, types, constraints, unique,
 * primary and foreign keys, byte/hash/row/field counts) plus any optional `checks`. Returns a
 * Frictionless report with one task; problems with the data are errors in the report, never
 * exceptions.
 *
 * Defaults: schema inferred from 100 rows, error limit 1000, key memory 128 MiB.
 *
 * @example
 * ```ts
 * import { validateTable } from '@bayan/tabular';
 * const report = await validateTable({ text: 'id,name\n1,Rabat\n1,Fès\n' }, {
 *   schema: { fields: [{ name: 'id', type: 'integer' }, { name: 'name', type: 'string' }], primaryKey: 'id' },
 * });
 * report.valid; // false
 * report.tasks[0].errors[0].type; // 'primary-key'
 * report.tasks[0].errors[0].messages.fr; // 'Ligne 3 : La clé primaire de cette ligne …'
 * ```
 */
export async function validateTable(source: TableSource, options: ValidateOptions = {}): Promise<Report> {
  const task = await validateTableTask(source, options);
  return createReport([task], task.stats.seconds);
}

/** Validates one table and returns its task (used by validatePackage). */
export async function validateTableTask(input: TableSource, options: ValidateOptions = {}): Promise<ReportTask> {
  const started = now();
  let source;
  try {
    source = toByteSource(input, options);
  } catch (error) {
    return failedTask(String((error as Error).message), options.name ?? 'table', started, 'source-error');
  }
  const limit = options.limitErrors ?? 1000;
  const keep = errorFilter(options.pick, options.skip);
  const warnings: string[] = [];
  const errors: TableError[] = [];
  const task: ReportTask = { valid: true, name: options.name ?? source.name.replace(/^.*[\\/]/, '').replace(/\..*$/, ''), type: 'table', place: source.name, labels: [], stats: { errors: 0, warnings: 0, seconds: 0 }, warnings, errors };
  let stopped = false;
  const add = (type: string, details: ErrorDetails): void => {
    if (stopped || !keep(type)) return;
    errors.push(createError(type, details));
    if (errors.length >= limit) {
      warnings.push(`reached error limit: ${limit}`);
      stopped = true;
    }
  };
  const warn = (message: string): void => {
    if (!warnings.includes(message)) warnings.push(message);
  };

  let schema: NormalisedSchema | undefined;
  const schemaGiven = options.schema !== undefined;
  if (options.schema) {
    const { schema: normalised, problems } = normaliseSchema(options.schema);
    for (const note of problems) add('schema-error', { note });
    if (problems.length > 0) return finish(task, started);
    schema = normalised;
  }

  const budget: KeyBudget = { remaining: options.keyMemoryBytes ?? DEFAULT_KEY_MEMORY };
  const maxFields = options.maxFields ?? 16_384;
  const sampleRows = options.sampleRows ?? 100;
  const wantsHash = options.stats?.hash !== undefined;
  let headerRows = options.headerRows;
  const headerLabels: string[][] = [];
  let labels: string[] = [];
  let phase: 'header' | 'sample' | 'rows' = headerRows && headerRows.length === 0 ? 'sample' : 'header';
  const sample: { cells: string[]; rowNumber: number }[] = [];
  let dataRows = 0;

  // Compiled state, set by setup().
  let fields: CompiledField[] = [];
  let byColumn: (CompiledField | undefined)[] = [];
  let width = 0; // number of columns a row should have
  let exact = true;
  let schemaMissing = new Set<string>(['']);
  let onlyEmptyMissing = true;
  let schemaMissingWords: string[] = [''];
  let pkFields: CompiledField[] = [];
  let pkSet: KeyIndex | undefined;
  let pkInteger = false;
  let uniqueKeys: { fields: CompiledField[]; set: KeySet; names: string }[] = [];
  let foreignKeys: { fields: CompiledField[]; note: (values: string) => string; lookup: KeySet | undefined; self?: { fields: CompiledField[]; set: KeySet } }[] = [];
  const pending: { rowNumber: number; cells: string[]; lo: number; hi: number; fk: number; values: string }[] = [];
  const MAX_PENDING = 100_000;
  let checks: Check[] = [];
  let collectors: { fields: CompiledField[]; set: KeySet }[] = [];
  let needValues = false;
  let values: unknown[] = [];
  const fullWarned = new Set<string>();
  // Reading records straight from the decoded text (see processLine), set by setup() and the dialect.
  let fastLines = false;
  let delimiter = ',';
  let delimiterCode = 44;
  let quote = '"';
  let quoteCode = 34;
  let uniqueColumns: number[] = [];
  let cellStarts = new Int32Array(0);
  let cellEnds = new Int32Array(0);
  let phaseHadHeader = false;
  let headerRowNumbers: number[] = [];

  const setup = (): boolean => {
    if (!schema) {
      const inferred = inferFields(labels, sample.map((row) => row.cells), { confidence: options.confidence });
      schema = normaliseSchema({ fields: inferred }).schema;
    }
    const s = schema;
    schemaMissing = new Set(s.missingValues);
    onlyEmptyMissing = s.missingValues.length === 1 && s.missingValues[0] === '';
    schemaMissingWords = [...schemaMissing];
    if (s.fields.length > maxFields || labels.length > maxFields) {
      add('source-error', { note: `the table has ${Math.max(s.fields.length, labels.length)} columns, more than the limit of ${maxFields}` });
      return false;
    }
    exact = s.fieldsMatch === 'exact';
    const pkNames = new Set(s.primaryKey);
    const compiled = s.fields.map((descriptor: FieldDescriptor, index): CompiledField => {
      const cast = compileCast(descriptor);
      const constraints = compileConstraints(descriptor, cast, jsonSchemaCompiler);
      for (const note of constraints.problems) add('schema-error', { note: `field "${descriptor.name}": ${note}`, fieldName: descriptor.name, fieldNumber: index + 1 });
      const own = descriptor.missingValues?.map((item) => (typeof item === 'string' ? item : item.value));
      const missing = own ? new Set(own) : schemaMissing;
      return {
        name: descriptor.name,
        index,
        type: descriptor.type ?? 'string',
        format: descriptor.format ?? 'default',
        column: index,
        number: index + 1,
        cast,
        kind: castKind(descriptor),
        onlyEmptyMissing: missing.size === 1 && missing.has(''),
        missing,
        required: constraints.required || pkNames.has(descriptor.name),
        checks: constraints.checks,
        unique: constraints.unique ? new KeyIndex(budget) : undefined,
        integer: (descriptor.type ?? 'string') === 'integer',
        keyed: pkNames.has(descriptor.name),
        needsCell: false,
        prefix: false,
        missingWords: [...missing],
        folded: foldBounds(constraints.checks),
      };
    });
    for (const field of compiled) {
      field.needsCell = field.kind === CastKind.Compiled || field.checks.some((check) => needsCellText(check, field.kind === CastKind.Text)) || (field.kind === CastKind.Text && (field.unique !== undefined || field.keyed));
      field.prefix = !field.needsCell && prefixDelimiter(delimiterCode) && (field.kind === CastKind.Integer || field.kind === CastKind.Number || field.kind === CastKind.Date || field.kind === CastKind.Datetime);
    }
    if (errors.some((error) => error.type === 'schema-error')) return false;
    fields = compiled;
    // Map fields to columns and check the header.
    if (exact) {
      byColumn = compiled.slice();
      width = compiled.length;
      if (phaseHadHeader) {
        const seen = new Map<string, number>();
        const count = Math.max(labels.length, compiled.length);
        for (let i = 0; i < count; i++) {
          const field = compiled[i];
          const label = labels[i];
          if (label !== undefined && label.trim() !== '' && !seen.has(label)) seen.set(label, i + 1);
          if (!field) add('extra-label', { fieldNumber: i + 1, label: label ?? '', labels, rowNumbers: headerRowNumbers, note: '' });
          else if (label === undefined) add('missing-label', { fieldNumber: i + 1, fieldName: field.name, label: '', labels, rowNumbers: headerRowNumbers, note: '' });
          else if (label.trim() === '') add('blank-label', { fieldNumber: i + 1, fieldName: field.name, label, labels, rowNumbers: headerRowNumbers, note: '' });
          else if (seen.get(label) !== i + 1) add('duplicate-label', { fieldNumber: i + 1, fieldName: field.name, label, labels, rowNumbers: headerRowNumbers, note: `at position "${seen.get(label)!}"` });
          else if (schemaGiven && label !== field.name) add('incorrect-label', { fieldNumber: i + 1, fieldName: field.name, label, labels, rowNumbers: headerRowNumbers, note: `field name is "${field.name}"` });
        }
      }
    } else {
      const byName = new Map(compiled.map((field) => [field.name, field]));
      byColumn = labels.map((label) => byName.get(label));
      width = labels.length;
      const present = new Set(labels);
      const missingFields = compiled.filter((field) => !present.has(field.name));
      const extraLabels = labels.map((label, i) => ({ label, i })).filter(({ label }) => !byName.has(label));
      if (s.fieldsMatch === 'equal' || s.fieldsMatch === 'subset') {
        for (const field of missingFields) add('missing-label', { fieldName: field.name, note: `field "${field.name}" is not in the table` });
      }
      if (s.fieldsMatch === 'equal' || s.fieldsMatch === 'superset') {
        for (const { label, i } of extraLabels) add('extra-label', { fieldNumber: i + 1, label, labels, note: '' });
      }
      if (s.fieldsMatch === 'partial' && missingFields.length === compiled.length) add('missing-label', { note: 'no schema field matches a column of the table' });
      byColumn.forEach((field, column) => {
        if (field) {
          field.column = column;
          field.number = column + 1;
        }
      });
    }
    const fieldByName = new Map(compiled.map((field) => [field.name, field]));
    pkFields = s.primaryKey.map((name) => fieldByName.get(name)!);
    if (pkFields.length > 0) pkSet = new KeyIndex(budget);
    pkInteger = pkFields.length === 1 && pkFields[0]!.integer;
    uniqueKeys = s.uniqueKeys.map((names) => ({ fields: names.map((name) => fieldByName.get(name)!), set: new KeySet(budget), names: names.join(', ') }));
    foreignKeys = s.foreignKeys.map((fk) => {
      const own = fk.fields.map((name) => fieldByName.get(name)!);
      const note = (valuesText: string): string => `for "${fk.fields.join(', ')}": values "${valuesText}" not found in the lookup table "${fk.reference.resource}" as "${fk.reference.fields.join(', ')}"`;
      if (fk.reference.resource === '') {
        return { fields: own, note, lookup: undefined, self: { fields: fk.reference.fields.map((name) => fieldByName.get(name)!), set: new KeySet(budget) } };
      }
      const lookup = options.lookups?.get(fk.reference.resource)?.get(fk.reference.fields.join('\u001f'));
      if (!lookup) warn(`foreign key to "${fk.reference.resource}" was not checked: the resource is not available`);
      return { fields: own, note, lookup };
    });
    try {
      checks = (options.checks ?? []).map((descriptor) => compileCheck(descriptor, {
        fieldNames: compiled.map((field) => field.name),
        fieldTypes: compiled.map((field) => field.type),
        budget,
        warn,
        report: add,
      }));
    } catch (error) {
      add('checklist-error', { note: (error as Error).message });
      return false;
    }
    collectors = (options.collect ?? []).map((item) => ({ fields: item.fields.map((name) => fieldByName.get(name)), set: item.set }))
      .filter((item): item is { fields: CompiledField[]; set: KeySet } => item.fields.every((field) => field !== undefined));
    needValues = collectors.length > 0 || pkFields.length > 0 || uniqueKeys.length > 0 || foreignKeys.length > 0 || checks.length > 0;
    values = new Array<unknown>(compiled.length).fill(null);
    const mapped = byColumn.filter((field) => field !== undefined);
    fastLines = checks.length === 0 && collectors.length === 0 && foreignKeys.length === 0 && uniqueKeys.length === 0
      && schemaMissing.size <= 16 && compiled.every((field) => field.missing.size <= 16)
      && width > 0 && byColumn.length === width && new Set(mapped).size === mapped.length;
    uniqueColumns = [];
    byColumn.forEach((field, column) => {
      if (field?.unique) uniqueColumns.push(column);
    });
    cellStarts = new Int32Array(width);
    cellEnds = new Int32Array(width);
    task.labels = labels;
    return true;
  };

  const keyOf = (list: CompiledField[]): string | undefined => {
    let key = '';
    let allNull = true;
    for (let k = 0; k < list.length; k++) {
      const value = values[list[k]!.index];
      if (value !== null) allNull = false;
      key += (k > 0 ? '\u001f' : '') + (value === null ? '\u0000' : valueKey(value));
    }
    return allNull ? undefined : key;
  };

  const setFull = (what: string, rowNumber: number): void => {
    if (fullWarned.has(what)) return;
    fullWarned.add(what);
    warn(`${what} check stopped at row ${rowNumber}: the key memory limit of ${options.keyMemoryBytes ?? DEFAULT_KEY_MEMORY} bytes was reached`);
  };

  const onProgress = options.onProgress;
  const processRow = (cells: string[], rowNumber: number): void => {
    dataRows++;
    if (onProgress !== undefined && (dataRows & 0xffff) === 0) onProgress(dataRows);
    const n = cells.length;
    // Blank row: every cell missing.
    let blank = true;
    for (let i = 0; i < n; i++) {
      const cell = cells[i]!;
      if (onlyEmptyMissing ? cell.length !== 0 : !schemaMissing.has(cell)) {
        blank = false;
        break;
      }
    }
    // Typed values are written for every field below (null when missing or invalid) instead of
    // clearing the whole array per row.
    if (blank) {
      if (needValues) values.fill(null);
      add('blank-row', { rowNumber, cells, note: '' });
    } else {
      const count = n < byColumn.length ? n : byColumn.length;
      for (let i = 0; i < count; i++) {
        const field = byColumn[i];
        if (field === undefined) continue;
        const cell = cells[i]!;
        if (field.onlyEmptyMissing ? cell.length === 0 : field.missing.has(cell)) {
          if (needValues) values[field.index] = null;
          if (field.required) add('constraint-error', { rowNumber, fieldNumber: i + 1, fieldName: field.name, cell, cells, note: 'constraint "required" is "True"' });
          continue;
        }
        const value = castCell(field.kind, field.cast, cell);
        if (value === INVALID) {
          if (needValues) values[field.index] = null;
          add('type-error', { rowNumber, fieldNumber: i + 1, fieldName: field.name, cell, cells, note: `type is "${field.type}/${field.format}"` });
          continue;
        }
        const constraintChecks = field.checks;
        for (let k = 0; k < constraintChecks.length; k++) {
          const check = constraintChecks[k]!;
          if (!passes(check, value, cell)) add('constraint-error', { rowNumber, fieldNumber: i + 1, fieldName: field.name, cell, cells, note: check.note });
        }
        if (needValues) values[field.index] = value;
        if (field.unique) {
          const earlier = field.integer ? field.unique.addInteger(value as number, rowNumber) : field.unique.addString(valueKey(value), rowNumber);
          if (earlier > 0) add('unique-error', { rowNumber, fieldNumber: i + 1, fieldName: field.name, cell, cells, note: `the same as in the row at position ${earlier}` });
          else if (earlier < 0) setFull(`unique "${field.name}"`, rowNumber);
        }
      }
      for (let i = width; i < n; i++) add('extra-cell', { rowNumber, fieldNumber: i + 1, cell: cells[i]!, cells, note: '' });
      for (let i = n; i < width; i++) {
        const field = byColumn[i];
        if (needValues && field !== undefined) values[field.index] = null;
        if (field !== undefined || exact) add('missing-cell', { rowNumber, fieldNumber: i + 1, fieldName: field?.name ?? '', cell: '', cells, note: '' });
      }
      for (const uk of uniqueKeys) {
        const key = keyOf(uk.fields);
        if (key === undefined) continue;
        const lo = fingerprint(key);
        const earlier = uk.set.add(lo, fingerprintHigh, rowNumber);
        if (earlier > 0) add('unique-error', { rowNumber, cells, note: `the same as in the row at position ${earlier} (unique key "${uk.names}")` });
        else if (earlier < 0) setFull(`unique key "${uk.names}"`, rowNumber);
      }
    }
    if (pkSet) {
      const single = pkInteger ? values[pkFields[0]!.index] : undefined;
      const key = pkInteger ? undefined : keyOf(pkFields);
      if (pkInteger ? single === null : key === undefined) add('primary-key', { rowNumber, cells, note: 'cells composing the primary keys are all "None"' });
      else {
        const earlier = pkInteger ? pkSet.addInteger(single as number, rowNumber) : pkSet.addString(key!, rowNumber);
        if (earlier > 0) add('primary-key', { rowNumber, cells, note: `the same as in the row at position ${earlier}` });
        else if (earlier < 0) setFull('primary key', rowNumber);
      }
    }
    if (!blank) {
      for (const collector of collectors) {
        const key = keyOf(collector.fields);
        if (key === undefined) continue;
        const lo = fingerprint(key);
        if (collector.set.add(lo, fingerprintHigh, rowNumber) < 0) setFull('foreign key lookup', rowNumber);
      }
      for (let f = 0; f < foreignKeys.length; f++) {
        const fk = foreignKeys[f]!;
        if (fk.self) {
          const target = keyOf(fk.self.fields);
          if (target !== undefined) {
            const lo = fingerprint(target);
            if (fk.self.set.add(lo, fingerprintHigh, rowNumber) < 0) setFull('foreign key', rowNumber);
          }
        }
        const key = keyOf(fk.fields);
        if (key === undefined) continue;
        const lo = fingerprint(key);
        const hi = fingerprintHigh;
        const shown = key.split('\u001f').map((part) => (part === '\u0000' ? '' : part)).join(', ');
        if (fk.self) {
          if (fk.self.set.get(lo, hi) === 0) {
            if (pending.length < MAX_PENDING) pending.push({ rowNumber, cells: cells.slice(), lo, hi, fk: f, values: shown });
            else warn(`more than ${MAX_PENDING} rows refer forward to rows not yet read; later ones were not checked`);
          }
        } else if (fk.lookup && fk.lookup.get(lo, hi) === 0) {
          add('foreign-key', { rowNumber, cells, note: fk.note(shown) });
        }
      }
    }
    if (checks.length > 0) {
      const row = { rowNumber, cells, values };
      for (const check of checks) check.row?.(row);
    }
  };

  /** True when text[start, end) is one of `words`. */
  const spanIn = (words: string[], text: string, start: number, end: number): boolean => {
    const length = end - start;
    for (let k = 0; k < words.length; k++) {
      const word = words[k]!;
      if (word.length === length && text.startsWith(word, start)) return true;
    }
    return false;
  };

  const splitLine = (text: string, start: number, end: number, quoted: boolean): string[] => {
    if (quoted) return splitQuotedLine(text, start, end, delimiter, quote);
    const line = text.slice(start, end);
    return line.length === 0 ? [] : line.split(delimiter);
  };

  /**
   * First half of processLine: finds the cells of a one-line record in `text` (see `LineSink`)
   * and casts and checks them in place, recording nothing. False when the row would give any error other
   * than a unique or primary key one (wrong cell count, blank row, missing, type or constraint
   * error): such a row then goes through processRow with its cells.
   */
  const scanLine = (text: string, start: number, end: number, quoted: boolean): boolean => {
    let pos = start;
    let filled = false;
    const last = width - 1;
    for (let i = 0; i <= last; i++) {
      const field = byColumn[i];
      // Plain numbers and dates are cast while their end is found; checks on them follow.
      const prefixStop = field !== undefined && field.prefix ? castPrefix(field.kind, text, pos, end, delimiterCode) : -1;
      // The cell is text[cs, ce); the delimiter after it (or the end) is at e.
      let cs = pos;
      let ce: number;
      let e = pos;
      if (prefixStop >= 0) e = ce = prefixStop;
      else if (quoted && pos < end && text.charCodeAt(pos) === quoteCode) {
        cs = pos + 1;
        ce = text.indexOf(quote, cs);
        e = ce + 1;
      } else {
        while (e < end && text.charCodeAt(e) !== delimiterCode) e++;
        ce = e;
      }
      if (i < last ? e === end : e !== end) return false;
      cellStarts[i] = cs;
      cellEnds[i] = ce;
      if (!filled && !(onlyEmptyMissing ? ce === cs : spanIn(schemaMissingWords, text, cs, ce))) filled = true;
      if (field !== undefined && (field.onlyEmptyMissing ? ce === cs : spanIn(field.missingWords, text, cs, ce))) {
        if (field.required) return false;
        if (field.keyed) values[field.index] = null;
        cellEnds[i] = -1; // missing: no unique check
      } else if (field !== undefined) {
        let value: unknown;
        if (prefixStop >= 0) {
          // A plain number or date, cast while its end was found; kept unboxed unless stored.
          const number = prefixNumber();
          if (!insideFolded(field.folded, ce - cs, true, number)) return false;
          const rest = field.folded.rest;
          for (let k = 0; k < rest.length; k++) if (!passesAt(rest[k]!, number, text, cs, ce)) return false;
          if (field.keyed || field.unique !== undefined) values[field.index] = number;
          pos = e + 1;
          continue;
        }
        if (field.needsCell) {
          const constraintChecks = field.checks;
          const cell = text.slice(cs, ce);
          value = castCell(field.kind, field.cast, cell);
          if (value === INVALID) return false;
          for (let k = 0; k < constraintChecks.length; k++) if (!passes(constraintChecks[k]!, value, cell)) return false;
        } else {
          if (field.kind !== CastKind.Text) {
            value = castAt(field.kind, text, cs, ce);
            if (value === INVALID) return false;
          }
          // Inside the folded intervals every length and bound check passes; outside, one fails.
          if (!insideFolded(field.folded, ce - cs, typeof value === 'number', value as number)) return false;
          const rest = field.folded.rest;
          for (let k = 0; k < rest.length; k++) if (!passesAt(rest[k]!, value, text, cs, ce)) return false;
        }
        if (field.keyed || field.unique !== undefined) values[field.index] = value;
      }
      pos = e + 1;
    }
    return filled;
  };

  /**
   * processRow for a one-line record given as a span of text, when no check needs the whole row
   * (setup sets fastLines): values are read straight from the decoded text, and strings are created only for
   * cells that need one, or for the whole row when it has an error. Same report as processRow.
   */
  const processLine = (text: string, start: number, end: number, rowNumber: number, quoted: boolean): boolean => {
    if (stopped) return false;
    if (options.limitRows !== undefined && dataRows >= options.limitRows) return onRecord(splitLine(text, start, end, quoted), rowNumber);
    if (!scanLine(text, start, end, quoted)) return onRecord(splitLine(text, start, end, quoted), rowNumber);
    dataRows++;
    if (onProgress !== undefined && (dataRows & 0xffff) === 0) onProgress(dataRows);
    let cells: string[] | undefined;
    for (let u = 0; u < uniqueColumns.length; u++) {
      const i = uniqueColumns[u]!;
      if (cellEnds[i]! < 0) continue;
      const field = byColumn[i]!;
      const value = values[field.index];
      const earlier = field.integer ? field.unique!.addInteger(value as number, rowNumber) : field.unique!.addString(valueKey(value), rowNumber);
      if (earlier > 0) {
        cells ??= splitLine(text, start, end, quoted);
        add('unique-error', { rowNumber, fieldNumber: i + 1, fieldName: field.name, cell: cells[i]!, cells, note: `the same as in the row at position ${earlier}` });
      } else if (earlier < 0) setFull(`unique "${field.name}"`, rowNumber);
    }
    if (pkSet) {
      const single = pkInteger ? values[pkFields[0]!.index] : undefined;
      const key = pkInteger ? undefined : keyOf(pkFields);
      if (pkInteger ? single === null : key === undefined) add('primary-key', { rowNumber, cells: cells ??= splitLine(text, start, end, quoted), note: 'cells composing the primary keys are all "None"' });
      else {
        const earlier = pkInteger ? pkSet.addInteger(single as number, rowNumber) : pkSet.addString(key!, rowNumber);
        if (earlier > 0) add('primary-key', { rowNumber, cells: cells ??= splitLine(text, start, end, quoted), note: `the same as in the row at position ${earlier}` });
        else if (earlier < 0) setFull('primary key', rowNumber);
      }
    }
    return !stopped;
  };

  const onLine: LineRecordSink = (text, start, end, rowNumber, quoted) => (phase === 'rows' && fastLines ? processLine(text, start, end, rowNumber, quoted) : onRecord(splitLine(text, start, end, quoted), rowNumber));

  const onRecord = (cells: string[], rowNumber: number): boolean => {
    if (stopped) return false;
    if (cells.length > maxFields) {
      add('source-error', { rowNumber, note: `row ${rowNumber} has ${cells.length} cells, more than the limit of ${maxFields}` });
      stopped = true;
      return false;
    }
    if (phase === 'header') {
      headerRows ??= [rowNumber];
      const last = headerRows[headerRows.length - 1]!;
      if (headerRows.includes(rowNumber)) headerLabels.push(cells);
      if (rowNumber < last) return true;
      phaseHadHeader = true;
      headerRowNumbers = headerRows;
      const joined: string[] = [];
      for (const row of headerLabels) row.forEach((label, i) => {
        joined[i] = joined[i] === undefined || joined[i] === '' ? label : label === '' ? joined[i] : `${joined[i]}${options.headerJoin ?? ' '}${label}`;
      });
      labels = Array.from(joined, (label) => label ?? '');
      if (labels.every((label) => label.trim() === '')) add('blank-header', { rowNumbers: headerRows, note: '' });
      phase = 'sample';
      if (schema) {
        if (!setup()) {
          stopped = true;
          return false;
        }
        phase = 'rows';
      }
      return !stopped;
    }
    if (phase === 'sample') {
      sample.push({ cells, rowNumber });
      if (sample.length < sampleRows) return true;
      if (!startRows()) return false;
      return !stopped;
    }
    if (options.limitRows !== undefined && dataRows >= options.limitRows) {
      warn(`reached row limit: ${options.limitRows}`);
      stopped = true;
      return false;
    }
    processRow(cells, rowNumber);
    return !stopped;
  };

  const startRows = (): boolean => {
    if (!setup()) {
      stopped = true;
      return false;
    }
    phase = 'rows';
    for (const row of sample) {
      if (stopped) break;
      if (options.limitRows !== undefined && dataRows >= options.limitRows) {
        warn(`reached row limit: ${options.limitRows}`);
        stopped = true;
        break;
      }
      processRow(row.cells, row.rowNumber);
    }
    sample.length = 0;
    return !stopped;
  };

  let info: ReadInfo | undefined;
  try {
    info = await readRecords(source, { ...options, hash: options.hash ?? wantsHash }, onRecord, (note) => add('encoding-error', { note }), (dialect) => {
      if (dialect.delimiter.length !== 1) return undefined;
      delimiter = dialect.delimiter;
      delimiterCode = delimiter.charCodeAt(0);
      quote = dialect.quoteChar;
      quoteCode = quote.length === 1 ? quote.charCodeAt(0) : -1;
      return onLine;
    });
    if (info.warnings.length > 0) for (const message of info.warnings) warn(message);
    if (!stopped && (phase as string) === 'sample') startRows();
  } catch (error) {
    if (error instanceof SourceProblem) add(error.type, { note: error.message });
    else add('source-error', { note: `the source cannot be read: ${(error as Error).message}` });
    return finish(task, started);
  }

  if (!stopped) {
    for (const item of pending) {
      const fk = foreignKeys[item.fk]!;
      if (fk.self!.set.get(item.lo, item.hi) === 0) add('foreign-key', { rowNumber: item.rowNumber, cells: item.cells, note: fk.note(item.values) });
    }
    for (const check of checks) check.end?.({ rows: dataRows, fields: fields.length });
    const expected = options.stats;
    if (expected?.bytes !== undefined && expected.bytes !== info.bytes) add('byte-count', { note: `expected is "${expected.bytes}" and actual is "${info.bytes}"` });
    if (expected?.hash !== undefined) {
      const [algorithm, digest] = expected.hash.includes(':') ? expected.hash.split(':', 2) as [string, string] : ['md5', expected.hash];
      const actual = algorithm === 'sha256' ? info.sha256 : info.md5;
      if (actual !== digest.toLowerCase()) add('hash-count', { note: `expected is "${digest}" and actual is "${actual ?? ''}"` });
    }
    if (expected?.fields !== undefined && expected.fields !== fields.length) add('field-count', { note: `expected is "${expected.fields}" and actual is "${fields.length}"` });
    if (expected?.rows !== undefined && expected.rows !== dataRows) add('row-count', { note: `expected is "${expected.rows}" and actual is "${dataRows}"` });
  }
  task.stats.rows = dataRows;
  task.stats.fields = fields.length;
  task.stats.bytes = info.bytes;
  if (info.md5) task.stats.md5 = info.md5;
  if (info.sha256) task.stats.sha256 = info.sha256;
  if (task.labels.length === 0 && labels.length > 0) task.labels = labels;
  return finish(task, started);
}

function finish(task: ReportTask, started: number): ReportTask {
  task.valid = task.errors.length === 0;
  task.stats.errors = task.errors.length;
  task.stats.warnings = task.warnings.length;
  task.stats.seconds = Math.round(now() - started) / 1000;
  return task;
}

function failedTask(note: string, name: string, started: number, type: string): ReportTask {
  const task: ReportTask = { valid: false, name, type: 'table', place: name, labels: [], stats: { errors: 0, warnings: 0, seconds: 0 }, warnings: [], errors: [createError(type, { note })] };
  return finish(task, started);
}

