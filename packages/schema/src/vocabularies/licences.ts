import { createVocabulary, type Vocabulary, type VocabularyTerm } from './vocabulary';

const EU = 'http://publications.europa.eu/resource/authority/licence/';

/**
 * Where Bayan names the licence situations CKAN has ids for but no licence document exists
 * (`other-closed`, `notspecified`, …). See docs/decisions/0004-schema-vocabularies.md.
 */
export const BAYAN_LICENCE_BASE = 'https://w3id.org/bayan/licence/';

/** A licence, with whether it meets the Open Definition (free reuse, including commercial). */
export interface LicenceTerm extends VocabularyTerm {
  /** Reuse is free for any purpose, including commercial, possibly with attribution or share-alike. */
  open: boolean;
  /** The licence text's own web page, when the URI is not it. */
  url?: string;
}

function licence(uri: string, code: string, labels: [fr: string, ar: string, en: string], open: boolean, aliases: string[], url?: string): LicenceTerm {
  const [fr, ar, en] = labels;
  return { uri, code, labels: { fr, ar, en }, open, aliases: url ? [url, url.replace(/^https?:/, (p) => (p === 'https:' ? 'http:' : 'https:')), ...aliases] : aliases, ...(url ? { url } : {}) };
}

const TERMS: LicenceTerm[] = [
  licence(`${EU}ODC_BL`, 'ODC_BL', ['Open Database License (ODbL) 1.0', 'رخصة قاعدة البيانات المفتوحة (ODbL) 1.0', 'Open Database License (ODbL) 1.0'], true, ['odc-odbl', 'odbl', 'ODbL-1.0', 'odbl 1.0'], 'https://opendatacommons.org/licenses/odbl/1-0/'),
  licence(`${EU}ODC_BY`, 'ODC_BY', ['Open Data Commons Attribution (ODC-By) 1.0', 'رخصة Open Data Commons للإسناد (ODC-By) 1.0', 'Open Data Commons Attribution License (ODC-By) 1.0'], true, ['odc-by', 'ODC-By-1.0'], 'https://opendatacommons.org/licenses/by/1-0/'),
  licence(`${EU}ODC_PDDL`, 'ODC_PDDL', ['Open Data Commons Public Domain Dedication and License (PDDL) 1.0', 'رخصة الملك العام Open Data Commons (PDDL) 1.0', 'Open Data Commons Public Domain Dedication and License (PDDL) 1.0'], true, ['odc-pddl', 'pddl', 'PDDL-1.0'], 'https://opendatacommons.org/licenses/pddl/1-0/'),
  licence(`${EU}CC0`, 'CC0', ['Creative Commons Zéro (CC0) 1.0 Universel', 'المشاع الإبداعي صفر (CC0) 1.0', 'Creative Commons Zero (CC0) 1.0 Universal'], true, ['cc-zero', 'cc0-1.0', 'cc0 1.0', 'cc zero'], 'https://creativecommons.org/publicdomain/zero/1.0/'),
  licence(`${EU}CC_PDM_1_0`, 'CC_PDM_1_0', ['Marque du domaine public 1.0', 'علامة الملك العام 1.0', 'Public Domain Mark 1.0'], true, ['pdm', 'public domain mark'], 'https://creativecommons.org/publicdomain/mark/1.0/'),
  licence(`${EU}CC_BY_4_0`, 'CC_BY_4_0', ['Creative Commons Attribution 4.0 International (CC BY 4.0)', 'المشاع الإبداعي نسب المصنف 4.0 دولي (CC BY 4.0)', 'Creative Commons Attribution 4.0 International (CC BY 4.0)'], true, ['cc-by', 'cc-by-4.0', 'cc by 4.0', 'cc-by-4'], 'https://creativecommons.org/licenses/by/4.0/'),
  licence(`${EU}CC_BYSA_4_0`, 'CC_BYSA_4_0', ['Creative Commons Attribution - Partage dans les mêmes conditions 4.0 (CC BY-SA 4.0)', 'المشاع الإبداعي نسب المصنف - الترخيص بالمثل 4.0 (CC BY-SA 4.0)', 'Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)'], true, ['cc-by-sa', 'cc-by-sa-4.0', 'cc by sa 4.0'], 'https://creativecommons.org/licenses/by-sa/4.0/'),
  licence(`${EU}CC_BYNC_4_0`, 'CC_BYNC_4_0', ['Creative Commons Attribution - Pas d’utilisation commerciale 4.0 (CC BY-NC 4.0)', 'المشاع الإبداعي نسب المصنف - غير تجاري 4.0 (CC BY-NC 4.0)', 'Creative Commons Attribution-NonCommercial 4.0 International (CC BY-NC 4.0)'], false, ['cc-nc', 'cc-by-nc', 'cc-by-nc-4.0'], 'https://creativecommons.org/licenses/by-nc/4.0/'),
  licence(`${EU}CC_BYND_4_0`, 'CC_BYND_4_0', ['Creative Commons Attribution - Pas de modification 4.0 (CC BY-ND 4.0)', 'المشاع الإبداعي نسب المصنف - منع الاشتقاق 4.0 (CC BY-ND 4.0)', 'Creative Commons Attribution-NoDerivatives 4.0 International (CC BY-ND 4.0)'], false, ['cc-by-nd', 'cc-by-nd-4.0'], 'https://creativecommons.org/licenses/by-nd/4.0/'),
  licence(`${EU}CC_BYNCSA_4_0`, 'CC_BYNCSA_4_0', ['Creative Commons Attribution - Pas d’utilisation commerciale - Partage dans les mêmes conditions 4.0 (CC BY-NC-SA 4.0)', 'المشاع الإبداعي نسب المصنف - غير تجاري - الترخيص بالمثل 4.0 (CC BY-NC-SA 4.0)', 'Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International (CC BY-NC-SA 4.0)'], false, ['cc-by-nc-sa', 'cc-by-nc-sa-4.0'], 'https://creativecommons.org/licenses/by-nc-sa/4.0/'),
  licence(`${EU}CC_BYNCND_4_0`, 'CC_BYNCND_4_0', ['Creative Commons Attribution - Pas d’utilisation commerciale - Pas de modification 4.0 (CC BY-NC-ND 4.0)', 'المشاع الإبداعي نسب المصنف - غير تجاري - منع الاشتقاق 4.0 (CC BY-NC-ND 4.0)', 'Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 International (CC BY-NC-ND 4.0)'], false, ['cc-by-nc-nd', 'cc-by-nc-nd-4.0'], 'https://creativecommons.org/licenses/by-nc-nd/4.0/'),
  licence('https://www.etalab.gouv.fr/licence-ouverte-open-licence', 'ETALAB_2_0', ['Licence Ouverte / Open Licence 2.0 (Etalab)', 'الرخصة المفتوحة 2.0 (إيتالاب)', 'Open Licence 2.0 (Etalab)'], true, ['etalab-2.0', 'lov2', 'fr-lo', 'licence ouverte', 'licence ouverte 2.0', 'open licence 2.0', 'etalab', 'https://www.etalab.gouv.fr/wp-content/uploads/2017/04/ETALAB-Licence-Ouverte-v2.0.pdf']),
  licence(`${EU}OGL_3_0`, 'OGL_3_0', ['Open Government Licence 3.0 (Royaume-Uni)', 'رخصة الحكومة المفتوحة 3.0 (المملكة المتحدة)', 'Open Government Licence 3.0 (UK)'], true, ['uk-ogl', 'ogl-uk-3.0', 'ogl'], 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/'),
  licence(`${EU}GNU_FDL_1_3`, 'GNU_FDL_1_3', ['Licence de documentation libre GNU 1.3', 'رخصة جنو للوثائق الحرة 1.3', 'GNU Free Documentation License 1.3'], true, ['gfdl', 'GFDL-1.3'], 'https://www.gnu.org/licenses/fdl-1.3.html'),
  licence(`${BAYAN_LICENCE_BASE}other-open`, 'other-open', ['Autre licence ouverte', 'رخصة مفتوحة أخرى', 'Other open licence'], true, ['other (open)']),
  licence(`${BAYAN_LICENCE_BASE}other-pd`, 'other-pd', ['Autre (domaine public)', 'أخرى (ملك عام)', 'Other (public domain)'], true, ['other (public domain)']),
  licence(`${BAYAN_LICENCE_BASE}other-at`, 'other-at', ['Autre (attribution)', 'أخرى (مع الإسناد)', 'Other (attribution)'], true, ['other (attribution)']),
  licence(`${BAYAN_LICENCE_BASE}other-nc`, 'other-nc', ['Autre (pas d’utilisation commerciale)', 'أخرى (غير تجاري)', 'Other (non-commercial)'], false, ['other (non-commercial)']),
  licence(`${BAYAN_LICENCE_BASE}other-closed`, 'other-closed', ['Autre (non ouverte)', 'أخرى (غير مفتوحة)', 'Other (not open)'], false, ['other (not open)', 'proprietary', 'proprietaire']),
  licence(`${BAYAN_LICENCE_BASE}notspecified`, 'notspecified', ['Licence non précisée', 'رخصة غير محددة', 'Licence not specified'], false, ['not specified', 'license not specified', 'non specifiee']),
];

const SCHEME = 'http://publications.europa.eu/resource/authority/licence';

/**
 * Builds a licence vocabulary with the standard licences plus a country's or an agency's own
 * (a national open licence, a ministry's terms of use). The extra terms come after the standard
 * ones, so an extra licence never hides a standard one; give it aliases for the ids the national
 * CKAN portal uses.
 *
 * @example
 * ```ts
 * const licences = createLicenceRegistry([
 *   { uri: 'https://data.gov.ma/licence', code: 'MA_OPEN_1_0', open: true, aliases: ['ma-open'],
 *     labels: { fr: 'Licence ouverte du Maroc', ar: 'الرخصة المفتوحة للمغرب', en: 'Morocco open licence' } },
 * ]);
 * licences.find('ma-open')?.open; // true
 * ```
 */
export function createLicenceRegistry(extra: readonly LicenceTerm[] = []): Vocabulary<LicenceTerm> {
  return createVocabulary('licence', SCHEME, [...TERMS, ...extra]);
}

/**
 * The standard licences (ODbL, ODC-By, PDDL, CC0, CC BY 4.0, CC BY-SA 4.0, Licence Ouverte 2.0,
 * the CC non-commercial and no-derivatives variants, and CKAN's `other-*` ids), each with its open
 * flag. `find` accepts the EU code, the CKAN `license_id`, the SPDX id or the licence's URL.
 *
 * @example
 * ```ts
 * licences.find('odc-odbl')?.uri; // 'http://publications.europa.eu/resource/authority/licence/ODC_BL'
 * licences.find('cc-nc')?.open;   // false
 * ```
 */
export const licences: Vocabulary<LicenceTerm> = createLicenceRegistry();
