#!/usr/bin/env node
// Every publishable package carries a changeset for its unreleased work. CI runs on main itself, so
// instead of comparing branches this checks the repository's own state: a package whose current
// version has no entry in its CHANGELOG.md (it has unreleased changes, or was never released) must be
// named by a pending changeset in .changeset/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const changesetDir = join(root, '.changeset');
const named = new Set();
for (const file of readdirSync(changesetDir)) {
  if (!file.endsWith('.md') || file === 'README.md') continue;
  const text = readFileSync(join(changesetDir, file), 'utf8');
  const front = /^---\n([\s\S]*?)\n---/.exec(text);
  if (!front) continue;
  for (const line of front[1].split('\n')) {
    const m = /^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/.exec(line);
    if (m) named.add(m[1]);
  }
}

let missing = 0;
const packagesDir = join(root, 'packages');
for (const folder of readdirSync(packagesDir).sort()) {
  const manifestPath = join(packagesDir, folder, 'package.json');
  if (!existsSync(manifestPath)) continue;
  const pkg = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (pkg.private) continue;
  const changelogPath = join(packagesDir, folder, 'CHANGELOG.md');
  const changelog = existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : '';
  const released = new RegExp(`^## ${pkg.version.replace(/\./g, '\\.')}\\s*$`, 'm').test(changelog);
  if (!released && !named.has(pkg.name)) {
    console.error(`✖ ${pkg.name}@${pkg.version} has unreleased work but no changeset names it: run \`pnpm changeset\`.`);
    missing++;
  }
}
if (missing > 0) process.exit(1);
console.log(`✔ changesets: every package with unreleased work is named by a pending changeset (${named.size} named).`);
