import { z } from 'zod';
import { checksumSchema, standardSchema } from './common';
import { dataServiceSchema } from './dataService';
import { multilingualLongText, multilingualText } from './multilingual';
import { dateOrDateTime, httpUri, isoDuration, list, recordId } from './primitives';
import { availabilityUri, distributionStatusUri, fileTypeUri, hvdCategoryUri, languageUri, mediaType } from './vocabularyUris';

/**
 * A distribution (dcat:Distribution): one way to get a dataset — a file to download, an API, a
 * page. `accessUrl` is mandatory in DCAT-AP; for a file, `downloadUrl` is usually the same URL.
 */
export const distributionSchema = z.strictObject({
  /** Bayan's id for the distribution (stable across edits). */
  id: recordId.optional(),
  /** The distribution's URI in RDF, when it is not derived from the portal's base URL. */
  uri: httpUri.optional(),
  /** dcat:accessURL — mandatory. */
  accessUrl: httpUri,
  /** dcat:downloadURL. */
  downloadUrl: httpUri.optional(),
  /** dcat:accessService — APIs giving access to this distribution. */
  accessServices: list(z.lazy(() => dataServiceSchema), 20).optional(),
  title: multilingualText.optional(),
  description: multilingualLongText.optional(),
  /** dct:format — an EU file-type URI. */
  format: fileTypeUri.optional(),
  /** dcat:mediaType — an IANA media type such as `text/csv`. */
  mediaType: mediaType.optional(),
  /** dcat:compressFormat — the IANA media type of the compression (`application/gzip`). */
  compressFormat: mediaType.optional(),
  /** dcat:packageFormat — the IANA media type of the package (`application/zip`). */
  packageFormat: mediaType.optional(),
  /** dcat:byteSize in bytes. */
  byteSize: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  /** spdx:checksum. */
  checksum: checksumSchema.optional(),
  /** dct:license — a licence URI (see the `licences` vocabulary). */
  license: httpUri.optional(),
  /** dct:rights — a rights statement. */
  rights: multilingualLongText.optional(),
  /** odrl:hasPolicy — an ODRL policy URI. */
  hasPolicy: httpUri.optional(),
  /** dct:conformsTo — e.g. the Table Schema the file follows. */
  conformsTo: list(standardSchema, 20).optional(),
  /** dct:issued. */
  issued: dateOrDateTime.optional(),
  /** dct:modified. */
  modified: dateOrDateTime.optional(),
  /** dct:language — EU language URIs. */
  languages: list(languageUri, 50).optional(),
  /** adms:status — EU distribution-status URI. */
  status: distributionStatusUri.optional(),
  /** dcatap:availability — EU planned-availability URI. */
  availability: availabilityUri.optional(),
  /** foaf:page — documentation pages. */
  documentation: list(httpUri, 50).optional(),
  /** dcat:spatialResolutionInMeters. */
  spatialResolutionInMeters: z.number().positive().optional(),
  /** dcat:temporalResolution — an ISO 8601 duration. */
  temporalResolution: isoDuration.optional(),
  /** dcatap:applicableLegislation — ELI URIs. */
  applicableLegislation: list(httpUri, 50).optional(),
  /** HVD categories that apply to this distribution. */
  hvdCategories: list(hvdCategoryUri, 20).optional(),
});

/** A distribution of a dataset. */
export type Distribution = z.infer<typeof distributionSchema>;
