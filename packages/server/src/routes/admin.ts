import { HARVEST_JOB_TYPE, type Catalog } from '@bayan/catalog';
import { z } from 'zod';
import type { AuditLog } from '@bayan/catalog';
import type { BayanApp } from '../context';
import { hasOrganizationRole } from '../principal';
import { ProblemError } from '../problem';
import { validationProblem } from '../validation';
import { defineRoute, idParam } from './define';
import { jsonBody, requireSiteAdmin, requireUser } from './guards';
import { activitySchema, errorResponses } from './schemas';

const harvestSourceSchema = z
  .object({
    organizationId: z.string().min(1).max(200).nullable().optional(),
    kind: z.enum(['ckan', 'dcat', 'inventory-spreadsheet']),
    url: z.url({ protocol: /^https?$/ }).max(2048),
    config: z.record(z.string().max(100), z.unknown()).optional(),
    schedule: z.string().max(100).nullable().optional(),
  })
  .meta({ id: 'HarvestSourceInput' });

/** Registers activity, the audit trail and harvest sources/runs. */
export function registerAdminRoutes(app: BayanApp, catalog: Catalog, audit: AuditLog): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/activity',
      tag: 'activity',
      summary: 'The activity log, newest first: everything for site administrators, an organisation’s objects for its members',
      query: z.object({
        objectType: z.string().max(50).optional(),
        objectId: z.string().max(200).optional(),
        actorId: z.string().max(200).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        before: z.coerce.number().int().min(1).optional(),
      }),
      responses: { 200: { description: 'Entries', schema: z.object({ items: z.array(activitySchema) }) }, 401: errorResponses[401], 403: errorResponses[403] },
      auth: 'required',
    },
    async (c, { query }) => {
      const principal = requireUser(c);
      if (!principal.siteAdmin) {
        // Members read the activity of one of their organisation's datasets or of the organisation.
        if (!query.objectId || !query.objectType) throw new ProblemError('forbidden');
        const organizationId =
          query.objectType === 'organization' ? query.objectId : query.objectType === 'dataset' ? (await catalog.datasets.get(query.objectId))?.record.organizationId : undefined;
        if (!hasOrganizationRole(principal, organizationId, 'viewer')) throw new ProblemError('forbidden');
      }
      return c.json({ items: await catalog.activity(query) });
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/audit',
      tag: 'activity',
      summary: 'The HTTP audit trail, newest first: one entry per write request, with actor, route, status and address; `before` an entry id pages back (site administrator)',
      query: z.object({
        limit: z.coerce.number().int().min(1).max(1000).default(100),
        actorId: z.string().max(200).optional(),
        before: z.coerce.number().int().min(1).optional(),
      }),
      responses: {
        200: {
          description: 'Entries',
          schema: z.object({ items: z.array(z.object({ id: z.number().int(), at: z.string(), actorId: z.string().nullable(), action: z.string(), path: z.string(), status: z.number(), ip: z.string(), via: z.string() })) }),
        },
        401: errorResponses[401],
        403: errorResponses[403],
      },
      auth: 'required',
    },
    async (c, { query }) => {
      requireSiteAdmin(c);
      return c.json({ items: await audit.list(query) });
    },
  );

  const tag = 'harvest';
  defineRoute(
    app,
    { method: 'get', path: '/api/v1/harvest/sources', tag, summary: 'Harvest sources (site administrator)', responses: { 200: { description: 'Sources', schema: z.object({ items: z.array(z.unknown()) }) }, 401: errorResponses[401], 403: errorResponses[403] }, auth: 'required' },
    async (c) => {
      requireSiteAdmin(c);
      return c.json({ items: await catalog.harvests.sources() });
    },
  );
  defineRoute(
    app,
    { method: 'post', path: '/api/v1/harvest/sources', tag, summary: 'Add a harvest source: CKAN Action API, DCAT catalogue or inventory spreadsheet (site administrator)', body: { schema: harvestSourceSchema }, responses: { 201: { description: 'Added', schema: z.unknown() }, 401: errorResponses[401], 403: errorResponses[403], 422: errorResponses[422] }, auth: 'required' },
    async (c) => {
      requireSiteAdmin(c);
      const parsed = harvestSourceSchema.safeParse(await jsonBody(c));
      if (!parsed.success) throw validationProblem('json', parsed.error.issues);
      return c.json(await catalog.harvests.addSource(parsed.data), 201);
    },
  );
  defineRoute(
    app,
    { method: 'delete', path: '/api/v1/harvest/sources/{id}', tag, summary: 'Remove a harvest source and its runs (site administrator)', params: idParam, responses: { 204: { description: 'Removed' }, 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404] }, auth: 'required' },
    async (c, { params }) => {
      requireSiteAdmin(c);
      if (!(await catalog.harvests.sources()).some((s) => s.id === params.id)) throw new ProblemError('not-found');
      await catalog.harvests.removeSource(params.id);
      return c.body(null, 204);
    },
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/v1/harvest/sources/{id}/runs',
      tag,
      summary: 'Queue a harvest run of a source; a worker (`bayan worker`) runs it and reports progress on the job (site administrator)',
      params: idParam,
      query: z.object({ full: z.enum(['true', 'false']).optional() }),
      responses: { 202: { description: 'Queued (the same pending run is returned if one is already queued)', schema: z.object({ id: z.string(), status: z.string() }).loose() }, 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404] },
      auth: 'required',
    },
    async (c, { params, query }) => {
      requireSiteAdmin(c);
      if (!(await catalog.harvests.sources()).some((s) => s.id === params.id)) throw new ProblemError('not-found');
      const job = await catalog.jobs.enqueue(HARVEST_JOB_TYPE, { sourceId: params.id, full: query.full === 'true' }, { idempotencyKey: `harvest:${params.id}:${new Date().toISOString().slice(0, 16)}` });
      c.header('location', `/api/v1/jobs/${job.id}`);
      return c.json(job, 202);
    },
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/jobs/{id}',
      tag,
      summary: 'A background job’s live status and progress (site administrator)',
      params: idParam,
      responses: { 200: { description: 'The job', schema: z.object({ id: z.string(), status: z.string(), progress: z.number() }).loose() }, 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404] },
      auth: 'required',
    },
    async (c, { params }) => {
      requireSiteAdmin(c);
      const job = await catalog.jobs.get(params.id);
      if (!job) throw new ProblemError('not-found');
      return c.json(job);
    },
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/harvest/sources/{id}/runs',
      tag,
      summary: 'A source’s runs, newest first (site administrator)',
      params: idParam,
      query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) }),
      responses: { 200: { description: 'Runs', schema: z.object({ items: z.array(z.unknown()) }) }, 401: errorResponses[401], 403: errorResponses[403] },
      auth: 'required',
    },
    async (c, { params, query }) => {
      requireSiteAdmin(c);
      return c.json({ items: await catalog.harvests.runs(params.id, query.limit) });
    },
  );
}
