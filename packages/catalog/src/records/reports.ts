import type { CatalogContext } from '../context';
import { newId } from '../ids';
import type { QualityBand } from '../quality';

/** A stored validation report of one distribution. */
export interface StoredValidationReport {
  id: string;
  datasetId: string;
  distributionId: string | null;
  valid: boolean;
  report: unknown;
  createdAt: string;
}

/** A stored quality score. */
export interface QualitySnapshot {
  datasetId: string;
  score: number;
  band: QualityBand;
  openness: number;
  details: unknown;
  createdAt: string;
}

/** Validation reports, quality snapshots and link-check results. */
export interface Reports {
  /** Stores a validation report and rescores the dataset. */
  addValidation(input: { datasetId: string; distributionId?: string | null; valid: boolean; report: unknown }): Promise<StoredValidationReport>;
  validations(datasetId: string): Promise<StoredValidationReport[]>;
  /** The latest quality snapshot of a dataset. */
  quality(datasetId: string): Promise<QualitySnapshot | undefined>;
  /** Every quality snapshot of a dataset, newest first. */
  qualityHistory(datasetId: string, limit?: number): Promise<QualitySnapshot[]>;
  /** Stores a link check result (the link-check job calls this) and rescores the dataset. */
  recordLinkCheck(input: { datasetId: string; url: string; ok: boolean; httpStatus: number | null; error: string | null }): Promise<void>;
  linkChecks(datasetId: string): Promise<{ url: string; ok: boolean; httpStatus: number | null; error: string | null; checkedAt: string }[]>;
}

/** Builds the reports part; `refresh` rescores and reindexes a dataset. */
export function createReports(ctx: CatalogContext, refresh: (datasetId: string) => Promise<void>): Reports {
  const db = () => ctx.store.db;
  const toSnapshot = (r: { dataset_id: string; score: number; band: string; openness: number; details: string; created_at: string }): QualitySnapshot => ({
    datasetId: r.dataset_id,
    score: Number(r.score),
    band: r.band as QualityBand,
    openness: Number(r.openness),
    details: JSON.parse(r.details) as unknown,
    createdAt: r.created_at,
  });
  return {
    async addValidation(input) {
      const row = { id: newId(), dataset_id: input.datasetId, distribution_id: input.distributionId ?? null, valid: input.valid ? 1 : 0, report: JSON.stringify(input.report), created_at: ctx.now() };
      await db().insertInto('validation_reports').values(row).execute();
      await refresh(input.datasetId);
      return { id: row.id, datasetId: row.dataset_id, distributionId: row.distribution_id, valid: input.valid, report: input.report, createdAt: row.created_at };
    },
    async validations(datasetId) {
      const rows = await db().selectFrom('validation_reports').selectAll().where('dataset_id', '=', datasetId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
      return rows.map((r) => ({ id: r.id, datasetId: r.dataset_id, distributionId: r.distribution_id, valid: Number(r.valid) === 1, report: JSON.parse(r.report) as unknown, createdAt: r.created_at }));
    },
    async quality(datasetId) {
      const row = await db().selectFrom('quality_snapshots').selectAll().where('dataset_id', '=', datasetId).orderBy('id', 'desc').limit(1).executeTakeFirst();
      return row ? toSnapshot(row) : undefined;
    },
    async qualityHistory(datasetId, limit = 50) {
      const rows = await db().selectFrom('quality_snapshots').selectAll().where('dataset_id', '=', datasetId).orderBy('id', 'desc').limit(limit).execute();
      return rows.map(toSnapshot);
    },
    async recordLinkCheck(input) {
      await db().transaction().execute(async (trx) => {
        await trx.deleteFrom('link_checks').where('dataset_id', '=', input.datasetId).where('url', '=', input.url).execute();
        await trx
          .insertInto('link_checks')
          .values({ dataset_id: input.datasetId, url: input.url, ok: input.ok ? 1 : 0, http_status: input.httpStatus, error: input.error, checked_at: ctx.now() })
          .execute();
      });
      await refresh(input.datasetId);
    },
    async linkChecks(datasetId) {
      const rows = await db().selectFrom('link_checks').selectAll().where('dataset_id', '=', datasetId).orderBy('url').execute();
      return rows.map((r) => ({ url: r.url, ok: Number(r.ok) === 1, httpStatus: r.http_status === null ? null : Number(r.http_status), error: r.error, checkedAt: r.checked_at }));
    },
  };
}
