import type { Language } from '../localizedMessage';
import { dataThemes } from './themes';
import { createVocabulary, type Vocabulary, type VocabularyTerm } from './vocabulary';

/** A portal's own theme, declared by its id and mapped onto one or more EU data themes. */
export interface LocalThemeDeclaration {
  /** The theme's slug (`finances-publiques`), stored in `Dataset.localThemes`. */
  id: string;
  /** Its labels in fr, ar and en. */
  labels: Record<Language, string>;
  /** The EU data theme(s) it belongs to: a code (`ECON`), a URI or a label. */
  euTheme: string | readonly string[];
  /** Other names, e.g. the CKAN group name the current portal uses. */
  aliases?: readonly string[];
}

/** A local theme term: its EU data theme URIs beside the usual URI, code and labels. */
export interface LocalThemeTerm extends VocabularyTerm {
  /** EU data theme URIs this local theme maps onto. */
  euThemes: readonly string[];
}

/** A local theme vocabulary plus the mapping onto EU themes. */
export interface LocalThemes extends Vocabulary<LocalThemeTerm> {
  /** EU data theme URIs for a list of local theme ids, aliases or labels (unknown ones ignored, no duplicates). */
  toEuThemes(localThemes: readonly string[]): string[];
}

/**
 * Declares a portal's own themes and maps each onto EU data themes. Throws on a declaration
 * naming an EU theme that does not exist or a malformed id: that is configuration, checked once
 * at start-up.
 *
 * @param declarations the local themes
 * @param baseUri prefix of each local theme's URI (default `https://w3id.org/bayan/theme/`)
 * @example
 * ```ts
 * const themes = createLocalThemes([
 *   { id: 'finances-publiques', labels: { fr: 'Finances publiques', ar: 'المالية العمومية', en: 'Public finance' }, euTheme: 'ECON' },
 * ]);
 * themes.toEuThemes(['finances-publiques']); // ['http://publications.europa.eu/resource/authority/data-theme/ECON']
 * ```
 */
export function createLocalThemes(declarations: readonly LocalThemeDeclaration[], baseUri = 'https://w3id.org/bayan/theme/'): LocalThemes {
  const terms = declarations.map((d): LocalThemeTerm => {
    if (!/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(d.id)) {
      throw new Error(`local theme id "${d.id}" must use only a-z, 0-9 and hyphens`);
    }
    const names = typeof d.euTheme === 'string' ? [d.euTheme] : d.euTheme;
    const euThemes = names.map((name) => {
      const eu = dataThemes.find(name);
      if (!eu) throw new Error(`local theme "${d.id}": "${name}" is not an EU data theme`);
      return eu.uri;
    });
    return { uri: `${baseUri}${d.id}`, code: d.id, labels: { ...d.labels }, aliases: d.aliases ?? [], euThemes };
  });
  const vocabulary = createVocabulary('local-theme', baseUri, terms);
  return {
    ...vocabulary,
    toEuThemes: (localThemes) => {
      const uris = new Set<string>();
      for (const name of localThemes) {
        for (const uri of vocabulary.find(name)?.euThemes ?? []) uris.add(uri);
      }
      return [...uris];
    },
  };
}
