import type { Catalog, DatastoreFilter, DatastoreQuery, DatastoreResult } from '@bayan/catalog';
import type { Context } from 'hono';
import { z } from 'zod';
import type { BayanApp, BayanEnv } from '../context';
import { ProblemError } from '../problem';
import { validationProblem } from '../validation';
import { visibleDataset } from './datasets';
import { defineRoute } from './define';
import { catalogProblem, jsonBody } from './guards';
import { errorResponses } from './schemas';

const scalar = z.union([z.string().max(1000), z.number(), z.boolean()]);
const filterSchema = z.union([
  z.object({ field: z.string().max(200), op: z.enum(['eq', 'neq', 'lt', 'lte', 'gt', 'gte']), value: scalar }),
  z.object({ field: z.string().max(200), op: z.literal('in'), value: z.array(scalar).max(100) }),
  z.object({ field: z.string().max(200), op: z.literal('between'), value: z.tuple([z.union([z.string().max(100), z.number()]), z.union([z.string().max(100), z.number()])]) }),
  z.object({ field: z.string().max(200), op: z.literal('contains'), value: z.string().max(200) }),
  z.object({ field: z.string().max(200), op: z.enum(['null', 'notNull']) }),
]);

/** The constrained JSON query language of the datastore, as the API accepts it. */
export const datastoreQuerySchema = z
  .strictObject({
    fields: z.array(z.string().max(200)).max(200).optional(),
    filters: z.array(filterSchema).max(50).optional(),
    q: z.string().max(500).optional(),
    sort: z.array(z.object({ field: z.string().max(200), order: z.enum(['asc', 'desc']).optional() })).max(10).optional(),
    groupBy: z.array(z.string().max(200)).max(10).optional(),
    aggregates: z.array(z.object({ op: z.enum(['count', 'sum', 'avg', 'min', 'max']), field: z.string().max(200).optional(), as: z.string().max(100).optional() })).max(20).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
    cursor: z.string().max(1000).optional(),
    count: z.boolean().optional(),
  })
  .meta({ id: 'DatastoreQuery' });

const CKAN_TYPES: Record<string, string> = { string: 'text', integer: 'int', number: 'numeric', boolean: 'bool', date: 'date', datetime: 'timestamp', year: 'int' };
const MAX_OFFSET = 50_000;

/** Runs a datastore query on a resource the request may see. */
async function queryVisible(c: Context<BayanEnv>, catalog: Catalog, resourceId: string, query: DatastoreQuery): Promise<DatastoreResult> {
  const info = await catalog.datastore.info(resourceId);
  if (!info || info.status !== 'ready') throw new ProblemError('not-found');
  if (info.datasetId) await visibleDataset(c, catalog, info.datasetId);
  const result = await catalog.datastore.query(resourceId, query);
  if (!result.ok) throw catalogProblem(result.errors);
  return result.value;
}

function ckanFilters(raw: unknown): DatastoreFilter[] {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new ProblemError('validation', { errors: [{ pointer: '/filters', code: 'invalid', message: { fr: 'filters doit être un objet JSON', ar: 'يجب أن يكون filters كائن JSON', en: 'filters must be a JSON object' } }] });
    }
  }
  if (value === undefined || value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value)) throw new ProblemError('validation', { errors: [{ pointer: '/filters', code: 'invalid', message: { fr: 'filters doit être un objet', ar: 'يجب أن يكون filters كائنا', en: 'filters must be an object' } }] });
  return Object.entries(value as Record<string, unknown>)
    .slice(0, 50)
    .map(([field, v]): DatastoreFilter => (Array.isArray(v) ? { field, op: 'in', value: v.slice(0, 100) as (string | number | boolean)[] } : { field, op: 'eq', value: v as string | number | boolean }));
}

function listOf(raw: unknown): string[] | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (Array.isArray(raw)) return raw.map(String).slice(0, 200);
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  return String(raw).split(',').map((s) => s.trim()).filter(Boolean).slice(0, 200);
}

/** CKAN `datastore_search`, mapped onto the constrained query language (there is no SQL endpoint). */
export function ckanDatastoreSearch(catalog: Catalog) {
  return async (c: Context<BayanEnv>, p: Record<string, unknown>): Promise<unknown> => {
    const resourceId = typeof p.resource_id === 'string' ? p.resource_id.slice(0, 200) : typeof p.id === 'string' ? p.id.slice(0, 200) : undefined;
    if (!resourceId) throw new ProblemError('validation', { errors: [{ pointer: '/resource_id', code: 'required', message: { fr: 'Missing value', ar: 'Missing value', en: 'Missing value' } }] });
    const limit = Math.min(1000, Math.max(0, Number(p.limit ?? 100) || 0)) || 100;
    const offset = Math.min(MAX_OFFSET, Math.max(0, Number(p.offset ?? 0) || 0));
    const sort = listOf(p.sort)?.map((s) => {
      const [field = '', order] = s.trim().split(/\s+/);
      return { field: field.replace(/^"|"$/g, ''), order: order?.toLowerCase() === 'desc' ? ('desc' as const) : ('asc' as const) };
    });
    const base: DatastoreQuery = {
      fields: listOf(p.fields),
      filters: ckanFilters(p.filters),
      q: typeof p.q === 'string' && p.q !== '' ? p.q.slice(0, 500) : undefined,
      sort,
    };
    let cursor: string | undefined;
    let skipped = 0;
    while (skipped < offset) {
      const page = await queryVisible(c, catalog, resourceId, { ...base, fields: undefined, limit: Math.min(1000, offset - skipped), cursor });
      skipped += page.rows.length;
      cursor = page.nextCursor;
      if (cursor === undefined) break;
    }
    const page =
      skipped < offset || (offset > 0 && cursor === undefined)
        ? { ...(await queryVisible(c, catalog, resourceId, { ...base, limit: 1, count: true })), rows: [] }
        : await queryVisible(c, catalog, resourceId, { ...base, limit, cursor, count: true });
    const total = page.total ?? (await queryVisible(c, catalog, resourceId, { ...base, limit: 1, count: true })).total ?? 0;
    const origin = new URL(c.req.url).origin;
    return {
      resource_id: resourceId,
      fields: page.fields.map((f) => ({ id: f.name, type: CKAN_TYPES[f.type] ?? 'text' })),
      records: page.rows,
      total,
      limit,
      offset,
      ...(base.q ? { q: base.q } : {}),
      _links: {
        start: `${origin}/api/3/action/datastore_search?resource_id=${encodeURIComponent(resourceId)}&limit=${limit}`,
        next: `${origin}/api/3/action/datastore_search?resource_id=${encodeURIComponent(resourceId)}&limit=${limit}&offset=${offset + limit}`,
      },
    };
  };
}

/** Registers /api/v1/datastore/{resourceId} (info) and /api/v1/datastore/{resourceId}/query. */
export function registerDatastoreRoutes(app: BayanApp, catalog: Catalog): void {
  const params = z.object({ resourceId: z.string().min(1).max(200) });
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/datastore/{resourceId}',
      tag: 'datastore',
      summary: 'A datastore resource: its typed columns, row count and load status',
      params,
      responses: { 200: { description: 'The resource', schema: z.object({ id: z.string(), datasetId: z.string().nullable(), fields: z.array(z.object({ name: z.string(), type: z.string() })), rowsCommitted: z.number(), status: z.string() }) }, 404: errorResponses[404] },
    },
    async (c, { params: p }) => {
      const info = await catalog.datastore.info(p.resourceId);
      if (!info) throw new ProblemError('not-found');
      if (info.datasetId) await visibleDataset(c, catalog, info.datasetId);
      return c.json(info);
    },
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/v1/datastore/{resourceId}/query',
      tag: 'datastore',
      summary: 'Query a resource’s rows: filters, full text, sort, group and aggregates, cursor pages (a constrained JSON language, never SQL)',
      params,
      body: { schema: datastoreQuerySchema },
      responses: { 200: { description: 'A page of rows', schema: z.object({ fields: z.array(z.object({ name: z.string(), type: z.string() })), rows: z.array(z.record(z.string(), z.unknown())), total: z.number().optional(), nextCursor: z.string().nullable() }) }, 404: errorResponses[404], 422: errorResponses[422] },
    },
    async (c, { params: p }) => {
      const parsed = datastoreQuerySchema.safeParse(await jsonBody(c));
      if (!parsed.success) throw validationProblem('json', parsed.error.issues);
      const result = await queryVisible(c, catalog, p.resourceId, parsed.data);
      return c.json({ ...result, nextCursor: result.nextCursor ?? null });
    },
  );
}
