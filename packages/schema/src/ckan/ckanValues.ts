// Small readers shared by the CKAN mapping: texts in several languages, URLs, dates, hashes, sizes.
import type { Language } from '../localizedMessage';
import { MAX_LONG_TEXT, MAX_SHORT_TEXT } from '../primitives';
import { isRecord, nonEmptyString, type CkanProblem } from './ckanPackage';
import { ckanProblem } from './ckanProblems';

const BAYAN_LANGUAGES: readonly Language[] = ['fr', 'ar', 'en'];
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/;

/** `ar` when the text is mostly Arabic script, otherwise the portal's default language. */
export function guessLanguage(text: string, fallback: Language): Language {
  let arabic = 0;
  let latin = 0;
  for (const char of text.slice(0, 200)) {
    if (ARABIC_SCRIPT.test(char)) arabic += 1;
    else if (LATIN_LETTER.test(char)) latin += 1;
  }
  return arabic > latin ? 'ar' : fallback;
}

export type TextIn = Partial<Record<Language, string>>;

export interface TextSources {
  /** Per-language dicts, strongest first (`title_translated`, a dict-valued `title`). */
  dicts: unknown[];
  /** Per-language plain fields (`title_fr`, `title_ar`, `title_en`). */
  perLanguage: Partial<Record<Language, unknown>>;
  /** The plain string (`title`), assigned to its guessed language when that slot is free. */
  plain: unknown;
}

export interface TextReport {
  text: TextIn;
  /** Texts in languages Bayan does not hold, by language code. */
  others: Record<string, string>;
  /** The plain string, when it matched no translation and its language slot was taken. */
  leftover?: string;
}

function clip(text: string, max: number, path: string, problems: CkanProblem[]): string {
  if (text.length <= max) return text;
  problems.push(ckanProblem(path, 'truncated', max));
  return text.slice(0, max);
}

/** Reads a multilingual text from the places CKAN portals keep one. */
export function readText(sources: TextSources, fallback: Language, long: boolean, path: string, problems: CkanProblem[]): TextReport {
  const max = long ? MAX_LONG_TEXT : MAX_SHORT_TEXT;
  const text: TextIn = {};
  const others: Record<string, string> = {};
  for (const dict of sources.dicts) {
    if (!isRecord(dict)) continue;
    for (const [key, raw] of Object.entries(dict)) {
      const value = nonEmptyString(raw);
      if (value === undefined) continue;
      const language = key.toLowerCase().slice(0, 2);
      if ((BAYAN_LANGUAGES as readonly string[]).includes(language) && key.length <= 5) {
        text[language as Language] ??= clip(value, max, path, problems);
      } else if (/^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/i.test(key) && Object.keys(others).length < 50) {
        others[key] ??= clip(value, 10_000, path, problems);
      }
    }
  }
  for (const language of BAYAN_LANGUAGES) {
    const value = nonEmptyString(sources.perLanguage[language]);
    if (value !== undefined) text[language] ??= clip(value, max, path, problems);
  }
  let leftover: string | undefined;
  const plain = nonEmptyString(sources.plain);
  if (plain !== undefined) {
    const known = [...Object.values(text), ...Object.values(others)];
    if (!known.includes(plain)) {
      const language = guessLanguage(plain, fallback);
      if (text[language] === undefined) text[language] = clip(plain, max, path, problems);
      else leftover = clip(plain, 10_000, path, problems);
    }
  }
  return { text, others, ...(leftover === undefined ? {} : { leftover }) };
}

/** Whether a text has at least one of fr, ar, en. */
export function hasText(text: TextIn): boolean {
  return text.fr !== undefined || text.ar !== undefined || text.en !== undefined;
}

const HTTP_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

/** An absolute http(s) URL, resolving a relative one against `baseUrl`; `undefined` with a problem otherwise. */
export function readUrl(value: unknown, baseUrl: string | undefined, path: string, problems: CkanProblem[] | undefined): string | undefined {
  const text = nonEmptyString(value);
  if (text === undefined) return undefined;
  if (HTTP_URL.test(text) && text.length <= 2048) return text;
  try {
    const url = baseUrl === undefined ? new URL(text) : new URL(text, baseUrl);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.href.length <= 2048 && HTTP_URL.test(url.href)) return url.href;
  } catch {
    // not a URL at all: reported below
  }
  problems?.push(ckanProblem(path, 'invalid_url', text));
  return undefined;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME_WITHOUT_ZONE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(?:\.\d{1,9})?)?$/;
const DATE_TIME_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * An ISO 8601 date or date-time with a zone. CKAN writes `metadata_created` without a zone, in
 * UTC: `Z` is added.
 */
export function readDate(value: unknown, path: string, problems: CkanProblem[]): string | undefined {
  const text = nonEmptyString(value);
  if (text === undefined) return undefined;
  if (DATE.test(text) || DATE_TIME_WITH_ZONE.test(text)) return text;
  const m = DATE_TIME_WITHOUT_ZONE.exec(text);
  if (m) return `${m[1]}T${m[2]}${m[3] ?? ':00'}Z`;
  problems.push(ckanProblem(path, 'invalid_date', text));
  return undefined;
}

const ALGORITHMS: Record<number, 'md5' | 'sha1' | 'sha256' | 'sha384' | 'sha512'> = { 32: 'md5', 40: 'sha1', 64: 'sha256', 96: 'sha384', 128: 'sha512' };

/** A checksum from a CKAN `hash`: `sha256:…`, `md5:…` or a bare hex digest (algorithm from its length). */
export function readHash(value: unknown, path: string, problems: CkanProblem[]): { algorithm: 'md5' | 'sha1' | 'sha256' | 'sha384' | 'sha512'; value: string } | undefined {
  const text = nonEmptyString(value);
  if (text === undefined) return undefined;
  const m = /^(?:(md5|sha1|sha256|sha384|sha512|sha-1|sha-256|sha-384|sha-512)[:=])?([0-9a-fA-F]+)$/i.exec(text);
  const digest = m?.[2]?.toLowerCase();
  const algorithm = (m?.[1]?.toLowerCase().replace('-', '') as 'md5' | undefined) ?? (digest ? ALGORITHMS[digest.length] : undefined);
  if (digest === undefined || algorithm === undefined || digest.length < 32 || digest.length > 128) {
    problems.push(ckanProblem(path, 'invalid_hash', text));
    return undefined;
  }
  return { algorithm, value: digest };
}

/** A byte size from a number or a numeric string. */
export function readSize(value: unknown, path: string, problems: CkanProblem[]): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d{1,16}\s*$/.test(value) ? Number(value) : Number.NaN;
  if (Number.isSafeInteger(n) && n >= 0) return n;
  problems.push(ckanProblem(path, 'invalid_size', value));
  return undefined;
}

/** A list of strings from a CKAN value that may be a list, a string, or a JSON/comma-separated list. */
export function readList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => nonEmptyString(v)).filter((v): v is string => v !== undefined);
  const text = nonEmptyString(value);
  if (text === undefined) return [];
  if (text.startsWith('[') && text.length < 100_000) {
    try {
      return readList(JSON.parse(text) as unknown);
    } catch {
      // not JSON: fall through to comma-separated
    }
  }
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
