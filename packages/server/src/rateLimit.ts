/** How many requests a key may make per window. */
export interface RateLimitRule {
  /** Requests allowed per window. */
  limit: number;
  /** Window length in milliseconds. */
  windowMs: number;
}

/** The outcome of counting one request. */
export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

/**
 * Fixed-window request counters per key (IP address, token or user id), in memory and bounded:
 * at most `maxKeys` keys are tracked, the oldest forgotten first, so a flood of distinct keys cannot
 * grow memory without bound. One process's view: behind several processes, each counts its own.
 *
 * @example
 * ```ts
 * const limiter = new RateLimiter({ limit: 100, windowMs: 60_000 });
 * limiter.hit('ip:203.0.113.5').allowed; // true
 * ```
 */
export class RateLimiter {
  readonly rule: RateLimitRule;
  private readonly maxKeys: number;
  private readonly counters = new Map<string, { count: number; resetAt: number }>();

  constructor(rule: RateLimitRule, maxKeys = 100_000) {
    this.rule = rule;
    this.maxKeys = maxKeys;
  }

  /** Counts one request for `key` and says whether it is allowed. */
  hit(key: string, now = Date.now()): RateLimitDecision {
    let entry = this.counters.get(key);
    if (!entry || entry.resetAt <= now) {
      if (entry) this.counters.delete(key);
      entry = { count: 0, resetAt: now + this.rule.windowMs };
      this.counters.set(key, entry);
      if (this.counters.size > this.maxKeys) {
        const oldest = this.counters.keys().next().value;
        if (oldest !== undefined) this.counters.delete(oldest);
      }
    }
    entry.count += 1;
    return {
      allowed: entry.count <= this.rule.limit,
      limit: this.rule.limit,
      remaining: Math.max(0, this.rule.limit - entry.count),
      resetSeconds: Math.max(1, Math.ceil((entry.resetAt - now) / 1000)),
    };
  }

  /** Number of keys tracked now. */
  get size(): number {
    return this.counters.size;
  }
}
