import { createHash, createHmac } from 'node:crypto';

// AWS Signature Version 4 for S3, with node:crypto only (no SDK). Pure functions: the store adds
// the headers this returns to its fetch calls.

/** The SHA-256 of an empty body, the payload hash of GET, HEAD and DELETE. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** What a request is signed with. */
export interface SigningKeys {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** `s3` for S3; other names only for the published test vectors. */
  service?: string;
}

/** A request to sign: the URL is final (already encoded as it will be sent). */
export interface RequestToSign {
  method: string;
  url: URL;
  /** Headers to sign besides host, x-amz-date and x-amz-content-sha256 (names in any case). */
  headers?: Record<string, string>;
  /** Hex SHA-256 of the body, or `UNSIGNED-PAYLOAD`. */
  payloadHash: string;
  /** Default now. */
  date?: Date;
  /** Send the payload hash as x-amz-content-sha256 (S3 requires it; the generic test suite has none). */
  contentSha256Header?: boolean;
}

/** Hex SHA-256 of bytes or text. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** RFC 3986 percent-encoding as SigV4 wants it: everything but `A-Za-z0-9-._~` (and `/` when asked). */
export function awsUriEncode(value: string, keepSlash = false): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-._~]/.test(c) || (keepSlash && c === '/')) out += c;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function amzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function canonicalQuery(url: URL): string {
  const pairs = [...url.searchParams].map(([k, v]) => [awsUriEncode(k), awsUriEncode(v)] as const);
  pairs.sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/**
 * Signs a request with SigV4 and returns the headers to send (Authorization, x-amz-date,
 * x-amz-content-sha256 and the caller's signed headers). The URL path must already be encoded
 * once, as S3 wants (no double encoding, no dot-segment normalisation).
 *
 * @example
 * ```ts
 * const headers = signRequest({ method: 'GET', url: new URL('https://b.s3.amazonaws.com/a.txt'), payloadHash: EMPTY_SHA256 }, keys);
 * await fetch(url, { headers });
 * ```
 */
export function signRequest(request: RequestToSign, keys: SigningKeys): Record<string, string> {
  const service = keys.service ?? 's3';
  const when = amzDate(request.date ?? new Date());
  const day = when.slice(0, 8);
  const headers: Record<string, string> = { host: request.url.host, 'x-amz-date': when };
  if (request.contentSha256Header !== false) headers['x-amz-content-sha256'] = request.payloadHash;
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((n) => `${n}:${headers[n]!.trim().replace(/\s+/g, ' ')}\n`).join('');
  const signedHeaders = names.join(';');
  const canonicalRequest = [request.method, request.url.pathname || '/', canonicalQuery(request.url), canonicalHeaders, signedHeaders, request.payloadHash].join('\n');
  const scope = `${day}/${keys.region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', when, scope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${keys.secretAccessKey}`, day), keys.region), service), 'aws4_request');
  const signature = createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
  const { host: _host, ...toSend } = headers;
  return { ...toSend, authorization: `AWS4-HMAC-SHA256 Credential=${keys.accessKeyId}/${scope},SignedHeaders=${signedHeaders},Signature=${signature}` };
}
