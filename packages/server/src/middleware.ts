import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { apiTokenMatches, parseApiToken } from './apiToken';
import type { AuditEntry } from './audit';
import type { AuthBackend } from './authBackend';
import type { BayanEnv } from './context';
import { pickLanguage } from './language';
import { ProblemError } from './problem';
import { RateLimiter, type RateLimitRule } from './rateLimit';
import { SESSION_COOKIE, type SessionSigner } from './session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Sets the answer language from Accept-Language (or `?lang=`), and Vary on it. */
export function languageMiddleware(): MiddlewareHandler<BayanEnv> {
  return async (c, next) => {
    const query = c.req.query('lang');
    c.set('lang', query === 'fr' || query === 'ar' || query === 'en' ? query : pickLanguage(c.req.header('accept-language')));
    await next();
    c.res.headers.append('vary', 'Accept-Language');
  };
}

/** The client's address: the socket's, or the first X-Forwarded-For hop when proxies are trusted. */
export function clientAddress<C extends Context<BayanEnv>>(c: C, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Rejects over-long URLs and headers early (input limits on everything). */
export function requestShapeMiddleware(maxUrlLength: number): MiddlewareHandler<BayanEnv> {
  return async (c, next) => {
    if (c.req.url.length > maxUrlLength) {
      throw new ProblemError('bad-request', {
        detail: {
          fr: `L’URL dépasse ${maxUrlLength} caractères.`,
          ar: `يتجاوز الرابط ${maxUrlLength} حرفا.`,
          en: `The URL is longer than ${maxUrlLength} characters.`,
        },
      });
    }
    await next();
  };
}

/** Security headers on every answer; a strict CSP for JSON answers. */
export function securityHeadersMiddleware(): MiddlewareHandler<BayanEnv> {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('x-content-type-options', 'nosniff');
    h.set('referrer-policy', 'strict-origin-when-cross-origin');
    if (!h.has('x-frame-options')) h.set('x-frame-options', 'SAMEORIGIN');
    const type = h.get('content-type') ?? '';
    if (!type.startsWith('text/html') && !h.has('content-security-policy')) {
      h.set('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
    }
  };
}

/** Options of the authentication middleware. */
export interface AuthMiddlewareOptions {
  backend: AuthBackend;
  sessions: SessionSigner;
}

function bearerToken(c: Context): string | undefined {
  const header = c.req.header('authorization');
  if (header) {
    const m = /^Bearer\s+(\S{1,200})$/i.exec(header);
    return m ? m[1] : header.trim().slice(0, 200);
  }
  // CKAN clients send their key in X-CKAN-API-Key.
  return c.req.header('x-ckan-api-key')?.trim().slice(0, 200);
}

/**
 * Resolves the principal from an API token (Authorization: Bearer, or CKAN's X-CKAN-API-Key) or a
 * session cookie, reading the token or session row and the user on every request, so revoking a
 * token or a session, disabling a user or changing roles applies to the very next request. A
 * presented but invalid token is an error (401), never a silent fall-back to anonymous; an invalid
 * session cookie is simply no session.
 */
export function authMiddleware({ backend, sessions }: AuthMiddlewareOptions): MiddlewareHandler<BayanEnv> {
  return async (c, next) => {
    c.set('principal', undefined);
    c.set('session', undefined);
    const token = bearerToken(c);
    if (token !== undefined) {
      const parsed = parseApiToken(token);
      const stored = parsed ? await backend.tokens.findByPrefix(parsed.prefix) : undefined;
      const now = new Date().toISOString();
      if (!stored || stored.revokedAt || (stored.expiresAt && stored.expiresAt <= now) || !apiTokenMatches(token, stored.hash)) {
        throw new ProblemError('unauthenticated', {
          detail: {
            fr: 'Ce jeton d’API est inconnu, expiré ou révoqué.',
            ar: 'رمز API هذا غير معروف أو منتهي الصلاحية أو ملغى.',
            en: 'This API token is unknown, expired or revoked.',
          },
          headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
        });
      }
      const user = await backend.loadPrincipal(stored.userId);
      if (!user) throw new ProblemError('unauthenticated', { headers: { 'www-authenticate': 'Bearer error="invalid_token"' } });
      await backend.tokens.touch(stored);
      c.set('principal', { ...user, via: 'token', tokenId: stored.id });
    } else {
      const secret = sessions.unsign(getCookie(c, SESSION_COOKIE));
      const session = secret === undefined ? undefined : await backend.sessions.verify(secret);
      const user = session === undefined ? undefined : await backend.loadPrincipal(session.userId);
      if (session && user && secret !== undefined) {
        c.set('principal', { ...user, via: 'session' });
        c.set('session', { ...session, secret });
      }
    }
    await next();
  };
}

/**
 * CSRF protection for cookie sessions: an unsafe request authenticated by the session cookie must
 * carry the session's token in `X-CSRF-Token`. Token-authenticated and anonymous requests are not
 * subject to it (browsers never attach a bearer token by themselves).
 */
export function csrfMiddleware(sessions: SessionSigner, exempt: (path: string) => boolean): MiddlewareHandler<BayanEnv> {
  return async (c, next) => {
    const session = c.get('session');
    if (session && !SAFE_METHODS.has(c.req.method) && !exempt(c.req.path)) {
      if (!sessions.csrfMatches(session.secret, c.req.header('x-csrf-token'))) throw new ProblemError('csrf');
    }
    await next();
  };
}

/** Per-key request limits: writes and reads counted separately, per token/user or else per IP. */
export interface RateLimitOptions {
  /** Reads (GET/HEAD) per anonymous IP. Default 600 per minute. */
  anonymousReads: RateLimitRule;
  /** Reads per authenticated user. Default 3,000 per minute. */
  authenticatedReads: RateLimitRule;
  /** Writes per user (or IP when anonymous). Default 120 per minute. */
  writes: RateLimitRule;
  /** Sign-in attempts per IP. Default 10 per minute. */
  signIn: RateLimitRule;
}

/** Default rate limits. */
export const defaultRateLimits: RateLimitOptions = {
  anonymousReads: { limit: 600, windowMs: 60_000 },
  authenticatedReads: { limit: 3000, windowMs: 60_000 },
  writes: { limit: 120, windowMs: 60_000 },
  signIn: { limit: 10, windowMs: 60_000 },
};

/** Counts the request against the matching limit; 429 with Retry-After when over. */
export function rateLimitMiddleware(options: RateLimitOptions, isSignIn: (c: Context<BayanEnv>) => boolean): MiddlewareHandler<BayanEnv> {
  const limiters = {
    anonymousReads: new RateLimiter(options.anonymousReads),
    authenticatedReads: new RateLimiter(options.authenticatedReads),
    writes: new RateLimiter(options.writes),
    signIn: new RateLimiter(options.signIn),
  };
  return async (c, next) => {
    const principal = c.get('principal');
    const who = principal ? `user:${principal.userId}` : `ip:${c.get('ip')}`;
    const kind = isSignIn(c)
      ? 'signIn'
      : !SAFE_METHODS.has(c.req.method)
        ? 'writes'
        : principal
          ? 'authenticatedReads'
          : 'anonymousReads';
    const decision = limiters[kind].hit(kind === 'signIn' ? `ip:${c.get('ip')}` : who);
    if (!decision.allowed) {
      throw new ProblemError('rate-limited', {
        headers: { 'retry-after': String(decision.resetSeconds), 'ratelimit-limit': String(decision.limit), 'ratelimit-remaining': '0' },
      });
    }
    await next();
    c.res.headers.set('ratelimit-limit', String(decision.limit));
    c.res.headers.set('ratelimit-remaining', String(decision.remaining));
    c.res.headers.set('ratelimit-reset', String(decision.resetSeconds));
  };
}

/** Writes one audit entry for every unsafe request, whatever its outcome. */
export function auditMiddleware(backend: AuthBackend, onError: (error: unknown) => void): MiddlewareHandler<BayanEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    try {
      await next();
    } finally {
      const principal = c.get('principal');
      const entry: AuditEntry = {
        at: new Date().toISOString(),
        actorId: principal?.userId ?? null,
        action: `${c.req.method} ${c.req.routePath || c.req.path}`,
        path: c.req.path.slice(0, 2048),
        status: c.res.status,
        ip: c.get('ip'),
        via: principal?.via ?? 'anonymous',
      };
      await backend.audit.record(entry).catch(onError);
    }
  };
}
