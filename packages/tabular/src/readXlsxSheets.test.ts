import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readXlsxSheets, validateTable } from './index';

const CORPUS = new URL('../../../../shared/corpus/csv/', import.meta.url);
const corpus = (name: string): Uint8Array => readFileSync(new URL(name, CORPUS));

/** A workbook with the given sheets, each sheet's XML written as `<sheetData>` content. */
function workbook(sheets: Record<string, string>): Uint8Array {
  const names = Object.keys(sheets);
  const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
  const files: Record<string, Uint8Array> = {
    'xl/workbook.xml': encode(`<workbook xmlns:r="r"><sheets>${names.map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': encode(`<Relationships>${names.map((_, i) => `<Relationship Id="rId${i + 1}" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`),
  };
  names.forEach((name, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = encode(`<worksheet><sheetData>${sheets[name]!}</sheetData></worksheet>`);
  });
  return zipSync(files);
}

const inline = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

describe('readXlsxSheets', () => {
  it('reads the Bank Al-Maghrib workbook as the sheet has it, banner rows and leading zeros included', async () => {
    const book = await readXlsxSheets(corpus('bam_detail-implantation-bancaire-2022_original.xlsx'));
    expect(book.errors).toEqual([]);
    expect(book.sheetNames).toEqual(['IMPLANTATION_BANCAIRE_2022']);
    const rows = book.sheets[0]!.rows;
    expect(rows.slice(0, 5).every((row) => row.every((cell) => cell === ''))).toBe(true);
    expect(rows[5]!.slice(0, 4)).toEqual(['REGION', 'LOCALITE', 'BANQUE', 'CATEGORIE']);
    expect(rows).toHaveLength(5 + 1 + 5914);
    expect(rows.some((row) => row[4] === '0850811')).toBe(true);
  });

  it('reads a sheet by name or position, keeping the declared width', async () => {
    const file = corpus('barid_codes-postaux-localites-2018.xlsx');
    const byName = await readXlsxSheets(file, { sheets: ['Autres Localités'] });
    const byPosition = await readXlsxSheets(file, { sheets: [1] });
    expect(byName.sheets[0]!.rows[0]).toEqual(['REGION_POSTALE', 'PROVINCE', 'LOCALITE', 'NOUVEAU CODE POSTAL', '', '', '', '']);
    expect(byName.sheets[0]!.rows[1]!.slice(0, 4)).toEqual(['BENI MELLAL KHENIFRA', 'AZILAL', 'ABACHKOU', '22472']);
    expect(byPosition.sheets).toEqual(byName.sheets);
  });

  it('reads every sheet in workbook order, with empty rows where the sheet skips some', async () => {
    const book = await readXlsxSheets(workbook({
      Inventaire: `<row r="1">${inline('A1', 'code')}${inline('B1', 'titre')}</row><row r="3">${inline('A3', 'D-01')}<c r="B3"><v>42</v></c></row>`,
      'ملاحظات': `<row r="1">${inline('B1', 'مرحبا')}</row>`,
    }));
    expect(book.sheetNames).toEqual(['Inventaire', 'ملاحظات']);
    expect(book.sheets.map((sheet) => sheet.rows)).toEqual([
      [['code', 'titre'], ['', ''], ['D-01', '42']],
      [['', 'مرحبا']],
    ]);
  });

  it('reads workbooks without shared strings or styles parts (inline strings only), also when validating', async () => {
    const file = workbook({ s: `<row r="1">${inline('A1', 'id')}</row><row r="2"><c r="A2"><v>7</v></c></row>` });
    expect((await readXlsxSheets(file)).sheets[0]!.rows).toEqual([['id'], ['7']]);
    const report = await validateTable(file, { schema: { fields: [{ name: 'id', type: 'integer' }] } });
    expect(report.valid).toBe(true);
    expect(report.tasks[0]!.stats.rows).toBe(1);
  });

  it('reports a missing sheet in three languages and still reads the others', async () => {
    const book = await readXlsxSheets(workbook({ a: `<row r="1">${inline('A1', 'x')}</row>` }), { sheets: ['absent', 'a'] });
    expect(book.sheets.map((sheet) => sheet.name)).toEqual(['a']);
    expect(book.errors.map((error) => error.type)).toEqual(['source-error']);
    expect(book.errors[0]!.note).toContain('"absent"');
    expect(book.errors[0]!.messages.ar.length).toBeGreaterThan(0);
    expect(book.errors[0]!.messages.fr.length).toBeGreaterThan(0);
  });

  it('stops at the row and cell limits with a warning', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `<row r="${i + 1}">${inline(`A${i + 1}`, String(i))}${inline(`B${i + 1}`, 'x')}</row>`).join('');
    const limitedRows = await readXlsxSheets(workbook({ s: rows, t: rows }), { maxRows: 10 });
    expect(limitedRows.sheets.map((sheet) => sheet.rows.length)).toEqual([10, 10]);
    expect(limitedRows.warnings).toHaveLength(2);
    const limitedCells = await readXlsxSheets(workbook({ s: rows, t: rows }), { maxCells: 31 });
    expect(limitedCells.sheets.map((sheet) => sheet.rows.length)).toEqual([15]);
    expect(limitedCells.warnings[0]).toContain('maxCells');
  });

  it('stops a decompression bomb and refuses what is not a workbook', async () => {
    const row = `<row>${inline('A1', 'a'.repeat(1000))}</row>`;
    const bomb = workbook({ s: row.repeat(20 * 1024) }); // about 20 MiB of XML in a few tens of KiB
    expect(bomb.length).toBeLessThan(200 * 1024);
    const book = await readXlsxSheets(bomb);
    expect(book.errors.map((error) => error.type)).toEqual(['compression-error']);
    expect((await readXlsxSheets({ text: 'a,b\n1,2\n' })).errors.map((error) => error.type)).toEqual(['format-error']);
    expect((await readXlsxSheets(zipSync({ 'data.csv': new Uint8Array([97]) }))).errors.map((error) => error.type)).toEqual(['format-error']);
    expect((await readXlsxSheets(new Uint8Array(2048), { maxZipBytes: 1024 })).errors.map((error) => error.type)).toEqual(['source-error']);
  });
});
