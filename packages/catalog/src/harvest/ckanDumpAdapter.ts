import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { AdapterContext, GatherPage, SourceAdapter } from './adapter';
import { ckanItemsOf, ckanOptions, transformCkanPackage } from './ckanAdapter';
import { parseJsonLimited } from './jsonLimits';
import { harvestMessages, harvestProblem } from './problems';

const PAGE = 500;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A CKAN dump on disk: JSON lines (one package or `package_show` response per line, as
 * `ckanapi dump datasets` writes), or one JSON document (a `package_search` response or an array of
 * packages). The cursor is the number of lines (or packages) already gathered. Command line only.
 */
export function ckanDumpAdapter(context: AdapterContext): SourceAdapter {
  const path = context.url.startsWith('file:') ? fileURLToPath(context.url) : context.url;
  const options = ckanOptions(context.settings, '');
  return {
    async *gather(cursor): AsyncGenerator<GatherPage> {
      if (!context.allowLocalFiles) {
        yield { items: [], cursor: undefined, problems: [harvestProblem('local_file_refused', 'error', harvestMessages.localFilesRefused(context.url), { path: context.url })], incomplete: true };
        return;
      }
      const skip = cursor === undefined ? 0 : Number(cursor) || 0;
      let size: number;
      try {
        size = (await stat(path)).size;
      } catch (error) {
        yield { items: [], cursor: undefined, problems: [harvestProblem('network', 'error', harvestMessages.network(context.url, (error as NodeJS.ErrnoException).code ?? 'read error'), { path: context.url })], incomplete: true };
        return;
      }
      if (/\.json$/i.test(path)) {
        const max = context.policy.maxBytes ?? 64 * 1024 * 1024;
        if (size > max) {
          yield { items: [], cursor: undefined, problems: [harvestProblem('too_large', 'error', harvestMessages.tooLarge(context.url, max), { path: context.url })], incomplete: true };
          return;
        }
        const parsed = parseJsonLimited(await readFile(path, 'utf8'), context.url);
        if (!parsed.ok) {
          yield { items: [], cursor: undefined, problems: [parsed.problem], incomplete: true };
          return;
        }
        const body = isRecord(parsed.value) && 'result' in parsed.value ? parsed.value.result : parsed.value;
        const list = Array.isArray(body) ? body : isRecord(body) && Array.isArray(body.results) ? body.results : [body];
        for (let i = skip; i < list.length; i += PAGE) {
          const slice = list.slice(i, i + PAGE);
          yield { items: ckanItemsOf(slice, i), cursor: i + PAGE >= list.length ? undefined : String(i + PAGE), problems: [], total: list.length };
        }
        if (skip >= list.length) yield { items: [], cursor: undefined, problems: [], total: list.length };
        return;
      }
      const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
      let lineNo = 0;
      let page: GatherPage['items'] = [];
      const problems: GatherPage['problems'] = [];
      for await (const line of lines) {
        lineNo++;
        if (lineNo <= skip) continue;
        if (line.trim() === '') {
          if (page.length >= PAGE) {
            yield { items: page, cursor: String(lineNo), problems: problems.splice(0) };
            page = [];
          }
          continue;
        }
        const parsed = parseJsonLimited(line, `${context.url}:${lineNo}`);
        const value = parsed.ok ? parsed.value : undefined;
        const pkg = isRecord(value) && 'result' in value && 'success' in value ? value.result : value;
        const [item] = ckanItemsOf([pkg], lineNo - 1);
        // A line that is not JSON keeps its text, so the failure report shows it.
        page.push(parsed.ok ? item! : { remoteId: `#line-${lineNo}`, raw: line.slice(0, 1_000_000) });
        if (page.length >= PAGE) {
          yield { items: page, cursor: String(lineNo), problems: problems.splice(0) };
          page = [];
        }
      }
      yield { items: page, cursor: undefined, problems };
    },
    transform: (raw, remoteId) => transformCkanPackage(raw, remoteId, options),
  };
}
