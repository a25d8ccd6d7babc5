import { defineConfig } from 'vitest/config';

// One vitest project per package (each package's vitest.config.ts calls the shared factory in
// tooling/vitest-config), run together from the root by `npm test`.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts', 'tooling/*/vitest.config.ts'],
  },
});
