import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../test/axe';
import { renderIn } from '../test/renderIn';
import { Pagination, paginationRange } from './Pagination';

const pages = (items: ReturnType<typeof paginationRange>) => items.map((item) => (item.type === 'page' ? item.page : '…'));

describe('paginationRange', () => {
  it('keeps the first, last and neighbours of the current page', () => {
    expect(pages(paginationRange(7, 24))).toEqual([1, '…', 6, 7, 8, '…', 24]);
  });

  it('shows a single hidden page instead of a gap', () => {
    expect(pages(paginationRange(4, 10))).toEqual([1, 2, 3, 4, 5, '…', 10]);
  });

  it('clamps out-of-range pages and handles one page', () => {
    expect(pages(paginationRange(99, 3))).toEqual([1, 2, 3]);
    expect(pages(paginationRange(1, 0))).toEqual([1]);
  });
});

describe('Pagination', () => {
  it('renders links that work without JavaScript, the current one marked', () => {
    renderIn('fr', <Pagination pageCount={24} page={7} hrefFor={(p) => `/fr/search?page=${p}`} />);
    const nav = screen.getByRole('navigation', { name: 'Pagination' });
    const current = within(nav).getByRole('link', { name: 'Page 7' });
    expect(current.getAttribute('aria-current')).toBe('page');
    expect(current.getAttribute('data-state')).toBe('active');
    expect(within(nav).getByRole('link', { name: 'Page suivante' }).getAttribute('href')).toBe('/fr/search?page=8');
    expect(within(nav).getByRole('link', { name: 'Page précédente' }).getAttribute('rel')).toBe('prev');
  });

  it('does not offer a previous page on the first page', () => {
    renderIn('ar', <Pagination pageCount={3} hrefFor={(p) => `?page=${p}`} />);
    expect(screen.queryByRole('link', { name: 'الصفحة السابقة' })).toBeNull();
    expect(screen.getByText('الصفحة السابقة').closest('[aria-disabled]')?.getAttribute('data-state')).toBe('disabled');
    expect(screen.getByRole('link', { name: 'الصفحة 1' }).getAttribute('aria-current')).toBe('page');
  });

  it('moves between pages with buttons when uncontrolled', async () => {
    const onPageChange = vi.fn();
    renderIn('en', <Pagination pageCount={5} onPageChange={onPageChange} />);
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(onPageChange).toHaveBeenCalledWith(2);
    expect(screen.getByRole('button', { name: 'Page 2' }).getAttribute('aria-current')).toBe('page');
  });

  it('lets a client-side page intercept link clicks', async () => {
    const onPageChange = vi.fn();
    renderIn('en', <Pagination pageCount={5} page={2} onPageChange={onPageChange} hrefFor={(p) => `#page-${p}`} />);
    await userEvent.click(screen.getByRole('link', { name: 'Page 4' }));
    expect(onPageChange).toHaveBeenCalledWith(4);
    expect(window.location.hash).toBe('');
  });

  it('is reachable and usable from the keyboard', async () => {
    const onPageChange = vi.fn();
    renderIn('fr', <Pagination pageCount={3} onPageChange={onPageChange} />);
    await userEvent.tab();
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Page 2' }));
    await userEvent.keyboard('{Enter}');
    expect(onPageChange).toHaveBeenCalledWith(2);
  });

  it.each(['fr', 'ar'] as const)('has no axe violations in %s', async (locale) => {
    const { container } = renderIn(locale, <Pagination pageCount={24} page={7} hrefFor={(p) => `?page=${p}`} />);
    expect(await axeViolations(container)).toEqual([]);
  });
});
