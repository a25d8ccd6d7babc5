import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../catalog';
import { backends, type TestLocation } from '../test/backends';
import { sniffContentType } from './sniff';

describe('sniffContentType', () => {
  it('trusts the bytes over the name', () => {
    expect(sniffContentType(Buffer.from('%PDF-1.7 ...'), 'data.csv')).toBe('application/pdf');
    expect(sniffContentType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0]), 'budget.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(sniffContentType(Buffer.from([0, 1, 2, 3, 0, 0]), 'data.csv')).toBe('application/octet-stream');
  });

  it('names text by its extension or its first characters', () => {
    expect(sniffContentType(Buffer.from('a;b\n1;2\n'), 'x.csv')).toBe('text/csv');
    expect(sniffContentType(Buffer.from('\uFEFF{"a":1}'), 'x')).toBe('application/json');
  });
});

describe.each(backends)('files on $name', ({ fresh }) => {
  let place: TestLocation;
  let catalog: Catalog;
  beforeEach(async () => {
    place = fresh();
    catalog = await openCatalog({ ...place.location, maxFileBytes: 1000 });
  });
  afterEach(async () => {
    await catalog.close();
    await place.cleanup();
  });

  it('streams a file in with its size, sha256 and sniffed type, and back out', async () => {
    const chunks = ['région;budget\n', 'Oriental;12\n'];
    const put = await catalog.files.put(Readable.from(chunks.map((c) => Buffer.from(c))), { name: 'budget.csv' });
    expect(put.ok).toBe(true);
    if (!put.ok) return;
    const expected = createHash('sha256').update(chunks.join('')).digest('hex');
    expect(put.value).toMatchObject({ name: 'budget.csv', contentType: 'text/csv', byteSize: Buffer.byteLength(chunks.join('')), sha256: expected });
    const stream = await catalog.files.open(put.value.id);
    expect(stream && (await text(stream))).toBe(chunks.join(''));
  });

  it('refuses a file over the size limit and leaves nothing behind', async () => {
    const big = Readable.from(Array.from({ length: 20 }, () => Buffer.alloc(100, 0x61)));
    const put = await catalog.files.put(big, { name: 'big.txt' });
    expect(!put.ok && put.errors[0]?.code).toBe('too_large');
    const dir = 'data' in place.location ? `${place.location.data}/files` : (place.location.files ?? '');
    expect(readdirSync(dir, { recursive: true }).filter((f) => String(f).includes('.tmp-'))).toEqual([]);
  });

  it('deletes a file', async () => {
    const put = await catalog.files.put(Readable.from([Buffer.from('x')]), { name: 'x.txt', datasetId: 'd1' });
    if (!put.ok) throw new Error('put failed');
    expect((await catalog.files.list('d1')).map((f) => f.id)).toEqual([put.value.id]);
    expect(await catalog.files.delete(put.value.id)).toBe(true);
    expect(await catalog.files.get(put.value.id)).toBeUndefined();
  });
});
