import type { LocalizedMessage } from '@bayan/schema';

// Every sentence a person reads, in fr, ar and en. Sentences are whole: numbers are the only
// values filled in ({n}-style placeholders), and they sit after a colon so that no language needs
// plural forms. messages.test.ts checks that nothing is missing or empty.

function m(fr: string, ar: string, en: string): LocalizedMessage {
  return { fr, ar, en };
}

// Filled messages are memoised per template (bounded): a catalogue's reports repeat the same
// few values ("1 of 2", a due date), and filling is otherwise the scorer's costliest step.
const filled = new WeakMap<LocalizedMessage, Map<string, LocalizedMessage>>();
const FILL_LIMIT = 2048;

/** Fills `{name}` placeholders with numbers or short codes, in every language. Treat the result as read-only. */
export function fill(message: LocalizedMessage, values: Readonly<Record<string, string | number>>): LocalizedMessage {
  let key = '';
  for (const name in values) key += `${name}\u0000${values[name]}\u0000`;
  let memo = filled.get(message);
  if (memo === undefined) {
    memo = new Map();
    filled.set(message, memo);
  }
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const replace = (text: string) => text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
  const result = { fr: replace(message.fr), ar: replace(message.ar), en: replace(message.en) };
  if (memo.size >= FILL_LIMIT) memo.clear();
  memo.set(key, result);
  return result;
}

/** Names of the MQA dimensions. */
export const dimensionLabels: Readonly<Record<string, LocalizedMessage>> = {
  findability: m('Trouvabilité', 'قابلية الإيجاد', 'Findability'),
  accessibility: m('Accessibilité', 'قابلية الوصول', 'Accessibility'),
  interoperability: m('Interopérabilité', 'قابلية التشغيل البيني', 'Interoperability'),
  reusability: m('Réutilisabilité', 'قابلية إعادة الاستخدام', 'Reusability'),
  contextuality: m('Contexte', 'السياق', 'Contextuality'),
  udata: m('Critères data.gouv.fr', 'معايير data.gouv.fr', 'data.gouv.fr criteria'),
  custom: m('Critères propres', 'معايير خاصة', 'Own criteria'),
};

/** Names of the bands. */
export const bandLabels = {
  excellent: m('Excellent', 'ممتاز', 'Excellent'),
  good: m('Bon', 'جيد', 'Good'),
  sufficient: m('Suffisant', 'كاف', 'Sufficient'),
  bad: m('Insuffisant', 'ضعيف', 'Bad'),
} as const;

/** Label and fix hint of each MQA metric (the hint used when the field is simply missing). */
export const mqaMetricMessages: Readonly<Record<string, { label: LocalizedMessage; hint: LocalizedMessage }>> = {
  keywordAvailability: {
    label: m('Mots-clés', 'الكلمات المفتاحية', 'Keywords'),
    hint: m('Ajoutez au moins un mot-clé.', 'أضف كلمة مفتاحية واحدة على الأقل.', 'Add at least one keyword.'),
  },
  categoryAvailability: {
    label: m('Thèmes', 'المواضيع', 'Themes'),
    hint: m('Choisissez au moins un thème de données européen.', 'اختر موضوعا أوروبيا واحدا على الأقل.', 'Choose at least one EU data theme.'),
  },
  spatialAvailability: {
    label: m('Couverture géographique', 'التغطية الجغرافية', 'Spatial coverage'),
    hint: m('Indiquez la zone géographique couverte.', 'حدد المنطقة الجغرافية التي تغطيها البيانات.', 'State the geographic area covered.'),
  },
  temporalAvailability: {
    label: m('Couverture temporelle', 'التغطية الزمنية', 'Temporal coverage'),
    hint: m('Indiquez la période couverte (début et/ou fin).', 'حدد الفترة الزمنية التي تغطيها البيانات (البداية و/أو النهاية).', 'State the period covered (start and/or end).'),
  },
  accessUrlStatusCode: {
    label: m('Lien d’accès joignable', 'رابط الولوج متاح', 'Access URL reachable'),
    hint: m('Corrigez le lien d’accès pour qu’il réponde.', 'صحح رابط الولوج حتى يستجيب.', 'Fix the access URL so that it answers.'),
  },
  downloadUrlAvailability: {
    label: m('Lien de téléchargement', 'رابط التحميل', 'Download URL'),
    hint: m('Ajoutez le lien de téléchargement direct du fichier.', 'أضف رابط التحميل المباشر للملف.', 'Add the direct download URL of the file.'),
  },
  downloadUrlStatusCode: {
    label: m('Lien de téléchargement joignable', 'رابط التحميل متاح', 'Download URL reachable'),
    hint: m('Ajoutez un lien de téléchargement qui répond.', 'أضف رابط تحميل يستجيب.', 'Add a download URL that answers.'),
  },
  formatAvailability: {
    label: m('Format', 'الصيغة', 'Format'),
    hint: m('Indiquez le format de chaque distribution.', 'حدد صيغة كل توزيع.', 'Set the format of every distribution.'),
  },
  mediaTypeAvailability: {
    label: m('Type de média', 'نوع الوسائط', 'Media type'),
    hint: m('Indiquez le type de média (par exemple text/csv) de chaque distribution.', 'حدد نوع الوسائط (مثلا text/csv) لكل توزيع.', 'Set the media type (e.g. text/csv) of every distribution.'),
  },
  formatMediaTypeVocabularyAlignment: {
    label: m('Format et type de média normalisés', 'صيغة ونوع وسائط من المعاجم المرجعية', 'Format and media type from vocabularies'),
    hint: m(
      'Choisissez le format dans la liste européenne des types de fichiers et un type de média IANA.',
      'اختر الصيغة من القائمة الأوروبية لأنواع الملفات ونوع وسائط من سجل IANA.',
      'Pick the format from the EU file-type list and an IANA media type.',
    ),
  },
  formatMediaTypeNonProprietary: {
    label: m('Format non propriétaire', 'صيغة غير مملوكة', 'Non-proprietary format'),
    hint: m('Publiez aussi les données dans un format non propriétaire (CSV, JSON, GeoJSON…).', 'انشر البيانات أيضا بصيغة غير مملوكة (CSV أو JSON أو GeoJSON…).', 'Also publish the data in a non-proprietary format (CSV, JSON, GeoJSON…).'),
  },
  formatMediaTypeMachineInterpretable: {
    label: m('Format lisible par machine', 'صيغة مقروءة آليا', 'Machine-readable format'),
    hint: m('Publiez aussi les données dans un format lisible par machine (CSV, JSON, XML…).', 'انشر البيانات أيضا بصيغة مقروءة آليا (CSV أو JSON أو XML…).', 'Also publish the data in a machine-readable format (CSV, JSON, XML…).'),
  },
  dcatApCompliance: {
    label: m('Conformité DCAT-AP', 'المطابقة لـ DCAT-AP', 'DCAT-AP compliance'),
    hint: m('Corrigez les erreurs signalées par la validation DCAT-AP.', 'صحح الأخطاء التي أظهرها التحقق من DCAT-AP.', 'Fix the errors the DCAT-AP validation reports.'),
  },
  licenceAvailability: {
    label: m('Licence', 'الرخصة', 'Licence'),
    hint: m('Indiquez la licence de chaque distribution.', 'حدد رخصة كل توزيع.', 'Set the licence of every distribution.'),
  },
  knownLicence: {
    label: m('Licence connue', 'رخصة معروفة', 'Known licence'),
    hint: m('Choisissez une licence de la liste (par exemple ODbL ou CC BY 4.0).', 'اختر رخصة من القائمة (مثلا ODbL أو CC BY 4.0).', 'Choose a licence from the list (e.g. ODbL or CC BY 4.0).'),
  },
  accessRightsAvailability: {
    label: m('Droits d’accès', 'حقوق الولوج', 'Access rights'),
    hint: m('Indiquez les droits d’accès (public, restreint ou non public).', 'حدد حقوق الولوج (عمومي أو مقيد أو غير عمومي).', 'State the access rights (public, restricted or non-public).'),
  },
  accessRightsVocabularyAlignment: {
    label: m('Droits d’accès normalisés', 'حقوق ولوج من المعجم الأوروبي', 'Access rights from the EU vocabulary'),
    hint: m('Choisissez les droits d’accès dans le vocabulaire européen.', 'اختر حقوق الولوج من المعجم الأوروبي.', 'Pick the access rights from the EU vocabulary.'),
  },
  contactPointAvailability: {
    label: m('Point de contact', 'جهة الاتصال', 'Contact point'),
    hint: m('Ajoutez un point de contact (e-mail, téléphone ou formulaire).', 'أضف جهة اتصال (بريد إلكتروني أو هاتف أو استمارة).', 'Add a contact point (e-mail, phone or form).'),
  },
  publisherAvailability: {
    label: m('Éditeur', 'الناشر', 'Publisher'),
    hint: m('Indiquez l’organisme qui publie les données.', 'حدد الهيئة التي تنشر البيانات.', 'Name the organisation that publishes the data.'),
  },
  rightsAvailability: {
    label: m('Mention des droits', 'بيان الحقوق', 'Rights statement'),
    hint: m('Ajoutez une mention des droits à chaque distribution.', 'أضف بيانا للحقوق إلى كل توزيع.', 'Add a rights statement to every distribution.'),
  },
  byteSizeAvailability: {
    label: m('Taille du fichier', 'حجم الملف', 'File size'),
    hint: m('Indiquez la taille du fichier en octets.', 'حدد حجم الملف بالبايت.', 'State the file size in bytes.'),
  },
  dateIssuedAvailability: {
    label: m('Date de publication', 'تاريخ النشر', 'Issue date'),
    hint: m('Indiquez la date de première publication.', 'حدد تاريخ النشر الأول.', 'State the date of first publication.'),
  },
  dateModifiedAvailability: {
    label: m('Date de mise à jour', 'تاريخ التحديث', 'Modification date'),
    hint: m('Indiquez la date de dernière mise à jour.', 'حدد تاريخ آخر تحديث.', 'State the date of the last update.'),
  },
};

/** Reasons a metric was not fully earned. Placeholders: {missing}, {total}, {status}. */
export const reasonMessages = {
  missing: m('Ce champ est vide.', 'هذا الحقل فارغ.', 'This field is empty.'),
  missing_on_some: m(
    'Distributions sans cette information : {missing} sur {total}.',
    'التوزيعات التي تنقصها هذه المعلومة: {missing} من أصل {total}.',
    'Distributions without it: {missing} of {total}.',
  ),
  no_distribution: m('Le jeu de données n’a aucune distribution.', 'مجموعة البيانات لا تحتوي على أي توزيع.', 'The dataset has no distribution.'),
  not_checked: m('Le lien n’a pas encore été vérifié.', 'لم يتم التحقق من الرابط بعد.', 'The link has not been checked yet.'),
  unreachable: m('Le lien ne répond pas correctement (statut HTTP : {status}).', 'الرابط لا يستجيب بشكل صحيح (رمز HTTP: {status}).', 'The link does not answer properly (HTTP status: {status}).'),
  link_error: m('Le lien est injoignable (erreur réseau).', 'تعذر الوصول إلى الرابط (خطأ في الشبكة).', 'The link cannot be reached (network error).'),
  no_download_url: m('La distribution n’a pas de lien de téléchargement.', 'التوزيع لا يحتوي على رابط تحميل.', 'The distribution has no download URL.'),
  compliance_unknown: m('La conformité DCAT-AP n’a pas encore été vérifiée.', 'لم يتم التحقق من المطابقة لـ DCAT-AP بعد.', 'DCAT-AP compliance has not been checked yet.'),
  not_compliant: m('La fiche ne respecte pas les règles DCAT-AP.', 'البطاقة لا تحترم قواعد DCAT-AP.', 'The record does not pass the DCAT-AP rules.'),
  not_in_vocabulary: m('La valeur n’appartient pas au vocabulaire contrôlé.', 'القيمة لا تنتمي إلى المعجم المرجعي.', 'The value is not in the controlled vocabulary.'),
  unknown_format: m('Le format n’est pas reconnu.', 'الصيغة غير معروفة.', 'The format is not recognised.'),
  proprietary: m('Le format est propriétaire.', 'الصيغة مملوكة لجهة واحدة.', 'The format is proprietary.'),
  not_machine_readable: m('Le format n’est pas lisible par une machine.', 'الصيغة غير مقروءة آليا.', 'The format is not machine-readable.'),
  unknown_licence: m('La licence ne figure pas dans la liste des licences connues.', 'الرخصة غير موجودة في قائمة الرخص المعروفة.', 'The licence is not in the list of known licences.'),
  predicate_failed: m('La condition n’est pas remplie.', 'الشرط غير مستوفى.', 'The condition is not met.'),
} as const;

/** Reason codes. */
export type ReasonCode = keyof typeof reasonMessages;

/** Hints that depend on the reason rather than the metric (a missing check is fixed the same way everywhere). */
export const reasonHints: Partial<Record<ReasonCode, LocalizedMessage>> = {
  no_distribution: m('Ajoutez une distribution (un fichier ou un lien vers les données).', 'أضف توزيعا (ملفا أو رابطا نحو البيانات).', 'Add a distribution (a file or a link to the data).'),
  not_checked: m('Lancez la vérification des liens.', 'شغّل التحقق من الروابط.', 'Run the link check.'),
  unreachable: m('Corrigez le lien ou remplacez-le par une adresse qui répond.', 'صحح الرابط أو عوضه بعنوان يستجيب.', 'Fix the link or replace it with an address that answers.'),
  link_error: m('Corrigez le lien ou remplacez-le par une adresse qui répond.', 'صحح الرابط أو عوضه بعنوان يستجيب.', 'Fix the link or replace it with an address that answers.'),
  compliance_unknown: m('Lancez la validation DCAT-AP.', 'شغّل التحقق من المطابقة لـ DCAT-AP.', 'Run the DCAT-AP validation.'),
  unknown_format: m('Choisissez le format dans la liste des types de fichiers.', 'اختر الصيغة من قائمة أنواع الملفات.', 'Pick the format from the file-type list.'),
  unknown_licence: m('Choisissez une licence de la liste (par exemple ODbL ou CC BY 4.0).', 'اختر رخصة من القائمة (مثلا ODbL أو CC BY 4.0).', 'Choose a licence from the list (e.g. ODbL or CC BY 4.0).'),
};

/** Labels and hints of the nine data.gouv.fr (uData) criteria. */
export const udataMessages: Readonly<Record<string, { label: LocalizedMessage; hint: LocalizedMessage; reason: LocalizedMessage }>> = {
  license: {
    label: m('Licence renseignée', 'الرخصة محددة', 'Licence set'),
    hint: m('Indiquez une licence sur les ressources.', 'حدد رخصة للموارد.', 'Set a licence on the resources.'),
    reason: m('Aucune ressource n’a de licence.', 'لا يحتوي أي مورد على رخصة.', 'No resource has a licence.'),
  },
  temporalCoverage: {
    label: m('Couverture temporelle', 'التغطية الزمنية', 'Temporal coverage'),
    hint: m('Indiquez la période couverte.', 'حدد الفترة الزمنية المغطاة.', 'State the period covered.'),
    reason: m('La couverture temporelle est vide.', 'التغطية الزمنية فارغة.', 'The temporal coverage is empty.'),
  },
  spatialCoverage: {
    label: m('Couverture géographique', 'التغطية الجغرافية', 'Spatial coverage'),
    hint: m('Indiquez la zone géographique couverte.', 'حدد المنطقة الجغرافية المغطاة.', 'State the geographic area covered.'),
    reason: m('La couverture géographique est vide.', 'التغطية الجغرافية فارغة.', 'The spatial coverage is empty.'),
  },
  updateFrequency: {
    label: m('Fréquence de mise à jour', 'وتيرة التحديث', 'Update frequency'),
    hint: m('Indiquez la fréquence de mise à jour.', 'حدد وتيرة التحديث.', 'State the update frequency.'),
    reason: m('La fréquence est absente ou inconnue.', 'الوتيرة غير محددة أو غير معروفة.', 'The frequency is missing or unknown.'),
  },
  updateFulfilledInTime: {
    label: m('Mise à jour à temps', 'التحديث في الموعد', 'Updated on time'),
    hint: m('Mettez les données à jour et la date de mise à jour.', 'حدّث البيانات وتاريخ التحديث.', 'Update the data and the modification date.'),
    reason: m('La mise à jour attendue est en retard ou ne peut pas être calculée.', 'التحديث المنتظر متأخر أو لا يمكن حسابه.', 'The expected update is late or cannot be computed.'),
  },
  descriptionLength: {
    label: m('Description détaillée', 'وصف مفصل', 'Detailed description'),
    hint: m('Rédigez une description de plus de 100 caractères.', 'اكتب وصفا يتجاوز 100 حرف.', 'Write a description longer than 100 characters.'),
    reason: m('La description fait 100 caractères ou moins.', 'الوصف لا يتجاوز 100 حرف.', 'The description is 100 characters or shorter.'),
  },
  hasOpenFormat: {
    label: m('Au moins un format ouvert', 'صيغة مفتوحة واحدة على الأقل', 'At least one open format'),
    hint: m('Publiez au moins une ressource dans un format ouvert (CSV, JSON…).', 'انشر موردا واحدا على الأقل بصيغة مفتوحة (CSV أو JSON…).', 'Publish at least one resource in an open format (CSV, JSON…).'),
    reason: m('Aucune ressource n’est dans un format ouvert.', 'لا يوجد أي مورد بصيغة مفتوحة.', 'No resource is in an open format.'),
  },
  allResourcesAvailable: {
    label: m('Ressources disponibles', 'الموارد متاحة', 'Resources available'),
    hint: m('Corrigez les liens des ressources, puis relancez la vérification des liens.', 'صحح روابط الموارد ثم أعد التحقق من الروابط.', 'Fix the resources’ links, then run the link check again.'),
    reason: m('Au moins un lien ne répond pas ou n’a pas été vérifié.', 'رابط واحد على الأقل لا يستجيب أو لم يتم التحقق منه.', 'At least one link does not answer or has not been checked.'),
  },
  resourcesDocumentation: {
    label: m('Ressources documentées', 'الموارد موثقة', 'Resources documented'),
    hint: m('Décrivez une ressource ou ajoutez une documentation.', 'أضف وصفا لأحد الموارد أو وثيقة توضيحية.', 'Describe a resource or add documentation.'),
    reason: m('Aucune ressource n’est décrite ni documentée.', 'لا يوجد أي مورد موصوف أو موثق.', 'No resource is described or documented.'),
  },
};

/** Reason given by the uData criteria that only apply when the dataset has resources. */
export const udataNoResource = m('Le jeu de données n’a aucune ressource.', 'مجموعة البيانات لا تحتوي على أي مورد.', 'The dataset has no resource.');
/** Hint given by the uData criteria that only apply when the dataset has resources. */
export const udataAddResource = m('Ajoutez une ressource (un fichier ou un lien vers les données).', 'أضف موردا (ملفا أو رابطا نحو البيانات).', 'Add a resource (a file or a link to the data).');

/** Timeliness sentences. Placeholders: {due}, {days}. */
export const timelinessMessages = {
  up_to_date: m('À jour : prochaine mise à jour attendue le {due}.', 'محدثة: التحديث المقبل منتظر في {due}.', 'Up to date: next update due on {due}.'),
  overdue: m('En retard : la mise à jour était attendue le {due} (jours de retard : {days}).', 'متأخرة: كان التحديث منتظرا في {due} (أيام التأخير: {days}).', 'Overdue: the update was due on {due} (days late: {days}).'),
  no_schedule: m('Pas de calendrier de mise à jour pour cette fréquence.', 'لا يوجد جدول تحديث لهذه الوتيرة.', 'This frequency has no update schedule.'),
  no_frequency: m('La fréquence de mise à jour n’est pas connue.', 'وتيرة التحديث غير معروفة.', 'The update frequency is not known.'),
  no_date: m('Aucune date de publication ou de mise à jour n’est indiquée.', 'لم يتم تحديد أي تاريخ نشر أو تحديث.', 'No issue or modification date is given.'),
} as const;

/** Data-quality (validation report) explanations. Placeholders: {rows}, {total}, {deduction}, {count}. */
export const dataMessages = {
  valid: m('Aucune erreur : toutes les lignes sont valides.', 'لا توجد أخطاء: جميع الأسطر صالحة.', 'No errors: every row is valid.'),
  unreadable: m('Le fichier ne peut pas être lu : score 0.', 'تعذرت قراءة الملف: النتيجة 0.', 'The file cannot be read: score 0.'),
  unreadable_hint: m(
    'Vérifiez le lien, le format et l’encodage (UTF-8) du fichier, puis relancez la validation.',
    'تحقق من الرابط والصيغة والترميز (UTF-8) ثم أعد التحقق.',
    'Check the file’s link, format and encoding (UTF-8), then validate again.',
  ),
  rows_affected: m('Lignes touchées : {rows} sur {total} ; points retirés : {deduction}.', 'الأسطر المعنية: {rows} من أصل {total}؛ النقاط المخصومة: {deduction}.', 'Rows affected: {rows} of {total}; points taken off: {deduction}.'),
  whole_table: m('Erreurs qui touchent tout le tableau : {count} ; points retirés : {deduction}.', 'أخطاء تخص الجدول كله: {count}؛ النقاط المخصومة: {deduction}.', 'Errors about the whole table: {count}; points taken off: {deduction}.'),
  bad_report: m('Le rapport de validation est illisible.', 'تقرير التحقق غير قابل للقراءة.', 'The validation report cannot be read.'),
} as const;

/** Names and hints of the data-error classes. */
export const dataClassMessages: Readonly<Record<string, { label: LocalizedMessage; hint: LocalizedMessage }>> = {
  source: {
    label: m('Source illisible', 'مصدر غير مقروء', 'Unreadable source'),
    hint: m('Vérifiez le lien, le format et l’encodage (UTF-8) du fichier.', 'تحقق من رابط الملف وصيغته وترميزه (UTF-8).', 'Check the file’s link, format and encoding (UTF-8).'),
  },
  schema: {
    label: m('Schéma invalide', 'مخطط غير صالح', 'Invalid schema'),
    hint: m('Corrigez le schéma de table (noms et types des colonnes).', 'صحح مخطط الجدول (أسماء وأنواع الأعمدة).', 'Fix the table schema (column names and types).'),
  },
  structure: {
    label: m('Lignes mal formées', 'أسطر غير سليمة البنية', 'Malformed rows'),
    hint: m('Corrigez les lignes vides et les cellules en trop ou manquantes.', 'صحح الأسطر الفارغة والخلايا الزائدة أو الناقصة.', 'Fix blank rows and extra or missing cells.'),
  },
  cell: {
    label: m('Valeurs invalides', 'قيم غير صالحة', 'Invalid values'),
    hint: m('Corrigez les valeurs qui ne respectent pas le type, l’obligation ou l’unicité.', 'صحح القيم التي لا تحترم النوع أو الإلزامية أو التفرد.', 'Fix values that break the type, required or unique rules.'),
  },
  duplicate: {
    label: m('Lignes en double', 'أسطر مكررة', 'Duplicate rows'),
    hint: m('Supprimez les lignes en double.', 'احذف الأسطر المكررة.', 'Remove the duplicate rows.'),
  },
  constraint: {
    label: m('Contraintes non respectées', 'قيود غير محترمة', 'Constraints not met'),
    hint: m('Corrigez les valeurs hors des bornes ou des listes autorisées.', 'صحح القيم الخارجة عن الحدود أو القوائم المسموح بها.', 'Fix values outside the allowed ranges or lists.'),
  },
  header: {
    label: m('En-têtes à revoir', 'عناوين أعمدة تحتاج مراجعة', 'Header problems'),
    hint: m('Donnez à chaque colonne un nom unique et non vide.', 'أعط كل عمود اسما فريدا وغير فارغ.', 'Give every column a unique, non-empty name.'),
  },
  other: {
    label: m('Autres erreurs', 'أخطاء أخرى', 'Other errors'),
    hint: m('Corrigez les erreurs listées dans le rapport de validation.', 'صحح الأخطاء المذكورة في تقرير التحقق.', 'Fix the errors listed in the validation report.'),
  },
};

/** Five-star openness explanations. */
export const opennessMessages = {
  broken: m('Lien cassé : 0 étoile.', 'رابط معطل: 0 نجمة.', 'Broken link: 0 stars.'),
  not_open_licence: m('Licence absente ou non ouverte : 0 étoile.', 'رخصة غير موجودة أو غير مفتوحة: 0 نجمة.', 'Missing or non-open licence: 0 stars.'),
  star1: m('En ligne sous licence ouverte.', 'متاح على الويب برخصة مفتوحة.', 'On the web under an open licence.'),
  star2: m('Données structurées.', 'بيانات مهيكلة.', 'Structured data.'),
  star3: m('Format non propriétaire.', 'صيغة غير مملوكة.', 'Non-proprietary format.'),
  star4: m('Des URI identifient les choses (RDF).', 'معرفات URI تحدد الأشياء (RDF).', 'URIs identify things (RDF).'),
  star5: m('Liées à d’autres données.', 'مرتبطة ببيانات أخرى.', 'Linked to other data.'),
  unknown_format: m('Format inconnu : pas plus d’une étoile.', 'صيغة غير معروفة: نجمة واحدة على الأكثر.', 'Unknown format: one star at most.'),
  unchecked: m('Lien non vérifié : supposé joignable.', 'رابط لم يتم التحقق منه: يفترض أنه متاح.', 'Link not checked: assumed reachable.'),
} as const;

/** Messages of custom-profile configuration errors. Placeholder: {value}. */
export const profileErrorMessages = {
  not_object: m('Doit être un objet.', 'يجب أن يكون كائنا.', 'Must be an object.'),
  bad_id: m('Identifiant invalide (lettres, chiffres, « - » et « _ »).', 'معرف غير صالح (حروف وأرقام و« - » و« _ »).', 'Invalid id (letters, digits, "-" and "_").'),
  duplicate_id: m('Identifiant déjà utilisé : {value}.', 'معرف مستعمل من قبل: {value}.', 'Id already used: {value}.'),
  unknown_base: m('Profil de base inconnu : {value}.', 'ملف أساس غير معروف: {value}.', 'Unknown base profile: {value}.'),
  unknown_metric: m('Métrique inconnue dans le profil de base : {value}.', 'مقياس غير معروف في الملف الأساس: {value}.', 'Unknown metric in the base profile: {value}.'),
  bad_points: m('Les points doivent être un entier entre 0 et 1000.', 'يجب أن تكون النقاط عددا صحيحا بين 0 و1000.', 'Points must be a whole number from 0 to 1000.'),
  bad_pointer: m('Pointeur JSON invalide : {value}.', 'مؤشر JSON غير صالح: {value}.', 'Invalid JSON pointer: {value}.'),
  bad_test: m('Condition inconnue ou mal formée.', 'شرط غير معروف أو غير سليم.', 'Unknown or malformed condition.'),
  unknown_vocabulary: m('Vocabulaire inconnu : {value}.', 'معجم غير معروف: {value}.', 'Unknown vocabulary: {value}.'),
  missing_message: m('Il faut un texte en fr, ar et en.', 'يلزم نص بالفرنسية والعربية والإنجليزية.', 'Needs a text in fr, ar and en.'),
  too_deep: m('Conditions trop imbriquées (10 niveaux au plus).', 'شروط متداخلة أكثر من اللازم (10 مستويات على الأكثر).', 'Conditions nested too deeply (10 levels at most).'),
  too_many: m('Trop d’éléments (200 au plus).', 'عناصر كثيرة جدا (200 على الأكثر).', 'Too many items (200 at most).'),
} as const;
