import { z } from 'zod';
import { kindSchema } from './common';
import { multilingualLongText, multilingualText } from './multilingual';
import { httpUri, recordId, slug } from './primitives';

/** A producer (ministry, agency, region…) that publishes datasets on Bayan. */
export const organizationSchema = z.strictObject({
  schemaVersion: z.literal(1).default(1),
  id: recordId.optional(),
  slug,
  name: multilingualText,
  /** Short name or acronym (`HCP`, `ANRT`). */
  acronym: z.string().trim().min(1).max(50).optional(),
  description: multilingualLongText.optional(),
  logo: httpUri.optional(),
  homepage: httpUri.optional(),
  contact: kindSchema.optional(),
  /** The parent organisation's id (a directorate inside a ministry). */
  parentId: recordId.optional(),
  /** The organisation's URI in RDF (used as dct:publisher). */
  uri: httpUri.optional(),
  /** ADMS publisher type URI. */
  type: httpUri.optional(),
});

/** An organisation (producer). */
export type Organization = z.infer<typeof organizationSchema>;
