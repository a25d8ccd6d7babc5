import type { LocalizedMessage, SchemaError } from '@bayan/schema';
import type { z } from 'zod';
import { ProblemError } from './problem';

// Messages for the zod issues that query, path and form inputs produce. Bodies that are Bayan
// records go through @bayan/schema's parsers, which have their own richer messages.
function describe(issue: z.core.$ZodIssue): { code: string; message: LocalizedMessage } {
  switch (issue.code) {
    case 'too_big':
      return {
        code: 'too_big',
        message: {
          fr: `doit être au plus ${String(issue.maximum)}${issue.origin === 'string' ? ' caractères' : ''}`,
          ar: `يجب ألا يتجاوز ${String(issue.maximum)}${issue.origin === 'string' ? ' حرفا' : ''}`,
          en: `must be at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : ''}`,
        },
      };
    case 'too_small':
      return {
        code: 'too_small',
        message: {
          fr: `doit être au moins ${String(issue.minimum)}${issue.origin === 'string' ? ' caractères' : ''}`,
          ar: `يجب ألا يقل عن ${String(issue.minimum)}${issue.origin === 'string' ? ' حرفا' : ''}`,
          en: `must be at least ${String(issue.minimum)}${issue.origin === 'string' ? ' characters' : ''}`,
        },
      };
    case 'invalid_value':
      return {
        code: 'invalid_value',
        message: {
          fr: `valeur non acceptée ; valeurs possibles : ${issue.values.map(String).join(', ')}`,
          ar: `قيمة غير مقبولة؛ القيم الممكنة: ${issue.values.map(String).join(', ')}`,
          en: `value not accepted; possible values: ${issue.values.map(String).join(', ')}`,
        },
      };
    case 'invalid_type':
      return issue.input === undefined
        ? { code: 'required', message: { fr: 'valeur obligatoire manquante', ar: 'قيمة إلزامية مفقودة', en: 'required value is missing' } }
        : {
            code: 'invalid_type',
            message: { fr: `doit être de type ${issue.expected}`, ar: `يجب أن يكون من النوع ${issue.expected}`, en: `must be of type ${issue.expected}` },
          };
    case 'invalid_format':
      return {
        code: 'invalid_format',
        message: { fr: `format invalide (${issue.format})`, ar: `صيغة غير صالحة (${issue.format})`, en: `invalid format (${issue.format})` },
      };
    case 'unrecognized_keys':
      return {
        code: 'unknown_field',
        message: {
          fr: `champ inconnu : ${issue.keys.join(', ')}`,
          ar: `حقل غير معروف: ${issue.keys.join(', ')}`,
          en: `unknown field: ${issue.keys.join(', ')}`,
        },
      };
    default:
      return { code: issue.code, message: { fr: `valeur invalide : ${issue.message}`, ar: `قيمة غير صالحة: ${issue.message}`, en: `invalid value: ${issue.message}` } };
  }
}

function pointer(target: string, path: readonly PropertyKey[]): string {
  return `/${[target, ...path.map(String)].map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}

/** A validation problem for zod issues found in one part of the request (`query`, `param`, `json`, `form`). */
export function validationProblem(target: string, issues: readonly z.core.$ZodIssue[]): ProblemError {
  return new ProblemError('validation', {
    errors: issues.slice(0, 100).map((issue) => ({ pointer: pointer(target === 'json' ? 'body' : target, issue.path), ...describe(issue) })),
  });
}

/** A validation problem from @bayan/schema's report of a record sent in the body. */
export function recordProblem(errors: readonly SchemaError[]): ProblemError {
  return new ProblemError('validation', {
    errors: errors.slice(0, 100).map((e) => ({ pointer: `/body${e.path}`, code: e.code, message: e.message })),
  });
}
