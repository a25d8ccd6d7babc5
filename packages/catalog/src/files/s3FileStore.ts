import { Readable } from 'node:stream';
import type { LocalizedMessage } from '@bayan/schema';
import type { FileStore } from './fileStore';
import { awsUriEncode, EMPTY_SHA256, sha256Hex, signRequest, type SigningKeys } from './s3Signature';

// An S3-compatible FileStore over the S3 REST API: fetch + SigV4 from node:crypto, no SDK.
// Writes of unknown length go up as a multipart upload of fixed-size parts (one PUT when the
// whole file fits in the first part), so memory stays at a few parts whatever the file size and
// nothing is visible under the key until the upload completes; a failed upload is aborted.

/** Settings of {@link s3FileStore}. */
export interface S3FileStoreOptions {
  /** Base URL of the S3 API, e.g. `https://s3.eu-west-3.amazonaws.com` or `http://127.0.0.1:9000`. Default the AWS endpoint of the region. */
  endpoint?: string;
  /** Region the credentials sign for (`us-east-1` for most S3-compatible servers). */
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Folder inside the bucket that every key goes under (e.g. `bayan/files`); default the bucket's root. */
  prefix?: string;
  /** `https://endpoint/bucket/key` instead of `https://bucket.endpoint/key`. Default true except on amazonaws.com. */
  forcePathStyle?: boolean;
  /** Size of multipart upload parts; default 8 MiB, at least 5 MiB (S3's minimum). */
  partBytes?: number;
  /** Parts uploaded at once; default 2 (memory is about `(partConcurrency + 1) × partBytes`). */
  partConcurrency?: number;
  /** Each request must answer (and a download must deliver its next bytes) within this; default 30 s. */
  timeoutMs?: number;
  /** Attempts after a network error or a 5xx answer on requests that can be repeated; default 2. */
  retries?: number;
}

/** What a HEAD on a stored object tells. */
export interface S3ObjectHead {
  byteSize: number;
  etag: string;
  contentType: string | undefined;
  lastModified: string | undefined;
}

/** A {@link FileStore} on S3, with a HEAD that returns the object's size and ETag. */
export interface S3FileStore extends FileStore {
  /** Size and ETag of the object under `key`, or undefined when there is none. */
  head(key: string): Promise<S3ObjectHead | undefined>;
  /** Where the files go, without credentials (for logs): `s3://bucket/prefix at endpoint`. */
  readonly description: string;
}

/** Why an S3 call failed: a stable code, the HTTP status and S3's own error code when there was an answer. */
export type S3ErrorCode = 'invalid_key' | 'unreachable' | 'timeout' | 'signature_mismatch' | 'unknown_access_key' | 'access_denied' | 'no_such_bucket' | 'not_found' | 'clock_skew' | 's3_error';

/**
 * An S3 failure with a message in fr, ar and en (`message` is the English one).
 *
 * @example
 * ```ts
 * try {
 *   await store.write(key, stream);
 * } catch (error) {
 *   if (error instanceof S3StoreError && error.code === 'no_such_bucket') console.error(error.messages.fr);
 * }
 * ```
 */
export class S3StoreError extends Error {
  readonly code: S3ErrorCode;
  readonly status: number | undefined;
  readonly s3Code: string | undefined;
  readonly messages: LocalizedMessage;
  constructor(code: S3ErrorCode, messages: LocalizedMessage, details: { status?: number; s3Code?: string; cause?: unknown } = {}) {
    super(messages.en, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'S3StoreError';
    this.code = code;
    this.status = details.status;
    this.s3Code = details.s3Code;
    this.messages = messages;
  }
}

const MIB = 1024 * 1024;
const MAX_KEY_BYTES = 1024;

function keyProblem(key: string): string | undefined {
  if (typeof key !== 'string' || key.length === 0) return 'empty';
  if (key.startsWith('/')) return 'absolute';
  if (/[\u0000-\u001f\u007f]/.test(key)) return 'control character';
  if (key.includes('\\')) return 'backslash';
  if (key.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) return 'empty, "." or ".." segment';
  return undefined;
}

function invalidKey(key: string, why: string): S3StoreError {
  const shown = JSON.stringify(key);
  return new S3StoreError('invalid_key', {
    fr: `clé de fichier invalide ${shown} (${why}) : une clé est un chemin relatif sans segment « . » ou « .. » ni caractère de contrôle`,
    ar: `مفتاح ملف غير صالح ${shown} (${why}): المفتاح مسار نسبي بلا مقطع «.» أو «..» ولا محارف تحكم`,
    en: `invalid file key ${shown} (${why}): a key is a relative path without "." or ".." segments or control characters`,
  });
}

/** The S3 `<Code>` and `<Message>` of an error body. */
function parseS3Error(body: string): { code: string | undefined; message: string | undefined } {
  const pick = (tag: string) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(body)?.[1];
  return { code: pick('Code'), message: pick('Message') };
}

function networkCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/** Turns an S3 answer that is not a success into an error people can act on. */
function answerError(what: string, status: number, body: string): S3StoreError {
  const { code, message } = parseS3Error(body);
  const s3 = code ? ` (${code}${message ? `: ${message}` : ''})` : ` (HTTP ${status})`;
  const details = { status, s3Code: code };
  switch (code) {
    case 'SignatureDoesNotMatch':
      return new S3StoreError('signature_mismatch', {
        fr: `${what} : S3 refuse la signature${s3}. Vérifiez la clé secrète (BAYAN_S3_SECRET_ACCESS_KEY) et la région (BAYAN_S3_REGION).`,
        ar: `${what}: رفض S3 التوقيع${s3}. تحقق من المفتاح السري (BAYAN_S3_SECRET_ACCESS_KEY) والمنطقة (BAYAN_S3_REGION).`,
        en: `${what}: S3 refused the request signature${s3}. Check the secret access key (BAYAN_S3_SECRET_ACCESS_KEY) and the region (BAYAN_S3_REGION).`,
      }, details);
    case 'InvalidAccessKeyId':
      return new S3StoreError('unknown_access_key', {
        fr: `${what} : S3 ne connaît pas cette clé d’accès${s3}. Vérifiez BAYAN_S3_ACCESS_KEY_ID.`,
        ar: `${what}: لا يعرف S3 مفتاح الوصول هذا${s3}. تحقق من BAYAN_S3_ACCESS_KEY_ID.`,
        en: `${what}: S3 does not know this access key${s3}. Check BAYAN_S3_ACCESS_KEY_ID.`,
      }, details);
    case 'NoSuchBucket':
      return new S3StoreError('no_such_bucket', {
        fr: `${what} : le compartiment n’existe pas${s3}. Créez-le ou corrigez BAYAN_S3_BUCKET.`,
        ar: `${what}: الحاوية غير موجودة${s3}. أنشئها أو صحّح BAYAN_S3_BUCKET.`,
        en: `${what}: the bucket does not exist${s3}. Create it or fix BAYAN_S3_BUCKET.`,
      }, details);
    case 'NoSuchKey':
      return new S3StoreError('not_found', {
        fr: `${what} : aucun fichier sous cette clé${s3}.`,
        ar: `${what}: لا يوجد ملف بهذا المفتاح${s3}.`,
        en: `${what}: no file under this key${s3}.`,
      }, details);
    case 'RequestTimeTooSkewed':
      return new S3StoreError('clock_skew', {
        fr: `${what} : l’horloge de cette machine diffère trop de celle de S3${s3}. Synchronisez l’heure (NTP).`,
        ar: `${what}: ساعة هذا الجهاز تختلف كثيرا عن ساعة S3${s3}. زامن الوقت (NTP).`,
        en: `${what}: this machine's clock is too far from S3's${s3}. Synchronise the time (NTP).`,
      }, details);
    default:
      if (status === 403)
        return new S3StoreError('access_denied', {
          fr: `${what} : accès refusé${s3}. Vérifiez la clé d’accès et la clé secrète (BAYAN_S3_ACCESS_KEY_ID, BAYAN_S3_SECRET_ACCESS_KEY) et leur droit de lire et d’écrire dans ce compartiment.`,
          ar: `${what}: الوصول مرفوض${s3}. تحقق من مفتاح الوصول والمفتاح السري (BAYAN_S3_ACCESS_KEY_ID، BAYAN_S3_SECRET_ACCESS_KEY) ومن حقهما في القراءة والكتابة في هذه الحاوية.`,
          en: `${what}: access denied${s3}. Check the access key and secret (BAYAN_S3_ACCESS_KEY_ID, BAYAN_S3_SECRET_ACCESS_KEY) and that they may read and write this bucket.`,
        }, details);
      if (status === 404)
        return new S3StoreError('not_found', {
          fr: `${what} : introuvable${s3}.`,
          ar: `${what}: غير موجود${s3}.`,
          en: `${what}: not found${s3}.`,
        }, details);
      return new S3StoreError('s3_error', {
        fr: `${what} : S3 a répondu par une erreur${s3}.`,
        ar: `${what}: أجاب S3 بخطأ${s3}.`,
        en: `${what}: S3 answered with an error${s3}.`,
      }, details);
  }
}

function transportError(what: string, endpoint: string, error: unknown, timeoutMs: number): S3StoreError {
  if (error instanceof S3StoreError) return error;
  const name = (error as { name?: string } | undefined)?.name;
  if (name === 'TimeoutError')
    return new S3StoreError('timeout', {
      fr: `${what} : S3 (${endpoint}) n’a pas répondu en ${timeoutMs} ms.`,
      ar: `${what}: لم يُجب S3 (${endpoint}) خلال ${timeoutMs} ms.`,
      en: `${what}: S3 (${endpoint}) did not answer within ${timeoutMs} ms.`,
    }, { cause: error });
  const why = networkCause(error);
  return new S3StoreError('unreachable', {
    fr: `${what} : impossible de joindre S3 à ${endpoint} (${why}). Vérifiez BAYAN_S3_ENDPOINT et que le service tourne.`,
    ar: `${what}: تعذر الوصول إلى S3 في ${endpoint} (${why}). تحقق من BAYAN_S3_ENDPOINT ومن أن الخدمة تعمل.`,
    en: `${what}: cannot reach S3 at ${endpoint} (${why}). Check BAYAN_S3_ENDPOINT and that the service is running.`,
  }, { cause: error });
}

const retryable = (error: unknown): boolean => !(error instanceof S3StoreError) || error.code === 'unreachable' || (error.status !== undefined && error.status >= 500);

/** Cuts a byte stream into parts of at least `size` bytes (the last one may be smaller). */
async function* parts(source: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const chunk of source) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    pending.push(bytes);
    pendingBytes += bytes.length;
    while (pendingBytes >= size) {
      const all = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
      yield all.subarray(0, size);
      const rest = all.subarray(size);
      pending = rest.length > 0 ? [rest] : [];
      pendingBytes = rest.length;
    }
  }
  if (pendingBytes > 0) yield pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
}

/**
 * A file store in an S3-compatible bucket (AWS S3, MinIO, Ceph, Garage, …), signed with AWS
 * Signature Version 4. Writes stream as a multipart upload of `partBytes` parts (a single PUT for
 * files smaller than one part); reads stream; every request has a timeout; keys are checked so
 * they never leave the prefix.
 *
 * @example
 * ```ts
 * const store = s3FileStore({ endpoint: 'http://127.0.0.1:9000', region: 'us-east-1', bucket: 'bayan', accessKeyId, secretAccessKey, prefix: 'files' });
 * const catalog = await openCatalog({ database: url, fileStore: store });
 * ```
 */
export function s3FileStore(options: S3FileStoreOptions): S3FileStore {
  const endpoint = new URL(options.endpoint ?? `https://s3.${options.region}.amazonaws.com`);
  if (endpoint.protocol !== 'http:' && endpoint.protocol !== 'https:') throw new TypeError(`S3 endpoint must be http(s): ${endpoint.href}`);
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(options.bucket)) throw new TypeError(`invalid S3 bucket name: ${JSON.stringify(options.bucket)}`);
  const rawPrefix = (options.prefix ?? '').replace(/^\/+|\/+$/g, '');
  if (rawPrefix !== '') {
    const problem = keyProblem(rawPrefix);
    if (problem) throw invalidKey(rawPrefix, `prefix: ${problem}`);
  }
  const prefix = rawPrefix === '' ? '' : `${rawPrefix}/`;
  const pathStyle = options.forcePathStyle ?? !endpoint.hostname.endsWith('amazonaws.com');
  const partBytes = Math.max(options.partBytes ?? 8 * MIB, 5 * MIB);
  const concurrency = Math.max(1, options.partConcurrency ?? 2);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const retries = Math.max(0, options.retries ?? 2);
  const keys: SigningKeys = { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey, region: options.region };
  const base = endpoint.href.replace(/\/+$/, '');
  const shownEndpoint = endpoint.origin;

  const objectKey = (key: string): string => {
    const problem = keyProblem(key);
    if (problem) throw invalidKey(key, problem);
    const full = prefix + key;
    if (Buffer.byteLength(full) > MAX_KEY_BYTES) throw invalidKey(key, `longer than ${MAX_KEY_BYTES} bytes`);
    return full;
  };
  const urlOf = (full: string, query = ''): URL => {
    const path = awsUriEncode(full, true);
    const url = pathStyle ? new URL(`${base}/${options.bucket}/${path}`) : new URL(`${endpoint.protocol}//${options.bucket}.${endpoint.host}${endpoint.pathname.replace(/\/+$/, '')}/${path}`);
    url.search = query;
    return url;
  };

  interface Call {
    method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';
    url: URL;
    what: string;
    body?: Buffer | string;
    headers?: Record<string, string>;
    signal?: AbortSignal;
    /** Statuses that are answers, not errors (e.g. 404 for HEAD). */
    accept?: number[];
    repeatable?: boolean;
  }

  /** One signed request; resolves once the status and headers are in (the body is the caller's). */
  async function send(call: Call, timeout: AbortSignal): Promise<Response> {
    const body = call.body === undefined ? undefined : typeof call.body === 'string' ? Buffer.from(call.body) : call.body;
    const payloadHash = body === undefined ? EMPTY_SHA256 : sha256Hex(body);
    const headers = signRequest({ method: call.method, url: call.url, payloadHash, headers: call.headers }, keys);
    const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
    const init: RequestInit & { duplex?: 'half' } = { method: call.method, headers, signal, redirect: 'manual' };
    if (body !== undefined) {
      // fetch copies a Buffer body; a one-chunk stream with its length sends the part as it is.
      headers['content-length'] = String(body.length);
      init.body = new ReadableStream<Uint8Array>({
        start(controller) {
          if (body.length > 0) controller.enqueue(body);
          controller.close();
        },
      });
      init.duplex = 'half';
    }
    try {
      return await fetch(call.url, init);
    } catch (error) {
      if (call.signal?.aborted) throw call.signal.reason;
      throw transportError(call.what, shownEndpoint, error, timeoutMs);
    }
  }

  /** A request whose whole answer is read (within the timeout); errors mapped; retried when it may be. */
  async function request(call: Call): Promise<{ status: number; headers: Headers; text: string }> {
    for (let attempt = 0; ; attempt++) {
      try {
        const timeout = AbortSignal.timeout(timeoutMs);
        const response = await send(call, timeout);
        let text: string;
        try {
          text = await response.text();
        } catch (error) {
          if (call.signal?.aborted) throw call.signal.reason;
          throw transportError(call.what, shownEndpoint, error, timeoutMs);
        }
        const ok = (response.status >= 200 && response.status < 300) || (call.accept ?? []).includes(response.status);
        // CompleteMultipartUpload may answer 200 with an <Error> body.
        if (!ok || (response.status === 200 && call.method === 'POST' && /<Error>/.test(text))) throw answerError(call.what, response.status, text);
        return { status: response.status, headers: response.headers, text };
      } catch (error) {
        if (call.signal?.aborted || !(call.repeatable ?? true) || attempt >= retries || !retryable(error)) throw error;
        await new Promise((done) => setTimeout(done, 200 * 2 ** attempt));
      }
    }
  }

  async function putObject(full: string, body: Buffer): Promise<void> {
    await request({ method: 'PUT', url: urlOf(full), what: `S3 PUT ${full}`, body });
  }

  async function multipartUpload(full: string, first: Buffer, rest: AsyncGenerator<Buffer>): Promise<void> {
    const created = await request({ method: 'POST', url: urlOf(full, 'uploads='), what: `S3 create multipart upload ${full}`, repeatable: false });
    const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(created.text)?.[1];
    if (!uploadId) throw answerError(`S3 create multipart upload ${full}`, created.status, created.text);
    const query = (extra: string) => `${extra}uploadId=${encodeURIComponent(uploadId)}`;
    const stop = new AbortController();
    const etags: string[] = [];
    const inflight = new Set<Promise<void>>();
    let failure: { error: unknown } | undefined;
    const launch = (number: number, body: Buffer) => {
      const task = request({ method: 'PUT', url: urlOf(full, query(`partNumber=${number}&`)), what: `S3 upload part ${number} of ${full}`, body, signal: stop.signal })
        .then(
          (answer) => {
            const etag = answer.headers.get('etag');
            if (!etag) throw new S3StoreError('s3_error', { fr: `S3 : la partie ${number} de ${full} n’a pas d’ETag`, ar: `S3: الجزء ${number} من ${full} بلا ETag`, en: `S3: part ${number} of ${full} came back without an ETag` });
            etags[number - 1] = etag;
          },
        )
        .catch((error: unknown) => {
          if (!failure) failure = { error };
          stop.abort(error);
        })
        .finally(() => inflight.delete(task));
      inflight.add(task);
    };
    try {
      let number = 1;
      launch(number, first);
      for await (const part of rest) {
        while (inflight.size >= concurrency && !failure) await Promise.race(inflight);
        if (failure) break;
        launch(++number, part);
      }
      await Promise.all(inflight);
      if (failure) throw failure.error;
      const xml = `<CompleteMultipartUpload>${etags.map((etag, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${etag.replace(/[<>&]/g, '')}</ETag></Part>`).join('')}</CompleteMultipartUpload>`;
      await request({ method: 'POST', url: urlOf(full, query('')), what: `S3 complete multipart upload ${full}`, body: xml, headers: { 'content-type': 'application/xml' } });
    } catch (error) {
      stop.abort(error);
      await Promise.allSettled(inflight);
      // Best effort: a bucket lifecycle rule should also expire incomplete uploads.
      await request({ method: 'DELETE', url: urlOf(full, query('')), what: `S3 abort multipart upload ${full}`, repeatable: false }).catch(() => undefined);
      throw error;
    }
  }

  async function* download(full: string): AsyncGenerator<Buffer> {
    const what = `S3 GET ${full}`;
    const controller = new AbortController();
    let timer = setTimeout(() => controller.abort(new DOMException('idle', 'TimeoutError')), timeoutMs);
    const touch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(new DOMException('idle', 'TimeoutError')), timeoutMs);
    };
    try {
      const response = await send({ method: 'GET', url: urlOf(full), what }, controller.signal);
      if (response.status !== 200) {
        const text = await response.text().catch(() => '');
        throw answerError(what, response.status, text);
      }
      if (!response.body) return;
      const reader = response.body.getReader();
      try {
        for (;;) {
          touch();
          const { done, value } = await reader.read();
          if (done) return;
          yield Buffer.from(value.buffer, value.byteOffset, value.byteLength);
        }
      } finally {
        reader.cancel().catch(() => undefined);
      }
    } catch (error) {
      throw transportError(what, shownEndpoint, error instanceof Error && error.name === 'AbortError' && controller.signal.aborted ? controller.signal.reason : error, timeoutMs);
    } finally {
      clearTimeout(timer);
    }
  }

  async function head(key: string): Promise<S3ObjectHead | undefined> {
    const full = objectKey(key);
    const answer = await request({ method: 'HEAD', url: urlOf(full), what: `S3 HEAD ${full}`, accept: [404] });
    if (answer.status === 404) return undefined;
    return {
      byteSize: Number(answer.headers.get('content-length') ?? 0),
      etag: answer.headers.get('etag') ?? '',
      contentType: answer.headers.get('content-type') ?? undefined,
      lastModified: answer.headers.get('last-modified') ?? undefined,
    };
  }

  return {
    description: `s3://${options.bucket}/${prefix} at ${shownEndpoint}`,
    async write(key, source) {
      const full = objectKey(key);
      const chunks = parts(source, partBytes);
      const first = await chunks.next();
      const head = first.done ? Buffer.alloc(0) : first.value;
      if (head.length < partBytes) {
        await putObject(full, head);
        return;
      }
      await multipartUpload(full, head, chunks);
    },
    read(key) {
      return Readable.from(download(objectKey(key)), { objectMode: false });
    },
    async delete(key) {
      const full = objectKey(key);
      await request({ method: 'DELETE', url: urlOf(full), what: `S3 DELETE ${full}`, accept: [404] });
    },
    async exists(key) {
      return (await head(key)) !== undefined;
    },
    head,
  };
}
