import type { Language } from '@bayan/schema';

/** One of the portal's interface languages: `fr`, `ar` or `en` (the same as `Language` in @bayan/schema). */
export type Locale = Language;

/** Writing direction of a locale's script. */
export type Direction = 'ltr' | 'rtl';

/**
 * The interface languages, in the order the platform prefers them (French, Arabic, English).
 * It is also the default fallback order of {@link pickLanguage}.
 * @example
 * locales.map((locale) => `/${locale}/`); // ['/fr/', '/ar/', '/en/']
 */
export const locales: readonly Locale[] = ['fr', 'ar', 'en'];

const formattingLocales: Record<Locale, string> = { fr: 'fr-MA', ar: 'ar-MA', en: 'en' };

/**
 * The BCP 47 tag used to format numbers and dates for a locale: `fr-MA`, `ar-MA` or `en`.
 * Moroccan Arabic formatting keeps Latin digits and Moroccan month names.
 * @example
 * formattingLocale('ar'); // 'ar-MA'
 */
export function formattingLocale(locale: Locale): string {
  return formattingLocales[locale];
}

/**
 * The writing direction of a locale: `rtl` for Arabic, `ltr` otherwise. Use it for `<html dir>`
 * and for text that falls back to another language.
 * @example
 * directionOf('ar'); // 'rtl'
 */
export function directionOf(locale: Locale): Direction {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/**
 * Whether a string is one of the interface locales (`fr`, `ar`, `en`), for reading a URL segment.
 * @example
 * isLocale('ar'); // true
 * isLocale('de'); // false
 */
export function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'ar' || value === 'en';
}
