import type { AuditEntry } from './audit';
import type { Principal } from './principal';

/** A stored API token as the server needs it (the secret itself is never stored). */
export interface StoredApiToken {
  id: string;
  userId: string;
  prefix: string;
  /** SHA-256 hex of the whole token. */
  hash: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt?: string | null;
}

/**
 * Where the server finds users, memberships and API tokens, and writes its audit trail. The server
 * ships one implementation over `@bayan/catalog` (`catalogAuthBackend`); another identity store can
 * be plugged in by implementing this interface.
 */
export interface AuthBackend {
  /** The user id when the e-mail and password match an enabled account (passwords are scrypt hashes). */
  authenticate(email: string, password: string): Promise<string | undefined>;
  /** The user with memberships, or undefined when missing or disabled. */
  loadPrincipal(userId: string): Promise<Omit<Principal, 'via' | 'tokenId'> | undefined>;
  /** The token with this prefix, if any (revoked ones included, so revocation can be reported). */
  findApiToken(prefix: string): Promise<StoredApiToken | undefined>;
  /** Stores a new token. */
  createApiToken(token: StoredApiToken): Promise<void>;
  /** The tokens of one user, newest first. */
  listApiTokens(userId: string): Promise<StoredApiToken[]>;
  /** Marks a token revoked; returns false when it does not exist. */
  revokeApiToken(id: string, at: string): Promise<boolean>;
  /** Appends one entry to the audit trail. */
  recordAudit(entry: AuditEntry): Promise<void>;
}
