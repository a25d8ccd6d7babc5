import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../test/axe';
import { renderIn } from '../test/renderIn';
import { DataTable } from './DataTable';
import type { DataTableColumn } from './DataTable';
import { filterAndSortRows } from './tableRows';

const columns: DataTableColumn[] = [
  { key: 'city', header: { fr: 'Ville', ar: 'المدينة', en: 'City' } },
  { key: 'population', header: { fr: 'Population', ar: 'عدد السكان', en: 'Population' }, type: 'number' },
  { key: 'founded', header: { fr: 'Fondation', ar: 'التأسيس', en: 'Founded' }, type: 'date', sortable: false },
];
const rows = [
  { city: 'Casablanca', population: 3218036, founded: '1468-01-01' },
  { city: 'Fès', population: 1256172, founded: '0789-01-01' },
  { city: 'Tanger', population: 1275428, founded: '' },
  { city: 'Marrakech', population: 928850, founded: '1070-01-01' },
  { city: 'Salé', population: 982163, founded: '1030-01-01' },
  { city: 'Meknès', population: 632079, founded: '0900-01-01' },
  { city: 'Rabat', population: 577827, founded: '1146-01-01' },
];

const bodyCities = () =>
  within(screen.getAllByRole('rowgroup')[1]!)
    .getAllByRole('row')
    .map((row) => within(row).getAllByRole('cell')[0]!.textContent);

describe('filterAndSortRows', () => {
  it('sorts numbers by value and text with the locale collation', () => {
    const sorted = filterAndSortRows(rows, { types: { population: 'number' }, sort: { column: 'population', direction: 'ascending' }, locale: 'fr' });
    expect(sorted.map((r) => r.city).slice(0, 3)).toEqual(['Rabat', 'Meknès', 'Marrakech']);
    const byName = filterAndSortRows(rows, { sort: { column: 'city', direction: 'ascending' }, locale: 'fr' });
    expect(byName.map((r) => r.city)).toEqual(['Casablanca', 'Fès', 'Marrakech', 'Meknès', 'Rabat', 'Salé', 'Tanger']);
  });

  it('keeps empty cells last in both directions', () => {
    for (const direction of ['ascending', 'descending'] as const) {
      const sorted = filterAndSortRows(rows, { types: { founded: 'date' }, sort: { column: 'founded', direction }, locale: 'fr' });
      expect(sorted.at(-1)?.city).toBe('Tanger');
    }
  });

  it('filters ignoring case, accents and Arabic diacritics', () => {
    expect(filterAndSortRows(rows, { filter: 'FES', locale: 'fr' }).map((r) => r.city)).toEqual(['Fès']);
    expect(filterAndSortRows(rows, { filter: 'sale 982', locale: 'fr' }).map((r) => r.city)).toEqual(['Salé']);
    const arabic = [{ name: 'الرِّبَاط' }, { name: 'أكادير' }];
    expect(filterAndSortRows(arabic, { filter: 'الرباط', locale: 'ar' })).toHaveLength(1);
    expect(filterAndSortRows(arabic, { filter: 'اكادير', locale: 'ar' })).toHaveLength(1);
  });
});

describe('DataTable', () => {
  it('has a caption, column headers and a status saying which rows are shown', () => {
    renderIn('fr', <DataTable caption="Villes du Maroc" columns={columns} rows={rows} pageSize={5} />);
    expect(screen.getByRole('table', { name: 'Villes du Maroc' })).toBeDefined();
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent?.replace(/[▲▼↕]/g, ''))).toEqual(['Ville', 'Population', 'Fondation']);
    expect(screen.getByRole('status').textContent).toBe('Lignes 1 à 5 sur 7');
    expect(screen.getAllByRole('cell')[1]!.textContent).toBe('3.218.036');
  });

  it('sorts when a header button is pressed, and reverses on a second press', async () => {
    renderIn('en', <DataTable caption="Cities" columns={columns} rows={rows} />);
    const header = screen.getByRole('columnheader', { name: /Population/ });
    expect(header.getAttribute('aria-sort')).toBeNull();
    await userEvent.click(within(header).getByRole('button', { name: /Population/ }));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(bodyCities()[0]).toBe('Rabat');
    await userEvent.click(within(header).getByRole('button', { name: /Population/ }));
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(bodyCities()[0]).toBe('Casablanca');
    expect(screen.getByRole('columnheader', { name: 'Founded' }).querySelector('button')).toBeNull();
  });

  it('sorts from the keyboard', async () => {
    renderIn('fr', <DataTable caption="Villes" columns={columns} rows={rows} filterable={false} />);
    await userEvent.tab(); // the scrollable region
    await userEvent.tab();
    expect(document.activeElement?.textContent).toContain('Ville');
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('columnheader', { name: /Ville/ }).getAttribute('aria-sort')).toBe('ascending');
    await userEvent.tab();
    await userEvent.keyboard(' ');
    expect(screen.getByRole('columnheader', { name: /Population/ }).getAttribute('aria-sort')).toBe('ascending');
  });

  it('filters as the user types and goes back to the first page', async () => {
    renderIn('fr', <DataTable caption="Villes" columns={columns} rows={rows} pageSize={2} defaultPage={3} />);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Filtrer les lignes' }), 'me');
    expect(bodyCities()).toEqual(['Meknès']);
    expect(screen.getByRole('status').textContent).toBe('1 ligne');
    await userEvent.clear(screen.getByRole('searchbox'));
    await userEvent.type(screen.getByRole('searchbox'), 'zzz');
    expect(screen.getByText('Aucune ligne ne correspond au filtre.')).toBeDefined();
  });

  it('pages through rows', async () => {
    renderIn('ar', <DataTable caption="المدن" columns={columns} rows={rows} pageSize={3} />);
    await userEvent.click(screen.getByRole('button', { name: 'الصفحة التالية' }));
    expect(bodyCities()).toEqual(['Marrakech', 'Salé', 'Meknès']);
    expect(screen.getByRole('status').textContent).toBe('الصفوف من 4 إلى 6 من أصل 7');
  });

  it('leaves sorting, filtering and paging to the parent in manual mode', async () => {
    const onSortChange = vi.fn();
    const onPageChange = vi.fn();
    renderIn(
      'en',
      <DataTable caption="Cities" columns={columns} rows={rows.slice(0, 2)} manual rowCount={40} pageSize={2} page={1} onSortChange={onSortChange} onPageChange={onPageChange} />,
    );
    expect(bodyCities()).toEqual(['Casablanca', 'Fès']);
    expect(screen.getByRole('status').textContent).toBe('Rows 1 to 2 of 40');
    await userEvent.click(screen.getByRole('button', { name: /City/ }));
    expect(onSortChange).toHaveBeenCalledWith({ column: 'city', direction: 'ascending' });
    expect(bodyCities()).toEqual(['Casablanca', 'Fès']);
    await userEvent.click(screen.getByRole('button', { name: 'Page 20' }));
    expect(onPageChange).toHaveBeenCalledWith(20);
  });

  it('renders links and a GET filter form when the server drives the state', () => {
    renderIn(
      'fr',
      <DataTable
        caption="Villes"
        columns={columns}
        rows={rows.slice(0, 2)}
        manual
        rowCount={7}
        pageSize={2}
        page={2}
        sort={{ column: 'city', direction: 'ascending' }}
        filter="a"
        links={{
          sort: (sort) => `?sort=${sort.column}:${sort.direction}`,
          page: (page) => `?page=${page}`,
          filterAction: '/fr/datasets/villes',
          hiddenFields: { sort: 'city:ascending' },
        }}
      />,
    );
    expect(screen.getByRole('link', { name: /Ville/ }).getAttribute('href')).toBe('?sort=city:descending');
    expect(screen.getByRole('link', { name: /Population/ }).getAttribute('href')).toBe('?sort=population:ascending');
    expect(screen.getByRole('link', { name: 'Page 3' }).getAttribute('href')).toBe('?page=3');
    const form = screen.getByRole('searchbox').closest('form')!;
    expect(form.getAttribute('action')).toBe('/fr/datasets/villes');
    expect([...new FormData(form).entries()]).toEqual([
      ['filter', 'a'],
      ['sort', 'city:ascending'],
    ]);
  });

  it.each(['fr', 'ar'] as const)('has no axe violations in %s', async (locale) => {
    const { container } = renderIn(
      locale,
      <DataTable caption="Villes" columns={columns} rows={rows} pageSize={3} defaultSort={{ column: 'population', direction: 'descending' }} />,
    );
    expect(await axeViolations(container)).toEqual([]);
  });
});
