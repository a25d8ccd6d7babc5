import type { CatalogError } from '@bayan/catalog';
import type { Context } from 'hono';
import type { BayanEnv } from '../context';
import { hasOrganizationRole, type OrganizationRole, type Principal } from '../principal';
import { ProblemError } from '../problem';
import { recordProblem } from '../validation';

/** The signed-in principal, or a 401 problem. */
export function requireUser(c: Context<BayanEnv>): Principal {
  const principal = c.get('principal');
  if (!principal) throw new ProblemError('unauthenticated', { headers: { 'www-authenticate': 'Bearer' } });
  return principal;
}

/** The principal when they hold `role` in the organisation (site admins always do); 401/403 otherwise. */
export function requireRole(c: Context<BayanEnv>, organizationId: string | null | undefined, role: OrganizationRole): Principal {
  const principal = requireUser(c);
  if (!hasOrganizationRole(principal, organizationId, role)) throw new ProblemError('forbidden');
  return principal;
}

/** The principal when they are a site administrator; 401/403 otherwise. */
export function requireSiteAdmin(c: Context<BayanEnv>): Principal {
  const principal = requireUser(c);
  if (!principal.siteAdmin) throw new ProblemError('forbidden');
  return principal;
}

/** Turns a catalogue failure into the matching problem: 404, 409 or 422 with every error. */
export function catalogProblem(errors: readonly CatalogError[]): ProblemError {
  if (errors.some((e) => e.code === 'not_found')) return new ProblemError('not-found', { detail: errors[0]?.message });
  if (errors.some((e) => e.code === 'conflict' || e.code === 'stale_revision')) {
    return new ProblemError('conflict', {
      detail: errors[0]?.message,
      errors: errors.map((e) => ({ pointer: `/body${e.path}`, code: e.code, message: e.message })),
    });
  }
  return recordProblem(errors);
}

/** Reads a JSON body (already size-limited), or a 400/415 problem. */
export async function jsonBody(c: Context<BayanEnv>): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[a-z.+-]*\+)?json\b/i.test(type)) throw new ProblemError('unsupported-media-type');
  try {
    return await c.req.json();
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    throw new ProblemError('bad-request', {
      detail: { fr: 'Le corps n’est pas du JSON valide.', ar: 'المحتوى ليس JSON صالحا.', en: 'The body is not valid JSON.' },
    });
  }
}
