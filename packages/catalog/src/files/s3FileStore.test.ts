import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3FileStore, S3StoreError, type S3FileStoreOptions } from './s3FileStore';
import { startTestS3Server, testS3Credentials, type TestS3Server } from '@bayan-internal/test-s3';

let s3: TestS3Server;
beforeAll(async () => {
  s3 = await startTestS3Server();
});
afterAll(async () => {
  await s3.close();
});

const MIB = 1024 * 1024;

function store(overrides: Partial<S3FileStoreOptions> = {}) {
  return s3FileStore({ endpoint: s3.endpoint, region: 'us-east-1', bucket: s3.bucket, ...testS3Credentials, prefix: `t${randomBytes(6).toString('hex')}`, ...overrides });
}

/** The objects s3rver holds under a folder of the bucket. */
function objectsUnder(folder: string): string[] {
  const dir = join(s3.directory, s3.bucket, folder);
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('._S3rver_object')) : [];
}

/** Parts s3rver has received for multipart uploads still in progress. */
function uploadedParts(): string[] {
  const dir = join(s3.directory, s3.bucket, '._S3rver_uploads');
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.md5')) : [];
}

/** `total` random bytes in odd-sized chunks, made as they are read, hashed into `hash`. */
async function* randomChunks(total: number, hash: ReturnType<typeof createHash>, onProgress?: (sent: number) => Promise<void>): AsyncGenerator<Buffer> {
  let sent = 0;
  while (sent < total) {
    const chunk = randomBytes(Math.min(65_537, total - sent));
    hash.update(chunk);
    sent += chunk.length;
    yield chunk;
    await onProgress?.(sent);
  }
}

async function failure(promise: Promise<unknown>): Promise<S3StoreError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof S3StoreError) return error;
    throw error;
  }
  throw new Error('expected an S3StoreError');
}

describe('s3FileStore', () => {
  it('writes, heads, reads and deletes an object under its prefix', async () => {
    const files = store({ prefix: 'bayan/files' });
    await files.write('ab/one.csv', Readable.from([Buffer.from('région;budget\n'), Buffer.from('Oriental;12\n')]));
    expect(objectsUnder('bayan/files/ab')).toEqual(['one.csv._S3rver_object']);
    expect(await files.head('ab/one.csv')).toMatchObject({ byteSize: Buffer.byteLength('région;budget\nOriental;12\n') });
    expect(await text(files.read('ab/one.csv'))).toBe('région;budget\nOriental;12\n');
    await files.delete('ab/one.csv');
    expect(await files.exists('ab/one.csv')).toBe(false);
    expect(objectsUnder('bayan/files/ab')).toEqual([]);
  });

  it('stores an empty file', async () => {
    const files = store();
    await files.write('empty', Readable.from([]));
    expect(await files.head('empty')).toMatchObject({ byteSize: 0 });
    expect(await text(files.read('empty'))).toBe('');
  });

  it('streams a 20 MB upload as a multipart upload whose parts reach the server before the source ends', async () => {
    const files = store();
    const sent = createHash('sha256');
    const partsBefore = uploadedParts().length;
    let partsSeenMidway = 0;
    const source = randomChunks(20 * 1000 * 1000, sent, async (bytes) => {
      // Past the first 8 MiB part, wait (bounded) until the server holds it: the upload streams.
      if (bytes >= 12 * MIB && partsSeenMidway === 0) {
        for (let i = 0; i < 400 && uploadedParts().length === partsBefore; i++) await sleep(25);
        partsSeenMidway = uploadedParts().length - partsBefore;
      }
    });
    await files.write('big/20mb.bin', source);
    expect(partsSeenMidway).toBeGreaterThan(0);
    expect(await files.head('big/20mb.bin')).toMatchObject({ byteSize: 20 * 1000 * 1000 });
    const received = createHash('sha256');
    let size = 0;
    for await (const chunk of files.read('big/20mb.bin') as AsyncIterable<Buffer>) {
      received.update(chunk);
      size += chunk.length;
    }
    expect(size).toBe(20 * 1000 * 1000);
    expect(received.digest('hex')).toBe(sent.digest('hex'));
  }, 60_000);

  it('leaves no object when the source fails in the middle of a multipart upload, and reports the source error', async () => {
    const files = store();
    async function* failing(): AsyncGenerator<Buffer> {
      for (let i = 0; i < 12; i++) yield Buffer.alloc(MIB, i);
      await sleep(1);
      throw new Error('client went away');
    }
    await expect(files.write('broken.bin', failing())).rejects.toThrow('client went away');
    expect(await files.exists('broken.bin')).toBe(false);
  });

  it('is refused with a signature error when the secret is wrong, and stores nothing', async () => {
    const prefix = `t${randomBytes(6).toString('hex')}`;
    const good = store({ prefix });
    await good.write('kept.txt', Readable.from([Buffer.from('kept')]));
    const wrong = store({ prefix, secretAccessKey: 'not-the-secret' });
    const write = await failure(wrong.write('wrong.txt', Readable.from([Buffer.from('x')])));
    expect(write).toMatchObject({ code: 'signature_mismatch', status: 403, s3Code: 'SignatureDoesNotMatch' });
    expect(write.messages.en).toContain('BAYAN_S3_SECRET_ACCESS_KEY');
    expect(write.messages.fr).toContain('signature');
    expect(write.messages.ar).toContain('التوقيع');
    expect(objectsUnder(prefix)).toEqual(['kept.txt._S3rver_object']);
    const read = await failure(text(wrong.read('kept.txt')));
    expect(read.code).toBe('signature_mismatch');
  });

  it('names an unknown access key', async () => {
    const error = await failure(store({ accessKeyId: 'NOBODY' }).write('x', Readable.from([Buffer.from('x')])));
    expect(error).toMatchObject({ code: 'unknown_access_key', s3Code: 'InvalidAccessKeyId' });
  });

  it('names a missing bucket', async () => {
    const error = await failure(store({ bucket: 'no-such-bucket' }).write('x', Readable.from([Buffer.from('x')])));
    expect(error).toMatchObject({ code: 'no_such_bucket', s3Code: 'NoSuchBucket' });
    expect(error.message).toContain('BAYAN_S3_BUCKET');
  });

  it('reports a missing object when reading it', async () => {
    const error = await failure(text(store().read('nothing/here')));
    expect(error).toMatchObject({ code: 'not_found', status: 404 });
  });

  it.each([
    ['../outside', 'a parent segment'],
    ['a/../../outside', 'a parent segment inside'],
    ['/etc/passwd', 'an absolute key'],
    ['a//b', 'an empty segment'],
    ['./a', 'a dot segment'],
    ['a\u0000b', 'a NUL'],
    ['a\nb', 'a line feed'],
    ['a\\..\\b', 'a backslash'],
    ['', 'an empty key'],
  ])('refuses the key %j (%s) before any request', async (key) => {
    const files = store({ endpoint: 'http://127.0.0.1:9' });
    expect((await failure(files.write(key, Readable.from([Buffer.from('x')])))).code).toBe('invalid_key');
    expect(() => files.read(key)).toThrow(S3StoreError);
    expect((await failure(files.exists(key))).code).toBe('invalid_key');
    expect((await failure(files.delete(key))).code).toBe('invalid_key');
  });

  it('keeps keys that only look like escapes inside the prefix', async () => {
    const prefix = `t${randomBytes(6).toString('hex')}`;
    const files = store({ prefix });
    await files.write('%2e%2e/x..y/f (1).csv', Readable.from([Buffer.from('inside')]));
    expect(objectsUnder(prefix)).toEqual([join('%2e%2e', 'x..y', 'f (1).csv._S3rver_object')]);
    expect(await text(files.read('%2e%2e/x..y/f (1).csv'))).toBe('inside');
  });

  it('refuses a prefix that climbs out of the bucket', () => {
    expect(() => store({ prefix: '../other' })).toThrow(S3StoreError);
  });
});

describe('s3FileStore when S3 is down or stalls', () => {
  it('fails with a clear error when nothing listens at the endpoint', async () => {
    const gone = await startTestS3Server();
    await gone.close();
    const files = store({ endpoint: gone.endpoint, retries: 1 });
    const write = await failure(files.write('x', Readable.from([Buffer.from('x')])));
    expect(write.code).toBe('unreachable');
    expect(write.message).toContain(gone.endpoint);
    expect(write.message).toContain('ECONNREFUSED');
    expect((await failure(files.exists('x'))).code).toBe('unreachable');
    expect((await failure(text(files.read('x')))).code).toBe('unreachable');
  });

  describe('a server that accepts connections and never answers', () => {
    let server: TcpServer;
    const sockets = new Set<Socket>();
    let endpoint: string;
    beforeAll(async () => {
      server = createTcpServer((socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((done) => server.close(done));
    });

    it('times out every kind of request instead of hanging', async () => {
      const files = store({ endpoint, timeoutMs: 300, retries: 0 });
      const write = await failure(files.write('x', Readable.from([Buffer.from('x')])));
      expect(write.code).toBe('timeout');
      expect(write.message).toContain('300 ms');
      expect((await failure(files.exists('x'))).code).toBe('timeout');
      expect((await failure(files.delete('x'))).code).toBe('timeout');
      expect((await failure(text(files.read('x')))).code).toBe('timeout');
    });
  });

  describe('a server that stops sending in the middle of a download', () => {
    let server: HttpServer;
    let endpoint: string;
    beforeAll(async () => {
      server = createHttpServer((_request, response) => {
        response.writeHead(200, { 'content-length': '1000' });
        response.write(Buffer.alloc(10, 0x61));
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    });

    it('ends the read stream with a timeout error', async () => {
      const error = await failure(text(store({ endpoint, timeoutMs: 300 }).read('x')));
      expect(error.code).toBe('timeout');
    });
  });
});
