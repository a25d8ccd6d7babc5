import { z } from 'zod';
import { agentSchema, kindSchema, standardSchema } from './common';
import { multilingualKeywords, multilingualLongText, multilingualText } from './multilingual';
import { dateOrDateTime, httpUri, list, recordId } from './primitives';
import { accessRightsUri, fileTypeUri, hvdCategoryUri, themeUri } from './vocabularyUris';

/** A data service (dcat:DataService): an API giving access to data. `title` and `endpointUrls` are mandatory. */
export const dataServiceSchema = z.strictObject({
  id: recordId.optional(),
  uri: httpUri.optional(),
  title: multilingualText,
  description: multilingualLongText.optional(),
  /** dcat:endpointURL — at least one. */
  endpointUrls: list(httpUri, 20).min(1),
  /** dcat:endpointDescription — e.g. an OpenAPI document. */
  endpointDescription: httpUri.optional(),
  /** dcat:servesDataset — ids or URIs of the datasets it serves. */
  servesDatasets: list(z.string().min(1).max(2048)).optional(),
  keywords: multilingualKeywords.optional(),
  themes: list(themeUri, 13).optional(),
  publisher: agentSchema.optional(),
  contactPoints: list(kindSchema, 20).optional(),
  license: httpUri.optional(),
  accessRights: accessRightsUri.optional(),
  conformsTo: list(standardSchema, 20).optional(),
  formats: list(fileTypeUri, 50).optional(),
  landingPage: httpUri.optional(),
  documentation: list(httpUri, 50).optional(),
  issued: dateOrDateTime.optional(),
  modified: dateOrDateTime.optional(),
  applicableLegislation: list(httpUri, 50).optional(),
  hvdCategories: list(hvdCategoryUri, 20).optional(),
});

/** A data service. */
export type DataService = z.infer<typeof dataServiceSchema>;
