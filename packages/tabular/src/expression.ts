/**
 * A small expression language for the row-constraint check, compiled to closures and never
 * evaluated with `eval`: numbers, 'strings', field names (bare, or `quoted` with backticks),
 * null/true/false, + - * / %, comparisons (== != < <= > >=), and/or/not (also && || !) and
 * parentheses. Arithmetic or ordering on a missing value yields null, and a null result fails.
 */
export type Expression = (row: Record<string, unknown>) => unknown;

type Token = { kind: 'num'; value: number } | { kind: 'str'; value: string } | { kind: 'id'; value: string } | { kind: 'op'; value: string };

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '+', '-', '*', '/', '%', '(', ')', '!', '='];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const number = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(source.slice(i));
    if (number) {
      tokens.push({ kind: 'num', value: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') {
      const end = source.indexOf(ch, i + 1);
      if (end < 0) throw new Error(`unclosed ${ch} at position ${i + 1}`);
      tokens.push(ch === '`' ? { kind: 'id', value: source.slice(i + 1, end) } : { kind: 'str', value: source.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    const word = /^[\p{L}_][\p{L}\p{N}_]*/u.exec(source.slice(i));
    if (word) {
      tokens.push({ kind: 'id', value: word[0] });
      i += word[0].length;
      continue;
    }
    const op = OPERATORS.find((candidate) => source.startsWith(candidate, i));
    if (!op) throw new Error(`unexpected "${ch}" at position ${i + 1}`);
    tokens.push({ kind: 'op', value: op === '=' ? '==' : op });
    i += op.length;
  }
  return tokens;
}

const isNull = (v: unknown): boolean => v === null || v === undefined;

/**
 * Compiles an expression; throws an Error with a readable message when it is malformed.
 *
 * @example
 * ```ts
 * const check = compileExpression('total == men + women');
 * check({ total: 10, men: 4, women: 6 }); // true
 * ```
 */
export function compileExpression(source: string): Expression {
  if (source.length > 2000) throw new Error('the expression is longer than 2000 characters');
  const tokens = tokenize(source);
  let at = 0;
  let depth = 0;
  const peek = (): Token | undefined => tokens[at];
  const isOp = (value: string): boolean => {
    const token = peek();
    return token !== undefined && ((token.kind === 'op' && token.value === value) || (token.kind === 'id' && token.value === value && (value === 'and' || value === 'or' || value === 'not')));
  };
  const expect = (value: string): void => {
    if (!isOp(value)) throw new Error(`expected "${value}"`);
    at++;
  };
  const binary = (next: () => Expression, ops: string[], apply: (op: string, a: unknown, b: unknown) => unknown): (() => Expression) => () => {
    let left = next();
    for (;;) {
      const op = ops.find(isOp);
      if (!op) return left;
      at++;
      const right = next();
      const l = left;
      left = (row) => apply(op, l(row), right(row));
    }
  };
  const primary = (): Expression => {
    const token = peek();
    if (!token) throw new Error('the expression ends too early');
    if (++depth > 100) throw new Error('the expression is nested too deeply');
    try {
      if (token.kind === 'op' && token.value === '(') {
        at++;
        const inner = orExpr();
        expect(')');
        return inner;
      }
      if (isOp('not') || isOp('!')) {
        at++;
        const inner = primary();
        return (row) => !inner(row);
      }
      if (token.kind === 'op' && token.value === '-') {
        at++;
        const inner = primary();
        return (row) => {
          const v = inner(row);
          return typeof v === 'number' ? -v : null;
        };
      }
      at++;
      if (token.kind === 'num' || token.kind === 'str') {
        const value = token.value;
        return () => value;
      }
      if (token.kind === 'id') {
        if (token.value === 'null' || token.value === 'None') return () => null;
        if (token.value === 'true' || token.value === 'True') return () => true;
        if (token.value === 'false' || token.value === 'False') return () => false;
        const name = token.value;
        return (row) => (Object.hasOwn(row, name) ? row[name] : null) ?? null;
      }
      throw new Error(`unexpected "${token.value}"`);
    } finally {
      depth--;
    }
  };
  const arith = (op: string, a: unknown, b: unknown): unknown => {
    if (isNull(a) || isNull(b)) return null;
    if (op === '+' && (typeof a === 'string' || typeof b === 'string')) return String(a) + String(b);
    if (typeof a !== 'number' || typeof b !== 'number') return null;
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/': return b === 0 ? null : a / b;
      default: return b === 0 ? null : a % b;
    }
  };
  const compare = (op: string, a: unknown, b: unknown): unknown => {
    if (op === '==') return a === b || (isNull(a) && isNull(b));
    if (op === '!=') return !(a === b || (isNull(a) && isNull(b)));
    if (isNull(a) || isNull(b) || typeof a !== typeof b) return null;
    const x = a as number;
    const y = b as number;
    return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
  };
  const product = binary(primary, ['*', '/', '%'], arith);
  const sum = binary(product, ['+', '-'], arith);
  const comparison = binary(sum, ['==', '!=', '<=', '>=', '<', '>'], compare);
  const andExpr = binary(comparison, ['and', '&&'], (_op, a, b) => Boolean(a) && Boolean(b));
  const orExpr: () => Expression = binary(andExpr, ['or', '||'], (_op, a, b) => Boolean(a) || Boolean(b));
  const expression = orExpr();
  if (at < tokens.length) throw new Error(`unexpected "${String(tokens[at]!.value)}"`);
  return expression;
}
