import { fingerprint, fingerprintHigh } from './hash';

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

const PAGE = 65_536;
const PAGE_BYTES = PAGE * 4;

/** Most runs kept (24 bytes each); keys past them go to pages. */
const MAX_RUNS = 4096;

/**
 * Unique/primary key index. Integer keys that keep growing by one from row to row (the usual
 * sorted id column) are held as runs — first value, last value, first row: 24 bytes per run
 * whatever its length, at most 4,096 runs. Other safe integers go to pages of row numbers
 * indexed by value (4 bytes per possible value, 256 KiB per page of 65,536 values, allocated when
 * touched) — for dense identifiers that is 4 bytes per key; when the values turn out sparse
 * (pages less than a quarter full past 4 MiB) or the budget cannot take another page, the pages
 * move to a KeySet of fingerprints (12 bytes per slot), which also holds text keys and integers
 * past 2^53.
 */
export class KeyIndex {
  private pages: Map<number, Uint32Array> | undefined = new Map();
  private hash: KeySet | undefined;
  /** Keys held in pages. */
  private count = 0;
  private readonly budget: KeyBudget;
  private lastPage = NaN;
  private lastRows: Uint32Array | undefined;
  /** Runs in increasing order of value, disjoint: first value, last value, first row. */
  private readonly runStarts: number[] = [];
  private readonly runEnds: number[] = [];
  private readonly runRows: number[] = [];
  /** Largest safe integer key held, or -Infinity: a larger key is new. */
  private highest = -Infinity;

  constructor(budget: KeyBudget) {
    this.budget = budget;
  }

  /** Adds an integer key; same results as `KeySet.add`. */
  addInteger(value: number, row: number): number {
    if (!Number.isSafeInteger(value)) return this.addString(String(value), row);
    if (value > this.highest) {
      this.highest = value;
      const last = this.runEnds.length - 1;
      if (last >= 0 && value === this.runEnds[last]! + 1 && row === this.runRows[last]! + (value - this.runStarts[last]!)) {
        this.runEnds[last] = value;
        return 0;
      }
      if (last + 1 < MAX_RUNS) {
        this.runStarts.push(value);
        this.runEnds.push(value);
        this.runRows.push(row);
        return 0;
      }
    } else {
      const earlier = this.runRow(value);
      if (earlier !== 0) return earlier;
    }
    if (this.pages === undefined) return this.addString(String(value), row);
    return this.addToPage(value, row);
  }

  /** Adds a key given as text (its `valueKey`; integers past 2^53 come here too). */
  addString(key: string, row: number): number {
    this.hash ??= this.newHash(1024);
    const lo = fingerprint(key);
    return this.hash.add(lo, fingerprintHigh, row);
  }

  /** Row of `value` when a run holds it, else 0 (binary search over the runs). */
  private runRow(value: number): number {
    const starts = this.runStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (value < starts[mid]!) hi = mid - 1;
      else if (value > this.runEnds[mid]!) lo = mid + 1;
      else return this.runRows[mid]! + (value - starts[mid]!);
    }
    return 0;
  }

  private addToPage(value: number, row: number): number {
    const pages = this.pages!;
    const page = Math.floor(value / PAGE);
    let rows = page === this.lastPage ? this.lastRows : pages.get(page);
    if (rows === undefined) {
      if ((pages.size >= 16 && (pages.size + 1) * PAGE > this.count * 4) || this.budget.remaining < PAGE_BYTES) {
        this.pagesToHash();
        return this.addString(String(value), row);
      }
      this.budget.remaining -= PAGE_BYTES;
      rows = new Uint32Array(PAGE);
      pages.set(page, rows);
    }
    this.lastPage = page;
    this.lastRows = rows;
    const offset = value - page * PAGE;
    const seen = rows[offset]!;
    if (seen !== 0) return seen;
    rows[offset] = row;
    this.count++;
    return 0;
  }

  /** A KeySet sized for `keys` keys, or smaller when the budget cannot take it (it then fills up and reports full). */
  private newHash(keys: number): KeySet {
    let capacity = 1024;
    while (capacity * 0.75 < keys * 1.5 && capacity * 2 * BYTES_PER_SLOT <= this.budget.remaining) capacity *= 2;
    return new KeySet(this.budget, capacity);
  }

  private pagesToHash(): void {
    const pages = this.pages!;
    this.pages = undefined;
    this.lastRows = undefined;
    this.budget.remaining += pages.size * PAGE_BYTES;
    const hash = this.hash ?? this.newHash(this.count);
    this.hash = hash;
    for (const [page, rows] of pages) {
      for (let offset = 0; offset < PAGE; offset++) {
        const row = rows[offset]!;
        if (row !== 0) hash.add(fingerprint(String(page * PAGE + offset)), fingerprintHigh, row);
      }
    }
  }
}
