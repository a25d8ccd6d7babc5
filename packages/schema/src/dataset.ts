import { z } from 'zod';
import {
  agentSchema,
  attributionSchema,
  kindSchema,
  locationSchema,
  periodOfTimeSchema,
  relationshipSchema,
  standardSchema,
} from './common';
import { distributionSchema } from './distribution';
import { multilingualKeywords, multilingualLongText, multilingualText } from './multilingual';
import { dateOrDateTime, httpUri, isoDuration, list, recordId, slug } from './primitives';
import { publicationStateSchema } from './publicationState';
import { accessRightsUri, frequencyUri, hvdCategoryUri, languageUri, themeUri } from './vocabularyUris';

/** The version of the record format written by this release of `@bayan/schema`. */
export const CURRENT_SCHEMA_VERSION = 1;

/**
 * A dataset (dcat:Dataset) with its distributions and publisher inside: the record that flows
 * between Bayan's commands, its API and its storage. `title` and `description` are mandatory in
 * DCAT-AP; everything else is optional, and the quality score says what is worth adding.
 */
export const datasetSchema = z.strictObject({
  /** Version of this record's format; see `migrate()`. */
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION).default(CURRENT_SCHEMA_VERSION),
  /** Bayan's id (stable; the CKAN `id` when imported from CKAN). */
  id: recordId.optional(),
  /** The name in URLs (CKAN `name`). */
  slug: slug.optional(),
  /** The dataset's URI in RDF, when it is not derived from the portal's base URL. */
  uri: httpUri.optional(),
  /** dct:identifier. */
  identifier: z.string().min(1).max(2048).optional(),
  /** adms:identifier — other identifiers (e.g. the source catalogue's). */
  otherIdentifiers: list(z.string().min(1).max(2048), 50).optional(),
  /** dct:title — mandatory. */
  title: multilingualText,
  /** dct:description — mandatory. */
  description: multilingualLongText,
  /** dcat:keyword, per language. */
  keywords: multilingualKeywords.optional(),
  /** dcat:theme — EU data theme URIs. */
  themes: list(themeUri, 13).optional(),
  /** Local themes (ids declared in the portal's theme vocabulary, mapped onto EU themes). */
  localThemes: list(slug, 50).optional(),
  /** dct:publisher. */
  publisher: agentSchema.optional(),
  /** dct:creator. */
  creators: list(agentSchema, 50).optional(),
  /** dcat:contactPoint. */
  contactPoints: list(kindSchema, 20).optional(),
  /** dct:issued. */
  issued: dateOrDateTime.optional(),
  /** dct:modified. */
  modified: dateOrDateTime.optional(),
  /** dct:accrualPeriodicity — an EU frequency URI. */
  frequency: frequencyUri.optional(),
  /** dct:temporal. */
  temporal: list(periodOfTimeSchema, 20).optional(),
  /** dct:spatial. */
  spatial: list(locationSchema, 50).optional(),
  /** dcat:spatialResolutionInMeters. */
  spatialResolutionInMeters: z.number().positive().optional(),
  /** dcat:temporalResolution — an ISO 8601 duration. */
  temporalResolution: isoDuration.optional(),
  /** dct:accessRights — an EU access-right URI. */
  accessRights: accessRightsUri.optional(),
  /** dct:language — EU language URIs. */
  languages: list(languageUri, 50).optional(),
  /** dcat:landingPage. */
  landingPage: httpUri.optional(),
  /** foaf:page — documentation pages. */
  documentation: list(httpUri, 50).optional(),
  /** dct:conformsTo. */
  conformsTo: list(standardSchema, 20).optional(),
  /** dcat:version. */
  version: z.string().min(1).max(100).optional(),
  /** adms:versionNotes. */
  versionNotes: multilingualLongText.optional(),
  /** dct:provenance. */
  provenance: multilingualLongText.optional(),
  /** dct:type — a dataset type URI. */
  type: httpUri.optional(),
  /** dct:source — datasets this one is derived from. */
  sources: list(httpUri, 50).optional(),
  /** dct:relation. */
  relations: list(httpUri, 50).optional(),
  /** dct:hasVersion. */
  hasVersions: list(httpUri, 50).optional(),
  /** dct:isVersionOf. */
  isVersionOf: list(httpUri, 50).optional(),
  /** dct:isReferencedBy. */
  isReferencedBy: list(httpUri, 50).optional(),
  /** dcat:qualifiedRelation. */
  qualifiedRelations: list(relationshipSchema, 50).optional(),
  /** prov:qualifiedAttribution. */
  qualifiedAttributions: list(attributionSchema, 50).optional(),
  /** prov:wasGeneratedBy — activity URIs. */
  wasGeneratedBy: list(httpUri, 20).optional(),
  /** adms:sample. */
  samples: list(distributionSchema, 10).optional(),
  /** dcat:inSeries — ids or URIs of dataset series. */
  inSeries: list(z.string().min(1).max(2048), 20).optional(),
  /** dcatap:applicableLegislation — ELI URIs. */
  applicableLegislation: list(httpUri, 50).optional(),
  /** dcatap:hvdCategory. */
  hvdCategories: list(hvdCategoryUri, 20).optional(),
  /** dcat:distribution. */
  distributions: list(distributionSchema).default([]),
  /** Bayan: the owning organisation's id. */
  organizationId: recordId.optional(),
  /** Bayan: publication workflow state. */
  publicationState: publicationStateSchema.optional(),
  /** Free key/value pairs kept from the source (CKAN extras). */
  extras: z
    .record(
      // `__proto__` would be dropped silently by any JavaScript object that receives it: refuse it.
      z.string().max(200).regex(/^(?!__proto__$)/, { error: 'must not be __proto__' }),
      z.string().max(10_000),
    )
    .optional(),
});

/** A dataset as stored and exchanged (after parsing: defaults applied, text normalised). */
export type Dataset = z.infer<typeof datasetSchema>;
/** A dataset as accepted in input (defaults may be missing). */
export type DatasetInput = z.input<typeof datasetSchema>;
