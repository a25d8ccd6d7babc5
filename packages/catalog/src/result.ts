import type { LocalizedMessage, SchemaError } from '@bayan/schema';

/** A problem with what was asked of the catalogue: where, a stable code, and a message in fr/ar/en. */
export type CatalogError = SchemaError;

/** The outcome of a catalogue operation on user input: the value, or every problem found. */
export type CatalogResult<T> = { ok: true; value: T } | { ok: false; errors: CatalogError[] };

/** Builds a one-error failure. */
export function failure<T>(code: string, path: string, message: LocalizedMessage): CatalogResult<T> {
  return { ok: false, errors: [{ code, path, message }] };
}

/** Builds a success. */
export function success<T>(value: T): CatalogResult<T> {
  return { ok: true, value };
}

/** The common failures, with their messages. */
export const problems = {
  notFound: <T>(what: string, id: string): CatalogResult<T> =>
    failure('not_found', '', {
      fr: `${what} introuvable : ${id}`,
      ar: `${what} غير موجود: ${id}`,
      en: `${what} not found: ${id}`,
    }),
  conflict: <T>(path: string, value: string): CatalogResult<T> =>
    failure('conflict', path, {
      fr: `la valeur « ${value} » est déjà utilisée`,
      ar: `القيمة «${value}» مستعملة من قبل`,
      en: `the value "${value}" is already in use`,
    }),
  staleRevision: <T>(expected: number, actual: number): CatalogResult<T> =>
    failure('stale_revision', '/revision', {
      fr: `le jeu de données a changé entre-temps (révision ${actual}, attendue ${expected}) : rechargez-le puis réessayez`,
      ar: `تغيرت مجموعة البيانات في الأثناء (المراجعة ${actual} بدل ${expected}): أعد تحميلها ثم حاول من جديد`,
      en: `the dataset changed meanwhile (revision ${actual}, expected ${expected}): reload it and try again`,
    }),
  unknownReference: <T>(path: string, what: string, id: string): CatalogResult<T> =>
    failure('unknown_reference', path, {
      fr: `${what} inconnu(e) : ${id}`,
      ar: `${what} غير معروف: ${id}`,
      en: `unknown ${what}: ${id}`,
    }),
  invalid: <T>(path: string, fr: string, ar: string, en: string): CatalogResult<T> => failure('invalid', path, { fr, ar, en }),
};
