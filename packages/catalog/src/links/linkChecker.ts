import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { addressVerdict } from './addressPolicy';

/** How links are checked. */
export interface LinkCheckOptions {
  /** Allow loopback, private and link-local addresses (metadata addresses stay refused); default false. */
  allowPrivateNetworks?: boolean;
  /** Time limit of one request in ms; default 10,000. */
  timeoutMs?: number;
  /** Least time between two requests to the same host, in ms; default 1,000. */
  politenessMs?: number;
  /** Most redirects followed; default 5. */
  maxRedirects?: number;
  /** Sent as `User-Agent`; default `Bayan-LinkChecker/1`. */
  userAgent?: string;
}

/** The outcome of checking one link. */
export interface LinkCheckResult {
  url: string;
  ok: boolean;
  /** The last HTTP status, when a server answered. */
  httpStatus: number | null;
  /** `HEAD` or `GET` (after a refused HEAD). */
  method: 'HEAD' | 'GET' | null;
  /** The URL after redirects. */
  finalUrl: string;
  /** Why it failed: `refused_address`, `timeout`, `network`, `too_many_redirects`, `invalid_url`, `http_error`. */
  error: string | null;
}

class Refused extends Error {}

function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (error, addresses: LookupAddress[]) => {
      if (error) return (callback as (e: Error | null, a: string, f: number) => void)(error, '', 0);
      // Every address must be allowed: a name resolving to one public and one private address
      // would otherwise let the connection land on the private one.
      const bad = addresses.find((a) => addressVerdict(a.address, allowPrivate) !== 'ok');
      if (bad !== undefined || addresses.length === 0) {
        return (callback as (e: Error | null, a: string, f: number) => void)(new Refused(`refused address ${bad?.address ?? '(none)'}`), '', 0);
      }
      if ((options as { all?: boolean }).all === true) return (callback as (e: Error | null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0] as LookupAddress;
      return (callback as (e: Error | null, a: string, f: number) => void)(null, first.address, first.family);
    });
  };
}

function requestOnce(url: URL, method: 'HEAD' | 'GET', options: Required<Pick<LinkCheckOptions, 'allowPrivateNetworks' | 'timeoutMs' | 'userAgent'>>): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) !== 0 && addressVerdict(host, options.allowPrivateNetworks) !== 'ok') {
      reject(new Refused(`refused address ${host}`));
      return;
    }
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const init: RequestOptions = {
      method,
      headers: { 'user-agent': options.userAgent, accept: '*/*' },
      lookup: guardedLookup(options.allowPrivateNetworks),
      timeout: options.timeoutMs,
      signal: AbortSignal.timeout(options.timeoutMs),
    };
    const req = request(url, init, (res) => {
      resolve(res);
      // Only the status matters: never read a body.
      res.destroy();
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

function errorKind(error: unknown): string {
  if (error instanceof Refused) return 'refused_address';
  const e = error as { name?: string; message?: string; code?: string };
  if (e.name === 'AbortError' || e.name === 'TimeoutError' || e.message === 'timeout' || e.code === 'ETIMEDOUT') return 'timeout';
  return 'network';
}

/** Checks links with HEAD (GET when HEAD is refused), one host at a time and politely. */
export interface LinkChecker {
  check(url: string): Promise<LinkCheckResult>;
}

/**
 * A link checker: HEAD first, GET when the server refuses HEAD; redirects followed and checked;
 * every resolved address checked against the address policy; at most one request per host at
 * a time, spaced by `politenessMs`.
 *
 * @example
 * ```ts
 * const checker = createLinkChecker({ timeoutMs: 5000 });
 * const result = await checker.check('https://data.gov.ma/');
 * result.ok; // true when the server answered 2xx or 3xx
 * ```
 */
export function createLinkChecker(options: LinkCheckOptions = {}): LinkChecker {
  const settings = {
    allowPrivateNetworks: options.allowPrivateNetworks ?? false,
    timeoutMs: options.timeoutMs ?? 10_000,
    userAgent: options.userAgent ?? 'Bayan-LinkChecker/1',
  };
  const politenessMs = options.politenessMs ?? 1000;
  const maxRedirects = options.maxRedirects ?? 5;
  const hostQueues = new Map<string, Promise<unknown>>();
  const lastRequest = new Map<string, number>();

  function politely<T>(host: string, work: () => Promise<T>): Promise<T> {
    const previous = hostQueues.get(host) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(async () => {
        const wait = (lastRequest.get(host) ?? 0) + politenessMs - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        try {
          return await work();
        } finally {
          lastRequest.set(host, Date.now());
        }
      });
    hostQueues.set(host, next);
    return next;
  }

  async function attempt(url: URL, method: 'HEAD' | 'GET'): Promise<IncomingMessage> {
    return politely(url.host, () => requestOnce(url, method, settings));
  }

  return {
    async check(raw) {
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        return { url: raw, ok: false, httpStatus: null, method: null, finalUrl: raw, error: 'invalid_url' };
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return { url: raw, ok: false, httpStatus: null, method: null, finalUrl: raw, error: 'invalid_url' };
      let method: 'HEAD' | 'GET' = 'HEAD';
      for (let redirects = 0; redirects <= maxRedirects; ) {
        let res: IncomingMessage;
        try {
          res = await attempt(url, method);
        } catch (error) {
          const kind = errorKind(error);
          if (method === 'HEAD' && kind === 'network') {
            method = 'GET';
            continue;
          }
          return { url: raw, ok: false, httpStatus: null, method, finalUrl: url.href, error: kind };
        }
        const status = res.statusCode ?? 0;
        const location = res.headers.location;
        if (status >= 300 && status < 400 && location !== undefined) {
          redirects++;
          try {
            url = new URL(location, url);
          } catch {
            return { url: raw, ok: false, httpStatus: status, method, finalUrl: url.href, error: 'invalid_url' };
          }
          continue;
        }
        if (method === 'HEAD' && [400, 403, 404, 405, 501].includes(status)) {
          // Many servers mishandle HEAD: ask again with GET before calling the link broken.
          method = 'GET';
          continue;
        }
        const ok = status >= 200 && status < 400;
        return { url: raw, ok, httpStatus: status, method, finalUrl: url.href, error: ok ? null : 'http_error' };
      }
      return { url: raw, ok: false, httpStatus: null, method, finalUrl: url.href, error: 'too_many_redirects' };
    },
  };
}
