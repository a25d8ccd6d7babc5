import { useBayanI18n } from './BayanProvider';
import { directionOf, locales as allLocales } from './locale';
import type { Locale } from './locale';

/**
 * Each locale's name in its own language, as a language menu shows it.
 * @example
 * languageNames.ar; // 'العربية'
 */
export const languageNames: Readonly<Record<Locale, string>> = { fr: 'Français', ar: 'العربية', en: 'English' };

/** Props of {@link LanguageSwitcher}. */
export interface LanguageSwitcherProps {
  /** URL of the current page in another locale. */
  hrefFor: (locale: Locale) => string;
  /** Locales offered; default fr, ar, en. */
  locales?: readonly Locale[];
  className?: string;
}

/**
 * Links to the current page in each language, inside a labelled `<nav>`. Each link is named in
 * its own language with matching `lang`, `dir` and `hrefLang`; the current one has
 * `aria-current="true"` and `data-state="active"`. Plain links: it works without JavaScript.
 * @example
 * <LanguageSwitcher hrefFor={(locale) => `/${locale}/datasets/budget-2026`} />
 */
export function LanguageSwitcher({ hrefFor, locales = allLocales, className }: LanguageSwitcherProps) {
  const { t, locale: current } = useBayanI18n();
  return (
    <nav aria-label={t('languageSwitcher.label')} className={['bayan-languages', className].filter(Boolean).join(' ')}>
      <ul className="bayan-languages__list">
        {locales.map((locale) => (
          <li key={locale}>
            <a
              href={hrefFor(locale)}
              hrefLang={locale}
              lang={locale}
              dir={directionOf(locale)}
              aria-current={locale === current ? 'true' : undefined}
              data-state={locale === current ? 'active' : 'inactive'}
              className="bayan-languages__link"
            >
              {languageNames[locale]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Props of {@link AlternateLanguageLinks}. */
export interface AlternateLanguageLinksProps {
  /** Absolute URL of the current page in a locale. */
  hrefFor: (locale: Locale) => string;
  /** Locale that `x-default` points to; default `fr`. */
  defaultLocale?: Locale;
  locales?: readonly Locale[];
}

/**
 * `<link rel="alternate" hreflang>` tags for the document head (search engines), including
 * `x-default`.
 * @example
 * <head><AlternateLanguageLinks hrefFor={(l) => `https://data.example.ma/${l}/search`} /></head>
 */
export function AlternateLanguageLinks({ hrefFor, defaultLocale = 'fr', locales = allLocales }: AlternateLanguageLinksProps) {
  return (
    <>
      {locales.map((locale) => (
        <link key={locale} rel="alternate" hrefLang={locale} href={hrefFor(locale)} />
      ))}
      <link rel="alternate" hrefLang="x-default" href={hrefFor(defaultLocale)} />
    </>
  );
}
