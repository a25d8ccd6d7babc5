#!/usr/bin/env node
// `node scripts/new-package.mjs NAME "One-line description"`: lays out packages/NAME as @bayan/NAME
// in the shape every Bayan package shares (see docs/contributing.md). Add it to
// tooling/eslint-config/layers.js before it may depend on anything.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [name, description = ''] = process.argv.slice(2);
if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
  console.error('usage: node scripts/new-package.mjs NAME "description"   (NAME in kebab-case)');
  process.exit(2);
}
const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, 'packages', name);
if (existsSync(dir)) {
  console.error(`packages/${name} already exists`);
  process.exit(2);
}
const pkgName = `@bayan/${name}`;
const manifest = {
  name: pkgName,
  version: '0.0.0',
  description,
  license: 'MIT',
  type: 'module',
  sideEffects: false,
  repository: { type: 'git', url: 'git+https://example.invalid/bayan.git', directory: `packages/${name}` },
  engines: { node: '>=20.19' },
  files: ['dist', 'src', '!src/**/*.test.ts', '!src/**/*.test.tsx'],
  main: './dist/index.cjs',
  module: './dist/index.js',
  types: './dist/index.d.ts',
  exports: {
    '.': {
      '@bayan/source': './src/index.ts',
      import: { types: './dist/index.d.ts', default: './dist/index.js' },
      require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
    },
    './package.json': './package.json',
  },
  publishConfig: { access: 'public' },
  scripts: {
    build: 'tsup',
    typecheck: 'tsc --noEmit -p .',
    lint: 'eslint .',
    test: 'vitest run',
  },
  dependencies: {},
  devDependencies: {
    '@bayan-internal/tsup-config': 'workspace:*',
    '@bayan-internal/vitest-config': 'workspace:*',
  },
};
mkdirSync(join(dir, 'src'), { recursive: true });
const write = (file, text) => writeFileSync(join(dir, file), text);
write('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
write('tsconfig.json', `{\n  "extends": "../../tsconfig.base.json",\n  "include": ["src", "test", "bench", "scripts", "*.config.ts"]\n}\n`);
write('tsup.config.ts', `import { bayanTsupConfig } from '@bayan-internal/tsup-config';\n\nexport default bayanTsupConfig();\n`);
write('vitest.config.ts', `import { bayanVitestProject } from '@bayan-internal/vitest-config';\n\nexport default bayanVitestProject(import.meta.url);\n`);
write('CHANGELOG.md', `# ${pkgName}\n`);
write('README.md', `# ${pkgName}\n\n${description}\n\n## Usage\n\n\`\`\`sh\nnpm install ${pkgName}\n\`\`\`\n`);
write('src/index.ts', `// Public entry of ${pkgName}: explicit, sorted named exports only.\nexport {};\n`);
console.log(`Created packages/${name}. Next: add ${pkgName} to tooling/eslint-config/layers.js, then pnpm install.`);
