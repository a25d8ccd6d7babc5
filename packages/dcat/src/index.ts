// Public entry of @bayan/dcat: explicit, sorted named exports only.
export { DCAT_AP_CONTEXT_URL, dcatApContext } from './dcatApContext';
export type { DcatFormat } from './documentWriter';
export { PREFIXES as DCAT_PREFIXES } from './namespaces';
export { followPages, fromDcat, nextPageOf } from './fromDcat';
export type { FetchedPage, FollowPagesOptions, FromDcatOptions, FromDcatResult } from './fromDcat';
export { parseRdf } from './parseRdf';
export type { ParsedRdf, ParseRdfOptions, RdfInput, ReadLimits } from './parseRdf';
export type { DcatProblem } from './problems';
export { qualityMeasurements } from './qualityMeasurements';
export type { MetricResult } from './qualityMeasurements';
export { datasetToQuads, hydraPageQuads, streamDcat, toDcat } from './toDcat';
export type { HydraPage, ToDcatOptions } from './toDcat';
export { toSchemaOrg } from './toSchemaOrg';
export type { SchemaOrgOptions } from './toSchemaOrg';
export { vocabularyGraph } from './vocabularyGraph';
