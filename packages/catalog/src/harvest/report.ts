import type { LocalizedMessage } from '@bayan/schema';
import type { HarvestProblem } from './problems';

/** What a run did, per record. */
export interface HarvestCounts {
  created: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
  failed: number;
}

/** One record that could not be imported, with why. */
export interface HarvestFailure {
  remoteId: string;
  problems: HarvestProblem[];
}

/** The report of one harvest run. */
export interface HarvestReport {
  runId: string;
  sourceId: string;
  /**
   * `succeeded`: everything listed was imported; `partial`: some records or pages failed (the
   * rest is kept); `failed`: nothing could be read; `interrupted`: stopped by a signal, resumable;
   * `busy`: another worker holds the run.
   */
  status: 'succeeded' | 'partial' | 'failed' | 'interrupted' | 'busy';
  counts: HarvestCounts;
  /** Records listed by the source in this run. */
  gathered: number;
  /** Whether the whole listing was read (records gone from the source are withdrawn only then). */
  complete: boolean;
  /** Whether this run took over an unfinished one. */
  resumed: boolean;
  /** Incremental run: records modified since this time only. */
  modifiedSince?: string;
  /** Failed records and their reasons (at most 1,000). */
  failures: HarvestFailure[];
  /** Problems with the source itself: unreachable pages, loops, limits. */
  problems: HarvestProblem[];
  /** One sentence with the counts, in fr/ar/en. */
  summary: LocalizedMessage;
  startedAt: string;
  finishedAt: string | null;
}

/** The one-sentence summary of a run. */
export function summarize(status: HarvestReport['status'], c: HarvestCounts): LocalizedMessage {
  const head: Record<HarvestReport['status'], LocalizedMessage> = {
    succeeded: { fr: 'Moissonnage terminé', ar: 'انتهى الحصاد', en: 'Harvest finished' },
    partial: { fr: 'Moissonnage terminé avec des erreurs', ar: 'انتهى الحصاد مع أخطاء', en: 'Harvest finished with errors' },
    failed: { fr: 'Moissonnage échoué', ar: 'فشل الحصاد', en: 'Harvest failed' },
    interrupted: { fr: 'Moissonnage interrompu (il reprendra au prochain lancement)', ar: 'توقف الحصاد (سيستأنف عند التشغيل التالي)', en: 'Harvest interrupted (it resumes on the next run)' },
    busy: { fr: 'Moissonnage déjà en cours ailleurs', ar: 'الحصاد جار في مكان آخر', en: 'Harvest already running elsewhere' },
  };
  const h = head[status];
  return {
    fr: `${h.fr} : ${c.created} créé(s), ${c.updated} mis à jour, ${c.unchanged} inchangé(s), ${c.withdrawn} retiré(s), ${c.failed} en échec.`,
    ar: `${h.ar}: ${c.created} أُنشئت، ${c.updated} حُدّثت، ${c.unchanged} دون تغيير، ${c.withdrawn} سُحبت، ${c.failed} فشلت.`,
    en: `${h.en}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.withdrawn} withdrawn, ${c.failed} failed.`,
  };
}

/**
 * A run report as plain text in one language: the summary, then source problems and failed
 * records with their reasons (the first `maxFailures`, default 20).
 *
 * @example
 * ```ts
 * console.log(formatHarvestReport(report, 'ar'));
 * ```
 */
export function formatHarvestReport(report: HarvestReport, language: 'fr' | 'ar' | 'en', maxFailures = 20): string {
  const lines = [report.summary[language]];
  for (const p of report.problems) lines.push(`  ! ${p.message[language]}`);
  for (const f of report.failures.slice(0, maxFailures)) {
    const reasons = f.problems.filter((p) => p.severity === 'error').map((p) => `${p.path === undefined ? '' : `${p.path}: `}${p.message[language]}`);
    lines.push(`  ✗ ${f.remoteId} — ${reasons.join(' ; ') || f.problems[0]?.message[language] || ''}`);
  }
  const more = report.failures.length - maxFailures;
  if (more > 0) lines.push(language === 'fr' ? `  … et ${more} autre(s)` : language === 'ar' ? `  … و${more} أخرى` : `  … and ${more} more`);
  return lines.join('\n');
}
