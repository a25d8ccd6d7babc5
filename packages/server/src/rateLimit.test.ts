import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rateLimit';

describe('RateLimiter', () => {
  it('allows up to the limit per window, then refuses until the window resets', () => {
    const limiter = new RateLimiter({ limit: 3, windowMs: 1000 });
    const t = 1_000_000;
    expect([1, 2, 3, 4].map(() => limiter.hit('a', t).allowed)).toEqual([true, true, true, false]);
    expect(limiter.hit('b', t).allowed).toBe(true);
    expect(limiter.hit('a', t + 1000).allowed).toBe(true);
  });

  it('keeps memory bounded under a flood of distinct keys', () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 60_000 }, 1000);
    for (let i = 0; i < 10_000; i++) limiter.hit(`ip:${i}`, 5);
    expect(limiter.size).toBe(1000);
  });
});
