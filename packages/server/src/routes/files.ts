import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import type { Catalog, StoredFile } from '@bayan/catalog';
import { fileTypes, type Distribution } from '@bayan/schema';
import busboy from 'busboy';
import type { Context } from 'hono';
import { z } from 'zod';
import type { BayanApp, BayanEnv } from '../context';
import { ProblemError } from '../problem';
import { visibleDataset } from './datasets';
import { defineRoute, idParam } from './define';
import { catalogProblem, requireRole } from './guards';
import { errorResponses, storedDatasetSchema } from './schemas';

const fileSchema = z
  .object({ id: z.string(), datasetId: z.string().nullable(), name: z.string(), contentType: z.string(), byteSize: z.number().int(), sha256: z.string(), createdAt: z.string() })
  .meta({ id: 'StoredFile' });

/** A file name safe to show and to put in Content-Disposition: no path, no control characters. */
export function safeFileName(name: string): string {
  const base = name.replace(/\\/g, '/').split('/').pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '_').replace(/^\.+/, '').trim().slice(0, 200);
  return cleaned || 'file';
}

interface Upload {
  file: StoredFile;
  fields: Record<string, string>;
}

/** Streams one multipart file into the catalogue's file store, never holding it in memory. */
function receiveUpload(c: Context<BayanEnv>, catalog: Catalog, options: { datasetId: string; maxBytes: number; actor: string }): Promise<Upload> {
  const contentType = c.req.header('content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) return Promise.reject(new ProblemError('unsupported-media-type'));
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > options.maxBytes + 64 * 1024) return Promise.reject(new ProblemError('payload-too-large'));
  const body = c.req.raw.body;
  if (!body) return Promise.reject(new ProblemError('bad-request'));
  return new Promise<Upload>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { 'content-type': contentType }, defParamCharset: 'utf8', limits: { files: 1, fields: 20, fieldSize: 16 * 1024, parts: 25, fileSize: options.maxBytes } });
    } catch {
      reject(new ProblemError('bad-request'));
      return;
    }
    const fields: Record<string, string> = {};
    let stored: Promise<StoredFile> | undefined;
    let truncated = false;
    parser.on('field', (name, value) => {
      fields[name.slice(0, 50)] = value;
    });
    parser.on('file', (_field, stream, info) => {
      if (stored) {
        stream.resume();
        return;
      }
      stream.on('limit', () => {
        truncated = true;
      });
      stored = catalog.files.put(stream, { name: safeFileName(info.filename || 'file'), datasetId: options.datasetId, maxBytes: options.maxBytes, actor: options.actor }).then(async (result) => {
        if (!result.ok) throw new ProblemError('payload-too-large', { detail: result.errors[0]?.message });
        if (truncated) {
          await catalog.files.delete(result.value.id);
          throw new ProblemError('payload-too-large');
        }
        return result.value;
      });
      // Surface the storage error now, but let the parser finish the request.
      stored.catch(() => undefined);
    });
    parser.on('error', () => reject(new ProblemError('bad-request')));
    parser.on('close', () => {
      if (!stored) {
        reject(new ProblemError('validation', { errors: [{ pointer: '/body/file', code: 'required', message: { fr: 'aucun fichier envoyé', ar: 'لم يُرسل أي ملف', en: 'no file was sent' } }] }));
        return;
      }
      stored.then((file) => resolve({ file, fields }), reject);
    });
    Readable.fromWeb(body as unknown as NodeWebStream<Uint8Array>).on('error', () => reject(new ProblemError('bad-request'))).pipe(parser);
  });
}

/** Registers uploads (`/api/v1/datasets/{id}/distributions/upload`) and downloads (`/api/v1/files/{id}`). */
export function registerFileRoutes(app: BayanApp, catalog: Catalog, options: { publicUrl: string; maxUploadBytes: number }): void {
  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/v1/datasets/{id}/distributions/upload',
      tag: 'distributions',
      summary: 'Upload a file as a new distribution (multipart/form-data: file, optional title); streamed to storage, size-limited',
      description: 'Fields: `file` (the bytes), `title` (optional). The file is hashed (SHA-256) and its type sniffed; a distribution pointing at /api/v1/files/{fileId} is added to the dataset.',
      params: idParam,
      body: { schema: z.object({ file: z.string().meta({ format: 'binary' }), title: z.string().max(200).optional() }), contentType: 'multipart/form-data' },
      responses: {
        201: { description: 'Stored, with the updated dataset', schema: z.object({ file: fileSchema, dataset: storedDatasetSchema }) },
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        413: { description: 'Larger than the upload limit' },
        415: { description: 'Not multipart/form-data' },
      },
      auth: 'required',
    },
    async (c, { params }) => {
      const dataset = await visibleDataset(c, catalog, params.id);
      const principal = requireRole(c, dataset.record.organizationId, 'editor');
      const { file, fields } = await receiveUpload(c, catalog, { datasetId: dataset.id, maxBytes: options.maxUploadBytes, actor: principal.userId });
      const url = `${options.publicUrl}/api/v1/files/${file.id}`;
      const extension = file.name.includes('.') ? file.name.slice(file.name.lastIndexOf('.') + 1).toLowerCase() : '';
      const format = fileTypes.terms.find((t) => t.extensions.includes(extension))?.uri;
      const title = (fields.title ?? '').trim().slice(0, 200) || file.name;
      const distribution: Distribution = {
        id: file.id,
        accessUrl: url,
        downloadUrl: url,
        title: { fr: title },
        mediaType: file.contentType.split(';')[0],
        byteSize: file.byteSize,
        checksum: { algorithm: 'sha256', value: file.sha256 },
        ...(format ? { format } : {}),
      };
      const updated = await catalog.datasets.update(dataset.id, { ...dataset.record, distributions: [...dataset.record.distributions, distribution] }, { actor: principal.userId });
      if (!updated.ok) {
        await catalog.files.delete(file.id);
        throw catalogProblem(updated.errors);
      }
      return c.json({ file, dataset: updated.value }, 201);
    },
  );

  const download = (c: Context<BayanEnv>, id: string) => downloadFile(c, catalog, id);
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/files/{id}',
      tag: 'distributions',
      summary: 'Download an uploaded file (streamed)',
      params: idParam,
      responses: { 200: { description: 'The bytes', schema: z.string().meta({ format: 'binary' }), contentType: 'application/octet-stream' }, 404: errorResponses[404] },
    },
    async (c, { params }) => download(c, params.id),
  );
  // Download links of the form /files/{id}/{name} (as the demo catalogue and CKAN-style portals write them).
  app.get('/files/:id/:name', (c) => download(c, c.req.param('id').slice(0, 200)));
}

/** Streams a stored file to the client when its dataset is visible to the request. */
async function downloadFile(c: Context<BayanEnv>, catalog: Catalog, id: string): Promise<Response> {
  const file = await catalog.files.get(id);
  if (!file?.datasetId) throw new ProblemError('not-found');
  await visibleDataset(c, catalog, file.datasetId);
  const stream = await catalog.files.open(file.id);
  if (!stream) throw new ProblemError('not-found');
  const name = safeFileName(file.name);
  return new Response(Readable.toWeb(stream) as unknown as ReadableStream, {
    headers: {
      'content-type': file.contentType,
      'content-length': String(file.byteSize),
      'content-disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'x-content-type-options': 'nosniff',
      etag: `"${file.sha256}"`,
    },
  });
}
