/** One changed field between two versions of a record. */
export interface FieldChange {
  /** JSON pointer of the field. */
  path: string;
  before?: unknown;
  after?: unknown;
}

const MAX_CHANGES = 500;

function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The fields that differ between two JSON values, as JSON pointers with their old and new values
 * (leaves only; at most 500 changes).
 *
 * @example
 * ```ts
 * diffRecords({ title: { fr: 'A' } }, { title: { fr: 'B' } }); // [{ path: '/title/fr', before: 'A', after: 'B' }]
 * ```
 */
export function diffRecords(before: unknown, after: unknown, path = '', out: FieldChange[] = []): FieldChange[] {
  if (out.length >= MAX_CHANGES) return out;
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of [...keys].sort()) diffRecords(before[key], after[key], `${path}/${pointerSegment(key)}`, out);
    return out;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const n = Math.max(before.length, after.length);
    for (let i = 0; i < n; i++) diffRecords(before[i], after[i], `${path}/${i}`, out);
    return out;
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return out;
  const change: FieldChange = { path };
  if (before !== undefined) change.before = before;
  if (after !== undefined) change.after = after;
  out.push(change);
  return out;
}
