import { z } from 'zod';
import { agentSchema, kindSchema, locationSchema, periodOfTimeSchema } from './common';
import { multilingualLongText, multilingualText } from './multilingual';
import { dateOrDateTime, httpUri, list, recordId } from './primitives';
import { frequencyUri } from './vocabularyUris';

/** A dataset series (dcat:DatasetSeries): datasets published separately that belong together. */
export const datasetSeriesSchema = z.strictObject({
  id: recordId.optional(),
  uri: httpUri.optional(),
  title: multilingualText,
  description: multilingualLongText,
  publisher: agentSchema.optional(),
  contactPoints: list(kindSchema, 20).optional(),
  frequency: frequencyUri.optional(),
  spatial: list(locationSchema, 50).optional(),
  temporal: list(periodOfTimeSchema, 20).optional(),
  issued: dateOrDateTime.optional(),
  modified: dateOrDateTime.optional(),
  applicableLegislation: list(httpUri, 50).optional(),
});

/** A dataset series. */
export type DatasetSeries = z.infer<typeof datasetSeriesSchema>;
