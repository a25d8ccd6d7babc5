import type { Catalog, SearchQuery, StoredDataset } from '@bayan/catalog';
import type { Context } from 'hono';
import { z } from 'zod';
import type { BayanApp, BayanEnv } from '../context';
import { hasOrganizationRole } from '../principal';
import { ProblemError } from '../problem';
import { defineRoute, idParam, listParam } from './define';
import { catalogProblem, jsonBody, requireRole, requireUser } from './guards';
import { datasetSchema, errorResponses, revisionSchema, searchResultSchema, storedDatasetSchema } from './schemas';

const FACETS = ['theme', 'organization', 'format', 'licence', 'keyword', 'language', 'quality', 'openness'] as const;

export const searchQuerySchema = z.object({
  q: z.string().max(500).optional().describe('Free text in fr, ar or en; every word must match, the last one as a prefix.'),
  theme: listParam(),
  organization: listParam(),
  format: listParam(),
  licence: listParam(),
  keyword: listParam(),
  language: listParam(),
  quality: listParam(),
  openness: listParam(),
  state: listParam(4, 20).describe('Publication states (default published); others need a role in the organisation.'),
  facets: listParam(8, 20).describe('Facets to count (default all): theme, organization, format, licence, keyword, language, quality, openness.'),
  sort: z.enum(['relevance', 'modified', 'title', 'quality']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional().describe('The nextCursor of the previous page.'),
});

/** Whether the request may see a dataset in this state. */
export function canSee(c: Context<BayanEnv>, dataset: StoredDataset): boolean {
  return dataset.state === 'published' || hasOrganizationRole(c.get('principal'), dataset.record.organizationId, 'viewer');
}

/** The dataset by id or slug when the request may see it; 404 otherwise (no existence leak). */
export async function visibleDataset(c: Context<BayanEnv>, catalog: Catalog, idOrSlug: string): Promise<StoredDataset> {
  const dataset = await catalog.datasets.get(idOrSlug);
  if (!dataset || !canSee(c, dataset)) throw new ProblemError('not-found');
  return dataset;
}

/** Builds the catalogue's search query from validated parameters, enforcing who may see drafts. */
export function toSearchQuery(c: Context<BayanEnv>, query: z.output<typeof searchQuerySchema>): SearchQuery {
  const filters: NonNullable<SearchQuery['filters']> = {};
  for (const facet of FACETS) {
    const values = query[facet];
    if (values && values.length > 0) filters[facet] = values;
  }
  const states = query.state && query.state.length > 0 ? query.state : ['published'];
  if (states.some((s) => s !== 'published')) {
    const principal = requireUser(c);
    const orgs = filters.organization ?? [];
    if (!principal.siteAdmin && (orgs.length === 0 || !orgs.every((o) => hasOrganizationRole(principal, o, 'viewer')))) {
      throw new ProblemError('forbidden', {
        detail: {
          fr: 'Pour voir les jeux non publiés, filtrez sur vos organisations (organization=…).',
          ar: 'لرؤية المجموعات غير المنشورة، صفِّ حسب مؤسساتك (organization=…).',
          en: 'To see unpublished datasets, filter on your organisations (organization=…).',
        },
      });
    }
  }
  const facets = query.facets?.filter((f): f is (typeof FACETS)[number] => (FACETS as readonly string[]).includes(f));
  return {
    q: query.q,
    filters,
    states,
    ...(facets && facets.length > 0 ? { facets } : {}),
    sort: query.sort,
    order: query.order,
    limit: query.limit,
    cursor: query.cursor,
  };
}

function ifMatchRevision(c: Context<BayanEnv>): number | undefined {
  const header = c.req.header('if-match');
  if (!header) return undefined;
  const m = /^(?:W\/)?"?(\d{1,12})"?$/.exec(header.trim());
  if (!m) throw new ProblemError('bad-request', { detail: { fr: 'If-Match doit être un numéro de révision.', ar: 'يجب أن يكون If-Match رقم مراجعة.', en: 'If-Match must be a revision number.' } });
  return Number(m[1]);
}

function withEtag(c: Context<BayanEnv>, dataset: StoredDataset, status: 200 | 201 = 200): Response {
  c.header('etag', `"${dataset.revision}"`);
  return c.json(dataset, status);
}

function organizationOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const org = (body as { organizationId?: unknown }).organizationId;
  return typeof org === 'string' ? org : undefined;
}

function requestedState(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const s = (body as { publicationState?: unknown }).publicationState;
  return typeof s === 'string' ? s : undefined;
}

/** Registers /api/v1/datasets and its sub-resources. */
export function registerDatasetRoutes(app: BayanApp, catalog: Catalog): void {
  const tag = 'datasets';

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/datasets',
      tag,
      summary: 'Search datasets (full text fr/ar/en, facet filters and counts, sort, cursor pages)',
      query: searchQuerySchema,
      responses: { 200: { description: 'A page of results with facet counts', schema: searchResultSchema }, 422: errorResponses[422] },
      auth: 'optional',
    },
    async (c, { query }) => {
      const result = await catalog.search(toSearchQuery(c, query));
      return c.json({ ...result, nextCursor: result.nextCursor ?? null });
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/datasets/{id}',
      tag,
      summary: 'Get a dataset by id or slug',
      params: idParam,
      responses: { 200: { description: 'The dataset (ETag = revision)', schema: storedDatasetSchema }, 404: errorResponses[404] },
    },
    async (c, { params }) => withEtag(c, await visibleDataset(c, catalog, params.id)),
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/v1/datasets',
      tag,
      summary: 'Create a dataset (editor of its organisation)',
      body: { schema: datasetSchema, description: 'A dataset record; organizationId names the owning organisation.' },
      responses: { 201: { description: 'Created', schema: storedDatasetSchema }, 401: errorResponses[401], 403: errorResponses[403], 422: errorResponses[422] },
      auth: 'required',
    },
    async (c) => {
      const body = await jsonBody(c);
      const organizationId = organizationOf(body);
      const principal = requireRole(c, organizationId, 'editor');
      const state = requestedState(body);
      if (state !== undefined && state !== 'draft' && state !== 'in-review' && !hasOrganizationRole(principal, organizationId, 'admin')) {
        throw new ProblemError('forbidden');
      }
      const result = await catalog.datasets.create(body, { actor: principal.userId });
      if (!result.ok) throw catalogProblem(result.errors);
      c.header('location', `/api/v1/datasets/${result.value.id}`);
      return withEtag(c, result.value, 201);
    },
  );

  defineRoute(
    app,
    {
      method: 'put',
      path: '/api/v1/datasets/{id}',
      tag,
      summary: 'Replace a dataset record (editor; If-Match: "revision" for optimistic locking)',
      params: idParam,
      body: { schema: datasetSchema },
      responses: { 200: { description: 'Updated', schema: storedDatasetSchema }, 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404], 409: { description: 'Stale revision' }, 422: errorResponses[422] },
      auth: 'required',
    },
    async (c, { params }) => {
      const body = await jsonBody(c);
      const existing = await visibleDataset(c, catalog, params.id);
      const principal = requireRole(c, existing.record.organizationId, 'editor');
      const target = organizationOf(body);
      if (target !== existing.record.organizationId) requireRole(c, target, 'editor');
      const state = requestedState(body);
      if (state !== undefined && state !== existing.state && !hasOrganizationRole(principal, target, 'admin')) throw new ProblemError('forbidden');
      const result = await catalog.datasets.update(existing.id, body, { actor: principal.userId, expectedRevision: ifMatchRevision(c) });
      if (!result.ok) throw catalogProblem(result.errors);
      return withEtag(c, result.value);
    },
  );

  defineRoute(
    app,
    {
      method: 'delete',
      path: '/api/v1/datasets/{id}',
      tag,
      summary: 'Delete a dataset (admin of its organisation); its revisions are kept',
      params: idParam,
      responses: { 204: { description: 'Deleted' }, 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404] },
      auth: 'required',
    },
    async (c, { params }) => {
      const existing = await visibleDataset(c, catalog, params.id);
      const principal = requireRole(c, existing.record.organizationId, 'admin');
      const result = await catalog.datasets.delete(existing.id, { actor: principal.userId });
      if (!result.ok) throw catalogProblem(result.errors);
      return c.body(null, 204);
    },
  );

  const transitions = [
    ['submit', 'in-review', 'editor', 'Submit a draft for review (editor)'],
    ['publish', 'published', 'admin', 'Publish a dataset (admin of its organisation)'],
    ['withdraw', 'withdrawn', 'admin', 'Withdraw a published dataset (admin of its organisation)'],
  ] as const;
  for (const [action, state, role, summary] of transitions) {
    defineRoute(
      app,
      {
        method: 'post',
        path: `/api/v1/datasets/{id}/${action}`,
        tag,
        summary,
        params: idParam,
        responses: { 200: { description: 'The dataset in its new state', schema: storedDatasetSchema }, 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404] },
        auth: 'required',
      },
      async (c, { params }) => {
        const existing = await visibleDataset(c, catalog, params.id);
        const principal = requireRole(c, existing.record.organizationId, role);
        const result = await catalog.datasets.setState(existing.id, state, { actor: principal.userId, expectedRevision: ifMatchRevision(c) });
        if (!result.ok) throw catalogProblem(result.errors);
        return withEtag(c, result.value);
      },
    );
  }

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/datasets/{id}/revisions',
      tag,
      summary: 'Every revision of a dataset, newest first (viewer of its organisation)',
      params: idParam,
      responses: { 200: { description: 'Revisions', schema: z.object({ items: z.array(revisionSchema) }) }, 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404] },
      auth: 'required',
    },
    async (c, { params }) => {
      const existing = await visibleDataset(c, catalog, params.id);
      requireRole(c, existing.record.organizationId, 'viewer');
      return c.json({ items: await catalog.datasets.revisions(existing.id) });
    },
  );

  const revisionParams = z.object({ id: z.string().min(1).max(200), revision: z.coerce.number().int().min(1).max(1e9) });
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/datasets/{id}/revisions/{revision}',
      tag,
      summary: 'One revision of a dataset',
      params: revisionParams,
      responses: { 200: { description: 'The revision', schema: revisionSchema }, 404: errorResponses[404] },
      auth: 'required',
    },
    async (c, { params }) => {
      const existing = await visibleDataset(c, catalog, params.id);
      requireRole(c, existing.record.organizationId, 'viewer');
      const revision = await catalog.datasets.revision(existing.id, params.revision);
      if (!revision) throw new ProblemError('not-found');
      return c.json(revision);
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/v1/datasets/{id}/revisions/{revision}/restore',
      tag,
      summary: 'Make an old revision current again, as a new revision (editor)',
      params: revisionParams,
      responses: { 200: { description: 'The restored dataset', schema: storedDatasetSchema }, 403: errorResponses[403], 404: errorResponses[404] },
      auth: 'required',
    },
    async (c, { params }) => {
      const existing = await visibleDataset(c, catalog, params.id);
      const principal = requireRole(c, existing.record.organizationId, 'editor');
      const result = await catalog.datasets.restore(existing.id, params.revision, { actor: principal.userId });
      if (!result.ok) throw catalogProblem(result.errors);
      return withEtag(c, result.value);
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/datasets/{id}/quality',
      tag: 'quality',
      summary: 'The dataset’s latest quality snapshot and its history',
      params: idParam,
      query: z.object({ history: z.coerce.number().int().min(0).max(100).default(10) }),
      responses: { 200: { description: 'Quality report', schema: z.object({ latest: z.unknown(), history: z.array(z.unknown()) }) }, 404: errorResponses[404] },
    },
    async (c, { params, query }) => {
      const existing = await visibleDataset(c, catalog, params.id);
      const [latest, history] = await Promise.all([catalog.reports.quality(existing.id), catalog.reports.qualityHistory(existing.id, query.history)]);
      return c.json({ latest: latest ?? null, history });
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/datasets/{id}/validation',
      tag: 'quality',
      summary: 'Validation reports of the dataset’s files, newest first, and its link checks',
      params: idParam,
      responses: { 200: { description: 'Validation reports', schema: z.object({ reports: z.array(z.unknown()), linkChecks: z.array(z.unknown()) }) }, 404: errorResponses[404] },
    },
    async (c, { params }) => {
      const existing = await visibleDataset(c, catalog, params.id);
      const [reports, linkChecks] = await Promise.all([catalog.reports.validations(existing.id), catalog.reports.linkChecks(existing.id)]);
      return c.json({ reports, linkChecks });
    },
  );
}
