// Public entry of @bayan/schema: explicit, sorted named exports only.
export { catalogSchema } from './catalog';
export type { Catalog } from './catalog';
export { catalogRecordSchema } from './catalogRecord';
export { ckanPackagesOf } from './ckan/ckanPackage';
export type { CkanGroup, CkanOrganization, CkanPackage, CkanProblem, CkanResource, CkanTag, CkanText } from './ckan/ckanPackage';
export { fromCkanOrganization, fromCkanPackage } from './ckan/fromCkanPackage';
export type { CkanImport, FromCkanOptions } from './ckan/fromCkanPackage';
export { toCkanPackage } from './ckan/toCkanPackage';
export type { CatalogRecord } from './catalogRecord';
export {
  agentSchema,
  attributionSchema,
  checksumSchema,
  geometrySchema,
  kindSchema,
  licenseDocumentSchema,
  locationSchema,
  periodOfTimeSchema,
  relationshipSchema,
  standardSchema,
} from './common';
export type { Agent, Attribution, Checksum, Geometry, Kind, LicenseDocument, Location, PeriodOfTime, Relationship, Standard } from './common';
export { dataServiceSchema } from './dataService';
export type { DataService } from './dataService';
export { CURRENT_SCHEMA_VERSION, datasetSchema } from './dataset';
export type { Dataset, DatasetInput } from './dataset';
export { datasetSeriesSchema } from './datasetSeries';
export type { DatasetSeries } from './datasetSeries';
export { distributionSchema } from './distribution';
export type { Distribution } from './distribution';
export { inventoryEntrySchema, inventoryStatusSchema } from './inventoryEntry';
export type { InventoryEntry, InventoryStatus } from './inventoryEntry';
export { languages } from './localizedMessage';
export type { Language, LocalizedMessage } from './localizedMessage';
export { migrate, SUPPORTED_SCHEMA_VERSIONS } from './migrate';
export type { MigrateResult } from './migrate';
export { multilingualKeywords, multilingualLongText, multilingualText } from './multilingual';
export type { MultilingualKeywords, MultilingualText } from './multilingual';
export { organizationSchema } from './organization';
export type { Organization } from './organization';
export {
  parseCatalog,
  parseDataService,
  parseDataset,
  parseDatasetSeries,
  parseDistribution,
  parseInventoryEntry,
  parseOrganization,
  parseWith,
  toJsonPointer,
} from './parse';
export type { ParseResult, SchemaError } from './parse';
export { MAX_ITEMS, MAX_LONG_TEXT, MAX_SHORT_TEXT, MAX_URI } from './primitives';
export { publicationStateSchema } from './publicationState';
export type { PublicationState } from './publicationState';
export { accessRights } from './vocabularies/accessRights';
export { distributionStatuses, plannedAvailabilities } from './vocabularies/distributionStatuses';
export { fileTypes } from './vocabularies/fileTypes';
export type { FileTypeTerm } from './vocabularies/fileTypes';
export { frequencies } from './vocabularies/frequencies';
export type { FrequencyTerm } from './vocabularies/frequencies';
export { euLanguages } from './vocabularies/languages';
export type { LanguageTerm } from './vocabularies/languages';
export { BAYAN_LICENCE_BASE, createLicenceRegistry, licences } from './vocabularies/licences';
export type { LicenceTerm } from './vocabularies/licences';
export { createLocalThemes } from './vocabularies/localThemes';
export type { LocalThemeDeclaration, LocalThemes, LocalThemeTerm } from './vocabularies/localThemes';
export { dataThemes } from './vocabularies/themes';
export { createVocabulary, foldForLookup } from './vocabularies/vocabulary';
export type { Vocabulary, VocabularyTerm } from './vocabularies/vocabulary';
export {
  accessRightsUri,
  availabilityUri,
  distributionStatusUri,
  fileTypeUri,
  frequencyUri,
  hvdCategoryUri,
  languageUri,
  mediaType,
  themeUri,
} from './vocabularyUris';
