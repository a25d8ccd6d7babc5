import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A freshly issued API token: `token` is shown once; only `prefix` and `hash` are stored. */
export interface IssuedApiToken {
  /** The secret to give to the user, e.g. `bayan_k3x9q2ab_…`. Never stored. */
  token: string;
  /** The public lookup key (8 characters), stored in clear and shown in token lists. */
  prefix: string;
  /** SHA-256 of the whole token (hex), stored. */
  hash: string;
}

const TOKEN_PATTERN = /^bayan_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;
const PREFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomPrefix(): string {
  const bytes = randomBytes(8);
  let out = '';
  for (const b of bytes) out += PREFIX_ALPHABET[b % PREFIX_ALPHABET.length];
  return out;
}

/**
 * SHA-256 of a token, hex. Tokens carry 256 bits of entropy, so a fast hash is enough.
 *
 * @example
 * ```ts
 * hashApiToken(token).length; // 64
 * ```
 */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Issues a new API token: `bayan_<prefix>_<secret>`, 8-character prefix for lookup and 32 random
 * bytes of secret. Store `prefix` and `hash`; show `token` once.
 *
 * @example
 * ```ts
 * const { token, prefix, hash } = issueApiToken();
 * ```
 */
export function issueApiToken(): IssuedApiToken {
  const token = `bayan_${randomPrefix()}_${randomBytes(32).toString('base64url')}`;
  return { token, prefix: token.slice(6, 14), hash: hashApiToken(token) };
}

/**
 * Splits a presented token into its lookup prefix, or undefined when it is not shaped like one of
 * Bayan's tokens (so the database is never asked about garbage).
 *
 * @example
 * ```ts
 * parseApiToken('bayan_k3x9q2ab_…')?.prefix; // 'k3x9q2ab'
 * ```
 */
export function parseApiToken(token: string): { prefix: string } | undefined {
  const m = TOKEN_PATTERN.exec(token);
  return m ? { prefix: m[1] as string } : undefined;
}

/**
 * Compares a presented token with a stored hash in constant time.
 *
 * @example
 * ```ts
 * apiTokenMatches(presented, stored.hash); // true only for the token that was issued
 * ```
 */
export function apiTokenMatches(token: string, storedHash: string): boolean {
  const a = Buffer.from(hashApiToken(token), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
