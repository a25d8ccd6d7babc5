// Entry of dist/server.js: createPortal with the built client assets next to this file by default.
import { fileURLToPath } from 'node:url';
import { createPortal as create, type PortalHandler, type PortalOptions } from './portal';

export { negotiateLocale } from './portal';
export type { PortalHandler, PortalOptions } from './portal';

/** {@link create} with `assetsDir` defaulting to the build's `client/` folder. */
export function createPortal(options: PortalOptions): PortalHandler {
  return create({ assetsDir: fileURLToPath(new URL('./client', import.meta.url)), ...options });
}
