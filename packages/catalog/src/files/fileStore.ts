import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';

/**
 * Where file bytes live. The local folder is the default; an S3-compatible adapter implements the
 * same four calls (`write` as a multipart upload completed only at the end, so a failed upload
 * leaves nothing behind).
 */
export interface FileStore {
  /** Writes all bytes under `key`, atomically: readers never see a partial file. */
  write(key: string, source: AsyncIterable<Uint8Array>): Promise<void>;
  /** Streams the bytes under `key`. */
  read(key: string): Readable;
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/**
 * A file store in a local folder: writes go to a temporary file that is renamed into place.
 *
 * @example
 * ```ts
 * const store = localFileStore('./data/files');
 * await store.write('ab/abcdef', Readable.from([Buffer.from('hello')]));
 * ```
 */
export function localFileStore(root: string): FileStore {
  const base = resolve(root);
  const pathOf = (key: string): string => {
    if (!KEY.test(key) || key.includes('..')) throw new Error(`invalid file key: ${key}`);
    const full = resolve(base, key);
    if (!full.startsWith(base + sep)) throw new Error(`invalid file key: ${key}`);
    return full;
  };
  return {
    async write(key, source) {
      const target = pathOf(key);
      await mkdir(dirname(target), { recursive: true });
      const temp = join(base, `.tmp-${randomBytes(8).toString('hex')}`);
      try {
        await pipeline(source, createWriteStream(temp, { flags: 'wx' }));
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },
    read(key) {
      return createReadStream(pathOf(key));
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
    async exists(key) {
      try {
        return (await stat(pathOf(key))).isFile();
      } catch {
        return false;
      }
    },
  };
}
