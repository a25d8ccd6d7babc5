import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { logActivity, type CatalogContext } from '../context';
import { newId } from '../ids';
import { failure, success, type CatalogResult } from '../result';
import type { FileStore } from './fileStore';
import { sniffContentType } from './sniff';

/** A stored file's record. */
export interface StoredFile {
  id: string;
  datasetId: string | null;
  name: string;
  /** Sniffed from the bytes. */
  contentType: string;
  byteSize: number;
  sha256: string;
  createdAt: string;
}

/** Options of an upload. */
export interface PutOptions {
  /** The file's name as uploaded (kept for display and downloads). */
  name: string;
  datasetId?: string | null;
  /** Refuse files larger than this; default the catalogue's limit (100 MiB). */
  maxBytes?: number;
  actor?: string | null;
}

/** Uploaded files: bytes in a {@link FileStore}, records in the database. */
export interface Files {
  /** Streams bytes in, hashing and counting as they pass; refuses files over the size limit. */
  put(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array> | Readable, options: PutOptions): Promise<CatalogResult<StoredFile>>;
  get(id: string): Promise<StoredFile | undefined>;
  /** Streams a file's bytes. */
  open(id: string): Promise<Readable | undefined>;
  list(datasetId: string): Promise<StoredFile[]>;
  delete(id: string): Promise<boolean>;
}

class TooLarge extends Error {}

const SNIFF_BYTES = 4096;

/** Builds the files part of a catalogue. */
export function createFiles(ctx: CatalogContext, store: FileStore, defaults: { maxBytes?: number } = {}): Files {
  const db = () => ctx.store.db;
  const toFile = (r: { id: string; dataset_id: string | null; name: string; content_type: string; byte_size: number; sha256: string; created_at: string }): StoredFile => ({
    id: r.id,
    datasetId: r.dataset_id,
    name: r.name,
    contentType: r.content_type,
    byteSize: Number(r.byte_size),
    sha256: r.sha256,
    createdAt: r.created_at,
  });
  return {
    async put(source, options) {
      const maxBytes = options.maxBytes ?? defaults.maxBytes ?? 100 * 1024 * 1024;
      const id = newId();
      const key = `${id.slice(-2)}/${id}`;
      const hash = createHash('sha256');
      let size = 0;
      const head: Buffer[] = [];
      let headSize = 0;
      async function* measured(): AsyncGenerator<Uint8Array> {
        for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
          const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
          size += bytes.length;
          if (size > maxBytes) throw new TooLarge();
          hash.update(bytes);
          if (headSize < SNIFF_BYTES) {
            head.push(Buffer.from(bytes.subarray(0, SNIFF_BYTES - headSize)));
            headSize += Math.min(bytes.length, SNIFF_BYTES - headSize);
          }
          yield bytes;
        }
      }
      try {
        await store.write(key, measured());
      } catch (error) {
        if (error instanceof TooLarge) {
          return failure('too_large', '', {
            fr: `fichier trop volumineux : la limite est de ${maxBytes} octets`,
            ar: `الملف كبير جدا: الحد الأقصى ${maxBytes} بايت`,
            en: `file too large: the limit is ${maxBytes} bytes`,
          });
        }
        throw error;
      }
      const name = options.name.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 255) || 'file';
      const row = {
        id,
        dataset_id: options.datasetId ?? null,
        name,
        content_type: sniffContentType(Buffer.concat(head), name),
        byte_size: size,
        sha256: hash.digest('hex'),
        storage_key: key,
        created_by: options.actor ?? null,
        created_at: ctx.now(),
      };
      try {
        await ctx.store.db.transaction().execute(async (trx) => {
          await trx.insertInto('files').values(row).execute();
          await logActivity(trx, { at: row.created_at, actorId: options.actor, action: 'file.uploaded', objectType: 'file', objectId: id, details: { name, size } });
        });
      } catch (error) {
        await store.delete(key);
        throw error;
      }
      return success(toFile(row));
    },
    async get(id) {
      const row = await db().selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toFile(row) : undefined;
    },
    async open(id) {
      const row = await db().selectFrom('files').select('storage_key').where('id', '=', id).executeTakeFirst();
      return row ? store.read(row.storage_key) : undefined;
    },
    async list(datasetId) {
      return (await db().selectFrom('files').selectAll().where('dataset_id', '=', datasetId).orderBy('id').execute()).map(toFile);
    },
    async delete(id) {
      const row = await db().selectFrom('files').select('storage_key').where('id', '=', id).executeTakeFirst();
      if (!row) return false;
      await db().deleteFrom('files').where('id', '=', id).execute();
      await store.delete(row.storage_key);
      return true;
    },
  };
}
