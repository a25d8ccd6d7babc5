import { MultilingualText, formatDate as formatUiDate, formatMessage, OpennessStars, QualityBadge, QualityBreakdown, ResourceList, pickLanguage, type DataTableColumn } from '@bayan/ui';
import type { DatastoreField, Distribution, StoredDataset } from '../api';
import type { Page, PageContext } from '../context';
import { ChartIsland } from '../islands/ChartIsland';
import { chartSeries, previewRows, readSort, writeSort, type QueryFn } from '../islands/datastore';
import { PreviewIsland } from '../islands/PreviewIsland';
import { Island } from '../islands/render';
import type { ChartBuilderProps, ChartKindName, PreviewProps } from '../islands/types';
import { codeOf, formatName, frequencyLabel, licenceMessage, themeLabel } from '../vocab';
import { datasetPath, organizationPath } from './shared';
import { notFoundPage } from './misc';

const PAGE_SIZE = 20;
const NUMERIC = new Set(['integer', 'number', 'float', 'numeric', 'int', 'bigint', 'double']);

function columnType(field: DatastoreField): DataTableColumn['type'] {
  if (NUMERIC.has(field.type)) return 'number';
  if (field.type === 'date' || field.type === 'datetime') return 'date';
  return 'string';
}

/** The first distribution that has a ready datastore table, with its fields. */
async function previewSource(ctx: PageContext, dataset: StoredDataset): Promise<{ resourceId: string; distribution: Distribution; fields: DatastoreField[] } | undefined> {
  for (const distribution of dataset.record.distributions ?? []) {
    const resourceId = `${dataset.id}/${distribution.id}`;
    const info = await ctx.api.datastore(resourceId);
    if (info && info.status === 'ready' && info.fields.length > 0) return { resourceId, distribution, fields: info.fields };
  }
  return undefined;
}

function Snippet({ label, code }: { label: string; code: string }) {
  return (
    <figure className="portal-snippet">
      <figcaption>{label}</figcaption>
      <pre>
        <code>{code}</code>
      </pre>
    </figure>
  );
}

export async function datasetPage(ctx: PageContext, idOrSlug: string, options: { embed?: boolean } = {}): Promise<Page> {
  const { t, locale, api, origin, url } = ctx;
  const dataset = await api.dataset(idOrSlug);
  if (!dataset) return notFoundPage(ctx, t('dataset.notFound'));
  const record = dataset.record;
  const [quality, schemaOrg, org, source] = await Promise.all([
    api.quality(dataset.id),
    api.schemaOrg(dataset.id),
    record.organizationId ? api.organization(record.organizationId) : Promise.resolve(undefined),
    previewSource(ctx, dataset),
  ]);
  const path = datasetPath(locale, dataset);
  const query: QueryFn = (resourceId, body) => api.query(resourceId, body);
  const params = url.searchParams;
  const title = pickLanguage(record.title, locale)?.text ?? dataset.id;
  const description = pickLanguage(record.description, locale)?.text;

  // Chart state from the URL (shareable), defaults: first text column by first numeric column.
  let chart: ChartBuilderProps | undefined;
  let preview: PreviewProps | undefined;
  if (source) {
    const keys = source.fields.map((f) => f.name);
    const numeric = source.fields.filter((f) => NUMERIC.has(f.type)).map((f) => f.name);
    const kindParam = params.get('chart');
    const kind: ChartKindName = kindParam === 'line' || kindParam === 'pie' ? kindParam : 'bar';
    const x = keys.includes(params.get('x') ?? '') ? params.get('x')! : (source.fields.find((f) => !NUMERIC.has(f.type))?.name ?? keys[0]!);
    const y = numeric.includes(params.get('y') ?? '') ? params.get('y')! : numeric[0];
    const chartKeep: Record<string, string> = params.has('chart') ? { chart: kind, x, ...(y ? { y } : {}) } : {};
    const sort = readSort(params.get('sort'), keys);
    const filter = (params.get('filter') ?? '').slice(0, 200);
    const pageNumber = Math.min(Math.max(Number.parseInt(params.get('page') ?? '1', 10) || 1, 1), 500);
    // The chart's aggregate and the preview page are independent queries: run them together.
    const [series, rows] = await Promise.all([
      y ? chartSeries(query, source.resourceId, x, y) : undefined,
      options.embed ? undefined : previewRows(query, source.resourceId, { page: pageNumber, pageSize: PAGE_SIZE, sort, filter }),
    ]);
    if (y && series) {
      chart = {
        locale,
        resourceId: source.resourceId,
        columns: source.fields.map((f) => ({ key: f.name, label: f.name, numeric: NUMERIC.has(f.type) })),
        kind,
        x,
        y,
        ...series,
        pageUrl: origin + path,
        embedUrl: `${origin}${path}/embed`,
        path,
        keep: {},
        labels: {
          kind: t('dataset.chart.kind'),
          x: t('dataset.chart.x'),
          y: t('dataset.chart.y'),
          draw: t('dataset.chart.draw'),
          title: t('dataset.chart.title', { x: '{x}', y: '{y}' }),
          share: t('dataset.chart.share'),
          embed: t('dataset.chart.embed'),
          kinds: chartKindLabels(locale),
        },
      };
    }
    if (rows) {
      preview = {
        locale,
        resourceId: source.resourceId,
        caption: t('dataset.previewCaption', { title, count: rows.total }),
        columns: source.fields.map((f) => ({ key: f.name, header: f.name, type: columnType(f) })),
        rows: rows.rows,
        total: rows.total,
        page: pageNumber,
        pageSize: PAGE_SIZE,
        sort,
        filter,
        path,
        keep: chartKeep,
      };
      if (chart) chart.keep = { ...(filter ? { filter } : {}), ...(sort ? { sort: writeSort(sort)! } : {}) };
    }
  }

  if (options.embed) {
    return {
      title,
      noindex: true,
      bare: true,
      islands: false,
      body: chart ? <ChartIsland config={chart} /> : <p>{t('dataset.chart.none')}</p>,
    };
  }

  const details = quality?.details;
  const licence = record.distributions?.find((d) => d.license)?.license ?? record.license;
  const resources = (record.distributions ?? []).map((d) => ({
    id: d.id,
    title: d.title ?? formatName(d.format, d.mediaType) ?? d.id,
    url: d.downloadUrl ?? d.accessUrl ?? '#',
    format: formatName(d.format, d.mediaType),
    byteSize: d.byteSize,
    modified: d.modified,
    description: d.description,
  }));
  const apiPath = `/api/v1/datasets/${encodeURIComponent(dataset.id)}`;
  // Cached formatters from @bayan/ui (Moroccan month names in ar-MA); a new Intl formatter per call costs ~1 ms.
  const formatDate = (value: string) => formatUiDate(value, locale, { style: 'long', timeZone: 'UTC' });
  return {
    title,
    description,
    islands: Boolean(source),
    canonicalPath: path,
    jsonLd: schemaOrg ? [schemaOrg] : [],
    body: (
      <article className="portal-dataset" aria-labelledby="dataset-title">
        <nav aria-label={t('breadcrumb')} className="portal-breadcrumb">
          <ol>
            <li><a href={`/${locale}`}>{t('nav.home')}</a></li>
            <li><a href={`/${locale}/search`}>{t('nav.search')}</a></li>
            <li aria-current="page">{title}</li>
          </ol>
        </nav>
        <MultilingualText as="h1" id="dataset-title" value={record.title} />
        <MultilingualText as="p" value={record.description} className="portal-lead" />
        <div className="portal-dataset__summary">
          {quality ? (
            <>
              {details ? <QualityBadge total={details.total} max={details.max} band={quality.band} /> : null}
              <OpennessStars stars={quality.openness} showDescription />
            </>
          ) : null}
        </div>
        <section aria-labelledby="about-title">
          <h2 id="about-title">{t('dataset.about')}</h2>
          <dl className="portal-facts">
            <dt>{t('dataset.producer')}</dt>
            <dd>{org ? <a href={organizationPath(locale, org)}><MultilingualText value={org.record.name} /></a> : <MultilingualText value={record.publisher?.name} />}</dd>
            <dt>{t('dataset.licence')}</dt>
            <dd>{t(licenceMessage(licence))}{licence ? <> (<a href={licence}>{codeOf(licence)}</a>)</> : null}</dd>
            {record.issued ? (<><dt>{t('dataset.issued')}</dt><dd><time dateTime={record.issued}>{formatDate(record.issued)}</time></dd></>) : null}
            {record.modified ? (<><dt>{t('dataset.modified')}</dt><dd><time dateTime={record.modified}>{formatDate(record.modified)}</time></dd></>) : null}
            {record.frequency ? (<><dt>{t('dataset.frequency')}</dt><dd>{frequencyLabel(record.frequency, locale)}</dd></>) : null}
            {record.spatial?.length ? (<><dt>{t('dataset.coverage')}</dt><dd>{record.spatial.map((s, i) => <MultilingualText key={i} value={s.label} />)}</dd></>) : null}
            {record.temporal?.length ? (<><dt>{t('dataset.period')}</dt><dd>{record.temporal.map((p) => [p.start, p.end].filter(Boolean).join(' – ')).join(', ')}</dd></>) : null}
            {record.themes?.length ? (
              <>
                <dt>{t('dataset.themes')}</dt>
                <dd>
                  <ul className="portal-inline">
                    {record.themes.map((th) => (<li key={th}><a href={`/${locale}/themes/${encodeURIComponent(codeOf(th))}`}>{themeLabel(th, locale)}</a></li>))}
                  </ul>
                </dd>
              </>
            ) : null}
            {record.keywords ? (
              <>
                <dt>{t('dataset.keywords')}</dt>
                <dd>
                  <ul className="portal-inline">
                    {(record.keywords[locale] ?? Object.values(record.keywords).find((k) => k && k.length > 0) ?? []).map((k) => (
                      <li key={k}><a href={`/${locale}/search?q=${encodeURIComponent(k)}`}>{k}</a></li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
          </dl>
        </section>
        <section aria-labelledby="resources-title">
          <h2 id="resources-title">{t('dataset.resources')}</h2>
          <ResourceList resources={resources} />
        </section>
        <section id="preview" aria-labelledby="preview-title">
          <h2 id="preview-title">{t('dataset.preview')}</h2>
          {preview ? <Island name="preview" locale={locale} props={preview}><PreviewIsland config={preview} /></Island> : <p>{t('dataset.noPreview')}</p>}
        </section>
        <section id="chart" aria-labelledby="chart-title">
          <h2 id="chart-title">{t('dataset.chart')}</h2>
          {chart ? <Island name="chart" locale={locale} props={chart}><ChartIsland config={chart} /></Island> : <p>{t('dataset.chart.none')}</p>}
        </section>
        {details ? (
          <section aria-labelledby="quality-title">
            <h2 id="quality-title">{t('dataset.quality')}</h2>
            <QualityBreakdown total={details.total} max={details.max} band={quality?.band} dimensions={details.dimensions} hints={details.hints ?? []} headingLevel={3} />
          </section>
        ) : null}
        <section aria-labelledby="api-title">
          <h2 id="api-title">{t('dataset.api')}</h2>
          <Snippet label={t('dataset.api.curl')} code={`curl -H 'Accept: application/json' '${origin}${apiPath}'`} />
          <Snippet
            label={t('dataset.api.js')}
            code={`const response = await fetch('${origin}${apiPath}');\nconst dataset = await response.json();\nconsole.log(dataset.record.title.${locale});`}
          />
          <Snippet label={t('dataset.api.ckan')} code={`curl '${origin}/api/3/action/package_show?id=${encodeURIComponent(dataset.slug)}'${source ? `\ncurl '${origin}/api/3/action/datastore_search?resource_id=${encodeURIComponent(source.resourceId)}&limit=5'` : ''}`} />
        </section>
        <section aria-labelledby="dcat-title">
          <h2 id="dcat-title">{t('dataset.dcat')}</h2>
          <ul className="portal-inline">
            {(['ttl', 'jsonld', 'rdf'] as const).map((ext) => (
              <li key={ext}>
                <a href={`/dataset/${encodeURIComponent(dataset.slug)}.${ext}`} type={{ ttl: 'text/turtle', jsonld: 'application/ld+json', rdf: 'application/rdf+xml' }[ext]}>
                  {{ ttl: 'Turtle', jsonld: 'JSON-LD', rdf: 'RDF/XML' }[ext]}
                </a>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t('dataset.history')}</h2>
          <ol className="portal-history">
            {dataset.updatedAt && dataset.revision ? <li>{t('dataset.revision', { revision: dataset.revision, date: formatDate(dataset.updatedAt) })}</li> : null}
            {dataset.createdAt ? <li>{t('dataset.created', { date: formatDate(dataset.createdAt) })}</li> : null}
          </ol>
        </section>
      </article>
    ),
  };
}

function chartKindLabels(locale: PageContext['locale']): Record<ChartKindName, string> {
  return { bar: formatMessage(locale, 'chart.kind.bar'), line: formatMessage(locale, 'chart.kind.line'), pie: formatMessage(locale, 'chart.kind.pie') };
}
