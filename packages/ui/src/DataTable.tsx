import { useId } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useBayanI18n } from './BayanProvider';
import { HiddenFields } from './HiddenFields';
import type { HiddenFieldValues } from './HiddenFields';
import { MultilingualText } from './MultilingualText';
import type { TextValue } from './MultilingualText';
import { Pagination } from './Pagination';
import { cellText, filterAndSortRows } from './tableRows';
import type { ColumnType, SortDirection, TableRow, TableSort } from './tableRows';
import { useControllableState } from './useControllableState';

/** A column of a {@link DataTable}. */
export interface DataTableColumn<Row extends TableRow = TableRow> {
  /** Key of the cell value in each row. */
  key: string;
  header: TextValue;
  /** Value kind: sorting, alignment and default formatting; default `string`. */
  type?: ColumnType;
  /** Whether the header offers sorting; default true. */
  sortable?: boolean;
  /** Custom cell content. */
  render?: (value: unknown, row: Row) => ReactNode;
}

/** Links for the table's controls when the page works without JavaScript (server-side state). */
export interface DataTableLinks {
  /** URL of the table sorted by a column. */
  sort?: (sort: TableSort) => string;
  /** URL of a page. */
  page?: (page: number) => string;
  /** Where the filter form goes (GET); default the current page. */
  filterAction?: string;
  /** Query parameter of the filter text; default `filter`. */
  filterName?: string;
  /** Parameters the filter form keeps (sort, other filters). */
  hiddenFields?: HiddenFieldValues;
}

/** Props of {@link DataTable}. */
export interface DataTableProps<Row extends TableRow = TableRow> {
  /** Table caption: says what the data is (required for accessibility). */
  caption: ReactNode;
  columns: readonly DataTableColumn<Row>[];
  /** All rows (client mode) or the current page's rows (`manual`). */
  rows: readonly Row[];
  /** Key of a row; default its index. */
  getRowKey?: (row: Row, index: number) => string;
  sort?: TableSort | null;
  defaultSort?: TableSort | null;
  onSortChange?: (sort: TableSort | null) => void;
  filter?: string;
  defaultFilter?: string;
  onFilterChange?: (filter: string) => void;
  page?: number;
  defaultPage?: number;
  onPageChange?: (page: number) => void;
  /** Rows per page; default 10. */
  pageSize?: number;
  /** Show the filter field; default true. */
  filterable?: boolean;
  /**
   * True when the parent sorts, filters and pages (a datastore query): `rows` is then the
   * current page and `rowCount` the filtered total. Default false (the table does it).
   */
  manual?: boolean;
  /** Filtered total in `manual` mode. */
  rowCount?: number;
  /** URLs for the controls so they work without JavaScript. */
  links?: DataTableLinks;
  className?: string;
}

function nextSort(current: TableSort | null, column: string): TableSort {
  if (current?.column === column && current.direction === 'ascending') return { column, direction: 'descending' };
  return { column, direction: 'ascending' };
}

const sortIcons: Record<SortDirection | 'none', string> = { ascending: '▲', descending: '▼', none: '↕' };

/**
 * A data table that sorts, filters and pages, usable by keyboard and screen reader: a `<caption>`,
 * sort buttons in the column headers with `aria-sort` on the sorted one, a labelled filter field,
 * a live status ("Lignes 1 à 10 sur 53") and {@link Pagination}. It sorts, filters and pages by
 * itself, or in `manual` mode lets a datastore do it. With `links`, the controls are links and
 * a GET form, so a server-rendered page works without JavaScript. Sort state is also in
 * `data-sort` / `data-state` attributes.
 * @example
 * <DataTable caption="Population par région" pageSize={5}
 *   columns={[{ key: 'region', header: { fr: 'Région', ar: 'الجهة' } }, { key: 'population', header: 'Population', type: 'number' }]}
 *   rows={[{ region: 'Rabat-Salé-Kénitra', population: 5132639 }]} />
 */
export function DataTable<Row extends TableRow = TableRow>({
  caption,
  columns,
  rows,
  getRowKey,
  sort,
  defaultSort = null,
  onSortChange,
  filter,
  defaultFilter = '',
  onFilterChange,
  page,
  defaultPage = 1,
  onPageChange,
  pageSize = 10,
  filterable = true,
  manual = false,
  rowCount,
  links,
  className,
}: DataTableProps<Row>) {
  const { t, locale, formatNumber, formatDate } = useBayanI18n();
  const id = useId();
  const [sortState, setSortState] = useControllableState<TableSort | null>({
    value: sort,
    defaultValue: defaultSort,
    onChange: onSortChange,
  });
  const [filterState, setFilterState] = useControllableState({ value: filter, defaultValue: defaultFilter, onChange: onFilterChange });
  const [pageState, setPageState] = useControllableState({ value: page, defaultValue: defaultPage, onChange: onPageChange });

  const types: Record<string, ColumnType> = {};
  for (const column of columns) types[column.key] = column.type ?? 'string';
  const visible = manual ? [...rows] : filterAndSortRows(rows, { types, filter: filterState, sort: sortState, locale });
  const total = manual ? (rowCount ?? rows.length) : visible.length;
  const size = Math.max(1, Math.floor(pageSize));
  const pageCount = Math.max(1, Math.ceil(total / size));
  const currentPage = Math.min(Math.max(1, pageState), pageCount);
  const pageRows = manual ? visible : visible.slice((currentPage - 1) * size, currentPage * size);
  const from = total === 0 ? 0 : (currentPage - 1) * size + 1;
  const to = Math.min(total, from + pageRows.length - 1);

  const renderCell = (column: DataTableColumn<Row>, row: Row): ReactNode => {
    const value = row[column.key];
    if (column.render) return column.render(value, row);
    if (column.type === 'number' && typeof value === 'number') return formatNumber(value);
    if (column.type === 'date' && (typeof value === 'string' || value instanceof Date)) return formatDate(value, 'medium') || cellText(value);
    return cellText(value);
  };

  const onFilterSubmit = (event: FormEvent<HTMLFormElement>) => {
    // Client mode already applied the filter while typing; only a server-driven table navigates.
    if (!links?.filterAction || onFilterChange) event.preventDefault();
  };

  const filterName = links?.filterName ?? 'filter';
  return (
    <div
      className={['bayan-table', className].filter(Boolean).join(' ')}
      data-sort={sortState ? `${sortState.column}:${sortState.direction}` : undefined}
    >
      {filterable ? (
        <form method="get" action={links?.filterAction ?? ''} onSubmit={onFilterSubmit} className="bayan-table__filter">
          <label htmlFor={`${id}-filter`} className="bayan-table__filter-label">
            {t('table.filter')}
          </label>
          <input
            id={`${id}-filter`}
            type="search"
            name={filterName}
            value={filterState}
            aria-controls={`${id}-table`}
            onChange={(event) => {
              setFilterState(event.target.value);
              if (pageState !== 1) setPageState(1);
            }}
            className="bayan-table__filter-input"
          />
          <HiddenFields values={links?.hiddenFields} />
        </form>
      ) : null}
      {/* The scroll container must be focusable so keyboard users can scroll wide tables. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div className="bayan-table__scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table id={`${id}-table`} className="bayan-table__table">
          <caption id={`${id}-caption`} className="bayan-table__caption">
            {caption}
          </caption>
          <thead>
            <tr>
              {columns.map((column) => {
                const sorted = sortState?.column === column.key ? sortState.direction : undefined;
                const header = <MultilingualText value={column.header} hideFallbackNote />;
                const content = (
                  <>
                    {header}
                    <span className="bayan-table__sort-icon" aria-hidden="true">
                      {sortIcons[sorted ?? 'none']}
                    </span>
                  </>
                );
                const sortable = column.sortable ?? true;
                const target = nextSort(sortState, column.key);
                return (
                  <th
                    key={column.key}
                    scope="col"
                    aria-sort={sorted}
                    data-type={column.type ?? 'string'}
                    data-state={sorted ?? (sortable ? 'unsorted' : undefined)}
                    className="bayan-table__header"
                  >
                    {!sortable ? (
                      header
                    ) : links?.sort ? (
                      <a
                        href={links.sort(target)}
                        className="bayan-table__sort"
                        onClick={
                          !manual || onSortChange
                            ? (event) => {
                                event.preventDefault();
                                setSortState(target);
                              }
                            : undefined
                        }
                      >
                        {content}
                      </a>
                    ) : (
                      <button type="button" className="bayan-table__sort" onClick={() => setSortState(target)}>
                        {content}
                      </button>
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {pageRows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="bayan-table__empty">
                  {t('table.empty')}
                </td>
              </tr>
            ) : (
              pageRows.map((row, index) => (
                <tr key={getRowKey ? getRowKey(row, index) : String(from + index)}>
                  {columns.map((column) => (
                    <td key={column.key} data-type={column.type ?? 'string'}>
                      {renderCell(column, row)}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <p role="status" className="bayan-table__status">
        {t('table.status', { total, from: formatNumber(from), to: formatNumber(to) })}
      </p>
      {pageCount > 1 ? (
        <Pagination
          pageCount={pageCount}
          page={currentPage}
          {...(!manual || onPageChange || !links?.page ? { onPageChange: setPageState } : {})}
          {...(links?.page ? { hrefFor: links.page } : {})}
        />
      ) : null}
    </div>
  );
}
