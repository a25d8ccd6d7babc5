import { datasetSchema as baseDatasetSchema, inventoryEntrySchema, organizationSchema, publicationStateSchema } from '@bayan/schema';
import { z } from 'zod';

/** The dataset record, named so the OpenAPI document references one `Dataset` component. */
export const datasetSchema = baseDatasetSchema.meta({ id: 'Dataset' });

// Response shapes for the OpenAPI document. Records come straight from @bayan/schema, so the
// document, the client and the storage share one model.

export const storedDatasetSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    state: publicationStateSchema,
    revision: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    record: datasetSchema,
  })
  .meta({ id: 'StoredDataset' });

export const facetValueSchema = z.object({ value: z.string(), count: z.number().int() });

export const searchResultSchema = z
  .object({
    total: z.number().int(),
    items: z.array(
      z.object({ id: z.string(), slug: z.string(), state: z.string(), qualityScore: z.number(), modified: z.string(), rank: z.number(), record: datasetSchema }),
    ),
    facets: z.record(z.string(), z.array(facetValueSchema)),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'SearchResult' });

export const revisionSchema = z
  .object({
    datasetId: z.string(),
    revision: z.number().int(),
    authorId: z.string().nullable(),
    createdAt: z.string(),
    action: z.string(),
    record: datasetSchema.optional(),
    changes: z.array(z.record(z.string(), z.unknown())),
  })
  .meta({ id: 'DatasetRevision' });

export const storedOrganizationSchema = z
  .object({ id: z.string(), slug: z.string(), record: organizationSchema, createdAt: z.string(), updatedAt: z.string() })
  .meta({ id: 'StoredOrganization' });

export const storedInventoryEntrySchema = z
  .object({ id: z.string(), record: inventoryEntrySchema, createdAt: z.string(), updatedAt: z.string() })
  .meta({ id: 'StoredInventoryEntry' });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ pointer: z.string(), code: z.string(), detail: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

export const userSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string(), siteAdmin: z.boolean(), disabled: z.boolean(), createdAt: z.string() })
  .meta({ id: 'User' });

export const principalSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    siteAdmin: z.boolean(),
    memberships: z.array(z.object({ organizationId: z.string(), role: z.enum(['admin', 'editor', 'viewer']) })),
    via: z.enum(['session', 'token']),
  })
  .meta({ id: 'Principal' });

export const apiTokenSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    prefix: z.string(),
    name: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const sessionSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
    lastSeenAt: z.string(),
    userAgent: z.string().nullable(),
    current: z.boolean(),
  })
  .meta({ id: 'Session' });

export const activitySchema = z
  .object({ id: z.number().int(), at: z.string(), actorId: z.string().nullable(), action: z.string(), objectType: z.string(), objectId: z.string(), details: z.unknown() })
  .meta({ id: 'ActivityEntry' });

/** Standard error responses, documented on every route. */
export const errorResponses = {
  401: { description: 'No valid session or token', schema: problemSchema, contentType: 'application/problem+json' },
  403: { description: 'Your role does not allow this', schema: problemSchema, contentType: 'application/problem+json' },
  404: { description: 'Not found', schema: problemSchema, contentType: 'application/problem+json' },
  422: { description: 'Invalid input, with every error', schema: problemSchema, contentType: 'application/problem+json' },
} as const;
