import {
  ckanPackagesOf,
  fromCkanPackage,
  migrate,
  parseCatalog,
  parseDataService,
  parseDataset,
  parseDatasetSeries,
  parseDistribution,
  parseInventoryEntry,
  parseOrganization,
  type LocalizedMessage,
  type ParseResult,
  type SchemaError,
} from '@bayan/schema';
import type { Command } from 'commander';
import { interfaceLanguage, readTextInput, say } from '../io';

// `bayan schema check FILE.json` validates Bayan records; `bayan ckan convert FILE.json` turns a
// CKAN package (or a package_show / package_search response) into Bayan dataset records.
// Exit codes: 0 fine, 1 the input has problems, 2 unusable input (unreadable, too big, not JSON,
// bad option). Messages follow LC_ALL, then LC_MESSAGES, then LANG (fr, ar, en; French by default).

const text = {
  schemaUsage: { fr: 'Valide et convertit les fiches Bayan.', ar: 'يتحقق من بطاقات بيان ويحوّلها.', en: 'Validate and convert Bayan records.' },
  checkUsage: {
    fr: 'Vérifie une fiche (ou des lignes JSON) selon le modèle Bayan.',
    ar: 'يتحقق من بطاقة (أو أسطر JSON) وفق نموذج بيان.',
    en: 'Check a record (or JSON lines) against the Bayan model.',
  },
  ckanUsage: { fr: 'Échanges avec les portails CKAN.', ar: 'التبادل مع بوابات CKAN.', en: 'Work with CKAN portals.' },
  convertUsage: {
    fr: 'Convertit un jeu de données CKAN (package_show, package_search) en fiches Bayan.',
    ar: 'يحوّل مجموعة بيانات CKAN ‏(package_show وpackage_search) إلى بطاقات بيان.',
    en: 'Convert a CKAN package (package_show, package_search) into Bayan records.',
  },
  notJson: { fr: 'Ce n’est pas du JSON valide : {file}', ar: 'هذا ليس JSON صالحا: {file}', en: 'Not valid JSON: {file}' },
  badType: {
    fr: 'Type de fiche inconnu : {value} (dataset, distribution, data-service, dataset-series, catalog, organization, inventory-entry)',
    ar: 'نوع بطاقة غير معروف: {value} (dataset أو distribution أو data-service أو dataset-series أو catalog أو organization أو inventory-entry)',
    en: 'Unknown record type: {value} (dataset, distribution, data-service, dataset-series, catalog, organization, inventory-entry)',
  },
  badLanguage: { fr: 'Langue inconnue : {value} (fr, ar ou en)', ar: 'لغة غير معروفة: {value} (fr أو ar أو en)', en: 'Unknown language: {value} (fr, ar or en)' },
  badGroups: {
    fr: 'Table des groupes illisible : {file} (un objet JSON { "groupe": "ECON" } est attendu)',
    ar: 'جدول المجموعات غير مقروء: {file} (المتوقع كائن JSON مثل { "groupe": "ECON" })',
    en: 'Unreadable group table: {file} (a JSON object { "group": "ECON" } is expected)',
  },
  valid: { fr: '{what} valide', ar: '{what} صالح', en: 'valid {what}' },
  invalid: { fr: '{what} invalide : {count} erreur(s)', ar: '{what} غير صالح: {count} خطأ', en: 'invalid {what}: {count} error(s)' },
  line: { fr: 'ligne {line}', ar: 'السطر {line}', en: 'line {line}' },
  lineNotJson: { fr: 'ligne {line} : ce n’est pas du JSON valide', ar: 'السطر {line}: ليس JSON صالحا', en: 'line {line}: not valid JSON' },
  notCkan: {
    fr: 'Aucun jeu de données CKAN trouvé dans {file} (attendu : un package, une réponse package_show ou package_search)',
    ar: 'لم يُعثر على أي مجموعة بيانات CKAN في {file} (المتوقع: package أو استجابة package_show أو package_search)',
    en: 'No CKAN package found in {file} (expected a package, or a package_show or package_search response)',
  },
  converted: {
    fr: '{name} : {count} remarque(s) à la conversion',
    ar: '{name}: {count} ملاحظة عند التحويل',
    en: '{name}: {count} note(s) from the conversion',
  },
} satisfies Record<string, LocalizedMessage>;

const RECORD_NAMES: Record<RecordType, LocalizedMessage> = {
  dataset: { fr: 'jeu de données', ar: 'مجموعة بيانات', en: 'dataset' },
  distribution: { fr: 'distribution', ar: 'توزيع', en: 'distribution' },
  'data-service': { fr: 'service de données', ar: 'خدمة بيانات', en: 'data service' },
  'dataset-series': { fr: 'série de jeux de données', ar: 'سلسلة مجموعات بيانات', en: 'dataset series' },
  catalog: { fr: 'catalogue', ar: 'فهرس', en: 'catalogue' },
  organization: { fr: 'organisation', ar: 'مؤسسة', en: 'organisation' },
  'inventory-entry': { fr: 'entrée d’inventaire', ar: 'مدخل جرد', en: 'inventory entry' },
};

/** A record type `bayan schema check` knows. */
export type RecordType = 'dataset' | 'distribution' | 'data-service' | 'dataset-series' | 'catalog' | 'organization' | 'inventory-entry';

const PARSERS: Record<RecordType, (input: unknown) => ParseResult<unknown>> = {
  dataset: parseDataset,
  distribution: parseDistribution,
  'data-service': parseDataService,
  'dataset-series': parseDatasetSeries,
  catalog: parseCatalog,
  organization: parseOrganization,
  'inventory-entry': parseInventoryEntry,
};

// Records with a `schemaVersion` go through `migrate` first, so an unknown version is reported as such.
const VERSIONED: ReadonlySet<RecordType> = new Set(['dataset', 'organization', 'inventory-entry']);



/** Where a command writes, so tests can capture it. */
export interface SchemaIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  /** Reads standard input when FILE is `-`. */
  stdin?: () => string;
}

type Parsed = { kind: 'document'; value: unknown } | { kind: 'lines'; lines: { line: number; value?: unknown }[] } | { kind: 'unusable' };

// One JSON document, or JSON lines (what `bayan ckan convert` and `bayan dcat import` print for
// several records). Text where no line is JSON is unusable.
function parseSource(source: string): Parsed {
  try {
    return { kind: 'document', value: JSON.parse(source) as unknown };
  } catch {
    // maybe JSON lines
  }
  const lines: { line: number; value?: unknown }[] = [];
  let usable = 0;
  source.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    try {
      lines.push({ line: index + 1, value: JSON.parse(raw) as unknown });
      usable += 1;
    } catch {
      lines.push({ line: index + 1 });
    }
  });
  return usable === 0 ? { kind: 'unusable' } : { kind: 'lines', lines };
}

function check(input: unknown, type: RecordType): SchemaError[] {
  let record = input;
  if (VERSIONED.has(type)) {
    const migrated = migrate(input);
    if (!migrated.ok) return migrated.errors;
    record = migrated.value;
  }
  const result = PARSERS[type](record);
  return result.ok ? [] : result.errors;
}

/** Options of `bayan schema check`. */
export interface SchemaCheckOptions {
  /** Record type (default `dataset`). */
  type?: string;
  /** Machine output: one JSON object per record, `{ valid, errors }`. */
  json?: boolean;
}

/**
 * Runs `bayan schema check` and returns its exit code: 0 every record is valid, 1 some record has
 * errors, 2 the input is unusable (unreadable, too big, not JSON) or an option is wrong.
 *
 * @example
 * ```ts
 * const code = runSchemaCheck('dataset.json', { json: true }, { out: console.log, err: console.error });
 * ```
 */
export function runSchemaCheck(file: string, options: SchemaCheckOptions, io: SchemaIo): number {
  const lang = interfaceLanguage(io.env);
  const type = (options.type ?? 'dataset') as RecordType;
  if (!Object.prototype.hasOwnProperty.call(PARSERS, type)) {
    io.err(say(text.badType, lang, { value: String(options.type) }));
    return 2;
  }
  const source = readTextInput(file, lang, io);
  if (!source.ok) return 2;
  const parsed = parseSource(source.text);
  if (parsed.kind === 'unusable') {
    io.err(say(text.notJson, lang, { file }));
    return 2;
  }
  const what = RECORD_NAMES[type][lang];
  const records = parsed.kind === 'document' ? [{ line: undefined, value: parsed.value, json: true }] : parsed.lines.map((l) => ({ line: l.line, value: l.value, json: 'value' in l }));
  let invalid = 0;
  for (const record of records) {
    const where = record.line === undefined ? file : `${file}:${say(text.line, lang, { line: record.line })}`;
    if (!record.json) {
      invalid += 1;
      if (options.json) io.out(JSON.stringify({ file, line: record.line, valid: false, errors: [{ path: '', code: 'invalid_json', message: { fr: say(text.lineNotJson, 'fr', { line: record.line ?? 0 }), ar: say(text.lineNotJson, 'ar', { line: record.line ?? 0 }), en: say(text.lineNotJson, 'en', { line: record.line ?? 0 }) } }] }));
      else io.err(`${file}: ${say(text.lineNotJson, lang, { line: record.line ?? 0 })}`);
      continue;
    }
    const errors = check(record.value, type);
    if (errors.length > 0) invalid += 1;
    if (options.json) {
      io.out(JSON.stringify({ file, ...(record.line === undefined ? {} : { line: record.line }), valid: errors.length === 0, errors }));
    } else if (errors.length === 0) {
      io.out(`✓ ${where}: ${say(text.valid, lang, { what })}`);
    } else {
      io.out(`✗ ${where}: ${say(text.invalid, lang, { what, count: errors.length })}`);
      for (const error of errors.slice(0, 100)) io.out(`  ${error.path || '/'}  ${error.message[lang]}  [${error.code}]`);
      if (errors.length > 100) io.out(`  … +${errors.length - 100}`);
    }
  }
  return invalid > 0 ? 1 : 0;
}

/** Options of `bayan ckan convert`. */
export interface CkanConvertOptions {
  /** Language of plain-string CKAN titles and notes that are not Arabic (fr, ar, en; default fr). */
  language?: string;
  /** The portal's address, to resolve relative resource URLs. */
  baseUrl?: string;
  /** A JSON file mapping CKAN group names to EU data themes: `{ "finances": "ECON" }`. */
  groups?: string;
  /** Print the conversion notes as JSON lines on standard error. */
  json?: boolean;
  /** Exit with 1 when any package was converted with notes (default: notes are printed, exit 0). */
  strict?: boolean;
}

/**
 * Runs `bayan ckan convert`: prints the Bayan dataset of a CKAN package, or of every package of a
 * `package_show` / `package_search` response (as JSON lines when there are several). What could
 * not be kept as is goes to standard error. Returns 0 converted without notes, 1 converted with
 * notes, 2 unusable input.
 *
 * @example
 * ```ts
 * runCkanConvert('package_show.json', { language: 'fr' }, { out: console.log, err: console.error });
 * ```
 */
export function runCkanConvert(file: string, options: CkanConvertOptions, io: SchemaIo): number {
  const lang = interfaceLanguage(io.env);
  const language = options.language ?? 'fr';
  if (language !== 'fr' && language !== 'ar' && language !== 'en') {
    io.err(say(text.badLanguage, lang, { value: language }));
    return 2;
  }
  let groupThemes: Record<string, string | string[]> | undefined;
  if (options.groups !== undefined) {
    const table = readTextInput(options.groups, lang, io);
    if (!table.ok) return 2;
    const parsed = parseSource(table.text);
    const value = parsed.kind === 'document' ? parsed.value : undefined;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      io.err(say(text.badGroups, lang, { file: options.groups }));
      return 2;
    }
    groupThemes = value as Record<string, string | string[]>;
  }
  const source = readTextInput(file, lang, io);
  if (!source.ok) return 2;
  const parsed = parseSource(source.text);
  if (parsed.kind === 'unusable') {
    io.err(say(text.notJson, lang, { file }));
    return 2;
  }
  const documents = parsed.kind === 'document' ? [parsed.value] : parsed.lines.filter((l) => 'value' in l).map((l) => l.value);
  const packages = documents.flatMap((d) => ckanPackagesOf(d));
  if (packages.length === 0) {
    io.err(say(text.notCkan, lang, { file }));
    return 2;
  }
  let notes = 0;
  for (const pkg of packages) {
    const { dataset, problems } = fromCkanPackage(pkg, {
      defaultLanguage: language,
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      ...(groupThemes ? { groupThemes } : {}),
    });
    io.out(packages.length === 1 ? JSON.stringify(dataset, null, 2) : JSON.stringify(dataset));
    if (problems.length === 0) continue;
    notes += problems.length;
    const name = dataset.slug ?? dataset.id ?? '?';
    if (options.json) {
      for (const problem of problems) io.err(JSON.stringify({ dataset: name, ...problem }));
    } else {
      io.err(say(text.converted, lang, { name, count: problems.length }));
      for (const problem of problems) io.err(`  ${problem.path || '/'}  ${problem.message[lang]}  [${problem.code}]`);
    }
  }
  // Notes say what was approximated (a missing description, an unknown licence); the records are
  // still valid. Only --strict makes them fail the command.
  return notes > 0 && options.strict === true ? 1 : 0;
}

/**
 * Registers `bayan schema check FILE [--type T] [--json]` and `bayan ckan convert FILE
 * [--language fr|ar|en] [--base-url URL] [--groups FILE] [--json]`.
 *
 * @example
 * ```ts
 * registerSchema(new Command('bayan'));
 * ```
 */
export function registerSchema(program: Command): Command {
  const lang = interfaceLanguage();
  const write = {
    out: (line: string) => process.stdout.write(`${line}\n`),
    err: (line: string) => process.stderr.write(`${line}\n`),
  };
  const schema = program.command('schema').description(text.schemaUsage[lang]);
  schema
    .command('check')
    .description(text.checkUsage[lang])
    .argument('<file>', 'record (JSON) or JSON lines, or - for standard input')
    .option('--type <type>', 'dataset (default), distribution, data-service, dataset-series, catalog, organization, inventory-entry')
    .option('--json', 'print one JSON result per record')
    .action((file: string, options: SchemaCheckOptions) => {
      const code = runSchemaCheck(file, options, write);
      if (code !== 0) process.exitCode = code;
    });
  // Another command may already have created `bayan ckan`: add to it rather than shadow it.
  const ckan = program.commands.find((c) => c.name() === 'ckan') ?? program.command('ckan').description(text.ckanUsage[lang]);
  ckan
    .command('convert')
    .description(text.convertUsage[lang])
    .argument('<file>', 'CKAN package, package_show or package_search response (JSON), or - for standard input')
    .option('--language <lang>', 'language of plain-string titles: fr (default), ar or en')
    .option('--base-url <url>', 'the portal address, to resolve relative URLs')
    .option('--groups <file>', 'JSON table of CKAN group name → EU theme, e.g. { "finances": "ECON" }')
    .option('--json', 'print conversion notes as JSON lines on standard error')
    .option('--strict', 'exit with 1 when a package was converted with notes')
    .action((file: string, options: CkanConvertOptions) => {
      const code = runCkanConvert(file, options, write);
      if (code !== 0) process.exitCode = code;
    });
  return program;
}
