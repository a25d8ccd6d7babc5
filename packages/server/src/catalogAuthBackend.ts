import type { Catalog } from '@bayan/catalog';
import type { AuthBackend } from './authBackend';

/**
 * The default `AuthBackend`: users and memberships from `catalog.users`; API tokens, sessions and
 * the audit trail from `catalog.auth` (tables of the catalogue's own schema, migration 5).
 *
 * @example
 * ```ts
 * const auth = catalogAuthBackend(catalog);
 * ```
 */
export function catalogAuthBackend(catalog: Catalog): AuthBackend {
  return {
    async authenticate(email, password) {
      return (await catalog.users.authenticate(email.slice(0, 320), password.slice(0, 1024)))?.id;
    },
    async loadPrincipal(userId) {
      const user = await catalog.users.get(userId);
      if (!user || user.disabled || user.id !== userId) return undefined;
      const memberships = await catalog.users.memberships(userId);
      return {
        userId: user.id,
        email: user.email,
        name: user.name,
        siteAdmin: user.siteAdmin,
        memberships: memberships.map((m) => ({ organizationId: m.organizationId, role: m.role })),
      };
    },
    tokens: catalog.auth.tokens,
    sessions: catalog.auth.sessions,
    audit: catalog.auth.audit,
  };
}
