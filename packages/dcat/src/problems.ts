import type { LocalizedMessage } from '@bayan/schema';

/** One problem met while reading DCAT: which record (subject IRI), what, in fr/ar/en. */
export interface DcatProblem {
  /** The record's subject IRI (or `_:label`), or the document URL / `''` for document-level problems. */
  subject: string;
  /** Stable code, e.g. `syntax`, `literal_too_long`, `xml_entities`, `invalid_record`, `dropped_value`. */
  code: string;
  /** `error`: a record or the rest of the document was skipped; `warning`: a value was dropped or adapted. */
  severity: 'error' | 'warning';
  /** JSON pointer of the field concerned in the Bayan record, when there is one. */
  path?: string;
  /** What was wrong and what happened, in fr, ar and en. */
  message: LocalizedMessage;
}

export function problem(subject: string, code: string, severity: DcatProblem['severity'], message: LocalizedMessage, path?: string): DcatProblem {
  return path === undefined ? { subject, code, severity, message } : { subject, code, severity, path, message };
}

/** Messages, each a function of its details, so every language says the same thing. */
export const messages = {
  syntax: (format: string, detail: string): LocalizedMessage => ({
    fr: `Le document ${format} est mal formé (${detail}) ; la lecture s'arrête là, ce qui précède est conservé.`,
    ar: `وثيقة ${format} غير سليمة البنية (${detail})؛ توقفت القراءة هنا واحتُفظ بما سبق.`,
    en: `The ${format} document is malformed (${detail}); reading stopped there and what came before is kept.`,
  }),
  tooLarge: (limit: number): LocalizedMessage => ({
    fr: `Le document dépasse la taille maximale de ${limit} octets ; la lecture s'arrête.`,
    ar: `تتجاوز الوثيقة الحجم الأقصى البالغ ${limit} بايت؛ توقفت القراءة.`,
    en: `The document exceeds the maximum size of ${limit} bytes; reading stopped.`,
  }),
  literalTooLong: (limit: number): LocalizedMessage => ({
    fr: `Une valeur (texte, IRI ou jeton) dépasse ${limit} caractères ; la lecture s'arrête. Découpez la valeur ou augmentez maxLiteralLength.`,
    ar: `تتجاوز قيمة (نص أو IRI أو رمز) ${limit} حرفا؛ توقفت القراءة. قسّم القيمة أو ارفع maxLiteralLength.`,
    en: `A value (text, IRI or token) is longer than ${limit} characters; reading stopped. Split the value or raise maxLiteralLength.`,
  }),
  tooManyQuads: (limit: number): LocalizedMessage => ({
    fr: `Le document contient plus de ${limit} triplets ; la lecture s'arrête.`,
    ar: `تحتوي الوثيقة على أكثر من ${limit} ثلاثية؛ توقفت القراءة.`,
    en: `The document holds more than ${limit} triples; reading stopped.`,
  }),
  xmlEntities: (): LocalizedMessage => ({
    fr: "Le document XML déclare des entités (<!ENTITY>) : elles sont refusées car elles permettent des attaques par expansion. Retirez le DOCTYPE.",
    ar: 'تعلن وثيقة XML عن كيانات (<!ENTITY>): وهي مرفوضة لأنها تسمح بهجمات التوسيع. احذف DOCTYPE.',
    en: 'The XML document declares entities (<!ENTITY>): they are refused because they allow expansion attacks. Remove the DOCTYPE.',
  }),
  remoteContext: (url: string): LocalizedMessage => ({
    fr: `Le contexte JSON-LD distant ${url} n'est pas chargé (aucun accès réseau) ; fournissez-le dans l'option contexts.`,
    ar: `لم يُحمَّل سياق JSON-LD البعيد ${url} (لا وصول إلى الشبكة)؛ قدّمه في الخيار contexts.`,
    en: `The remote JSON-LD context ${url} is not loaded (no network access); pass it in the contexts option.`,
  }),
  invalidRecord: (detail: string): LocalizedMessage => ({
    fr: `Jeu de données ignoré : ${detail}.`,
    ar: `تم تجاهل مجموعة البيانات: ${detail}.`,
    en: `Dataset skipped: ${detail}.`,
  }),
  droppedValue: (detail: LocalizedMessage): LocalizedMessage => ({
    fr: `Valeur écartée : ${detail.fr}.`,
    ar: `تم استبعاد قيمة: ${detail.ar}.`,
    en: `Value dropped: ${detail.en}.`,
  }),
  otherLanguage: (languages: string, fallback: string): LocalizedMessage => ({
    fr: `Texte sans étiquette fr/ar/en (${languages}) conservé comme « ${fallback} ».`,
    ar: `نص بدون وسم fr/ar/en (${languages}) حُفظ على أنه «${fallback}».`,
    en: `Text without an fr/ar/en tag (${languages}) kept as "${fallback}".`,
  }),
  dateTruncated: (value: string): LocalizedMessage => ({
    fr: `La date-heure ${value} n'a pas de fuseau horaire : seule la date est conservée.`,
    ar: `التاريخ والوقت ${value} بدون منطقة زمنية: احتُفظ بالتاريخ فقط.`,
    en: `The date-time ${value} has no time zone: only the date is kept.`,
  }),
  pageLoop: (url: string): LocalizedMessage => ({
    fr: `La page suivante ${url} a déjà été lue : la pagination boucle, arrêt.`,
    ar: `الصفحة التالية ${url} قُرئت من قبل: الترقيم يدور في حلقة، توقف.`,
    en: `The next page ${url} was already read: the paging loops, stopping.`,
  }),
  pageLimit: (limit: number): LocalizedMessage => ({
    fr: `Limite de ${limit} pages atteinte ; les pages suivantes ne sont pas lues.`,
    ar: `تم بلوغ حد ${limit} صفحة؛ لم تُقرأ الصفحات التالية.`,
    en: `Limit of ${limit} pages reached; later pages are not read.`,
  }),
  pageFailed: (url: string, detail: string): LocalizedMessage => ({
    fr: `La page ${url} n'a pas pu être lue (${detail}).`,
    ar: `تعذرت قراءة الصفحة ${url} (${detail}).`,
    en: `The page ${url} could not be read (${detail}).`,
  }),
};
