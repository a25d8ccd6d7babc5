import { MultilingualText } from '@bayan/ui';
import { SearchBox } from '@bayan/ui';
import type { Page, PageContext } from '../context';
import { codeOf, themeLabel } from '../vocab';
import { DatasetCards, organizationMap, organizationPath } from './shared';

export async function homePage(ctx: PageContext): Promise<Page> {
  const { t, locale, api } = ctx;
  const [latest, best, orgs] = await Promise.all([
    api.search({ sort: 'modified', order: 'desc', limit: 6, facets: ['theme', 'organization'] }),
    api.search({ sort: 'quality', order: 'desc', limit: 3, facets: ['format'] }),
    organizationMap(ctx),
  ]);
  const themes = latest.facets.theme ?? [];
  const producers = (latest.facets.organization ?? []).filter((o) => orgs.has(o.value));
  return {
    title: t('home.title'),
    description: t('site.tagline'),
    body: (
      <>
        <section className="portal-hero" aria-labelledby="home-title">
          <h1 id="home-title">{t('home.title')}</h1>
          <p>{t('site.tagline')}</p>
          <SearchBox action={`/${locale}/search`} />
        </section>
        <section aria-labelledby="home-figures">
          <h2 id="home-figures">{t('home.figures')}</h2>
          <ul className="portal-figures">
            <li>{t('home.figure.datasets', { count: latest.total })}</li>
            <li>{t('home.figure.producers', { count: orgs.size })}</li>
            <li>{t('home.figure.themes', { count: themes.length })}</li>
          </ul>
        </section>
        <section aria-labelledby="home-themes">
          <h2 id="home-themes">{t('home.themes')}</h2>
          <ul className="portal-chips">
            {themes.map((th) => (
              <li key={th.value}>
                <a href={`/${locale}/themes/${encodeURIComponent(codeOf(th.value))}`}>
                  {themeLabel(th.value, locale)} <span className="portal-count">({th.count})</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="home-latest">
          <h2 id="home-latest">{t('home.latest')}</h2>
          <DatasetCards ctx={ctx} items={latest.items} orgs={orgs} />
          <p>
            <a href={`/${locale}/search`}>{t('home.seeAll')}</a>
          </p>
        </section>
        <section aria-labelledby="home-popular">
          <h2 id="home-popular">{t('home.popular')}</h2>
          <DatasetCards ctx={ctx} items={best.items} orgs={orgs} />
        </section>
        <section aria-labelledby="home-producers">
          <h2 id="home-producers">{t('home.producers')}</h2>
          <ul className="portal-chips">
            {producers.map((p) => {
              const org = orgs.get(p.value)!;
              return (
                <li key={p.value}>
                  <a href={organizationPath(locale, org)}>
                    <MultilingualText value={org.record.name} hideFallbackNote /> <span className="portal-count">({p.count})</span>
                  </a>
                </li>
              );
            })}
          </ul>
        </section>
      </>
    ),
  };
}
