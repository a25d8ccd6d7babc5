import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { gzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateTable } from './index';
import { fromNodeStream } from './node';

const csv = 'id,ville\n1,Rabat\n2,Fès\n';
const bytes = new TextEncoder().encode(csv);

describe('sources', () => {
  it('reads a Blob, a web ReadableStream, an ArrayBuffer and a Node stream', async () => {
    const inputs = [
      new Blob([bytes]),
      new ReadableStream<Uint8Array>({ start(controller) { controller.enqueue(bytes); controller.close(); } }),
      bytes.buffer.slice(0),
      fromNodeStream(Readable.from([Buffer.from(bytes)]), 'upload.csv'),
    ];
    for (const input of inputs) {
      const report = await validateTable(input);
      expect(report.valid).toBe(true);
      expect(report.tasks[0]!.stats.rows).toBe(2);
    }
  });

  it('reads gzip and a single-entry zip', async () => {
    expect((await validateTable(gzipSync(bytes))).tasks[0]!.stats.rows).toBe(2);
    const zipped = await validateTable(zipSync({ 'villes.csv': bytes }));
    expect(zipped.valid).toBe(true);
    expect(zipped.tasks[0]!.labels).toEqual(['id', 'ville']);
  });

  it('refuses paths in the browser-safe entry with a clear error', async () => {
    const report = await validateTable('data.csv');
    expect(report.tasks[0]!.errors[0]!.type).toBe('scheme-error');
    expect(report.tasks[0]!.errors[0]!.note).toContain('@bayan/tabular/node');
  });

  describe('URLs', () => {
    let base = '';
    const server = createServer((request, response) => {
      if (request.url === '/big.csv') {
        response.writeHead(200, { 'content-length': '999999999' });
        response.end();
        return;
      }
      if (request.url === '/missing.csv') {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'text/csv' }).end(csv);
    });
    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('downloads and validates', async () => {
      const report = await validateTable(`${base}/table.csv`);
      expect(report.valid).toBe(true);
      expect(report.tasks[0]!.place).toBe(`${base}/table.csv`);
    });

    it('refuses a file over maxBytes and reports HTTP errors', async () => {
      expect((await validateTable(`${base}/big.csv`, { maxBytes: 1000 })).tasks[0]!.errors[0]!.type).toBe('source-error');
      expect((await validateTable(`${base}/missing.csv`)).tasks[0]!.errors[0]!.note).toContain('404');
    });
  });
});

describe('browser safety', () => {
  it('keeps node: imports out of everything but src/node.ts and tests', () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    const offenders = readdirSync(dir)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && file !== 'node.ts')
      .filter((file) => /from ['"]node:/.test(readFileSync(dir + file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
