import { scalarText } from './constraints';
import { validateDescriptor } from './descriptor';
import { KeySet } from './keySet';
import type { KeyBudget } from './keySet';
import { createError, createReport } from './report';
import type { Report, ReportTask } from './report';
import type { SchemaDescriptor } from './schema';
import type { TableSource } from './source';
import { validateTableTask } from './validateTable';
import type { ForeignKeyLookups, ValidateOptions } from './validateTable';

/** A Data Resource descriptor (the parts this package reads). */
export interface ResourceDescriptor {
  name?: string;
  path?: string | string[];
  data?: unknown;
  schema?: SchemaDescriptor;
  dialect?: Record<string, unknown>;
  encoding?: string;
  format?: string;
  bytes?: number;
  hash?: string;
  sheet?: string | number;
  [key: string]: unknown;
}

/** A Data Package descriptor. */
export interface PackageDescriptor {
  resources: ResourceDescriptor[];
  [key: string]: unknown;
}

/** Options of `validatePackage`. */
export interface ValidatePackageOptions extends Omit<ValidateOptions, 'schema' | 'name' | 'lookups' | 'collect' | 'stats'> {
  /** Turns a resource `path` into a source; default: http(s) URLs, or paths relative to `basePath` when it is a URL. */
  resolve?: (path: string) => TableSource;
  /** Base URL for relative resource paths. */
  basePath?: string;
}

function toCsv(data: unknown): string | undefined {
  if (!Array.isArray(data)) return undefined;
  const quote = (value: unknown): string => {
    const text = value === null || value === undefined ? '' : scalarText(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  if (data.every((row) => Array.isArray(row))) return (data as unknown[][]).map((row) => row.map(quote).join(',')).join('\n');
  if (data.every((row) => row !== null && typeof row === 'object')) {
    const keys = [...new Set((data as Record<string, unknown>[]).flatMap((row) => Object.keys(row)))];
    return [keys.map(quote).join(','), ...(data as Record<string, unknown>[]).map((row) => keys.map((key) => quote(row[key])).join(','))].join('\n');
  }
  return undefined;
}

function dialectOptions(dialect: Record<string, unknown> | undefined): Partial<ValidateOptions> {
  if (!dialect) return {};
  const csv: Record<string, unknown> = {};
  for (const key of ['delimiter', 'quoteChar', 'doubleQuote', 'escapeChar', 'skipInitialSpace', 'commentChar']) if (dialect[key] !== undefined) csv[key] = dialect[key];
  const options: Partial<ValidateOptions> = { dialect: csv };
  if (dialect.header === false) options.headerRows = [];
  else if (Array.isArray(dialect.headerRows)) options.headerRows = dialect.headerRows as number[];
  if (typeof dialect.headerJoin === 'string') options.headerJoin = dialect.headerJoin;
  if (typeof dialect.sheetName === 'string') options.sheet = dialect.sheetName;
  if (typeof dialect.sheetNumber === 'number') options.sheet = dialect.sheetNumber;
  return options;
}

/**
 * Validates every table resource of a Data Package: the descriptor against the official
 * profiles, then each resource with its schema, dialect, declared bytes and hash, with foreign
 * keys checked across resources (referenced resources are read first; their keys are held as
 * 64-bit fingerprints within the key memory budget). One task per resource, in descriptor order.
 *
 * @example
 * ```ts
 * import { validatePackage } from '@bayan/tabular';
 * const report = await validatePackage({
 *   resources: [{ name: 'regions', data: [['code', 'name'], ['01', 'Tanger-Tétouan-Al Hoceïma']],
 *     schema: { fields: [{ name: 'code', type: 'string' }, { name: 'name', type: 'string' }], primaryKey: 'code' } }],
 * });
 * report.valid; // true
 * ```
 */
export async function validatePackage(descriptor: PackageDescriptor, options: ValidatePackageOptions = {}): Promise<Report> {
  const started = typeof performance !== 'undefined' ? performance.now() : Date.now();
  const checked = validateDescriptor(descriptor, 'package');
  if (!checked.valid) return createReport([], 0, checked.errors);
  const resources = descriptor.resources;
  const budget: KeyBudget = { remaining: options.keyMemoryBytes ?? 128 * 1024 * 1024 };
  const lookups: ForeignKeyLookups = new Map();
  const needs = new Map<number, { fields: string[]; set: KeySet }[]>();
  const order: number[] = [];
  const errors = [];
  // Referenced resources go first so their keys are known when the referring table is read.
  for (const resource of resources) {
    for (const fk of resource.schema?.foreignKeys ?? []) {
      const target = fk.reference.resource;
      if (!target) continue;
      const index = resources.findIndex((candidate) => candidate.name === target);
      if (index < 0) {
        errors.push(createError('package-error', { note: `foreign key refers to the resource "${target}", which is not in the package` }));
        continue;
      }
      const fields = Array.isArray(fk.reference.fields) ? fk.reference.fields : [fk.reference.fields];
      const key = fields.join('\u001f');
      const byFields = lookups.get(target) ?? new Map<string, KeySet>();
      lookups.set(target, byFields);
      if (!byFields.has(key)) {
        const set = new KeySet(budget);
        byFields.set(key, set);
        needs.set(index, [...(needs.get(index) ?? []), { fields, set }]);
      }
    }
  }
  for (const index of needs.keys()) order.push(index);
  resources.forEach((_, index) => {
    if (!needs.has(index)) order.push(index);
  });
  const tasks: ReportTask[] = new Array<ReportTask>(resources.length);
  for (const index of order) {
    const resource = resources[index]!;
    const name = resource.name ?? `resource${index + 1}`;
    const path = Array.isArray(resource.path) ? resource.path[0] : resource.path;
    let source: TableSource;
    const inline = toCsv(resource.data);
    if (inline !== undefined) source = { text: inline, name };
    else if (path !== undefined) {
      source = options.resolve ? options.resolve(path) : /^[a-z]+:\/\//i.test(path) ? path : options.basePath ? new URL(path, options.basePath).href : path;
    } else {
      source = { text: '', name };
    }
    const stats: ValidateOptions['stats'] = {};
    if (typeof resource.bytes === 'number') stats.bytes = resource.bytes;
    if (typeof resource.hash === 'string') stats.hash = resource.hash;
    tasks[index] = await validateTableTask(source, {
      ...options,
      ...dialectOptions(resource.dialect),
      ...(resource.encoding ? { encoding: resource.encoding } : {}),
      ...(resource.sheet !== undefined ? { sheet: resource.sheet } : {}),
      ...(resource.schema ? { schema: resource.schema } : {}),
      stats,
      name,
      lookups,
      collect: needs.get(index) ?? [],
      keyMemoryBytes: Math.max(budget.remaining, 0),
    });
    if (path && typeof source === 'object' && 'name' in source) tasks[index].place = path;
  }
  const seconds = Math.round((typeof performance !== 'undefined' ? performance.now() : Date.now()) - started) / 1000;
  return createReport(tasks, seconds, errors);
}
