import type { Generated } from 'kysely';

// Row shapes of Bayan's tables, shared by both backends. JSON is stored as text and timestamps as
// ISO 8601 UTC strings (fixed width, so they compare as text) to keep one query codebase.

export interface MigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface OrganizationsTable {
  id: string;
  slug: string;
  record: string;
  name_sort: string;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  site_admin: number;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  user_id: string;
  organization_id: string;
  role: string;
  created_at: string;
}

export interface DatasetsTable {
  id: string;
  slug: string;
  organization_id: string | null;
  state: string;
  record: string;
  revision: number;
  title_sort: string;
  modified: string | null;
  created_at: string;
  updated_at: string;
}

export interface DistributionsTable {
  id: string;
  dataset_id: string;
  position: number;
  access_url: string;
  download_url: string | null;
  format: string | null;
  media_type: string | null;
  license: string | null;
  record: string;
}

export interface RevisionsTable {
  dataset_id: string;
  revision: number;
  author_id: string | null;
  created_at: string;
  action: string;
  record: string | null;
  changes: string;
}

export interface FilesTable {
  id: string;
  dataset_id: string | null;
  name: string;
  content_type: string;
  byte_size: number;
  sha256: string;
  storage_key: string;
  created_by: string | null;
  created_at: string;
}

export interface InventoryTable {
  id: string;
  organization_id: string;
  status: string;
  target_date: string | null;
  dataset_id: string | null;
  record: string;
  created_at: string;
  updated_at: string;
}

export interface HarvestSourcesTable {
  id: string;
  organization_id: string | null;
  kind: string;
  url: string;
  config: string;
  schedule: string | null;
  created_at: string;
  updated_at: string;
}

export interface HarvestRunsTable {
  id: string;
  source_id: string;
  status: string;
  started_at: string;
  finished_at: string | null;
  stats: string;
  errors: string;
  stage: string | null;
  checkpoint: string | null;
  heartbeat_at: string | null;
  locked_by: string | null;
}

export interface HarvestRecordsTable {
  source_id: string;
  remote_id: string;
  dataset_id: string | null;
  inventory_id: string | null;
  status: string;
  content_hash: string | null;
  raw: string | null;
  problems: string;
  last_run_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface HarvestRunItemsTable {
  run_id: string;
  remote_id: string;
  seq: number;
  raw: string | null;
  state: string;
  outcome: string | null;
  problems: string | null;
}

export interface JobsTable {
  id: string;
  type: string;
  payload: string;
  status: string;
  idempotency_key: string | null;
  attempts: number;
  max_attempts: number;
  /** Epoch milliseconds, so SQL can add a timeout to it on both backends. */
  run_at: number;
  locked_by: string | null;
  locked_until: number | null;
  timeout_ms: number;
  progress: number;
  progress_note: string | null;
  result: string | null;
  error: string | null;
  created_at: string;
  updated_at: string;
}

export interface ValidationReportsTable {
  id: string;
  dataset_id: string;
  distribution_id: string | null;
  valid: number;
  report: string;
  created_at: string;
}

export interface QualitySnapshotsTable {
  id: Generated<number>;
  dataset_id: string;
  score: number;
  band: string;
  openness: number;
  details: string;
  created_at: string;
}

export interface ActivityTable {
  id: Generated<number>;
  at: string;
  actor_id: string | null;
  action: string;
  object_type: string;
  object_id: string;
  details: string;
}

export interface SearchDocsTable {
  doc_id: Generated<number>;
  dataset_id: string;
  organization_id: string | null;
  state: string;
  title_sort: string;
  modified: string;
  quality_score: number;
  title_text: string;
  description_text: string;
  keywords_text: string;
}

export interface SearchFacetsTable {
  doc_id: number;
  facet: string;
  value: string;
}

export interface SearchLogTable {
  seq: Generated<number>;
  dataset_id: string;
}

export interface DatastoreResourcesTable {
  id: string;
  dataset_id: string | null;
  table_name: string;
  fields: string;
  rows_committed: number;
  status: string;
  error: string | null;
  created_at: string;
  updated_at: string;
}

export interface LinkChecksTable {
  url: string;
  dataset_id: string;
  ok: number;
  http_status: number | null;
  error: string | null;
  checked_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  prefix: string;
  hash: string;
  name: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  user_agent: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: string | null;
  action: string;
  path: string;
  status: number;
  ip: string;
  via: string;
}

/** Every table of a catalogue database. */
export interface Tables {
  bayan_migrations: MigrationsTable;
  organizations: OrganizationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  datasets: DatasetsTable;
  distributions: DistributionsTable;
  dataset_revisions: RevisionsTable;
  files: FilesTable;
  inventory_entries: InventoryTable;
  harvest_sources: HarvestSourcesTable;
  harvest_runs: HarvestRunsTable;
  harvest_records: HarvestRecordsTable;
  harvest_run_items: HarvestRunItemsTable;
  jobs: JobsTable;
  validation_reports: ValidationReportsTable;
  quality_snapshots: QualitySnapshotsTable;
  activity: ActivityTable;
  search_docs: SearchDocsTable;
  search_facets: SearchFacetsTable;
  search_log: SearchLogTable;
  datastore_resources: DatastoreResourcesTable;
  link_checks: LinkChecksTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
}
