import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fromDcat, streamDcat, type DcatFormat, type DcatProblem } from '@bayan/dcat';
import { parseCatalog, parseDataset, type Dataset, type Language, type LocalizedMessage } from '@bayan/schema';
import type { Command } from 'commander';
import { interfaceLanguage, say } from '../io';

// `bayan dcat export FILE --format ttl|jsonld|rdfxml|nt`: a dataset record, a catalogue, or JSON
// lines of datasets (streamed, constant memory) as DCAT-AP 3. `bayan dcat import FILE --format …`:
// DCAT in any of those formats → dataset records as JSON lines on stdout, problems on stderr.
// Exit codes: 0 fine, 1 some records or values had problems, 2 unusable input or usage.

const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

const text = {
  usage: { fr: 'Exporte et importe du DCAT-AP 3 (Turtle, JSON-LD, RDF/XML, N-Triples).', ar: 'يصدّر ويستورد DCAT-AP 3 (Turtle وJSON-LD وRDF/XML وN-Triples).', en: 'Export and import DCAT-AP 3 (Turtle, JSON-LD, RDF/XML, N-Triples).' },
  exportUsage: { fr: 'Écrit un jeu de données, un catalogue ou des lignes JSON en DCAT-AP 3.', ar: 'يكتب مجموعة بيانات أو فهرسا أو أسطر JSON بصيغة DCAT-AP 3.', en: 'Write a dataset, a catalogue or JSON lines of datasets as DCAT-AP 3.' },
  importUsage: { fr: 'Lit du DCAT et écrit les jeux de données en lignes JSON.', ar: 'يقرأ DCAT ويكتب مجموعات البيانات كأسطر JSON.', en: 'Read DCAT and print the datasets as JSON lines.' },
  notFound: { fr: 'Fichier introuvable : {file}', ar: 'الملف غير موجود: {file}', en: 'File not found: {file}' },
  badFormat: { fr: 'Format inconnu : {value} (ttl, jsonld, rdfxml ou nt)', ar: 'صيغة غير معروفة: {value} (ttl أو jsonld أو rdfxml أو nt)', en: 'Unknown format: {value} (ttl, jsonld, rdfxml or nt)' },
  badLanguage: { fr: 'Langue inconnue : {value} (fr, ar ou en)', ar: 'لغة غير معروفة: {value} (fr أو ar أو en)', en: 'Unknown language: {value} (fr, ar or en)' },
  notJson: { fr: 'Ligne {line} : ce n’est pas du JSON valide.', ar: 'السطر {line}: ليس JSON صالحا.', en: 'Line {line}: not valid JSON.' },
  notRecord: { fr: 'Ligne {line} : fiche ignorée, elle n’est pas valide :', ar: 'السطر {line}: تم تجاهل البطاقة لأنها غير صالحة:', en: 'Line {line}: record skipped, it is not valid:' },
  notCatalog: { fr: 'Ce n’est ni un jeu de données ni un catalogue valide :', ar: 'ليست مجموعة بيانات ولا فهرسا صالحا:', en: 'Neither a valid dataset nor a valid catalogue:' },
  summary: { fr: '{datasets} jeu(x) de données, {problems} problème(s).', ar: '{datasets} مجموعة بيانات، {problems} مشكلة.', en: '{datasets} dataset(s), {problems} problem(s).' },
} satisfies Record<string, LocalizedMessage>;


const FORMATS: Record<string, DcatFormat> = {
  ttl: 'turtle',
  turtle: 'turtle',
  nt: 'ntriples',
  ntriples: 'ntriples',
  'n-triples': 'ntriples',
  jsonld: 'jsonld',
  'json-ld': 'jsonld',
  json: 'jsonld',
  rdfxml: 'rdfxml',
  rdf: 'rdfxml',
  xml: 'rdfxml',
  owl: 'rdfxml',
};

/** The format named by an option, or guessed from a file name. */
export function formatOf(option: string | undefined, file: string): DcatFormat | undefined {
  if (option !== undefined) return FORMATS[option.toLowerCase()];
  const extension = /\.([a-z-]+)$/i.exec(file)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : FORMATS[extension];
}

/** Where the commands write, so tests can capture it. */
export interface DcatIo {
  /** Writes a chunk of output (no newline added). */
  out: (chunk: string) => void | Promise<void>;
  err: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

/** Options of `bayan dcat export`. */
export interface DcatExportOptions {
  format?: string;
  baseUri?: string;
  vocabulary?: boolean;
}

/** Options of `bayan dcat import`. */
export interface DcatImportOptions {
  format?: string;
  baseIri?: string;
  language?: string;
  json?: boolean;
}

function readable(file: string): NodeJS.ReadableStream {
  return file === '-' ? process.stdin : createReadStream(file);
}

async function* jsonLines(file: string, lang: Language, io: DcatIo, counter: { problems: number }): AsyncGenerator<Dataset> {
  const lines = createInterface({ input: readable(file), crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number += 1;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line) as unknown;
    } catch {
      counter.problems += 1;
      io.err(say(text.notJson, lang, { line: number }));
      continue;
    }
    const parsed = parseDataset(value);
    if (parsed.ok) yield parsed.value;
    else {
      counter.problems += 1;
      io.err(say(text.notRecord, lang, { line: number }));
      for (const error of parsed.errors.slice(0, 20)) io.err(`  ${error.path || '/'}: ${error.message[lang]}`);
    }
  }
}

/**
 * Runs `bayan dcat export` and resolves to its exit code (0 written, 1 some JSON lines skipped, 2 unusable input).
 *
 * @example
 * ```ts
 * const code = await runDcatExport('dataset.json', { format: 'ttl' }, { out: (c) => process.stdout.write(c), err: console.error });
 * ```
 */
export async function runDcatExport(file: string, options: DcatExportOptions, io: DcatIo): Promise<number> {
  const lang = interfaceLanguage(io.env);
  const format = formatOf(options.format ?? 'ttl', file);
  if (format === undefined) {
    io.err(say(text.badFormat, lang, { value: options.format ?? '' }));
    return 2;
  }
  let size: number;
  try {
    size = file === '-' ? Number.POSITIVE_INFINITY : statSync(file).size;
  } catch {
    io.err(say(text.notFound, lang, { file }));
    return 2;
  }
  const common = { format, baseUri: options.baseUri ?? 'https://data.example.org', includeVocabulary: options.vocabulary === true };
  // A single JSON document (a dataset or a catalogue) is read whole; anything else is JSON lines, streamed.
  let document: unknown;
  if (size <= MAX_DOCUMENT_BYTES) {
    try {
      document = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as unknown;
    } catch {
      document = undefined;
    }
  }
  if (document !== null && typeof document === 'object' && !Array.isArray(document)) {
    const isCatalog = Array.isArray((document as { datasets?: unknown }).datasets);
    const parsed = isCatalog ? parseCatalog(document) : parseDataset(document);
    if (!parsed.ok) {
      io.err(say(text.notCatalog, lang));
      for (const error of parsed.errors.slice(0, 50)) io.err(`  ${error.path || '/'}: ${error.message[lang]}`);
      return 2;
    }
    if (isCatalog) {
      const { datasets, ...catalog } = parsed.value as Extract<typeof parsed.value, { datasets: Dataset[] }>;
      for await (const chunk of streamDcat(datasets, { ...common, catalog })) await io.out(chunk);
    } else {
      for await (const chunk of streamDcat([parsed.value as Dataset], common)) await io.out(chunk);
    }
    return 0;
  }
  const counter = { problems: 0 };
  for await (const chunk of streamDcat(jsonLines(file, lang, io, counter), common)) await io.out(chunk);
  return counter.problems > 0 ? 1 : 0;
}

function formatProblem(problem: DcatProblem, lang: Language): string {
  const where = [problem.subject || '-', problem.path].filter((v) => v !== undefined && v !== '').join(' ');
  return `${problem.severity} ${problem.code} ${where}: ${problem.message[lang]}`;
}

/**
 * Runs `bayan dcat import` and resolves to its exit code (0 read cleanly, 1 some records or values had problems, 2 unusable input).
 *
 * @example
 * ```ts
 * const code = await runDcatImport('catalog.ttl', {}, { out: (c) => process.stdout.write(c), err: console.error });
 * ```
 */
export async function runDcatImport(file: string, options: DcatImportOptions, io: DcatIo): Promise<number> {
  const lang = interfaceLanguage(io.env);
  const format = formatOf(options.format, file);
  if (format === undefined) {
    io.err(say(text.badFormat, lang, { value: options.format ?? file }));
    return 2;
  }
  const language = options.language ?? 'fr';
  if (language !== 'fr' && language !== 'ar' && language !== 'en') {
    io.err(say(text.badLanguage, lang, { value: language }));
    return 2;
  }
  if (file !== '-') {
    try {
      statSync(file);
    } catch {
      io.err(say(text.notFound, lang, { file }));
      return 2;
    }
  }
  const result = await fromDcat(readable(file) as AsyncIterable<Uint8Array>, {
    format,
    defaultLanguage: language,
    ...(options.baseIri === undefined ? {} : { baseIRI: options.baseIri }),
  });
  for (const dataset of result.datasets) await io.out(`${JSON.stringify(dataset)}\n`);
  for (const problem of result.problems) io.err(options.json === true ? JSON.stringify(problem) : formatProblem(problem, lang));
  if (options.json !== true) io.err(say(text.summary, lang, { datasets: result.datasets.length, problems: result.problems.length }));
  const documentFailed = result.datasets.length === 0 && result.problems.some((p) => p.subject === '' && p.severity === 'error');
  if (documentFailed) return 2;
  return result.problems.some((p) => p.severity === 'error') ? 1 : 0;
}

function writeStdout(chunk: string): Promise<void> | void {
  if (process.stdout.write(chunk)) return;
  return new Promise((resolve) => process.stdout.once('drain', () => resolve()));
}

/**
 * Registers `bayan dcat export FILE [--format ttl|jsonld|rdfxml|nt] [--base-uri URL] [--vocabulary]`
 * and `bayan dcat import FILE [--format …] [--base-iri IRI] [--language fr|ar|en] [--json]`.
 *
 * @example
 * ```ts
 * registerDcat(new Command('bayan'));
 * ```
 */
export function registerDcat(program: Command): Command {
  const lang = interfaceLanguage();
  const io: DcatIo = { out: writeStdout, err: (line) => process.stderr.write(`${line}\n`) };
  const dcat = program.command('dcat').description(text.usage[lang]);
  dcat
    .command('export')
    .description(text.exportUsage[lang])
    .argument('<file>', 'a dataset or catalogue record (JSON), or JSON lines of datasets; - for standard input')
    .option('--format <format>', 'ttl (default), jsonld, rdfxml or nt')
    .option('--base-uri <url>', 'base URL for records without a uri', 'https://data.example.org')
    .option('--vocabulary', 'append the vocabulary graph of the terms used (offline SHACL validation)')
    .action(async (file: string, options: DcatExportOptions) => {
      const code = await runDcatExport(file, options, io);
      if (code !== 0) process.exitCode = code;
    });
  dcat
    .command('import')
    .description(text.importUsage[lang])
    .argument('<file>', 'a DCAT document; - for standard input')
    .option('--format <format>', 'ttl, jsonld, rdfxml or nt (default: from the file extension)')
    .option('--base-iri <iri>', 'base IRI for relative IRIs')
    .option('--language <lang>', 'language of untagged text: fr (default), ar or en')
    .option('--json', 'print problems as JSON lines')
    .action(async (file: string, options: DcatImportOptions) => {
      const code = await runDcatImport(file, options, io);
      if (code !== 0) process.exitCode = code;
    });
  return program;
}
