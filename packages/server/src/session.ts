import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a session cookie carries, signed: who, since when, until when, and the CSRF nonce. */
export interface SessionClaims {
  /** The user's id. */
  userId: string;
  /** Issued-at, seconds since the epoch. */
  iat: number;
  /** Expiry, seconds since the epoch. */
  exp: number;
  /** Random nonce from which the CSRF token is derived. */
  nonce: string;
}

/** Name of the session cookie. */
export const SESSION_COOKIE = 'bayan_session';

function sign(secret: Buffer, text: string): string {
  return createHmac('sha256', secret).update(text).digest('base64url');
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Signs and verifies session cookies and their CSRF tokens with one secret (HMAC-SHA256). Sessions
 * are stateless: the user is re-read from the catalogue on every request, so disabling a user or
 * changing their roles takes effect at once; the cookie only proves who signed in and until when.
 *
 * @example
 * ```ts
 * const sessions = new SessionSigner(randomBytes(32));
 * const { cookie, csrf } = sessions.issue('user-1', 8 * 3600);
 * sessions.verify(cookie)?.userId; // 'user-1'
 * ```
 */
export class SessionSigner {
  private readonly secret: Buffer;

  constructor(secret: Buffer | string) {
    this.secret = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
    if (this.secret.length < 32) throw new RangeError('the session secret needs at least 32 bytes');
  }

  /** A new session for `userId`, valid `ttlSeconds`: the cookie value and its CSRF token. */
  issue(userId: string, ttlSeconds: number, now = Date.now()): { cookie: string; csrf: string; claims: SessionClaims } {
    const iat = Math.floor(now / 1000);
    const claims: SessionClaims = { userId, iat, exp: iat + ttlSeconds, nonce: randomBytes(16).toString('base64url') };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return { cookie: `${payload}.${sign(this.secret, `session.${payload}`)}`, csrf: this.csrfFor(claims), claims };
  }

  /** The claims of a valid, unexpired cookie; undefined for anything else. */
  verify(cookie: string | undefined, now = Date.now()): SessionClaims | undefined {
    if (!cookie || cookie.length > 1024) return undefined;
    const dot = cookie.indexOf('.');
    if (dot <= 0) return undefined;
    const payload = cookie.slice(0, dot);
    if (!safeEqual(cookie.slice(dot + 1), sign(this.secret, `session.${payload}`))) return undefined;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as SessionClaims;
      if (typeof claims.userId !== 'string' || typeof claims.exp !== 'number' || typeof claims.nonce !== 'string') return undefined;
      return claims.exp * 1000 > now ? claims : undefined;
    } catch {
      return undefined;
    }
  }

  /** The CSRF token bound to a session. */
  csrfFor(claims: SessionClaims): string {
    return sign(this.secret, `csrf.${claims.userId}.${claims.nonce}`);
  }

  /** Whether `token` is the CSRF token of the session `claims`, in constant time. */
  csrfMatches(claims: SessionClaims, token: string | undefined): boolean {
    return token !== undefined && safeEqual(token, this.csrfFor(claims));
  }
}
