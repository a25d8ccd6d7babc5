import { AlternateLanguageLinks, BayanProvider, LanguageSwitcher, directionOf, type Locale } from '@bayan/ui';
import type { PageContext, Page } from './context';

// An inline icon, so browsers do not ask for /favicon.ico.
const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='6' fill='%230b5d4b'/%3E%3Ctext x='16' y='23' font-size='20' text-anchor='middle' fill='white' font-family='sans-serif'%3EB%3C/text%3E%3C/svg%3E";

export interface Assets {
  styles: string[];
  scripts: string[];
}

/** Swaps the locale segment of a portal path (`/fr/search?q=x` → `/ar/search?q=x`). */
export function pathInLocale(path: string, locale: Locale): string {
  return path.replace(/^\/(fr|ar|en)(?=\/|$|\?)/, `/${locale}`);
}

/** The whole HTML document of a page. */
export function Document({ ctx, page, assets }: { ctx: PageContext; page: Page; assets: Assets }) {
  const { locale, t, origin } = ctx;
  const here = ctx.url.pathname + ctx.url.search;
  const pathIn = page.pathIn ?? ((l: Locale) => pathInLocale(here, l));
  const canonical = origin + (page.canonicalPath ?? pathIn(locale));
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${page.title} · ${t('site.name')}`}</title>
        {page.description ? <meta name="description" content={page.description} /> : null}
        {page.noindex ? <meta name="robots" content="noindex" /> : null}
        <link rel="icon" href={FAVICON} />
        <link rel="canonical" href={canonical} />
        <AlternateLanguageLinks hrefFor={(l) => origin + pathIn(l)} />
        <meta property="og:type" content="website" />
        <meta property="og:site_name" content={t('site.name')} />
        <meta property="og:title" content={page.title} />
        {page.description ? <meta property="og:description" content={page.description} /> : null}
        <meta property="og:url" content={canonical} />
        <meta property="og:locale" content={{ fr: 'fr_MA', ar: 'ar_MA', en: 'en_US' }[locale]} />
        {assets.styles.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        {(page.jsonLd ?? []).map((doc, i) => (
          <script
            key={i}
            type="application/ld+json"
            // JSON-LD must be raw JSON; `<` is escaped so the data cannot close the script element.
            dangerouslySetInnerHTML={{ __html: JSON.stringify(doc).replace(/</g, '\\u003c') }}
          />
        ))}
      </head>
      <body>
        <BayanProvider locale={locale}>
          {page.bare ? (
            <main id="main" className="portal-main portal-main--bare">
              {page.body}
            </main>
          ) : (
          <>
          <a className="portal-skip" href="#main">
            {t('skip')}
          </a>
          <header className="portal-header">
            <a className="portal-brand" href={`/${locale}`}>
              {t('site.name')}
            </a>
            <nav aria-label={t('nav.label')} className="portal-nav">
              <ul>
                <li><a href={`/${locale}/search`}>{t('nav.search')}</a></li>
                <li><a href={`/${locale}/organizations`}>{t('nav.organizations')}</a></li>
                <li><a href={`/${locale}/themes`}>{t('nav.themes')}</a></li>
                <li><a href={`/${locale}/api`}>{t('nav.api')}</a></li>
                <li><a href={`/${locale}/about`}>{t('nav.about')}</a></li>
              </ul>
            </nav>
            <LanguageSwitcher hrefFor={(l) => pathIn(l)} />
          </header>
          <main id="main" tabIndex={-1} className="portal-main">
            {page.body}
          </main>
          <footer className="portal-footer">
            <p>{t('footer.licence')}</p>
            <p>
              <a href={`/${locale}/api`}>{t('nav.api')}</a> · <a href="/catalog.ttl">DCAT-AP</a> · <a href="/sitemap.xml">sitemap.xml</a>
            </p>
          </footer>
          </>
          )}
        </BayanProvider>
        {page.islands
          ? assets.scripts.map((src) => <script key={src} type="module" src={src} />)
          : null}
      </body>
    </html>
  );
}
