import { createVocabulary, type VocabularyTerm } from './vocabulary';

const BASE = 'http://publications.europa.eu/resource/authority/frequency/';

/** A frequency term with the ISO 8601 period between two updates, when it has one. */
export interface FrequencyTerm extends VocabularyTerm {
  /** Expected time between updates (ISO 8601 duration), absent for irregular or unknown ones. */
  period?: string;
}

function frequency(code: string, fr: string, ar: string, en: string, period?: string, aliases: string[] = []): FrequencyTerm {
  return { uri: `${BASE}${code}`, code, labels: { fr, ar, en }, aliases, ...(period ? { period } : {}) };
}

/** The EU frequency vocabulary (DCAT-AP `dct:accrualPeriodicity`) with the update period of each term. */
export const frequencies = createVocabulary('frequency', 'http://publications.europa.eu/resource/authority/frequency', [
  frequency('CONT', 'Continue', 'مستمر', 'Continuous', 'PT1M', ['continuous']),
  frequency('UPDATE_CONT', 'Mise à jour continue', 'تحديث مستمر', 'Continuously updated', 'PT1M', ['realtime', 'temps reel']),
  frequency('1MIN', 'Chaque minute', 'كل دقيقة', 'Every minute', 'PT1M'),
  frequency('5MIN', 'Toutes les cinq minutes', 'كل خمس دقائق', 'Every five minutes', 'PT5M'),
  frequency('10MIN', 'Toutes les dix minutes', 'كل عشر دقائق', 'Every ten minutes', 'PT10M'),
  frequency('15MIN', 'Toutes les quinze minutes', 'كل خمس عشرة دقيقة', 'Every fifteen minutes', 'PT15M'),
  frequency('30MIN', 'Toutes les trente minutes', 'كل ثلاثين دقيقة', 'Every thirty minutes', 'PT30M'),
  frequency('HOURLY', 'Toutes les heures', 'كل ساعة', 'Hourly', 'PT1H', ['hourly']),
  frequency('BIHOURLY', 'Toutes les deux heures', 'كل ساعتين', 'Every two hours', 'PT2H'),
  frequency('TRIHOURLY', 'Toutes les trois heures', 'كل ثلاث ساعات', 'Every three hours', 'PT3H'),
  frequency('12HRS', 'Toutes les douze heures', 'كل اثنتي عشرة ساعة', 'Every twelve hours', 'PT12H'),
  frequency('DAILY', 'Quotidienne', 'يومي', 'Daily', 'P1D', ['daily', 'quotidien']),
  frequency('DAILY_2', 'Deux fois par jour', 'مرتين في اليوم', 'Twice a day', 'PT12H'),
  frequency('WEEKLY', 'Hebdomadaire', 'أسبوعي', 'Weekly', 'P1W', ['weekly']),
  frequency('WEEKLY_2', 'Deux fois par semaine', 'مرتين في الأسبوع', 'Twice a week', 'P3D'),
  frequency('WEEKLY_3', 'Trois fois par semaine', 'ثلاث مرات في الأسبوع', 'Three times a week', 'P2D'),
  frequency('BIWEEKLY', 'Toutes les deux semaines', 'كل أسبوعين', 'Biweekly', 'P2W', ['fortnightly']),
  frequency('MONTHLY', 'Mensuelle', 'شهري', 'Monthly', 'P1M', ['monthly', 'mensuel']),
  frequency('MONTHLY_2', 'Deux fois par mois', 'مرتين في الشهر', 'Twice a month', 'P15D'),
  frequency('MONTHLY_3', 'Trois fois par mois', 'ثلاث مرات في الشهر', 'Three times a month', 'P10D'),
  frequency('BIMONTHLY', 'Bimestrielle', 'كل شهرين', 'Bimonthly', 'P2M'),
  frequency('QUARTERLY', 'Trimestrielle', 'فصلي', 'Quarterly', 'P3M', ['quarterly', 'trimestriel']),
  frequency('ANNUAL_2', 'Semestrielle', 'نصف سنوي', 'Semiannual', 'P6M', ['semiannual', 'semestriel']),
  frequency('ANNUAL_3', 'Trois fois par an', 'ثلاث مرات في السنة', 'Three times a year', 'P4M'),
  frequency('ANNUAL', 'Annuelle', 'سنوي', 'Annual', 'P1Y', ['annual', 'yearly', 'annuel']),
  frequency('BIENNIAL', 'Biennale', 'كل سنتين', 'Biennial', 'P2Y'),
  frequency('TRIENNIAL', 'Triennale', 'كل ثلاث سنوات', 'Triennial', 'P3Y'),
  frequency('QUADRENNIAL', 'Quadriennale', 'كل أربع سنوات', 'Quadrennial', 'P4Y'),
  frequency('QUINQUENNIAL', 'Quinquennale', 'كل خمس سنوات', 'Quinquennial', 'P5Y'),
  frequency('DECENNIAL', 'Décennale', 'كل عشر سنوات', 'Decennial', 'P10Y', ['census']),
  frequency('IRREG', 'Irrégulière', 'غير منتظم', 'Irregular', undefined, ['irregular']),
  frequency('OTHER', 'Autre', 'أخرى', 'Other'),
  frequency('NEVER', 'Jamais', 'أبدا', 'Never', undefined, ['never']),
  frequency('AS_NEEDED', 'Selon les besoins', 'حسب الحاجة', 'As needed'),
  frequency('NOT_PLANNED', 'Non planifiée', 'غير مبرمج', 'Not planned'),
  frequency('OP_DATPRO', 'Provisoire', 'مؤقت', 'Provisional data'),
  frequency('UNKNOWN', 'Inconnue', 'غير معروف', 'Unknown', undefined, ['unknown']),
]);
