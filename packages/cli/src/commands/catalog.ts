import { seedDemo, type OrganizationRole } from '@bayan/catalog';
import type { LocalizedMessage } from '@bayan/schema';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { interfaceLanguage, openCatalogAt, say, type CatalogLocationOptions } from '../io';

// `bayan seed --demo`, `bayan worker`, `bayan reindex`, `bayan user create`: the catalogue's
// own commands. Each takes `--data DIR` (the embedded data folder, default ./data) or
// `--database URL` (PostgreSQL). Exit codes: 0 fine, 1 the input has problems, 2 unusable.

const text = {
  seedUsage: { fr: 'Remplit le catalogue (--demo : catalogue de démonstration).', ar: 'يملأ الفهرس (‎--demo: فهرس تجريبي).', en: 'Fill the catalogue (--demo: a demo catalogue).' },
  workerUsage: { fr: 'Exécute les tâches en file (vérification des liens, réindexation…).', ar: 'ينفذ المهام المنتظرة (فحص الروابط، إعادة الفهرسة…).', en: 'Run queued jobs (link checks, reindexing…).' },
  reindexUsage: { fr: 'Recalcule la qualité et l’index de recherche de tous les jeux.', ar: 'يعيد حساب الجودة وفهرس البحث لكل المجموعات.', en: 'Recompute quality and the search index of every dataset.' },
  userUsage: { fr: 'Gère les comptes.', ar: 'يدير الحسابات.', en: 'Manage accounts.' },
  userCreateUsage: { fr: 'Crée un compte (mot de passe : --password ou BAYAN_PASSWORD).', ar: 'ينشئ حسابا (كلمة المرور: ‎--password أو BAYAN_PASSWORD).', en: 'Create an account (password: --password or BAYAN_PASSWORD).' },
  needDemo: { fr: 'Précisez --demo (seul jeu de départ disponible).', ar: 'حدد ‎--demo (المحتوى الأولي الوحيد المتاح).', en: 'Say --demo (the only seed available).' },
  seeded: { fr: 'Démo : {orgs} producteurs, {datasets} jeux créés ({skipped} déjà là), {rows} lignes chargées.', ar: 'تجريبي: {orgs} منتجين، {datasets} مجموعة أنشئت ({skipped} موجودة)، {rows} سطرا محملا.', en: 'Demo: {orgs} producers, {datasets} datasets created ({skipped} already there), {rows} rows loaded.' },
  reindexed: { fr: '{count} jeux réindexés.', ar: 'أعيدت فهرسة {count} مجموعة.', en: '{count} datasets reindexed.' },
  workerStarted: { fr: 'Travailleur {id} démarré ({types}). Ctrl+C pour arrêter.', ar: 'بدأ العامل {id} ({types}). Ctrl+C للإيقاف.', en: 'Worker {id} started ({types}). Ctrl+C to stop.' },
  workerStopped: { fr: 'Travailleur arrêté.', ar: 'توقف العامل.', en: 'Worker stopped.' },
  userCreated: { fr: 'Compte créé : {email} ({id})', ar: 'أنشئ الحساب: {email} ({id})', en: 'Account created: {email} ({id})' },
  badRole: { fr: 'Rôle inconnu : {value} (admin, editor, viewer)', ar: 'دور غير معروف: {value} (admin أو editor أو viewer)', en: 'Unknown role: {value} (admin, editor, viewer)' },
  noOrg: { fr: 'Organisation introuvable : {value}', ar: 'المؤسسة غير موجودة: {value}', en: 'Organisation not found: {value}' },
  badNumber: { fr: 'Nombre attendu : {value}', ar: 'المطلوب عدد: {value}', en: 'A number is expected: {value}' },
} satisfies Record<string, LocalizedMessage>;


/** Where the commands write, so tests can capture it. */
export interface CatalogIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  /** Shows a progress bar (default: when stderr is a terminal). */
  progress?: boolean;
}

const defaultIo: CatalogIo = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };

/** Where the catalogue is: `--data DIR` (default `./data`) or `--database URL`. */

function progressBar(io: CatalogIo): SingleBar | undefined {
  const show = io.progress ?? process.stderr.isTTY === true;
  return show ? new SingleBar({ format: '[{bar}] {value}/{total} {label}', stream: process.stderr, hideCursor: true }) : undefined;
}

/** `bayan seed --demo`: returns the exit code. */
export async function runSeed(options: CatalogLocationOptions & { demo?: boolean; datasets?: string; baseUrl?: string; json?: boolean }, io: CatalogIo = defaultIo): Promise<number> {
  const lang = interfaceLanguage(io.env);
  if (options.demo !== true) {
    io.err(say(text.needDemo, lang));
    return 2;
  }
  const count = options.datasets === undefined ? 200 : Number(options.datasets);
  if (!Number.isInteger(count) || count < 0 || count > 100_000) {
    io.err(say(text.badNumber, lang, { value: options.datasets ?? '' }));
    return 2;
  }
  const catalog = await openCatalogAt(options, io.err, lang);
  if (!catalog) return 2;
  const bar = progressBar(io);
  try {
    bar?.start(count, 0, { label: '' });
    const report = await seedDemo(catalog, {
      datasets: count,
      ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
      onProgress: (done, _total, title) => bar?.update(done, { label: title.slice(0, 50) }),
    });
    bar?.stop();
    io.out(options.json === true ? JSON.stringify(report) : say(text.seeded, lang, { orgs: report.organizations, datasets: report.datasets, skipped: report.skipped, rows: report.rowsLoaded }));
    return 0;
  } finally {
    bar?.stop();
    await catalog.close();
  }
}

/** `bayan reindex`: returns the exit code. */
export async function runReindex(options: CatalogLocationOptions, io: CatalogIo = defaultIo): Promise<number> {
  const lang = interfaceLanguage(io.env);
  const catalog = await openCatalogAt(options, io.err, lang);
  if (!catalog) return 2;
  const bar = progressBar(io);
  try {
    let started = false;
    const count = await catalog.reindex((done, total) => {
      if (!started) bar?.start(total, 0, { label: '' });
      started = true;
      bar?.update(done);
    });
    bar?.stop();
    io.out(say(text.reindexed, lang, { count }));
    return 0;
  } finally {
    bar?.stop();
    await catalog.close();
  }
}

/** `bayan user create`: returns the exit code. */
export async function runUserCreate(
  options: CatalogLocationOptions & { email: string; name?: string; password?: string; siteAdmin?: boolean; org?: string; role?: string; json?: boolean },
  io: CatalogIo = defaultIo,
): Promise<number> {
  const lang = interfaceLanguage(io.env);
  const role = options.role ?? (options.org !== undefined ? 'editor' : undefined);
  if (role !== undefined && !['admin', 'editor', 'viewer'].includes(role)) {
    io.err(say(text.badRole, lang, { value: role }));
    return 2;
  }
  const catalog = await openCatalogAt(options, io.err, lang);
  if (!catalog) return 2;
  try {
    let orgId: string | undefined;
    if (options.org !== undefined) {
      orgId = (await catalog.organizations.get(options.org))?.id;
      if (orgId === undefined) {
        io.err(say(text.noOrg, lang, { value: options.org }));
        return 1;
      }
    }
    const password = options.password ?? io.env?.BAYAN_PASSWORD ?? process.env.BAYAN_PASSWORD;
    const created = await catalog.users.create({ email: options.email, name: options.name ?? options.email, ...(password !== undefined ? { password } : {}), siteAdmin: options.siteAdmin === true });
    if (!created.ok) {
      for (const e of created.errors) io.err(`${e.path || '/'}: ${e.message[lang]}`);
      return 1;
    }
    if (orgId !== undefined && role !== undefined) await catalog.users.setRole(created.value.id, orgId, role as OrganizationRole);
    io.out(options.json === true ? JSON.stringify(created.value) : say(text.userCreated, lang, { email: created.value.email, id: created.value.id }));
    return 0;
  } finally {
    await catalog.close();
  }
}

/** `bayan worker`: runs until SIGINT/SIGTERM (or `signal`); returns the exit code. */
export async function runWorker(options: CatalogLocationOptions & { concurrency?: string; pollMs?: string; signal?: AbortSignal }, io: CatalogIo = defaultIo): Promise<number> {
  const lang = interfaceLanguage(io.env);
  const concurrency = Number(options.concurrency ?? 2);
  const pollMs = Number(options.pollMs ?? 1000);
  if (!Number.isInteger(concurrency) || concurrency < 1 || !Number.isFinite(pollMs) || pollMs < 10) {
    io.err(say(text.badNumber, lang, { value: `${options.concurrency ?? ''} ${options.pollMs ?? ''}` }));
    return 2;
  }
  const catalog = await openCatalogAt(options, io.err, lang);
  if (!catalog) return 2;
  const handlers = catalog.jobHandlers();
  const runner = catalog.jobs.runner(handlers, { concurrency, pollMs });
  runner.start();
  io.err(say(text.workerStarted, lang, { id: runner.workerId, types: Object.keys(handlers).join(', ') }));
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    options.signal?.addEventListener('abort', stop, { once: true });
  });
  await runner.stop();
  await catalog.close();
  io.err(say(text.workerStopped, lang));
  return 0;
}

function location(cmd: Command): Command {
  return cmd.option('--data <dir>', 'embedded data folder (default ./data)').option('--database <url>', 'PostgreSQL connection URL');
}

/**
 * Registers `bayan seed`, `bayan worker`, `bayan reindex` and `bayan user create`.
 *
 * @example
 * ```ts
 * registerCatalog(program); // bayan seed --demo --data ./data
 * ```
 */
export function registerCatalog(program: Command): void {
  const lang = interfaceLanguage();
  location(program.command('seed').description(text.seedUsage[lang]))
    .option('--demo', 'seed the demo catalogue')
    .option('--datasets <n>', 'how many demo datasets (default 200)')
    .option('--base-url <url>', 'portal base URL used in download links')
    .option('--json', 'machine output')
    .action(async (options: CatalogLocationOptions & { demo?: boolean; datasets?: string; baseUrl?: string; json?: boolean }) => {
      process.exitCode = await runSeed(options);
    });
  location(program.command('worker').description(text.workerUsage[lang]))
    .option('--concurrency <n>', 'jobs run at once (default 2)')
    .option('--poll-ms <ms>', 'polling interval (default 1000)')
    .action(async (options: CatalogLocationOptions & { concurrency?: string; pollMs?: string }) => {
      process.exitCode = await runWorker(options);
    });
  location(program.command('reindex').description(text.reindexUsage[lang])).action(async (options: CatalogLocationOptions) => {
    process.exitCode = await runReindex(options);
  });
  const user = program.command('user').description(text.userUsage[lang]);
  location(user.command('create').description(text.userCreateUsage[lang]))
    .requiredOption('--email <email>', 'e-mail address (the login)')
    .option('--name <name>', 'display name')
    .option('--password <password>', 'password (at least 10 characters; or BAYAN_PASSWORD)')
    .option('--site-admin', 'site administrator')
    .option('--org <slug>', 'organisation to join')
    .option('--role <role>', 'role in the organisation: admin, editor, viewer (default editor)')
    .option('--json', 'machine output')
    .action(async (options: CatalogLocationOptions & { email: string; name?: string; password?: string; siteAdmin?: boolean; org?: string; role?: string; json?: boolean }) => {
      process.exitCode = await runUserCreate(options);
    });
}
