import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { formatBytes, formatDate, formatNumber } from './format';
import type { DateStyle } from './format';
import { directionOf } from './locale';
import type { Direction, Locale } from './locale';
import { formatMessage } from './messages';
import type { MessageId, MessageOverrides, MessageValues } from './messages';

/** What components read from {@link BayanProvider}: the locale and formatters bound to it. */
export interface BayanI18n {
  locale: Locale;
  dir: Direction;
  t: (id: MessageId, values?: MessageValues) => string;
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
  formatDate: (value: Date | string | number, style?: DateStyle) => string;
  formatBytes: (bytes: number) => string;
}

function createI18n(locale: Locale, overrides?: MessageOverrides): BayanI18n {
  return {
    locale,
    dir: directionOf(locale),
    t: (id, values) => formatMessage(locale, id, values, overrides),
    formatNumber: (value, options) => formatNumber(value, locale, options),
    formatDate: (value, style) => formatDate(value, locale, style ? { style } : {}),
    formatBytes: (bytes) => formatBytes(bytes, locale),
  };
}

const defaultI18n = createI18n('fr');
const I18nContext = createContext<BayanI18n>(defaultI18n);

/** Props of {@link BayanProvider}. */
export interface BayanProviderProps {
  /** Interface language of everything inside. */
  locale: Locale;
  /** Replacement wording for built-in messages in this locale. */
  messages?: MessageOverrides;
  children?: ReactNode;
}

/**
 * Sets the interface language for the components inside it. It renders no element: put `lang` and
 * `dir` on `<html>` (see {@link directionOf}). Without a provider, components speak French.
 * @example
 * <BayanProvider locale="ar">
 *   <SearchBox action="/ar/search" />
 * </BayanProvider>
 */
export function BayanProvider({ locale, messages, children }: BayanProviderProps) {
  const value = useMemo(() => createI18n(locale, messages), [locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/**
 * The current locale, its direction and formatters bound to it (French without a provider).
 * @example
 * const { t, formatNumber } = useBayanI18n();
 * t('datasets.count', { count: 12 });
 */
export function useBayanI18n(): BayanI18n {
  return useContext(I18nContext);
}
