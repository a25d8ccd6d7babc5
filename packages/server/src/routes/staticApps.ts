import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Context } from 'hono';
import type { BayanApp, BayanEnv } from '../context';
import { ProblemError } from '../problem';

/** A server-rendered app: a Fetch-API handler, such as the portal's `createPortal(...)`. */
export type AppHandler = (request: Request) => Promise<Response>;

/** Built front-ends to serve when their folders exist. */
export interface StaticApps {
  /**
   * The portal (served at `/`): its build folder (static files, e.g. `apps/portal/dist`) or a
   * server-rendering handler, which answers every GET the API, files and feeds do not.
   */
  portal?: string | AppHandler;
  /** The admin's build (served at `/admin`), e.g. `apps/admin/dist`. */
  admin?: string;
  /** The widgets' bundles (served at `/widgets`), e.g. `packages/widgets/dist`. */
  widgets?: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

/**
 * Resolves a URL path inside `root`, or undefined when it would escape it (`..`, encoded slashes,
 * NUL bytes) or does not name a file.
 */
export function safeFile(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const base = resolve(root);
  const target = resolve(base, `.${normalize(`/${decoded}`)}`);
  if (target !== base && !target.startsWith(base + sep)) return undefined;
  try {
    return statSync(target).isFile() ? target : undefined;
  } catch {
    return undefined;
  }
}

async function sendFile(c: Context<BayanEnv>, file: string, immutable: boolean): Promise<Response> {
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const body = new Uint8Array(await readFile(file));
  return c.body(body, 200, {
    'content-type': type,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
}

function mount(app: BayanApp, prefix: string, root: string, spa: boolean): void {
  const handler = async (c: Context<BayanEnv>) => {
    if (c.req.path.startsWith('/api/')) throw new ProblemError('not-found');
    const rest = c.req.path.slice(prefix.length) || '/';
    const file = safeFile(root, rest === '/' ? '/index.html' : rest);
    if (file) return sendFile(c, file, /\/assets\//.test(rest));
    const index = join(root, 'index.html');
    if (spa && !extname(rest) && existsSync(index)) return sendFile(c, index, false);
    throw new ProblemError('not-found');
  };
  app.get(prefix === '' ? '/*' : `${prefix}/*`, handler);
  if (prefix !== '') app.get(prefix, handler);
}

/** Serves the built apps whose folders exist; returns which were mounted. */
export function registerStaticApps(app: BayanApp, apps: StaticApps): string[] {
  const mounted: string[] = [];
  if (apps.widgets && existsSync(apps.widgets)) {
    mount(app, '/widgets', apps.widgets, false);
    mounted.push('widgets');
  }
  if (apps.admin && existsSync(apps.admin)) {
    mount(app, '/admin', apps.admin, true);
    mounted.push('admin');
  }
  if (typeof apps.portal === 'function') {
    const handler = apps.portal;
    // Registered after the API, so API routes, files and feeds keep answering first.
    app.get('/*', async (c) => {
      if (c.req.path.startsWith('/api/')) throw new ProblemError('not-found');
      return handler(c.req.raw);
    });
    mounted.push('portal');
  } else if (apps.portal && existsSync(apps.portal)) {
    mount(app, '', apps.portal, true);
    mounted.push('portal');
  }
  return mounted;
}
