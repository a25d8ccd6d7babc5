import type { MouseEvent, ReactNode } from 'react';
import { useBayanI18n } from './BayanProvider';
import { useControllableState } from './useControllableState';

/** One slot of a pagination bar: a page number or a gap. */
export type PaginationItem = { type: 'page'; page: number } | { type: 'gap'; key: string };

/**
 * The pages to show around `page`: always the first and last, `siblings` on each side of the
 * current one (default 1), gaps for the rest. Out-of-range pages are clamped.
 * @example
 * paginationRange(6, 20); // 1 … 5 6 7 … 20
 */
export function paginationRange(page: number, pageCount: number, siblings = 1): PaginationItem[] {
  const count = Math.max(1, Math.floor(pageCount));
  const current = Math.min(Math.max(1, Math.floor(page)), count);
  const pages = new Set<number>([1, count]);
  for (let p = current - siblings; p <= current + siblings; p += 1) if (p >= 1 && p <= count) pages.add(p);
  // Showing a gap for a single hidden page wastes the slot: show the page instead.
  if (pages.has(3)) pages.add(2);
  if (pages.has(count - 2)) pages.add(count - 1);
  const sorted = [...pages].sort((a, b) => a - b);
  const items: PaginationItem[] = [];
  sorted.forEach((p, index) => {
    const previous = sorted[index - 1];
    if (previous !== undefined && p - previous > 1) items.push({ type: 'gap', key: `gap-${previous}` });
    items.push({ type: 'page', page: p });
  });
  return items;
}

/** Props of {@link Pagination}. */
export interface PaginationProps {
  /** Number of pages (at least 1). */
  pageCount: number;
  /** Controlled current page (1-based). */
  page?: number;
  /** Initial page when uncontrolled; default 1. */
  defaultPage?: number;
  onPageChange?: (page: number) => void;
  /** URL of a page: renders links that work without JavaScript. Without it, buttons. */
  hrefFor?: (page: number) => string;
  /** Pages shown on each side of the current one; default 1. */
  siblings?: number;
  className?: string;
}

/**
 * Page navigation in a `<nav>` landmark. With `hrefFor` it renders links (`aria-current="page"`
 * on the current one, `rel="prev|next"`), so it works without JavaScript; `onPageChange` then
 * intercepts clicks. Arrows follow the reading direction in Arabic.
 * @example
 * <Pagination pageCount={12} page={3} hrefFor={(p) => `/fr/search?q=eau&page=${p}`} />
 */
export function Pagination({
  pageCount,
  page,
  defaultPage = 1,
  onPageChange,
  hrefFor,
  siblings = 1,
  className,
}: PaginationProps) {
  const { t, formatNumber } = useBayanI18n();
  const [current, setCurrent] = useControllableState({ value: page, defaultValue: defaultPage, onChange: onPageChange });
  const count = Math.max(1, Math.floor(pageCount));
  const active = Math.min(Math.max(1, current), count);

  const control = (target: number, content: ReactNode, extra: { label?: string; rel?: string; current?: boolean; part: string }) => {
    const disabled = target < 1 || target > count;
    const common = {
      className: `bayan-pagination__control bayan-pagination__${extra.part}`,
      'aria-label': extra.label,
      'aria-current': extra.current ? ('page' as const) : undefined,
      'data-state': extra.current ? 'active' : disabled ? 'disabled' : 'inactive',
    };
    if (disabled) {
      return (
        <span {...common} aria-disabled="true">
          {content}
        </span>
      );
    }
    if (hrefFor) {
      const onClick = onPageChange
        ? (event: MouseEvent<HTMLAnchorElement>) => {
            if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
            event.preventDefault();
            setCurrent(target);
          }
        : undefined;
      return (
        <a {...common} href={hrefFor(target)} rel={extra.rel} onClick={onClick}>
          {content}
        </a>
      );
    }
    return (
      <button {...common} type="button" onClick={() => setCurrent(target)}>
        {content}
      </button>
    );
  };

  return (
    <nav aria-label={t('pagination.label')} className={['bayan-pagination', className].filter(Boolean).join(' ')}>
      <ul className="bayan-pagination__list">
        <li>
          {control(
            active - 1,
            <>
              <span className="bayan-pagination__icon" aria-hidden="true">
                ‹
              </span>
              <span className="bayan-pagination__text">{t('pagination.previous')}</span>
            </>,
            { rel: 'prev', part: 'previous' },
          )}
        </li>
        {paginationRange(active, count, siblings).map((item) =>
          item.type === 'gap' ? (
            <li key={item.key} className="bayan-pagination__gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={item.page}>
              {control(item.page, formatNumber(item.page), {
                label: t('pagination.page', { page: formatNumber(item.page) }),
                current: item.page === active,
                part: 'page',
              })}
            </li>
          ),
        )}
        <li>
          {control(
            active + 1,
            <>
              <span className="bayan-pagination__text">{t('pagination.next')}</span>
              <span className="bayan-pagination__icon" aria-hidden="true">
                ›
              </span>
            </>,
            { rel: 'next', part: 'next' },
          )}
        </li>
      </ul>
    </nav>
  );
}
