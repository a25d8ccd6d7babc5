// The single place that knows which bundler builds Bayan's packages and how. Each package's
// tsup.config.ts only calls `bayanTsupConfig()`, so swapping the bundler is a change to this file.
import { defineConfig } from 'tsup';

/**
 * Builds ESM + CJS + `.d.ts` for a package.
 * @param {{ entry?: Record<string, string> | string[], bin?: string[], platform?: 'node' | 'neutral' | 'browser', external?: string[] }} [options]
 *   `entry` defaults to `{ index: 'src/index.ts' }`; `bin` lists entries built as ESM executables only.
 */
export function bayanTsupConfig(options = {}) {
  const entry = options.entry ?? { index: 'src/index.ts' };
  const base = {
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    splitting: false,
    treeshake: true,
    target: 'node20',
    platform: options.platform ?? 'neutral',
    external: options.external ?? [],
    outDir: 'dist',
  };
  const configs = [{ ...base, entry, clean: true }];
  if (options.bin && options.bin.length > 0) {
    configs.push({
      ...base,
      entry: options.bin,
      format: ['esm'],
      dts: false,
      platform: 'node',
      banner: { js: '#!/usr/bin/env node' },
    });
  }
  return defineConfig(configs);
}
