import { IntlMessageFormat } from 'intl-messageformat';
import { ar } from './catalogue/ar';
import { en } from './catalogue/en';
import { fr } from './catalogue/fr';
import type { MessageId } from './catalogue/fr';
import { formattingLocale } from './locale';
import type { Locale } from './locale';

export type { MessageId };

/** Values substituted into a message: `{ count: 3 }`, `{ title: 'Budget 2026' }`. */
export type MessageValues = Record<string, string | number | Date>;

/** Message overrides for one locale, e.g. a portal's own wording of `'search.label'`. */
export type MessageOverrides = Partial<Record<MessageId, string>>;

/**
 * The built-in message catalogue: every interface string in French, Arabic and English, as ICU
 * MessageFormat (plurals with Arabic's six forms).
 * @example
 * messages.ar['search.submit']; // 'بحث'
 */
export const messages: Readonly<Record<Locale, Readonly<Record<MessageId, string>>>> = { fr, ar, en };

// Parsing an ICU message costs far more than formatting it, so each source is parsed once per
// locale. Keyed by the source string itself: catalogue strings are the same objects on every call,
// so V8 hashes them once (a concatenated key would be rehashed on every lookup).
const compiled: Record<Locale, Map<string, IntlMessageFormat>> = { fr: new Map(), ar: new Map(), en: new Map() };

function compile(source: string, locale: Locale): IntlMessageFormat {
  let format = compiled[locale].get(source);
  if (!format) {
    format = new IntlMessageFormat(source, formattingLocale(locale));
    compiled[locale].set(source, format);
  }
  return format;
}

/**
 * Formats one catalogue message in a locale. `overrides` replace built-in wording. Numbers in the
 * message (`#` in plurals) follow `fr-MA`, `ar-MA` or `en`. A value missing for an argument is a
 * programmer error and throws, so a broken sentence never reaches a page silently.
 * @example
 * formatMessage('ar', 'datasets.count', { count: 2 }); // 'مجموعتا بيانات'
 * formatMessage('fr', 'datasets.count', { count: 12 }); // '12 jeux de données'
 */
export function formatMessage(
  locale: Locale,
  id: MessageId,
  values?: MessageValues,
  overrides?: MessageOverrides,
): string {
  const source = overrides?.[id] ?? messages[locale][id];
  const result = compile(source, locale).format(values);
  return Array.isArray(result) ? result.join('') : String(result);
}
