import type { z } from 'zod';
import { catalogSchema, type Catalog } from './catalog';
import { dataServiceSchema, type DataService } from './dataService';
import { datasetSchema, type Dataset } from './dataset';
import { datasetSeriesSchema, type DatasetSeries } from './datasetSeries';
import { distributionSchema, type Distribution } from './distribution';
import { inventoryEntrySchema, type InventoryEntry } from './inventoryEntry';
import type { LocalizedMessage } from './localizedMessage';
import { organizationSchema, type Organization } from './organization';

/** One problem found in a record. */
export interface SchemaError {
  /** JSON pointer (RFC 6901) of the offending field; a missing or unknown field's own pointer. */
  path: string;
  /** Stable code, e.g. `required`, `invalid_type`, `too_long`, `invalid_uri`, `unknown_field`. */
  code: string;
  /** What was wrong, in fr, ar and en. */
  message: LocalizedMessage;
}

/** The outcome of parsing: the normalised value, or every error found. Never throws. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: SchemaError[] };

function escapePointer(segment: PropertyKey): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Turns a zod path into a JSON pointer (RFC 6901: `~` and `/` escaped).
 *
 * @example
 * ```ts
 * toJsonPointer(['distributions', 0, 'accessUrl']); // '/distributions/0/accessUrl'
 * ```
 */
export function toJsonPointer(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '' : `/${path.map(escapePointer).join('/')}`;
}

const TYPE_NAMES: Record<string, LocalizedMessage> = {
  string: { fr: 'un texte', ar: 'نصا', en: 'a text' },
  number: { fr: 'un nombre', ar: 'عددا', en: 'a number' },
  int: { fr: 'un nombre entier', ar: 'عددا صحيحا', en: 'a whole number' },
  boolean: { fr: 'vrai ou faux', ar: 'صحيح أو خطأ', en: 'true or false' },
  object: { fr: 'un objet', ar: 'كائنا', en: 'an object' },
  array: { fr: 'une liste', ar: 'قائمة', en: 'a list' },
};

function typeName(expected: string): LocalizedMessage {
  return TYPE_NAMES[expected] ?? { fr: expected, ar: expected, en: expected };
}

const FORMAT_MESSAGES: Record<string, LocalizedMessage> = {
  email: { fr: 'doit être une adresse e-mail', ar: 'يجب أن يكون عنوان بريد إلكتروني', en: 'must be an e-mail address' },
  date: { fr: 'doit être une date AAAA-MM-JJ', ar: 'يجب أن يكون تاريخا بصيغة YYYY-MM-DD', en: 'must be a date YYYY-MM-DD' },
  datetime: {
    fr: 'doit être une date-heure ISO 8601 avec fuseau',
    ar: 'يجب أن يكون تاريخا ووقتا بصيغة ISO 8601 مع المنطقة الزمنية',
    en: 'must be an ISO 8601 date-time with a time zone',
  },
};

// Messages for the refinements and patterns the schema declares, keyed by the English text it uses.
const CUSTOM_MESSAGES: Record<string, LocalizedMessage & { code: string }> = {
  'must be an absolute http(s) URI': {
    code: 'invalid_uri',
    fr: 'doit être une adresse http(s) complète',
    ar: 'يجب أن يكون عنوانا كاملا يبدأ بـ http(s)',
    en: 'must be an absolute http(s) URI',
  },
  'must not be blank': { code: 'blank', fr: 'ne doit pas être vide', ar: 'يجب ألا يكون فارغا', en: 'must not be blank' },
  'needs text in at least one language (fr, ar or en)': {
    code: 'missing_language',
    fr: 'il faut un texte dans au moins une langue (fr, ar ou en)',
    ar: 'يلزم نص بلغة واحدة على الأقل (fr أو ar أو en)',
    en: 'needs text in at least one language (fr, ar or en)',
  },
  'needs an e-mail, a phone number or a URL': {
    code: 'missing_contact',
    fr: 'il faut une adresse e-mail, un numéro de téléphone ou une URL',
    ar: 'يلزم بريد إلكتروني أو رقم هاتف أو رابط',
    en: 'needs an e-mail, a phone number or a URL',
  },
  'needs a start or an end': { code: 'missing_bound', fr: 'il faut un début ou une fin', ar: 'يلزم تاريخ بداية أو نهاية', en: 'needs a start or an end' },
  'ends before it starts': { code: 'inverted_period', fr: 'se termine avant de commencer', ar: 'ينتهي قبل أن يبدأ', en: 'ends before it starts' },
  'needs a URI, a label, a bounding box, a centroid or a geometry': {
    code: 'empty_location',
    fr: 'il faut une URI, un libellé, une emprise, un centroïde ou une géométrie',
    ar: 'يلزم معرف URI أو تسمية أو إطار محيط أو مركز أو شكل هندسي',
    en: 'needs a URI, a label, a bounding box, a centroid or a geometry',
  },
  'a published entry must link to its dataset': {
    code: 'missing_dataset',
    fr: 'une entrée publiée doit renvoyer vers son jeu de données',
    ar: 'يجب أن يحيل المدخل المنشور إلى مجموعة بياناته',
    en: 'a published entry must link to its dataset',
  },
  'must be a date YYYY-MM-DD or an ISO 8601 date-time with a time zone': {
    code: 'invalid_date',
    fr: 'doit être une date AAAA-MM-JJ ou une date-heure ISO 8601 avec fuseau',
    ar: 'يجب أن يكون تاريخا YYYY-MM-DD أو تاريخا ووقتا ISO 8601 مع المنطقة الزمنية',
    en: 'must be a date YYYY-MM-DD or an ISO 8601 date-time with a time zone',
  },
  'must not be __proto__': {
    code: 'forbidden_key',
    fr: 'le nom « __proto__ » n’est pas permis',
    ar: 'الاسم «__proto__» غير مسموح به',
    en: 'the name "__proto__" is not allowed',
  },
  'must be a lower-case hexadecimal digest': {
    code: 'invalid_checksum',
    fr: 'doit être une empreinte hexadécimale en minuscules',
    ar: 'يجب أن تكون بصمة ست عشرية بأحرف صغيرة',
    en: 'must be a lower-case hexadecimal digest',
  },
};

function vocabularyMessage(text: string): (LocalizedMessage & { code: string }) | undefined {
  const m = /^must be a URI of the (.+?)(?: vocabulary| table)$/.exec(text);
  if (!m) return undefined;
  const what = m[1] ?? '';
  return {
    code: 'unknown_vocabulary_value',
    fr: `doit être une URI du vocabulaire « ${what} »`,
    ar: `يجب أن يكون معرفا URI من مفردات «${what}»`,
    en: text,
  };
}

function patternMessage(text: string): LocalizedMessage & { code: string } {
  return { code: 'invalid_format', fr: `format invalide : ${text}`, ar: `صيغة غير صالحة: ${text}`, en: text };
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): SchemaError[] {
  const path = toJsonPointer(issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      const missing = valueAt(input, issue.path) === undefined;
      if (missing) {
        return [{ path, code: 'required', message: { fr: 'champ obligatoire manquant', ar: 'حقل إلزامي مفقود', en: 'required field is missing' } }];
      }
      const t = typeName(issue.expected);
      return [{ path, code: 'invalid_type', message: { fr: `doit être ${t.fr}`, ar: `يجب أن يكون ${t.ar}`, en: `must be ${t.en}` } }];
    }
    case 'too_big': {
      const max = String(issue.maximum);
      const items = issue.origin === 'array';
      return [
        {
          path,
          code: items ? 'too_many' : issue.origin === 'string' ? 'too_long' : 'too_big',
          message: items
            ? { fr: `au plus ${max} éléments`, ar: `${max} عنصرا على الأكثر`, en: `at most ${max} items` }
            : issue.origin === 'string'
              ? { fr: `au plus ${max} caractères`, ar: `${max} حرفا على الأكثر`, en: `at most ${max} characters` }
              : { fr: `doit valoir au plus ${max}`, ar: `يجب ألا يتجاوز ${max}`, en: `must be at most ${max}` },
        },
      ];
    }
    case 'too_small': {
      const min = String(issue.minimum);
      const items = issue.origin === 'array';
      return [
        {
          path,
          code: items ? 'too_few' : issue.origin === 'string' ? 'too_short' : 'too_small',
          message: items
            ? { fr: `au moins ${min} élément(s)`, ar: `${min} عنصر على الأقل`, en: `at least ${min} item(s)` }
            : issue.origin === 'string'
              ? { fr: `au moins ${min} caractère(s)`, ar: `${min} حرف على الأقل`, en: `at least ${min} character(s)` }
              : { fr: `doit valoir au moins ${min}`, ar: `يجب ألا يقل عن ${min}`, en: `must be at least ${min}` },
        },
      ];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: `${path}/${escapePointer(key)}`,
        code: 'unknown_field',
        message: {
          fr: `champ inconnu « ${key} »`,
          ar: `حقل غير معروف «${key}»`,
          en: `unknown field "${key}"`,
        },
      }));
    case 'invalid_value': {
      const known = vocabularyMessage(issue.message);
      if (known) return [{ path, code: known.code, message: { fr: known.fr, ar: known.ar, en: known.en } }];
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return [
        {
          path,
          code: 'invalid_value',
          message: { fr: `valeur non permise (attendu : ${allowed})`, ar: `قيمة غير مسموح بها (المتوقع: ${allowed})`, en: `value not allowed (expected: ${allowed})` },
        },
      ];
    }
    case 'invalid_format': {
      const known = CUSTOM_MESSAGES[issue.message] ?? vocabularyMessage(issue.message);
      if (known) return [{ path, code: known.code, message: { fr: known.fr, ar: known.ar, en: known.en } }];
      const format = FORMAT_MESSAGES[issue.format];
      if (format) return [{ path, code: `invalid_${issue.format}`, message: format }];
      const p = patternMessage(issue.message);
      return [{ path, code: p.code, message: { fr: p.fr, ar: p.ar, en: p.en } }];
    }
    case 'invalid_union': {
      // A geometry whose `type` is none of the known ones, or a value of no allowed form.
      return [
        {
          path,
          code: 'no_match',
          message: {
            fr: 'ne correspond à aucune des formes permises',
            ar: 'لا يطابق أيا من الأشكال المسموح بها',
            en: 'matches none of the allowed forms',
          },
        },
      ];
    }
    case 'custom': {
      const known = CUSTOM_MESSAGES[issue.message];
      const code = (issue.params?.code as string | undefined) ?? known?.code ?? 'invalid';
      return [{ path, code, message: known ? { fr: known.fr, ar: known.ar, en: known.en } : { fr: issue.message, ar: issue.message, en: issue.message } }];
    }
    default:
      return [{ path, code: issue.code, message: { fr: issue.message, ar: issue.message, en: issue.message } }];
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Parses any value with a zod schema into a {@link ParseResult}: zod's issues become errors with a
 * JSON pointer, a stable code and a message in fr, ar and en. Never throws.
 *
 * @example
 * ```ts
 * const result = parseWith(datasetSchema, JSON.parse(text));
 * if (!result.ok) console.log(result.errors[0].message.fr);
 * ```
 */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): ParseResult<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: result.error.issues.flatMap((issue) => describeIssue(issue, input)) };
}

/**
 * Validates and normalises a dataset record (text trimmed and NFC-normalised, defaults applied).
 *
 * @example
 * ```ts
 * const result = parseDataset({ title: { fr: 'Budget' }, description: { fr: 'Budget de l’État' } });
 * result.ok; // true — result.value.distributions is []
 * ```
 */
export function parseDataset(input: unknown): ParseResult<Dataset> {
  return withForbiddenKeys(parseWith(datasetSchema, input), forbiddenExtrasKeys(input, ''));
}

const FORBIDDEN_KEY: LocalizedMessage = CUSTOM_MESSAGES['must not be __proto__'] ?? { fr: '__proto__', ar: '__proto__', en: '__proto__' };

// zod drops a `__proto__` key of a record (extras) without a word, to protect the prototype of
// what it builds. Bayan refuses it instead, as the JSON Schema does, so that nothing is lost silently.
function forbiddenExtrasKeys(dataset: unknown, pointer: string): SchemaError[] {
  if (dataset === null || typeof dataset !== 'object') return [];
  const extras = (dataset as { extras?: unknown }).extras;
  if (extras === null || typeof extras !== 'object' || !Object.prototype.hasOwnProperty.call(extras, '__proto__')) return [];
  return [{ path: `${pointer}/extras/__proto__`, code: 'forbidden_key', message: { fr: FORBIDDEN_KEY.fr, ar: FORBIDDEN_KEY.ar, en: FORBIDDEN_KEY.en } }];
}

function withForbiddenKeys<T>(result: ParseResult<T>, errors: SchemaError[]): ParseResult<T> {
  if (errors.length === 0) return result;
  return { ok: false, errors: [...(result.ok ? [] : result.errors), ...errors] };
}

/**
 * Validates a distribution record. See {@link parseDataset}.
 *
 * @example
 * ```ts
 * parseDistribution({ accessUrl: 'https://data.gov.ma/budget.csv' }).ok; // true
 * ```
 */
export function parseDistribution(input: unknown): ParseResult<Distribution> {
  return parseWith(distributionSchema, input);
}

/**
 * Validates a data service record. See {@link parseDataset}.
 *
 * @example
 * ```ts
 * const result = parseDataService({ title: { fr: 'API des marchés publics' }, endpointUrl: 'https://api.example.ma/' });
 * if (!result.ok) console.log(result.errors[0]?.message.fr);
 * ```
 */
export function parseDataService(input: unknown): ParseResult<DataService> {
  return parseWith(dataServiceSchema, input);
}

/**
 * Validates a dataset series record. See {@link parseDataset}.
 *
 * @example
 * ```ts
 * const result = parseDatasetSeries({ title: { fr: 'Lois de finances' }, description: { fr: 'Une par année' } });
 * ```
 */
export function parseDatasetSeries(input: unknown): ParseResult<DatasetSeries> {
  return parseWith(datasetSeriesSchema, input);
}

/**
 * Validates a catalogue record with its datasets. See {@link parseDataset}.
 *
 * @example
 * ```ts
 * const result = parseCatalog({ title: { fr: 'Portail national' }, description: { fr: 'Données ouvertes' }, datasets: [] });
 * ```
 */
export function parseCatalog(input: unknown): ParseResult<Catalog> {
  const datasets = input !== null && typeof input === 'object' ? (input as { datasets?: unknown }).datasets : undefined;
  const forbidden = Array.isArray(datasets) ? datasets.slice(0, 100_000).flatMap((d, i) => forbiddenExtrasKeys(d, `/datasets/${i}`)) : [];
  return withForbiddenKeys(parseWith(catalogSchema, input), forbidden);
}

/**
 * Validates an organisation record. See {@link parseDataset}.
 *
 * @example
 * ```ts
 * parseOrganization({ slug: 'hcp', name: { fr: 'Haut-Commissariat au Plan', ar: 'المندوبية السامية للتخطيط' } }).ok; // true
 * ```
 */
export function parseOrganization(input: unknown): ParseResult<Organization> {
  return parseWith(organizationSchema, input);
}

/**
 * Validates an inventory entry. See {@link parseDataset}.
 *
 * @example
 * ```ts
 * const result = parseInventoryEntry(row);
 * if (!result.ok) for (const e of result.errors) console.log(e.path, e.message.ar);
 * ```
 */
export function parseInventoryEntry(input: unknown): ParseResult<InventoryEntry> {
  return parseWith(inventoryEntrySchema, input);
}
