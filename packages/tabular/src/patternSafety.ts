/**
 * Finds regular expressions that can backtrack exponentially: a group repeated without bound
 * that itself contains an unbounded repetition (`(a+)+`, `(\w*)*`) or alternatives that can
 * match the same text (`(a|a)*`, `(a|ab)+`). JavaScript has no regex time-out, so such patterns
 * are rejected before they meet data. Returns the reason, or undefined when the pattern is safe.
 */
export function unsafePatternReason(pattern: string): string | undefined {
  interface Group { unbounded: boolean; alternatives: string[]; current: string }
  const stack: Group[] = [{ unbounded: false, alternatives: [], current: '' }];
  let i = 0;
  const quantifierAt = (at: number): 'unbounded' | 'bounded' | undefined => {
    const ch = pattern[at];
    if (ch === '*' || ch === '+') return 'unbounded';
    if (ch === '?') return 'bounded';
    if (ch === '{') {
      const m = /^\{(\d*)(,?)(\d*)\}/.exec(pattern.slice(at));
      if (!m) return undefined;
      return m[2] === ',' && m[3] === '' ? 'unbounded' : Number(m[3] || m[1]) > 16 ? 'unbounded' : 'bounded';
    }
    return undefined;
  };
  while (i < pattern.length) {
    const ch = pattern[i]!;
    const top = stack[stack.length - 1]!;
    if (ch === '\\') {
      top.current += pattern.slice(i, i + 2);
      i += 2;
    } else if (ch === '[') {
      const close = pattern.indexOf(']', i + 2);
      const end = close === -1 ? pattern.length : close + 1;
      top.current += pattern.slice(i, end);
      i = end;
    } else if (ch === '(') {
      stack.push({ unbounded: false, alternatives: [], current: '' });
      i += pattern[i + 1] === '?' ? (pattern[i + 2] === '<' && pattern[i + 3] !== '=' && pattern[i + 3] !== '!' ? pattern.indexOf('>', i) + 1 - i : 3) : 1;
    } else if (ch === '|') {
      top.alternatives.push(top.current);
      top.current = '';
      i++;
    } else if (ch === ')') {
      const group = stack.pop()!;
      group.alternatives.push(group.current);
      const parent = stack[stack.length - 1];
      if (!parent) return undefined;
      const quantifier = quantifierAt(i + 1);
      if (quantifier === 'unbounded') {
        if (group.unbounded) return 'a repeated group contains another unbounded repetition (nested quantifiers)';
        if (overlapping(group.alternatives)) return 'a repeated group has alternatives that can match the same text';
      }
      parent.unbounded ||= group.unbounded || quantifier === 'unbounded';
      parent.current += `(${group.alternatives.join('|')})`;
      i++;
    } else {
      const quantifier = quantifierAt(i);
      if (quantifier === 'unbounded') top.unbounded = true;
      top.current += ch;
      i++;
    }
  }
  return undefined;
}

function overlapping(alternatives: string[]): boolean {
  if (alternatives.length < 2) return false;
  const firsts = new Set<string>();
  for (const alternative of alternatives) {
    const first = alternative.startsWith('\\') ? alternative.slice(0, 2) : alternative.slice(0, 1);
    // Classes, wildcards and empty alternatives may match anything: assume overlap.
    if (first === '' || first === '.' || first === '[' || first === '(' || /^\\[dDwWsS]$/.test(first)) return true;
    if (firsts.has(first)) return true;
    firsts.add(first);
  }
  return false;
}
