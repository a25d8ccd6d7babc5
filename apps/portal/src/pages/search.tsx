import { FacetList, Pagination, SearchBox, type FacetGroup } from '@bayan/ui';
import type { SearchParams, SearchResult } from '../api';
import type { Page, PageContext } from '../context';
import { codeOf, licenceMessage, themeLabels } from '../vocab';
import { DatasetCards, organizationMap } from './shared';

const PAGE_SIZE = 20;
/** Deeper pages are reached by walking cursors; past this the search should be refined. */
export const MAX_PAGE = 50;
const FILTERS = ['theme', 'organization', 'format', 'licence'] as const;
const SORTS = ['relevance', 'modified', 'title', 'quality'] as const;
type Sort = (typeof SORTS)[number];

/** The search state as it appears in the URL. */
export interface SearchState {
  q: string;
  filters: Record<(typeof FILTERS)[number], string[]>;
  sort: Sort;
  page: number;
}

/** Reads the search state from URL parameters, ignoring what is malformed. */
export function readSearchState(params: URLSearchParams): SearchState {
  const q = (params.get('q') ?? '').trim().slice(0, 500);
  const filters = Object.fromEntries(
    FILTERS.map((name) => [name, [...new Set(params.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean))].slice(0, 20)]),
  ) as SearchState['filters'];
  const sortParam = params.get('sort');
  const sort: Sort = (SORTS as readonly string[]).includes(sortParam ?? '') ? (sortParam as Sort) : q ? 'relevance' : 'modified';
  const pageNumber = Number.parseInt(params.get('page') ?? '1', 10);
  const page = Number.isFinite(pageNumber) ? Math.min(Math.max(pageNumber, 1), MAX_PAGE) : 1;
  return { q, filters, sort, page };
}

/** The URL of a search state (only non-default parameters, in a stable order). */
export function searchHref(locale: string, state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of FILTERS) for (const value of state.filters[name]) params.append(name, value);
  if (state.sort !== (state.q ? 'relevance' : 'modified')) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  const query = params.toString();
  return `/${locale}/search${query ? `?${query}` : ''}`;
}

async function fetchPage(ctx: PageContext, state: SearchState): Promise<SearchResult> {
  const base: SearchParams = {
    q: state.q || undefined,
    filters: state.filters,
    sort: state.sort,
    order: state.sort === 'title' ? 'asc' : 'desc',
  };
  // The API pages with cursors; page N is reached by skipping (N-1) pages in large steps.
  let cursor: string | undefined;
  let skip = (state.page - 1) * PAGE_SIZE;
  while (skip > 0) {
    const step = Math.min(skip, 100);
    const chunk = await ctx.api.search({ ...base, limit: step, cursor, facets: ['format'] });
    if (!chunk.nextCursor) return { ...chunk, items: [], nextCursor: null, facets: (await ctx.api.search({ ...base, limit: 1 })).facets };
    cursor = chunk.nextCursor;
    skip -= step;
  }
  return ctx.api.search({ ...base, limit: PAGE_SIZE, cursor });
}

export async function searchPage(ctx: PageContext): Promise<Page> {
  const { t, locale } = ctx;
  const state = readSearchState(ctx.url.searchParams);
  const [result, orgs] = await Promise.all([fetchPage(ctx, state), organizationMap(ctx)]);
  const pageCount = Math.min(MAX_PAGE, Math.max(1, Math.ceil(result.total / PAGE_SIZE)));
  const groups: FacetGroup[] = [
    {
      name: 'theme',
      label: t('facet.theme'),
      options: (result.facets.theme ?? []).map((f) => ({ value: codeOf(f.value), label: themeLabels(f.value), count: f.count })),
    },
    {
      name: 'organization',
      label: t('facet.organization'),
      options: (result.facets.organization ?? []).map((f) => ({ value: f.value, label: orgs.get(f.value)?.record.name ?? f.value, count: f.count })),
    },
    {
      name: 'format',
      label: t('facet.format'),
      options: (result.facets.format ?? []).map((f) => ({ value: f.value, label: f.value, count: f.count })),
    },
    {
      name: 'licence',
      label: t('facet.licence'),
      options: (result.facets.licence ?? []).map((f) => ({ value: f.value, label: t(licenceMessage(f.value)).split(/[:：]/)[0] ?? f.value, count: f.count })),
    },
  ].filter((g) => g.options.length > 0 || state.filters[g.name as (typeof FILTERS)[number]].length > 0);
  const hasFilters = FILTERS.some((f) => state.filters[f].length > 0);
  const title = state.q ? t('search.titleQuery', { q: state.q }) : t('search.title');
  return {
    title,
    noindex: state.page > 1 || hasFilters,
    body: (
      <>
        <h1>{title}</h1>
        <SearchBox action={`/${locale}/search`} defaultValue={state.q} hiddenFields={{ ...state.filters, sort: state.sort === (state.q ? 'relevance' : 'modified') ? undefined : state.sort }} />
        <div className="portal-search">
          <aside className="portal-search__facets" aria-labelledby="filters-title">
            <h2 id="filters-title">{t('search.filters')}</h2>
            <FacetList
              action={`/${locale}/search`}
              hiddenFields={{ q: state.q || undefined, sort: state.sort === (state.q ? 'relevance' : 'modified') ? undefined : state.sort }}
              defaultValue={state.filters}
              groups={groups}
            />
            {hasFilters ? (
              <p>
                <a href={searchHref(locale, { ...state, filters: { theme: [], organization: [], format: [], licence: [] }, page: 1 })}>{t('search.clear')}</a>
              </p>
            ) : null}
          </aside>
          <section className="portal-search__results" aria-labelledby="results-title">
            <h2 id="results-title" aria-live="polite">{t('search.results', { count: result.total })}</h2>
            <form method="get" action={`/${locale}/search`} className="portal-sort">
              {state.q ? <input type="hidden" name="q" value={state.q} /> : null}
              {FILTERS.flatMap((name) => state.filters[name].map((value) => <input key={`${name}=${value}`} type="hidden" name={name} value={value} />))}
              <label htmlFor="sort">{t('search.sort')}</label>{' '}
              <select id="sort" name="sort" defaultValue={state.sort}>
                {SORTS.map((s) => (
                  <option key={s} value={s}>
                    {t(`search.sort.${s}`)}
                  </option>
                ))}
              </select>{' '}
              <button type="submit" className="bayan-button">
                {t('search.sort.apply')}
              </button>
            </form>
            {result.items.length === 0 ? <p>{t('search.none')}</p> : <DatasetCards ctx={ctx} items={result.items} orgs={orgs} />}
            {pageCount > 1 ? <Pagination pageCount={pageCount} page={Math.min(state.page, pageCount)} hrefFor={(p) => searchHref(locale, { ...state, page: p })} /> : null}
          </section>
        </div>
      </>
    ),
  };
}
