import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../catalog';
import { backends, type TestLocation } from '../test/backends';
import type { FileStore } from './fileStore';
import { s3FileStore } from './s3FileStore';
import { startTestS3Server, testS3Credentials, type TestS3Server } from '@bayan-internal/test-s3';
import { sniffContentType } from './sniff';

let s3: TestS3Server;
beforeAll(async () => {
  s3 = await startTestS3Server();
});
afterAll(async () => {
  await s3.close();
});

/** Where a test's file bytes go, and what is found there afterwards. */
interface TestFiles {
  fileStore?: FileStore;
  /** Half-written files: temporary files, or objects of a failed upload. */
  leftovers(place: TestLocation): string[];
  /** Stored files. */
  objects(place: TestLocation): string[];
}

// The same file behaviour on the local folder (the default) and on S3 (a fresh prefix per test).
const fileStores: { store: string; files: () => TestFiles }[] = [
  {
    store: 'local folder',
    files: () => {
      const all = (place: TestLocation) => {
        const dir = 'data' in place.location ? `${place.location.data}/files` : (place.location.files ?? '');
        return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).map((f) => f.name);
      };
      return {
        leftovers: (place) => all(place).filter((f) => f.includes('.tmp-')),
        objects: (place) => all(place).filter((f) => !f.includes('.tmp-')),
      };
    },
  },
  {
    store: 'S3',
    files: () => {
      const prefix = `t${randomBytes(6).toString('hex')}`;
      const objects = () => {
        const dir = join(s3.directory, s3.bucket, prefix);
        return existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('._S3rver_object')) : [];
      };
      return {
        fileStore: s3FileStore({ endpoint: s3.endpoint, region: 'us-east-1', bucket: s3.bucket, ...testS3Credentials, prefix }),
        // Nothing is visible in the bucket until an upload completes.
        leftovers: objects,
        objects,
      };
    },
  },
];
const matrix = backends.flatMap((backend) => fileStores.map((store) => ({ ...backend, ...store })));

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

describe.each(matrix)('files on $name, bytes in $store', ({ fresh, files }) => {
  let place: TestLocation;
  let stored: TestFiles;
  let catalog: Catalog;
  beforeEach(async () => {
    place = fresh();
    stored = files();
    catalog = await openCatalog({ ...place.location, maxFileBytes: 1000, ...(stored.fileStore ? { fileStore: stored.fileStore } : {}) });
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
    expect(stored.leftovers(place)).toEqual([]);
  });

  it('deletes a file', async () => {
    const put = await catalog.files.put(Readable.from([Buffer.from('x')]), { name: 'x.txt', datasetId: 'd1' });
    if (!put.ok) throw new Error('put failed');
    expect((await catalog.files.list('d1')).map((f) => f.id)).toEqual([put.value.id]);
    expect(stored.objects(place)).toHaveLength(1);
    expect(await catalog.files.delete(put.value.id)).toBe(true);
    expect(await catalog.files.get(put.value.id)).toBeUndefined();
    expect(stored.objects(place)).toEqual([]);
  });
});
