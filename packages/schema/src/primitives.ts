import { z } from 'zod';

// Building blocks shared by every record. Limits here are the input limits of the whole platform:
// they keep a hostile record (a 10 MB description, a million keywords) from costing more than a
// bounded amount of work anywhere downstream.

/** Longest title, name or label, in characters. */
export const MAX_SHORT_TEXT = 1_000;
/** Longest description, in characters (about 100 pages of prose). */
export const MAX_LONG_TEXT = 100_000;
/** Longest URL or URI, in characters. */
export const MAX_URI = 2_048;
/** Most items in any list of a record (keywords, distributions, …). */
export const MAX_ITEMS = 1_000;

const HTTP_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

/** An absolute http(s) URL or URI. */
export const httpUri = z
  .string()
  .max(MAX_URI)
  .regex(HTTP_URL, { error: 'must be an absolute http(s) URI' })
  .meta({ format: 'uri' });

/** An e-mail address. */
export const email = z.email().max(254);

/** A phone number, as written, with an optional leading `+`. */
export const phone = z
  .string()
  .max(40)
  .regex(/^\+?[0-9 ().-]{3,40}$/, { error: 'must be a phone number' });

// A real calendar day (leap years included), then optionally a time with seconds and a zone. One
// pattern rather than a union of zod's date and datetime: the same strings, five times faster on
// date-times (the union tries the date first and builds an issue for it).
const CALENDAR_DAY =
  '(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8])))';
const TIME_WITH_ZONE = 'T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)';
const DATE_OR_DATE_TIME = new RegExp(`^${CALENDAR_DAY}(?:${TIME_WITH_ZONE})?$`);

/** A calendar date (`YYYY-MM-DD`) or a date-time with seconds and a time-zone offset (ISO 8601). */
export const dateOrDateTime = z
  .string()
  .max(64)
  .regex(DATE_OR_DATE_TIME, { error: 'must be a date YYYY-MM-DD or an ISO 8601 date-time with a time zone' });

/** An ISO 8601 duration such as `P1D` or `PT15M`. */
export const isoDuration = z
  .string()
  .max(64)
  .regex(/^-?P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/, {
    error: 'must be an ISO 8601 duration such as P1D',
  });

/** An identifier Bayan uses in URLs: lower-case letters, digits and hyphens. */
export const slug = z
  .string()
  .min(2)
  .max(100)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, { error: 'must use only a-z, 0-9 and hyphens' });

/** A record id: letters, digits, `-`, `_`, `.`, `:`. */
export const recordId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, { error: 'must use only letters, digits, ".", "_", ":" and "-"' });

/** A list with the platform's item limit. */
export function list<T extends z.ZodType>(item: T, max: number = MAX_ITEMS) {
  return z.array(item).max(max);
}
