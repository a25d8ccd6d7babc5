import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCatalog, seedDemo } from '@bayan/catalog';
import { createServer } from '@bayan/server';
import { createPortal, type PortalHandler } from '../src/index';

export interface Site {
  portal: PortalHandler;
  get: (path: string, headers?: Record<string, string>) => Promise<Response>;
  close: () => Promise<void>;
}

/** A real catalogue seeded with a small demo, the real API server and the portal over it, in-process. */
export async function openSite(options: { datasets?: number; assetsDir?: string } = {}): Promise<Site> {
  const dir = mkdtempSync(join(tmpdir(), 'bayan-portal-'));
  const catalog = await openCatalog({ data: dir });
  await seedDemo(catalog, { datasets: options.datasets ?? 24, baseUrl: 'http://portal.test' });
  const server = await createServer({ catalog, publicUrl: 'http://portal.test', rateLimits: false });
  const portal = createPortal({ fetch: (request) => server.fetch(request), assetsDir: options.assetsDir });
  return {
    portal,
    get: (path, headers) => portal(new Request(`http://portal.test${path}`, { headers })),
    close: async () => {
      await catalog.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
