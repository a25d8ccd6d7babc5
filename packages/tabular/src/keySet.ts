/** Memory shared by the key sets of one validation, in bytes. */
export interface KeyBudget {
  remaining: number;
}

/** Bytes a key set spends per slot: a 64-bit fingerprint and the row number. */
export const BYTES_PER_SLOT = 12;
const MAX_LOAD = 0.75;

/**
 * An open-addressing set of 64-bit key fingerprints with the row where each was first seen.
 *
 * It never holds the keys themselves, so memory is 12 bytes per slot whatever the key length,
 * at most 75 % full; it grows by doubling while the shared budget allows, then reports `full`
 * and stops accepting new keys (the validator turns that into a warning). Two different keys
 * collide with probability about n²/2⁶⁵ (under 3·10⁻⁶ for ten million keys).
 */
export class KeySet {
  private lo: Uint32Array;
  private hi: Uint32Array;
  private rows: Uint32Array;
  private capacity: number;
  private count = 0;
  private readonly budget: KeyBudget;
  /** True once the budget refused to grow the set. */
  full = false;

  constructor(budget: KeyBudget, initialCapacity = 1024) {
    this.budget = budget;
    this.capacity = Math.max(16, initialCapacity);
    budget.remaining -= this.capacity * BYTES_PER_SLOT;
    this.lo = new Uint32Array(this.capacity);
    this.hi = new Uint32Array(this.capacity);
    this.rows = new Uint32Array(this.capacity);
  }

  /** Number of keys held. */
  get size(): number {
    return this.count;
  }

  /** Row where the key was first seen, or 0. */
  get(lo: number, hi: number): number {
    const cap = this.capacity;
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) >>> 0;
    i %= cap;
    for (;;) {
      const row = this.rows[i]!;
      if (row === 0) return 0;
      if (this.lo[i] === lo && this.hi[i] === hi) return row;
      i = i + 1 === cap ? 0 : i + 1;
    }
  }

  /**
   * Adds a key seen at `row` (≥ 1). Returns 0 when it is new, the earlier row when it was
   * already there, or -1 when the set is full and the key could not be recorded.
   */
  add(lo: number, hi: number, row: number): number {
    const cap = this.capacity;
    let i = ((lo ^ Math.imul(hi, 0x9e3779b1)) >>> 0) % cap;
    for (;;) {
      const seen = this.rows[i]!;
      if (seen === 0) break;
      if (this.lo[i] === lo && this.hi[i] === hi) return seen;
      i = i + 1 === cap ? 0 : i + 1;
    }
    if (this.count + 1 > cap * MAX_LOAD) {
      if (!this.grow()) return -1;
      return this.add(lo, hi, row);
    }
    this.lo[i] = lo;
    this.hi[i] = hi;
    this.rows[i] = row;
    this.count++;
    return 0;
  }

  private grow(): boolean {
    const next = this.capacity * 2;
    const cost = (next - this.capacity) * BYTES_PER_SLOT;
    if (cost > this.budget.remaining) {
      this.full = true;
      return false;
    }
    this.budget.remaining -= cost;
    const { lo, hi, rows, capacity } = this;
    this.capacity = next;
    this.lo = new Uint32Array(next);
    this.hi = new Uint32Array(next);
    this.rows = new Uint32Array(next);
    this.count = 0;
    for (let i = 0; i < capacity; i++) if (rows[i] !== 0) this.add(lo[i]!, hi[i]!, rows[i]!);
    return true;
  }
}
