import { z } from 'zod';
import { catalogRecordSchema } from './catalogRecord';
import { agentSchema, locationSchema } from './common';
import { dataServiceSchema } from './dataService';
import { datasetSchema } from './dataset';
import { datasetSeriesSchema } from './datasetSeries';
import { multilingualLongText, multilingualText } from './multilingual';
import { dateOrDateTime, httpUri, list } from './primitives';
import { languageUri, themeUri } from './vocabularyUris';

/** A catalogue (dcat:Catalog). `title`, `description` and `publisher` are mandatory in DCAT-AP. */
export const catalogSchema = z.strictObject({
  uri: httpUri.optional(),
  title: multilingualText,
  description: multilingualLongText,
  publisher: agentSchema,
  homepage: httpUri.optional(),
  /** dcat:themeTaxonomy — concept schemes used for themes. */
  themeTaxonomies: list(httpUri, 20).optional(),
  languages: list(languageUri, 50).optional(),
  license: httpUri.optional(),
  rights: multilingualLongText.optional(),
  issued: dateOrDateTime.optional(),
  modified: dateOrDateTime.optional(),
  spatial: list(locationSchema, 50).optional(),
  themes: list(themeUri, 13).optional(),
  creator: agentSchema.optional(),
  /** dct:hasPart — sub-catalogue URIs. */
  hasParts: list(httpUri, 100).optional(),
  /** dcat:catalog — URIs of catalogues whose content is of interest in this one. */
  catalogs: list(httpUri, 100).optional(),
  /** dcatap:applicableLegislation — ELI URIs. */
  applicableLegislation: list(httpUri, 50).optional(),
  /** dcat:record — catalogue records, one per described dataset or service. */
  records: list(catalogRecordSchema, 100_000).optional(),
  /** dcat:dataset. */
  datasets: list(datasetSchema, 100_000).default([]),
  /** dcat:service. */
  services: list(dataServiceSchema).optional(),
  /** Dataset series described by this catalogue. */
  series: list(datasetSeriesSchema).optional(),
});

/** A catalogue with its datasets. */
export type Catalog = z.infer<typeof catalogSchema>;
