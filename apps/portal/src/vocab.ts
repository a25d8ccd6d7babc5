import type { Locale } from '@bayan/ui';
import type { PortalMessageId } from './messages';

type Labels = Record<Locale, string>;

// EU data-theme authority codes in the three languages of the portal.
const THEMES: Record<string, Labels> = {
  AGRI: { fr: 'Agriculture, pêche et alimentation', ar: 'الفلاحة والصيد والتغذية', en: 'Agriculture, fisheries and food' },
  ECON: { fr: 'Économie et finances', ar: 'الاقتصاد والمالية', en: 'Economy and finance' },
  EDUC: { fr: 'Éducation, culture et sport', ar: 'التعليم والثقافة والرياضة', en: 'Education, culture and sport' },
  ENER: { fr: 'Énergie', ar: 'الطاقة', en: 'Energy' },
  ENVI: { fr: 'Environnement', ar: 'البيئة', en: 'Environment' },
  GOVE: { fr: 'Gouvernement et secteur public', ar: 'الحكومة والقطاع العام', en: 'Government and public sector' },
  HEAL: { fr: 'Santé', ar: 'الصحة', en: 'Health' },
  INTR: { fr: 'Questions internationales', ar: 'القضايا الدولية', en: 'International issues' },
  JUST: { fr: 'Justice et sécurité publique', ar: 'العدل والأمن العام', en: 'Justice and public safety' },
  REGI: { fr: 'Régions et villes', ar: 'الجهات والمدن', en: 'Regions and cities' },
  SOCI: { fr: 'Population et société', ar: 'السكان والمجتمع', en: 'Population and society' },
  TECH: { fr: 'Science et technologie', ar: 'العلوم والتكنولوجيا', en: 'Science and technology' },
  TRAN: { fr: 'Transports', ar: 'النقل', en: 'Transport' },
};

const FREQUENCIES: Record<string, Labels> = {
  ANNUAL: { fr: 'Annuelle', ar: 'سنوية', en: 'Annual' },
  MONTHLY: { fr: 'Mensuelle', ar: 'شهرية', en: 'Monthly' },
  QUARTERLY: { fr: 'Trimestrielle', ar: 'فصلية', en: 'Quarterly' },
  WEEKLY: { fr: 'Hebdomadaire', ar: 'أسبوعية', en: 'Weekly' },
  DAILY: { fr: 'Quotidienne', ar: 'يومية', en: 'Daily' },
  IRREG: { fr: 'Irrégulière', ar: 'غير منتظمة', en: 'Irregular' },
  NEVER: { fr: 'Jamais', ar: 'أبدا', en: 'Never' },
};

/** The last path segment of an authority URI (`…/data-theme/ECON` → `ECON`). */
export function codeOf(uri: string): string {
  return uri.replace(/\/+$/, '').split(/[/#]/).pop() ?? uri;
}

/** Every theme code the portal names. */
export const themeCodes: readonly string[] = Object.keys(THEMES);

/** A theme's name; the code itself when unknown. */
export function themeLabel(code: string, locale: Locale): string {
  return THEMES[codeOf(code)]?.[locale] ?? codeOf(code);
}

/** All three names of a theme, for components that pick the language themselves. */
export function themeLabels(code: string): Labels | string {
  return THEMES[codeOf(code)] ?? codeOf(code);
}

/** A frequency in words. */
export function frequencyLabel(uri: string, locale: Locale): string {
  return FREQUENCIES[codeOf(uri)]?.[locale] ?? codeOf(uri);
}

/** The message naming a licence in plain words. */
export function licenceMessage(uri: string | undefined): PortalMessageId {
  const code = uri ? codeOf(uri).toUpperCase() : '';
  if (code === 'CC_BY_4_0' || code === 'CC-BY-4.0' || code === 'CC_BY') return 'licence.CC_BY_4_0';
  if (code === 'ODC_BL' || code === 'ODC-BY') return 'licence.ODC_BL';
  if (code.startsWith('CC0')) return 'licence.CC0';
  return 'licence.unknown';
}

/** A format name from a file-type URI or media type (`…/file-type/CSV` → `CSV`). */
export function formatName(format: string | undefined, mediaType?: string): string | undefined {
  if (format) return codeOf(format).toUpperCase();
  if (mediaType) return (mediaType.split('/').pop() ?? mediaType).toUpperCase();
  return undefined;
}
