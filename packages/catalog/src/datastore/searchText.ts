// The text-search column of a datastore row is the normalised text of its text cells. Tabular
// data repeats itself (a region, a ministry, a category on every row), and most cells are plain
// ASCII, so the loader normalises each distinct cell once and ASCII cells without the full
// Unicode pipeline. Both shortcuts give exactly what normalizeSearchText gives on the joined
// cells (searchText.test.ts checks it on random text).
import { normalizeSearchText } from '../search/normalize';

/** Longest text-search value stored per row, in characters. */
export const MAX_SEARCH_TEXT = 10_000;
const MAX_CACHED_CELL = 256;
const MAX_CACHED_VALUES = 20_000;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const ASCII_NON_WORD = /[^a-z0-9]+/g;
const LONG_ASCII_TOKEN = /[a-z0-9]{65}/;

/** normalizeSearchText for printable ASCII: lower case, letters and digits, single spaces. */
function normalizeAscii(text: string): string {
  const folded = text.toLowerCase().replace(ASCII_NON_WORD, ' ');
  // Tokens longer than 64 characters are cut by the full normaliser; leave those rare cells to it.
  if (LONG_ASCII_TOKEN.test(folded)) return normalizeSearchText(text);
  const start = folded.charCodeAt(0) === 32 ? 1 : 0;
  const end = folded.length > start && folded.charCodeAt(folded.length - 1) === 32 ? folded.length - 1 : folded.length;
  return start === 0 && end === folded.length ? folded : folded.slice(start, end);
}

/** The normalised search text of one cell. */
export function normalizeCell(text: string): string {
  return PRINTABLE_ASCII.test(text) ? normalizeAscii(text) : normalizeSearchText(text);
}

/**
 * Normalises the text cells of one column, remembering the normalised text of short cells while
 * the column keeps repeating itself (a column of distinct values stops being remembered).
 */
export class ColumnNormalizer {
  private readonly seen = new Map<string, string>();
  private lookups = 0;
  private hits = 0;
  private caching = true;

  normalize(text: string): string {
    if (!this.caching || text.length > MAX_CACHED_CELL) return normalizeCell(text);
    this.lookups++;
    const known = this.seen.get(text);
    if (known !== undefined) {
      this.hits++;
      return known;
    }
    const normalized = normalizeCell(text);
    if (this.seen.size < MAX_CACHED_VALUES) this.seen.set(text, normalized);
    else if (this.hits * 4 < this.lookups) {
      // Full and mostly missing: the column is not a repeating one.
      this.caching = false;
      this.seen.clear();
    }
    return normalized;
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
