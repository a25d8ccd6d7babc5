import { dataThemes, fileTypes, frequencies, licences, type LocalizedMessage } from '@bayan/schema';
import { CsvTokenizer, detectDialect, detectEncoding, readXlsxSheets } from '@bayan/tabular';
import type { AdapterContext, GatherPage, GatheredItem, SourceAdapter, TransformedRecord } from './adapter';
import { fetchDocument } from './fetchText';
import { keepValidDataset } from './keepValid';
import { harvestProblem, type HarvestProblem } from './problems';

/**
 * The columns of an inventory spreadsheet and the headers accepted for each (fr, ar, en); headers
 * are compared without accents, case, spaces or hyphens. See docs/harvest-inventory.md.
 *
 * @example
 * ```ts
 * inventoryColumns.status; // ['statut', 'الحالة', 'status']
 * ```
 */
export const inventoryColumns = {
  identifier: ['identifiant', 'المعرف', 'identifier', 'id'],
  title_fr: ['titre_fr', 'title_fr', 'العنوان_fr', 'العنوان_بالفرنسية'],
  title_ar: ['titre_ar', 'title_ar', 'العنوان_ar', 'العنوان_بالعربية'],
  title_en: ['titre_en', 'title_en', 'العنوان_en', 'العنوان_بالإنجليزية'],
  description_fr: ['description_fr', 'الوصف_fr', 'الوصف_بالفرنسية'],
  description_ar: ['description_ar', 'الوصف_ar', 'الوصف_بالعربية'],
  description_en: ['description_en', 'الوصف_en', 'الوصف_بالإنجليزية'],
  status: ['statut', 'الحالة', 'status'],
  target_date: ['date_cible', 'التاريخ_المستهدف', 'target_date'],
  themes: ['themes', 'theme', 'المواضيع', 'الموضوع'],
  keywords: ['mots_cles', 'الكلمات_المفتاحية', 'keywords'],
  url: ['url', 'lien', 'الرابط', 'link'],
  format: ['format', 'الصيغة'],
  licence: ['licence', 'الترخيص', 'license'],
  frequency: ['frequence', 'الدورية', 'frequency'],
  notes: ['notes', 'ملاحظات', 'remarques'],
} as const;

type Column = keyof typeof inventoryColumns;

const STATUSES: Record<string, 'planned' | 'in-preparation' | 'published'> = {
  prevu: 'planned',
  planifie: 'planned',
  planned: 'planned',
  مخطط: 'planned',
  'en preparation': 'in-preparation',
  'en cours': 'in-preparation',
  'in preparation': 'in-preparation',
  'in-preparation': 'in-preparation',
  'قيد الإعداد': 'in-preparation',
  publie: 'published',
  published: 'published',
  منشور: 'published',
};

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064b-\u0652]/g, '')
    .toLowerCase()
    .trim();
}

function headerKey(text: string): string {
  return fold(text)
    .replace(/[()[\]]/g, '')
    .replace(/[\s-]+/g, '_')
    .replace(/_+$/g, '');
}

const HEADER_INDEX = new Map<string, Column>();
for (const [column, aliases] of Object.entries(inventoryColumns) as [Column, readonly string[]][]) for (const alias of aliases) HEADER_INDEX.set(headerKey(alias), column);

const cellMessage = {
  unknownColumn: (header: string): LocalizedMessage => ({
    fr: `Colonne inconnue « ${header} » : elle est ignorée (voir le modèle de colonnes).`,
    ar: `عمود غير معروف «${header}»: تم تجاهله (انظر نموذج الأعمدة).`,
    en: `Unknown column "${header}": it is ignored (see the column template).`,
  }),
  noTitle: (): LocalizedMessage => ({
    fr: 'Titre manquant : remplissez au moins une des colonnes titre_fr, titre_ar ou titre_en.',
    ar: 'العنوان مفقود: املأ على الأقل أحد الأعمدة العنوان_fr أو العنوان_ar أو العنوان_en.',
    en: 'Missing title: fill at least one of the columns title_fr, title_ar or title_en.',
  }),
  badStatus: (value: string): LocalizedMessage => ({
    fr: `Statut « ${value} » inconnu : écrivez prévu, en préparation ou publié.`,
    ar: `الحالة «${value}» غير معروفة: اكتب مخطط أو قيد الإعداد أو منشور.`,
    en: `Unknown status "${value}": write planned, in preparation or published.`,
  }),
  publishedNoUrl: (): LocalizedMessage => ({
    fr: 'Un jeu « publié » a besoin d’un lien (colonne url) vers ses données.',
    ar: 'تحتاج المجموعة «المنشورة» إلى رابط (عمود الرابط) نحو بياناتها.',
    en: 'A "published" dataset needs a link (url column) to its data.',
  }),
  badDate: (value: string): LocalizedMessage => ({
    fr: `Date « ${value} » illisible : écrivez AAAA-MM-JJ ou JJ/MM/AAAA.`,
    ar: `التاريخ «${value}» غير مقروء: اكتب YYYY-MM-DD أو DD/MM/YYYY.`,
    en: `Unreadable date "${value}": write YYYY-MM-DD or DD/MM/YYYY.`,
  }),
  badUrl: (value: string): LocalizedMessage => ({
    fr: `Lien « ${value} » invalide : une adresse http(s) complète est attendue.`,
    ar: `الرابط «${value}» غير صالح: المطلوب عنوان http(s) كامل.`,
    en: `Invalid link "${value}": a full http(s) address is expected.`,
  }),
  unknownTerm: (what: string, value: string): LocalizedMessage => ({
    fr: `${what} « ${value} » inconnu(e) : la valeur est ignorée.`,
    ar: `${what} «${value}» غير معروف: تم تجاهل القيمة.`,
    en: `Unknown ${what} "${value}": the value is ignored.`,
  }),
  duplicate: (id: string, first: number): LocalizedMessage => ({
    fr: `Identifiant « ${id} » déjà utilisé à la ligne ${first} : cette ligne est ignorée.`,
    ar: `المعرف «${id}» مستعمل في السطر ${first}: تم تجاهل هذا السطر.`,
    en: `Identifier "${id}" already used on row ${first}: this row is ignored.`,
  }),
  xlsxUnreadable: (detail: LocalizedMessage): LocalizedMessage => ({
    fr: `Le classeur XLSX n’a pas pu être lu : ${detail.fr}`,
    ar: `تعذرت قراءة المصنف XLSX: ${detail.ar}`,
    en: `The XLSX workbook could not be read: ${detail.en}`,
  }),
  xlsxLimit: (detail: string): LocalizedMessage => ({
    fr: `Le classeur dépasse une limite de lecture ; la suite est ignorée (${detail}).`,
    ar: `يتجاوز المصنف حدا من حدود القراءة؛ تم تجاهل الباقي (${detail}).`,
    en: `The workbook is past a reading limit; the rest is ignored (${detail}).`,
  }),
  noHeader: (): LocalizedMessage => ({
    fr: 'La feuille n’a pas d’en-tête reconnu : la première ligne doit nommer les colonnes (voir le modèle).',
    ar: 'لا تحتوي الورقة على رأس معروف: يجب أن يسمي السطر الأول الأعمدة (انظر النموذج).',
    en: 'The sheet has no recognised header: the first row must name the columns (see the template).',
  }),
};

interface RowRaw {
  row: number;
  cells: Partial<Record<Column, string>>;
  headers: Partial<Record<Column, string>>;
}

function decode(bytes: Buffer): string {
  const encoding = detectEncoding(bytes.subarray(0, 64 * 1024));
  return new TextDecoder(encoding).decode(bytes).replace(/^\uFEFF/, '');
}

const MAX_ROWS = 100_000;

/**
 * Reads the rows of an inventory sheet into rows keyed by column; problems for unknown columns.
 * `records[headerIndex]` names the columns; row numbers are the sheet's (the first record is row 1).
 */
function readInventoryRecords(records: string[][], headerIndex: number): { rows: RowRaw[]; problems: HarvestProblem[] } {
  const problems: HarvestProblem[] = [];
  const header = records[headerIndex] ?? [];
  const headerRow = headerIndex + 1;
  const columns = header.map((h) => HEADER_INDEX.get(headerKey(h)));
  header.forEach((h, i) => {
    if (columns[i] === undefined && h.trim() !== '') problems.push(harvestProblem('unknown_column', 'warning', cellMessage.unknownColumn(h), { path: `/rows/${headerRow}/${h}` }));
  });
  if (!hasTitleColumn(header)) {
    return { rows: [], problems: [...problems, harvestProblem('no_header', 'error', cellMessage.noHeader(), { path: `/rows/${headerRow}` })] };
  }
  const headers: Partial<Record<Column, string>> = {};
  columns.forEach((c, i) => {
    if (c !== undefined) headers[c] = header[i];
  });
  const rows: RowRaw[] = [];
  records.slice(headerIndex + 1, headerIndex + 1 + MAX_ROWS).forEach((cells, index) => {
    const row = headerRow + index + 1;
    const out: Partial<Record<Column, string>> = {};
    cells.forEach((value, i) => {
      const c = columns[i];
      if (c !== undefined && value.trim() !== '') out[c] = value.trim();
    });
    if (Object.keys(out).length > 0) rows.push({ row, cells: out, headers });
  });
  return { rows, problems };
}

function hasTitleColumn(cells: readonly string[]): boolean {
  return cells.some((h) => HEADER_INDEX.get(headerKey(h))?.startsWith('title_') === true);
}

/** Reads an inventory CSV into rows keyed by column; problems for unknown columns. */
export function readInventoryCsv(text: string, name: string): { rows: RowRaw[]; problems: HarvestProblem[] } {
  const dialect = detectDialect(text.slice(0, 64 * 1024), name);
  const records: string[][] = [];
  const tokenizer = new CsvTokenizer(dialect, (cells) => {
    records.push(cells);
    return records.length <= MAX_ROWS + 1;
  });
  tokenizer.push(text);
  tokenizer.end();
  return readInventoryRecords(records, 0);
}

/**
 * Reads an inventory XLSX workbook: the first sheet whose header (in its first 10 rows, above
 * any title lines) names a title column; row numbers in problems are the sheet's.
 */
export async function readInventoryXlsx(bytes: Uint8Array, name: string): Promise<{ rows: RowRaw[]; problems: HarvestProblem[] }> {
  const workbook = await readXlsxSheets(bytes, { maxRows: MAX_ROWS + 10 });
  const problems = workbook.errors.map((e) => harvestProblem('xlsx_unreadable', 'error', cellMessage.xlsxUnreadable(e.messages), { path: name }));
  problems.push(...workbook.warnings.map((w) => harvestProblem('xlsx_limit', 'warning', cellMessage.xlsxLimit(w), { path: name })));
  for (const sheet of workbook.sheets) {
    const headerIndex = sheet.rows.slice(0, 10).findIndex(hasTitleColumn);
    if (headerIndex < 0) continue;
    const read = readInventoryRecords(sheet.rows, headerIndex);
    return { rows: read.rows, problems: [...problems, ...read.problems] };
  }
  if (workbook.errors.length > 0) return { rows: [], problems };
  return { rows: [], problems: [...problems, harvestProblem('no_header', 'error', cellMessage.noHeader(), { path: '/rows/1' })] };
}

function readDate(value: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return undefined;
}

/** Reads one spreadsheet row: a dataset when it has a link, else an inventory entry. */
export function transformInventoryRow(raw: RowRaw, remoteId: string): TransformedRecord {
  const { cells, row, headers } = raw;
  const problems: HarvestProblem[] = [];
  const at = (c: Column) => `/rows/${row}/${headers[c] ?? c}`;
  const error = (c: Column, code: string, message: LocalizedMessage) => problems.push(harvestProblem(code, 'error', message, { remoteId, path: at(c) }));
  const warn = (c: Column, code: string, message: LocalizedMessage) => problems.push(harvestProblem(code, 'warning', message, { remoteId, path: at(c) }));
  const multi = (prefix: 'title' | 'description') => {
    const out: Record<string, string> = {};
    for (const l of ['fr', 'ar', 'en'] as const) {
      const v = cells[`${prefix}_${l}`];
      if (v !== undefined) out[l] = v;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  };
  const title = multi('title');
  if (title === undefined) error('title_fr', 'missing_title', cellMessage.noTitle());
  let status: 'planned' | 'in-preparation' | 'published' | undefined;
  if (cells.status !== undefined) {
    status = STATUSES[fold(cells.status).replace(/[_-]/g, ' ')] ?? STATUSES[fold(cells.status)];
    if (status === undefined) error('status', 'invalid_status', cellMessage.badStatus(cells.status));
  }
  let url: string | undefined;
  if (cells.url !== undefined) {
    try {
      const parsed = new URL(cells.url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
      url = parsed.href;
    } catch {
      error('url', 'invalid_url', cellMessage.badUrl(cells.url));
    }
  }
  if (status === 'published' && cells.url === undefined) error('url', 'missing_url', cellMessage.publishedNoUrl());
  let targetDate: string | undefined;
  if (cells.target_date !== undefined) {
    targetDate = readDate(cells.target_date);
    if (targetDate === undefined) error('target_date', 'invalid_date', cellMessage.badDate(cells.target_date));
  }
  const themes: string[] = [];
  for (const t of (cells.themes ?? '').split(/[;,]/).map((s) => s.trim()).filter(Boolean)) {
    const term = dataThemes.find(t);
    if (term) themes.push(term.uri);
    else warn('themes', 'unknown_theme', cellMessage.unknownTerm('thème / الموضوع / theme', t));
  }
  if (problems.some((p) => p.severity === 'error') || title === undefined) return { kind: 'failed', problems };

  const description = multi('description');
  if (url !== undefined) {
    const candidate: Record<string, unknown> = { title, description: description ?? title, publicationState: 'published' };
    if (themes.length > 0) candidate.themes = themes;
    const keywords = (cells.keywords ?? '').split(/[;,]/).map((s) => s.trim()).filter(Boolean);
    if (keywords.length > 0) candidate.keywords = { [title.fr !== undefined ? 'fr' : title.ar !== undefined ? 'ar' : 'en']: keywords };
    if (cells.frequency !== undefined) {
      const f = frequencies.find(cells.frequency);
      if (f) candidate.frequency = f.uri;
      else warn('frequency', 'unknown_frequency', cellMessage.unknownTerm('fréquence / الدورية / frequency', cells.frequency));
    }
    const distribution: Record<string, unknown> = { accessUrl: url, downloadUrl: url };
    const format = fileTypes.find(cells.format ?? '') ?? fileTypes.find(url);
    if (format) distribution.format = format.uri;
    else if (cells.format !== undefined) warn('format', 'unknown_format', cellMessage.unknownTerm('format / الصيغة / format', cells.format));
    if (cells.licence !== undefined) {
      const l = licences.find(cells.licence);
      if (l) distribution.license = l.uri;
      else warn('licence', 'unknown_licence', cellMessage.unknownTerm('licence / الترخيص / licence', cells.licence));
    }
    candidate.distributions = [distribution];
    const kept = keepValidDataset(candidate, remoteId);
    return kept.dataset ? { kind: 'dataset', dataset: kept.dataset, problems: [...problems, ...kept.problems] } : { kind: 'failed', problems: [...problems, ...kept.problems] };
  }
  const entry: Record<string, unknown> = { title, status: status ?? 'planned' };
  if (description) entry.description = description;
  if (themes.length > 0) entry.themes = themes;
  if (targetDate) entry.targetDate = targetDate;
  if (cells.notes !== undefined) entry.notes = cells.notes;
  return { kind: 'inventory', entry, problems };
}

/**
 * An inventory spreadsheet (XLSX, or CSV with any delimiter in UTF-8 or Windows-1256/1252) with the column
 * template of {@link inventoryColumns}: every row becomes a dataset (when it has a link) or an
 * inventory entry of the source's organisation; errors are reported per row and cell.
 */
export function inventoryAdapter(context: AdapterContext): SourceAdapter {
  return {
    async *gather(cursor): AsyncGenerator<GatherPage> {
      const got = await fetchDocument(context.url, context.policy, context.allowLocalFiles);
      if (!got.ok) {
        yield { items: [], cursor: undefined, problems: [got.problem], incomplete: true };
        return;
      }
      const bytes = got.value.bytes;
      // A zip archive is an XLSX workbook; anything else is read as CSV.
      const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
      const { rows, problems } = isZip ? await readInventoryXlsx(bytes, context.url) : readInventoryCsv(decode(bytes), context.url);
      const seen = new Map<string, number>();
      const items: GatheredItem[] = [];
      for (const r of rows) {
        const id = r.cells.identifier ?? `title:${fold(r.cells.title_fr ?? r.cells.title_ar ?? r.cells.title_en ?? `row-${r.row}`)}`;
        const first = seen.get(id);
        if (first !== undefined) {
          problems.push(harvestProblem('duplicate_identifier', 'error', cellMessage.duplicate(id, first), { remoteId: id, path: `/rows/${r.row}/${r.headers.identifier ?? 'identifier'}` }));
          continue;
        }
        seen.set(id, r.row);
        items.push({ remoteId: id, raw: JSON.stringify(r) });
      }
      const skip = cursor === undefined ? 0 : Number(cursor) || 0;
      const unusable = problems.some((p) => p.code === 'no_header' || p.code === 'xlsx_unreadable');
      yield { items: items.slice(skip), cursor: undefined, problems, total: items.length, ...(unusable ? { incomplete: true } : {}) };
    },
    transform(raw, remoteId) {
      return transformInventoryRow(JSON.parse(raw) as RowRaw, remoteId);
    },
  };
}
