/*
 * Validation throughput of @bayan/tabular beside bare CSV parsers and the `tableschema` package.
 *
 *   pnpm --filter @bayan/tabular bench                       # 1 GiB CSV (default)
 *   BAYAN_BENCH_MB=200 pnpm --filter @bayan/tabular bench    # smaller file
 *   BAYAN_BENCH_SLICE_MB=50                                   # size of the tableschema slice (default 50)
 *   BAYAN_BENCH_BARE=udsv,tokenizer                           # bare parsers to run (default all four)
 *   BAYAN_BENCH_SLICE=0                                       # skip the tableschema slice (while developing)
 *
 * Generates a CSV of 10 typed columns in the temp folder, then runs every contender in its own
 * child process (so each peak RSS is its own) and prints rows/s, MB/s, peak RSS and ratios.
 * Imports @bayan/tabular through its public name: run `pnpm --filter @bayan/tabular build` first.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, openSync, closeSync, statSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MB = Number(process.env.BAYAN_BENCH_MB ?? 1024);
const SLICE_MB = Number(process.env.BAYAN_BENCH_SLICE_MB ?? 50);
const dir = join(tmpdir(), 'bayan-tabular-bench');
const full = join(dir, `table-${MB}mb.csv`);
const slice = join(dir, `table-${SLICE_MB}mb.csv`);

const schema = {
  fields: [
    { name: 'id', type: 'integer', constraints: { required: true, minimum: 1 } },
    { name: 'code', type: 'string', constraints: { required: true, pattern: '[A-Z]{2}[0-9]{4}' } },
    { name: 'name', type: 'string', constraints: { minLength: 1, maxLength: 64 } },
    { name: 'amount', type: 'number', constraints: { minimum: 0 } },
    { name: 'rate', type: 'number', constraints: { minimum: 0, maximum: 1 } },
    { name: 'count', type: 'integer', constraints: { minimum: 0, maximum: 1000 } },
    { name: 'day', type: 'date' },
    { name: 'stamp', type: 'datetime' },
    { name: 'active', type: 'boolean' },
    { name: 'category', type: 'string', constraints: { enum: ['north', 'south', 'east', 'west', 'centre'] } },
  ],
  primaryKey: ['id'],
};

function generate(path: string, megabytes: number): void {
  if (existsSync(path) && statSync(path).size >= megabytes * 1024 * 1024) return;
  mkdirSync(dir, { recursive: true });
  const fd = openSync(path, 'w');
  const target = megabytes * 1024 * 1024;
  let seed = 42;
  const rand = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const names = ['Amina', 'Youssef', 'Fatima Zahra', 'Mohamed', 'Salma', 'Karim', 'Nadia', 'Omar'];
  const categories = ['north', 'south', 'east', 'west', 'centre'];
  const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
  let written = 0;
  let id = 0;
  let buffer = 'id,code,name,amount,rate,count,day,stamp,active,category\n';
  while (written < target) {
    for (let k = 0; k < 2000; k++) {
      id++;
      const name = rand(8) === 0 ? `"${names[rand(8)]!}, ${names[rand(8)]!}"` : names[rand(8)]!;
      const day = `20${pad(10 + rand(15))}-${pad(1 + rand(12))}-${pad(1 + rand(28))}`;
      buffer += `${id},${letters[rand(26)]!}${letters[rand(26)]!}${1000 + rand(9000)},${name},${rand(1_000_000) / 100},0.${rand(1000)},${rand(1001)},${day},${day}T${pad(rand(24))}:${pad(rand(60))}:${pad(rand(60))}Z,${rand(2) === 0 ? 'true' : 'false'},${categories[rand(5)]!}\n`;
    }
    written += writeSync(fd, buffer);
    buffer = '';
  }
  closeSync(fd);
}

interface Result { rows: number; seconds: number; cpu: number; rss: number; note?: string }

async function readChunks(path: string, each: (chunk: Buffer) => void): Promise<void> {
  for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) each(chunk as Buffer);
}

async function runPhase(phase: string, path: string): Promise<Result> {
  // Modules load before the clock starts, so start-up is not counted for anyone.
  await import('@bayan/tabular');
  await import('@bayan/tabular/node');
  await import('udsv');
  await import('csv-parse');
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  let rows = 0;
  let note: string | undefined;
  const require = createRequire(import.meta.url);
  switch (phase) {
    case 'tokenizer': {
      const { CsvTokenizer, defaultCsvDialect } = await import('@bayan/tabular');
      const decoder = new TextDecoder();
      const tokenizer = new CsvTokenizer(defaultCsvDialect, () => {
        rows++;
      });
      await readChunks(path, (chunk) => tokenizer.push(decoder.decode(chunk, { stream: true })));
      tokenizer.end();
      rows--;
      break;
    }
    case 'udsv': {
      const { inferSchema, initParser } = await import('udsv');
      const decoder = new TextDecoder();
      let parser: ReturnType<typeof initParser> | undefined;
      const count = (): void => {
        rows++;
      };
      await readChunks(path, (chunk) => {
        const text = decoder.decode(chunk, { stream: true });
        parser ??= initParser(inferSchema(text));
        parser.chunk<string[]>(text, parser.stringArrs, count);
      });
      parser?.end();
      break;
    }
    case 'csv-parse': {
      const { parse } = await import('csv-parse');
      const stream = createReadStream(path, { highWaterMark: 64 * 1024 }).pipe(parse({ from_line: 2 }));
      for await (const _row of stream) rows++;
      break;
    }
    case 'papaparse': {
      const Papa = require('papaparse') as { parse(input: NodeJS.ReadableStream, config: { step: () => void; complete: () => void; error: (error: Error) => void }): void };
      await new Promise<void>((resolve, reject) => {
        Papa.parse(createReadStream(path, { highWaterMark: 64 * 1024 }), {
          step: () => {
            rows++;
          },
          complete: () => resolve(),
          error: (error: Error) => reject(error),
        });
      });
      rows--;
      break;
    }
    case 'validate': {
      const { validateTable } = await import('@bayan/tabular');
      const { fromPath } = await import('@bayan/tabular/node');
      const report = await validateTable(fromPath(path), { schema });
      rows = report.tasks[0]!.stats.rows ?? 0;
      note = `valid=${String(report.valid)} errors=${report.stats.errors} warnings=${report.tasks[0]!.warnings.join('; ')}`;
      break;
    }
    case 'tableschema': {
      const { Table } = require('tableschema') as { Table: { load(source: string, options: object): Promise<{ iter(options: object): Promise<AsyncIterable<unknown>> }> } };
      const table = await Table.load(path, { schema });
      const iterable = await table.iter({ forceCast: true });
      let errors = 0;
      for await (const row of iterable) {
        rows++;
        if (row instanceof Error) errors++;
      }
      note = `errors=${errors}`;
      break;
    }
    default:
      throw new Error(`unknown phase ${phase}`);
  }
  const cpu = process.cpuUsage(cpuStart);
  return { rows, seconds: (performance.now() - started) / 1000, cpu: (cpu.user + cpu.system) / 1e6, rss: process.resourceUsage().maxRSS / 1024, ...(note ? { note } : {}) };
}

function child(phase: string, path: string): Result {
  const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), phase, path], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as Result;
  } catch {
    throw new Error(`${phase} failed: ${run.stderr || run.stdout}`);
  }
}

function print(label: string, result: Result, bytes: number, baseline?: Result, baselineLabel?: string): void {
  const mbps = bytes / 1024 / 1024 / result.seconds;
  const ratio = baseline ? `  ${(baseline.seconds / result.seconds).toFixed(2)}× (CPU ${(baseline.cpu / result.cpu).toFixed(2)}×) ${baselineLabel ?? ''}` : '';
  console.log(`${label.padEnd(34)} ${String(result.rows).padStart(11)} rows ${result.seconds.toFixed(2).padStart(8)} s (CPU ${result.cpu.toFixed(2)} s) ${Math.round(result.rows / result.seconds).toLocaleString('en').padStart(11)} rows/s ${mbps.toFixed(1).padStart(7)} MB/s  peak RSS ${result.rss.toFixed(0).padStart(5)} MB${ratio}${result.note ? `  (${result.note})` : ''}`);
}

async function main(): Promise<void> {
  const [phase, path] = process.argv.slice(2);
  if (phase && path) {
    console.log(JSON.stringify(await runPhase(phase, path)));
    return;
  }
  console.log(`generating ${MB} MB and ${SLICE_MB} MB CSVs of 10 typed columns in ${dir} …`);
  generate(full, MB);
  generate(slice, SLICE_MB);
  const bytes = statSync(full).size;
  const sliceBytes = statSync(slice).size;
  console.log(`\nfull file: ${(bytes / 1024 / 1024).toFixed(0)} MB`);
  const bare: [string, Result][] = [];
  for (const name of (process.env.BAYAN_BENCH_BARE ?? 'udsv,csv-parse,papaparse,tokenizer').split(',')) {
    const result = child(name, full);
    bare.push([name === 'tokenizer' ? 'bayan CsvTokenizer (bare parse)' : `${name} (bare parse)`, result]);
    print(bare[bare.length - 1]![0], result, bytes);
  }
  const fastest = bare.reduce((best, item) => (item[1].cpu < best[1].cpu ? item : best));
  const validation = child('validate', full);
  print('bayan validateTable (full checks)', validation, bytes, fastest[1], `of fastest bare parse (${fastest[0]})`);
  if (process.env.BAYAN_BENCH_SLICE === '0') {
    console.log(`\naim: validation ≥ 0.5× fastest bare parse → ${(fastest[1].seconds / validation.seconds).toFixed(2)}× wall, ${(fastest[1].cpu / validation.cpu).toFixed(2)}× CPU; peak RSS < 200 MB → ${validation.rss.toFixed(0)} MB (tableschema slice skipped)`);
    return;
  }
  console.log(`\nslice: ${(sliceBytes / 1024 / 1024).toFixed(0)} MB`);
  const ours = child('validate', slice);
  const theirs = child('tableschema', slice);
  print('tableschema (iter, forceCast)', theirs, sliceBytes);
  print('bayan validateTable', ours, sliceBytes, theirs, 'faster than tableschema');
  console.log(`\naims: validation ≥ 0.5× fastest bare parse → ${(fastest[1].seconds / validation.seconds).toFixed(2)}× wall, ${(fastest[1].cpu / validation.cpu).toFixed(2)}× CPU; ≥ 10× tableschema → ${(theirs.seconds / ours.seconds).toFixed(1)}× wall, ${(theirs.cpu / ours.cpu).toFixed(1)}× CPU; peak RSS < 200 MB → ${validation.rss.toFixed(0)} MB`);
  console.log(`(wall-clock ratios move with the machine's load; CPU-time ratios are steadier on a shared machine)`);
}

await main();
