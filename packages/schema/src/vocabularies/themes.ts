import { createVocabulary, type VocabularyTerm } from './vocabulary';

const BASE = 'http://publications.europa.eu/resource/authority/data-theme/';

function theme(code: string, fr: string, ar: string, en: string, aliases: string[] = []): VocabularyTerm {
  return { uri: `${BASE}${code}`, code, labels: { fr, ar, en }, aliases };
}

/** The 13 EU data themes (DCAT-AP `dcat:theme`), with labels in fr, ar and en. */
export const dataThemes = createVocabulary('data-theme', 'http://publications.europa.eu/resource/authority/data-theme', [
  theme('AGRI', 'Agriculture, pêche, sylviculture et alimentation', 'الفلاحة والصيد البحري والغابات والتغذية', 'Agriculture, fisheries, forestry and food', ['agriculture']),
  theme('ECON', 'Économie et finances', 'الاقتصاد والمالية', 'Economy and finance', ['economie', 'finance', 'finances', 'economy']),
  theme('EDUC', 'Éducation, culture et sport', 'التعليم والثقافة والرياضة', 'Education, culture and sport', ['education', 'culture', 'sport']),
  theme('ENER', 'Énergie', 'الطاقة', 'Energy'),
  theme('ENVI', 'Environnement', 'البيئة', 'Environment'),
  theme('GOVE', 'Gouvernement et secteur public', 'الحكومة والقطاع العام', 'Government and public sector', ['gouvernement', 'government']),
  theme('HEAL', 'Santé', 'الصحة', 'Health'),
  theme('INTR', 'Questions internationales', 'القضايا الدولية', 'International issues', ['international']),
  theme('JUST', 'Justice, système juridique et sécurité publique', 'العدل والنظام القضائي والأمن العمومي', 'Justice, legal system and public safety', ['justice']),
  theme('REGI', 'Régions et villes', 'الجهات والمدن', 'Regions and cities', ['regions', 'villes', 'cities']),
  theme('SOCI', 'Population et société', 'السكان والمجتمع', 'Population and society', ['population', 'society', 'societe']),
  theme('TECH', 'Science et technologie', 'العلوم والتكنولوجيا', 'Science and technology', ['science', 'technologie', 'technology']),
  theme('TRAN', 'Transports', 'النقل', 'Transport', ['transport']),
]);
