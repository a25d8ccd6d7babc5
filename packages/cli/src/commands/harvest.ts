import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatHarvestReport, parseCron, runHarvest, type Catalog, type HarvestProgress, type HarvestReport, type RunHarvestOptions } from '@bayan/catalog';
import type { Language, LocalizedMessage } from '@bayan/schema';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { interfaceLanguage, openCatalogAt, say } from '../io';

// `bayan harvest add KIND URL`, `bayan harvest list`, `bayan harvest run [ID]` manage harvest
// sources; `bayan import ckan URL|DUMP.jsonl` migrates a CKAN catalogue in one run (re-running it
// updates what changed). Each run shows a progress bar on stderr and ends with its report.
// Exit codes: 0 fine, 1 some records or pages failed (the rest is kept), 2 unusable input or usage.

const KINDS = ['ckan', 'ckan-dump', 'dcat', 'inventory'] as const;

const text = {
  harvestUsage: { fr: 'Sources de moissonnage : CKAN, DCAT, inventaires.', ar: 'مصادر الحصاد: CKAN وDCAT والجرود.', en: 'Harvest sources: CKAN, DCAT, inventories.' },
  addUsage: { fr: 'Ajoute une source (ckan, ckan-dump, dcat, inventory).', ar: 'يضيف مصدرا (ckan أو ckan-dump أو dcat أو inventory).', en: 'Add a source (ckan, ckan-dump, dcat, inventory).' },
  listUsage: { fr: 'Liste les sources et leur dernier moissonnage.', ar: 'يعرض المصادر وآخر حصاد لكل منها.', en: 'List the sources and their last run.' },
  runUsage: { fr: 'Moissonne une source (ou toutes).', ar: 'يحصد مصدرا (أو كل المصادر).', en: 'Harvest one source (or all).' },
  importUsage: { fr: 'Importe dans Bayan.', ar: 'يستورد إلى بيان.', en: 'Import into Bayan.' },
  importCkanUsage: {
    fr: 'Importe un catalogue CKAN : URL de l’API Action ou fichier de lignes JSON.',
    ar: 'يستورد فهرس CKAN: عنوان واجهة Action أو ملف أسطر JSON.',
    en: 'Import a CKAN catalogue: Action API URL or a JSON lines dump.',
  },
  badKind: { fr: 'Type de source inconnu : {value} (ckan, ckan-dump, dcat, inventory)', ar: 'نوع مصدر غير معروف: {value} (ckan أو ckan-dump أو dcat أو inventory)', en: 'Unknown source kind: {value} (ckan, ckan-dump, dcat, inventory)' },
  badSetting: { fr: 'Réglage illisible : {value} (clé=valeur attendu)', ar: 'إعداد غير مقروء: {value} (المطلوب مفتاح=قيمة)', en: 'Unreadable setting: {value} (key=value expected)' },
  badJsonFile: { fr: 'Fichier JSON illisible : {value}', ar: 'ملف JSON غير مقروء: {value}', en: 'Unreadable JSON file: {value}' },
  notFound: { fr: 'Source introuvable : {value}', ar: 'المصدر غير موجود: {value}', en: 'Source not found: {value}' },
  noFile: { fr: 'Fichier introuvable : {value}', ar: 'الملف غير موجود: {value}', en: 'File not found: {value}' },
  added: { fr: 'Source ajoutée : {value}', ar: 'أُضيف المصدر: {value}', en: 'Source added: {value}' },
  none: { fr: 'Aucune source.', ar: 'لا توجد مصادر.', en: 'No source.' },
  never: { fr: 'jamais moissonnée', ar: 'لم يُحصد بعد', en: 'never run' },
} satisfies Record<string, LocalizedMessage>;


/** Where the commands write, so tests can capture it. */
export interface HarvestIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  /** Shows a progress bar (default: when stderr is a terminal). */
  progress?: boolean;
}

const defaultIo: HarvestIo = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };

/** Where the catalogue is: `--data DIR` (default `./data`) or `--database URL`. */
export interface StoreOptions {
  data?: string;
  database?: string;
}

/** Options of `bayan harvest run` and `bayan import ckan`. */
export interface RunOptions extends StoreOptions {
  full?: boolean;
  allowPrivateNetworks?: boolean;
  json?: boolean;
  timeout?: string;
}

function runOptions(options: RunOptions, io: HarvestIo): { run: RunHarvestOptions; bar: SingleBar | undefined } {
  const showBar = io.progress ?? process.stderr.isTTY === true;
  const bar = showBar && options.json !== true ? new SingleBar({ format: '{stage} [{bar}] {value}/{total} ({gathered})', stream: process.stderr, hideCursor: true }) : undefined;
  let started = false;
  const onProgress = (p: HarvestProgress) => {
    if (!bar) return;
    const total = Math.max(p.total ?? p.gathered, p.processed, 1);
    if (!started) {
      bar.start(total, p.processed, { stage: p.stage, gathered: p.gathered });
      started = true;
    }
    bar.setTotal(total);
    bar.update(p.processed, { stage: p.stage, gathered: p.gathered });
  };
  const timeoutMs = options.timeout === undefined ? undefined : Number(options.timeout) * 1000;
  return {
    bar,
    run: {
      allowLocalFiles: true,
      ...(options.full ? { full: true } : {}),
      ...(options.allowPrivateNetworks ? { allowPrivateNetworks: true } : {}),
      ...(timeoutMs !== undefined && Number.isFinite(timeoutMs) ? { fetch: { timeoutMs } } : {}),
      onProgress,
    },
  };
}

function printReport(report: HarvestReport, options: RunOptions, io: HarvestIo, lang: Language): number {
  if (options.json) io.out(JSON.stringify(report));
  else io.out(formatHarvestReport(report, lang));
  if (report.status === 'succeeded') return 0;
  const unusable = report.status === 'failed' && report.gathered === 0 && report.problems.some((p) => p.code === 'bad_url' || p.code === 'unknown_kind' || p.code === 'local_file_refused');
  return unusable ? 2 : 1;
}

async function runOne(catalog: Catalog, sourceId: string, options: RunOptions, io: HarvestIo, lang: Language): Promise<number> {
  const { run, bar } = runOptions(options, io);
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  try {
    const report = await runHarvest(catalog, sourceId, { ...run, signal: controller.signal });
    bar?.stop();
    return printReport(report, options, io, lang);
  } finally {
    process.off('SIGINT', stop);
  }
}

/**
 * `bayan harvest add KIND URL`: stores a source; prints its id.
 *
 * @example
 * ```ts
 * await runHarvestAdd('ckan', 'https://data.example.org/api/3/action', { data: './data', schedule: '0 3 * * *' });
 * ```
 */
export async function runHarvestAdd(
  kind: string,
  url: string,
  options: StoreOptions & { schedule?: string; organization?: string; set?: string[]; groupThemes?: string; json?: boolean },
  io: HarvestIo = defaultIo,
): Promise<number> {
  const lang = interfaceLanguage(io.env);
  if (!(KINDS as readonly string[]).includes(kind)) {
    io.err(say(text.badKind, lang, { value: kind }));
    return 2;
  }
  if (options.schedule !== undefined) {
    const parsed = parseCron(options.schedule);
    if (!parsed.ok) {
      io.err(parsed.error.message[lang]);
      return 2;
    }
  }
  const config: Record<string, unknown> = {};
  for (const pair of options.set ?? []) {
    const at = pair.indexOf('=');
    if (at < 1) {
      io.err(say(text.badSetting, lang, { value: pair }));
      return 2;
    }
    const raw = pair.slice(at + 1);
    let value: unknown = raw;
    if (/^(true|false|-?\d+(\.\d+)?)$/.test(raw)) value = JSON.parse(raw) as unknown;
    config[pair.slice(0, at)] = value;
  }
  if (options.groupThemes !== undefined) {
    try {
      config.groupThemes = JSON.parse(readFileSync(options.groupThemes, 'utf8')) as unknown;
    } catch {
      io.err(say(text.badJsonFile, lang, { value: options.groupThemes }));
      return 2;
    }
  }
  const location = /^https?:\/\//i.test(url) ? url : pathToFileURL(resolve(url)).href;
  const catalog = await openCatalogAt(options, io.err, lang);
  if (!catalog) return 2;
  try {
    const source = await catalog.harvests.addSource({ kind, url: location, config, schedule: options.schedule ?? null, organizationId: options.organization ?? null });
    io.out(options.json ? JSON.stringify(source) : say(text.added, lang, { value: source.id }));
    return 0;
  } finally {
    await catalog.close();
  }
}

/**
 * `bayan harvest list`: the sources, each with its schedule and last run.
 *
 * @example
 * ```ts
 * await runHarvestList({ data: './data', json: true });
 * ```
 */
export async function runHarvestList(options: StoreOptions & { json?: boolean }, io: HarvestIo = defaultIo): Promise<number> {
  const lang = interfaceLanguage(io.env);
  const catalog = await openCatalogAt(options, io.err, lang);
  if (!catalog) return 2;
  try {
    const sources = await catalog.harvests.sources();
    const rows = [];
    for (const source of sources) rows.push({ ...source, lastRun: (await catalog.harvests.runs(source.id, 1))[0] ?? null });
    if (options.json) io.out(JSON.stringify(rows));
    else if (rows.length === 0) io.out(text.none[lang]);
    else {
      for (const r of rows) {
        const last = r.lastRun === null ? text.never[lang] : `${r.lastRun.status} ${r.lastRun.startedAt} ${JSON.stringify(r.lastRun.stats)}`;
        io.out(`${r.id}  ${r.kind}  ${r.url}  ${r.schedule ?? '-'}  ${last}`);
      }
    }
    return 0;
  } finally {
    await catalog.close();
  }
}

/**
 * `bayan harvest run [ID]`: runs one source, or every source when no id is given.
 *
 * @example
 * ```ts
 * process.exitCode = await runHarvestRun('mi8x2k3a0-9f2c4e1b7a', { data: './data', full: true });
 * ```
 */
export async function runHarvestRun(sourceId: string | undefined, options: RunOptions, io: HarvestIo = defaultIo): Promise<number> {
  const lang = interfaceLanguage(io.env);
  const catalog = await openCatalogAt(options, io.err, lang);
  if (!catalog) return 2;
  try {
    const sources = await catalog.harvests.sources();
    const chosen = sourceId === undefined ? sources : sources.filter((s) => s.id === sourceId);
    if (chosen.length === 0 && sourceId !== undefined) {
      io.err(say(text.notFound, lang, { value: sourceId }));
      return 2;
    }
    let code = 0;
    for (const source of chosen) code = Math.max(code, await runOne(catalog, source.id, options, io, lang));
    return code;
  } finally {
    await catalog.close();
  }
}

/**
 * `bayan import ckan URL|DUMP`: migrates a CKAN catalogue (Action API base URL, or a JSON lines
 * dump) into the catalogue; running it again updates what changed and withdraws what is gone.
 *
 * @example
 * ```ts
 * process.exitCode = await runImportCkan('https://data.example.org/api/3/action', { data: './data' });
 * ```
 */
export async function runImportCkan(input: string, options: RunOptions & { groupThemes?: string }, io: HarvestIo = defaultIo): Promise<number> {
  const lang = interfaceLanguage(io.env);
  const remote = /^https?:\/\//i.test(input);
  if (!remote && !existsSync(input)) {
    io.err(say(text.noFile, lang, { value: input }));
    return 2;
  }
  let config: Record<string, unknown> = {};
  if (options.groupThemes !== undefined) {
    try {
      config = { groupThemes: JSON.parse(readFileSync(options.groupThemes, 'utf8')) as unknown };
    } catch {
      io.err(say(text.badJsonFile, lang, { value: options.groupThemes }));
      return 2;
    }
  }
  const url = remote ? input : pathToFileURL(resolve(input)).href;
  const kind = remote ? 'ckan' : 'ckan-dump';
  const catalog = await openCatalogAt(options, io.err, lang);
  if (!catalog) return 2;
  try {
    // The same URL is the same source: importing again updates instead of duplicating.
    const existing = (await catalog.harvests.sources()).find((s) => s.kind === kind && s.url === url);
    const source = existing ?? (await catalog.harvests.addSource({ kind, url, config }));
    return await runOne(catalog, source.id, options, io, lang);
  } finally {
    await catalog.close();
  }
}

/** Registers `bayan harvest …` and `bayan import ckan …`. */
export function registerHarvest(program: Command): void {
  const lang = interfaceLanguage(process.env);
  const store = (command: Command) => command.option('--data <dir>', 'embedded data folder (default ./data)').option('--database <url>', 'PostgreSQL URL instead of the data folder');
  const running = (command: Command) =>
    command
      .option('--full', 'read everything (no incremental run); withdraws what the source no longer lists')
      .option('--allow-private-networks', 'allow sources on private or loopback addresses')
      .option('--timeout <seconds>', 'time limit of each request (default 30)')
      .option('--json', 'print the run report as JSON');
  const harvest = program.command('harvest').description(text.harvestUsage[lang]);
  store(harvest.command('add').description(text.addUsage[lang]).argument('<kind>', KINDS.join(' | ')).argument('<url>', 'source URL or file'))
    .option('--schedule <cron>', 'cron-like schedule (UTC), e.g. "0 3 * * *" or @daily')
    .option('--organization <id>', 'owner organisation')
    .option('--set <key=value...>', 'source settings, e.g. rows=500 defaultLanguage=ar')
    .option('--group-themes <file>', 'JSON object: CKAN group → EU theme')
    .option('--json', 'print the source as JSON')
    .action(async (kind: string, url: string, options: Parameters<typeof runHarvestAdd>[2]) => {
      process.exitCode = await runHarvestAdd(kind, url, options);
    });
  store(harvest.command('list').description(text.listUsage[lang]))
    .option('--json', 'print JSON')
    .action(async (options: StoreOptions & { json?: boolean }) => {
      process.exitCode = await runHarvestList(options);
    });
  running(store(harvest.command('run').description(text.runUsage[lang]).argument('[source]', 'source id (default: every source)'))).action(async (source: string | undefined, options: RunOptions) => {
    process.exitCode = await runHarvestRun(source, options);
  });
  const importCommand = program.command('import').description(text.importUsage[lang]);
  running(store(importCommand.command('ckan').description(text.importCkanUsage[lang]).argument('<source>', 'Action API URL (…/api/3/action) or DUMP.jsonl')))
    .option('--group-themes <file>', 'JSON object: CKAN group → EU theme')
    .action(async (source: string, options: RunOptions & { groupThemes?: string }) => {
      process.exitCode = await runImportCkan(source, options);
    });
}
