// Public entry of the portal app (its server build is dist/server.js).
export { createPortal, negotiateLocale } from './portal';
export type { PortalHandler, PortalOptions } from './portal';
