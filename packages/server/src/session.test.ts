import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SessionSigner } from './session';

describe('SessionSigner', () => {
  const signer = new SessionSigner(randomBytes(32));
  const secret = randomBytes(32).toString('base64url');

  it('round-trips a session secret and binds a CSRF token to it', () => {
    const cookie = signer.sign(secret);
    expect(signer.unsign(cookie)).toBe(secret);
    const csrf = signer.csrfFor(secret);
    expect(signer.csrfMatches(secret, csrf)).toBe(true);
    expect(signer.csrfMatches(randomBytes(32).toString('base64url'), csrf)).toBe(false);
    expect(signer.csrfMatches(secret, undefined)).toBe(false);
  });

  it('refuses a tampered, foreign, unsigned or over-long cookie', () => {
    const cookie = signer.sign(secret);
    const mac = cookie.slice(cookie.lastIndexOf('.') + 1);
    expect(signer.unsign(`${randomBytes(32).toString('base64url')}.${mac}`)).toBeUndefined();
    expect(new SessionSigner(randomBytes(32)).unsign(cookie)).toBeUndefined();
    expect(signer.unsign(secret)).toBeUndefined();
    expect(signer.unsign(`${'x'.repeat(300)}.${mac}`)).toBeUndefined();
    expect(signer.unsign(undefined)).toBeUndefined();
  });

  it('needs a secret of at least 32 bytes', () => {
    expect(() => new SessionSigner('short')).toThrow(RangeError);
  });
});
