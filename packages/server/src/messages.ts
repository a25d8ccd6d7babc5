import type { LocalizedMessage } from '@bayan/schema';

// Every message a person may read in an HTTP error, in fr, ar and en. Keys are the problem types'
// last path segment, so the `type` URI and the text never drift apart.
export const problemMessages = {
  'bad-request': {
    fr: 'La requête est invalide.',
    ar: 'الطلب غير صالح.',
    en: 'The request is invalid.',
  },
  'validation': {
    fr: 'Certaines valeurs envoyées sont invalides : voir « errors ».',
    ar: 'بعض القيم المرسلة غير صالحة: انظر «errors».',
    en: 'Some values sent are invalid: see "errors".',
  },
  'unauthenticated': {
    fr: 'Connectez-vous ou envoyez un jeton d’API valide (en-tête Authorization: Bearer …).',
    ar: 'سجّل الدخول أو أرسل رمز API صالحا (الترويسة Authorization: Bearer …).',
    en: 'Sign in or send a valid API token (Authorization: Bearer … header).',
  },
  'invalid-credentials': {
    fr: 'Adresse e-mail ou mot de passe incorrect.',
    ar: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
    en: 'Wrong e-mail address or password.',
  },
  'forbidden': {
    fr: 'Votre rôle ne permet pas cette action sur cette ressource.',
    ar: 'دورك لا يسمح بهذا الإجراء على هذا المورد.',
    en: 'Your role does not allow this action on this resource.',
  },
  'csrf': {
    fr: 'Jeton CSRF manquant ou invalide : renvoyez l’en-tête X-CSRF-Token reçu à la connexion.',
    ar: 'رمز CSRF مفقود أو غير صالح: أعد إرسال الترويسة X-CSRF-Token المستلمة عند تسجيل الدخول.',
    en: 'Missing or invalid CSRF token: send back the X-CSRF-Token header received at sign-in.',
  },
  'not-found': {
    fr: 'Cette ressource n’existe pas.',
    ar: 'هذا المورد غير موجود.',
    en: 'This resource does not exist.',
  },
  'method-not-allowed': {
    fr: 'Cette méthode HTTP n’est pas acceptée ici.',
    ar: 'طريقة HTTP هذه غير مقبولة هنا.',
    en: 'This HTTP method is not accepted here.',
  },
  'conflict': {
    fr: 'La ressource a changé ou existe déjà.',
    ar: 'تغيّر المورد أو أنه موجود مسبقا.',
    en: 'The resource has changed or already exists.',
  },
  'payload-too-large': {
    fr: 'Le contenu envoyé dépasse la taille autorisée.',
    ar: 'المحتوى المرسل يتجاوز الحجم المسموح به.',
    en: 'The content sent is larger than allowed.',
  },
  'unsupported-media-type': {
    fr: 'Type de contenu non accepté ici.',
    ar: 'نوع المحتوى غير مقبول هنا.',
    en: 'Content type not accepted here.',
  },
  'not-acceptable': {
    fr: 'Aucun des formats demandés (en-tête Accept) n’est disponible.',
    ar: 'لا تتوفر أي من الصيغ المطلوبة (الترويسة Accept).',
    en: 'None of the requested formats (Accept header) is available.',
  },
  'rate-limited': {
    fr: 'Trop de requêtes : réessayez après le délai indiqué par Retry-After.',
    ar: 'طلبات كثيرة جدا: أعد المحاولة بعد المهلة المحددة في Retry-After.',
    en: 'Too many requests: try again after the delay given in Retry-After.',
  },
  'internal': {
    fr: 'Erreur interne du serveur. Elle a été journalisée ; réessayez plus tard.',
    ar: 'خطأ داخلي في الخادم. تم تسجيله؛ أعد المحاولة لاحقا.',
    en: 'Internal server error. It was logged; try again later.',
  },
  'unavailable': {
    fr: 'Cette fonction n’est pas disponible sur ce serveur.',
    ar: 'هذه الوظيفة غير متاحة على هذا الخادم.',
    en: 'This feature is not available on this server.',
  },
} satisfies Record<string, LocalizedMessage>;

/** A problem type known to Bayan's API: the last segment of its `type` URI. */
export type ProblemType = keyof typeof problemMessages;

export const problemTitles: Record<ProblemType, LocalizedMessage> = {
  'bad-request': { fr: 'Requête invalide', ar: 'طلب غير صالح', en: 'Bad request' },
  validation: { fr: 'Données invalides', ar: 'بيانات غير صالحة', en: 'Invalid data' },
  unauthenticated: { fr: 'Authentification requise', ar: 'المصادقة مطلوبة', en: 'Authentication required' },
  'invalid-credentials': { fr: 'Identifiants invalides', ar: 'بيانات اعتماد غير صالحة', en: 'Invalid credentials' },
  forbidden: { fr: 'Accès refusé', ar: 'الوصول مرفوض', en: 'Forbidden' },
  csrf: { fr: 'Protection CSRF', ar: 'حماية CSRF', en: 'CSRF protection' },
  'not-found': { fr: 'Introuvable', ar: 'غير موجود', en: 'Not found' },
  'method-not-allowed': { fr: 'Méthode non autorisée', ar: 'طريقة غير مسموح بها', en: 'Method not allowed' },
  conflict: { fr: 'Conflit', ar: 'تعارض', en: 'Conflict' },
  'payload-too-large': { fr: 'Contenu trop volumineux', ar: 'محتوى كبير جدا', en: 'Payload too large' },
  'unsupported-media-type': { fr: 'Type de contenu non pris en charge', ar: 'نوع محتوى غير مدعوم', en: 'Unsupported media type' },
  'not-acceptable': { fr: 'Format non disponible', ar: 'صيغة غير متاحة', en: 'Not acceptable' },
  'rate-limited': { fr: 'Trop de requêtes', ar: 'طلبات كثيرة جدا', en: 'Too many requests' },
  internal: { fr: 'Erreur interne', ar: 'خطأ داخلي', en: 'Internal error' },
  unavailable: { fr: 'Indisponible', ar: 'غير متاح', en: 'Unavailable' },
};

export const problemStatus: Record<ProblemType, number> = {
  'bad-request': 400,
  validation: 422,
  unauthenticated: 401,
  'invalid-credentials': 401,
  forbidden: 403,
  csrf: 403,
  'not-found': 404,
  'method-not-allowed': 405,
  conflict: 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'not-acceptable': 406,
  'rate-limited': 429,
  internal: 500,
  unavailable: 501,
};
