import { existsSync, readFileSync, statSync } from 'node:fs';
import { inferSchema, validateTable } from '@bayan/tabular';
import type { LocalizedMessage, Report, SchemaDescriptor, TableError, ValidateOptions } from '@bayan/tabular';
import { fromPath, validatePackageFile } from '@bayan/tabular/node';
import type { Command } from 'commander';
import { interfaceLanguage, say } from '../io';

// `bayan validate FILE [--schema S.json] [--json]` and `bayan infer FILE [--json]`: Frictionless
// validation and schema inference for CSV, TSV, gzip/zip and XLSX files, or a datapackage.json.
// Exit codes: 0 valid, 1 the table has problems, 2 the input cannot be read (missing file,
// unreadable format, bad schema or option). Messages follow LC_ALL / LC_MESSAGES / LANG.

type Language = keyof LocalizedMessage;

const text = {
  validateUsage: { fr: 'Valide un tableau (CSV, TSV, XLSX, gzip/zip) ou un datapackage.json selon Frictionless.', ar: 'يتحقق من جدول (CSV أو TSV أو XLSX أو gzip/zip) أو من datapackage.json وفق Frictionless.', en: 'Validate a table (CSV, TSV, XLSX, gzip/zip) or a datapackage.json the Frictionless way.' },
  inferUsage: { fr: 'Déduit le schéma (Table Schema) d’un tableau.', ar: 'يستنتج مخطط الجدول (Table Schema).', en: 'Infer the Table Schema of a table.' },
  notFound: { fr: 'Fichier introuvable : {file}', ar: 'الملف غير موجود: {file}', en: 'File not found: {file}' },
  badSchema: { fr: 'Schéma illisible (JSON attendu) : {file}', ar: 'تعذّرت قراءة المخطط (المطلوب JSON): {file}', en: 'Cannot read the schema (JSON expected): {file}' },
  badNumber: { fr: 'Nombre attendu pour {option} : {value}', ar: 'مطلوب عدد للخيار {option}: {value}', en: 'A number is expected for {option}: {value}' },
  valid: { fr: '✓ {name} est valide ({rows} lignes).', ar: '✓ {name} صالح ({rows} صفًا).', en: '✓ {name} is valid ({rows} rows).' },
  invalid: { fr: '✗ {name} : {errors} erreur(s) ({rows} lignes lues).', ar: '✗ {name}: {errors} خطأ ({rows} صفًا مقروءًا).', en: '✗ {name}: {errors} error(s) ({rows} rows read).' },
  warning: { fr: 'Avertissement', ar: 'تنبيه', en: 'Warning' },
  rowsRead: { fr: '{rows} lignes lues…', ar: 'تمت قراءة {rows} صفًا…', en: '{rows} rows read…' },
  fields: { fr: 'Champs', ar: 'الحقول', en: 'Fields' },
  detected: { fr: 'Format {format}, encodage {encoding}, séparateur {delimiter}, en-tête ligne {header}', ar: 'الصيغة {format}، الترميز {encoding}، الفاصل {delimiter}، العناوين في الصف {header}', en: 'Format {format}, encoding {encoding}, delimiter {delimiter}, header on row {header}' },
} satisfies Record<string, LocalizedMessage>;

const UNREADABLE = new Set(['source-error', 'scheme-error', 'format-error', 'compression-error', 'schema-error', 'package-error', 'resource-error', 'dialect-error', 'checklist-error']);



/** Options of `bayan validate`. */
export interface ValidateCommandOptions {
  schema?: string;
  json?: boolean;
  sheet?: string;
  encoding?: string;
  delimiter?: string;
  limitErrors?: string;
}

/** Where the commands write, so tests can capture it. */
export interface ValidateIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  /** Progress lines (rows read); default none. */
  progress?: (line: string) => void;
}

const defaultIo: ValidateIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  progress: process.stderr.isTTY ? (line) => process.stderr.write(`\r${line}`) : undefined,
};

function exitCode(report: Report): number {
  if (report.valid) return 0;
  const errors: TableError[] = [...report.errors, ...report.tasks.flatMap((task) => task.errors)];
  return errors.some((error) => UNREADABLE.has(error.type)) ? 2 : 1;
}

function printReport(report: Report, lang: Language, io: ValidateIo): void {
  for (const error of report.errors) io.out(`  ${error.type}: ${error.messages[lang]}`);
  for (const task of report.tasks) {
    const values = { name: task.place, rows: task.stats.rows ?? 0, errors: task.errors.length };
    io.out(say(task.valid ? text.valid : text.invalid, lang, values));
    for (const error of task.errors) io.out(`  [${error.type}] ${error.messages[lang]}`);
    for (const warning of task.warnings) io.out(`  ${say(text.warning, lang)}: ${warning}`);
  }
}

/**
 * Runs `bayan validate` and returns its exit code (0 valid, 1 invalid, 2 unreadable input).
 *
 * @example
 * ```ts
 * const code = await runValidate('budget.csv', { schema: 'budget.schema.json' });
 * ```
 */
export async function runValidate(file: string, options: ValidateCommandOptions = {}, io: ValidateIo = defaultIo): Promise<number> {
  const lang = interfaceLanguage(io.env ?? process.env);
  if (!existsSync(file) || !statSync(file).isFile()) {
    io.err(say(text.notFound, lang, { file }));
    return 2;
  }
  const validateOptions: ValidateOptions = {};
  if (options.schema) {
    try {
      validateOptions.schema = JSON.parse(readFileSync(options.schema, 'utf8')) as SchemaDescriptor;
    } catch {
      io.err(say(text.badSchema, lang, { file: options.schema }));
      return 2;
    }
  }
  if (options.limitErrors !== undefined) {
    const limit = Number(options.limitErrors);
    if (!Number.isInteger(limit) || limit < 1) {
      io.err(say(text.badNumber, lang, { option: '--limit-errors', value: options.limitErrors }));
      return 2;
    }
    validateOptions.limitErrors = limit;
  }
  if (options.sheet !== undefined) validateOptions.sheet = /^\d+$/.test(options.sheet) ? Number(options.sheet) : options.sheet;
  if (options.encoding) validateOptions.encoding = options.encoding;
  if (options.delimiter) validateOptions.dialect = { delimiter: options.delimiter === '\\t' ? '\t' : options.delimiter };
  if (io.progress) {
    const progress = io.progress;
    validateOptions.onProgress = (rows) => progress(say(text.rowsRead, lang, { rows }));
  }
  let report: Report;
  if (file.endsWith('.json')) {
    report = await validatePackageFile(file, validateOptions);
  } else {
    report = await validateTable(fromPath(file), validateOptions);
  }
  if (io.progress) io.progress('\n');
  if (options.json) io.out(JSON.stringify(report, null, 2));
  else printReport(report, lang, io);
  return exitCode(report);
}

/**
 * Runs `bayan infer` and returns its exit code (0 inferred, 2 unreadable input).
 *
 * @example
 * ```ts
 * const code = await runInfer('regions.csv', { json: true });
 * ```
 */
export async function runInfer(file: string, options: { json?: boolean; sheet?: string; encoding?: string } = {}, io: ValidateIo = defaultIo): Promise<number> {
  const lang = interfaceLanguage(io.env ?? process.env);
  if (!existsSync(file) || !statSync(file).isFile()) {
    io.err(say(text.notFound, lang, { file }));
    return 2;
  }
  const result = await inferSchema(fromPath(file), {
    ...(options.sheet !== undefined ? { sheet: /^\d+$/.test(options.sheet) ? Number(options.sheet) : options.sheet } : {}),
    ...(options.encoding ? { encoding: options.encoding } : {}),
  });
  if (!result.schema) {
    for (const error of result.errors) io.err(`[${error.type}] ${error.messages[lang]}`);
    return 2;
  }
  if (options.json) {
    io.out(JSON.stringify(result.schema, null, 2));
    return 0;
  }
  const delimiter = result.dialect?.delimiter === '\t' ? 'TAB' : (result.dialect?.delimiter ?? '-');
  io.out(say(text.detected, lang, { format: result.format, encoding: result.encoding ?? '-', delimiter, header: result.headerRow }));
  io.out(`${say(text.fields, lang)}:`);
  for (const field of result.schema.fields) {
    const extras = [field.format ? `format ${field.format}` : '', field.decimalChar ? `decimalChar "${field.decimalChar}"` : '', field.groupChar ? `groupChar "${field.groupChar}"` : ''].filter(Boolean).join(', ');
    io.out(`  ${field.name}: ${field.type ?? 'string'}${extras ? ` (${extras})` : ''}`);
  }
  for (const warning of result.warnings) io.out(`${say(text.warning, lang)}: ${warning}`);
  return 0;
}

/** Registers `bayan validate` and `bayan infer`. */
export function registerValidate(program: Command): void {
  const lang = interfaceLanguage(process.env);
  program
    .command('validate')
    .description(text.validateUsage[lang])
    .argument('<file>', 'CSV, TSV, XLSX, .gz/.zip or datapackage.json')
    .option('--schema <file>', 'Table Schema (JSON)')
    .option('--json', 'print the Frictionless report as JSON')
    .option('--sheet <name>', 'XLSX sheet name or number')
    .option('--encoding <name>', 'utf-8, utf-16le, utf-16be, windows-1256, windows-1252')
    .option('--delimiter <char>', 'cell delimiter (default detected)')
    .option('--limit-errors <n>', 'stop after n errors (default 1000)')
    .action(async (file: string, options: ValidateCommandOptions) => {
      process.exitCode = await runValidate(file, options);
    });
  program
    .command('infer')
    .description(text.inferUsage[lang])
    .argument('<file>', 'CSV, TSV, XLSX or .gz/.zip')
    .option('--json', 'print the schema as JSON')
    .option('--sheet <name>', 'XLSX sheet name or number')
    .option('--encoding <name>', 'text encoding (default detected)')
    .action(async (file: string, options: { json?: boolean; sheet?: string; encoding?: string }) => {
      process.exitCode = await runInfer(file, options);
    });
}
