import { CURRENT_SCHEMA_VERSION } from './dataset';
import type { SchemaError } from './parse';

/** The record format versions this release reads (a record without `schemaVersion` is version 1). */
export const SUPPORTED_SCHEMA_VERSIONS: readonly number[] = [1];

/** The outcome of `migrate`: the record in the current format, or why it cannot be read. */
export type MigrateResult = { ok: true; value: Record<string, unknown>; fromVersion: number } | { ok: false; errors: SchemaError[] };

// One step per version: MIGRATIONS[n] turns a version-n record into a version-(n+1) record.
// Version 1 is the first and current format, so there is no step yet.
const MIGRATIONS: Record<number, (record: Record<string, unknown>) => Record<string, unknown>> = {};

/**
 * Brings a stored record (dataset, organisation, inventory entry) to the current format version
 * before it is parsed. A record without `schemaVersion` is version 1. An unknown version (newer
 * than this release, or not a version at all) is an error with a message in fr/ar/en, not a throw.
 * The input is not modified.
 *
 * @example
 * ```ts
 * const migrated = migrate(JSON.parse(text));
 * const result = migrated.ok ? parseDataset(migrated.value) : migrated;
 * ```
 */
export function migrate(record: unknown): MigrateResult {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    return {
      ok: false,
      errors: [
        {
          path: '',
          code: 'invalid_type',
          message: { fr: 'un enregistrement doit être un objet JSON', ar: 'يجب أن يكون السجل كائن JSON', en: 'a record must be a JSON object' },
        },
      ],
    };
  }
  const input = record as Record<string, unknown>;
  const declared = Object.prototype.hasOwnProperty.call(input, 'schemaVersion') ? input.schemaVersion : undefined;
  const version = declared === undefined ? 1 : declared;
  if (typeof version !== 'number' || !SUPPORTED_SCHEMA_VERSIONS.includes(version)) {
    const shown = typeof version === 'string' ? `"${version.slice(0, 50)}"` : typeof version === 'number' ? String(version) : typeof version;
    const supported = SUPPORTED_SCHEMA_VERSIONS.join(', ');
    const newer = typeof version === 'number' && Number.isInteger(version) && version > CURRENT_SCHEMA_VERSION;
    return {
      ok: false,
      errors: [
        {
          path: '/schemaVersion',
          code: 'unsupported_schema_version',
          message: newer
            ? {
                fr: `version de format ${shown} plus récente que cette version de @bayan/schema (qui lit : ${supported}) ; mettez @bayan/schema à jour`,
                ar: `إصدار الصيغة ${shown} أحدث من هذا الإصدار من ‎@bayan/schema (الذي يقرأ: ${supported})؛ حدّث ‎@bayan/schema`,
                en: `format version ${shown} is newer than this release of @bayan/schema (which reads: ${supported}); update @bayan/schema`,
              }
            : {
                fr: `version de format ${shown} inconnue (versions lues : ${supported})`,
                ar: `إصدار الصيغة ${shown} غير معروف (الإصدارات المقروءة: ${supported})`,
                en: `unknown format version ${shown} (versions read: ${supported})`,
              },
        },
      ],
    };
  }
  // Spread copies own properties as data, so a `__proto__` key stays a plain key for the parser to refuse.
  let value: Record<string, unknown> = { ...input };
  for (let v = version; v < CURRENT_SCHEMA_VERSION; v += 1) {
    const step = MIGRATIONS[v];
    if (step) value = step(value);
  }
  value.schemaVersion = CURRENT_SCHEMA_VERSION;
  return { ok: true, value, fromVersion: version };
}
