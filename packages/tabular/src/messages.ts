import type { ErrorDetails } from './report';

/** A text a person reads, in French, Arabic and English. */
export interface LocalizedMessage {
  fr: string;
  ar: string;
  en: string;
}

interface ErrorSpec {
  title: string;
  description: string;
  tags: string[];
  fr: string;
  ar: string;
  en: string;
}

const FILE = ['#file'];
const TABLE = ['#table'];
const HEADER = ['#table', '#header'];
const LABEL = ['#table', '#header', '#label'];
const ROW = ['#table', '#row'];
const CELL = ['#table', '#row', '#cell'];

/*
 * One entry per error type. The localized templates describe the problem and what to do; the
 * position (row, column) is added in front and the note at the end by `errorMessages`.
 */
export const errorSpecs: Record<string, ErrorSpec> = {
  'general-error': { title: 'General Error', description: 'There is an error.', tags: [],
    fr: 'Erreur.', ar: 'خطأ.', en: 'Error.' },
  'source-error': { title: 'Source Error', description: 'Data reading error because of not supported or inconsistent contents.', tags: ['#data', '#table'],
    fr: 'La source ne peut pas être lue comme un tableau. Vérifiez le fichier et son format.', ar: 'تعذّرت قراءة المصدر كجدول. تحقّق من الملف وصيغته.', en: 'The source cannot be read as a table. Check the file and its format.' },
  'scheme-error': { title: 'Scheme Error', description: 'Data reading error because of incorrect scheme.', tags: FILE,
    fr: 'Adresse de la source non prise en charge.', ar: 'عنوان المصدر غير مدعوم.', en: 'The source address is not supported.' },
  'format-error': { title: 'Format Error', description: 'Data reading error because of incorrect format.', tags: FILE,
    fr: 'Format de fichier non pris en charge. Utilisez CSV, TSV ou XLSX.', ar: 'صيغة الملف غير مدعومة. استخدم CSV أو TSV أو XLSX.', en: 'Unsupported file format. Use CSV, TSV or XLSX.' },
  'encoding-error': { title: 'Encoding Error', description: 'Data reading error because of an encoding problem.', tags: FILE,
    fr: "Le fichier contient des octets invalides pour l'encodage annoncé. Enregistrez-le en UTF-8.", ar: 'يحتوي الملف على بايتات غير صالحة في الترميز المعلن. احفظه بترميز UTF-8.', en: 'The file contains bytes that are invalid in the declared encoding. Save it as UTF-8.' },
  'compression-error': { title: 'Compression Error', description: 'Data reading error because of a decompression problem.', tags: FILE,
    fr: 'Le fichier compressé est endommagé ou trop volumineux une fois décompressé.', ar: 'الملف المضغوط تالف أو كبير جدًا بعد فك الضغط.', en: 'The compressed file is damaged or too large once decompressed.' },
  'schema-error': { title: 'Schema Error', description: 'Provided schema is not valid.', tags: [],
    fr: "Le schéma fourni n'est pas valide. Corrigez-le avant de valider les données.", ar: 'المخطط المقدَّم غير صالح. صحّحه قبل التحقق من البيانات.', en: 'The schema is not valid. Fix it before validating the data.' },
  'package-error': { title: 'Package Error', description: 'The data package has an error.', tags: [],
    fr: "Le descripteur du paquet de données n'est pas valide.", ar: 'واصف حزمة البيانات غير صالح.', en: 'The data package descriptor is not valid.' },
  'resource-error': { title: 'Resource Error', description: 'The data resource has an error.', tags: [],
    fr: "Le descripteur de la ressource n'est pas valide.", ar: 'واصف المورد غير صالح.', en: 'The data resource descriptor is not valid.' },
  'dialect-error': { title: 'Dialect Error', description: 'Provided dialect is not valid.', tags: [],
    fr: "Le dialecte CSV fourni n'est pas valide.", ar: 'لهجة CSV المقدَّمة غير صالحة.', en: 'The CSV dialect is not valid.' },
  'checklist-error': { title: 'Checklist Error', description: 'Provided checklist is not valid.', tags: [],
    fr: "Une vérification demandée n'est pas valide.", ar: 'أحد الفحوص المطلوبة غير صالح.', en: 'A requested check is not valid.' },
  'byte-count': { title: 'Byte Count Error', description: 'This error can happen if the data is corrupted.', tags: FILE,
    fr: "La taille du fichier ne correspond pas à celle annoncée : le fichier est peut-être tronqué ou modifié.", ar: 'حجم الملف لا يطابق الحجم المعلن: ربما الملف مبتور أو معدَّل.', en: 'The file size does not match the declared size: the file may be truncated or changed.' },
  'hash-count': { title: 'Hash Count Error', description: 'This error can happen if the data is corrupted.', tags: FILE,
    fr: "L'empreinte du fichier ne correspond pas à celle annoncée : le fichier a été modifié.", ar: 'بصمة الملف لا تطابق البصمة المعلنة: تم تعديل الملف.', en: 'The file hash does not match the declared hash: the file has changed.' },
  'field-count': { title: 'Field Count Error', description: 'This error can happen if the data is corrupted.', tags: TABLE,
    fr: "Le nombre de colonnes ne correspond pas à celui annoncé.", ar: 'عدد الأعمدة لا يطابق العدد المعلن.', en: 'The number of columns does not match the declared number.' },
  'row-count': { title: 'Row Count Error', description: 'This error can happen if the data is corrupted.', tags: TABLE,
    fr: 'Le nombre de lignes ne correspond pas à celui annoncé.', ar: 'عدد الصفوف لا يطابق العدد المعلن.', en: 'The number of rows does not match the declared number.' },
  'table-dimensions': { title: 'Table dimensions error', description: 'This error can happen if the data contains a table of unexpected dimensions.', tags: TABLE,
    fr: 'Les dimensions du tableau sont hors des limites attendues.', ar: 'أبعاد الجدول خارج الحدود المتوقعة.', en: 'The table dimensions are outside the expected limits.' },
  'deviated-value': { title: 'Deviated Value', description: 'The value is deviated.', tags: TABLE,
    fr: 'La moyenne de la colonne est hors de la plage attendue.', ar: 'متوسط العمود خارج النطاق المتوقع.', en: 'The column average is outside the expected range.' },
  'required-value': { title: 'Required Value', description: 'The value is required.', tags: TABLE,
    fr: "Une valeur obligatoire n'apparaît pas dans la colonne.", ar: 'قيمة مطلوبة غير موجودة في العمود.', en: 'A required value does not appear in the column.' },
  'blank-header': { title: 'Blank Header', description: 'This header is empty. A header should contain at least one value.', tags: HEADER,
    fr: "La ligne d'en-tête est vide : la première ligne doit nommer les colonnes.", ar: 'سطر العناوين فارغ: يجب أن يسمّي السطر الأول الأعمدة.', en: 'The header row is empty: the first row must name the columns.' },
  'extra-label': { title: 'Extra Label', description: 'The header of the data source contains label that does not exist in the provided schema.', tags: LABEL,
    fr: "Cette colonne n'existe pas dans le schéma. Retirez-la ou ajoutez-la au schéma.", ar: 'هذا العمود غير موجود في المخطط. احذفه أو أضفه إلى المخطط.', en: 'This column is not in the schema. Remove it or add it to the schema.' },
  'missing-label': { title: 'Missing Label', description: 'Based on the schema there should be a label that is missing in the data\'s header.', tags: LABEL,
    fr: 'Une colonne du schéma manque dans le fichier. Ajoutez-la.', ar: 'عمود من المخطط مفقود في الملف. أضِفه.', en: 'A schema column is missing from the file. Add it.' },
  'blank-label': { title: 'Blank Label', description: 'A label in the header row is missing a value. Label should be provided and not be blank.', tags: LABEL,
    fr: "Cette colonne n'a pas de nom. Donnez-lui un nom dans la ligne d'en-tête.", ar: 'هذا العمود بلا اسم. سمِّه في سطر العناوين.', en: 'This column has no name. Give it a name in the header row.' },
  'duplicate-label': { title: 'Duplicate Label', description: 'Two columns in the header row have the same value. Column names should be unique.', tags: LABEL,
    fr: 'Ce nom de colonne est déjà utilisé. Chaque colonne doit avoir un nom unique.', ar: 'اسم العمود هذا مستخدم من قبل. يجب أن يكون لكل عمود اسم فريد.', en: 'This column name is already used. Every column needs a unique name.' },
  'incorrect-label': { title: 'Incorrect Label', description: 'One of the data source header does not match the field name defined in the schema.', tags: LABEL,
    fr: 'Le nom de cette colonne ne correspond pas au champ du schéma à cette position.', ar: 'اسم هذا العمود لا يطابق حقل المخطط في هذا الموضع.', en: 'This column name does not match the schema field at this position.' },
  'blank-row': { title: 'Blank Row', description: 'This row is empty. A row should contain at least one value.', tags: ROW,
    fr: 'Cette ligne est vide. Supprimez-la.', ar: 'هذا الصف فارغ. احذفه.', en: 'This row is empty. Delete it.' },
  'primary-key': { title: 'Primary Key Error', description: 'Values in the primary key fields should be unique for every row', tags: ROW,
    fr: "La clé primaire de cette ligne est vide ou répète celle d'une autre ligne.", ar: 'المفتاح الأساسي لهذا الصف فارغ أو مكرَّر من صف آخر.', en: 'The primary key of this row is empty or repeats another row.' },
  'foreign-key': { title: 'ForeignKey Error', description: 'Values in the foreign key fields should exist in the reference table', tags: ROW,
    fr: "La référence de cette ligne n'existe pas dans la table liée.", ar: 'مرجع هذا الصف غير موجود في الجدول المرتبط.', en: 'This row refers to a value that does not exist in the linked table.' },
  'duplicate-row': { title: 'Duplicate Row', description: 'The row is duplicated.', tags: ROW,
    fr: 'Cette ligne est identique à une ligne précédente.', ar: 'هذا الصف مطابق لصف سابق.', en: 'This row is identical to an earlier row.' },
  'row-constraint': { title: 'Row Constraint', description: 'The value does not conform to the row constraint.', tags: ROW,
    fr: 'Cette ligne ne respecte pas la règle demandée.', ar: 'هذا الصف لا يحترم القاعدة المطلوبة.', en: 'This row breaks the required rule.' },
  'extra-cell': { title: 'Extra Cell', description: 'This row has more values compared to the header row.', tags: CELL,
    fr: "Cette ligne a plus de valeurs que l'en-tête. Retirez la valeur en trop ou vérifiez les séparateurs.", ar: 'في هذا الصف قيم أكثر من العناوين. احذف القيمة الزائدة أو تحقّق من الفواصل.', en: 'This row has more values than the header. Remove the extra value or check the separators.' },
  'missing-cell': { title: 'Missing Cell', description: 'This row has less values compared to the header row.', tags: CELL,
    fr: "Cette ligne a moins de valeurs que l'en-tête. Ajoutez la valeur manquante.", ar: 'في هذا الصف قيم أقل من العناوين. أضِف القيمة الناقصة.', en: 'This row has fewer values than the header. Add the missing value.' },
  'type-error': { title: 'Type Error', description: 'The value does not match the schema type and format for this field.', tags: CELL,
    fr: "La valeur n'a pas le type attendu pour cette colonne.", ar: 'القيمة ليست من النوع المتوقع لهذا العمود.', en: 'The value does not have the type expected for this column.' },
  'constraint-error': { title: 'Constraint Error', description: 'A field value does not conform to a constraint.', tags: CELL,
    fr: 'La valeur ne respecte pas une contrainte du schéma.', ar: 'القيمة لا تحترم أحد قيود المخطط.', en: 'The value breaks a schema constraint.' },
  'unique-error': { title: 'Unique Error', description: 'This field is a unique field but it contains a value that has been used in another row.', tags: CELL,
    fr: 'Cette valeur doit être unique mais apparaît déjà plus haut.', ar: 'يجب أن تكون هذه القيمة فريدة لكنها ظهرت سابقًا.', en: 'This value must be unique but already appears above.' },
  'truncated-value': { title: 'Truncated Value', description: 'The cell value is potentially truncated.', tags: CELL,
    fr: 'La valeur semble tronquée (longueur ou nombre maximal atteint).', ar: 'يبدو أن القيمة مقتطعة (بلغت الطول أو العدد الأقصى).', en: 'The value looks truncated (it hits a maximum length or number).' },
  'forbidden-value': { title: 'Forbidden Value', description: 'The value is forbidden.', tags: CELL,
    fr: 'Cette valeur est interdite dans cette colonne.', ar: 'هذه القيمة ممنوعة في هذا العمود.', en: 'This value is forbidden in this column.' },
  'sequential-value': { title: 'Sequential Value', description: 'The value is not sequential.', tags: CELL,
    fr: "La valeur ne suit pas la précédente dans la séquence.", ar: 'القيمة لا تتبع القيمة السابقة في التسلسل.', en: 'The value does not follow the previous one in the sequence.' },
  'ascii-value': { title: 'Ascii Value', description: 'The cell contains non-ascii characters.', tags: CELL,
    fr: 'La valeur contient des caractères non ASCII.', ar: 'تحتوي القيمة على محارف غير ASCII.', en: 'The value contains non-ASCII characters.' },
  'deviated-cell': { title: 'Deviated cell', description: 'The cell is deviated.', tags: CELL,
    fr: 'La taille de cette cellule est anormale par rapport aux autres.', ar: 'حجم هذه الخلية غير عادي مقارنةً بالخلايا الأخرى.', en: 'The size of this cell is abnormal compared with the others.' },
};

/** Builds the fr/ar/en message of an error: where, what, then the note. */
export function errorMessages(type: string, details: ErrorDetails): LocalizedMessage {
  const spec = errorSpecs[type] ?? errorSpecs['general-error']!;
  const where = location(details);
  const note = details.note ? ` (${details.note})` : '';
  return {
    fr: `${where.fr}${spec.fr}${note}`,
    ar: `${where.ar}${spec.ar}${note}`,
    en: `${where.en}${spec.en}${note}`,
  };
}

function location(details: ErrorDetails): LocalizedMessage {
  const column = details.fieldNumber === undefined ? undefined : `${details.fieldNumber}${details.fieldName ? ` « ${details.fieldName} »` : ''}`;
  const columnEn = details.fieldNumber === undefined ? undefined : `${details.fieldNumber}${details.fieldName ? ` "${details.fieldName}"` : ''}`;
  const row = details.rowNumber;
  if (row !== undefined && column !== undefined) {
    return { fr: `Ligne ${row}, colonne ${column} : `, ar: `الصف ${row}، العمود ${column}: `, en: `Row ${row}, column ${columnEn}: ` };
  }
  if (row !== undefined) return { fr: `Ligne ${row} : `, ar: `الصف ${row}: `, en: `Row ${row}: ` };
  if (column !== undefined) return { fr: `Colonne ${column} : `, ar: `العمود ${column}: `, en: `Column ${columnEn}: ` };
  return { fr: '', ar: '', en: '' };
}
