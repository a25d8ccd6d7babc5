import type { Options } from 'tsup';

export interface BayanTsupOptions {
  /** Entry points; defaults to `{ index: 'src/index.ts' }`. */
  entry?: Record<string, string> | string[];
  /** Entries built as ESM executables with a shebang (CLI binaries). */
  bin?: string[];
  /** esbuild platform; defaults to `neutral` (libraries that run in browsers and Node). */
  platform?: 'node' | 'neutral' | 'browser';
  /** Extra modules to keep external. */
  external?: string[];
}

export declare function bayanTsupConfig(options?: BayanTsupOptions): Options[];
