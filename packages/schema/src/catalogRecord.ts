import { z } from 'zod';
import { standardSchema } from './common';
import { multilingualLongText, multilingualText } from './multilingual';
import { dateOrDateTime, httpUri, list } from './primitives';
import { languageUri } from './vocabularyUris';

/**
 * A catalogue record (dcat:CatalogRecord): metadata about a dataset's entry in a catalogue — when
 * it was registered and last changed there. `primaryTopic` and `modified` are mandatory in DCAT-AP.
 */
export const catalogRecordSchema = z.strictObject({
  uri: httpUri.optional(),
  /** foaf:primaryTopic — the id or URI of the dataset or service described. */
  primaryTopic: z.string().min(1).max(2048),
  /** dct:modified — mandatory. */
  modified: dateOrDateTime,
  /** dct:issued — when the record entered the catalogue. */
  issued: dateOrDateTime.optional(),
  title: multilingualText.optional(),
  description: multilingualLongText.optional(),
  /** dct:conformsTo — the metadata standard of the record (e.g. DCAT-AP 3.0.1). */
  conformsTo: list(standardSchema, 20).optional(),
  /** adms:status — the change type URI (created, updated, deleted). */
  status: httpUri.optional(),
  languages: list(languageUri, 50).optional(),
  /** dct:source — the record harvested from another catalogue. */
  source: httpUri.optional(),
});

/** A catalogue record. */
export type CatalogRecord = z.infer<typeof catalogRecordSchema>;
