// Throughput of the file stores: a 50 MiB file streamed up and read back, on the local folder and
// on S3 (an s3rver in a child process on 127.0.0.1, so its work does not count in this process's
// memory), plus the alternative the S3 store did not take: spool to a temporary file, then one PUT.
// Run: NODE_OPTIONS=--expose-gc npx tsx --conditions=@bayan/source bench/fileStores.bench.ts   (BENCH_MIB=50, BENCH_RUNS=3)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { localFileStore, type FileStore } from '../src/files/fileStore';
import { s3FileStore } from '../src/files/s3FileStore';
import { awsUriEncode, signRequest } from '../src/files/s3Signature';

const MIB = 1024 * 1024;
const size = Number(process.env.BENCH_MIB ?? 50) * MIB;
const runs = Number(process.env.BENCH_RUNS ?? 3);
const pool = randomBytes(MIB);

let sampleLive: (() => void) | undefined;
function* chunks(): Generator<Buffer> {
  for (let sent = 0; sent < size; sent += 64 * 1024) {
    if (sampleLive && sent % (2 * MIB) === 0) sampleLive();
    yield pool.subarray(sent % MIB, (sent % MIB) + Math.min(64 * 1024, size - sent));
  }
}
let source = (): Readable => Readable.from(chunks(), { objectMode: false });

/** A client sending at `mibPerSecond` (a browser upload); `lastByte` is when its last byte arrived. */
const pacing = { mibPerSecond: Number(process.env.BENCH_CLIENT_MIBS ?? 25), lastByte: 0 };
async function* paced(): AsyncGenerator<Buffer> {
  const start = performance.now();
  for (const chunk of chunks()) {
    yield chunk;
    const due = start + ((chunk.byteOffset + chunk.length) / MIB / pacing.mibPerSecond) * 1000;
    if (due > performance.now()) await sleep(due - performance.now());
  }
  pacing.lastByte = performance.now();
}

/** Peak of the memory still referenced (heap + buffers, right after a full GC) while `work` runs: what an upload keeps, not what the allocator has yet to reuse. */
async function liveMemory(work: () => Promise<void>): Promise<number> {
  const gc = global.gc;
  if (!gc) return NaN;
  const used = () => {
    gc();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const before = used();
  let peak = before;
  sampleLive = () => (peak = Math.max(peak, used()));
  try {
    await work();
  } finally {
    sampleLive = undefined;
  }
  return (peak - before) / MIB;
}

async function startS3rver(directory: string): Promise<{ endpoint: string; stop: () => void }> {
  const entry = createRequire(import.meta.url).resolve('@20minutes/s3rver');
  const script = `const S3rver = require(${JSON.stringify(entry)}); new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: ${JSON.stringify(directory)}, configureBuckets: [{ name: 'bench' }] }).run().then((a) => console.log(a.port));`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((done) => child.stdout.once('data', (d: Buffer) => done(d.toString().trim())));
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

/** Seconds taken and the peak growth of this process's resident memory while `work` runs. */
async function measure(work: () => Promise<void>): Promise<{ seconds: number; peakMib: number }> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const start = performance.now();
  await work();
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  return { seconds, peakMib: (Math.max(peak, process.memoryUsage().rss) - before) / MIB };
}

async function drain(stream: Readable): Promise<number> {
  let bytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) bytes += chunk.length;
  return bytes;
}

/** The road not taken: spool to disk, then one PUT with Content-Length (UNSIGNED-PAYLOAD). */
async function spoolThenPut(endpoint: string, key: string): Promise<void> {
  const temp = join(tmpdir(), `bayan-spool-${randomBytes(6).toString('hex')}`);
  try {
    await pipeline(source(), createWriteStream(temp));
    const url = new URL(`${endpoint}/bench/${awsUriEncode(key, true)}`);
    const length = String(statSync(temp).size);
    const headers = signRequest({ method: 'PUT', url, payloadHash: 'UNSIGNED-PAYLOAD', headers: { 'content-length': length } }, { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', region: 'us-east-1' });
    const body = Readable.toWeb(createReadStream(temp)) as unknown as ReadableStream<Uint8Array>;
    const response = await fetch(url, { method: 'PUT', headers, body, duplex: 'half' } as RequestInit);
    if (!response.ok) throw new Error(`spool PUT: ${response.status} ${await response.text()}`);
  } finally {
    rmSync(temp, { force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const rate = (seconds: number) => `${(size / MIB / seconds).toFixed(0).padStart(5)} MiB/s`;

const dir = mkdtempSync(join(tmpdir(), 'bayan-files-bench-'));
const s3 = await startS3rver(join(dir, 's3'));
try {
  const s3Store = (partConcurrency: number) => s3FileStore({ endpoint: s3.endpoint, region: 'us-east-1', bucket: 'bench', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', partConcurrency });
  const stores: [string, FileStore][] = [
    ['local folder', localFileStore(join(dir, 'local'))],
    ['S3 multipart, 8 MiB parts, 1 at a time', s3Store(1)],
    ['S3 multipart, 8 MiB parts, 2 at a time (default)', s3Store(2)],
    ['S3 multipart, 8 MiB parts, 4 at a time', s3Store(4)],
  ];
  console.log(`file stores: ${size / MIB} MiB streamed in 64 KiB chunks, median of ${runs} runs (S3 = s3rver on 127.0.0.1 in a child process)`);
  for (const [name, store] of stores) {
    // Warm up (module loading, the connection pool) outside the measurement.
    await store.write('warm-up', Readable.from([pool]));
    await drain(store.read('warm-up'));
    await store.delete('warm-up');
    const up: number[] = [];
    const down: number[] = [];
    const memory: number[] = [];
    for (let run = 0; run < runs; run++) {
      const key = `bench/${name.length}-${run}`;
      const written = await measure(() => store.write(key, source()));
      let bytes = 0;
      const read = await measure(async () => {
        bytes = await drain(store.read(key));
      });
      if (bytes !== size) throw new Error(`${name}: read ${bytes} bytes, wrote ${size}`);
      up.push(written.seconds);
      down.push(read.seconds);
      memory.push(written.peakMib);
      await store.delete(key);
    }
    const live = await liveMemory(() => store.write('bench/live', source()));
    await store.delete('bench/live');
    console.log(`${name.padEnd(50)} upload ${rate(median(up))} (${median(up).toFixed(2)} s, rss +${median(memory).toFixed(0)} MiB, live ≤ ${live.toFixed(0)} MiB)  download ${rate(median(down))} (${median(down).toFixed(2)} s)`);
  }
  const spooled: number[] = [];
  const spoolMemory: number[] = [];
  for (let run = 0; run < runs; run++) {
    const result = await measure(() => spoolThenPut(s3.endpoint, `bench/spool-${run}`));
    spooled.push(result.seconds);
    spoolMemory.push(result.peakMib);
  }
  const live = await liveMemory(() => spoolThenPut(s3.endpoint, 'bench/spool-live'));
  console.log(`${'S3 spool to a temporary file, then one PUT'.padEnd(50)} upload ${rate(median(spooled))} (${median(spooled).toFixed(2)} s, rss +${median(spoolMemory).toFixed(0)} MiB, live ≤ ${live.toFixed(0)} MiB)`);
  // What a person waits for once their upload bar reaches 100 %: multipart has sent all but the
  // last part while the bytes came in; the spool sends everything only then.
  const unpaced = source;
  source = () => Readable.from(paced(), { objectMode: false });
  const waits = async (label: string, upload: (key: string) => Promise<void>) => {
    const after: number[] = [];
    for (let run = 0; run < runs; run++) {
      await upload(`bench/paced-${run}`);
      after.push((performance.now() - pacing.lastByte) / 1000);
    }
    console.log(`${label.padEnd(50)} stored ${median(after).toFixed(2)} s after the last byte of a client sending ${pacing.mibPerSecond} MiB/s`);
  };
  const s3Default = s3Store(2);
  await waits('S3 multipart, 8 MiB parts, 2 at a time (default)', (key) => s3Default.write(key, source()));
  await waits('S3 spool to a temporary file, then one PUT', (key) => spoolThenPut(s3.endpoint, key));
  source = unpaced;
} finally {
  s3.stop();
  rmSync(dir, { recursive: true, force: true });
}
