/** A role a user holds in one organisation. */
export type OrganizationRole = 'admin' | 'editor' | 'viewer';

/** Who is making a request, as the server authorises it. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  /** Site administrators may do everything, in every organisation. */
  siteAdmin: boolean;
  /** The organisations the user belongs to, with their role in each. */
  memberships: { organizationId: string; role: OrganizationRole }[];
  /** How the request proved it: a session cookie (CSRF applies) or an API token. */
  via: 'session' | 'token';
  /** The API token's id when `via` is `token`. */
  tokenId?: string;
}

/** What an action needs, from least to most. */
const RANK: Record<OrganizationRole, number> = { viewer: 1, editor: 2, admin: 3 };

/**
 * Whether `principal` holds at least `role` in `organizationId` (site administrators always do).
 * Authorisation is decided here, on the server, for every write.
 *
 * @example
 * ```ts
 * hasOrganizationRole(principal, 'org-1', 'editor');
 * ```
 */
export function hasOrganizationRole(principal: Principal | undefined, organizationId: string | undefined | null, role: OrganizationRole): boolean {
  if (!principal) return false;
  if (principal.siteAdmin) return true;
  if (!organizationId) return false;
  const membership = principal.memberships.find((m) => m.organizationId === organizationId);
  return membership !== undefined && RANK[membership.role] >= RANK[role];
}
