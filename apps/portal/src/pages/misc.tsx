import { MultilingualText, OpennessStars, formatMessage, type QualityBand } from '@bayan/ui';
import type { Page, PageContext } from '../context';
import { themeCodes, themeLabel } from '../vocab';
import { DatasetCards, organizationMap, organizationPath } from './shared';

export function notFoundPage(ctx: PageContext, detail?: string): Page {
  const { t, locale } = ctx;
  return {
    status: 404,
    title: t('error.title'),
    noindex: true,
    body: (
      <>
        <h1>{t('error.title')}</h1>
        <p>{detail ?? t('error.body')}</p>
        <p>
          <a href={`/${locale}`}>{t('nav.home')}</a> · <a href={`/${locale}/search`}>{t('nav.search')}</a>
        </p>
      </>
    ),
  };
}

export function errorPage(ctx: PageContext): Page {
  return { status: 502, title: ctx.t('error.server'), noindex: true, body: <><h1>{ctx.t('error.server')}</h1><p><a href={`/${ctx.locale}`}>{ctx.t('nav.home')}</a></p></> };
}

export async function organizationsPage(ctx: PageContext): Promise<Page> {
  const { t, locale, api } = ctx;
  const [orgs, counts] = await Promise.all([api.organizations(), api.search({ limit: 1, facets: ['organization'] })]);
  const count = new Map((counts.facets.organization ?? []).map((f) => [f.value, f.count]));
  return {
    title: t('org.title'),
    body: (
      <>
        <h1>{t('org.title')}</h1>
        <ul className="portal-list">
          {orgs.map((o) => (
            <li key={o.id}>
              <a href={organizationPath(locale, o)}>
                <MultilingualText value={o.record.name} />
              </a>{' '}
              <span className="portal-count">({formatMessage(locale, 'datasets.count', { count: count.get(o.id) ?? 0 })})</span>
            </li>
          ))}
        </ul>
      </>
    ),
  };
}

const BANDS: QualityBand[] = ['excellent', 'good', 'sufficient', 'bad'];

export async function organizationPage(ctx: PageContext, idOrSlug: string): Promise<Page> {
  const { t, locale, api } = ctx;
  const org = await api.organization(idOrSlug);
  if (!org) return notFoundPage(ctx, t('org.notFound'));
  const [scorecard, datasets, orgs] = await Promise.all([
    api.scorecard(org.id),
    api.search({ filters: { organization: [org.id] }, sort: 'modified', order: 'desc', limit: 50, facets: ['theme'] }),
    organizationMap(ctx),
  ]);
  const name = typeof org.record.name === 'string' ? org.record.name : (org.record.name[locale] ?? Object.values(org.record.name)[0] ?? org.id);
  const bandCount = new Map((scorecard?.quality ?? []).map((q) => [q.value, q.count]));
  const stars = [...(scorecard?.openness ?? [])].sort((a, b) => Number(b.value) - Number(a.value));
  return {
    title: name,
    description: typeof org.record.description === 'string' ? org.record.description : org.record.description?.[locale],
    body: (
      <>
        <MultilingualText as="h1" value={org.record.name} />
        {org.record.acronym ? <p className="portal-lead">{org.record.acronym}</p> : null}
        <MultilingualText as="p" value={org.record.description} />
        {org.record.homepage ? (
          <p>
            {t('org.homepage')} : <a href={org.record.homepage}>{org.record.homepage}</a>
          </p>
        ) : null}
        <section aria-labelledby="scorecard-title">
          <h2 id="scorecard-title">{t('org.scorecard')}</h2>
          <p>{formatMessage(locale, 'datasets.count', { count: scorecard?.published ?? datasets.total })}</p>
          <table className="portal-table">
            <caption>{t('org.scorecard.band')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('org.scorecard.band')}</th>
                <th scope="col">{t('org.scorecard.count')}</th>
              </tr>
            </thead>
            <tbody>
              {BANDS.map((band) => (
                <tr key={band} data-band={band}>
                  <th scope="row">{formatMessage(locale, `quality.band.${band}`)}</th>
                  <td>{bandCount.get(band) ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="portal-table">
            <caption>{t('org.scorecard.stars')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('org.scorecard.stars')}</th>
                <th scope="col">{t('org.scorecard.count')}</th>
              </tr>
            </thead>
            <tbody>
              {stars.map((s) => (
                <tr key={s.value}>
                  <th scope="row"><OpennessStars stars={Number(s.value)} /></th>
                  <td>{s.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="org-datasets">
          <h2 id="org-datasets">{t('org.datasets')}</h2>
          <DatasetCards ctx={ctx} items={datasets.items} orgs={orgs} />
          {datasets.total > datasets.items.length ? (
            <p><a href={`/${locale}/search?organization=${encodeURIComponent(org.id)}`}>{t('home.seeAll')}</a></p>
          ) : null}
        </section>
      </>
    ),
  };
}

export async function themesPage(ctx: PageContext): Promise<Page> {
  const { t, locale, api } = ctx;
  const result = await api.search({ limit: 1, facets: ['theme'] });
  const count = new Map((result.facets.theme ?? []).map((f) => [f.value, f.count]));
  return {
    title: t('theme.title'),
    body: (
      <>
        <h1>{t('theme.title')}</h1>
        <ul className="portal-list">
          {themeCodes.map((code) => (
            <li key={code}>
              <a href={`/${locale}/themes/${code}`}>{themeLabel(code, locale)}</a>{' '}
              <span className="portal-count">({formatMessage(locale, 'datasets.count', { count: count.get(code) ?? 0 })})</span>
            </li>
          ))}
        </ul>
      </>
    ),
  };
}

export async function themePage(ctx: PageContext, code: string): Promise<Page> {
  const { locale, api } = ctx;
  if (!themeCodes.includes(code)) return notFoundPage(ctx);
  const [result, orgs] = await Promise.all([api.search({ filters: { theme: [code] }, sort: 'modified', order: 'desc', limit: 50, facets: ['theme'] }), organizationMap(ctx)]);
  const name = themeLabel(code, locale);
  return {
    title: name,
    body: (
      <>
        <h1>{name}</h1>
        <p>{formatMessage(locale, 'datasets.count', { count: result.total })}</p>
        <DatasetCards ctx={ctx} items={result.items} orgs={orgs} headingLevel={2} />
        <p><a href={`/${locale}/search?theme=${code}`}>{ctx.t('home.seeAll')}</a></p>
      </>
    ),
  };
}

interface OpenApiOperation {
  summary?: string;
  tags?: string[];
}

export async function apiPage(ctx: PageContext): Promise<Page> {
  const { t } = ctx;
  const doc = await ctx.api.openapi();
  const paths = (doc.paths ?? {}) as Record<string, Record<string, OpenApiOperation>>;
  const operations = Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => ({ path, method: method.toUpperCase(), summary: op.summary ?? '', tag: op.tags?.[0] ?? '' })),
  );
  return {
    title: t('api.title'),
    body: (
      <>
        <h1>{t('api.title')}</h1>
        <p>{t('api.intro')}</p>
        <ul className="portal-inline">
          <li><a href="/api/v1/openapi.json">{t('api.document')}</a></li>
          <li><a href="/api/v1/reference">{t('api.reference')}</a></li>
          <li><a href="/api/3/action/status_show">CKAN</a></li>
          <li><a href="/catalog.ttl">DCAT-AP</a></li>
        </ul>
        <table className="portal-table">
          <caption>{t('api.operations')}</caption>
          <thead>
            <tr>
              <th scope="col">HTTP</th>
              <th scope="col">URL</th>
              <th scope="col">{t('api.operations')}</th>
            </tr>
          </thead>
          <tbody>
            {operations.map((op) => (
              <tr key={`${op.method} ${op.path}`}>
                <td><code>{op.method}</code></td>
                <td dir="ltr"><code>{op.path}</code></td>
                <td lang="en">{op.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </>
    ),
  };
}

export function aboutPage(ctx: PageContext): Page {
  const { t } = ctx;
  return { title: t('about.title'), body: <><h1>{t('about.title')}</h1><p>{t('about.body')}</p></> };
}
