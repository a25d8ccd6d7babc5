import { randomBytes } from 'node:crypto';

/**
 * A new record id: time-ordered (base-36 milliseconds) then random, so ids sort by creation and
 * make stable cursors.
 *
 * @example
 * ```ts
 * newId(); // 'mi8x2k3a0-9f2c4e1b7a'
 * ```
 */
export function newId(): string {
  return `${Date.now().toString(36).padStart(9, '0')}-${randomBytes(5).toString('hex')}`;
}

/**
 * A URL slug from a title: ASCII lower case, digits and hyphens, at most 80 characters; empty
 * when the title has no Latin letters (an Arabic-only title).
 *
 * @example
 * ```ts
 * slugify('Budget de l’État 2024'); // 'budget-de-l-etat-2024'
 * ```
 */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}

/** Encodes a cursor (opaque to callers). */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** Decodes a cursor; `undefined` when it is not one this catalogue made. */
export function decodeCursor(cursor: string | undefined): unknown {
  if (cursor === undefined || cursor === '' || cursor.length > 2000) return undefined;
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Now, as a fixed-width ISO 8601 UTC string. */
export function nowIso(): string {
  return new Date().toISOString();
}

/**
 * A seeded pseudo-random generator (mulberry32) in [0, 1): the same seed gives the same sequence,
 * for reproducible demo data and randomised tests.
 *
 * @example
 * ```ts
 * const random = seededRandom(42);
 * random(); // always the same first number for 42
 * ```
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
