import type { MultilingualText as MultilingualValue } from '@bayan/schema';
import type { ElementType, HTMLAttributes } from 'react';
import { useBayanI18n } from './BayanProvider';
import { directionOf, locales } from './locale';
import type { Locale } from './locale';

/** The text chosen from a multilingual value and the language it is really in. */
export interface PickedText {
  text: string;
  language: Locale;
  /** True when the text is not in the wanted language. */
  fallback: boolean;
}

/** A multilingual value as stored (`{ fr, ar, en }`), or a plain string already in the page's language. */
export type TextValue = MultilingualValue | Partial<Record<Locale, string>> | string;

/**
 * Picks the text of a multilingual value in the wanted language, else the first present in
 * `order` (default: fr, ar, en). Blank strings count as missing. A plain string is taken as
 * already in the wanted language. Returns `undefined` when no language has text.
 * @example
 * pickLanguage({ fr: 'Budget', ar: 'الميزانية' }, 'en'); // { text: 'Budget', language: 'fr', fallback: true }
 */
export function pickLanguage(
  value: TextValue | undefined,
  wanted: Locale,
  order: readonly Locale[] = locales,
): PickedText | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') {
    return value.trim() === '' ? undefined : { text: value, language: wanted, fallback: false };
  }
  for (const language of [wanted, ...order]) {
    const text = value[language];
    if (typeof text === 'string' && text.trim() !== '') {
      return { text, language, fallback: language !== wanted };
    }
  }
  return undefined;
}

/** Props of {@link MultilingualText}. */
export interface MultilingualTextProps extends Omit<HTMLAttributes<HTMLElement>, 'children' | 'lang' | 'dir'> {
  /** The value to show. */
  value: TextValue | undefined;
  /** Element to render; default `span`. Use `p`, `h2`, … for block text. */
  as?: ElementType;
  /** Language to show; default the provider's locale. */
  locale?: Locale;
  /** Fallback order after the wanted language; default fr, ar, en. */
  fallbackOrder?: readonly Locale[];
  /** Hide the visible "not available in …" note (it stays in the `title`); default false. */
  hideFallbackNote?: boolean;
}

/**
 * Renders metadata text in the chosen language. When the text falls back to another language it
 * carries its own `lang` and `dir`, `data-fallback="true"`, and a short note saying so in the
 * interface language (the note stays in the interface's direction). Renders nothing when no
 * language has text.
 * @example
 * <MultilingualText as="h1" value={dataset.title} />
 */
export function MultilingualText({
  value,
  as: Element = 'span',
  locale,
  fallbackOrder,
  hideFallbackNote = false,
  className,
  ...rest
}: MultilingualTextProps) {
  const i18n = useBayanI18n();
  const wanted = locale ?? i18n.locale;
  const picked = pickLanguage(value, wanted, fallbackOrder);
  if (!picked) return null;
  const classes = ['bayan-multilingual', className].filter(Boolean).join(' ');
  if (!picked.fallback) {
    return (
      <Element {...rest} className={classes} data-language={picked.language}>
        {picked.text}
      </Element>
    );
  }
  const note = i18n.t('multilingual.fallback', {
    wanted: i18n.t(`language.${wanted}`),
    shown: i18n.t(`language.${picked.language}`),
  });
  return (
    <Element {...rest} className={classes} data-language={picked.language} data-fallback="true">
      <span lang={picked.language} dir={directionOf(picked.language)} title={hideFallbackNote ? note : undefined}>
        {picked.text}
      </span>
      {hideFallbackNote ? null : (
        <>
          {' '}
          <small className="bayan-multilingual__note" data-part="fallback-note">
            ({note})
          </small>
        </>
      )}
    </Element>
  );
}
