import type { Datasets } from '../records/datasets';
import type { Reports } from '../records/reports';
import { createLinkChecker, type LinkCheckOptions, type LinkCheckResult } from './linkChecker';

/** Link checks of datasets; results are stored and feed the quality score. */
export interface Links {
  /** Checks every access and download URL of a dataset, stores the results and rescores it. */
  checkDataset(datasetId: string, options?: LinkCheckOptions): Promise<LinkCheckResult[]>;
}

/** Builds the links part of a catalogue. */
export function createLinks(datasets: Datasets, reports: Reports, defaults: LinkCheckOptions = {}): Links {
  return {
    async checkDataset(datasetId, options = {}) {
      const dataset = await datasets.get(datasetId);
      if (!dataset) return [];
      const urls = new Set<string>();
      for (const d of dataset.record.distributions) {
        urls.add(d.accessUrl);
        if (d.downloadUrl !== undefined) urls.add(d.downloadUrl);
      }
      const checker = createLinkChecker({ ...defaults, ...options });
      const results = await Promise.all([...urls].map((url) => checker.check(url)));
      for (const r of results) {
        await reports.recordLinkCheck({ datasetId: dataset.id, url: r.url, ok: r.ok, httpStatus: r.httpStatus, error: r.error });
      }
      return results;
    },
  };
}
