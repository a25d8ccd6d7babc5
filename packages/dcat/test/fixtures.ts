import { parseCatalog, parseDataset, type Catalog, type Dataset } from '@bayan/schema';

const EU = 'http://publications.europa.eu/resource/authority';
export const BASE = 'https://data.gov.ma';

function text(fr: string, ar: string, en: string) {
  return { fr, ar, en };
}

/** The Ministry of Finance, described the same wherever it appears (one IRI, one description). */
const MEF = {
    uri: `${BASE}/organizations/mef`,
    name: text('Ministère des Finances', 'وزارة المالية', 'Ministry of Finance'),
    type: 'http://purl.org/adms/publishertype/NationalAuthority',
    identifier: 'MA-MEF',
    email: 'contact@finances.gov.ma',
    homepage: 'https://www.finances.gov.ma',
  };

/** A dataset that uses every optional field the model has, with text in fr, ar and en. */
export function fullDataset(i: number, count = 1): Dataset {
  const other = `${BASE}/datasets/budget-${(i + 1) % Math.max(count, 1)}`;
  const uri = `${BASE}/datasets/budget-${i}`;
  const distribution = (n: number) => ({
    uri: `${uri}/distributions/${n}`,
    accessUrl: `${BASE}/files/budget-${i}-${n}.csv`,
    downloadUrl: `${BASE}/files/budget-${i}-${n}.csv`,
    accessServices: [
      {
        uri: `${BASE}/services/api-${i}-${n}`,
        title: text('API du budget', 'واجهة برمجة الميزانية', 'Budget API'),
        description: text("Interface d'accès", 'واجهة الولوج', 'Access interface'),
        endpointUrls: [`${BASE}/api/3/datastore/${i}`],
        endpointDescription: `${BASE}/api/openapi.json`,
        servesDatasets: [uri],
        keywords: { fr: ['api'], ar: ['واجهة'], en: ['api'] },
        themes: [`${EU}/data-theme/ECON`],
        publisher: MEF,
        contactPoints: [{ email: 'api@finances.gov.ma' }],
        license: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence',
        accessRights: `${EU}/access-right/PUBLIC`,
        conformsTo: [{ uri: 'https://spec.openapis.org/oas/v3.1.0', title: text('OpenAPI 3.1', 'OpenAPI 3.1', 'OpenAPI 3.1') }],
        formats: [`${EU}/file-type/JSON`],
        landingPage: `${BASE}/api`,
        documentation: [`${BASE}/api/docs`],
        issued: '2024-01-01',
        modified: '2024-06-01T10:00:00Z',
        applicableLegislation: ['http://data.europa.eu/eli/reg_impl/2023/138/oj'],
        hvdCategories: ['http://data.europa.eu/bna/c_a9135398'],
      },
    ],
    title: text(`Budget ${i} (CSV ${n})`, `الميزانية ${i}`, `Budget ${i} (CSV ${n})`),
    description: text('Fichier CSV, une ligne par poste.', 'ملف CSV، سطر لكل بند.', 'CSV file, one row per item.'),
    format: `${EU}/file-type/CSV`,
    mediaType: 'text/csv',
    compressFormat: 'application/gzip',
    packageFormat: 'application/zip',
    byteSize: 123_456 + n,
    checksum: { algorithm: 'sha256' as const, value: 'a'.repeat(64) },
    license: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence',
    rights: text('Réutilisation libre', 'إعادة استعمال حرة', 'Free reuse'),
    hasPolicy: `${BASE}/policies/open`,
    conformsTo: [{ uri: `${BASE}/schemas/budget.json`, title: text('Schéma du budget', 'مخطط الميزانية', 'Budget schema') }],
    issued: '2024-01-01',
    modified: '2024-06-01T10:00:00+01:00',
    languages: [`${EU}/language/FRA`, `${EU}/language/ARA`],
    status: `${EU}/distribution-status/COMPLETED`,
    availability: `${EU}/planned-availability/STABLE`,
    documentation: [`${BASE}/docs/budget`],
    spatialResolutionInMeters: 1000,
    temporalResolution: 'P1Y',
    applicableLegislation: ['http://data.europa.eu/eli/reg_impl/2023/138/oj'],
    hvdCategories: ['http://data.europa.eu/bna/c_a9135398'],
  });
  const result = parseDataset({
    id: `budget-${i}`,
    uri,
    identifier: `MEF-BUDGET-${i}`,
    otherIdentifiers: [`ckan:budget-${i}`],
    title: text(`Budget de l'État ${i}`, `ميزانية الدولة ${i}`, `State budget ${i}`),
    description: text('Loi de finances, par ministère.', 'قانون المالية، حسب الوزارة.', 'Finance act, by ministry.'),
    keywords: { fr: ['budget', 'finances'], ar: ['ميزانية'], en: ['budget'] },
    themes: [`${EU}/data-theme/ECON`, `${EU}/data-theme/GOVE`],
    publisher: MEF,
    creators: [{ name: text('Direction du Budget', 'مديرية الميزانية', 'Budget Directorate'), email: 'db@finances.gov.ma', type: 'http://purl.org/adms/publishertype/NationalAuthority' }],
    contactPoints: [
      {
        name: text('Service des données', 'مصلحة المعطيات', 'Data service'),
        organizationName: text('Ministère des Finances', 'وزارة المالية', 'Ministry of Finance'),
        email: 'data@finances.gov.ma',
        phone: '+212 5 37 67 75 01',
        url: 'https://www.finances.gov.ma/contact',
      },
    ],
    issued: '2023-01-15',
    modified: '2024-06-01T10:00:00Z',
    frequency: `${EU}/frequency/ANNUAL`,
    temporal: [{ start: '2023-01-01', end: '2023-12-31' }],
    spatial: [
      {
        uri: 'http://publications.europa.eu/resource/authority/country/MAR',
        label: text('Maroc', 'المغرب', 'Morocco'),
        bbox: [-17.1, 21.3, -1, 35.9],
        centroid: [-7.09, 31.79],
        geometry: { type: 'Point', coordinates: [-6.84, 34.02] },
      },
    ],
    spatialResolutionInMeters: 500.5,
    temporalResolution: 'P1M',
    accessRights: `${EU}/access-right/PUBLIC`,
    languages: [`${EU}/language/FRA`, `${EU}/language/ARA`, `${EU}/language/ENG`],
    landingPage: `${BASE}/fr/datasets/budget-${i}`,
    documentation: [`${BASE}/docs/budget-${i}`],
    conformsTo: [{ uri: `${BASE}/standards/budget`, title: text('Nomenclature budgétaire', 'مدونة الميزانية', 'Budget nomenclature') }],
    version: '2.1',
    versionNotes: text('Ajout des régions', 'إضافة الجهات', 'Regions added'),
    provenance: text('Extrait du système GID', 'مستخرج من نظام GID', 'Extracted from the GID system'),
    type: `${EU}/dataset-type/STATISTICAL`,
    sources: [other],
    relations: [other],
    hasVersions: [other],
    isVersionOf: [other],
    isReferencedBy: ['https://doi.org/10.1000/182'],
    qualifiedRelations: [{ relation: other, role: 'http://www.iana.org/assignments/relation/related' }],
    qualifiedAttributions: [
      {
        agent: { uri: `${BASE}/organizations/tgr`, name: text('Trésorerie Générale', 'الخزينة العامة', 'General Treasury'), type: 'http://purl.org/adms/publishertype/NationalAuthority' },
        role: 'http://registry.it.csiro.au/def/isotc211/CI_RoleCode/distributor',
      },
    ],
    wasGeneratedBy: [`${BASE}/activities/budget-${i}`],
    samples: [{ uri: `${uri}/sample`, accessUrl: `${BASE}/files/budget-${i}-sample.csv`, mediaType: 'text/csv', format: `${EU}/file-type/CSV`, description: text('Extrait', 'عينة', 'Sample'), availability: `${EU}/planned-availability/STABLE`, license: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence' }],
    inSeries: [`${BASE}/series/budgets`],
    applicableLegislation: ['http://data.europa.eu/eli/reg_impl/2023/138/oj'],
    hvdCategories: ['http://data.europa.eu/bna/c_a9135398'],
    distributions: [distribution(1), distribution(2)],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.value;
}

/** A catalogue with `count` full datasets, a service and a series. */
export function fullCatalog(count: number): Catalog {
  const result = parseCatalog({
    uri: `${BASE}/catalog`,
    title: text('Portail national des données ouvertes', 'البوابة الوطنية للبيانات المفتوحة', 'National open data portal'),
    description: text('Les données publiques du Maroc.', 'البيانات العمومية للمغرب.', 'Public data of Morocco.'),
    publisher: { uri: `${BASE}/organizations/add`, name: text('Agence du Développement du Digital', 'وكالة التنمية الرقمية', 'Digital Development Agency'), type: 'http://purl.org/adms/publishertype/NationalAuthority' },
    homepage: BASE,
    themeTaxonomies: ['http://publications.europa.eu/resource/authority/data-theme'],
    languages: [`${EU}/language/FRA`, `${EU}/language/ARA`, `${EU}/language/ENG`],
    license: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence',
    rights: text('Données ouvertes', 'بيانات مفتوحة', 'Open data'),
    issued: '2020-01-01',
    modified: '2024-06-01T10:00:00Z',
    spatial: [{ uri: 'http://publications.europa.eu/resource/authority/country/MAR' }],
    themes: [`${EU}/data-theme/GOVE`],
    creator: { name: text('ADD', 'و.ت.ر', 'ADD'), type: 'http://purl.org/adms/publishertype/NationalAuthority' },
    hasParts: [],
    datasets: Array.from({ length: count }, (_, i) => fullDataset(i, count)),
    services: [
      {
        uri: `${BASE}/services/catalogue-api`,
        title: text('API du catalogue', 'واجهة الفهرس', 'Catalogue API'),
        description: text('API compatible CKAN', 'واجهة متوافقة مع CKAN', 'CKAN-compatible API'),
        endpointUrls: [`${BASE}/api/3`],
        endpointDescription: `${BASE}/api/openapi.json`,
        servesDatasets: [`${BASE}/datasets/budget-0`],
        keywords: { fr: ['catalogue'], ar: ['فهرس'], en: ['catalogue'] },
        themes: [`${EU}/data-theme/GOVE`],
        publisher: { uri: `${BASE}/organizations/add`, name: text('Agence du Développement du Digital', 'وكالة التنمية الرقمية', 'Digital Development Agency'), type: 'http://purl.org/adms/publishertype/NationalAuthority' },
        contactPoints: [{ email: 'api@data.gov.ma' }],
        conformsTo: [{ uri: 'https://docs.ckan.org/en/2.9/api/' }],
      },
    ],
    series: [
      {
        uri: `${BASE}/series/budgets`,
        title: text('Budgets annuels', 'الميزانيات السنوية', 'Annual budgets'),
        description: text('Un jeu par année.', 'مجموعة لكل سنة.', 'One dataset per year.'),
        frequency: `${EU}/frequency/ANNUAL`,
        publisher: MEF,
        contactPoints: [{ email: 'data@finances.gov.ma' }],
      },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.value;
}
