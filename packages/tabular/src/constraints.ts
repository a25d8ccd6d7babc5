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

/** True when a check reads the cell's text (pattern, enum, custom checks), not only its length or typed value. */
export function needsCellText(check: ConstraintCheck): boolean {
  return check.code === ConstraintCode.Pattern || check.code === ConstraintCode.Enum || check.code === ConstraintCode.Other;
}

/**
 * `passes` for a check that does not need the cell's text (see `needsCellText`), given the
 * typed value (a number or boolean, or undefined for text that was not turned into a string)
 * and the cell's length: the same result without creating the cell string.
 */
export function passesWithLength(check: ConstraintCheck, value: unknown, length: number): boolean {
  switch (check.code) {
    case ConstraintCode.MinLength: return length >= check.limit;
    case ConstraintCode.MaxLength: return length <= check.limit;
    case ConstraintCode.Minimum: return typeof value !== 'number' || value >= check.limit;
    case ConstraintCode.Maximum: return typeof value !== 'number' || value <= check.limit;
    case ConstraintCode.ExclusiveMinimum: return typeof value !== 'number' || value > check.limit;
    case ConstraintCode.ExclusiveMaximum: return typeof value !== 'number' || value < check.limit;
    default: throw new Error(`constraint "${check.name}" needs the cell text`);
  }
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
        result.checks.push({ name, note, code: ConstraintCode.Pattern, limit: 0, re, test: (_value, cell) => re.test(cell) });
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
        result.checks.push({ name, note, code: ConstraintCode.Enum, limit: 0, set: allowed, test: (value) => allowed.has(valueKey(value)) });
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
