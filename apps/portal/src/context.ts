import type { Locale } from '@bayan/ui';
import type { PortalApi } from './api';
import { portalMessage, type PortalMessageId } from './messages';

/** Everything a page needs to render one request. */
export interface PageContext {
  locale: Locale;
  api: PortalApi;
  /** The request URL (path and query). */
  url: URL;
  /** The public origin used in canonical links, JSON-LD and snippets. */
  origin: string;
  t: (id: PortalMessageId, values?: Record<string, string | number>) => string;
}

/** What a page renders: its `<title>`, head extras and body. */
export interface Page {
  status?: number;
  title: string;
  description?: string;
  /** Path (with query) of this page in another locale; default the same path with the locale swapped. */
  pathIn?: (locale: Locale) => string;
  /** Canonical path when the URL carries view state (preview sort, chart); default the URL itself. */
  canonicalPath?: string;
  /** JSON-LD documents to put in the head. */
  jsonLd?: Record<string, unknown>[];
  /** Client islands the page needs (the bundle is loaded only when there is one). */
  islands?: boolean;
  noindex?: boolean;
  /** Render without header, navigation and footer (embeds). */
  bare?: boolean;
  body: React.ReactNode;
}

export function makeContext(locale: Locale, api: PortalApi, url: URL, origin: string): PageContext {
  return { locale, api, url, origin, t: (id, values) => portalMessage(locale, id, values) };
}
