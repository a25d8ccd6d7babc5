// The text-search column of a datastore row is the normalised text of its text cells. Tabular
// data repeats itself (a region, a ministry, a category on every row), so the loader normalises
// each distinct cell once; and most cells are ASCII or French, which a table of what each Latin
// character folds to (taken from the normaliser itself) normalises in one pass instead of the
// full Unicode pipeline. Both shortcuts give exactly what normalizeSearchText gives on the
// joined cells (searchText.test.ts checks it on random text).
import { normalizeSearchText } from '../search/normalize';

/** Longest text-search value stored per row, in characters. */
export const MAX_SEARCH_TEXT = 10_000;
const MAX_CACHED_CELL = 256;
const MAX_CACHED_VALUES = 20_000;
const MAX_CACHED_WORD = 64;
const MAX_CACHED_WORDS = 50_000;

const MAX_TOKEN = 64;
const TABLE_END = 0x2070;

/**
 * What each character below U+2070 (ASCII, Latin letters, general punctuation) folds to, taken
 * from the search normaliser itself: a space for a separator, '' for a sign it removes, else
 * ASCII letters or digits (A → a, é → e, œ → oe, ß → ss, º → o). Characters that fold to anything
 * else (ø, ł, Arabic, combining marks, …) are undefined: text holding one goes through the full
 * normaliser.
 */
const FOLDS: readonly (string | undefined)[] = (() => {
  const folds: (string | undefined)[] = new Array<string | undefined>(TABLE_END).fill(undefined);
  const fill = (from: number, to: number) => {
    for (let code = from; code <= to; code++) {
      const char = String.fromCharCode(code);
      const glued = normalizeSearchText(`a${char}a`);
      if (glued === 'a a' && normalizeSearchText(`1${char}1`) === '1 1') folds[code] = ' ';
      else if (/^a[a-z0-9]*a$/.test(glued) && normalizeSearchText(`1${char}1`) === `1${glued.slice(1, -1)}1`) folds[code] = glued.slice(1, -1);
    }
  };
  fill(0, 0x24f);
  fill(0x2000, TABLE_END - 1);
  return folds;
})();

const SEPARATOR = -1;
const REMOVED = -2;
const SEVERAL = -3;
/** {@link FOLDS} as numbers: the one character a code folds to, or SEPARATOR, REMOVED, SEVERAL, 0 (none). */
const FOLD_CODES = Int32Array.from(FOLDS, (fold) => (fold === undefined ? 0 : fold === ' ' ? SEPARATOR : fold === '' ? REMOVED : fold.length === 1 ? fold.charCodeAt(0) : SEVERAL));
const LONGEST_FOLD = Math.max(...FOLDS.map((fold) => fold?.length ?? 0));
// Folding into one reused buffer and making one string of it leaves no garbage per character.
const MAX_TABLE_TEXT = 4096;
const buffer = new Uint16Array(MAX_TABLE_TEXT * LONGEST_FOLD + 1);

/**
 * normalizeSearchText for text made of the characters of {@link FOLDS}, in one pass; undefined
 * when the text holds another character, a token longer than the normaliser keeps, or is long.
 */
function foldWithTable(text: string): string | undefined {
  if (text.length > MAX_TABLE_TEXT) return undefined;
  let n = 0;
  let space = false;
  let token = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const fold = code < TABLE_END ? (FOLD_CODES[code] as number) : 0;
    if (fold === 0) return undefined;
    if (fold === SEPARATOR) {
      space = n > 0;
      token = 0;
      continue;
    }
    if (fold === REMOVED) continue;
    if (space) {
      buffer[n++] = 32;
      space = false;
    }
    if (fold === SEVERAL) {
      const several = FOLDS[code] as string;
      for (let k = 0; k < several.length; k++) buffer[n++] = several.charCodeAt(k);
      token += several.length;
    } else {
      buffer[n++] = fold;
      token++;
    }
    if (token > MAX_TOKEN) return undefined;
  }
  return String.fromCharCode.apply(null, buffer.subarray(0, n) as unknown as number[]);
}

/** The normalised search text of one cell: normalizeSearchText, in one pass for ASCII and Latin text. */
export function normalizeCell(text: string): string {
  return foldWithTable(text) ?? normalizeSearchText(text);
}

/**
 * Normalises the text cells of one column, remembering the normalised text of short cells while
 * the column keeps repeating itself (a column of distinct values stops being remembered). Cells
 * the table cannot fold (Arabic) are normalised word by word, each distinct word once: distinct
 * Arabic cells still repeat their words.
 */
export class ColumnNormalizer {
  private readonly seen = new Map<string, string>();
  private readonly words = new Map<string, string>();
  private lookups = 0;
  private hits = 0;
  private caching = true;

  normalize(text: string): string {
    if (!this.caching || text.length > MAX_CACHED_CELL) return this.normalizeUnseen(text);
    this.lookups++;
    const known = this.seen.get(text);
    if (known !== undefined) {
      this.hits++;
      return known;
    }
    const normalized = this.normalizeUnseen(text);
    if (this.seen.size < MAX_CACHED_VALUES) this.seen.set(text, normalized);
    else if (this.hits * 4 < this.lookups) {
      // Full and mostly missing: the column is not a repeating one.
      this.caching = false;
      this.seen.clear();
    }
    return normalized;
  }

  private normalizeUnseen(text: string): string {
    const folded = foldWithTable(text);
    if (folded !== undefined) return folded;
    // A space separates tokens before and after folding, and folding never looks across it, so
    // the words can be normalised apart and joined (searchText.test.ts checks it).
    let out = '';
    for (const word of text.split(' ')) {
      if (word === '') continue;
      let normalized = foldWithTable(word) ?? this.words.get(word);
      if (normalized === undefined) {
        normalized = normalizeSearchText(word);
        if (word.length <= MAX_CACHED_WORD && this.words.size < MAX_CACHED_WORDS) this.words.set(word, normalized);
      }
      if (normalized !== '') out = out === '' ? normalized : `${out} ${normalized}`;
    }
    return out;
  }
}

/**
 * The text-search value of a row from the normalised text of each of its text cells, as
 * `normalizeSearchText(cells.join(' ')).slice(0, MAX_SEARCH_TEXT)` would give it.
 */
export function joinSearchText(parts: string[]): string {
  let out = '';
  for (const part of parts) {
    if (part === '') continue;
    out = out === '' ? part : `${out} ${part}`;
    if (out.length >= MAX_SEARCH_TEXT) break;
  }
  return out.length > MAX_SEARCH_TEXT ? out.slice(0, MAX_SEARCH_TEXT) : out;
}
