import type { Backend } from './store';

/** One schema change. Statements run in order inside one transaction with the version record. */
export interface Migration {
  version: number;
  name: string;
  statements: (backend: Backend) => string[];
}

// Types that differ between the backends; everything else is written once.
function types(backend: Backend) {
  const pg = backend === 'postgres';
  return {
    serial: pg ? 'bigserial PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT',
    int: pg ? 'bigint' : 'INTEGER',
    real: pg ? 'double precision' : 'REAL',
  };
}

/**
 * Bayan's migrations, oldest first. Never edit one that has shipped: add a new one.
 *
 * @example
 * ```ts
 * migrations.at(-1)?.version; // the latest schema version
 * ```
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'records',
    statements: (backend) => {
      const t = types(backend);
      return [
        `CREATE TABLE organizations (id text PRIMARY KEY, slug text NOT NULL UNIQUE, record text NOT NULL, name_sort text NOT NULL, created_at text NOT NULL, updated_at text NOT NULL)`,
        `CREATE TABLE users (id text PRIMARY KEY, email text NOT NULL UNIQUE, name text NOT NULL, password_hash text, site_admin ${t.int} NOT NULL DEFAULT 0, disabled ${t.int} NOT NULL DEFAULT 0, created_at text NOT NULL, updated_at text NOT NULL)`,
        `CREATE TABLE memberships (user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE, organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE, role text NOT NULL CHECK (role IN ('admin','editor','viewer')), created_at text NOT NULL, PRIMARY KEY (user_id, organization_id))`,
        `CREATE INDEX memberships_org ON memberships (organization_id)`,
        `CREATE TABLE datasets (id text PRIMARY KEY, slug text NOT NULL UNIQUE, organization_id text REFERENCES organizations(id), state text NOT NULL, record text NOT NULL, revision ${t.int} NOT NULL, title_sort text NOT NULL, modified text, created_at text NOT NULL, updated_at text NOT NULL)`,
        `CREATE INDEX datasets_org ON datasets (organization_id, state)`,
        `CREATE INDEX datasets_updated ON datasets (updated_at, id)`,
        `CREATE TABLE distributions (id text NOT NULL, dataset_id text NOT NULL REFERENCES datasets(id) ON DELETE CASCADE, position ${t.int} NOT NULL, access_url text NOT NULL, download_url text, format text, media_type text, license text, record text NOT NULL, PRIMARY KEY (dataset_id, id))`,
        `CREATE TABLE dataset_revisions (dataset_id text NOT NULL, revision ${t.int} NOT NULL, author_id text, created_at text NOT NULL, action text NOT NULL, record text, changes text NOT NULL, PRIMARY KEY (dataset_id, revision))`,
        `CREATE TABLE files (id text PRIMARY KEY, dataset_id text, name text NOT NULL, content_type text NOT NULL, byte_size ${t.int} NOT NULL, sha256 text NOT NULL, storage_key text NOT NULL, created_by text, created_at text NOT NULL)`,
        `CREATE INDEX files_dataset ON files (dataset_id)`,
        `CREATE TABLE inventory_entries (id text PRIMARY KEY, organization_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE, status text NOT NULL, target_date text, dataset_id text, record text NOT NULL, created_at text NOT NULL, updated_at text NOT NULL)`,
        `CREATE INDEX inventory_org ON inventory_entries (organization_id, status)`,
        `CREATE TABLE harvest_sources (id text PRIMARY KEY, organization_id text, kind text NOT NULL, url text NOT NULL, config text NOT NULL, schedule text, created_at text NOT NULL, updated_at text NOT NULL)`,
        `CREATE TABLE harvest_runs (id text PRIMARY KEY, source_id text NOT NULL REFERENCES harvest_sources(id) ON DELETE CASCADE, status text NOT NULL, started_at text NOT NULL, finished_at text, stats text NOT NULL, errors text NOT NULL)`,
        `CREATE INDEX harvest_runs_source ON harvest_runs (source_id, started_at)`,
        `CREATE TABLE jobs (id text PRIMARY KEY, type text NOT NULL, payload text NOT NULL, status text NOT NULL, idempotency_key text UNIQUE, attempts ${t.int} NOT NULL DEFAULT 0, max_attempts ${t.int} NOT NULL, run_at ${t.int} NOT NULL, locked_by text, locked_until ${t.int}, timeout_ms ${t.int} NOT NULL, progress ${t.real} NOT NULL DEFAULT 0, progress_note text, result text, error text, created_at text NOT NULL, updated_at text NOT NULL)`,
        `CREATE INDEX jobs_ready ON jobs (status, run_at)`,
        `CREATE TABLE validation_reports (id text PRIMARY KEY, dataset_id text NOT NULL, distribution_id text, valid ${t.int} NOT NULL, report text NOT NULL, created_at text NOT NULL)`,
        `CREATE INDEX validation_reports_dataset ON validation_reports (dataset_id, created_at)`,
        `CREATE TABLE quality_snapshots (id ${t.serial}, dataset_id text NOT NULL, score ${t.real} NOT NULL, band text NOT NULL, openness ${t.int} NOT NULL, details text NOT NULL, created_at text NOT NULL)`,
        `CREATE INDEX quality_snapshots_dataset ON quality_snapshots (dataset_id, id)`,
        `CREATE TABLE activity (id ${t.serial}, at text NOT NULL, actor_id text, action text NOT NULL, object_type text NOT NULL, object_id text NOT NULL, details text NOT NULL)`,
        `CREATE INDEX activity_object ON activity (object_type, object_id, id)`,
        `CREATE TABLE datastore_resources (id text PRIMARY KEY, dataset_id text, table_name text NOT NULL UNIQUE, fields text NOT NULL, rows_committed ${t.int} NOT NULL DEFAULT 0, status text NOT NULL, error text, created_at text NOT NULL, updated_at text NOT NULL)`,
        `CREATE TABLE link_checks (url text NOT NULL, dataset_id text NOT NULL, ok ${t.int} NOT NULL, http_status ${t.int}, error text, checked_at text NOT NULL, PRIMARY KEY (dataset_id, url))`,
      ];
    },
  },
  {
    version: 2,
    name: 'search',
    statements: (backend) => {
      const t = types(backend);
      const common = [
        `CREATE TABLE search_docs (doc_id ${t.serial}, dataset_id text NOT NULL UNIQUE, organization_id text, state text NOT NULL, title_sort text NOT NULL, modified text NOT NULL, quality_score ${t.real} NOT NULL, title_text text NOT NULL, description_text text NOT NULL, keywords_text text NOT NULL)`,
        `CREATE INDEX search_docs_modified ON search_docs (state, modified, doc_id)`,
        `CREATE INDEX search_docs_title ON search_docs (state, title_sort, doc_id)`,
        `CREATE INDEX search_docs_quality ON search_docs (state, quality_score, doc_id)`,
        `CREATE TABLE search_facets (doc_id ${t.int} NOT NULL, facet text NOT NULL, value text NOT NULL, PRIMARY KEY (facet, value, doc_id))`,
        `CREATE INDEX search_facets_doc ON search_facets (doc_id, facet, value)`,
      ];
      if (backend === 'postgres') {
        return [
          ...common,
          `ALTER TABLE search_docs ADD COLUMN tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple', title_text), 'A') || setweight(to_tsvector('simple', keywords_text), 'B') || setweight(to_tsvector('simple', description_text), 'C')) STORED`,
          `CREATE INDEX search_docs_tsv ON search_docs USING gin (tsv)`,
        ];
      }
      return [
        ...common,
        `CREATE VIRTUAL TABLE search_fts USING fts5(title, keywords, description, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2')`,
      ];
    },
  },
  {
    version: 3,
    name: 'harvest-runs',
    statements: (backend) => {
      const t = types(backend);
      // Harvest runs checkpoint in the database so a killed run resumes; records map each source
      // identifier to its dataset (deduplication) and keep the last raw content with its problems.
      return [
        `ALTER TABLE harvest_runs ADD COLUMN stage text`,
        `ALTER TABLE harvest_runs ADD COLUMN checkpoint text`,
        `ALTER TABLE harvest_runs ADD COLUMN heartbeat_at text`,
        `ALTER TABLE harvest_runs ADD COLUMN locked_by text`,
        `CREATE TABLE harvest_records (source_id text NOT NULL, remote_id text NOT NULL, dataset_id text, inventory_id text, status text NOT NULL, content_hash text, raw text, problems text NOT NULL, last_run_id text, created_at text NOT NULL, updated_at text NOT NULL, PRIMARY KEY (source_id, remote_id))`,
        `CREATE INDEX harvest_records_dataset ON harvest_records (dataset_id)`,
        `CREATE TABLE harvest_run_items (run_id text NOT NULL, remote_id text NOT NULL, seq ${t.int} NOT NULL, raw text, state text NOT NULL, outcome text, problems text, PRIMARY KEY (run_id, remote_id))`,
        `CREATE INDEX harvest_run_items_seq ON harvest_run_items (run_id, state, seq)`,
      ];
    },
  },
  {
    version: 4,
    name: 'search-log',
    statements: (backend) => {
      const t = types(backend);
      // Every change to the search index appends the dataset's id here; each process's in-memory
      // search index replays the entries after the last sequence number it has seen.
      return [`CREATE TABLE search_log (seq ${t.serial}, dataset_id text NOT NULL)`];
    },
  },
  {
    version: 5,
    name: 'auth',
    statements: (backend) => {
      const t = types(backend);
      // API tokens, server-side sessions and the HTTP audit trail belong to the catalogue. Servers
      // before this version created `server_api_tokens` and `server_audit` themselves: each is
      // created here when missing (with the old server's own DDL), its rows copied, then dropped,
      // so one statement list works on both backends whether or not the old tables exist.
      return [
        `CREATE TABLE api_tokens (id text PRIMARY KEY, user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE, prefix text NOT NULL UNIQUE, hash text NOT NULL, name text NOT NULL, created_at text NOT NULL, expires_at text, revoked_at text, last_used_at text)`,
        `CREATE INDEX api_tokens_user ON api_tokens (user_id, created_at)`,
        `CREATE TABLE sessions (id text PRIMARY KEY, token_hash text NOT NULL UNIQUE, user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE, created_at text NOT NULL, expires_at text NOT NULL, last_seen_at text NOT NULL, user_agent text, revoked_at text)`,
        `CREATE INDEX sessions_user ON sessions (user_id, created_at)`,
        `CREATE INDEX sessions_expires ON sessions (expires_at)`,
        `CREATE TABLE audit_log (id ${t.serial}, at text NOT NULL, actor_id text, action text NOT NULL, path text NOT NULL, status ${t.int} NOT NULL, ip text NOT NULL, via text NOT NULL)`,
        `CREATE INDEX audit_log_actor ON audit_log (actor_id, id)`,
        `CREATE TABLE IF NOT EXISTS server_api_tokens (id text PRIMARY KEY, user_id text NOT NULL, prefix text NOT NULL UNIQUE, hash text NOT NULL, name text NOT NULL, created_at text NOT NULL, expires_at text, revoked_at text, last_used_at text)`,
        `INSERT INTO api_tokens (id, user_id, prefix, hash, name, created_at, expires_at, revoked_at, last_used_at) SELECT id, user_id, prefix, hash, name, created_at, expires_at, revoked_at, last_used_at FROM server_api_tokens WHERE user_id IN (SELECT id FROM users)`,
        `DROP TABLE server_api_tokens`,
        `CREATE TABLE IF NOT EXISTS server_audit (at text NOT NULL, actor_id text, action text NOT NULL, path text NOT NULL, status integer NOT NULL, ip text NOT NULL, via text NOT NULL)`,
        `INSERT INTO audit_log (at, actor_id, action, path, status, ip, via) SELECT at, actor_id, action, path, status, ip, via FROM server_audit ORDER BY at`,
        `DROP TABLE server_audit`,
      ];
    },
  },
];
