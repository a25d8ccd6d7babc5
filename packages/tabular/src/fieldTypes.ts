/** A Table Schema field as read from a descriptor (v1 or v2). */
export interface FieldDescriptor {
  name: string;
  type?: string;
  format?: string;
  title?: string;
  description?: string;
  constraints?: Record<string, unknown>;
  missingValues?: (string | { value: string; label?: string })[];
  trueValues?: string[];
  falseValues?: string[];
  decimalChar?: string;
  groupChar?: string;
  bareNumber?: boolean;
  itemType?: string;
  delimiter?: string;
  [key: string]: unknown;
}

/** Returned by a cast when the cell does not fit the type/format. */
export const INVALID: unique symbol = Symbol('invalid');

/** Turns a non-missing cell into a typed value, or INVALID. */
export type Cast = (cell: string) => unknown;

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPECIAL_NUMBERS: Record<string, number> = { NaN: NaN, nan: NaN, INF: Infinity, '-INF': -Infinity, Infinity: Infinity, '-Infinity': -Infinity, inf: Infinity, '-inf': -Infinity };
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const DURATION = /^P(?!$)(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?=\d)(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const ISO_TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/;
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/;
const GEOPOINT = /^\s*([+-]?\d+(?:\.\d+)?)\s*,\s*([+-]?\d+(?:\.\d+)?)\s*$/;
const GEOJSON_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection', 'Feature', 'FeatureCollection']);
const DAY = 86_400_000;

/** Every Table Schema type this package casts. */
export const FIELD_TYPES = ['any', 'array', 'boolean', 'date', 'datetime', 'duration', 'geojson', 'geopoint', 'integer', 'list', 'number', 'object', 'string', 'time', 'year', 'yearmonth'] as const;

/** Days from 1970-01-01 to the first day of each month of 1900–2199, and each month's length. */
const TABLE_FIRST_YEAR = 1900;
const TABLE_MONTHS = 300 * 12;
let monthStarts: Int32Array | undefined;
let monthLengths: Uint8Array | undefined;

function fillMonthTables(): void {
  monthStarts = new Int32Array(TABLE_MONTHS);
  monthLengths = new Uint8Array(TABLE_MONTHS);
  for (let slot = 0; slot < TABLE_MONTHS; slot++) {
    const y = TABLE_FIRST_YEAR + Math.floor(slot / 12);
    const m = (slot % 12) + 1;
    monthStarts[slot] = computeDate(y, m, 1)! / DAY;
    monthLengths[slot] = daysInMonth(y, m);
  }
}

function daysInMonth(y: number, m: number): number {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Milliseconds from 1970-01-01 to a civil date, or undefined when it does not exist. */
function validDate(y: number, m: number, d: number): number | undefined {
  if (m < 1 || m > 12 || d < 1) return undefined;
  // Dates of 1900–2199 (nearly all real data) come from tables; the arithmetic below is exact
  // for every year but costs a few divisions per cell.
  const slot = (y - TABLE_FIRST_YEAR) * 12 + m - 1;
  if (slot >= 0 && slot < TABLE_MONTHS) {
    if (monthStarts === undefined) fillMonthTables();
    return d > monthLengths![slot]! ? undefined : (monthStarts![slot]! + d - 1) * DAY;
  }
  return computeDate(y, m, d);
}

function computeDate(y: number, m: number, d: number): number | undefined {
  if (d > daysInMonth(y, m)) return undefined;
  // Days from the civil date (Howard Hinnant's algorithm), exact for every year.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return (era * 146097 + doe - 719468) * DAY;
}

/** Value of the two ASCII digits at `at`, or -1 (small enough for V8 to inline). */
function twoDigitsAt(text: string, at: number): number {
  const high = text.charCodeAt(at) - 48;
  const low = text.charCodeAt(at + 1) - 48;
  return high >= 0 && high <= 9 && low >= 0 && low <= 9 ? high * 10 + low : -1;
}

/** `YYYY-MM-DD` without a regex (the hot path of date columns). */
function isoDate(cell: string): number | undefined {
  return cell.length === 10 ? isoDateAt(cell, 0) : undefined;
}

/** `YYYY-MM-DD` at position `at` of a longer text. */
function isoDateAt(text: string, at: number): number | undefined {
  if (text.charCodeAt(at + 4) !== 45 || text.charCodeAt(at + 7) !== 45) return undefined;
  const century = twoDigitsAt(text, at);
  const year = twoDigitsAt(text, at + 2);
  const m = twoDigitsAt(text, at + 5);
  const d = twoDigitsAt(text, at + 8);
  if (century < 0 || year < 0) return undefined;
  const y = century * 100 + year;
  return m < 0 || d < 0 ? undefined : validDate(y, m, d);
}

function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone === 'Z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

function fraction(text: string | undefined): number {
  return text ? Number(`0.${text}`) * 1000 : 0;
}

const STRFTIME: Record<string, { re: string; key?: string }> = {
  Y: { re: '(\\d{4})', key: 'Y' }, y: { re: '(\\d{2})', key: 'y' }, m: { re: '(\\d{1,2})', key: 'm' }, d: { re: '(\\d{1,2})', key: 'd' },
  H: { re: '(\\d{1,2})', key: 'H' }, I: { re: '(\\d{1,2})', key: 'I' }, M: { re: '(\\d{1,2})', key: 'M' }, S: { re: '(\\d{1,2})', key: 'S' },
  f: { re: '(\\d{1,9})', key: 'f' }, p: { re: '(AM|PM|am|pm)', key: 'p' }, z: { re: '(Z|[+-]\\d{2}:?\\d{2})', key: 'z' },
  b: { re: '([A-Za-z]{3})', key: 'b' }, B: { re: '([A-Za-z]+)', key: 'B' }, a: { re: '[A-Za-z]{3}' }, A: { re: '[A-Za-z]+' }, j: { re: '(\\d{1,3})', key: 'j' },
  '%': { re: '%' },
};
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

interface Parts { Y?: number; m?: number; d?: number; H?: number; M?: number; S?: number; ms?: number; tz?: number }

/** Compiles a strftime pattern (`%d/%m/%Y`) into a parser of date parts. */
export function compilePattern(pattern: string): (text: string) => Parts | undefined {
  let source = '';
  const keys: string[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '%' && i + 1 < pattern.length) {
      const spec = STRFTIME[pattern[i + 1]!];
      if (!spec) throw new Error(`unsupported date pattern directive %${pattern[i + 1]!}`);
      source += spec.re;
      if (spec.key) keys.push(spec.key);
      i++;
    } else {
      source += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  const re = new RegExp(`^${source}$`);
  return (text) => {
    const match = re.exec(text);
    if (!match) return undefined;
    const parts: Parts = {};
    let pm: boolean | undefined;
    for (let k = 0; k < keys.length; k++) {
      const raw = match[k + 1]!;
      switch (keys[k]) {
        case 'Y': parts.Y = Number(raw); break;
        case 'y': parts.Y = Number(raw) + (Number(raw) < 69 ? 2000 : 1900); break;
        case 'm': parts.m = Number(raw); break;
        case 'd': parts.d = Number(raw); break;
        case 'H': case 'I': parts.H = Number(raw); break;
        case 'M': parts.M = Number(raw); break;
        case 'S': parts.S = Number(raw); break;
        case 'f': parts.ms = fraction(raw); break;
        case 'p': pm = raw.toLowerCase() === 'pm'; break;
        case 'z': parts.tz = offsetMinutes(raw); break;
        case 'b': case 'B': {
          const index = MONTHS.indexOf(raw.slice(0, 3).toLowerCase());
          if (index < 0) return undefined;
          parts.m = index + 1;
          break;
        }
        case 'j': parts.m = 1; parts.d = Number(raw); break;
      }
    }
    if (pm !== undefined && parts.H !== undefined) {
      if (parts.H < 1 || parts.H > 12) return undefined;
      parts.H = (parts.H % 12) + (pm ? 12 : 0);
    }
    return parts;
  };
}

function dateValue(parts: Parts): number | undefined {
  if (parts.Y === undefined || parts.m === undefined || parts.d === undefined) return undefined;
  if (parts.m === 1 && parts.d > 31) {
    // %j day of year
    const start = validDate(parts.Y, 1, 1);
    return start === undefined || parts.d > 366 ? undefined : start + (parts.d - 1) * DAY;
  }
  return validDate(parts.Y, parts.m, parts.d);
}

function timeValue(parts: Parts): number | undefined {
  const H = parts.H ?? 0;
  const M = parts.M ?? 0;
  const S = parts.S ?? 0;
  if (H > 23 || M > 59 || S > 60) return undefined;
  return ((H * 60 + M) * 60 + S) * 1000 + (parts.ms ?? 0) - (parts.tz ?? 0) * 60_000;
}

/** Date formats tried by `format: any` and by inference, day first (French usage). */
export const ANY_DATE_PATTERNS = ['%Y-%m-%d', '%d/%m/%Y', '%d-%m-%Y', '%d.%m.%Y', '%Y/%m/%d', '%d/%m/%y'];
const ANY_DATE_PARSERS = ANY_DATE_PATTERNS.map(compilePattern);
const ANY_DATETIME_PARSERS = ['%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M', '%Y-%m-%d %H:%M', '%Y/%m/%d %H:%M:%S'].map(compilePattern);
const ANY_TIME_PARSERS = ['%H:%M', '%H:%M:%S', '%I:%M %p', '%Hh%M'].map(compilePattern);

function patternOf(format: string | undefined): string | undefined {
  if (!format || format === 'default' || format === 'any') return undefined;
  return format.startsWith('fmt:') ? format.slice(4) : format;
}

function castDate(format: string | undefined): Cast {
  const pattern = patternOf(format);
  if (pattern) {
    const parse = compilePattern(pattern);
    return (cell) => {
      const parts = parse(cell);
      return (parts && dateValue(parts)) ?? INVALID;
    };
  }
  const any = format === 'any';
  return (cell) => {
    const value = isoDate(cell);
    if (value !== undefined) return value;
    if (any) {
      for (const parse of ANY_DATE_PARSERS) {
        const parts = parse(cell);
        const value = parts && dateValue(parts);
        if (value !== undefined) return value;
      }
    }
    return INVALID;
  };
}

function castTime(format: string | undefined): Cast {
  const pattern = patternOf(format);
  if (pattern) {
    const parse = compilePattern(pattern);
    return (cell) => {
      const parts = parse(cell);
      return (parts && timeValue(parts)) ?? INVALID;
    };
  }
  const any = format === 'any';
  return (cell) => {
    const m = ISO_TIME.exec(cell);
    if (m) return timeValue({ H: Number(m[1]), M: Number(m[2]), S: Number(m[3]), ms: fraction(m[4]), tz: offsetMinutes(m[5]) }) ?? INVALID;
    if (any) {
      for (const parse of ANY_TIME_PARSERS) {
        const parts = parse(cell);
        const value = parts && timeValue(parts);
        if (value !== undefined) return value;
      }
    }
    return INVALID;
  };
}

/**
 * Fast path of default datetimes: `YYYY-MM-DDTHH:MM:SS` (or a space for `T`) with an optional
 * `Z` in text[start, end); INVALID when it has that shape but impossible values, undefined when
 * it has another shape (the regex path decides).
 */
function isoDatetimeAt(text: string, start: number, end: number): number | typeof INVALID | undefined {
  const length = end - start;
  if ((length === 19 || (length === 20 && text.charCodeAt(start + 19) === 90)) && (text.charCodeAt(start + 10) === 84 || text.charCodeAt(start + 10) === 32) && text.charCodeAt(start + 13) === 58 && text.charCodeAt(start + 16) === 58) {
    const day = isoDateAt(text, start);
    const H = twoDigitsAt(text, start + 11);
    const M = twoDigitsAt(text, start + 14);
    const S = twoDigitsAt(text, start + 17);
    if (day === undefined || H < 0 || M < 0 || S < 0 || H > 23 || M > 59 || S > 60) return INVALID;
    return day + ((H * 60 + M) * 60 + S) * 1000;
  }
  return undefined;
}

function castDatetime(format: string | undefined): Cast {
  const pattern = patternOf(format);
  const combine = (parts: Parts): number | undefined => {
    const day = dateValue(parts);
    const time = timeValue(parts);
    return day === undefined || time === undefined ? undefined : day + time;
  };
  if (pattern) {
    const parse = compilePattern(pattern);
    return (cell) => {
      const parts = parse(cell);
      return (parts && combine(parts)) ?? INVALID;
    };
  }
  const any = format === 'any';
  return (cell) => {
    const fast = isoDatetimeAt(cell, 0, cell.length);
    if (fast !== undefined) return fast;
    const m = ISO_DATETIME.exec(cell);
    if (m) {
      return combine({ Y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), H: Number(m[4]), M: Number(m[5]), S: Number(m[6]), ms: fraction(m[7]), tz: offsetMinutes(m[8]) }) ?? INVALID;
    }
    if (any) {
      for (const parse of ANY_DATETIME_PARSERS) {
        const parts = parse(cell);
        const value = parts && combine(parts);
        if (value !== undefined) return value;
      }
    }
    return INVALID;
  };
}

/** Non-breaking spaces French software writes as thousands separators. */
const SPACE_GROUPS = /[ \u00a0\u202f]/g;

function numberCleaner(field: FieldDescriptor): ((cell: string) => string) | undefined {
  const group = field.groupChar;
  const decimal = field.decimalChar ?? '.';
  const bare = field.bareNumber ?? true;
  if (!group && decimal === '.' && bare) return undefined;
  const groupRe = group === undefined ? undefined : group === ' ' ? SPACE_GROUPS : new RegExp(group.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g');
  return (cell) => {
    let text = cell;
    if (!bare) text = text.replace(/^[^\d+\-.,]+|[^\d.,]+$/g, '');
    if (groupRe) text = text.replace(groupRe, '');
    if (decimal !== '.') text = text.replace(decimal, '.');
    return text;
  };
}

const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Parses a decimal number. Plain `[-+]digits[.digits]` with at most 15 digits is computed as
 * one exact integer divided by an exact power of ten, which IEEE division rounds exactly like
 * Number() would (Clinger's fast path); anything else (exponents, long numbers) goes through
 * Number() after a character check.
 */
function parseDecimal(text: string): unknown {
  return decimalAt(text, 0, text.length);
}

/** `parseDecimal` of text[start, end), creating the cell string only for the slow path. */
function decimalAt(text: string, start: number, end: number): unknown {
  if (end === start) return INVALID;
  let i = start;
  let negative = false;
  const first = text.charCodeAt(start);
  if (first === 45) {
    negative = true;
    i++;
  } else if (first === 43) i++;
  let mantissa = 0;
  let digits = 0;
  let scale = -1;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (scale >= 0) scale++;
    } else if (c === 46 && scale < 0) {
      scale = 0;
    } else break;
  }
  if (i === end && digits > 0 && digits <= 15) {
    const value = scale > 0 ? mantissa / POWERS_OF_TEN[scale]! : mantissa;
    return negative ? -value : value;
  }
  return parseDecimalSlow(start === 0 && end === text.length ? text : text.slice(start, end));
}

function parseDecimalSlow(text: string): unknown {
  const special = SPECIAL_NUMBERS[text];
  if (special !== undefined) return special;
  const length = text.length;
  if (length > 64) return NUMBER.test(text) ? Number(text) : INVALID;
  const first = text.charCodeAt(0);
  if ((first < 48 || first > 57) && first !== 45 && first !== 43 && first !== 46) return INVALID;
  for (let i = 1; i < length; i++) {
    const c = text.charCodeAt(i);
    // 0-9 . e E + -
    if ((c < 48 || c > 57) && c !== 46 && c !== 101 && c !== 69 && c !== 43 && c !== 45) return INVALID;
  }
  const value = Number(text);
  return value !== value ? INVALID : value;
}

/** Optional sign then digits; exact below 2^53, larger values go through Number. */
function parseInteger(text: string): unknown {
  return integerAt(text, 0, text.length);
}

/** `parseInteger` of text[start, end), creating the cell string only past 15 characters. */
function integerAt(text: string, start: number, end: number): unknown {
  const length = end - start;
  if (length === 0) return INVALID;
  if (length > 15) {
    const cell = start === 0 && end === text.length ? text : text.slice(start, end);
    return INTEGER.test(cell) ? Number(cell) : INVALID;
  }
  let i = start;
  let negative = false;
  const first = text.charCodeAt(start);
  if (first === 45) {
    negative = true;
    i++;
  } else if (first === 43) i++;
  if (i === end) return INVALID;
  let value = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return INVALID;
    value = value * 10 + c;
  }
  return negative ? -value : value;
}

function castNumber(field: FieldDescriptor): Cast {
  const clean = numberCleaner(field);
  const parse = parseDecimal;
  return clean ? (cell) => parse(clean(cell)) : parse;
}

function castInteger(field: FieldDescriptor): Cast {
  const clean = numberCleaner({ ...field, decimalChar: '.' });
  const parse = parseInteger;
  return clean ? (cell) => parse(clean(cell)) : parse;
}

function parseJson(cell: string): unknown {
  try {
    return JSON.parse(cell) as unknown;
  } catch {
    return INVALID;
  }
}

function inRange(lon: number, lat: number): boolean {
  return lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
}

function castGeopoint(format: string | undefined): Cast {
  if (format === 'array') {
    return (cell) => {
      const value = parseJson(cell);
      return Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'number' && inRange(value[0], value[1]) ? value : INVALID;
    };
  }
  if (format === 'object') {
    return (cell) => {
      const value = parseJson(cell) as { lon?: unknown; lat?: unknown } | typeof INVALID;
      return value !== INVALID && value !== null && typeof value === 'object' && typeof value.lon === 'number' && typeof value.lat === 'number' && Object.keys(value).length === 2 && inRange(value.lon, value.lat)
        ? [value.lon, value.lat]
        : INVALID;
    };
  }
  return (cell) => {
    const m = GEOPOINT.exec(cell);
    if (!m) return INVALID;
    const lon = Number(m[1]);
    const lat = Number(m[2]);
    return inRange(lon, lat) ? [lon, lat] : INVALID;
  };
}

/** Cast kinds the validator runs inline (see `castCell`); 0 means call the compiled cast. */
export const enum CastKind { Compiled = 0, Text = 1, Integer = 2, Number = 3, Date = 4, Datetime = 5, Boolean = 6 }

/** The inline kind of a field: only default formats without number options qualify. */
export function castKind(field: FieldDescriptor): CastKind {
  const plainFormat = field.format === undefined || field.format === 'default';
  const plainNumber = field.groupChar === undefined && (field.decimalChar ?? '.') === '.' && (field.bareNumber ?? true);
  switch (field.type ?? 'string') {
    case 'string': return plainFormat ? CastKind.Text : CastKind.Compiled;
    case 'any': return CastKind.Text;
    case 'integer': return plainNumber ? CastKind.Integer : CastKind.Compiled;
    case 'number': return plainNumber ? CastKind.Number : CastKind.Compiled;
    case 'date': return plainFormat ? CastKind.Date : CastKind.Compiled;
    case 'datetime': return plainFormat ? CastKind.Datetime : CastKind.Compiled;
    case 'boolean': return field.trueValues === undefined && field.falseValues === undefined ? CastKind.Boolean : CastKind.Compiled;
    default: return CastKind.Compiled;
  }
}

const plainDatetime = castDatetime(undefined);

/**
 * Casts a cell by kind with direct calls (monomorphic call sites in the validator's loop);
 * falls back to the field's compiled cast for other kinds.
 */
export function castCell(kind: CastKind, cast: Cast, cell: string): unknown {
  switch (kind) {
    case CastKind.Text: return cell;
    case CastKind.Integer: return parseInteger(cell);
    case CastKind.Number: return parseDecimal(cell);
    case CastKind.Date: return isoDate(cell) ?? INVALID;
    case CastKind.Datetime: return plainDatetime(cell);
    case CastKind.Boolean:
      if (cell === 'true' || cell === 'True' || cell === 'TRUE' || cell === '1') return true;
      if (cell === 'false' || cell === 'False' || cell === 'FALSE' || cell === '0') return false;
      return INVALID;
    default: return cast(cell);
  }
}

/**
 * Casts text[start, end) by kind without creating the cell string (integer, number, date,
 * datetime, boolean; the same results as `castCell` on the sliced cell). Text and compiled
 * kinds need the cell: call `castCell` for them.
 */
export function castAt(kind: CastKind, text: string, start: number, end: number): unknown {
  switch (kind) {
    case CastKind.Integer: return integerAt(text, start, end);
    case CastKind.Number: return decimalAt(text, start, end);
    case CastKind.Date: return end - start === 10 ? isoDateAt(text, start) ?? INVALID : INVALID;
    case CastKind.Datetime: {
      const fast = isoDatetimeAt(text, start, end);
      return fast !== undefined ? fast : plainDatetime(text.slice(start, end));
    }
    case CastKind.Boolean:
      switch (end - start) {
        case 1: {
          const c = text.charCodeAt(start);
          return c === 49 ? true : c === 48 ? false : INVALID;
        }
        case 4: return text.startsWith('true', start) || text.startsWith('True', start) || text.startsWith('TRUE', start) ? true : INVALID;
        case 5: return text.startsWith('false', start) || text.startsWith('False', start) || text.startsWith('FALSE', start) ? false : INVALID;
        default: return INVALID;
      }
    default: return castCell(kind, () => INVALID, text.slice(start, end));
  }
}

/** Characters that integers, numbers, dates and datetimes in their plain shapes are made of. */
const PREFIX_CHARACTERS = '0123456789+-.:TZ ';

/** True when cells separated by this delimiter can be cast with `castPrefix`. */
export function prefixDelimiter(delimiter: number): boolean {
  return !PREFIX_CHARACTERS.includes(String.fromCharCode(delimiter));
}

/**
 * The number read by the last successful `castPrefix`, kept in a typed array rather than
 * returned: a double returned as `unknown` is boxed on the heap, one allocation per cell.
 */
const prefixValue = new Float64Array(1);

/** The number read by the last successful `castPrefix` call. */
export function prefixNumber(): number {
  return prefixValue[0]!;
}

/**
 * Casts the cell that starts at `start` in a record ending at `end` without finding the cell's
 * end first: one pass reads the plain shape of an integer (≤ 15 characters), a decimal (≤ 15
 * digits), a `YYYY-MM-DD` date or a `YYYY-MM-DDTHH:MM:SS[Z]` datetime and checks that a
 * delimiter (a character none of them contains, see `prefixDelimiter`) or the end follows.
 * Returns where the cell ends and leaves its value (the same as `castAt` on the cell) for
 * `prefixNumber()`; returns -1 when the cell has another shape or an invalid value: then find
 * its end and call `castAt`.
 */
export function castPrefix(kind: CastKind, text: string, start: number, end: number, delimiter: number): number {
  switch (kind) {
    case CastKind.Integer: case CastKind.Number: {
      let i = start;
      const first = text.charCodeAt(i);
      if (first === 45 || first === 43) i++;
      let mantissa = 0;
      let digits = 0;
      let scale = -1;
      for (; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c >= 48 && c <= 57) {
          mantissa = mantissa * 10 + (c - 48);
          digits++;
          if (scale >= 0) scale++;
        } else if (c === 46 && scale < 0 && kind === CastKind.Number) {
          scale = 0;
        } else break;
      }
      if (digits === 0 || i - start > 15 || (i < end && text.charCodeAt(i) !== delimiter)) return -1;
      const value = scale > 0 ? mantissa / POWERS_OF_TEN[scale]! : mantissa;
      prefixValue[0] = first === 45 ? -value : value;
      return i;
    }
    case CastKind.Date: {
      const stop = start + 10;
      if (stop > end || (stop < end && text.charCodeAt(stop) !== delimiter)) return -1;
      const value = isoDateAt(text, start);
      if (value === undefined) return -1;
      prefixValue[0] = value;
      return stop;
    }
    case CastKind.Datetime: {
      const stop = start + (text.charCodeAt(start + 19) === 90 ? 20 : 19);
      if (stop > end || (stop < end && text.charCodeAt(stop) !== delimiter)) return -1;
      const value = isoDatetimeAt(text, start, stop);
      if (value === undefined || value === INVALID) return -1;
      prefixValue[0] = value;
      return stop;
    }
    default: return -1;
  }
}

/**
 * Compiles the cast of one field: a closure from a non-missing cell to its typed value (numbers
 * for numeric, date and time types so constraints compare them directly) or INVALID.
 */
export function compileCast(field: FieldDescriptor): Cast {
  const format = field.format;
  switch (field.type ?? 'string') {
    case 'string':
      switch (format) {
        case 'email': return (cell) => (EMAIL.test(cell) ? cell : INVALID);
        case 'uri': return (cell) => (URI.test(cell) ? cell : INVALID);
        case 'uuid': return (cell) => (UUID.test(cell) ? cell : INVALID);
        case 'binary': return (cell) => (BASE64.test(cell) ? cell : INVALID);
        default: return (cell) => cell;
      }
    case 'integer': return castInteger(field);
    case 'number': return castNumber(field);
    case 'boolean': {
      const yes = new Set(field.trueValues ?? ['true', 'True', 'TRUE', '1']);
      const no = new Set(field.falseValues ?? ['false', 'False', 'FALSE', '0']);
      return (cell) => (yes.has(cell) ? true : no.has(cell) ? false : INVALID);
    }
    case 'date': return castDate(format);
    case 'time': return castTime(format);
    case 'datetime': return castDatetime(format);
    case 'year': return (cell) => (/^\d{4}$/.test(cell) ? Number(cell) : INVALID);
    case 'yearmonth': return (cell) => {
      const m = /^(\d{4})-(\d{2})$/.exec(cell);
      return m && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? Number(m[1]) * 12 + Number(m[2]) - 1 : INVALID;
    };
    case 'duration': return (cell) => {
      const m = DURATION.exec(cell);
      if (!m) return INVALID;
      const n = (i: number): number => (m[i] ? Number(m[i]) : 0);
      return ((((n(1) * 365 + n(2) * 30 + n(3) * 7 + n(4)) * 24 + n(5)) * 60 + n(6)) * 60 + n(7)) * 1000;
    };
    case 'geopoint': return castGeopoint(format);
    case 'geojson': return (cell) => {
      const value = parseJson(cell) as { type?: unknown } | typeof INVALID;
      if (value === INVALID || value === null || typeof value !== 'object' || Array.isArray(value)) return INVALID;
      if (format === 'topojson') return value.type === 'Topology' ? value : INVALID;
      return typeof value.type === 'string' && GEOJSON_TYPES.has(value.type) ? value : INVALID;
    };
    case 'object': return (cell) => {
      const value = parseJson(cell);
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : INVALID;
    };
    case 'array': return (cell) => {
      const value = parseJson(cell);
      return Array.isArray(value) ? value : INVALID;
    };
    case 'list': {
      const delimiter = field.delimiter ?? ',';
      const item = field.itemType ? compileCast({ name: field.name, type: field.itemType }) : (cell: string) => cell;
      return (cell) => {
        const items = cell.split(delimiter).map((part) => item(part));
        return items.includes(INVALID) ? INVALID : items;
      };
    }
    case 'any': return (cell) => cell;
    default: return () => INVALID;
  }
}

/** Key of a typed value for unique/primary/foreign keys (so `01` and `1` are one integer). */
export function valueKey(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
