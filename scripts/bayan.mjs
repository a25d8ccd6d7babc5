#!/usr/bin/env node
// `npm start` and `npm test` on a fresh clone with only Node and npm: this script brings the pinned
// pnpm (from .tools/, outside the workspace), installs the workspace, then builds, serves or tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const toolsDir = join(root, '.tools');
const pnpmBin = join(toolsDir, 'node_modules', '.bin', 'pnpm');
const env = {
  ...process.env,
  PATH: [join(root, 'node_modules', '.bin'), join(toolsDir, 'node_modules', '.bin'), process.env.PATH].join(delimiter),
  // pnpm 12 ignores `nodedir` in .npmrc; without it node-gyp downloads Node headers (no internet here).
  ...(existsSync('/usr/include/node/node.h') && !process.env.npm_config_nodedir ? { npm_config_nodedir: '/usr' } : {}),
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
};

function step(title, command, args, options = {}) {
  process.stdout.write(`\n▶ ${title}\n`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0 && !options.allowFailure) {
    process.stderr.write(`\n✖ ${title} failed (exit ${result.status ?? result.signal}).\n`);
    process.exit(result.status ?? 1);
  }
  return result.status ?? 1;
}

function pinnedPnpmVersion() {
  return JSON.parse(readFileSync(join(toolsDir, 'package.json'), 'utf8')).dependencies.pnpm;
}

function installedPnpmVersion() {
  const manifest = join(toolsDir, 'node_modules', 'pnpm', 'package.json');
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : undefined;
}

function setup() {
  if (installedPnpmVersion() !== pinnedPnpmVersion()) {
    step(`Installing pnpm ${pinnedPnpmVersion()} into .tools/`, 'npm', ['ci', '--no-audit', '--no-fund'], {
      cwd: toolsDir,
    });
  }
  step('Installing the workspace (pnpm install --frozen-lockfile)', pnpmBin, ['install', '--frozen-lockfile']);
}

const turbo = (...args) => [pnpmBin, ['exec', 'turbo', 'run', ...args, '--output-logs=errors-only', '--concurrency=2']];

function build() {
  const [cmd, args] = turbo('build');
  step('Building every package (turbo run build)', cmd, args);
}

function hasServer() {
  return existsSync(join(root, 'packages', 'server', 'package.json'));
}

function start() {
  setup();
  build();
  const bayan = join(root, 'node_modules', '.bin', 'bayan');
  if (hasServer()) {
    const args = ['serve', ...process.argv.slice(3)];
    const child = spawnSync(bayan, args, { cwd: root, env, stdio: 'inherit' });
    process.exit(child.status ?? 0);
  }
  step('bayan --help', bayan, ['--help']);
  process.stdout.write(
    [
      '',
      'Bayan is built. The packages are in packages/*/dist and the command-line tool is ready:',
      '  node_modules/.bin/bayan --help',
      '',
    ].join('\n'),
  );
}

// The portal's browser tests drive Debian's chromium (never a browser a tool downloads). On a fresh
// Debian machine where we are root, install it; elsewhere say how.
function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return;
  const canApt = typeof process.getuid === 'function' && process.getuid() === 0 && existsSync('/usr/bin/apt-get');
  if (!canApt) {
    process.stderr.write(`\nThe browser tests need Chromium at ${path}: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.\n`);
    return;
  }
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  step('Installing Debian chromium for the browser tests (apt-get update)', 'apt-get', ['update', '-qq'], { env: aptEnv });
  step('Installing Debian chromium for the browser tests', 'apt-get', ['install', '-y', '-qq', 'chromium'], { env: aptEnv });
}

function test() {
  const report = join(root, '.vitest-report.json');
  rmSync(report, { force: true });
  setup();
  ensureChromium();
  build();
  {
    const [cmd, args] = turbo('typecheck', 'lint');
    step('Type-checking and linting (turbo run typecheck lint)', cmd, args);
  }
  step('Checking the published shape of every package (publint, attw)', 'node', ['scripts/check-packages.mjs']);
  step('Checking that every changed package has a changeset', 'node', ['scripts/check-changesets.mjs']);
  step('Checking that every published export is documented (TSDoc, @example)', 'node', ['scripts/check-tsdoc.mjs']);
  const status = step(
    'Running every test (vitest run)',
    pnpmBin,
    ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    { allowFailure: true },
  );
  let summary = `tests: 0 passed, 0 failed`;
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    summary = `tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`;
  }
  process.stdout.write(`\n${summary}\n`);
  process.exit(status);
}

const command = process.argv[2] ?? 'setup';
if (command === 'setup') setup();
else if (command === 'start') start();
else if (command === 'test') test();
else {
  process.stderr.write(`usage: node scripts/bayan.mjs setup|start|test\n`);
  process.exit(2);
}
