import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import type { Assets } from './layout';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

interface ManifestChunk {
  file: string;
  css?: string[];
  isEntry?: boolean;
  imports?: string[];
}

/** The client entry's script and stylesheets from Vite's manifest; none when there is no build. */
export function readAssets(dir: string | undefined): Assets {
  const empty: Assets = { styles: [], scripts: [] };
  if (!dir) return empty;
  const manifestFile = resolve(dir, '.vite/manifest.json');
  if (!existsSync(manifestFile)) return empty;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.values(manifest).find((c) => c.isEntry);
  if (!entry) return empty;
  const css = new Set<string>(entry.css ?? []);
  for (const name of entry.imports ?? []) for (const file of manifest[name]?.css ?? []) css.add(file);
  return { styles: [...css].map((f) => `/${f}`), scripts: [`/${entry.file}`] };
}

/** A file under `dir/assets/` for a `/assets/…` URL path, or undefined (escapes, missing). */
export function assetResponse(dir: string | undefined, pathname: string): Response | undefined {
  if (!dir || !pathname.startsWith('/assets/')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const base = resolve(dir);
  const file = resolve(base, `.${decoded}`);
  if (!file.startsWith(base + sep)) return undefined;
  try {
    if (!statSync(file).isFile()) return undefined;
  } catch {
    return undefined;
  }
  return new Response(readFileSync(file), {
    headers: {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'public, max-age=31536000, immutable',
    },
  });
}
