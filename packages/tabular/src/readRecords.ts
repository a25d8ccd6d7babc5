import { CsvTokenizer } from './csvTokenizer';
import type { CsvDialect } from './csvTokenizer';
import { detectDialect } from './dialect';
import { ChunkDecoder, detectEncoding, normaliseEncoding } from './encoding';
import type { TextEncoding } from './encoding';
import { Md5, Sha256 } from './hash';
import { SourceProblem, collectBytes, countBytes, gunzip, unzipEntry, zipEntries } from './source';
import type { ByteSource, SourceLimits } from './source';
import { readXlsx } from './xlsx';

/** How to read a table. Everything is detected when left out. */
export interface ReadOptions extends SourceLimits {
  /** `csv`, `tsv` or `xlsx`; default from the file name and its first bytes. */
  format?: 'csv' | 'tsv' | 'xlsx';
  /** Text encoding; default detected (BOM, UTF-8 validity, Windows-1256/1252 heuristics). */
  encoding?: string;
  /** CSV dialect; default detected (delimiter, quote, line terminator). */
  dialect?: Partial<CsvDialect>;
  /** XLSX sheet, by name or 1-based position; default the first sheet. */
  sheet?: string | number;
  /** Longest record accepted, in characters; default 4 Mi (a longer one is a source-error). */
  maxRecordChars?: number;
  /** Compute MD5 and SHA-256 of the raw bytes; default false. */
  hash?: boolean;
}

/** What was found while reading. */
export interface ReadInfo {
  format: 'csv' | 'xlsx';
  compression?: 'gz' | 'zip';
  encoding?: TextEncoding;
  dialect?: CsvDialect;
  sheet?: string;
  bytes: number;
  md5?: string;
  sha256?: string;
  warnings: string[];
}

/** Receives every record with its physical row number; return false to stop. */
export type RecordSink = (cells: string[], rowNumber: number) => boolean | void;

/** Receives a one-line CSV record as a span of decoded text (see `LineSink`) with its row number. */
export type LineRecordSink = (text: string, start: number, end: number, rowNumber: number, quoted: boolean) => boolean | void;

/** Chooses a line sink once the CSV dialect is known; undefined sends every record to the RecordSink. */
export type LineSinkFactory = (dialect: CsvDialect) => LineRecordSink | undefined;

const SAMPLE_BYTES = 64 * 1024;

function looksBinary(sample: Uint8Array, encoding: TextEncoding): boolean {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return false;
  const n = Math.min(sample.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = sample[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return control > n / 100;
}

async function* prepend(first: Uint8Array[], rest: AsyncIterator<Uint8Array>): AsyncIterable<Uint8Array> {
  yield* first;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

/**
 * Reads the records of a CSV/TSV (plain, gzip or single-entry zip) or XLSX source and passes
 * them to `sink`. Fatal problems throw SourceProblem; invalid text bytes are reported through
 * `onEncodingError` once and replaced.
 */
export async function readRecords(source: ByteSource, options: ReadOptions, sink: RecordSink, onEncodingError: (note: string) => void, lines?: LineSinkFactory): Promise<ReadInfo> {
  const info: ReadInfo = { format: 'csv', bytes: 0, warnings: [] };
  const md5 = options.hash ? new Md5() : undefined;
  const sha256 = options.hash ? new Sha256() : undefined;
  const raw = countBytes(source.open(), options, (chunk) => {
    info.bytes += chunk.length;
    md5?.update(chunk);
    sha256?.update(chunk);
  });
  const finish = (): ReadInfo => {
    if (md5) info.md5 = md5.hex();
    if (sha256) info.sha256 = sha256.hex();
    return info;
  };
  const iterator = raw[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new SourceProblem('source-error', 'the source is empty');
  const head = first.value;
  const name = source.name.toLowerCase();
  let body: AsyncIterable<Uint8Array> = prepend([head], iterator);
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    const zip = await collectBytes(body, options.maxZipBytes ?? 256 * 1024 * 1024, 'zip file');
    const entries = zipEntries(zip);
    if (options.format === 'xlsx' || entries.some((entry) => entry.name === 'xl/workbook.xml')) {
      info.format = 'xlsx';
      info.sheet = readXlsx(zip, options, sink, info.warnings);
      return finish();
    }
    const files = entries.filter((entry) => !entry.name.endsWith('/') && !entry.name.startsWith('__MACOSX/'));
    if (files.length !== 1) throw new SourceProblem('compression-error', `a zip must hold exactly one table file, this one holds ${files.length}`);
    info.compression = 'zip';
    const entry = files[0]!.name;
    // eslint-disable-next-line @typescript-eslint/require-await -- adapts a synchronous generator
    body = (async function* () {
      yield* unzipEntry(zip, entry, options);
    })();
    await readCsv(body, options, entry.toLowerCase(), sink, onEncodingError, info, lines);
    return finish();
  }
  if (head[0] === 0x1f && head[1] === 0x8b) {
    info.compression = 'gz';
    body = gunzip(body, options);
  } else if (options.format === 'xlsx' || name.endsWith('.xlsx')) {
    throw new SourceProblem('format-error', 'the file is not a valid XLSX workbook (not a zip archive)');
  }
  await readCsv(body, options, name.replace(/\.gz$/, ''), sink, onEncodingError, info, lines);
  return finish();
}

async function readCsv(body: AsyncIterable<Uint8Array>, options: ReadOptions, name: string, sink: RecordSink, onEncodingError: (note: string) => void, info: ReadInfo, lines: LineSinkFactory | undefined): Promise<void> {
  const iterator = body[Symbol.asyncIterator]();
  const sampleChunks: Uint8Array[] = [];
  let sampleSize = 0;
  while (sampleSize < SAMPLE_BYTES) {
    const next = await iterator.next();
    if (next.done) break;
    sampleChunks.push(next.value);
    sampleSize += next.value.length;
  }
  if (sampleSize === 0) throw new SourceProblem('source-error', 'the source is empty');
  const sample = sampleChunks.length === 1 ? sampleChunks[0]! : await collectBytes(prepend(sampleChunks, { next: () => Promise.resolve({ done: true, value: undefined }) }), Infinity, 'sample');
  let encoding: TextEncoding;
  if (options.encoding) {
    const known = normaliseEncoding(options.encoding);
    if (!known) throw new SourceProblem('encoding-error', `the encoding "${options.encoding}" is not supported (use utf-8, utf-16le, utf-16be, windows-1256 or windows-1252)`);
    encoding = known;
  } else {
    encoding = detectEncoding(sample);
  }
  info.encoding = encoding;
  if (looksBinary(sample, encoding)) throw new SourceProblem('format-error', 'the file is binary, not text: it is not a CSV table');
  let reported = false;
  const decoder = new ChunkDecoder(encoding, (offset) => {
    if (reported) return;
    reported = true;
    onEncodingError(`the bytes at offset ${offset} are not valid ${encoding}; they were replaced by U+FFFD`);
  });
  const sampleText = decoder.decode(sample);
  const detected = detectDialect(sampleText.slice(0, 65_536), name);
  const dialect: CsvDialect = { ...detected, ...(options.format === 'tsv' ? { delimiter: '\t' } : {}), ...stripUndefined(options.dialect ?? {}) };
  info.dialect = dialect;
  let rowNumber = 0;
  const lineSink = lines?.(dialect);
  const tokenizer = new CsvTokenizer(dialect, (cells) => sink(cells, ++rowNumber), options.maxRecordChars, lineSink && ((text, start, end, quoted) => lineSink(text, start, end, ++rowNumber, quoted)));
  tokenizer.push(sampleText);
  while (!tokenizer.done) {
    const next = await iterator.next();
    if (next.done) break;
    tokenizer.push(decoder.decode(next.value));
  }
  if (!tokenizer.done) {
    tokenizer.push(decoder.end());
    tokenizer.end();
  } else {
    await iterator.return?.();
  }
  if (tokenizer.error) throw new SourceProblem('source-error', `row ${rowNumber + 1}: ${tokenizer.error}`);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
