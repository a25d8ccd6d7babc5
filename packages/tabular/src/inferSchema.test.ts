import { describe, expect, it } from 'vitest';
import { detectDialect, detectEncoding, inferSchema, profileTable, validateTable } from './index';

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);

describe('inferSchema', () => {
  it('recognises French decimals, space thousands, day-first dates and leading-zero codes', async () => {
    const { schema, dialect } = await inferSchema({ text: 'code;population;taux;date;actif\n01;3 314;12,5;31/12/2024;true\n02;980;7,25;01/02/2023;false\n10;1 002 003;0,5;15/06/2022;true\n' });
    expect(dialect?.delimiter).toBe(';');
    expect(schema?.fields).toEqual([
      { name: 'code', type: 'string' },
      { name: 'population', type: 'integer', groupChar: ' ' },
      { name: 'taux', type: 'number', decimalChar: ',' },
      { name: 'date', type: 'date', format: '%d/%m/%Y' },
      { name: 'actif', type: 'boolean' },
    ]);
  });

  it('uses 90 % confidence like the Frictionless detector', async () => {
    const rows = Array.from({ length: 19 }, (_, i) => String(i)).concat(['n/a']).join('\n');
    const { schema } = await inferSchema({ text: `n\n${rows}\n` });
    expect(schema?.fields[0]!.type).toBe('integer');
    const report = await validateTable({ text: `n\n${rows}\n` }, { schema });
    expect(report.tasks[0]!.errors.map((e) => [e.rowNumber, e.type])).toEqual([[21, 'type-error']]);
  });

  it('reports an unreadable source', async () => {
    const result = await inferSchema(new Uint8Array(0));
    expect(result.schema).toBeUndefined();
    expect(result.errors[0]!.type).toBe('source-error');
  });
});

describe('profileTable', () => {
  it('counts nulls, estimates distinct values, finds typed min/max and top values', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `${i % 500},${i % 3 === 0 ? '' : 'v' + (i % 7)}`).join('\n');
    const profile = await profileTable({ text: `n,s\n${rows}\n` });
    expect(profile.rows).toBe(2000);
    const [n, s] = profile.columns;
    expect(n).toMatchObject({ type: 'integer', nullCount: 0, min: '0', max: '499' });
    expect(n!.distinct).toBeGreaterThan(480);
    expect(n!.distinct).toBeLessThan(520);
    expect(s!.nullCount).toBe(667);
    expect(s!.distinct).toBe(7);
    expect(s!.topValues).toHaveLength(7);
  });
});

describe('detection', () => {
  it('detects encodings from BOMs and byte patterns', () => {
    expect(detectEncoding(bytes(0xff, 0xfe, 0x61, 0))).toBe('utf-16le');
    expect(detectEncoding(bytes(0xfe, 0xff, 0, 0x61))).toBe('utf-16be');
    expect(detectEncoding(new TextEncoder().encode('Fès,Salé'))).toBe('utf-8');
    // "Fès" in Windows-1252: lone high bytes between ASCII letters.
    expect(detectEncoding(bytes(0x46, 0xe8, 0x73, 0x2c, 0x53, 0x61, 0x6c, 0xe9))).toBe('windows-1252');
    // "الرباط" in Windows-1256: a run of high bytes.
    expect(detectEncoding(bytes(0xc7, 0xe1, 0xd1, 0xc8, 0xc7, 0xd8, 0x2c, 0x31))).toBe('windows-1256');
  });

  it('reads Windows-1256 Arabic and UTF-16 with BOM', async () => {
    const arabic = await profileTable(bytes(0x76, 0x69, 0x6c, 0x6c, 0x65, 0x0a, 0xc7, 0xe1, 0xd1, 0xc8, 0xc7, 0xd8, 0x0a));
    expect(arabic.columns[0]!.topValues[0]!.value).toBe('الرباط');
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('a\tb\n1\tب\n').flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])]);
    const report = await validateTable(utf16);
    expect(report.tasks[0]!.labels).toEqual(['a', 'b']);
    expect(report.valid).toBe(true);
  });

  it('detects the delimiter, the quote and CR line ends', () => {
    expect(detectDialect('a|b|c\n1|2|3\n').delimiter).toBe('|');
    expect(detectDialect('a\tb\n"x,y"\t2\n').delimiter).toBe('\t');
    expect(detectDialect('a,b\r1,2\r').lineTerminator).toBe('\r');
  });
});
