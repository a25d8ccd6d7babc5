// Public entry of @bayan/client: explicit, sorted named exports only.
export { createClient } from './client';
export type { BayanClient, ClientOptions } from './client';
export { BayanApiError } from './errors';
export type { ApiFieldError, ApiProblem } from './errors';
export { operations } from './operations';
export type { Operation, OperationName } from './operations';
export type {
  ApiToken,
  DatasetRevision,
  DatastoreQuery,
  DatastoreRows,
  FacetName,
  Principal,
  SearchHit,
  SearchParams,
  SearchResult,
  Session,
  StoredDataset,
  StoredInventoryEntry,
  StoredOrganization,
} from './types';
