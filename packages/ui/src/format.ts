import { formattingLocale } from './locale';
import type { Locale } from './locale';

// Intl constructors are slow (tens of microseconds); a server rendering a search page formats
// hundreds of numbers, so formatters are cached per locale and options.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(formattingLocale(locale), options);
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * Formats a number for `fr-MA`, `ar-MA` or `en` (default options: the locale's grouping, up to
 * three fraction digits). Arabic keeps Latin digits, as Moroccan usage does.
 * @example
 * formatNumber(1234567.5, 'fr'); // '1.234.567,5'
 * formatNumber(0.42, 'en', { style: 'percent' }); // '42%'
 */
export function formatNumber(value: number, locale: Locale, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(locale, options).format(value);
}

/** Date styles offered by {@link formatDate}. */
export type DateStyle = 'short' | 'medium' | 'long' | 'full';

function toDate(value: Date | string | number): Date | undefined {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * Formats a date for `fr-MA`, `ar-MA` or `en` (default style `long`: "14 juillet 2026",
 * "14 يوليوز 2026", "July 14, 2026"). Dates are shown in UTC by default so the server and the
 * browser agree on the day. An unreadable date gives an empty string, never `Invalid Date`.
 * @example
 * formatDate('2026-07-14', 'ar'); // '14 يوليوز 2026'
 * formatDate(new Date(), 'en', { style: 'short' });
 */
export function formatDate(
  value: Date | string | number,
  locale: Locale,
  options: { style?: DateStyle; timeZone?: string } = {},
): string {
  const date = toDate(value);
  if (!date) return '';
  const style = options.style ?? 'long';
  const timeZone = options.timeZone ?? 'UTC';
  const key = `${locale}|${style}|${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(formattingLocale(locale), { dateStyle: style, timeZone });
    dateFormats.set(key, format);
  }
  return format.format(date);
}

/**
 * The `YYYY-MM-DD` form of a date for a `<time dateTime>` attribute, or `undefined` when unreadable.
 * @example
 * isoDate('2026-07-14T10:00:00Z'); // '2026-07-14'
 */
export function isoDate(value: Date | string | number): string | undefined {
  return toDate(value)?.toISOString().slice(0, 10);
}

const byteUnits = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/**
 * Formats a file size with decimal units (1 kB = 1000 bytes, as browsers and operating systems
 * show download sizes), one fraction digit above a kilobyte. Negative or non-finite sizes give ''.
 * @example
 * formatBytes(1_250_000, 'fr'); // '1,3 Mo' (with a narrow no-break space)
 * formatBytes(1_250_000, 'en'); // '1.3 MB'
 */
export function formatBytes(bytes: number, locale: Locale): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  let unit = 0;
  let value = bytes;
  while (value >= 1000 && unit < byteUnits.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return formatNumber(value, locale, {
    style: 'unit',
    unit: byteUnits[unit],
    // "512 bytes" reads better than the short "512 byte"; larger units use their symbols.
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  });
}
