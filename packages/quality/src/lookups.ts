import { accessRights, fileTypes, licences, type Dataset, type Distribution } from '@bayan/schema';
import type { FileTypeInfo, LicenceInfo, LinkCheck, Lookup, ScoreContext } from './types';

// Vocabulary look-ups fold text (accents, case, Arabic forms) and are the costliest step of
// scoring; a portal's records reuse a few dozen formats and licences, so the answers are memoised
// per vocabulary in a bounded map (cleared when full, so memory stays bounded on hostile input).

const MEMO_LIMIT = 4096;
const memos = new WeakMap<object, Map<string, unknown>>();

function memoFind<T>(lookup: Lookup<T>, text: string): T | undefined {
  let memo = memos.get(lookup) as Map<string, T | undefined> | undefined;
  if (memo === undefined) {
    memo = new Map();
    memos.set(lookup, memo);
  }
  if (memo.has(text)) return memo.get(text);
  const found = lookup.find(text);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(text, found);
  return found;
}

/** The file-type vocabulary in use. */
export function fileTypesOf(context: ScoreContext | undefined): Lookup<FileTypeInfo> {
  return context?.fileTypes ?? fileTypes;
}

/** The licence vocabulary in use. */
export function licencesOf(context: ScoreContext | undefined): Lookup<LicenceInfo> {
  return context?.licences ?? licences;
}

/** The file type named by a format URI, code, media type, extension or URL. */
export function findFileType(lookup: Lookup<FileTypeInfo>, text: string | undefined): FileTypeInfo | undefined {
  return typeof text === 'string' && text !== '' ? memoFind(lookup, text) : undefined;
}

/** The licence named by a URI, code or alias. */
export function findLicence(lookup: Lookup<LicenceInfo>, text: string | undefined): LicenceInfo | undefined {
  return typeof text === 'string' && text !== '' ? memoFind(lookup, text) : undefined;
}

/** A licence is "known" when the vocabulary has it and it is a real licence, not "not specified". */
export function isKnownLicence(licence: LicenceInfo | undefined): boolean {
  return licence !== undefined && licence.code !== 'notspecified';
}

/** Whether a URI belongs to the EU access-right vocabulary. */
export function isAccessRightsUri(uri: unknown): boolean {
  return typeof uri === 'string' && accessRights.has(uri);
}

const IANA_TOP_LEVEL = /^(application|audio|font|image|message|model|multipart|text|video)\/(?!x-)[a-z0-9][a-z0-9!#$&^_.+-]*$/i;

/**
 * A media type is from the IANA registry when the file-type vocabulary knows it, or when it has a
 * registered top-level type and no `x-` (unregistered) subtype: the full registry is thousands of
 * entries Bayan does not ship.
 */
export function isIanaMediaType(lookup: Lookup<FileTypeInfo>, mediaType: string | undefined): boolean {
  if (typeof mediaType !== 'string' || mediaType === '') return false;
  const known = ianaMemo.get(mediaType);
  if (known !== undefined) return known;
  const base = mediaType.split(';', 1)[0]!.trim();
  const result = IANA_TOP_LEVEL.test(base) || findFileType(lookup, base)?.mediaType === base.toLowerCase();
  if (ianaMemo.size >= MEMO_LIMIT) ianaMemo.clear();
  ianaMemo.set(mediaType, result);
  return result;
}

const ianaMemo = new Map<string, boolean>();

/** What a link check says about a URL. */
export type LinkState = { state: 'ok' } | { state: 'unchecked' } | { state: 'broken'; status?: number };

/** The state of a URL according to the context's link-check results (2xx and 3xx are reachable). */
export function linkState(context: ScoreContext | undefined, url: string | undefined): LinkState {
  const links = context?.links;
  if (links === undefined || typeof url !== 'string') return { state: 'unchecked' };
  let raw: number | LinkCheck | undefined;
  if (links instanceof Map) raw = (links as ReadonlyMap<string, number | LinkCheck>).get(url);
  else if (Object.hasOwn(links, url)) raw = (links as Readonly<Record<string, number | LinkCheck>>)[url];
  if (raw === undefined || raw === null) return { state: 'unchecked' };
  const status = typeof raw === 'number' ? raw : raw.status;
  if (typeof status === 'number' && Number.isFinite(status)) {
    return status >= 200 && status < 400 ? { state: 'ok' } : { state: 'broken', status };
  }
  return typeof raw === 'object' && raw.error !== undefined ? { state: 'broken' } : { state: 'unchecked' };
}

const NO_FIELDS = Object.freeze({}) as Distribution;

/**
 * The distributions of a record that may not have been validated: a missing list is empty, and an
 * item that is not an object counts as a distribution with no field (indexes stay those of the record).
 */
export function distributionsOf(dataset: Dataset | null | undefined): readonly Distribution[] {
  const list: unknown = dataset !== null && typeof dataset === 'object' ? dataset.distributions : undefined;
  if (!Array.isArray(list)) return [];
  for (const item of list) {
    if (item === null || typeof item !== 'object') return list.map((d: unknown) => (d !== null && typeof d === 'object' ? (d as Distribution) : NO_FIELDS));
  }
  return list as Distribution[];
}
