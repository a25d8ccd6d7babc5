import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { findLayeringViolations } from './layers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Manifest {
  name: string;
  dir: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function workspaceManifests(): Manifest[] {
  const manifests: Manifest[] = [];
  for (const group of ['packages', 'apps', 'tooling']) {
    const groupDir = join(root, group);
    if (!existsSync(groupDir)) continue;
    for (const folder of readdirSync(groupDir)) {
      const file = join(groupDir, folder, 'package.json');
      if (!existsSync(file)) continue;
      manifests.push({ ...(JSON.parse(readFileSync(file, 'utf8')) as Omit<Manifest, 'dir'>), dir: `${group}/${folder}` });
    }
  }
  return manifests;
}

describe('the package graph', () => {
  it('follows the dependency direction of DESIGN.md', () => {
    const manifests = workspaceManifests();
    expect(manifests.length).toBeGreaterThan(3);
    expect(findLayeringViolations(manifests)).toEqual([]);
  });

  it('reports a library that depends upwards', () => {
    const violations = findLayeringViolations([
      { name: '@bayan/schema', dir: 'packages/schema', dependencies: { '@bayan/catalog': 'workspace:*' } },
    ]);
    expect(violations).toEqual(['@bayan/schema depends on @bayan/catalog, against the direction of DESIGN.md']);
  });

  it('reports a dependency on an app', () => {
    const violations = findLayeringViolations([
      { name: 'portal', dir: 'apps/portal' },
      { name: '@bayan/ui', dir: 'packages/ui', devDependencies: { portal: 'workspace:*' } },
    ]);
    expect(violations).toEqual(['@bayan/ui depends on the app portal: nothing may depend on an app']);
  });

  it('reports a library that has no place in the layering', () => {
    expect(findLayeringViolations([{ name: '@bayan/mystery', dir: 'packages/mystery' }])).toHaveLength(1);
  });
});

describe('the lint rules for imports', () => {
  const eslint = new ESLint({ cwd: root });
  async function restrictedImports(file: string, code: string) {
    const [result] = await eslint.lintText(code, { filePath: join(root, file) });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').length;
  }

  it('refuses a library importing an app', async () => {
    expect(await restrictedImports('packages/schema/src/probe.js', "import x from 'portal/routes';\nexport default x;\n")).toBe(1);
  });

  it("refuses reaching into another package's src", async () => {
    expect(await restrictedImports('packages/quality/src/probe.js', "import x from '@bayan/schema/src/index';\nexport default x;\n")).toBe(1);
    expect(await restrictedImports('packages/quality/src/probe.js', "import x from '../../schema/src/index';\nexport default x;\n")).toBe(1);
  });

  it('refuses an import against the direction', async () => {
    expect(await restrictedImports('packages/dcat/src/probe.js', "import x from '@bayan/catalog';\nexport default x;\n")).toBe(1);
  });

  it('accepts an import along the direction', async () => {
    expect(await restrictedImports('packages/dcat/src/probe.js', "import x from '@bayan/schema';\nexport default x;\n")).toBe(0);
  });
});
