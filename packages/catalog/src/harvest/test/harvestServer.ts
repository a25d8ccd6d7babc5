// Test support: a local source server on 127.0.0.1 (ephemeral port) serving the real CKAN and
// DCAT responses of ../shared/corpus and generated pages: thousands of packages (some malformed),
// Hydra pages that loop forever, and a source that never answers.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { xlsxWorkbook } from './xlsxWorkbook';

export const corpusDir = fileURLToPath(new URL('../../../../../../shared/corpus/', import.meta.url));

export function corpus(path: string): string {
  return readFileSync(join(corpusDir, path), 'utf8');
}

const ORGS = [
  { id: 'org-finances', name: 'finances', title: 'Ministère des Finances', title_translated: { fr: 'Ministère des Finances', ar: 'وزارة المالية' } },
  { id: 'org-sante', name: 'sante', title: 'Ministère de la Santé', title_translated: { fr: 'Ministère de la Santé', ar: 'وزارة الصحة' } },
  { id: 'org-education', name: 'education', title: 'Ministère de l’Éducation', title_translated: { fr: 'Ministère de l’Éducation', ar: 'وزارة التربية' } },
];

function stamp(i: number): string {
  return new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString().replace('Z', '000').slice(0, 26);
}

/** A generated CKAN 2.9 package in the national portal's bilingual shape. */
export function makePackage(i: number, version = 1): Record<string, unknown> {
  const n = String(i).padStart(6, '0');
  return {
    id: `pkg-${n}`,
    name: `jeu-${n}`,
    title: `Jeu de données ${n}`,
    title_fr: `Jeu de données ${n}${version > 1 ? ` (v${version})` : ''}`,
    title_ar: `مجموعة البيانات ${n}`,
    notes_translated: { fr: `Description du jeu ${n}`, ar: `وصف المجموعة ${n}` },
    license_id: 'cc-by',
    metadata_created: stamp(i),
    metadata_modified: stamp(i),
    state: 'active',
    private: false,
    organization: ORGS[i % ORGS.length],
    owner_org: ORGS[i % ORGS.length]!.id,
    groups: [{ name: i % 2 === 0 ? 'economie' : 'sante', title: i % 2 === 0 ? 'Économie' : 'Santé' }],
    tags: [{ name: 'statistiques' }, { name: `tag-${i % 7}` }],
    resources: [{ id: `res-${n}`, url: `https://data.example.org/files/${n}.csv`, format: 'CSV', name: `Fichier ${n}` }],
  };
}

/** Some entries a bad portal returns inside `results`. */
export function malformedEntries(i: number): unknown[] {
  return [42, { notes: `sans identifiant ${i}` }, null];
}

export interface HarvestServer {
  url: string;
  /** The CKAN portal's packages in creation order (tests change and remove some). */
  packages: unknown[];
  /** Milliseconds each CKAN page waits before answering. */
  delayMs: number;
  /** Requests seen, by path and query. */
  requests: string[];
  close(): Promise<void>;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function ttlPage(base: string, page: number, next: string | undefined, ids: number[]): string {
  const lines = ['@prefix dcat: <http://www.w3.org/ns/dcat#> .', '@prefix dct: <http://purl.org/dc/terms/> .', '@prefix hydra: <http://www.w3.org/ns/hydra/core#> .', ''];
  lines.push(`<${base}?page=${page}> a hydra:PagedCollection${next === undefined ? '' : ` ;\n  hydra:nextPage "${next}"`} .`);
  for (const id of ids) {
    lines.push(`<https://data.example.org/dataset/g${id}> a dcat:Dataset ;\n  dct:title "Jeu généré ${id}"@fr , "مجموعة ${id}"@ar ;\n  dct:description "Description ${id}"@fr ;\n  dcat:distribution [ a dcat:Distribution ; dcat:accessURL <https://data.example.org/g${id}.csv> ] .`);
  }
  return lines.join('\n');
}

/**
 * Starts the server. CKAN: `/ckan/api/3/action/package_search` (the generated portal, with the
 * real Birmingham, opendata.swiss and demo.ckan.org packages inside), `/slow/api/3/action/…`
 * (never answers), `/broken/api/3/action/…` (invalid JSON). DCAT: `/dcat/catalog.ttl` (the real
 * demo.ckan.org page 1, its next page generated), `/loop/catalog.ttl` (page 3 points back to 1),
 * `/endless/catalog.ttl` (new page numbers forever, same datasets), `/corpus/<file>` (any corpus file).
 */
export async function startHarvestServer(options: { packages?: number; malformedEvery?: number } = {}): Promise<HarvestServer> {
  const total = options.packages ?? 200;
  const every = options.malformedEvery ?? 50;
  const packages: unknown[] = [];
  const birmingham = JSON.parse(corpus('ckan-api/birmingham_package_search.json')) as { result: { results: unknown[] } };
  packages.push(...birmingham.result.results);
  packages.push((JSON.parse(corpus('ckan-api/opendata-swiss_package_show.json')) as { result: unknown }).result);
  packages.push((JSON.parse(corpus('ckan-api/demo-ckan_package_show.json')) as { result: unknown }).result);
  for (let i = 1; i <= total; i++) {
    packages.push(makePackage(i));
    if (every > 0 && i % every === 0) packages.push(...malformedEntries(i));
  }
  const state = { packages, delayMs: 0, requests: [] as string[] };
  let base = '';

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', base);
    state.requests.push(`${url.pathname}${url.search}`);
    const path = url.pathname;
    if (path.startsWith('/slow/')) return; // never answers: the client's time limit must end it
    if (path === '/broken/api/3/action/package_search') return send(res, 200, 'application/json', '{"success": true, "result": {"count": 3, "results": [');
    if (path === '/deep/api/3/action/package_search') return send(res, 200, 'application/json', `{"success":true,"result":{"count":1,"results":[${'['.repeat(5000)}${']'.repeat(5000)}]}}`);
    if (path === '/ckan/api/3/action/package_search') {
      if (state.delayMs > 0) await new Promise((r) => setTimeout(r, state.delayMs));
      const rows = Math.min(1000, Number(url.searchParams.get('rows') ?? 10));
      const start = Number(url.searchParams.get('start') ?? 0);
      const fq = url.searchParams.get('fq') ?? '';
      const since = /metadata_modified:\[(\S+) TO \*\]/.exec(fq)?.[1];
      let list = state.packages;
      if (since !== undefined) {
        list = list.filter((p) => typeof p === 'object' && p !== null && String((p as { metadata_modified?: string }).metadata_modified ?? '') >= since.replace('Z', ''));
      }
      const body = { help: `${base}/ckan/api/3/action/help_show?name=package_search`, success: true, result: { count: list.length, sort: 'metadata_created asc, id asc', facets: {}, results: list.slice(start, start + rows), search_facets: {} } };
      return send(res, 200, 'application/json;charset=utf-8', JSON.stringify(body));
    }
    if (path === '/ckan/api/3/action/status_show') return send(res, 200, 'application/json', JSON.stringify({ success: true, result: { ckan_version: '2.9.9' } }));
    if (path === '/dcat/catalog.ttl') {
      const page = Number(url.searchParams.get('page') ?? 1);
      // The real demo.ckan.org page 1, with its Hydra links pointing at this server.
      if (page === 1) return send(res, 200, 'text/turtle', corpus('dcat/demo-ckan_catalog.ttl').replaceAll('http://demo.ckan.org/catalog.ttl', `${base}/dcat/catalog.ttl`));
      return send(res, 200, 'text/turtle', ttlPage(`${base}/dcat/catalog.ttl`, page, undefined, [1, 2, 3]));
    }
    if (path === '/loop/catalog.ttl') {
      const page = Number(url.searchParams.get('page') ?? 1);
      const next = `${base}/loop/catalog.ttl?page=${page === 3 ? 1 : page + 1}`;
      return send(res, 200, 'text/turtle', ttlPage(`${base}/loop/catalog.ttl`, page, next, [page * 10, page * 10 + 1]));
    }
    if (path === '/endless/catalog.ttl') {
      const page = Number(url.searchParams.get('page') ?? 1);
      return send(res, 200, 'text/turtle', ttlPage(`${base}/endless/catalog.ttl`, page, `${base}/endless/catalog.ttl?page=${page + 1}`, [7, 8]));
    }
    if (path.startsWith('/corpus/')) {
      const file = decodeURIComponent(path.slice('/corpus/'.length));
      if (file.includes('..')) return send(res, 400, 'text/plain', 'bad path');
      const type = file.endsWith('.ttl') ? 'text/turtle' : file.endsWith('.json') ? 'application/json' : 'application/rdf+xml';
      try {
        return send(res, 200, type, corpus(file));
      } catch {
        return send(res, 404, 'text/plain', 'not found');
      }
    }
    if (path === '/inventory.csv') return send(res, 200, 'text/csv', inventoryCsv);
    if (path === '/inventory.xlsx') return send(res, 200, XLSX_TYPE, Buffer.from(inventoryXlsx));
    // A zip archive that is no workbook, and a workbook with no inventory in it.
    if (path === '/broken.xlsx') return send(res, 200, XLSX_TYPE, Buffer.from(Buffer.from(inventoryXlsx).subarray(0, 200)));
    if (path === '/not-an-inventory.xlsx') return send(res, 200, XLSX_TYPE, Buffer.from(xlsxWorkbook([{ name: 'Feuil1', rows: [['annee', 'montant'], [2024, 1200.5]] }])));
    if (path === '/files/budget.csv') return send(res, 200, 'text/csv', 'annee,montant,secteur\n2023,1200.5,santé\n2024,1300,éducation\n2025,abc,santé\n');
    if (path === '/mirror/api/3/action/package_search') {
      const pkg = { ...makePackage(1), resources: [{ id: 'budget', url: `${base}/files/budget.csv`, format: 'CSV' }, { id: 'gone', url: `${base}/files/missing.csv`, format: 'CSV' }] };
      return send(res, 200, 'application/json', JSON.stringify({ success: true, result: { count: 1, results: [pkg] } }));
    }
    if (path === '/redirect-to-metadata') {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      return res.end();
    }
    if (path === '/huge') return send(res, 200, 'application/json', `{"x":"${'a'.repeat(2_000_000)}"}`);
    return send(res, 404, 'text/plain', 'not found');
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    get packages() {
      return state.packages;
    },
    set packages(value) {
      state.packages = value;
    },
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(value) {
      state.delayMs = value;
    },
    requests: state.requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The same inventory as an XLSX workbook, as ministries send it: a first sheet of instructions,
 * then the inventory under a title line and an empty row (so its header is row 3).
 */
export const inventoryXlsx = xlsxWorkbook([
  { name: 'Lisez-moi', rows: [['Remplissez la feuille Inventaire (une ligne par jeu de données).']] },
  {
    name: 'Inventaire',
    rows: [
      ['Inventaire 2026 — Ministère du Plan'],
      [],
      ['identifiant', 'titre_fr', 'العنوان_ar', 'statut', 'date_cible', 'themes', 'url', 'format', 'licence'],
      ['INV-1', 'Budget 2025', 'ميزانية 2025', 'publié', null, 'ECON', 'https://data.example.org/budget.csv', 'CSV', 'cc-by'],
      ['INV-2', 'Carte scolaire', 'الخريطة المدرسية', 'prévu', '2026-06-30', 'EDUC'],
      ['INV-3', 'Hôpitaux', 'المستشفيات', 'en préparation', '31/12/2026', 'HEAL'],
      ['INV-4', null, null, 'prévu', '2026-01-01'],
      ['INV-5', 'Routes', 'الطرق', 'peut-être', 'demain', 'TRAN'],
      ['INV-2', 'Doublon', 'مكرر', 'prévu'],
      [2027, 'Recensement & logements', 'الإحصاء', 'prévu'],
    ],
  },
]);

/** An inventory spreadsheet in the documented template, with bad cells on purpose. */
export const inventoryCsv = [
  'identifiant;titre_fr;العنوان_ar;statut;date_cible;themes;url;format;licence',
  'INV-1;Budget 2025;ميزانية 2025;publié;;ECON;https://data.example.org/budget.csv;CSV;cc-by',
  'INV-2;Carte scolaire;الخريطة المدرسية;prévu;2026-06-30;EDUC;;;',
  'INV-3;Hôpitaux;المستشفيات;en préparation;31/12/2026;HEAL;;;',
  'INV-4;;;prévu;2026-01-01;;;;',
  'INV-5;Routes;الطرق;peut-être;demain;TRAN;;;',
  'INV-2;Doublon;مكرر;prévu;;;;;',
].join('\r\n');
