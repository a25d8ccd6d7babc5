import { createVocabulary } from './vocabulary';

const BASE = 'http://publications.europa.eu/resource/authority/access-right/';

/** The EU access-right vocabulary (DCAT-AP `dct:accessRights`): public, restricted, non-public. */
export const accessRights = createVocabulary('access-right', 'http://publications.europa.eu/resource/authority/access-right', [
  { uri: `${BASE}PUBLIC`, code: 'PUBLIC', labels: { fr: 'Public', ar: 'عمومي', en: 'Public' }, aliases: ['open', 'ouvert'] },
  { uri: `${BASE}RESTRICTED`, code: 'RESTRICTED', labels: { fr: 'Restreint', ar: 'مقيد', en: 'Restricted' } },
  { uri: `${BASE}NON_PUBLIC`, code: 'NON_PUBLIC', labels: { fr: 'Non public', ar: 'غير عمومي', en: 'Non-public' }, aliases: ['closed', 'private', 'prive'] },
]);
