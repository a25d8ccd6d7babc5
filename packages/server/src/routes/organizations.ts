import type { Catalog } from '@bayan/catalog';
import { inventoryEntrySchema, inventoryStatusSchema, organizationSchema } from '@bayan/schema';
import { z } from 'zod';
import type { BayanApp } from '../context';
import { hasOrganizationRole } from '../principal';
import { ProblemError } from '../problem';
import { defineRoute, idParam } from './define';
import { catalogProblem, jsonBody, requireRole, requireSiteAdmin } from './guards';
import { errorResponses, storedInventoryEntrySchema, storedOrganizationSchema } from './schemas';

/** Registers /api/v1/organizations and /api/v1/inventory. */
export function registerOrganizationRoutes(app: BayanApp, catalog: Catalog): void {
  const tag = 'organizations';
  const organization = async (id: string) => {
    const org = await catalog.organizations.get(id);
    if (!org) throw new ProblemError('not-found');
    return org;
  };

  defineRoute(
    app,
    { method: 'get', path: '/api/v1/organizations', tag, summary: 'Every organisation (producer), by name', responses: { 200: { description: 'Organisations', schema: z.object({ items: z.array(storedOrganizationSchema) }) } } },
    async (c) => c.json({ items: await catalog.organizations.list() }),
  );
  defineRoute(
    app,
    { method: 'get', path: '/api/v1/organizations/{id}', tag, summary: 'An organisation by id or slug', params: idParam, responses: { 200: { description: 'The organisation', schema: storedOrganizationSchema }, 404: errorResponses[404] } },
    async (c, { params }) => c.json(await organization(params.id)),
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/v1/organizations',
      tag,
      summary: 'Create an organisation (site administrator)',
      body: { schema: organizationSchema },
      responses: { 201: { description: 'Created', schema: storedOrganizationSchema }, 401: errorResponses[401], 403: errorResponses[403], 422: errorResponses[422] },
      auth: 'required',
    },
    async (c) => {
      const principal = requireSiteAdmin(c);
      const result = await catalog.organizations.create(await jsonBody(c), { actor: principal.userId });
      if (!result.ok) throw catalogProblem(result.errors);
      c.header('location', `/api/v1/organizations/${result.value.id}`);
      return c.json(result.value, 201);
    },
  );
  defineRoute(
    app,
    {
      method: 'put',
      path: '/api/v1/organizations/{id}',
      tag,
      summary: 'Replace an organisation’s record (admin of the organisation)',
      params: idParam,
      body: { schema: organizationSchema },
      responses: { 200: { description: 'Updated', schema: storedOrganizationSchema }, 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404], 422: errorResponses[422] },
      auth: 'required',
    },
    async (c, { params }) => {
      const body = await jsonBody(c);
      const org = await organization(params.id);
      const principal = requireRole(c, org.id, 'admin');
      const result = await catalog.organizations.update(org.id, body, { actor: principal.userId });
      if (!result.ok) throw catalogProblem(result.errors);
      return c.json(result.value);
    },
  );
  defineRoute(
    app,
    {
      method: 'delete',
      path: '/api/v1/organizations/{id}',
      tag,
      summary: 'Delete an organisation without datasets (site administrator)',
      params: idParam,
      responses: { 204: { description: 'Deleted' }, 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404], 422: errorResponses[422] },
      auth: 'required',
    },
    async (c, { params }) => {
      const principal = requireSiteAdmin(c);
      const result = await catalog.organizations.delete(params.id, { actor: principal.userId });
      if (!result.ok) throw catalogProblem(result.errors);
      return c.body(null, 204);
    },
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/organizations/{id}/scorecard',
      tag: 'quality',
      summary: 'Quality scorecard of an organisation: published datasets per quality band and openness stars',
      params: idParam,
      responses: { 200: { description: 'Scorecard', schema: z.object({ organizationId: z.string(), published: z.number().int(), quality: z.array(z.object({ value: z.string(), count: z.number() })), openness: z.array(z.object({ value: z.string(), count: z.number() })), format: z.array(z.object({ value: z.string(), count: z.number() })) }) }, 404: errorResponses[404] },
    },
    async (c, { params }) => {
      const org = await organization(params.id);
      const result = await catalog.search({ filters: { organization: [org.id] }, facets: ['quality', 'openness', 'format'], limit: 1 });
      return c.json({ organizationId: org.id, published: result.total, quality: result.facets.quality ?? [], openness: result.facets.openness ?? [], format: result.facets.format ?? [] });
    },
  );

  // Inventory: public to read (transparency on what each organisation holds and plans to open),
  // editors of the organisation write.
  const itag = 'inventory';
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/organizations/{id}/inventory',
      tag: itag,
      summary: 'An organisation’s inventory of datasets held and planned, with counts per status',
      params: idParam,
      query: z.object({ status: inventoryStatusSchema.optional() }),
      responses: { 200: { description: 'Entries and summary', schema: z.object({ items: z.array(storedInventoryEntrySchema), summary: z.record(z.string(), z.number()) }) }, 404: errorResponses[404] },
    },
    async (c, { params, query }) => {
      const org = await organization(params.id);
      const [items, summary] = await Promise.all([catalog.inventory.list(org.id, query.status ? { status: query.status } : {}), catalog.inventory.summary(org.id)]);
      return c.json({ items, summary });
    },
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/v1/inventory',
      tag: itag,
      summary: 'Add an inventory entry (editor of its organisation)',
      body: { schema: inventoryEntrySchema },
      responses: { 201: { description: 'Created', schema: storedInventoryEntrySchema }, 401: errorResponses[401], 403: errorResponses[403], 422: errorResponses[422] },
      auth: 'required',
    },
    async (c) => {
      const body = await jsonBody(c);
      const org = typeof body === 'object' && body !== null ? (body as { organizationId?: unknown }).organizationId : undefined;
      const principal = requireRole(c, typeof org === 'string' ? org : undefined, 'editor');
      const result = await catalog.inventory.create(body, { actor: principal.userId });
      if (!result.ok) throw catalogProblem(result.errors);
      return c.json(result.value, 201);
    },
  );
  const entry = async (id: string) => {
    const found = await catalog.inventory.get(id);
    if (!found) throw new ProblemError('not-found');
    return found;
  };
  defineRoute(
    app,
    { method: 'get', path: '/api/v1/inventory/{id}', tag: itag, summary: 'One inventory entry', params: idParam, responses: { 200: { description: 'The entry', schema: storedInventoryEntrySchema }, 404: errorResponses[404] } },
    async (c, { params }) => c.json(await entry(params.id)),
  );
  defineRoute(
    app,
    {
      method: 'put',
      path: '/api/v1/inventory/{id}',
      tag: itag,
      summary: 'Replace an inventory entry (editor of its organisation)',
      params: idParam,
      body: { schema: inventoryEntrySchema },
      responses: { 200: { description: 'Updated', schema: storedInventoryEntrySchema }, 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404], 422: errorResponses[422] },
      auth: 'required',
    },
    async (c, { params }) => {
      const body = await jsonBody(c);
      const existing = await entry(params.id);
      const principal = requireRole(c, existing.record.organizationId, 'editor');
      const target = typeof body === 'object' && body !== null ? (body as { organizationId?: unknown }).organizationId : undefined;
      if (target !== existing.record.organizationId && !hasOrganizationRole(principal, typeof target === 'string' ? target : undefined, 'editor')) throw new ProblemError('forbidden');
      const result = await catalog.inventory.update(existing.id, body, { actor: principal.userId });
      if (!result.ok) throw catalogProblem(result.errors);
      return c.json(result.value);
    },
  );
  defineRoute(
    app,
    {
      method: 'delete',
      path: '/api/v1/inventory/{id}',
      tag: itag,
      summary: 'Delete an inventory entry (editor of its organisation)',
      params: idParam,
      responses: { 204: { description: 'Deleted' }, 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404] },
      auth: 'required',
    },
    async (c, { params }) => {
      const existing = await entry(params.id);
      requireRole(c, existing.record.organizationId, 'editor');
      await catalog.inventory.delete(existing.id);
      return c.body(null, 204);
    },
  );
}
