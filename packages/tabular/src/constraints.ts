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
        result.checks.push({ name, note, test: (value, cell) => sizeOf(value, cell) >= limit });
        break;
      }
      case 'maxLength': {
        const limit = Number(raw);
        result.checks.push({ name, note, test: (value, cell) => sizeOf(value, cell) <= limit });
        break;
      }
      case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum': {
        const limit = bound(name, raw);
        if (limit === undefined) break;
        const test = name === 'minimum' ? (v: number) => v >= limit : name === 'maximum' ? (v: number) => v <= limit : name === 'exclusiveMinimum' ? (v: number) => v > limit : (v: number) => v < limit;
        result.checks.push({ name, note, test: (value) => typeof value !== 'number' || test(value) });
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
          re = new RegExp(`^(?:${source})$`, 'u');
        } catch {
          try {
            re = new RegExp(`^(?:${source})$`);
          } catch {
            result.problems.push(`constraint "pattern" "${source}" is not a valid regular expression`);
            break;
          }
        }
        result.checks.push({ name, note, test: (_value, cell) => re.test(cell) });
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
        result.checks.push({ name, note, test: (value) => allowed.has(valueKey(value)) });
        break;
      }
      case 'jsonSchema': {
        if (!compileJsonSchema) break;
        try {
          const validate = compileJsonSchema(raw);
          result.checks.push({ name, note: 'constraint "jsonSchema" is not satisfied', test: (value) => validate(value) });
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
