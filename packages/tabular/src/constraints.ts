import type { ValidateFunction } from 'ajv';
import { INVALID, valueKey } from './fieldTypes';
import type { Cast, FieldDescriptor } from './fieldTypes';
import { unsafePatternReason } from './patternSafety';

/** One compiled constraint: returns true when the typed value passes. */
export interface ConstraintCheck {
  name: string;
  /** The note of a failure, e.g. `constraint "minimum" is "2"`. */
  note: string;
  test: (value: unknown, cell: string) => boolean;
  /** Check kind for the validator's inline dispatch (see `passes`); 0 means call `test`. */
  code: ConstraintCode;
  limit: number;
  re?: RegExp;
  set?: Set<string>;
  /** A pattern that is a fixed sequence of character sets: per position, ranges as [lo, hi, lo, hi, …]. */
  fixed?: number[][];
  /** Up to 16 allowed values of an enum, to compare with text in place. */
  words?: string[];
}

/** Constraint kinds the validator checks inline, without a closure call per cell. */
export const enum ConstraintCode { Other = 0, MinLength = 1, MaxLength = 2, Minimum = 3, Maximum = 4, ExclusiveMinimum = 5, ExclusiveMaximum = 6, Pattern = 7, Enum = 8 }

/**
 * True when a typed value passes a compiled constraint. One switch instead of a closure per
 * constraint keeps the validator's call sites monomorphic, which V8 runs several times faster.
 */
export function passes(check: ConstraintCheck, value: unknown, cell: string): boolean {
  switch (check.code) {
    case ConstraintCode.MinLength: return (typeof value === 'string' ? value.length : sizeOf(value, cell)) >= check.limit;
    case ConstraintCode.MaxLength: return (typeof value === 'string' ? value.length : sizeOf(value, cell)) <= check.limit;
    case ConstraintCode.Minimum: return typeof value !== 'number' || value >= check.limit;
    case ConstraintCode.Maximum: return typeof value !== 'number' || value <= check.limit;
    case ConstraintCode.ExclusiveMinimum: return typeof value !== 'number' || value > check.limit;
    case ConstraintCode.ExclusiveMaximum: return typeof value !== 'number' || value < check.limit;
    case ConstraintCode.Pattern: return check.re!.test(cell);
    case ConstraintCode.Enum: return check.set!.has(typeof value === 'string' ? value : valueKey(value));
    default: return check.test(value, cell);
  }
}

/**
 * True when a check needs the cell as a string: custom checks, patterns that are not a fixed
 * sequence of character sets, enums of non-text fields or with more than 16 values. The others
 * run on the text in place (see `passesAt`).
 */
export function needsCellText(check: ConstraintCheck, isText: boolean): boolean {
  switch (check.code) {
    case ConstraintCode.Pattern: return check.fixed === undefined;
    case ConstraintCode.Enum: return !isText || check.words === undefined;
    case ConstraintCode.Other: return true;
    default: return false;
  }
}

/**
 * `passes` for a check that does not need the cell string (see `needsCellText`), given the
 * typed value (a number or boolean, or undefined for text that was not turned into a string)
 * and the cell's place in `text`: the same result without creating the cell string.
 */
export function passesAt(check: ConstraintCheck, value: unknown, text: string, start: number, end: number): boolean {
  switch (check.code) {
    case ConstraintCode.MinLength: return end - start >= check.limit;
    case ConstraintCode.MaxLength: return end - start <= check.limit;
    case ConstraintCode.Minimum: return typeof value !== 'number' || value >= check.limit;
    case ConstraintCode.Maximum: return typeof value !== 'number' || value <= check.limit;
    case ConstraintCode.ExclusiveMinimum: return typeof value !== 'number' || value > check.limit;
    case ConstraintCode.ExclusiveMaximum: return typeof value !== 'number' || value < check.limit;
    case ConstraintCode.Pattern: return matchesFixed(check.fixed!, text, start, end);
    case ConstraintCode.Enum: {
      const words = check.words!;
      const length = end - start;
      for (let k = 0; k < words.length; k++) {
        const word = words[k]!;
        if (word.length === length && text.startsWith(word, start)) return true;
      }
      return false;
    }
    default: throw new Error(`constraint "${check.name}" needs the cell text`);
  }
}

/**
 * The length and numeric bound checks of a field folded into two intervals, for the validator's
 * in-place path: a value inside both passes all of them; a value outside fails at least one
 * (the validator then runs the checks one by one for their errors). `rest` keeps the other checks.
 */
export interface FoldedBounds {
  minLength: number;
  maxLength: number;
  /** True when there is a numeric bound to test. */
  bounded: boolean;
  low: number;
  lowStrict: boolean;
  high: number;
  highStrict: boolean;
  rest: ConstraintCheck[];
}

/**
 * True when a cell of `length` characters is inside the folded length interval and, when its
 * value is a number (`numeric`), `number` is inside the folded bounds.
 */
export function insideFolded(folded: FoldedBounds, length: number, numeric: boolean, number: number): boolean {
  if (length < folded.minLength || length > folded.maxLength) return false;
  if (!numeric || !folded.bounded) return true;
  if (folded.lowStrict ? !(number > folded.low) : !(number >= folded.low)) return false;
  return folded.highStrict ? number < folded.high : number <= folded.high;
}

/** Folds length and numeric bound checks (see `FoldedBounds`). */
export function foldBounds(checks: ConstraintCheck[]): FoldedBounds {
  const folded: FoldedBounds = { minLength: 0, maxLength: Infinity, bounded: false, low: -Infinity, lowStrict: false, high: Infinity, highStrict: false, rest: [] };
  for (const check of checks) {
    const limit = check.limit;
    if (limit !== limit) {
      // A NaN bound fails every value: left to the check itself.
      folded.rest.push(check);
      continue;
    }
    switch (check.code) {
      case ConstraintCode.MinLength: folded.minLength = Math.max(folded.minLength, limit); break;
      case ConstraintCode.MaxLength: folded.maxLength = Math.min(folded.maxLength, limit); break;
      case ConstraintCode.Minimum: case ConstraintCode.ExclusiveMinimum: {
        const strict = check.code === ConstraintCode.ExclusiveMinimum;
        folded.bounded = true;
        if (limit > folded.low || (limit === folded.low && strict)) {
          folded.low = limit;
          folded.lowStrict = strict;
        }
        break;
      }
      case ConstraintCode.Maximum: case ConstraintCode.ExclusiveMaximum: {
        const strict = check.code === ConstraintCode.ExclusiveMaximum;
        folded.bounded = true;
        if (limit < folded.high || (limit === folded.high && strict)) {
          folded.high = limit;
          folded.highStrict = strict;
        }
        break;
      }
      default: folded.rest.push(check);
    }
  }
  return folded;
}

function matchesFixed(fixed: number[][], text: string, start: number, end: number): boolean {
  if (end - start !== fixed.length) return false;
  for (let p = 0; p < fixed.length; p++) {
    const c = text.charCodeAt(start + p);
    const ranges = fixed[p]!;
    let inside = false;
    for (let r = 0; r < ranges.length; r += 2) {
      if (c >= ranges[r]! && c <= ranges[r + 1]!) {
        inside = true;
        break;
      }
    }
    if (!inside) return false;
  }
  return true;
}

const PLAIN_CHARACTER = /[A-Za-z0-9 _\-/:@#]/;
const CLASS_CHARACTER = /[A-Za-z0-9 _/:@#]/;

/**
 * Reads a pattern made only of literal letters, digits and `_-/:@# `, classes of them (but `-`)
 * and of ranges (`[A-Z0-9_]`), `\d`, each optionally repeated a fixed number of times (`{4}`), e.g. the
 * usual codes `[A-Z]{2}[0-9]{4}` or `\d{5}`: such a pattern matches exactly the texts of its
 * length whose every character is in its position's set. Undefined for any other pattern
 * (the regex runs then).
 */
export function fixedPattern(source: string): number[][] | undefined {
  const positions: number[][] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    let ranges: number[];
    if (ch === '[') {
      const close = source.indexOf(']', i + 1);
      if (close <= i + 1) return undefined;
      ranges = [];
      for (let j = i + 1; j < close; j++) {
        const from = source[j]!;
        if (!CLASS_CHARACTER.test(from)) return undefined;
        if (source[j + 1] === '-' && j + 2 < close) {
          const to = source[j + 2]!;
          if (!CLASS_CHARACTER.test(to) || to.charCodeAt(0) < from.charCodeAt(0)) return undefined;
          ranges.push(from.charCodeAt(0), to.charCodeAt(0));
          j += 2;
        } else ranges.push(from.charCodeAt(0), from.charCodeAt(0));
      }
      i = close + 1;
    } else if (ch === '\\') {
      if (source[i + 1] !== 'd') return undefined;
      ranges = [48, 57];
      i += 2;
    } else if (PLAIN_CHARACTER.test(ch)) {
      ranges = [ch.charCodeAt(0), ch.charCodeAt(0)];
      i++;
    } else return undefined;
    let count = 1;
    if (source[i] === '{') {
      const quantifier = /^\{(\d{1,3})\}/.exec(source.slice(i));
      if (!quantifier) return undefined;
      count = Number(quantifier[1]);
      i += quantifier[0].length;
    }
    for (let k = 0; k < count; k++) positions.push(ranges);
    if (positions.length > 256) return undefined;
  }
  return positions.length > 0 ? positions : undefined;
}

/** What the validator needs from a field's constraints. */
export interface CompiledConstraints {
  required: boolean;
  unique: boolean;
  checks: ConstraintCheck[];
  /** Problems in the constraints themselves (bad pattern, uncastable bound). */
  problems: string[];
}

/** Text of a descriptor value: strings as they are, numbers and booleans printed, the rest as JSON. */
export function scalarText(value: unknown): string {
  switch (typeof value) {
    case 'string': return value;
    case 'number': case 'boolean': case 'bigint': return value.toString();
    default: return JSON.stringify(value) ?? '';
  }
}

function describe(value: unknown): string {
  return Array.isArray(value) ? `[${value.map((v) => JSON.stringify(v)).join(', ')}]` : scalarText(value);
}

function sizeOf(value: unknown, cell: string): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.length;
  if (value !== null && typeof value === 'object') return Object.keys(value).length;
  return cell.length;
}

/**
 * Compiles the constraints of a field into checks, in the order the descriptor lists them.
 * Bounds and enum values given as strings are cast with the field's own cast.
 */
export function compileConstraints(field: FieldDescriptor, cast: Cast, compileJsonSchema?: (schema: unknown) => ValidateFunction): CompiledConstraints {
  const constraints = field.constraints ?? {};
  const result: CompiledConstraints = { required: constraints.required === true, unique: constraints.unique === true, checks: [], problems: [] };
  const bound = (name: string, raw: unknown): number | undefined => {
    const value = typeof raw === 'string' ? cast(raw) : raw;
    if (typeof value === 'number') return value;
    result.problems.push(`constraint "${name}" value "${String(raw)}" does not fit the field type "${field.type ?? 'string'}"`);
    return undefined;
  };
  for (const [name, raw] of Object.entries(constraints)) {
    const note = `constraint "${name}" is "${describe(raw)}"`;
    switch (name) {
      case 'minLength': {
        const limit = Number(raw);
        result.checks.push({ name, note, code: ConstraintCode.MinLength, limit, test: (value, cell) => sizeOf(value, cell) >= limit });
        break;
      }
      case 'maxLength': {
        const limit = Number(raw);
        result.checks.push({ name, note, code: ConstraintCode.MaxLength, limit, test: (value, cell) => sizeOf(value, cell) <= limit });
        break;
      }
      case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum': {
        const limit = bound(name, raw);
        if (limit === undefined) break;
        const test = name === 'minimum' ? (v: number) => v >= limit : name === 'maximum' ? (v: number) => v <= limit : name === 'exclusiveMinimum' ? (v: number) => v > limit : (v: number) => v < limit;
        const code = name === 'minimum' ? ConstraintCode.Minimum : name === 'maximum' ? ConstraintCode.Maximum : name === 'exclusiveMinimum' ? ConstraintCode.ExclusiveMinimum : ConstraintCode.ExclusiveMaximum;
        result.checks.push({ name, note, code, limit, test: (value) => typeof value !== 'number' || test(value) });
        break;
      }
      case 'pattern': {
        const source = String(raw);
        const unsafe = unsafePatternReason(source);
        if (unsafe) {
          result.problems.push(`constraint "pattern" "${source}" is rejected: ${unsafe}`);
          break;
        }
        let re: RegExp;
        try {
          // Unicode mode only when the pattern needs it: V8 runs non-unicode regexes faster.
          re = new RegExp(`^(?:${source})$`, /\\[pPu]\{/.test(source) ? 'u' : '');
        } catch {
          try {
            re = new RegExp(`^(?:${source})$`);
          } catch {
            result.problems.push(`constraint "pattern" "${source}" is not a valid regular expression`);
            break;
          }
        }
        const fixed = re.flags === '' ? fixedPattern(source) : undefined;
        result.checks.push({ name, note, code: ConstraintCode.Pattern, limit: 0, re, ...(fixed ? { fixed } : {}), test: (_value, cell) => re.test(cell) });
        break;
      }
      case 'enum': {
        if (!Array.isArray(raw)) {
          result.problems.push('constraint "enum" must be an array');
          break;
        }
        const allowed = new Set<string>();
        for (const item of raw as unknown[]) {
          const value = typeof item === 'string' ? cast(item) : item;
          allowed.add(valueKey(value === INVALID ? item : value));
        }
        const words = allowed.size <= 16 ? [...allowed] : undefined;
        result.checks.push({ name, note, code: ConstraintCode.Enum, limit: 0, set: allowed, ...(words ? { words } : {}), test: (value) => allowed.has(valueKey(value)) });
        break;
      }
      case 'jsonSchema': {
        if (!compileJsonSchema) break;
        try {
          const validate = compileJsonSchema(raw);
          result.checks.push({ name, note: 'constraint "jsonSchema" is not satisfied', code: ConstraintCode.Other, limit: 0, test: (value) => validate(value) });
        } catch (error) {
          result.problems.push(`constraint "jsonSchema" does not compile: ${(error as Error).message}`);
        }
        break;
      }
      case 'required': case 'unique':
        break;
      default:
        break;
    }
  }
  return result;
}
