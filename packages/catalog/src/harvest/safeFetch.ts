import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { createGunzip, createInflate } from 'node:zlib';
import { addressVerdict } from '../links/addressPolicy';
import { harvestMessages, harvestProblem, type HarvestProblem } from './problems';

/** Limits and network policy of every request a harvester makes. */
export interface FetchPolicy {
  /** Largest response body, in bytes (after decompression); default 64 MiB. */
  maxBytes?: number;
  /** Time limit of one request, from connecting to the last byte, in ms; default 30,000. */
  timeoutMs?: number;
  /**
   * Allow sources on loopback, private (RFC 1918, unique local) and link-local addresses; default
   * false. Cloud metadata addresses stay refused either way.
   */
  allowPrivateNetworks?: boolean;
  /** Most redirects followed; default 5. */
  maxRedirects?: number;
  /** Sent as `User-Agent`; default `Bayan-Harvester/1`. */
  userAgent?: string;
  /** Aborts the request. */
  signal?: AbortSignal;
}

/** A response read within the limits. */
export interface FetchedResponse {
  url: string;
  status: number;
  contentType: string;
  body: Buffer;
}

/** The outcome of {@link safeFetch}: a response (any status) or a problem. */
export type FetchOutcome = { ok: true; response: FetchedResponse } | { ok: false; problem: HarvestProblem; retryable: boolean };

class Refused extends Error {
  constructor(readonly problem: HarvestProblem) {
    super(problem.message.en);
  }
}

function vettedLookup(host: string, allowPrivate: boolean) {
  return (hostname: string, options: { all?: boolean; family?: number | string }, callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void): void => {
    dnsLookup(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      for (const a of addresses) {
        if (addressVerdict(a.address, allowPrivate) !== 'ok') {
          return callback(new Refused(harvestProblem('blocked_address', 'error', harvestMessages.blockedAddress(host, a.address), { path: host })), '');
        }
      }
      if (addresses.length === 0) return callback(new Error(`no address for ${hostname}`), '');
      if (options.all) return callback(null, addresses);
      const first = addresses[0]!;
      return callback(null, first.address, first.family);
    });
  };
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
const DEFAULT_TIMEOUT = 30_000;

function once(url: URL, policy: FetchPolicy): Promise<{ status: number; location?: string; contentType: string; body: Buffer }> {
  const maxBytes = policy.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = policy.timeoutMs ?? DEFAULT_TIMEOUT;
  const allowPrivate = policy.allowPrivateNetworks === true;
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(literal) !== 0 && addressVerdict(literal, allowPrivate) !== 'ok') {
    return Promise.reject(new Refused(harvestProblem('blocked_address', 'error', harvestMessages.blockedAddress(url.hostname, literal), { path: url.href })));
  }
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
      method: 'GET',
      headers: { 'user-agent': policy.userAgent ?? 'Bayan-Harvester/1', accept: '*/*', 'accept-encoding': 'gzip, deflate' },
      lookup: vettedLookup(url.hostname, allowPrivate),
      signal: policy.signal,
    });
    const timer = setTimeout(() => request.destroy(new Refused(harvestProblem('timeout', 'error', harvestMessages.timeout(url.href, timeoutMs), { path: url.href }))), timeoutMs);
    timer.unref();
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    request.on('error', fail);
    request.on('response', (response: IncomingMessage) => {
      const status = response.statusCode ?? 0;
      const contentType = String(response.headers['content-type'] ?? '');
      if (status >= 300 && status < 400 && response.headers.location !== undefined) {
        response.resume();
        clearTimeout(timer);
        resolve({ status, location: response.headers.location, contentType, body: Buffer.alloc(0) });
        return;
      }
      const declared = Number(response.headers['content-length'] ?? NaN);
      if (Number.isFinite(declared) && declared > maxBytes) {
        request.destroy(new Refused(harvestProblem('too_large', 'error', harvestMessages.tooLarge(url.href, maxBytes), { path: url.href })));
        return;
      }
      const encoding = String(response.headers['content-encoding'] ?? '').toLowerCase();
      const stream = encoding === 'gzip' ? response.pipe(createGunzip()) : encoding === 'deflate' ? response.pipe(createInflate()) : response;
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          request.destroy(new Refused(harvestProblem('too_large', 'error', harvestMessages.tooLarge(url.href, maxBytes), { path: url.href })));
          stream.destroy();
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', fail);
      response.on('error', fail);
      stream.on('end', () => {
        clearTimeout(timer);
        resolve({ status, contentType, body: Buffer.concat(chunks) });
      });
    });
    request.end();
  });
}

/**
 * GETs a URL within limits, refusing addresses a harvester must not reach (SSRF): the host is
 * resolved and every address checked, the connection goes to the checked address (no DNS
 * rebinding), and each redirect is checked again. Bodies are capped (`maxBytes`, compressed or
 * not) and the whole request has a time limit. Never throws: problems come back in fr/ar/en.
 *
 * @example
 * ```ts
 * const got = await safeFetch('https://data.example.org/api/3/action/package_search', { timeoutMs: 10_000 });
 * if (got.ok) console.log(got.response.status, got.response.body.length);
 * else console.error(got.problem.message.en);
 * ```
 */
export async function safeFetch(address: string, policy: FetchPolicy = {}): Promise<FetchOutcome> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { ok: false, retryable: false, problem: harvestProblem('bad_url', 'error', harvestMessages.badUrl(address), { path: address }) };
  }
  const maxRedirects = policy.maxRedirects ?? 5;
  for (let hop = 0; hop <= maxRedirects; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return { ok: false, retryable: false, problem: harvestProblem('bad_url', 'error', harvestMessages.badUrl(url.href), { path: url.href }) };
    }
    try {
      const got = await once(url, policy);
      if (got.location !== undefined) {
        url = new URL(got.location, url);
        continue;
      }
      return { ok: true, response: { url: url.href, status: got.status, contentType: got.contentType, body: got.body } };
    } catch (error) {
      if (error instanceof Refused) return { ok: false, retryable: error.problem.code === 'timeout', problem: error.problem };
      const detail = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      return { ok: false, retryable: true, problem: harvestProblem('network', 'error', harvestMessages.network(url.href, String(detail).slice(0, 200)), { path: url.href }) };
    }
  }
  return { ok: false, retryable: false, problem: harvestProblem('too_many_redirects', 'error', harvestMessages.tooManyRedirects(address), { path: address }) };
}
