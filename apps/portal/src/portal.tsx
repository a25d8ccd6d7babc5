import { isLocale, locales, type Locale } from '@bayan/ui';
import { renderToString } from 'react-dom/server';
import { ApiError, createApi, type FetchLike } from './api';
import { assetResponse, readAssets } from './assets';
import { makeContext, type Page, type PageContext } from './context';
import { Document } from './layout';
import { datasetPage } from './pages/dataset';
import { homePage } from './pages/home';
import { aboutPage, apiPage, errorPage, notFoundPage, organizationPage, organizationsPage, themePage, themesPage } from './pages/misc';
import { searchPage } from './pages/search';
import { datasetPath } from './pages/shared';

/** Options of {@link createPortal}. */
export interface PortalOptions {
  /** Answers API requests in-process (e.g. `server.fetch` of `@bayan/server`). Takes precedence over `baseUrl`. */
  fetch?: FetchLike;
  /** The API's origin when it is reached over the network, e.g. `http://127.0.0.1:3000`. */
  baseUrl?: string;
  /** Public origin for canonical links, sitemaps and snippets. Default: the request's origin. */
  publicUrl?: string;
  /** Built client assets (Vite output with `.vite/manifest.json`). Default: none (pages work without them). */
  assetsDir?: string;
  /**
   * Hand requests the portal does not own (`/api/…`, `/files/…`, DCAT feeds) to the API, so one
   * handler serves the whole site. Default true.
   */
  forward?: boolean;
}

/** A Fetch-API handler for the whole portal. */
export type PortalHandler = (request: Request) => Promise<Response>;

/** Picks fr, ar or en from an Accept-Language header; French when nothing matches. */
export function negotiateLocale(header: string | null | undefined): Locale {
  const ranges = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { lang: tag.trim().toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.lang && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranges.find((r) => isLocale(r.lang))?.lang as Locale | undefined) ?? 'fr';
}

const PORTAL_PATH = /^\/(?:(?:fr|ar|en)(?:\/.*)?|assets\/.*|sitemap\.xml|robots\.txt|favicon\.ico)?$/;

function html(page: Page, ctx: PageContext, assets: ReturnType<typeof readAssets>): Response {
  const body = '<!doctype html>' + renderToString(<Document ctx={ctx} page={page} assets={assets} />);
  return new Response(body, {
    status: page.status ?? 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-language': ctx.locale,
      vary: 'accept-language',
      ...(page.bare ? {} : { 'x-frame-options': 'SAMEORIGIN' }),
      'content-security-policy': page.bare ? "frame-ancestors *" : "frame-ancestors 'self'",
    },
  });
}

async function route(ctx: PageContext, segments: string[]): Promise<Page> {
  const [section, id, extra] = segments;
  if (section === undefined) return homePage(ctx);
  if (section === 'search' && id === undefined) return searchPage(ctx);
  if (section === 'datasets' && id !== undefined && extra === undefined) return datasetPage(ctx, id);
  if (section === 'datasets' && id !== undefined && extra === 'embed') return datasetPage(ctx, id, { embed: true });
  if (section === 'organizations' && id === undefined) return organizationsPage(ctx);
  if (section === 'organizations' && id !== undefined && extra === undefined) return organizationPage(ctx, id);
  if (section === 'themes' && id === undefined) return themesPage(ctx);
  if (section === 'themes' && id !== undefined && extra === undefined) return themePage(ctx, id);
  if (section === 'api' && id === undefined) return apiPage(ctx);
  if (section === 'about' && id === undefined) return aboutPage(ctx);
  return notFoundPage(ctx);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/** Every public page in the three locales, with hreflang alternates (at most 50,000 URLs). */
async function sitemap(api: ReturnType<typeof createApi>, origin: string): Promise<Response> {
  const paths: string[] = ['', '/search', '/organizations', '/themes', '/api', '/about'];
  for (const org of await api.organizations()) paths.push(`/organizations/${encodeURIComponent(org.slug ?? org.id)}`);
  let cursor: string | undefined;
  do {
    const page = await api.search({ limit: 100, cursor, sort: 'modified', order: 'desc', facets: ['format'] });
    for (const d of page.items) paths.push(datasetPath('x', d).slice(2));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && paths.length < 16_000);
  const urls = paths.flatMap((p) =>
    locales.map(
      (l) =>
        `<url><loc>${escapeXml(`${origin}/${l}${p}`)}</loc>${locales.map((a) => `<xhtml:link rel="alternate" hreflang="${a}" href="${escapeXml(`${origin}/${a}${p}`)}"/>`).join('')}</url>`,
    ),
  );
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
}

/**
 * Builds the public portal: a Fetch-API handler that server-renders every page in French, Arabic
 * and English from Bayan's API (in-process `fetch` or a `baseUrl`), serves its client assets and,
 * by default, forwards API, file and DCAT requests so one handler serves the whole site.
 *
 * @example
 * ```ts
 * import { openCatalog } from '@bayan/catalog';
 * import { createServer } from '@bayan/server';
 * import { createPortal } from 'portal';
 * const server = await createServer({ catalog: await openCatalog({ data: './data' }) });
 * const portal = createPortal({ fetch: server.fetch, assetsDir: 'apps/portal/dist/client' });
 * const response = await portal(new Request('http://localhost/fr/search?q=budget'));
 * ```
 */
export function createPortal(options: PortalOptions): PortalHandler {
  const apiFetch: FetchLike = options.fetch ?? ((request) => fetch(request));
  if (!options.fetch && !options.baseUrl) throw new TypeError('createPortal: give `fetch` (in-process API) or `baseUrl` (API origin).');
  const apiOrigin = (options.baseUrl ?? options.publicUrl ?? 'http://localhost').replace(/\/+$/, '');
  const assets = readAssets(options.assetsDir);
  const forward = options.forward ?? true;

  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const origin = (options.publicUrl ?? url.origin).replace(/\/+$/, '');
    if (!PORTAL_PATH.test(url.pathname)) {
      if (!forward) return new Response('Not found', { status: 404 });
      const target = new URL(url.pathname + url.search, options.fetch ? url.origin : apiOrigin);
      return apiFetch(new Request(target, request));
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: { allow: 'GET, HEAD' } });
    }
    if (url.pathname === '/') {
      const locale = negotiateLocale(request.headers.get('accept-language'));
      return new Response(null, { status: 302, headers: { location: `/${locale}`, vary: 'accept-language' } });
    }
    if (url.pathname === '/robots.txt') {
      return new Response(`User-agent: *\nAllow: /\nDisallow: /api/\nSitemap: ${origin}/sitemap.xml\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
    const asset = assetResponse(options.assetsDir, url.pathname);
    if (asset) return asset;
    if (url.pathname.startsWith('/assets/') || url.pathname === '/favicon.ico') return new Response('Not found', { status: 404 });
    const api = createApi(apiFetch, options.fetch ? url.origin : apiOrigin);
    if (url.pathname === '/sitemap.xml') return sitemap(api, origin);
    const segments = url.pathname.split('/').filter(Boolean);
    const locale = segments.shift() as Locale;
    const ctx = makeContext(locale, createApi(apiFetch, options.fetch ? url.origin : apiOrigin, locale), url, origin);
    let decoded: string[];
    try {
      decoded = segments.map((s) => decodeURIComponent(s));
    } catch {
      return html(notFoundPage(ctx), ctx, assets);
    }
    try {
      return html(await route(ctx, decoded), ctx, assets);
    } catch (error) {
      if (error instanceof ApiError) return html(errorPage(ctx), ctx, assets);
      throw error;
    }
  };
}
