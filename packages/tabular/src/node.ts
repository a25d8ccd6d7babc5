// Node entry of @bayan/tabular: file and stream helpers (the main entry stays browser-safe).
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { Readable } from 'node:stream';
import { createError, createReport } from './report';
import type { Report } from './report';
import type { ByteSource } from './source';
import { validatePackage } from './validatePackage';
import type { PackageDescriptor, ValidatePackageOptions } from './validatePackage';

/**
 * A re-readable source for a file path (read in 64 KiB chunks, which keeps decoded strings in V8's young generation).
 *
 * @example
 * ```ts
 * import { validateTable } from '@bayan/tabular';
 * import { fromPath } from '@bayan/tabular/node';
 * const report = await validateTable(fromPath('budget.csv'));
 * ```
 */
export function fromPath(path: string): ByteSource {
  let size: number | undefined;
  try {
    size = statSync(path).size;
  } catch {
    size = undefined;
  }
  return {
    name: path,
    size,
    reopenable: true,
    async *open() {
      for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) {
        yield chunk as Uint8Array;
      }
    },
  };
}

/**
 * A one-shot source for a Node readable stream (an upload, `process.stdin`).
 *
 * @example
 * ```ts
 * import { validateTable } from '@bayan/tabular';
 * import { fromNodeStream } from '@bayan/tabular/node';
 * const report = await validateTable(fromNodeStream(process.stdin, 'stdin.csv'));
 * ```
 */
export function fromNodeStream(stream: Readable, name = 'stream'): ByteSource {
  let used = false;
  return {
    name,
    reopenable: false,
    async *open() {
      if (used) throw new Error('this stream was already read');
      used = true;
      for await (const chunk of stream) yield typeof chunk === 'string' ? new TextEncoder().encode(chunk) : (chunk as Uint8Array);
    },
  };
}

/**
 * Validates a Data Package from its `datapackage.json` path; resource paths are read relative
 * to the descriptor's folder (URLs are downloaded).
 *
 * @example
 * ```ts
 * import { validatePackageFile } from '@bayan/tabular/node';
 * const report = await validatePackageFile('data/datapackage.json');
 * console.log(report.valid, report.tasks.map((task) => task.errors.length));
 * ```
 */
export async function validatePackageFile(path: string, options: ValidatePackageOptions = {}): Promise<Report> {
  let descriptor: PackageDescriptor;
  try {
    descriptor = JSON.parse(readFileSync(path, 'utf8')) as PackageDescriptor;
  } catch (error) {
    return createReport([], 0, [createError('package-error', { note: `the descriptor cannot be read as JSON: ${(error as Error).message}` })]);
  }
  const folder = dirname(path);
  return validatePackage(descriptor, {
    ...options,
    resolve: (resourcePath) => (/^https?:\/\//i.test(resourcePath) ? resourcePath : fromPath(isAbsolute(resourcePath) ? resourcePath : join(folder, resourcePath))),
  });
}
