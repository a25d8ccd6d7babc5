import { Gzip, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { validateTable } from './index';
import type { Report } from './index';

// Hostile inputs: each must give a report with a clear error, never a crash or unbounded memory.
// Inputs are generated here at small but sufficient sizes; the limits are lowered where the
// defaults would make the test slow.

const types = (report: Report): string[] => report.tasks[0]!.errors.map((error) => error.type);

async function* repeat(piece: Uint8Array, times: number): AsyncIterable<Uint8Array> {
  for (let i = 0; i < times; i++) yield await Promise.resolve(piece);
}

function gzipStream(piece: Uint8Array, times: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const gzip = new Gzip({ level: 6 }, (data) => parts.push(data));
  for (let i = 0; i < times; i++) gzip.push(piece, i === times - 1);
  const total = parts.reduce((n, part) => n + part.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

describe('hostile inputs', () => {
  it('reports a binary file as a format-error', async () => {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) & 0xff;
    const report = await validateTable(bytes);
    expect(types(report)).toEqual(['format-error']);
    expect(report.tasks[0]!.errors[0]!.messages.ar).toContain('الملف');
  });

  it('stops a gzip decompression bomb by its expansion ratio', async () => {
    const piece = new TextEncoder().encode(`a,${'b'.repeat(1021)}\n`.repeat(1024)); // 1 MiB of 1 KiB rows
    const bomb = gzipStream(piece, 20); // 20 MiB that compress to a few tens of KiB
    expect(bomb.length).toBeLessThan(200 * 1024);
    const report = await validateTable(bomb);
    expect(types(report)).toEqual(['compression-error']);
    expect(report.tasks[0]!.errors[0]!.note).toContain('decompression bomb');
  });

  it('stops a zip decompression bomb by its expansion ratio', async () => {
    const zip = zipSync({ 'data.csv': new TextEncoder().encode(`a,${'b'.repeat(1021)}\n`.repeat(20 * 1024)) });
    const report = await validateTable(zip);
    expect(types(report)).toEqual(['compression-error']);
  });

  it('ends a file without line breaks at the record size limit', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    const report = await validateTable(repeat(chunk, 48), { maxRecordChars: 1024 * 1024 }); // 3 MiB, one line
    expect(types(report)).toEqual(['source-error']);
    expect(report.tasks[0]!.errors[0]!.note).toContain('longer than 1048576 characters');
  });

  it('ends an unclosed quote at the record size limit', async () => {
    const head = new TextEncoder().encode('id,text\n1,"never closed');
    const chunk = new TextEncoder().encode('y\n'.repeat(32 * 1024));
    async function* source(): AsyncIterable<Uint8Array> {
      yield head;
      yield* repeat(chunk, 32);
    }
    const report = await validateTable(source(), { maxRecordChars: 512 * 1024 });
    expect(types(report)).toEqual(['source-error']);
  });

  it('refuses a million columns', async () => {
    const report = await validateTable({ text: `${','.repeat(999_999)}\n1\n` });
    expect(types(report)).toEqual(['source-error']);
    expect(report.tasks[0]!.errors[0]!.note).toContain('limit of 16384');
  });

  it('reports invalid UTF-8 once and keeps reading', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('id,name\n1,'), 0xff, 0xfe, ...new TextEncoder().encode('\n2,ok\n3,'), 0xc3, ...new TextEncoder().encode('\n')]);
    const report = await validateTable(bytes, { encoding: 'utf-8' });
    expect(types(report)).toEqual(['encoding-error']);
    expect(report.tasks[0]!.stats.rows).toBe(3);
  });

  it('rejects catastrophic regex patterns before reading data', async () => {
    for (const pattern of ['(a+)+$', '(\\w*)*x', '(a|a)*b', '(a|ab)+c', '(.*a){20}']) {
      const report = await validateTable({ text: `s\n${'a'.repeat(40)}!\n` }, { schema: { fields: [{ name: 's', constraints: { pattern } }] } });
      expect(types(report)).toEqual(['schema-error']);
      expect(report.tasks[0]!.errors[0]!.note).toContain('rejected');
    }
  });

  it('still applies safe patterns', async () => {
    const report = await validateTable({ text: 's\nabc\nab1\n' }, { schema: { fields: [{ name: 's', constraints: { pattern: '[a-z]+' } }] } });
    expect(report.tasks[0]!.errors.map((e) => [e.rowNumber, e.type])).toEqual([[3, 'constraint-error']]);
  });

  it('reports a damaged gzip file', async () => {
    const gz = gzipStream(new TextEncoder().encode('a,b\n1,2\n'.repeat(1000)), 1);
    const report = await validateTable(gz.subarray(0, gz.length - 30));
    expect(types(report)).toContain('compression-error');
  });

  it('reports a zip holding several files', async () => {
    const zip = zipSync({ 'a.csv': new TextEncoder().encode('a\n1\n'), 'b.csv': new TextEncoder().encode('b\n2\n') });
    const report = await validateTable(zip);
    expect(types(report)).toEqual(['compression-error']);
  });

  it('reports a schema that is not a schema', async () => {
    const report = await validateTable({ text: 'a\n1\n' }, { schema: { fields: [{ name: 'a', type: 'money' }], primaryKey: 'b' } });
    expect(types(report)).toEqual(['schema-error', 'schema-error']);
  });
});
