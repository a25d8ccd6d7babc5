import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { localFileStore, openCatalog, s3FileStore, S3StoreError, seedDemo, type Catalog, type FileStore } from '@bayan/catalog';
import type { Language, LocalizedMessage } from '@bayan/schema';
import { createServer, type AppHandler, type RunningServer } from '@bayan/server';
import type { Command } from 'commander';
import { interfaceLanguage, say } from '../io';

// `bayan serve`: the HTTP API, the CKAN-compatible API, DCAT feeds and the built apps, over an
// embedded data folder or PostgreSQL. Each option also comes from the environment (BAYAN_PORT,
// BAYAN_DATA, BAYAN_DATABASE, BAYAN_STORAGE, BAYAN_HOST, BAYAN_PUBLIC_URL). Uploaded files go to
// S3 instead of a folder when BAYAN_S3_BUCKET is set (with BAYAN_S3_ENDPOINT, BAYAN_S3_REGION,
// BAYAN_S3_ACCESS_KEY_ID, BAYAN_S3_SECRET_ACCESS_KEY, BAYAN_S3_PREFIX). On the first run
// (an empty catalogue) it seeds the demo catalogue and a demo administrator.

const text = {
  usage: { fr: 'Sert l’API, l’API compatible CKAN, les flux DCAT, le portail et l’administration.', ar: 'يقدّم الواجهة البرمجية وواجهة CKAN وتدفقات DCAT والبوابة والإدارة.', en: 'Serve the API, the CKAN-compatible API, DCAT feeds, the portal and the admin.' },
  effective: { fr: 'Configuration effective :', ar: 'الإعدادات الفعلية:', en: 'Effective settings:' },
  seeding: { fr: 'Premier démarrage : création du catalogue de démonstration ({count} jeux)…', ar: 'التشغيل الأول: إنشاء الفهرس التجريبي ({count} مجموعة)…', en: 'First run: seeding the demo catalogue ({count} datasets)…' },
  seeded: { fr: 'Démo prête : {orgs} producteurs, {datasets} jeux, {rows} lignes.', ar: 'العرض التجريبي جاهز: {orgs} منتجين، {datasets} مجموعة، {rows} سطرا.', en: 'Demo ready: {orgs} producers, {datasets} datasets, {rows} rows.' },
  ready: { fr: 'Bayan est prêt :', ar: 'بيان جاهز:', en: 'Bayan is ready:' },
  admin: { fr: 'Administrateur de démonstration : {email} / {password} (changez ce mot de passe)', ar: 'المسؤول التجريبي: {email} / {password} (غيّر كلمة المرور هذه)', en: 'Demo administrator: {email} / {password} (change this password)' },
  adminKnown: { fr: 'Administrateur de démonstration : {email} (mot de passe affiché au premier démarrage, dans {file})', ar: 'المسؤول التجريبي: {email} (كلمة المرور عُرضت عند التشغيل الأول، في {file})', en: 'Demo administrator: {email} (password shown at first run, in {file})' },
  stop: { fr: 'Ctrl+C pour arrêter.', ar: 'Ctrl+C للإيقاف.', en: 'Ctrl+C to stop.' },
  stopping: { fr: 'Arrêt…', ar: 'جارٍ الإيقاف…', en: 'Stopping…' },
  stopped: { fr: 'Arrêté proprement.', ar: 'توقف بشكل سليم.', en: 'Stopped cleanly.' },
  badPort: { fr: 'Port invalide : {value} (0 à 65535)', ar: 'منفذ غير صالح: {value} (من 0 إلى 65535)', en: 'Invalid port: {value} (0 to 65535)' },
  badStorage: { fr: 'Stockage non pris en charge : {value} (un dossier ou file:///…)', ar: 'تخزين غير مدعوم: {value} (مجلد أو file:///…)', en: 'Unsupported storage: {value} (a folder or file:///…)' },
  s3Settings: { fr: 'Réglages S3 incomplets : {value}', ar: 'إعدادات S3 ناقصة: {value}', en: 'Incomplete S3 settings: {value}' },
  s3Unusable: { fr: 'Stockage S3 inutilisable : {value}', ar: 'تخزين S3 غير قابل للاستعمال: {value}', en: 'S3 storage unusable: {value}' },
  cannotOpen: { fr: 'Impossible d’ouvrir le catalogue : {value}', ar: 'تعذر فتح الفهرس: {value}', en: 'Cannot open the catalogue: {value}' },
  cannotListen: { fr: 'Impossible d’écouter sur {value}', ar: 'تعذر الاستماع على {value}', en: 'Cannot listen on {value}' },
} satisfies Record<string, LocalizedMessage>;


/** Options of `bayan serve`; each falls back to its environment variable. */
export interface ServeOptions {
  port?: string;
  host?: string;
  data?: string;
  database?: string;
  storage?: string;
  publicUrl?: string;
  /** The portal's server build to mount at `/` when it exists (BAYAN_PORTAL; default apps/portal/dist/server.js). */
  portal?: string;
  /** Demo datasets seeded on first run; `0` seeds nothing. Default 200. */
  demoDatasets?: string;
  /** Stop when this signal aborts (tests); otherwise on SIGINT/SIGTERM. */
  signal?: AbortSignal;
  /** Called once listening (tests). */
  onReady?: (server: RunningServer) => void;
}

/** Where `bayan serve` writes, so tests can capture it. */
export interface ServeIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

const defaultIo: ServeIo = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };

const DEMO_ADMIN = 'admin@demo.bayan.ma';

/**
 * The S3 store the environment asks for (BAYAN_S3_BUCKET set), undefined when it asks for none,
 * or the problem with its settings.
 */
function s3StoreFromEnv(env: NodeJS.ProcessEnv, storage: string | undefined): { store: ReturnType<typeof s3FileStore> } | { problem: string } | undefined {
  const bucket = env.BAYAN_S3_BUCKET;
  if (!bucket) return undefined;
  const missing = ['BAYAN_S3_ACCESS_KEY_ID', 'BAYAN_S3_SECRET_ACCESS_KEY'].filter((name) => !env[name]);
  if (missing.length > 0) return { problem: missing.join(', ') };
  if (storage) return { problem: `BAYAN_S3_BUCKET + --storage/BAYAN_STORAGE (${storage})` };
  try {
    return {
      store: s3FileStore({
        ...(env.BAYAN_S3_ENDPOINT ? { endpoint: env.BAYAN_S3_ENDPOINT } : {}),
        region: env.BAYAN_S3_REGION || 'us-east-1',
        bucket,
        accessKeyId: env.BAYAN_S3_ACCESS_KEY_ID!,
        secretAccessKey: env.BAYAN_S3_SECRET_ACCESS_KEY!,
        ...(env.BAYAN_S3_PREFIX ? { prefix: env.BAYAN_S3_PREFIX } : {}),
      }),
    };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

function storageFolder(storage: string | undefined): string | undefined | null {
  if (storage === undefined || storage === '') return undefined;
  if (storage.startsWith('file://')) return new URL(storage).pathname;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(storage)) return null;
  return storage;
}

async function seedFirstRun(catalog: Catalog, io: ServeIo, lang: Language, options: { count: number; publicUrl: string; credentialsFile: string | undefined }): Promise<{ email: string; password?: string }> {
  const empty = (await catalog.users.list()).length === 0 && (await catalog.datasets.list({ limit: 1 })).items.length === 0;
  if (!empty) return { email: DEMO_ADMIN };
  if (options.count > 0) {
    io.out(say(text.seeding, lang, { count: options.count }));
    const report = await seedDemo(catalog, { datasets: options.count, baseUrl: options.publicUrl });
    io.out(say(text.seeded, lang, { orgs: report.organizations, datasets: report.datasets, rows: report.rowsLoaded }));
  }
  const password = io.env?.BAYAN_ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
  const created = await catalog.users.create({ email: DEMO_ADMIN, name: 'Demo administrator', password, siteAdmin: true });
  if (created.ok && options.credentialsFile) writeFileSync(options.credentialsFile, `${DEMO_ADMIN}\n${password}\n`, { mode: 0o600 });
  return { email: DEMO_ADMIN, password };
}

/**
 * Loads the portal's server build by file path (the CLI never imports the app) and builds its
 * handler over the API, answered in-process.
 */
async function loadPortal(entry: string, api: AppHandler, publicUrl: string): Promise<AppHandler> {
  const module = (await import(pathToFileURL(entry).href)) as { createPortal?: (options: { fetch: AppHandler; publicUrl: string; forward: boolean }) => AppHandler };
  if (typeof module.createPortal !== 'function') throw new Error(`${entry} does not export createPortal`);
  return module.createPortal({ fetch: api, publicUrl, forward: false });
}

/**
 * `bayan serve`: opens the catalogue, seeds the demo on first run, serves until Ctrl-C (or the
 * signal), then closes the server and the database. Returns the exit code.
 */
export async function runServe(options: ServeOptions, io: ServeIo = defaultIo): Promise<number> {
  const env = io.env ?? process.env;
  const lang = interfaceLanguage(env);
  const portText = options.port ?? env.BAYAN_PORT ?? '3000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(say(text.badPort, lang, { value: portText }));
    return 2;
  }
  const host = options.host ?? env.BAYAN_HOST ?? '127.0.0.1';
  const database = options.database ?? env.BAYAN_DATABASE;
  const data = resolve(options.data ?? env.BAYAN_DATA ?? 'data');
  const storage = options.storage ?? env.BAYAN_STORAGE;
  const files = storageFolder(storage);
  if (files === null) {
    io.err(say(text.badStorage, lang, { value: storage ?? '' }));
    return 2;
  }
  const s3 = s3StoreFromEnv(env, storage);
  if (s3 && 'problem' in s3) {
    io.err(say(text.s3Settings, lang, { value: s3.problem }));
    return 2;
  }
  const demoCount = Number(options.demoDatasets ?? env.BAYAN_DEMO_DATASETS ?? '200');
  io.out(say(text.effective, lang));
  io.out(`  port      ${port}`);
  io.out(`  host      ${host}`);
  io.out(database ? `  database  ${database.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}` : `  data      ${data}`);
  io.out(`  storage   ${s3 ? s3.store.description : files ? resolve(files) : database ? resolve('files') : join(data, 'files')}`);
  if (s3) {
    // Fail now, not at the first upload: a HEAD answers 404 when the endpoint, bucket and keys work.
    try {
      await s3.store.exists('.bayan-storage-check');
    } catch (error) {
      io.err(say(text.s3Unusable, lang, { value: error instanceof S3StoreError ? error.messages[lang] : String(error) }));
      return 2;
    }
  }

  let catalog: Catalog;
  try {
    const fileStore: FileStore | undefined = s3 ? s3.store : files ? localFileStore(resolve(files)) : undefined;
    catalog = await openCatalog(database ? { database, ...(fileStore ? { fileStore } : {}) } : { data, ...(fileStore ? { fileStore } : {}) });
  } catch (error) {
    io.err(say(text.cannotOpen, lang, { value: error instanceof Error ? error.message : String(error) }));
    return 2;
  }
  let running: RunningServer | undefined;
  try {
    const publicUrl = (options.publicUrl ?? env.BAYAN_PUBLIC_URL ?? `http://localhost:${port === 0 ? 3000 : port}`).replace(/\/+$/, '');
    const credentialsFile = database ? undefined : join(data, 'demo-admin.txt');
    if (credentialsFile) mkdirSync(data, { recursive: true });
    const admin = await seedFirstRun(catalog, io, lang, { count: Number.isInteger(demoCount) && demoCount >= 0 ? Math.min(demoCount, 100_000) : 200, publicUrl, credentialsFile });
    const portalEntry = resolve(options.portal ?? env.BAYAN_PORTAL ?? 'apps/portal/dist/server.js');
    // The portal reads the API in-process; the server exists only once the portal is built.
    const api: { fetch?: AppHandler } = {};
    const portal = existsSync(portalEntry) ? await loadPortal(portalEntry, (request) => api.fetch!(request), publicUrl) : undefined;
    const server = await createServer({
      catalog,
      publicUrl,
      apps: { portal: portal ?? resolve('apps/portal/dist'), admin: resolve('apps/admin/dist'), widgets: resolve('packages/widgets/dist') },
      ...(env.BAYAN_SESSION_SECRET ? { sessionSecret: env.BAYAN_SESSION_SECRET } : {}),
      onError: (error) => io.err(error instanceof Error ? (error.stack ?? error.message) : String(error)),
    });
    api.fetch = (request) => server.fetch(request);
    // Load the in-memory search index before the first request rather than during it.
    await catalog.warmSearch();
    try {
      running = await server.listen({ port, hostname: host });
    } catch (error) {
      io.err(say(text.cannotListen, lang, { value: `${host}:${port} (${error instanceof Error ? error.message : String(error)})` }));
      return 2;
    }
    const base = port === 0 ? running.url : publicUrl;
    io.out('');
    io.out(say(text.ready, lang));
    io.out(`  ${server.mountedApps.includes('portal') ? 'portal   ' : 'home     '} ${base}/`);
    if (server.mountedApps.includes('admin')) io.out(`  admin     ${base}/admin`);
    io.out(`  API       ${base}/api/v1   (reference ${base}/api/v1/reference)`);
    io.out(`  OpenAPI   ${base}/api/v1/openapi.json`);
    io.out(`  CKAN      ${base}/api/3/action/package_search`);
    io.out(`  DCAT      ${base}/catalog.ttl`);
    if (admin.password) io.out(say(text.admin, lang, { email: admin.email, password: admin.password }));
    else if (credentialsFile && existsSync(credentialsFile)) {
      const saved = readFileSync(credentialsFile, 'utf8').split('\n');
      io.out(say(text.admin, lang, { email: saved[0] ?? admin.email, password: saved[1] ?? '' }));
    } else io.out(say(text.adminKnown, lang, { email: admin.email, file: credentialsFile ?? '—' }));
    io.out(say(text.stop, lang));
    options.onReady?.(running);
    await new Promise<void>((done) => {
      if (options.signal) {
        if (options.signal.aborted) done();
        else options.signal.addEventListener('abort', () => done(), { once: true });
        return;
      }
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        done();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    io.out(say(text.stopping, lang));
    return 0;
  } finally {
    await running?.close();
    await catalog.close();
    if (running) io.out(say(text.stopped, lang));
  }
}

/** Registers `bayan serve`. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(text.usage[interfaceLanguage()])
    .option('--port <n>', 'port to listen on (BAYAN_PORT; default 3000)')
    .option('--host <address>', 'address to listen on (BAYAN_HOST; default 127.0.0.1)')
    .option('--data <dir>', 'embedded data folder (BAYAN_DATA; default ./data)')
    .option('--database <url>', 'PostgreSQL URL instead of the data folder (BAYAN_DATABASE)')
    .option('--storage <url>', 'folder or file:// URL for uploaded files (BAYAN_STORAGE)')
    .option('--public-url <url>', 'public base URL for links and DCAT IRIs (BAYAN_PUBLIC_URL)')
    .option('--portal <file>', 'portal server build to mount at / (BAYAN_PORTAL; default apps/portal/dist/server.js)')
    .option('--demo-datasets <n>', 'demo datasets seeded on first run (BAYAN_DEMO_DATASETS; default 200, 0 for none)')
    .action(async (opts: ServeOptions) => {
      process.exitCode = await runServe(opts);
    });
}
