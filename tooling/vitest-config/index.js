import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

/**
 * A vitest project for the package whose `vitest.config.ts` calls it.
 * @param {string} configUrl `import.meta.url` of the calling config
 * @param {{ environment?: 'node' | 'jsdom', testTimeout?: number, include?: string[] }} [options]
 */
export function bayanVitestProject(configUrl, options = {}) {
  const root = fileURLToPath(new URL('.', configUrl));
  const pkg = JSON.parse(readFileSync(new URL('./package.json', configUrl), 'utf8'));
  return defineProject({
    root,
    resolve: { conditions: ['@bayan/source'] },
    ssr: { resolve: { conditions: ['@bayan/source'] } },
    test: {
      name: pkg.name,
      environment: options.environment ?? 'node',
      include: options.include ?? ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
      testTimeout: options.testTimeout ?? 30_000,
      typecheck: { enabled: false },
    },
  });
}
