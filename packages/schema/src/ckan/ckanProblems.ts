import type { LocalizedMessage } from '../localizedMessage';
import { safeStringify, type CkanProblem } from './ckanPackage';

// Messages for what the CKAN mapping reports. `{value}` and `{detail}` are filled in; values are
// quoted and cut to 200 characters so a hostile record cannot make a report huge.

const MESSAGES = {
  not_a_package: {
    fr: 'ce n’est pas un jeu de données CKAN (un objet avec name, title, resources…)',
    ar: 'ليس مجموعة بيانات CKAN (كائن يحتوي على name وtitle وresources…)',
    en: 'this is not a CKAN dataset (an object with name, title, resources…)',
  },
  missing_title: {
    fr: 'pas de titre : le nom {value} est utilisé à la place',
    ar: 'لا يوجد عنوان: استُعمل الاسم {value} بدلا منه',
    en: 'no title: the name {value} is used instead',
  },
  missing_description: {
    fr: 'pas de description : le titre est utilisé à la place ; ajoutez une vraie description',
    ar: 'لا يوجد وصف: استُعمل العنوان بدلا منه؛ أضف وصفا حقيقيا',
    en: 'no description: the title is used instead; add a real description',
  },
  other_language: {
    fr: 'texte en {value}, langue que Bayan ne gère pas : conservé dans extras « {detail} »',
    ar: 'نص بلغة {value} التي لا يدعمها بيان: حُفظ في extras «{detail}»',
    en: 'text in {value}, a language Bayan does not hold: kept in extras "{detail}"',
  },
  untranslatable_text: {
    fr: 'texte seulement en {value}, langue que Bayan ne gère pas : ignoré ({detail})',
    ar: 'نص بلغة {value} فقط، وهي لغة لا يدعمها بيان: تم تجاهله ({detail})',
    en: 'text only in {value}, a language Bayan does not hold: left out ({detail})',
  },
  truncated: {
    fr: 'texte trop long, coupé à {value} caractères',
    ar: 'نص طويل جدا، قُطع عند {value} حرفا',
    en: 'text too long, cut at {value} characters',
  },
  renamed_slug: {
    fr: 'le nom {value} contient des caractères non permis dans une adresse : devenu {detail}',
    ar: 'الاسم {value} يحتوي على أحرف غير مسموح بها في العنوان: أصبح {detail}',
    en: 'the name {value} has characters not allowed in a URL: it became {detail}',
  },
  invalid_url: {
    fr: '{value} n’est pas une adresse http(s) complète : ignorée',
    ar: '{value} ليس عنوانا كاملا يبدأ بـ http(s): تم تجاهله',
    en: '{value} is not an absolute http(s) URL: left out',
  },
  dropped_resource: {
    fr: 'ressource sans adresse http(s) utilisable ({value}) : non importée',
    ar: 'مورد بدون عنوان http(s) صالح ({value}): لم يُستورد',
    en: 'resource without a usable http(s) URL ({value}): not imported',
  },
  unknown_format: {
    fr: 'format {value} inconnu : ignoré',
    ar: 'الصيغة {value} غير معروفة: تم تجاهلها',
    en: 'unknown format {value}: left out',
  },
  unknown_licence: {
    fr: 'licence {value} inconnue : conservée dans extras « license_id » ; déclarez-la avec createLicenceRegistry',
    ar: 'الرخصة {value} غير معروفة: حُفظت في extras «license_id»؛ صرّح بها عبر createLicenceRegistry',
    en: 'unknown licence {value}: kept in extras "license_id"; declare it with createLicenceRegistry',
  },
  unknown_language: {
    fr: 'langue {value} inconnue : ignorée',
    ar: 'اللغة {value} غير معروفة: تم تجاهلها',
    en: 'unknown language {value}: left out',
  },
  unknown_frequency: {
    fr: 'fréquence {value} inconnue : ignorée',
    ar: 'الوتيرة {value} غير معروفة: تم تجاهلها',
    en: 'unknown frequency {value}: left out',
  },
  unmapped_group: {
    fr: 'le groupe {value} ne correspond à aucun thème européen : gardé comme thème local ; ajoutez-le à la table groupThemes',
    ar: 'المجموعة {value} لا تقابل أي موضوع أوروبي: احتُفظ بها كموضوع محلي؛ أضفها إلى جدول groupThemes',
    en: 'group {value} matches no EU theme: kept as a local theme; add it to the groupThemes table',
  },
  dropped_group: {
    fr: 'le groupe {value} ne correspond à aucun thème et n’est pas un identifiant valide : ignoré',
    ar: 'المجموعة {value} لا تقابل أي موضوع وليست معرفا صالحا: تم تجاهلها',
    en: 'group {value} matches no theme and is not a valid id: left out',
  },
  invalid_date: {
    fr: '{value} n’est pas une date ISO 8601 : ignorée',
    ar: '{value} ليس تاريخا بصيغة ISO 8601: تم تجاهله',
    en: '{value} is not an ISO 8601 date: left out',
  },
  invalid_hash: {
    fr: 'empreinte {value} non reconnue (md5, sha1, sha256, sha384, sha512 attendus) : ignorée',
    ar: 'البصمة {value} غير معروفة (المتوقع md5 أو sha1 أو sha256 أو sha384 أو sha512): تم تجاهلها',
    en: 'hash {value} not recognised (md5, sha1, sha256, sha384, sha512 expected): left out',
  },
  invalid_size: {
    fr: 'taille {value} invalide (un nombre entier d’octets est attendu) : ignorée',
    ar: 'الحجم {value} غير صالح (المتوقع عدد صحيح من البايتات): تم تجاهله',
    en: 'size {value} is not a whole number of bytes: left out',
  },
  invalid_spatial: {
    fr: 'couverture spatiale {value} illisible : gardée comme libellé',
    ar: 'التغطية المكانية {value} غير مقروءة: احتُفظ بها كتسمية',
    en: 'spatial coverage {value} unreadable: kept as a label',
  },
  dropped_value: {
    fr: 'valeur rejetée par le modèle Bayan ({detail}) : ignorée',
    ar: 'قيمة رفضها نموذج بيان ({detail}): تم تجاهلها',
    en: 'value rejected by the Bayan model ({detail}): left out',
  },
} as const;

/** The codes `fromCkanPackage` reports. */
export type CkanProblemCode = keyof typeof MESSAGES;

function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : (safeStringify(value) ?? typeof value);
  return `"${text.length > 200 ? `${text.slice(0, 200)}…` : text}"`;
}

export function ckanProblem(path: string, code: CkanProblemCode, value?: unknown, detail?: string | LocalizedMessage): CkanProblem {
  const template = MESSAGES[code];
  const fill = (language: keyof LocalizedMessage) => {
    const d = detail === undefined ? '' : typeof detail === 'string' ? detail : detail[language];
    return template[language].replace('{value}', value === undefined ? '' : quote(value)).replace('{detail}', d);
  };
  return { path, code, message: { fr: fill('fr'), ar: fill('ar'), en: fill('en') } };
}
