import { fromCkanPackage, type FromCkanOptions, type Language } from '@bayan/schema';
import type { AdapterContext, GatherPage, GatheredItem, SourceAdapter, TransformedRecord } from './adapter';
import { fetchDocument } from './fetchText';
import { parseJsonLimited } from './jsonLimits';
import { harvestMessages, harvestProblem, type HarvestProblem } from './problems';

/** Settings of a CKAN Action API source (all optional). */
export interface CkanSourceSettings {
  /** Packages per `package_search` page; default 100 (CKAN caps it at 1,000). */
  rows?: number;
  /** A Solr filter added to every search, e.g. `organization:finances`. */
  fq?: string;
  /** CKAN group name → EU data theme code, URI or label (e.g. `{ economie: 'ECON' }`). */
  groupThemes?: Record<string, string | string[]>;
  /** Language of plain (untranslated) titles and descriptions; default `fr`. */
  defaultLanguage?: Language;
  /** For organisation titles packed as `"English | Français"`: the language of each part. */
  splitTitles?: Language[];
}

/**
 * The Action API base of a CKAN URL: `…/api/3/action` (a site root gets it appended).
 *
 * @example
 * ```ts
 * ckanActionBase('https://data.gov.ma/data'); // 'https://data.gov.ma/data/api/3/action'
 * ```
 */
export function ckanActionBase(url: string): string {
  const trimmed = url.replace(/\/+$/, '');
  if (/\/api\/3\/action$/.test(trimmed) || /\/api\/action$/.test(trimmed)) return trimmed;
  return `${trimmed}/api/3/action`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a failed item's raw content is when the listing gave something that is not a package. */
export function ckanItemsOf(results: unknown[], offset: number): GatheredItem[] {
  return results.map((pkg, i) => {
    const id = isRecord(pkg) ? (typeof pkg.id === 'string' && pkg.id !== '' ? pkg.id : typeof pkg.name === 'string' && pkg.name !== '' ? pkg.name : undefined) : undefined;
    return { remoteId: id ?? `#${offset + i}`, raw: JSON.stringify(pkg ?? null) };
  });
}

/** Reads one CKAN package as a Bayan dataset (the schema's CKAN mapping). */
export function transformCkanPackage(raw: string, remoteId: string, options: FromCkanOptions): TransformedRecord {
  const parsed = parseJsonLimited(raw, remoteId);
  if (!parsed.ok) return { kind: 'failed', problems: [{ ...parsed.problem, remoteId }] };
  const body = parsed.value;
  // A package_show envelope is accepted too (dumps made of package_show responses).
  const pkg = isRecord(body) && 'result' in body && 'success' in body ? body.result : body;
  if (!isRecord(pkg) || (typeof pkg.id !== 'string' && typeof pkg.name !== 'string')) {
    return { kind: 'failed', problems: [harvestProblem('not_a_package', 'error', harvestMessages.notAPackage(), { remoteId })] };
  }
  const mapped = fromCkanPackage(pkg, options);
  const problems: HarvestProblem[] = mapped.problems.map((p) => harvestProblem(p.code, 'warning', p.message, { remoteId, path: p.path }));
  return mapped.organization ? { kind: 'dataset', dataset: mapped.dataset, organization: mapped.organization, problems } : { kind: 'dataset', dataset: mapped.dataset, problems };
}

export function ckanOptions(settings: Record<string, unknown>, baseUrl: string): FromCkanOptions {
  const s = settings as CkanSourceSettings;
  const options: FromCkanOptions = { baseUrl: baseUrl.replace(/\/api\/(3\/)?action$/, '/') };
  if (s.defaultLanguage !== undefined) options.defaultLanguage = s.defaultLanguage;
  if (s.groupThemes !== undefined) options.groupThemes = s.groupThemes;
  if (s.splitTitles !== undefined) options.splitTitles = s.splitTitles;
  return options;
}

/**
 * A CKAN 2.9–2.11 Action API source: pages through `package_search` (sorted by creation, so new
 * packages land on later pages), with `metadata_modified` since the last successful run on
 * incremental runs. The cursor is the next offset.
 */
export function ckanAdapter(context: AdapterContext): SourceAdapter {
  const base = ckanActionBase(context.url);
  const settings = context.settings as CkanSourceSettings;
  const rows = Math.max(1, Math.min(1000, Math.trunc(settings.rows ?? 100)));
  const options = ckanOptions(context.settings, base);
  return {
    async *gather(cursor): AsyncGenerator<GatherPage> {
      let start = cursor === undefined ? 0 : Number(cursor) || 0;
      let failures = 0;
      for (;;) {
        const params = new URLSearchParams({ q: '*:*', rows: String(rows), start: String(start), sort: 'metadata_created asc, id asc' });
        const filters = [settings.fq, context.modifiedSince === undefined ? undefined : `metadata_modified:[${context.modifiedSince} TO *]`].filter((f): f is string => f !== undefined && f !== '');
        if (filters.length > 0) params.set('fq', filters.join(' AND '));
        const url = `${base}/package_search?${params.toString()}`;
        const got = await fetchDocument(url, context.policy, false);
        let problem: HarvestProblem | undefined;
        let results: unknown[] | undefined;
        let count: number | undefined;
        if (!got.ok) problem = got.problem;
        else {
          const parsed = parseJsonLimited(got.value.text, url);
          if (!parsed.ok) problem = parsed.problem;
          else if (isRecord(parsed.value) && parsed.value.success === false) {
            const error = parsed.value.error;
            const detail = isRecord(error) ? (typeof error.message === 'string' ? error.message : JSON.stringify(error)) : JSON.stringify(error ?? null);
            problem = harvestProblem('ckan_error', 'error', harvestMessages.ckanError(url, detail.slice(0, 300)), { path: url });
          } else if (isRecord(parsed.value) && isRecord(parsed.value.result) && Array.isArray(parsed.value.result.results)) {
            results = parsed.value.result.results;
            count = typeof parsed.value.result.count === 'number' ? parsed.value.result.count : undefined;
          } else problem = harvestProblem('not_ckan', 'error', harvestMessages.notCkan(url), { path: url });
        }
        if (problem !== undefined || results === undefined) {
          failures++;
          // The source itself is unreachable (first page, or three pages in a row): stop; else skip the page.
          const stop = (start === 0 && cursor === undefined) || failures >= 3 || problem?.code === 'timeout' || problem?.code === 'blocked_address';
          const next = start + rows;
          yield { items: [], cursor: stop ? undefined : String(next), problems: problem ? [problem] : [], incomplete: true };
          if (stop) return;
          start = next;
          continue;
        }
        failures = 0;
        const items = ckanItemsOf(results, start);
        start += results.length;
        const done = results.length === 0 || (count !== undefined && start >= count);
        yield { items, cursor: done ? undefined : String(start), problems: [], ...(count === undefined ? {} : { total: count }) };
        if (done) return;
      }
    },
    transform: (raw, remoteId) => transformCkanPackage(raw, remoteId, options),
  };
}
