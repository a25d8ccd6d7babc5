import type { Language } from '../localizedMessage';

/** One value of a controlled vocabulary: its URI, labels in fr/ar/en and other names it is known by. */
export interface VocabularyTerm {
  /** The term's URI, e.g. `http://publications.europa.eu/resource/authority/data-theme/ECON`. */
  uri: string;
  /** The short code at the end of the URI (`ECON`). */
  code: string;
  /** Labels in each of Bayan's languages. */
  labels: Record<Language, string>;
  /** Other names the term is known by (CKAN ids, file extensions, …), matched case-insensitively. */
  aliases?: readonly string[];
}

/** A controlled vocabulary with look-ups by URI, code, label in any language, or alias. */
export interface Vocabulary<T extends VocabularyTerm = VocabularyTerm> {
  /** The vocabulary's name, e.g. `data-theme`. */
  readonly name: string;
  /** The URI of the concept scheme. */
  readonly schemeUri: string;
  /** Every term, in a stable order. */
  readonly terms: readonly T[];
  /** The term with this exact URI. */
  byUri(uri: string): T | undefined;
  /** The term matching a URI, code, label (fr/ar/en) or alias, ignoring case and accents. */
  find(text: string): T | undefined;
  /** Whether the URI belongs to this vocabulary. */
  has(uri: string): boolean;
}

/**
 * Folds text for look-ups: lower case, no accents or Arabic diacritics, unified alef/hamza forms,
 * no tatweel, collapsed spaces.
 *
 * @example
 * ```ts
 * foldForLookup('Économie'); // 'economie'
 * ```
 */
export function foldForLookup(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u0649/g, '\u064A')
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .trim();
}

/**
 * Builds a vocabulary with its look-up indexes.
 *
 * @example
 * ```ts
 * const colours = createVocabulary('colour', 'https://example.org/colour', [
 *   { uri: 'https://example.org/colour/RED', code: 'RED', labels: { fr: 'Rouge', ar: 'أحمر', en: 'Red' } },
 * ]);
 * colours.find('rouge')?.code; // 'RED'
 * ```
 */
export function createVocabulary<T extends VocabularyTerm>(name: string, schemeUri: string, terms: readonly T[]): Vocabulary<T> {
  const byUri = new Map<string, T>();
  const byText = new Map<string, T>();
  for (const term of terms) {
    if (!byUri.has(term.uri)) byUri.set(term.uri, term);
  }
  // Codes and URIs first, labels next, aliases last, each pass over every term: an exact
  // identifier of one term always wins over another term's label or alias.
  const passes: ((term: T) => readonly string[])[] = [
    (term) => [term.uri, term.code],
    (term) => Object.values(term.labels),
    (term) => term.aliases ?? [],
  ];
  for (const keys of passes) {
    for (const term of terms) {
      for (const key of keys(term)) {
        const folded = lookupKey(key);
        if (folded !== '' && !byText.has(folded)) byText.set(folded, term);
      }
    }
  }
  return {
    name,
    schemeUri,
    terms,
    byUri: (uri) => byUri.get(uri),
    find: (text) => (typeof text === 'string' ? (byUri.get(text) ?? byText.get(lookupKey(text))) : undefined),
    has: (uri) => byUri.has(uri),
  };
}

// Hyphens and underscores are spelling variants in identifiers (`cc-by`, `CC_BY`, `cc by`).
function lookupKey(text: string): string {
  return foldForLookup(text.length > 500 ? text.slice(0, 500) : text)
    .replace(/-/g, ' ')
    .replace(/ +/g, ' ')
    .trim();
}
