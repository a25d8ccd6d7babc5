import { createVocabulary, type Vocabulary, type VocabularyTerm } from './vocabulary';

const BASE = 'http://publications.europa.eu/resource/authority/language/';

/** A language from the EU language table, with its ISO 639-1 code when it has one. */
export interface LanguageTerm extends VocabularyTerm {
  /** ISO 639-1 two-letter code (`fr`), absent for languages without one (Tamazight). */
  iso6391?: string;
}

function language(code: string, iso6391: string | undefined, fr: string, ar: string, en: string, aliases: string[] = []): LanguageTerm {
  return {
    uri: `${BASE}${code}`,
    code,
    labels: { fr, ar, en },
    aliases: [...(iso6391 ? [iso6391] : []), ...aliases],
    ...(iso6391 ? { iso6391 } : {}),
  };
}

/**
 * The languages Bayan's records use (DCAT-AP `dct:language`): French, Arabic, English, Tamazight
 * (`ZGH`, standard Moroccan Tamazight, and `BER`, Berber languages) and the other official languages
 * of the EU. `find` accepts the EU code (`FRA`), the ISO 639-1 code (`fr`), BCP 47 tags (`fr-MA`)
 * and the language's name in fr, ar or en.
 *
 * @example
 * ```ts
 * euLanguages.find('ar')?.uri;        // 'http://publications.europa.eu/resource/authority/language/ARA'
 * euLanguages.find('Tamazight')?.code; // 'ZGH'
 * ```
 */
export const euLanguages: Vocabulary<LanguageTerm> = withBcp47(
  createVocabulary('language', 'http://publications.europa.eu/resource/authority/language', [
    language('FRA', 'fr', 'Français', 'الفرنسية', 'French', ['francais', 'fre', 'fr-fr', 'fr-ma']),
    language('ARA', 'ar', 'Arabe', 'العربية', 'Arabic', ['arabe', 'ar-ma']),
    language('ENG', 'en', 'Anglais', 'الإنجليزية', 'English', ['anglais']),
    language('ZGH', undefined, 'Tamazight standard marocain', 'الأمازيغية المعيارية المغربية', 'Standard Moroccan Tamazight', [
      'tamazight',
      'amazigh',
      'amazighe',
      'الأمازيغية',
      'ⵜⴰⵎⴰⵣⵉⵖⵜ',
    ]),
    language('BER', undefined, 'Langues berbères', 'اللغات الأمازيغية', 'Berber languages', ['berbere', 'berber']),
    language('SPA', 'es', 'Espagnol', 'الإسبانية', 'Spanish', ['espagnol', 'castellano']),
    language('DEU', 'de', 'Allemand', 'الألمانية', 'German', ['allemand', 'ger', 'deutsch']),
    language('ITA', 'it', 'Italien', 'الإيطالية', 'Italian', ['italien']),
    language('POR', 'pt', 'Portugais', 'البرتغالية', 'Portuguese', ['portugais']),
    language('NLD', 'nl', 'Néerlandais', 'الهولندية', 'Dutch', ['neerlandais', 'dut']),
    language('BUL', 'bg', 'Bulgare', 'البلغارية', 'Bulgarian'),
    language('CES', 'cs', 'Tchèque', 'التشيكية', 'Czech', ['cze']),
    language('DAN', 'da', 'Danois', 'الدنماركية', 'Danish'),
    language('ELL', 'el', 'Grec', 'اليونانية', 'Greek', ['gre']),
    language('EST', 'et', 'Estonien', 'الإستونية', 'Estonian'),
    language('FIN', 'fi', 'Finnois', 'الفنلندية', 'Finnish'),
    language('GLE', 'ga', 'Irlandais', 'الأيرلندية', 'Irish'),
    language('HRV', 'hr', 'Croate', 'الكرواتية', 'Croatian'),
    language('HUN', 'hu', 'Hongrois', 'المجرية', 'Hungarian'),
    language('LAV', 'lv', 'Letton', 'اللاتفية', 'Latvian'),
    language('LIT', 'lt', 'Lituanien', 'الليتوانية', 'Lithuanian'),
    language('MLT', 'mt', 'Maltais', 'المالطية', 'Maltese'),
    language('POL', 'pl', 'Polonais', 'البولندية', 'Polish'),
    language('RON', 'ro', 'Roumain', 'الرومانية', 'Romanian', ['rum']),
    language('SLK', 'sk', 'Slovaque', 'السلوفاكية', 'Slovak', ['slo']),
    language('SLV', 'sl', 'Slovène', 'السلوفينية', 'Slovenian'),
    language('SWE', 'sv', 'Suédois', 'السويدية', 'Swedish'),
  ]),
);

// `fr-CA`, `ar_MA`, `zgh-Tfng`: fall back to the primary language subtag.
function withBcp47(vocabulary: Vocabulary<LanguageTerm>): Vocabulary<LanguageTerm> {
  return {
    ...vocabulary,
    find: (text) => {
      if (typeof text !== 'string') return undefined;
      const found = vocabulary.find(text);
      if (found) return found;
      const m = /^([A-Za-z]{2,3})[-_][A-Za-z0-9-_]{1,20}$/.exec(text.trim());
      return m?.[1] === undefined ? undefined : vocabulary.find(m[1]);
    },
  };
}
