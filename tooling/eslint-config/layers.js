// The dependency direction of ../shared/DESIGN.md, as data. The ESLint config and the
// package-graph test both read it, so the rule is written once.
//
//   schema ← tabular, quality, dcat ← catalog ← server ← apps
//   schema/client ← ui ← widgets ← apps
//   cli composes everything below it (it is the `bayan` command, nothing imports it)

/** Workspace packages each library may depend on. A package missing here fails the graph test. */
export const allowedDependencies = {
  '@bayan/schema': [],
  '@bayan/tabular': ['@bayan/schema'],
  '@bayan/quality': ['@bayan/schema'],
  '@bayan/dcat': ['@bayan/schema'],
  '@bayan/catalog': ['@bayan/schema', '@bayan/tabular', '@bayan/quality', '@bayan/dcat'],
  '@bayan/server': ['@bayan/schema', '@bayan/tabular', '@bayan/quality', '@bayan/dcat', '@bayan/catalog'],
  '@bayan/client': ['@bayan/schema'],
  '@bayan/ui': ['@bayan/schema', '@bayan/client'],
  '@bayan/widgets': ['@bayan/schema', '@bayan/client', '@bayan/ui'],
  '@bayan/cli': [
    '@bayan/schema',
    '@bayan/tabular',
    '@bayan/quality',
    '@bayan/dcat',
    '@bayan/catalog',
    '@bayan/server',
    '@bayan/client',
  ],
};

/** Apps may use any library; nothing may depend on an app. */
export const appNames = ['portal', 'admin'];

/** Folder name of a package: `@bayan/schema` lives in `packages/schema`. */
export function folderOf(packageName) {
  return packageName.replace(/^@bayan\//, '');
}

/**
 * Checks workspace manifests against the layering. Returns one message per violation:
 * a library depending on a package it may not use, on an app, or a library missing from the map.
 * @param {{ name: string, dir: string, dependencies?: Record<string,string>, devDependencies?: Record<string,string>, peerDependencies?: Record<string,string>, optionalDependencies?: Record<string,string> }[]} manifests
 * @returns {string[]}
 */
export function findLayeringViolations(manifests) {
  const violations = [];
  const apps = new Set(manifests.filter((m) => m.dir.startsWith('apps/')).map((m) => m.name));
  for (const m of manifests) {
    const deps = Object.keys({
      ...m.dependencies,
      ...m.devDependencies,
      ...m.peerDependencies,
      ...m.optionalDependencies,
    });
    const isApp = m.dir.startsWith('apps/');
    const isLibrary = m.dir.startsWith('packages/');
    if (isLibrary && !(m.name in allowedDependencies)) {
      violations.push(`${m.name} (${m.dir}) is not in tooling/eslint-config/layers.js: give it a place in the layering`);
      continue;
    }
    for (const dep of deps) {
      if (apps.has(dep) || appNames.includes(dep)) {
        violations.push(`${m.name} depends on the app ${dep}: nothing may depend on an app`);
      } else if (isLibrary && dep.startsWith('@bayan/') && !allowedDependencies[m.name].includes(dep)) {
        violations.push(`${m.name} depends on ${dep}, against the direction of DESIGN.md`);
      } else if (!isApp && !isLibrary && dep.startsWith('@bayan/') && m.dir.startsWith('tooling/')) {
        violations.push(`${m.name} (tooling) depends on ${dep}: tooling never depends on Bayan's packages`);
      }
    }
  }
  return violations;
}
