import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SessionSigner } from './session';

describe('SessionSigner', () => {
  const signer = new SessionSigner(randomBytes(32));

  it('round-trips a session and binds a CSRF token to it', () => {
    const { cookie, csrf, claims } = signer.issue('user-1', 3600);
    const verified = signer.verify(cookie);
    expect(verified?.userId).toBe('user-1');
    expect(signer.csrfMatches(claims, csrf)).toBe(true);
    expect(signer.csrfMatches(signer.issue('user-1', 3600).claims, csrf)).toBe(false);
  });

  it('refuses a tampered, foreign or expired cookie', () => {
    const { cookie } = signer.issue('user-1', 60);
    const [payload, mac] = cookie.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ userId: 'admin', iat: 0, exp: 9e9, nonce: 'x' })).toString('base64url');
    expect(signer.verify(`${forged}.${mac}`)).toBeUndefined();
    expect(new SessionSigner(randomBytes(32)).verify(cookie)).toBeUndefined();
    expect(signer.verify(cookie, Date.now() + 61_000)).toBeUndefined();
    expect(signer.verify(`${payload}`)).toBeUndefined();
  });

  it('needs a secret of at least 32 bytes', () => {
    expect(() => new SessionSigner('short')).toThrow(RangeError);
  });
});
