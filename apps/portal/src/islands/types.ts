import type { DataTableColumn, Locale, TableSort } from '@bayan/ui';

/** Props of the data preview island; serialised into the page for hydration. */
export interface PreviewProps {
  locale: Locale;
  /** Datastore resource id. */
  resourceId: string;
  caption: string;
  columns: Pick<DataTableColumn, 'key' | 'header' | 'type'>[];
  rows: Record<string, unknown>[];
  total: number;
  page: number;
  pageSize: number;
  sort: TableSort | null;
  filter: string;
  /** The page path and the query parameters to keep in links (chart state). */
  path: string;
  keep: Record<string, string>;
}

export type ChartKindName = 'bar' | 'line' | 'pie';

/** Props of the chart builder island. */
export interface ChartBuilderProps {
  locale: Locale;
  resourceId: string;
  columns: { key: string; label: string; numeric: boolean }[];
  kind: ChartKindName;
  x: string;
  y: string;
  categories: string[];
  values: (number | null)[];
  /** Absolute page URL without query, for the shareable link and the embed code. */
  pageUrl: string;
  embedUrl: string;
  path: string;
  keep: Record<string, string>;
  labels: { kind: string; x: string; y: string; draw: string; title: string; share: string; embed: string; kinds: Record<ChartKindName, string> };
}

/** The query string of a set of parameters, empty ones left out. */
export function queryString(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, v);
  const text = search.toString();
  return text ? `?${text}` : '';
}
