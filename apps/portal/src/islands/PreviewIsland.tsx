import { DataTable, type TableSort } from '@bayan/ui';
import { useRef, useState } from 'react';
import { previewRows, writeSort, type QueryFn } from './datastore';
import { queryString, type PreviewProps } from './types';

/**
 * The data preview: server-rendered with links and a GET form (works without JavaScript); once
 * hydrated, sorting, filtering and paging query the datastore API without reloading the page.
 */
export function PreviewIsland({ config, query }: { config: PreviewProps; query?: QueryFn }) {
  const [state, setState] = useState({ rows: config.rows, total: config.total, page: config.page, sort: config.sort, filter: config.filter });
  const latest = useRef(0);
  const href = (next: { page?: number; sort?: TableSort | null; filter?: string }) =>
    config.path +
    queryString({
      ...config.keep,
      filter: next.filter ?? state.filter,
      sort: writeSort(next.sort === undefined ? state.sort : next.sort),
      page: next.page && next.page > 1 ? String(next.page) : undefined,
    }) +
    '#preview';
  const load = (next: { page: number; sort: TableSort | null; filter: string }) => {
    if (!query) return;
    const ticket = ++latest.current;
    setState((s) => ({ ...s, ...next }));
    void previewRows(query, config.resourceId, { ...next, pageSize: config.pageSize }).then(
      (result) => {
        if (ticket !== latest.current) return;
        setState({ ...next, rows: result.rows, total: result.total });
        window.history.replaceState(null, '', href(next));
      },
      () => {
        // On a failed request fall back to the plain link, which the server renders.
        if (ticket === latest.current) window.location.assign(href(next));
      },
    );
  };
  return (
    <DataTable
      caption={config.caption}
      columns={config.columns}
      rows={state.rows}
      manual
      rowCount={state.total}
      pageSize={config.pageSize}
      page={state.page}
      onPageChange={(page) => load({ page, sort: state.sort, filter: state.filter })}
      sort={state.sort}
      onSortChange={(sort) => load({ page: 1, sort, filter: state.filter })}
      filter={state.filter}
      onFilterChange={(filter) => load({ page: 1, sort: state.sort, filter })}
      links={{
        sort: (sort) => href({ sort, page: 1 }),
        page: (page) => href({ page }),
        filterAction: `${config.path}#preview`,
        hiddenFields: { ...config.keep, sort: writeSort(state.sort) },
      }}
    />
  );
}
