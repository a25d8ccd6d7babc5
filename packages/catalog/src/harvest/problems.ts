import type { LocalizedMessage } from '@bayan/schema';

/**
 * One problem met while harvesting: a stable `code`, where (`remoteId` of the record, `path` a
 * JSON pointer or `/rows/12/title_fr` for a spreadsheet cell), and what to do, in fr/ar/en.
 */
export interface HarvestProblem {
  code: string;
  /** `error`: the record (or the page) was not imported; `warning`: a value was dropped or adapted. */
  severity: 'error' | 'warning';
  message: LocalizedMessage;
  /** The record's identifier in the source, when the problem is about one record. */
  remoteId?: string;
  /** Where in the record (JSON pointer), or the page URL for page problems. */
  path?: string;
}

/** Builds a problem. */
export function harvestProblem(code: string, severity: HarvestProblem['severity'], message: LocalizedMessage, where: { remoteId?: string; path?: string } = {}): HarvestProblem {
  const out: HarvestProblem = { code, severity, message };
  if (where.remoteId !== undefined) out.remoteId = where.remoteId;
  if (where.path !== undefined) out.path = where.path;
  return out;
}

/** Messages, each a function of its details, so the three languages say the same thing. */
export const harvestMessages = {
  blockedAddress: (host: string, address: string): LocalizedMessage => ({
    fr: `Adresse refusée : ${host} désigne ${address}, une adresse locale, privée ou de métadonnées. Autorisez les réseaux privés dans la configuration si cette source est interne.`,
    ar: `عنوان مرفوض: ${host} يشير إلى ${address}، وهو عنوان محلي أو خاص أو عنوان بيانات وصفية. اسمح بالشبكات الخاصة في الإعدادات إن كان هذا المصدر داخليا.`,
    en: `Address refused: ${host} resolves to ${address}, a loopback, private or metadata address. Allow private networks in the configuration if this source is internal.`,
  }),
  badUrl: (url: string): LocalizedMessage => ({
    fr: `Adresse invalide ou protocole non pris en charge : ${url} (http ou https attendu).`,
    ar: `عنوان غير صالح أو بروتوكول غير مدعوم: ${url} (المطلوب http أو https).`,
    en: `Invalid address or unsupported protocol: ${url} (http or https expected).`,
  }),
  timeout: (url: string, ms: number): LocalizedMessage => ({
    fr: `La source n’a pas répondu à temps (${ms} ms) : ${url}. Réessayez plus tard ou augmentez le délai.`,
    ar: `لم يستجب المصدر في الوقت المحدد (${ms} مللي ثانية): ${url}. أعد المحاولة لاحقا أو ارفع المهلة.`,
    en: `The source did not answer in time (${ms} ms): ${url}. Try again later or raise the time limit.`,
  }),
  tooLarge: (url: string, limit: number): LocalizedMessage => ({
    fr: `La réponse de ${url} dépasse la taille maximale (${limit} octets) ; elle est ignorée.`,
    ar: `يتجاوز رد ${url} الحجم الأقصى (${limit} بايت)؛ تم تجاهله.`,
    en: `The response from ${url} exceeds the size limit (${limit} bytes); it is ignored.`,
  }),
  httpStatus: (url: string, status: number): LocalizedMessage => ({
    fr: `La source a répondu avec le statut HTTP ${status} : ${url}.`,
    ar: `أجاب المصدر برمز HTTP ${status}: ${url}.`,
    en: `The source answered with HTTP status ${status}: ${url}.`,
  }),
  network: (url: string, detail: string): LocalizedMessage => ({
    fr: `Impossible de joindre la source ${url} (${detail}).`,
    ar: `تعذر الوصول إلى المصدر ${url} (${detail}).`,
    en: `Could not reach the source ${url} (${detail}).`,
  }),
  tooManyRedirects: (url: string): LocalizedMessage => ({
    fr: `Trop de redirections depuis ${url}.`,
    ar: `عدد كبير جدا من إعادات التوجيه انطلاقا من ${url}.`,
    en: `Too many redirects from ${url}.`,
  }),
  badJson: (where: string, detail: string): LocalizedMessage => ({
    fr: `JSON illisible (${where}) : ${detail}.`,
    ar: `JSON غير مقروء (${where}): ${detail}.`,
    en: `Unreadable JSON (${where}): ${detail}.`,
  }),
  jsonTooDeep: (where: string, limit: number): LocalizedMessage => ({
    fr: `Le JSON (${where}) est imbriqué sur plus de ${limit} niveaux ; il est refusé.`,
    ar: `JSON (${where}) متداخل على أكثر من ${limit} مستوى؛ تم رفضه.`,
    en: `The JSON (${where}) is nested more than ${limit} levels deep; it is refused.`,
  }),
  ckanError: (url: string, detail: string): LocalizedMessage => ({
    fr: `L’API CKAN a signalé une erreur sur ${url} : ${detail}.`,
    ar: `أبلغت واجهة CKAN عن خطأ في ${url}: ${detail}.`,
    en: `The CKAN API reported an error on ${url}: ${detail}.`,
  }),
  notCkan: (url: string): LocalizedMessage => ({
    fr: `La réponse de ${url} n’est pas une réponse package_search de l’API CKAN.`,
    ar: `رد ${url} ليس ردا من نوع package_search لواجهة CKAN.`,
    en: `The response from ${url} is not a CKAN package_search response.`,
  }),
  notAPackage: (): LocalizedMessage => ({
    fr: 'Cet élément n’est pas un jeu de données CKAN (objet avec id ou name attendu) ; il est ignoré.',
    ar: 'هذا العنصر ليس مجموعة بيانات CKAN (المطلوب كائن يحوي id أو name)؛ تم تجاهله.',
    en: 'This item is not a CKAN dataset (an object with an id or name was expected); it is skipped.',
  }),
  pageLoop: (url: string): LocalizedMessage => ({
    fr: `La pagination revient sur une page déjà lue (${url}) : la collecte s’arrête là.`,
    ar: `يعود الترقيم إلى صفحة سبقت قراءتها (${url}): توقف الجمع هنا.`,
    en: `Paging points back to a page already read (${url}): gathering stops there.`,
  }),
  pageLimit: (limit: number): LocalizedMessage => ({
    fr: `Limite de ${limit} pages atteinte : la collecte s’arrête là.`,
    ar: `تم بلوغ حد ${limit} صفحة: توقف الجمع هنا.`,
    en: `Limit of ${limit} pages reached: gathering stops there.`,
  }),
  noProgress: (pages: number): LocalizedMessage => ({
    fr: `${pages} pages de suite n’apportent aucun nouvel enregistrement : la pagination tourne en rond, la collecte s’arrête.`,
    ar: `${pages} صفحات متتالية لم تأت بأي سجل جديد: الترقيم يدور في حلقة، توقف الجمع.`,
    en: `${pages} pages in a row brought no new record: paging goes round in circles, gathering stops.`,
  }),
  recordLimit: (limit: number): LocalizedMessage => ({
    fr: `Limite de ${limit} enregistrements atteinte : la collecte s’arrête là.`,
    ar: `تم بلوغ حد ${limit} سجل: توقف الجمع هنا.`,
    en: `Limit of ${limit} records reached: gathering stops there.`,
  }),
  runTimeLimit: (ms: number): LocalizedMessage => ({
    fr: `Durée maximale du moissonnage atteinte (${ms} ms) : le moissonnage s’arrête, ce qui a été importé est conservé.`,
    ar: `تم بلوغ المدة القصوى للحصاد (${ms} مللي ثانية): توقف الحصاد واحتُفظ بما استُورد.`,
    en: `Maximum harvest duration reached (${ms} ms): the run stops, what was imported is kept.`,
  }),
  listingChanged: (expected: number, gathered: number): LocalizedMessage => ({
    fr: `La source annonçait ${expected} enregistrements mais ${gathered} ont été lus : aucun jeu n’est retiré lors de ce moissonnage.`,
    ar: `أعلن المصدر عن ${expected} سجلا لكن قُرئ ${gathered}: لن تُسحب أي مجموعة في هذا الحصاد.`,
    en: `The source announced ${expected} records but ${gathered} were read: nothing is withdrawn in this run.`,
  }),
  importFailed: (detail: string): LocalizedMessage => ({
    fr: `L’enregistrement n’a pas pu être importé : ${detail}.`,
    ar: `تعذر استيراد السجل: ${detail}.`,
    en: `The record could not be imported: ${detail}.`,
  }),
  batchRetried: (count: number, detail: string): LocalizedMessage => ({
    fr: `Un lot de ${count} enregistrements n’a pas pu être écrit d’un bloc (${detail}) ; il a été importé enregistrement par enregistrement.`,
    ar: `تعذرت كتابة دفعة من ${count} سجلا دفعة واحدة (${detail})؛ فاستُوردت سجلا سجلا.`,
    en: `A batch of ${count} records could not be written at once (${detail}); it was imported record by record.`,
  }),
  unknownKind: (kind: string): LocalizedMessage => ({
    fr: `Type de source inconnu : ${kind} (ckan, ckan-dump, dcat ou inventory attendu).`,
    ar: `نوع مصدر غير معروف: ${kind} (المطلوب ckan أو ckan-dump أو dcat أو inventory).`,
    en: `Unknown source kind: ${kind} (ckan, ckan-dump, dcat or inventory expected).`,
  }),
  stuck: (minutes: number): LocalizedMessage => ({
    fr: `Moissonnage bloqué : aucun signe de vie depuis ${minutes} min ; il est arrêté. Relancez-le, il reprendra où il s’était arrêté.`,
    ar: `حصاد عالق: لا نشاط منذ ${minutes} دقيقة؛ تم إيقافه. أعد تشغيله وسيستأنف من حيث توقف.`,
    en: `Stuck harvest: no sign of life for ${minutes} min; it was ended. Run it again and it resumes where it stopped.`,
  }),
  localFilesRefused: (url: string): LocalizedMessage => ({
    fr: `Lecture de fichiers locaux refusée (${url}) : seule la ligne de commande peut lire un fichier local.`,
    ar: `قراءة الملفات المحلية مرفوضة (${url}): سطر الأوامر وحده يمكنه قراءة ملف محلي.`,
    en: `Reading local files is refused (${url}): only the command line may read a local file.`,
  }),
  noOrganization: (): LocalizedMessage => ({
    fr: 'Une entrée d’inventaire a besoin d’une organisation : donnez une organisation propriétaire à la source.',
    ar: 'يحتاج مدخل الجرد إلى مؤسسة: حدد مؤسسة مالكة للمصدر.',
    en: 'An inventory entry needs an organisation: give the source an owner organisation.',
  }),
};
