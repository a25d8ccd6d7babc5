import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import type { SaxesTagPlain } from 'saxes';
import type { RecordSink } from './readRecords';
import { SourceProblem, unzipEntry } from './source';
import type { SourceLimits } from './source';

const MAX_PART_BYTES = 256 * 1024 * 1024;
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);
const BANNER_SCAN_ROWS = 30;

class Stop extends Error {}

/** Parses a workbook part; an absent part (empty text: shared strings and styles are optional) is skipped. */
function parseXml(xml: string, onOpen: (tag: SaxesTagPlain) => void, onText: (text: string) => void, onClose: (name: string) => void): void {
  if (xml === '') return;
  const parser = new SaxesParser();
  parser.on('opentag', onOpen);
  parser.on('text', onText);
  parser.on('closetag', (tag) => onClose(tag.name));
  try {
    parser.write(xml).close();
  } catch (error) {
    throw new SourceProblem('source-error', `the workbook XML is damaged: ${(error as Error).message}`);
  }
}

function unescapeExcel(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function numberText(raw: string): string {
  const value = Number(raw);
  if (!Number.isFinite(value)) return raw;
  // Excel writes binary floats like 0.30000000000000004; 15 significant digits is what it shows.
  return String(Number(value.toPrecision(15)));
}

function serialToIso(serial: number): string {
  const ms = Math.round((serial - 25569) * 86_400_000);
  const iso = new Date(ms).toISOString();
  return Number.isInteger(serial) ? iso.slice(0, 10) : iso.slice(0, 19);
}

function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dmyhs]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** The sheets of an XLSX workbook held in memory and what their cells refer to. */
export interface Workbook {
  sheets: { name: string; path: string }[];
  shared: string[];
  dateStyles: boolean[];
}

/**
 * Opens an XLSX workbook held in memory: the sheet list, shared strings and date styles (each
 * part bounded in size and expansion ratio). Throws SourceProblem for a damaged workbook.
 */
export function openWorkbook(zip: Uint8Array, options: SourceLimits): Workbook {
  const ratio = options.maxCompressionRatio ?? 200;
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(zip, {
      filter: (file) => {
        const wanted = file.name === 'xl/workbook.xml' || file.name === 'xl/_rels/workbook.xml.rels' || file.name === 'xl/sharedStrings.xml' || file.name === 'xl/styles.xml';
        if (wanted && (file.originalSize > MAX_PART_BYTES || file.originalSize > Math.max(file.size, 1) * ratio * 10)) {
          throw new SourceProblem('compression-error', `the workbook part ${file.name} expands to ${file.originalSize} bytes (a decompression bomb?)`);
        }
        return wanted;
      },
    });
  } catch (error) {
    if (error instanceof SourceProblem) throw error;
    throw new SourceProblem('compression-error', `the XLSX file is damaged: ${(error as Error).message}`);
  }
  const text = (name: string): string => (parts[name] ? new TextDecoder().decode(parts[name]) : '');
  const sheets: { name: string; id: string }[] = [];
  parseXml(text('xl/workbook.xml'), (tag) => {
    if (tag.name === 'sheet') sheets.push({ name: String(tag.attributes.name ?? ''), id: String(tag.attributes['r:id'] ?? '') });
  }, () => undefined, () => undefined);
  const targets = new Map<string, string>();
  parseXml(text('xl/_rels/workbook.xml.rels'), (tag) => {
    if (tag.name === 'Relationship') targets.set(String(tag.attributes.Id), String(tag.attributes.Target));
  }, () => undefined, () => undefined);

  const shared: string[] = [];
  let inText = false;
  let current = '';
  let inPhonetic = false;
  parseXml(text('xl/sharedStrings.xml'), (tag) => {
    if (tag.name === 'si') current = '';
    else if (tag.name === 't' && !inPhonetic) inText = true;
    else if (tag.name === 'rPh') inPhonetic = true;
  }, (t) => {
    if (inText) current += t;
  }, (name) => {
    if (name === 't') inText = false;
    else if (name === 'rPh') inPhonetic = false;
    else if (name === 'si') shared.push(unescapeExcel(current));
  });

  const customFormats = new Map<number, string>();
  const dateStyles: boolean[] = [];
  let inCellXfs = false;
  parseXml(text('xl/styles.xml'), (tag) => {
    if (tag.name === 'numFmt') customFormats.set(Number(tag.attributes.numFmtId), String(tag.attributes.formatCode ?? ''));
    else if (tag.name === 'cellXfs') inCellXfs = true;
    else if (tag.name === 'xf' && inCellXfs) {
      const id = Number(tag.attributes.numFmtId ?? 0);
      const code = customFormats.get(id);
      dateStyles.push(BUILTIN_DATE_FORMATS.has(id) || (code !== undefined && isDateFormatCode(code)));
    }
  }, () => undefined, (name) => {
    if (name === 'cellXfs') inCellXfs = false;
  });
  return {
    sheets: sheets.map((sheet) => {
      const target = targets.get(sheet.id) ?? '';
      return { name: sheet.name, path: target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}` };
    }),
    shared,
    dateStyles,
  };
}

/**
 * Reads one sheet of an XLSX workbook held in memory: shared strings and styles first, then the
 * sheet XML streamed through saxes. Rows are padded to the sheet's declared width, missing rows
 * come out as blank rows, dates become ISO text. A title banner (rows with at most one filled
 * cell, typically merged, above the first row with several filled cells) is skipped with a
 * warning. Returns the sheet name.
 */
export function readXlsx(zip: Uint8Array, options: SourceLimits & { sheet?: string | number }, sink: RecordSink, warnings: string[]): string {
  const workbook = openWorkbook(zip, options);
  const { sheets } = workbook;
  const wanted = options.sheet;
  const sheet = wanted === undefined ? sheets[0] : typeof wanted === 'number' ? sheets[wanted - 1] : sheets.find((s) => s.name === wanted);
  if (!sheet) throw new SourceProblem('source-error', `the workbook has no sheet ${JSON.stringify(wanted)} (sheets: ${sheets.map((s) => s.name).join(', ')})`);
  readSheet(zip, workbook, sheet.path, options, sink, warnings, true);
  return sheet.name;
}

/**
 * Streams the rows of one sheet to `sink` (stop by returning false). With `tidy`, a title
 * banner above the header is skipped and columns empty in the first rows are dropped, each with
 * a warning; without it the rows come as the sheet has them.
 */
export function readSheet(zip: Uint8Array, workbook: Workbook, path: string, options: SourceLimits, sink: RecordSink, warnings: string[], tidy: boolean): void {
  const { shared, dateStyles } = workbook;
  let width = 0;
  let rowNumber = 0;
  let cells: string[] = [];
  let cellIndex = 0;
  let cellType = '';
  let cellStyle = 0;
  let value = '';
  let capture = false;
  let nextColumn = 0;
  const pending: { cells: string[]; rowNumber: number }[] = [];
  let bannerDone = !tidy;
  let lastEmitted = 0;
  let trimTo = -1;

  const emit = (row: string[], number: number): void => {
    for (let blank = lastEmitted + 1; blank < number; blank++) {
      if (sink(new Array<string>(width).fill(''), blank) === false) throw new Stop();
    }
    lastEmitted = number;
    if (sink(row, number) === false) throw new Stop();
  };
  const filled = (row: string[]): number => row.reduce((n, cell) => (cell !== '' ? n + 1 : n), 0);
  const flushBanner = (): void => {
    bannerDone = true;
    const header = pending.findIndex((row) => filled(row.cells) >= 2);
    if (header > 0 && pending.slice(0, header).every((row) => filled(row.cells) <= 1)) {
      const skipped = pending[header]!.rowNumber - 1;
      warnings.push(`rows 1 to ${skipped} above the header look like a title banner (merged cells) and were skipped`);
      lastEmitted = skipped;
      pending.splice(0, header);
    }
    // Stray formatted cells can stretch the declared dimension (A1:H… with data in A–D only):
    // columns blank in the header and in every scanned row are dropped.
    let used = 0;
    for (const row of pending) for (let i = row.cells.length - 1; i >= used; i--) if (row.cells[i] !== '') used = i + 1;
    if (pending.length > 0 && used < width) {
      warnings.push(`columns ${used + 1} to ${width} are empty in the header and the first rows and were ignored`);
      width = used;
      trimTo = used;
      for (const row of pending) row.cells.length = used;
    }
    for (const row of pending.splice(0)) emit(row.cells, row.rowNumber);
  };

  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    switch (tag.name) {
      case 'dimension': {
        const ref = String(tag.attributes.ref ?? '');
        const end = ref.split(':')[1] ?? ref;
        width = Math.max(width, columnIndex(end) + 1);
        break;
      }
      case 'row':
        rowNumber = tag.attributes.r ? Number(tag.attributes.r) : rowNumber + 1;
        cells = new Array<string>(trimTo >= 0 ? trimTo : width).fill('');
        nextColumn = 0;
        break;
      case 'c':
        cellIndex = tag.attributes.r ? columnIndex(String(tag.attributes.r)) : nextColumn;
        nextColumn = cellIndex + 1;
        cellType = String(tag.attributes.t ?? 'n');
        cellStyle = Number(tag.attributes.s ?? 0);
        value = '';
        break;
      case 'v':
        capture = true;
        break;
      case 't':
        if (cellType === 'inlineStr') capture = true;
        break;
    }
  });
  parser.on('text', (t) => {
    if (capture) value += t;
  });
  parser.on('closetag', (tag) => {
    switch (tag.name) {
      case 'v': case 't':
        capture = false;
        break;
      case 'c': {
        let cell: string;
        if (cellType === 's') cell = shared[Number(value)] ?? '';
        else if (cellType === 'b') cell = value === '1' ? 'true' : 'false';
        else if (cellType === 'str' || cellType === 'inlineStr' || cellType === 'e' || cellType === 'd') cell = unescapeExcel(value);
        else if (value === '') cell = '';
        else cell = dateStyles[cellStyle] ? serialToIso(Number(value)) : numberText(value);
        if (cellIndex >= cells.length) {
          if (trimTo < 0) width = cellIndex + 1;
          while (cells.length <= cellIndex) cells.push('');
        }
        cells[cellIndex] = cell;
        break;
      }
      case 'row':
        if (trimTo >= 0 && cells.length > trimTo) {
          let last = cells.length;
          while (last > trimTo && cells[last - 1] === '') last--;
          cells.length = last;
        }
        if (bannerDone) emit(cells, rowNumber);
        else {
          pending.push({ cells, rowNumber });
          if (pending.length >= BANNER_SCAN_ROWS) flushBanner();
        }
        break;
    }
  });
  const decoder = new TextDecoder();
  try {
    for (const chunk of unzipEntry(zip, path, options)) parser.write(decoder.decode(chunk, { stream: true }));
    parser.write(decoder.decode()).close();
    if (!bannerDone) flushBanner();
  } catch (error) {
    if (error instanceof Stop) return;
    if (error instanceof SourceProblem) throw error;
    throw new SourceProblem('source-error', `the sheet XML is damaged: ${(error as Error).message}`);
  }
}
