import { createHmac, timingSafeEqual } from 'node:crypto';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'bayan_session';

/** The longest session secret accepted from a cookie (the catalogue's are 43 characters). */
const MAX_SECRET = 128;

function sign(secret: Buffer, text: string): string {
  return createHmac('sha256', secret).update(text).digest('base64url');
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Signs session cookies and derives their CSRF tokens with one server secret (HMAC-SHA256).
 * The cookie carries the session's random secret (the catalogue keeps only its SHA-256, with the
 * user, expiry and revocation); the signature lets the server refuse forged cookies without a
 * database read, and the CSRF token is bound to the session without being stored.
 *
 * @example
 * ```ts
 * const signer = new SessionSigner(randomBytes(32));
 * const cookie = signer.sign(secret);
 * signer.unsign(cookie); // secret
 * const csrf = signer.csrfFor(secret);
 * ```
 */
export class SessionSigner {
  private readonly key: Buffer;

  constructor(key: Buffer | string) {
    this.key = typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
    if (this.key.length < 32) throw new RangeError('the session secret needs at least 32 bytes');
  }

  /** The cookie value for a session secret: `secret.signature`. */
  sign(sessionSecret: string): string {
    return `${sessionSecret}.${sign(this.key, `session.${sessionSecret}`)}`;
  }

  /** The session secret of a correctly signed cookie; undefined for anything else. */
  unsign(cookie: string | undefined): string | undefined {
    if (!cookie || cookie.length > MAX_SECRET + 64) return undefined;
    const dot = cookie.lastIndexOf('.');
    if (dot <= 0) return undefined;
    const secret = cookie.slice(0, dot);
    return safeEqual(cookie.slice(dot + 1), sign(this.key, `session.${secret}`)) ? secret : undefined;
  }

  /** The CSRF token bound to a session. */
  csrfFor(sessionSecret: string): string {
    return sign(this.key, `csrf.${sessionSecret}`);
  }

  /** Whether `token` is the CSRF token of the session, in constant time. */
  csrfMatches(sessionSecret: string, token: string | undefined): boolean {
    return token !== undefined && safeEqual(token, this.csrfFor(sessionSecret));
  }
}
