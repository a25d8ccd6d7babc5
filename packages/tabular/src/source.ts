import { Gunzip, Unzip, UnzipInflate } from 'fflate';
import type { UnzipFile } from 'fflate';

/**
 * Bytes a table is read from. `open()` may be called again when `reopenable` is true (files,
 * buffers, blobs, URLs); one-shot streams can be read once.
 */
export interface ByteSource {
  /** Name shown in reports (file name or URL); also used to guess the format. */
  name: string;
  /** Size in bytes when known in advance. */
  size?: number;
  reopenable: boolean;
  open(): AsyncIterable<Uint8Array>;
}

/** Inline CSV text. */
export interface TextSource {
  text: string;
  name?: string;
}

/**
 * What `validateTable`, `inferSchema` and `profileTable` read: bytes, a Blob or File, a web
 * ReadableStream, any async iterable of byte chunks, inline `{ text }`, an http(s) URL, or a
 * ByteSource (the `@bayan/tabular/node` helpers make one from a path or a Node stream).
 */
export type TableSource = ByteSource | TextSource | Uint8Array | ArrayBuffer | Blob | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | URL | string;

/** Limits that keep reading bounded. */
export interface SourceLimits {
  /** Maximum bytes read from the source (compressed size); default unlimited. */
  maxBytes?: number;
  /** Time limit for URL downloads in ms; default 60000. */
  timeoutMs?: number;
  /** Maximum size of a zip or XLSX file, held in memory to read its directory; default 256 MiB. */
  maxZipBytes?: number;
  /** Maximum decompressed/compressed ratio once past 16 MiB of output; default 200. */
  maxCompressionRatio?: number;
}

/** Raised inside readers for problems with the user's data; turned into report errors. */
export class SourceProblem extends Error {
  readonly type: string;
  constructor(type: string, note: string) {
    super(note);
    this.type = type;
  }
}

const CHUNK = 64 * 1024;

// eslint-disable-next-line @typescript-eslint/require-await -- in-memory bytes served as an async iterable
async function* sliceBytes(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += CHUNK) yield bytes.subarray(i, Math.min(bytes.length, i + CHUNK));
}

async function* readStream(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

function isByteSource(value: unknown): value is ByteSource {
  return typeof value === 'object' && value !== null && typeof (value as ByteSource).open === 'function';
}

function oneShot(name: string, iterable: AsyncIterable<Uint8Array>): ByteSource {
  let used = false;
  return {
    name,
    reopenable: false,
    open() {
      if (used) throw new SourceProblem('source-error', 'this stream was already read');
      used = true;
      return iterable;
    },
  };
}

function fromUrl(url: URL, limits: SourceLimits): ByteSource {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { name: url.href, reopenable: false, open: () => { throw new SourceProblem('scheme-error', `the scheme "${url.protocol}" is not supported (use http or https)`); } };
  }
  return {
    name: url.href,
    reopenable: true,
    async *open() {
      let response: Response;
      try {
        response = await fetch(url, { signal: AbortSignal.timeout(limits.timeoutMs ?? 60_000), redirect: 'follow' });
      } catch (error) {
        throw new SourceProblem('scheme-error', `the download failed: ${(error as Error).message}`);
      }
      if (!response.ok || !response.body) throw new SourceProblem('scheme-error', `the server answered ${response.status}`);
      const declared = Number(response.headers.get('content-length'));
      if (limits.maxBytes !== undefined && declared > limits.maxBytes) throw new SourceProblem('source-error', `the file is ${declared} bytes, over the limit of ${limits.maxBytes}`);
      yield* readStream(response.body);
    },
  };
}

/** Turns any supported input into a ByteSource. */
export function toByteSource(input: TableSource, limits: SourceLimits = {}): ByteSource {
  if (isByteSource(input)) return input;
  if (typeof input === 'string') {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) return fromUrl(new URL(input), limits);
    return { name: input, reopenable: false, open: () => { throw new SourceProblem('scheme-error', `"${input}" is not a URL; read files with validateFile or fromPath from @bayan/tabular/node`); } };
  }
  if (input instanceof URL) return fromUrl(input, limits);
  if (input instanceof Uint8Array) return { name: 'memory', size: input.length, reopenable: true, open: () => sliceBytes(input) };
  if (input instanceof ArrayBuffer) return toByteSource(new Uint8Array(input), limits);
  if (typeof Blob !== 'undefined' && input instanceof Blob) {
    const named = input as Blob & { name?: unknown };
    const name = typeof named.name === 'string' ? named.name : 'blob';
    return { name, size: input.size, reopenable: true, open: () => readStream(input.stream()) };
  }
  if (typeof ReadableStream !== 'undefined' && input instanceof ReadableStream) return oneShot('stream', readStream(input));
  if (typeof input === 'object' && input !== null && typeof (input as TextSource).text === 'string') {
    const inline = input as TextSource;
    const bytes = new TextEncoder().encode(inline.text);
    return { name: inline.name ?? 'inline', size: bytes.length, reopenable: true, open: () => sliceBytes(bytes) };
  }
  if (typeof input === 'object' && input !== null && Symbol.asyncIterator in input) return oneShot('stream', input);
  throw new TypeError('unsupported table source');
}

/** Counts bytes (and enforces maxBytes) while passing chunks through. */
export async function* countBytes(chunks: AsyncIterable<Uint8Array>, limits: SourceLimits, onChunk: (chunk: Uint8Array) => void): AsyncIterable<Uint8Array> {
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (limits.maxBytes !== undefined && total > limits.maxBytes) throw new SourceProblem('source-error', `the file is larger than the limit of ${limits.maxBytes} bytes`);
    onChunk(chunk);
    yield chunk;
  }
}

/** Streams a gzip body, stopping a decompression bomb by its output/input ratio. */
export async function* gunzip(chunks: AsyncIterable<Uint8Array>, limits: SourceLimits): AsyncIterable<Uint8Array> {
  const ratio = limits.maxCompressionRatio ?? 200;
  const out: Uint8Array[] = [];
  let inBytes = 0;
  let outBytes = 0;
  const stream = new Gunzip((data) => {
    out.push(data);
  });
  const feed = function* (chunk: Uint8Array, final: boolean): Generator<Uint8Array> {
    for (let i = 0; i < chunk.length || (final && i === 0); i += 8192) {
      const part = chunk.subarray(i, Math.min(chunk.length, i + 8192));
      inBytes += part.length;
      try {
        stream.push(part, final && i + 8192 >= chunk.length);
      } catch (error) {
        throw new SourceProblem('compression-error', `the gzip data is damaged: ${(error as Error).message}`);
      }
      while (out.length > 0) {
        const data = out.shift()!;
        outBytes += data.length;
        if (outBytes > 16 * 1024 * 1024 && outBytes > inBytes * ratio) throw new SourceProblem('compression-error', `the data expands more than ${ratio} times (a decompression bomb?)`);
        yield data;
      }
      if (chunk.length === 0) break;
    }
  };
  for await (const chunk of chunks) yield* feed(chunk, false);
  yield* feed(new Uint8Array(0), true);
}

/** Reads a whole zip into memory (bounded) to reach its directory. */
export async function collectBytes(chunks: AsyncIterable<Uint8Array>, max: number, what: string): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > max) throw new SourceProblem('source-error', `the ${what} is larger than ${max} bytes, the limit for this format`);
    parts.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

/** Names of the entries of a zip, from its central directory. */
export function zipEntries(zip: Uint8Array): { name: string; compressedSize: number; size: number }[] {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 0x05 && zip[i + 3] === 0x06) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new SourceProblem('compression-error', 'the zip file has no central directory (damaged or truncated)');
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: { name: string; compressedSize: number; size: number }[] = [];
  const decoder = new TextDecoder();
  for (let k = 0; k < count && at + 46 <= zip.length; k++) {
    if (view.getUint32(at, true) !== 0x02014b50) break;
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    entries.push({ name: decoder.decode(zip.subarray(at + 46, at + 46 + nameLength)), compressedSize, size });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/**
 * Streams the decompressed bytes of one zip entry, guarding against bombs by ratio. The zip is
 * already in memory; decompression happens in 16 KiB input steps so output stays bounded.
 */
export function* unzipEntry(zip: Uint8Array, entryName: string, limits: SourceLimits): Generator<Uint8Array> {
  const ratio = limits.maxCompressionRatio ?? 200;
  const out: Uint8Array[] = [];
  let failure: Error | undefined;
  let found = false;
  let finished = false;
  const unzip = new Unzip((file: UnzipFile) => {
    if (file.name !== entryName || found) return;
    found = true;
    file.ondata = (error, data, final) => {
      if (error) failure = error;
      else out.push(data);
      if (final) finished = true;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  let inBytes = 0;
  let outBytes = 0;
  for (let i = 0; i < zip.length && !finished; i += 16_384) {
    const part = zip.subarray(i, Math.min(zip.length, i + 16_384));
    inBytes += part.length;
    try {
      unzip.push(part, i + 16_384 >= zip.length);
    } catch (error) {
      throw new SourceProblem('compression-error', `the zip data is damaged: ${(error as Error).message}`);
    }
    if (failure) throw new SourceProblem('compression-error', `the zip data is damaged: ${failure.message}`);
    while (out.length > 0) {
      const data = out.shift()!;
      outBytes += data.length;
      if (outBytes > 16 * 1024 * 1024 && outBytes > inBytes * ratio) throw new SourceProblem('compression-error', `the data expands more than ${ratio} times (a decompression bomb?)`);
      yield data;
    }
  }
  if (!found) throw new SourceProblem('compression-error', `the zip has no entry "${entryName}"`);
}
