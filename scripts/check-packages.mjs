#!/usr/bin/env node
// `pnpm check:packages`: publint and @arethetypeswrong/cli on every publishable package (after build).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const root = fileURLToPath(new URL('..', import.meta.url));
const packagesDir = join(root, 'packages');
let failures = 0;

for (const folder of readdirSync(packagesDir).sort()) {
  const dir = join(packagesDir, folder);
  const manifestPath = join(dir, 'package.json');
  if (!existsSync(manifestPath)) continue;
  const pkg = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (pkg.private) continue;
  if (!existsSync(join(dir, 'dist'))) {
    console.error(`✖ ${pkg.name}: no dist/ — run the build first`);
    failures++;
    continue;
  }
  const { messages } = await publint({ pkgDir: dir, strict: true, level: 'warning' });
  for (const message of messages) {
    console.error(`  publint ${message.type}: ${pkg.name}: ${formatMessage(message, pkg) ?? message.code}`);
  }
  const publintFailed = messages.length > 0;
  const attw = spawnSync(
    join(root, 'node_modules', '.bin', 'attw'),
    ['--pack', '.', '--format', 'ascii', '--no-emoji', ...(pkg.bin ? ['--exclude-entrypoints', 'package.json'] : [])],
    { cwd: dir, encoding: 'utf8' },
  );
  const attwFailed = attw.status !== 0;
  if (attwFailed) console.error(attw.stdout, attw.stderr);
  if (publintFailed || attwFailed) failures++;
  console.log(`${publintFailed || attwFailed ? '✖' : '✔'} ${pkg.name}: publint ${publintFailed ? 'failed' : 'ok'}, attw ${attwFailed ? 'failed' : 'ok'}`);
}

if (failures > 0) {
  console.error(`\n${failures} package(s) failed the package checks.`);
  process.exit(1);
}
