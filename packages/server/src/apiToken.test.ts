import { describe, expect, it } from 'vitest';
import { apiTokenMatches, hashApiToken, issueApiToken, parseApiToken } from './apiToken';

describe('issueApiToken', () => {
  it('issues a prefixed token whose hash, not secret, is meant for storage', () => {
    const issued = issueApiToken();
    expect(issued.token).toMatch(/^bayan_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(issued.token.slice(6, 14)).toBe(issued.prefix);
    expect(issued.hash).toBe(hashApiToken(issued.token));
    expect(issued.hash).not.toContain(issued.token.slice(15));
  });

  it('never issues the same token twice', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => issueApiToken().token));
    expect(tokens.size).toBe(200);
  });
});

describe('parseApiToken', () => {
  it('extracts the lookup prefix of a well-formed token', () => {
    const { token, prefix } = issueApiToken();
    expect(parseApiToken(token)).toEqual({ prefix });
  });

  it('rejects garbage, SQL and over-long input without a lookup', () => {
    expect(parseApiToken("bayan_' OR 1=1 --")).toBeUndefined();
    expect(parseApiToken('x'.repeat(10_000))).toBeUndefined();
    expect(parseApiToken('')).toBeUndefined();
  });
});

describe('apiTokenMatches', () => {
  it('matches only the exact token', () => {
    const { token, hash } = issueApiToken();
    expect(apiTokenMatches(token, hash)).toBe(true);
    expect(apiTokenMatches(`${token.slice(0, -1)}A`, hash)).toBe(token.endsWith('A'));
    expect(apiTokenMatches(token, 'abcd')).toBe(false);
  });
});
