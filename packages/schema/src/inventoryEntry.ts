import { z } from 'zod';
import { multilingualLongText, multilingualText } from './multilingual';
import { recordId } from './primitives';
import { themeUri } from './vocabularyUris';

/** Where an inventory entry stands. */
export const inventoryStatusSchema = z.enum(['planned', 'in-preparation', 'published', 'withdrawn']);

/**
 * A dataset an organisation holds or plans to open: the inventory the portal team follows up.
 * A `published` entry links to its dataset.
 */
export const inventoryEntrySchema = z
  .strictObject({
    schemaVersion: z.literal(1).default(1),
    id: recordId.optional(),
    organizationId: recordId,
    title: multilingualText,
    description: multilingualLongText.optional(),
    themes: z.array(themeUri).max(13).optional(),
    status: inventoryStatusSchema,
    /** When the organisation plans to open it (`YYYY-MM-DD`). */
    targetDate: z.iso.date().optional(),
    /** The published dataset's id. */
    datasetId: recordId.optional(),
    /** Free notes for the portal team. */
    notes: z.string().max(10_000).optional(),
  })
  .refine((e) => e.status !== 'published' || e.datasetId !== undefined, {
    error: 'a published entry must link to its dataset',
    path: ['datasetId'],
    params: { code: 'missing_dataset' },
  })
  .meta({
    if: { properties: { status: { const: 'published' } }, required: ['status'] },
    then: { properties: { datasetId: true }, required: ['datasetId'] },
  });

/** `planned | in-preparation | published | withdrawn`. */
export type InventoryStatus = z.infer<typeof inventoryStatusSchema>;
/** An inventory entry. */
export type InventoryEntry = z.infer<typeof inventoryEntrySchema>;
