import type { Catalog, StoredDataset } from '@bayan/catalog';
import { streamDcat, toDcat, toSchemaOrg, type DcatFormat } from '@bayan/dcat';
import type { Catalog as CatalogRecord } from '@bayan/schema';
import type { Context } from 'hono';
import { stream } from 'hono/streaming';
import { z } from 'zod';
import type { BayanApp, BayanEnv } from '../context';
import { ProblemError } from '../problem';
import { visibleDataset } from './datasets';
import { defineRoute } from './define';
import { errorResponses } from './schemas';

type RdfExtension = 'ttl' | 'jsonld' | 'rdf' | 'nt';

const FORMATS: Record<RdfExtension, { format: DcatFormat; type: string }> = {
  ttl: { format: 'turtle', type: 'text/turtle' },
  jsonld: { format: 'jsonld', type: 'application/ld+json' },
  rdf: { format: 'rdfxml', type: 'application/rdf+xml' },
  nt: { format: 'ntriples', type: 'application/n-triples' },
};

/** Picks an RDF serialisation from an Accept header; undefined when none is acceptable. */
export function negotiateRdf(accept: string | undefined): RdfExtension | 'json' | 'html' | undefined {
  if (!accept) return 'json';
  const prefs = accept
    .slice(0, 1000)
    .split(',')
    .map((part) => {
      const [type = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { type: type.trim(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((p) => p.q > 0)
    .sort((a, b) => b.q - a.q);
  const table: [string, RdfExtension | 'json' | 'html'][] = [
    ['text/turtle', 'ttl'],
    ['application/ld+json', 'jsonld'],
    ['application/rdf+xml', 'rdf'],
    ['application/n-triples', 'nt'],
    ['application/json', 'json'],
    ['text/html', 'html'],
    ['*/*', 'json'],
    ['application/*', 'json'],
  ];
  for (const p of prefs) {
    const hit = table.find(([t]) => t === p.type);
    if (hit) return hit[1];
  }
  return undefined;
}

const PAGE_SIZE = 100;
const MAX_PAGE = 2000;

/** Options of the DCAT feeds. */
export interface DcatOptions {
  baseUrl: string;
  catalog: Omit<CatalogRecord, 'datasets'>;
}

async function publishedPage(catalog: Catalog, page: number): Promise<StoredDataset[]> {
  // The catalogue pages by cursor; skip whole pages of ids to reach the requested one.
  let cursor: string | undefined;
  let toSkip = (page - 1) * PAGE_SIZE;
  while (toSkip > 0) {
    const skip = await catalog.datasets.list({ state: 'published', limit: Math.min(1000, toSkip), cursor });
    toSkip -= skip.items.length;
    cursor = skip.nextCursor;
    if (cursor === undefined) return [];
  }
  return (await catalog.datasets.list({ state: 'published', limit: PAGE_SIZE, cursor })).items;
}

/** Registers /catalog.{ttl,jsonld,rdf,nt}, /dataset/{id}.{ttl,jsonld,rdf,nt} and /dataset/{id} (negotiated). */
export function registerDcatRoutes(app: BayanApp, catalog: Catalog, options: DcatOptions): void {
  const base = options.baseUrl.replace(/\/+$/, '');
  const pageQuery = z.object({ page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1) });

  for (const [ext, { format, type }] of Object.entries(FORMATS)) {
    defineRoute(
      app,
      {
        method: 'get',
        path: `/catalog.${ext}`,
        tag: 'dcat',
        summary: `The catalogue as DCAT-AP 3 (${type}), ${PAGE_SIZE} datasets per page with Hydra paging`,
        query: pageQuery,
        responses: { 200: { description: `DCAT-AP (${type})`, schema: z.string(), contentType: type }, 422: errorResponses[422] },
      },
      async (c, { query }) => {
        const totalItems = (await catalog.search({ facets: [], limit: 1 })).total;
        const last = Math.max(1, Math.ceil(totalItems / PAGE_SIZE));
        const url = (n: number) => `${base}/catalog.${ext}?page=${n}`;
        const datasets = query.page > last ? [] : await publishedPage(catalog, query.page);
        c.header('content-type', `${type}; charset=utf-8`);
        return stream(c, async (s) => {
          for await (const chunk of streamDcat(
            datasets.map((d) => d.record),
            {
              format,
              baseUri: base,
              catalog: options.catalog,
              page: {
                url: url(query.page),
                first: url(1),
                last: url(last),
                ...(query.page < last ? { next: url(query.page + 1) } : {}),
                ...(query.page > 1 ? { previous: url(query.page - 1) } : {}),
                itemsPerPage: PAGE_SIZE,
                totalItems,
              },
            },
          )) {
            await s.write(chunk);
          }
        });
      },
    );
  }

  const datasetDocument = async (c: Context<BayanEnv>, id: string, ext: string): Promise<Response> => {
    const dataset = await visibleDataset(c, catalog, id);
    if (!Object.hasOwn(FORMATS, ext)) throw new ProblemError('not-found');
    const f = FORMATS[ext as RdfExtension];
    const body = await toDcat(dataset.record, { format: f.format, baseUri: base });
    return c.body(body, 200, { 'content-type': `${f.type}; charset=utf-8`, vary: 'Accept' });
  };

  app.get('/dataset/:file{[^/]+\\.(?:ttl|jsonld|rdf|nt)}', async (c) => {
    const file = c.req.param('file');
    const dot = file.lastIndexOf('.');
    return datasetDocument(c, file.slice(0, dot).slice(0, 200), file.slice(dot + 1));
  });
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/dataset/{id}',
    tags: ['dcat'],
    summary: 'A dataset by content negotiation: Turtle, JSON-LD, RDF/XML, N-Triples, or Bayan JSON; also /dataset/{id}.{ttl,jsonld,rdf,nt}',
    request: { params: z.object({ id: z.string().max(200) }) },
    responses: { 200: { description: 'The dataset in the negotiated format' }, 404: { description: 'Not found' }, 406: { description: 'No acceptable format' } },
  });
  app.get('/dataset/:id', async (c) => {
    const id = c.req.param('id').slice(0, 200);
    const choice = negotiateRdf(c.req.header('accept'));
    if (choice === undefined) throw new ProblemError('not-acceptable');
    if (choice === 'json' || choice === 'html') {
      const dataset = await visibleDataset(c, catalog, id);
      if (choice === 'html') return c.redirect(`/datasets/${encodeURIComponent(dataset.slug)}`, 303);
      c.header('vary', 'Accept');
      return c.json(dataset);
    }
    return datasetDocument(c, id, choice);
  });

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/datasets/{id}/schema-org',
      tag: 'dcat',
      summary: 'schema.org Dataset JSON-LD for the portal’s pages (search engines)',
      params: z.object({ id: z.string().min(1).max(200) }),
      responses: { 200: { description: 'schema.org JSON-LD', schema: z.record(z.string(), z.unknown()), contentType: 'application/ld+json' }, 404: errorResponses[404] },
    },
    async (c, { params }) => {
      const dataset = await visibleDataset(c, catalog, params.id);
      const doc = toSchemaOrg(dataset.record, { baseUri: base, language: c.get('lang'), catalog: { name: options.catalog.title.fr ?? 'Bayan', url: base } });
      return c.body(JSON.stringify(doc), 200, { 'content-type': 'application/ld+json; charset=utf-8' });
    },
  );
}
