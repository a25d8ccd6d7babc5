import type { Catalog, SearchQuery, StoredDataset, StoredOrganization } from '@bayan/catalog';
import { dataThemes, licences, type Language } from '@bayan/schema';
import type { Context } from 'hono';
import { z } from 'zod';
import type { BayanApp, BayanEnv } from '../context';
import { ProblemError } from '../problem';
import { validationProblem } from '../validation';
import { ckanGroupName, ckanLicenceId, toCkanGroup, toCkanOrganization, toCkanPackage, toCkanResource } from './ckanPackage';

/** Options of the CKAN-compatible API. */
export interface CkanApiOptions {
  siteTitle: string;
  siteUrl: string;
  version: string;
  /** Ids of distributions loaded in the datastore (for `datastore_active`). */
  datastoreResources?: () => Promise<ReadonlySet<string>>;
  datastoreSearch?: (c: Context<BayanEnv>, params: Record<string, unknown>) => Promise<unknown>;
}

const CKAN_FACETS: Record<string, NonNullable<SearchQuery['facets']>[number]> = {
  organization: 'organization',
  groups: 'theme',
  tags: 'keyword',
  res_format: 'format',
  license_id: 'licence',
};

const SORTS: Record<string, [NonNullable<SearchQuery['sort']>, 'asc' | 'desc']> = {
  'score desc': ['relevance', 'desc'],
  'metadata_modified desc': ['modified', 'desc'],
  'metadata_modified asc': ['modified', 'asc'],
  'metadata_created desc': ['modified', 'desc'],
  'title_string asc': ['title', 'asc'],
  'title_string desc': ['title', 'desc'],
  'name asc': ['title', 'asc'],
  'name desc': ['title', 'desc'],
};

const MAX_START = 10_000;

const searchParams = z.object({
  q: z.string().max(500).optional(),
  fq: z.string().max(2000).optional(),
  rows: z.coerce.number().int().min(0).max(1000).default(10),
  start: z.coerce.number().int().min(0).max(MAX_START).default(0),
  sort: z.string().max(200).optional(),
  'facet.field': z.union([z.string().max(1000), z.array(z.string().max(50)).max(10)]).optional(),
  'facet.limit': z.coerce.number().int().min(-1).max(1000).default(50),
  facet: z.union([z.string(), z.boolean()]).optional(),
  include_private: z.union([z.string(), z.boolean()]).optional(),
});

function ckanValidation(field: string, message: string): ProblemError {
  return new ProblemError('validation', { errors: [{ pointer: `/${field}`, code: 'invalid', message: { fr: message, ar: message, en: message } }] });
}

/** Parses CKAN/Solr `fq` of the simple kind portals use: `field:value` terms joined by spaces or AND. */
export function parseFq(fq: string | undefined, orgIdsBySlug: Map<string, string>): NonNullable<SearchQuery['filters']> {
  const filters: NonNullable<SearchQuery['filters']> = {};
  if (!fq) return filters;
  const re = /\+?([a-z_]+):(?:"([^"]{0,200})"|([^\s"()]{1,200}))/gi;
  let m: RegExpExecArray | null;
  let count = 0;
  while ((m = re.exec(fq)) !== null && count++ < 50) {
    const field = (m[1] ?? '').toLowerCase();
    const value = m[2] ?? m[3] ?? '';
    const add = (facet: keyof typeof filters, v: string): void => {
      filters[facet] = [...(filters[facet] ?? []), v];
    };
    if (field === 'organization' || field === 'owner_org') add('organization', orgIdsBySlug.get(value) ?? value);
    else if (field === 'groups') add('theme', value.toUpperCase());
    else if (field === 'tags') add('keyword', value.toLowerCase());
    else if (field === 'res_format') add('format', value.toUpperCase());
    else if (field === 'license_id') add('licence', licences.find(value)?.uri ?? value);
    else throw ckanValidation('fq', `unsupported fq field: ${field} (supported: organization, groups, tags, res_format, license_id)`);
  }
  return filters;
}

function facetFields(raw: string | string[] | undefined): string[] {
  if (raw === undefined) return [];
  if (Array.isArray(raw)) return raw;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (Array.isArray(parsed) && parsed.every((f) => typeof f === 'string')) return parsed.slice(0, 10);
  } catch {
    /* a single field name */
  }
  return raw.split(',').map((s) => s.trim()).filter(Boolean).slice(0, 10);
}

async function params(c: Context<BayanEnv>): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c.req.queries())) out[k] = v.length === 1 ? v[0] : v;
  if (c.req.method === 'POST') {
    const type = c.req.header('content-type') ?? '';
    if (type.includes('json')) {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        throw new ProblemError('bad-request', { detail: { fr: 'Corps JSON invalide.', ar: 'محتوى JSON غير صالح.', en: 'Invalid JSON body.' } });
      }
      if (typeof body === 'object' && body !== null && !Array.isArray(body)) Object.assign(out, body);
    } else if (type.includes('form')) {
      Object.assign(out, await c.req.parseBody());
    }
  }
  return out;
}

function envelope(c: Context<BayanEnv>, action: string, result: unknown): Response {
  return c.json({ help: `${new URL(c.req.url).origin}/api/3/action/help_show?name=${action}`, success: true, result });
}

function requiredId(p: Record<string, unknown>, name = 'id'): string {
  const v = p[name];
  if (typeof v !== 'string' || v.length === 0 || v.length > 200) throw ckanValidation(name, 'Missing value');
  return v;
}

/** Registers the CKAN 2.9-compatible read API under /api/3/action/. */
export function registerCkanApi(app: BayanApp, catalog: Catalog, options: CkanApiOptions): void {
  const orgMaps = async () => {
    const orgs = await catalog.organizations.list();
    return { byId: new Map(orgs.map((o) => [o.id, o])), idBySlug: new Map(orgs.map((o) => [o.slug, o.id])) };
  };
  const publishedDataset = async (id: string): Promise<StoredDataset> => {
    const dataset = await catalog.datasets.get(id);
    if (!dataset || dataset.state !== 'published') throw new ProblemError('not-found', { detail: { fr: 'Not found', ar: 'Not found', en: 'Not found' } });
    return dataset;
  };
  const packageOf = async (dataset: StoredDataset, lang: Language, byId?: Map<string, StoredOrganization>, loaded?: ReadonlySet<string>) => {
    const org = dataset.record.organizationId ? (byId?.get(dataset.record.organizationId) ?? (await catalog.organizations.get(dataset.record.organizationId))) : undefined;
    const datastoreResources = loaded ?? (options.datastoreResources ? await options.datastoreResources() : undefined);
    return toCkanPackage(dataset, { lang, organization: org, ...(datastoreResources ? { datastoreResources } : {}) });
  };

  const actions: Record<string, (c: Context<BayanEnv>, p: Record<string, unknown>) => Promise<unknown>> = {
    async package_search(c, p) {
      const parsed = searchParams.safeParse(p);
      if (!parsed.success) throw validationProblem('query', parsed.error.issues);
      const q = parsed.data;
      const lang = c.get('lang');
      const { byId, idBySlug } = await orgMaps();
      const filters = parseFq(q.fq, idBySlug);
      const [sort, order] = SORTS[(q.sort ?? '').split(',')[0]?.trim().toLowerCase() ?? ''] ?? [undefined, undefined];
      if (q.sort && !sort) throw ckanValidation('sort', `unsupported sort: ${q.sort}`);
      const fields = facetFields(q['facet.field']);
      for (const f of fields) if (!(f in CKAN_FACETS)) throw ckanValidation('facet.field', `unsupported facet field: ${f}`);
      const text = q.q && q.q !== '*:*' ? q.q : undefined;
      const base: SearchQuery = { q: text, filters, sort, order, facets: fields.map((f) => CKAN_FACETS[f] as NonNullable<SearchQuery['facets']>[number]), facetLimit: q['facet.limit'] < 0 ? 1000 : q['facet.limit'] };
      // CKAN pages by offset; the catalogue by cursor. Walk cursor pages up to `start` (bounded by MAX_START).
      let cursor: string | undefined;
      let skipped = 0;
      const results: StoredDataset[] = [];
      let total = 0;
      let facets: Awaited<ReturnType<Catalog['search']>>['facets'] = {};
      let first = true;
      while (true) {
        const want = skipped < q.start ? Math.min(100, q.start - skipped) : Math.min(100, q.rows - results.length);
        if (want <= 0 && !first) break;
        const page = await catalog.search({ ...base, limit: Math.max(1, want), cursor, ...(first ? {} : { facets: [] }) });
        if (first) {
          total = page.total;
          facets = page.facets;
          first = false;
        }
        for (const hit of page.items) {
          if (skipped < q.start) skipped++;
          else if (results.length < q.rows) results.push({ id: hit.id, slug: hit.slug, state: hit.state as StoredDataset['state'], revision: 0, record: hit.record, createdAt: hit.modified, updatedAt: hit.modified });
        }
        cursor = page.nextCursor;
        if (cursor === undefined || (skipped >= q.start && results.length >= q.rows)) break;
      }
      // Search hits carry the record; revision and timestamps come from the stored dataset.
      const full = await catalog.datasets.getMany(results.map((r) => r.id));
      // Which resources have a datastore table: read once for the page, not once per package.
      const loaded = options.datastoreResources ? await options.datastoreResources() : undefined;
      const packages = await Promise.all(full.map((d) => packageOf(d, lang, byId, loaded)));
      const facetsOut: Record<string, Record<string, number>> = {};
      const searchFacets: Record<string, { title: string; items: { name: string; display_name: string; count: number }[] }> = {};
      for (const f of fields) {
        const values = facets[CKAN_FACETS[f] as keyof typeof facets] ?? [];
        const items = values.map((v) => {
          const name = f === 'organization' ? (byId.get(v.value)?.slug ?? v.value) : f === 'groups' ? ckanGroupName(v.value) : f === 'license_id' ? ckanLicenceId(v.value) : v.value;
          const display =
            f === 'organization'
              ? String(toCkanOrganization(byId.get(v.value) ?? ({ id: v.value, slug: v.value, record: { name: { fr: v.value } }, createdAt: '', updatedAt: '' } as StoredOrganization), lang).display_name)
              : f === 'groups'
                ? ((toCkanGroup(v.value, lang)?.display_name as string | undefined) ?? name)
                : name;
          return { name, display_name: display, count: v.count };
        });
        facetsOut[f] = Object.fromEntries(items.map((i) => [i.name, i.count]));
        searchFacets[f] = { title: f, items };
      }
      return { count: total, sort: q.sort ?? 'score desc, metadata_modified desc', facets: facetsOut, search_facets: searchFacets, results: packages };
    },
    async package_show(c, p) {
      return packageOf(await publishedDataset(requiredId(p)), c.get('lang'));
    },
    async package_list(_c, p) {
      const limit = Math.min(1000, Math.max(1, Number(p.limit ?? 1000) || 1000));
      const offset = Math.min(100_000, Math.max(0, Number(p.offset ?? 0) || 0));
      const names: string[] = [];
      let cursor: string | undefined;
      let seen = 0;
      do {
        const page = await catalog.datasets.list({ state: 'published', limit: 500, cursor });
        for (const d of page.items) {
          if (seen++ >= offset && names.length < limit) names.push(d.slug);
        }
        cursor = page.nextCursor;
      } while (cursor !== undefined && names.length < limit);
      return names;
    },
    async organization_list(c, p) {
      const lang = c.get('lang');
      const orgs = await catalog.organizations.list();
      const allFields = p.all_fields === true || p.all_fields === 'true' || p.all_fields === 'True';
      if (!allFields) return orgs.map((o) => o.slug);
      const counts = await catalog.search({ facets: ['organization'], facetLimit: 1000, limit: 1 });
      const byOrg = new Map((counts.facets.organization ?? []).map((v) => [v.value, v.count]));
      return orgs.map((o) => toCkanOrganization(o, lang, byOrg.get(o.id) ?? 0));
    },
    async organization_show(c, p) {
      const org = await catalog.organizations.get(requiredId(p));
      if (!org) throw new ProblemError('not-found', { detail: { fr: 'Not found', ar: 'Not found', en: 'Not found' } });
      const counts = await catalog.search({ filters: { organization: [org.id] }, facets: [], limit: 1 });
      return toCkanOrganization(org, c.get('lang'), counts.total);
    },
    async group_list(c, p) {
      const lang = c.get('lang');
      const allFields = p.all_fields === true || p.all_fields === 'true' || p.all_fields === 'True';
      const counts = await catalog.search({ facets: ['theme'], facetLimit: 100, limit: 1 });
      const byTheme = new Map((counts.facets.theme ?? []).map((v) => [v.value.toUpperCase(), v.count]));
      const groups = dataThemes.terms.map((t) => toCkanGroup(t.code, lang, byTheme.get(t.code.toUpperCase()) ?? 0)).filter((g) => g !== undefined);
      return allFields ? groups : groups.map((g) => g.name);
    },
    async group_show(c, p) {
      const id = requiredId(p);
      const code = ckanGroupName(id).toUpperCase();
      const counts = await catalog.search({ filters: { theme: [code] }, facets: [], limit: 1 });
      const group = toCkanGroup(code, c.get('lang'), counts.total);
      if (!group) throw new ProblemError('not-found', { detail: { fr: 'Not found', ar: 'Not found', en: 'Not found' } });
      return group;
    },
    async tag_list(_c, p) {
      const counts = await catalog.search({ q: typeof p.query === 'string' ? p.query.slice(0, 100) : undefined, facets: ['keyword'], facetLimit: 1000, limit: 1 });
      return (counts.facets.keyword ?? []).map((v) => v.value).sort();
    },
    async resource_show(c, p) {
      const id = requiredId(p);
      const row = await catalog.store.db.selectFrom('distributions').select(['dataset_id']).where('id', '=', id).executeTakeFirst();
      const dataset = row ? await catalog.datasets.get(row.dataset_id) : undefined;
      const index = dataset?.record.distributions.findIndex((d) => d.id === id) ?? -1;
      if (!dataset || dataset.state !== 'published' || index < 0) throw new ProblemError('not-found', { detail: { fr: 'Not found', ar: 'Not found', en: 'Not found' } });
      const active = options.datastoreResources ? (await options.datastoreResources()).has(id) : false;
      return toCkanResource(dataset, index, c.get('lang'), active);
    },
    async datastore_search(c, p) {
      if (!options.datastoreSearch) throw new ProblemError('unavailable');
      return options.datastoreSearch(c, p);
    },
    status_show() {
      return Promise.resolve({
        site_title: options.siteTitle,
        site_url: options.siteUrl,
        site_description: 'Bayan — open data (CKAN 2.9-compatible read API)',
        ckan_version: '2.9.0',
        bayan_version: options.version,
        error_emails_to: null,
        locale_default: 'fr',
        extensions: ['bayan', 'fluent', 'dcat', 'datastore'],
      });
    },
  };

  const handler = async (c: Context<BayanEnv>) => {
    const action = c.req.param('action') ?? '';
    const run = Object.hasOwn(actions, action) ? actions[action] : undefined;
    if (!run) {
      throw new ProblemError('bad-request', {
        detail: { fr: `Action inconnue : ${action.slice(0, 50)}`, ar: `إجراء غير معروف: ${action.slice(0, 50)}`, en: `Action not found: ${action.slice(0, 50)}` },
      });
    }
    return envelope(c, action, await run(c, await params(c)));
  };
  app.get('/api/3/action/:action', handler);
  app.post('/api/3/action/:action', handler);
  app.get('/api/3', (c) => c.json({ version: 3 }));
  app.get('/api/action/:action', handler);
  app.post('/api/action/:action', handler);
}
