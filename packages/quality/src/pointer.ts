// JSON pointers (RFC 6901) with one extension for profiles: a `*` segment matches every item of
// an array (or every value of an object), so `/distributions/*/license` reads each distribution.

/** Splits a pointer into unescaped segments; undefined when it is not a valid pointer. */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  const segments = pointer.slice(1).split('/');
  for (const segment of segments) if (/~(?![01])/.test(segment)) return undefined;
  return segments.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Every value a parsed pointer reaches in a document, with the concrete pointer of each. */
export function resolvePointer(document: unknown, segments: readonly string[]): { value: unknown; pointer: string }[] {
  let current: { value: unknown; pointer: string }[] = [{ value: document, pointer: '' }];
  for (const segment of segments) {
    const next: { value: unknown; pointer: string }[] = [];
    for (const { value, pointer } of current) {
      if (value === null || typeof value !== 'object') continue;
      if (segment === '*') {
        const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
        for (const [key, v] of entries) next.push({ value: v, pointer: `${pointer}/${escape(key)}` });
      } else if (Object.hasOwn(value, segment)) {
        next.push({ value: (value as Record<string, unknown>)[segment], pointer: `${pointer}/${escape(segment)}` });
      }
    }
    current = next;
    if (current.length === 0) break;
  }
  return current;
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
