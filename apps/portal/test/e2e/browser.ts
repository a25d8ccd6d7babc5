import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCatalog, type Catalog } from '@bayan/catalog';
import { createServer } from '@bayan/server';
import { seedDemo } from '@bayan/catalog';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createPortal } from '../../src/index';

const require = createRequire(import.meta.url);
export const appDir = fileURLToPath(new URL('../../', import.meta.url));
export const resultsDir = join(appDir, 'test-results');

/** Debian's chromium with the machine's headless, no-network flags; never a downloaded browser. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`No chromium at ${executablePath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
  // launch() gives the browser a fresh temporary --user-data-dir of its own.
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The built client assets, built now when missing. */
export function clientAssets(): string {
  const dir = join(appDir, 'dist/client');
  if (!existsSync(join(dir, '.vite/manifest.json'))) {
    execFileSync(process.execPath, [require.resolve('vite/bin/vite.js'), 'build', '--config', 'vite.client.config.ts'], { cwd: appDir, stdio: 'ignore' });
  }
  return dir;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningSite {
  url: string;
  catalog: Catalog;
  close(): Promise<void>;
}

/** The API server and the portal as one site on 127.0.0.1, over a freshly seeded demo catalogue. */
export async function startSite(datasets = 24): Promise<RunningSite> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const catalog = await openCatalog({ data: mkdtempSync(join(tmpdir(), 'bayan-portal-e2e-')) });
  await seedDemo(catalog, { datasets, baseUrl: url });
  // Mounted the way `bayan serve` mounts it: the API server answers first, the portal renders pages.
  const api: { fetch?: (request: Request) => Promise<Response> } = {};
  const portal = createPortal({ fetch: (request) => api.fetch!(request), assetsDir: clientAssets(), publicUrl: url, forward: false });
  const server = await createServer({ catalog, publicUrl: url, rateLimits: false, apps: { portal } });
  api.fetch = (request) => server.fetch(request);
  const running = await server.listen({ port, hostname: '127.0.0.1' });
  return { url, catalog, close: () => running.close().then(() => catalog.close()) };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules) in the page; returns the violations. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const runner = (window as unknown as { axe: { run: (ctx: Document, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await runner.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}
