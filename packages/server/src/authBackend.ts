import type { ApiTokens, AuditLog, Sessions, StoredApiToken, StoredSession } from '@bayan/catalog';
import type { Principal } from './principal';

export type { StoredApiToken, StoredSession };

/**
 * Where the server finds users and memberships, keeps API tokens and sign-in sessions, and writes
 * its audit trail. The server ships one implementation over `@bayan/catalog` (`catalogAuthBackend`:
 * `catalog.users` plus `catalog.auth`); another identity store can be plugged in by implementing
 * this interface.
 */
export interface AuthBackend {
  /** The user id when the e-mail and password match an enabled account (passwords are scrypt hashes). */
  authenticate(email: string, password: string): Promise<string | undefined>;
  /** The user with memberships, or undefined when missing or disabled. */
  loadPrincipal(userId: string): Promise<Omit<Principal, 'via' | 'tokenId'> | undefined>;
  /** API tokens: hashed, looked up by prefix, revocable. */
  readonly tokens: ApiTokens;
  /** Sign-in sessions: the cookie holds a random secret, the store its SHA-256; revocable at once. */
  readonly sessions: Sessions;
  /** The audit trail: one entry per write request. */
  readonly audit: AuditLog;
}
