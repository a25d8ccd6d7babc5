import { describe, expect, it } from 'vitest';
import { hashPassword, MAX_PASSWORD_LENGTH, verifyPassword } from './password';

const cheap = { N: 2 ** 10, r: 8, p: 1 };

describe('hashPassword', () => {
  it('produces a self-describing scrypt hash with a random salt', async () => {
    const a = await hashPassword('correct horse battery staple', cheap);
    const b = await hashPassword('correct horse battery staple', cheap);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it('uses N = 2^15 by default', async () => {
    expect(await hashPassword('pw-default-cost')).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it('refuses passwords longer than the limit', async () => {
    await expect(hashPassword('x'.repeat(MAX_PASSWORD_LENGTH + 1), cheap)).rejects.toThrow(RangeError);
  });
});

describe('verifyPassword', () => {
  it('accepts the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('مرحبا-كلمة-سر', cheap);
    expect(await verifyPassword('مرحبا-كلمة-سر', stored)).toBe(true);
    expect(await verifyPassword('مرحبا-كلمة-سر!', stored)).toBe(false);
  });

  it('treats NFC and NFD spellings of the same password alike', async () => {
    const stored = await hashPassword('été', cheap);
    expect(await verifyPassword('e\u0301te\u0301', stored)).toBe(true);
  });

  it('returns false for malformed or abusive hashes instead of throwing', async () => {
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$999999999$8$1$c2FsdA$aGFzaA')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$1$2$3$4$5')).toBe(false);
  });
});
