import { createHash } from 'node:crypto';
import { fromDcat, type DcatFormat, type DcatProblem } from '@bayan/dcat';
import type { Dataset, Language } from '@bayan/schema';
import type { AdapterContext, GatherPage, GatheredItem, SourceAdapter, TransformedRecord } from './adapter';
import { dcatUsItems, isDcatUs, transformDcatUs } from './dcatUs';
import { fetchDocument } from './fetchText';
import { parseJsonLimited } from './jsonLimits';
import { harvestMessages, harvestProblem, type HarvestProblem } from './problems';

/** Settings of a DCAT source (all optional). */
export interface DcatSourceSettings {
  /** The RDF syntax; default from the response's content type, then the URL's extension. */
  format?: DcatFormat | 'dcat-us';
  /** Language of untagged text; default `fr`. */
  defaultLanguage?: Language;
}

/** The RDF syntax of a document, from its declared type, its address, then its first characters. */
export function dcatFormatOf(contentType: string, url: string, text: string): DcatFormat | 'json' {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'text/turtle' || type === 'application/x-turtle') return 'turtle';
  if (type === 'application/n-triples') return 'ntriples';
  if (type === 'application/ld+json') return 'jsonld';
  if (type === 'application/rdf+xml') return 'rdfxml';
  if (type === 'application/json') return 'json';
  const path = url.split(/[?#]/)[0]?.toLowerCase() ?? '';
  if (path.endsWith('.ttl')) return 'turtle';
  if (path.endsWith('.nt')) return 'ntriples';
  if (path.endsWith('.jsonld')) return 'jsonld';
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.rdf') || path.endsWith('.xml') || path.endsWith('.owl')) return 'rdfxml';
  const head = text.trimStart().slice(0, 1);
  if (head === '<') return 'rdfxml';
  if (head === '{' || head === '[') return 'json';
  return 'turtle';
}

function toProblem(p: DcatProblem, remoteId?: string): HarvestProblem {
  return harvestProblem(p.code, p.severity, p.message, { ...(remoteId === undefined ? {} : { remoteId }), ...(p.path === undefined ? {} : { path: p.path }) });
}

function remoteIdOf(d: Dataset): string {
  return d.uri ?? d.identifier ?? `sha256:${createHash('sha256').update(JSON.stringify([d.title, d.description])).digest('hex').slice(0, 32)}`;
}

interface Cursor {
  next: string;
  visited: string[];
}

/**
 * A DCAT source: any RDF syntax @bayan/dcat reads (Turtle, N-Triples, JSON-LD, RDF/XML; XML
 * entities and remote contexts refused), Hydra-paged (a page that points back is a loop and
 * stops the listing), or a DCAT-US `data.json`. The cursor is the next page and the pages read.
 */
export function dcatAdapter(context: AdapterContext): SourceAdapter {
  const settings = context.settings as DcatSourceSettings;
  const language = settings.defaultLanguage ?? 'fr';
  return {
    async *gather(cursorText): AsyncGenerator<GatherPage> {
      const cursor: Cursor = cursorText === undefined ? { next: context.url, visited: [] } : (JSON.parse(cursorText) as Cursor);
      let url: string | undefined = cursor.next;
      const visited = new Set(cursor.visited);
      while (url !== undefined) {
        if (visited.has(url)) {
          yield { items: [], cursor: undefined, problems: [harvestProblem('page_loop', 'error', harvestMessages.pageLoop(url), { path: url })], incomplete: true };
          return;
        }
        visited.add(url);
        const got = await fetchDocument(url, context.policy, context.allowLocalFiles);
        if (!got.ok) {
          yield { items: [], cursor: undefined, problems: [got.problem], incomplete: true };
          return;
        }
        const { text, contentType } = got.value;
        const detected = settings.format === 'dcat-us' ? 'json' : (settings.format ?? dcatFormatOf(contentType, url, text));
        let items: GatheredItem[] = [];
        const problems: HarvestProblem[] = [];
        let next: string | undefined;
        let total: number | undefined;
        if (detected === 'json') {
          const parsed = parseJsonLimited(text, url);
          if (!parsed.ok) {
            yield { items: [], cursor: undefined, problems: [parsed.problem], incomplete: true };
            return;
          }
          if (isDcatUs(parsed.value)) {
            items = dcatUsItems(parsed.value);
            total = items.length;
          } else {
            const read = await fromDcat(text, { format: 'jsonld', baseIRI: url, ...(context.policy.maxBytes === undefined ? {} : { maxBytes: context.policy.maxBytes }), defaultLanguage: language });
            ({ items, next } = itemsOf(read.datasets, read.problems, url, problems));
            next ??= read.nextPage;
          }
        } else {
          const read = await fromDcat(text, { format: detected, baseIRI: url, ...(context.policy.maxBytes === undefined ? {} : { maxBytes: context.policy.maxBytes }), defaultLanguage: language });
          ({ items } = itemsOf(read.datasets, read.problems, url, problems));
          next = read.nextPage;
        }
        const nextUrl: string | undefined = next === undefined ? undefined : new URL(next, url).href;
        const syntaxBroken = problems.some((p) => p.severity === 'error' && p.remoteId === undefined);
        const visitedList = [...visited].slice(-1000);
        yield {
          items,
          cursor: nextUrl === undefined ? undefined : JSON.stringify({ next: nextUrl, visited: visitedList } satisfies Cursor),
          problems,
          ...(total === undefined ? {} : { total }),
          ...(syntaxBroken ? { incomplete: true } : {}),
        };
        url = nextUrl;
      }
    },
    transform(raw, remoteId): TransformedRecord {
      const parsed = parseJsonLimited(raw, remoteId);
      if (!parsed.ok) return { kind: 'failed', problems: [{ ...parsed.problem, remoteId }] };
      const body = parsed.value as { dataset?: Dataset; dcatUs?: unknown; problems?: HarvestProblem[] };
      if ('dcatUs' in body) return transformDcatUs(body.dcatUs, remoteId, language);
      const problems = body.problems ?? [];
      if (body.dataset === undefined) return { kind: 'failed', problems };
      return { kind: 'dataset', dataset: body.dataset, problems };
    },
  };
}

function itemsOf(datasets: Dataset[], dcatProblems: DcatProblem[], url: string, pageProblems: HarvestProblem[]): { items: GatheredItem[]; next?: string } {
  const bySubject = new Map<string, DcatProblem[]>();
  for (const p of dcatProblems) {
    const list = bySubject.get(p.subject) ?? [];
    list.push(p);
    bySubject.set(p.subject, list);
  }
  const items: GatheredItem[] = [];
  const used = new Set<string>();
  for (const d of datasets) {
    const remoteId = remoteIdOf(d);
    const own = d.uri === undefined ? [] : (bySubject.get(d.uri) ?? []);
    if (d.uri !== undefined) used.add(d.uri);
    items.push({ remoteId, raw: JSON.stringify({ dataset: d, problems: own.map((p) => toProblem(p, remoteId)) }) });
  }
  for (const [subject, list] of bySubject) {
    if (used.has(subject)) continue;
    if (subject === '' || subject === url) {
      pageProblems.push(...list.map((p) => ({ ...toProblem(p), path: url })));
      continue;
    }
    // A record that could not be read: reported as a failed item with its problems.
    if (list.some((p) => p.severity === 'error')) items.push({ remoteId: subject, raw: JSON.stringify({ problems: list.map((p) => toProblem(p, subject)) }) });
  }
  return { items };
}
