// The demo catalogue's vocabulary: Moroccan producers, regions and dataset topics, in fr/ar/en.
// Everything generated from here is marked as demo data (extras.demo = "true", a note in the
// description, and the `démo` / `تجريبي` keyword).

/** A demo producer. */
export interface DemoOrganization {
  slug: string;
  acronym: string;
  name: { fr: string; ar: string; en: string };
  homepage: string;
}

export const demoOrganizations: DemoOrganization[] = [
  { slug: 'hcp', acronym: 'HCP', name: { fr: 'Haut-Commissariat au Plan', ar: 'المندوبية السامية للتخطيط', en: 'High Commission for Planning' }, homepage: 'https://www.hcp.ma' },
  { slug: 'mef', acronym: 'MEF', name: { fr: 'Ministère de l’Économie et des Finances', ar: 'وزارة الاقتصاد والمالية', en: 'Ministry of Economy and Finance' }, homepage: 'https://www.finances.gov.ma' },
  { slug: 'anrt', acronym: 'ANRT', name: { fr: 'Agence Nationale de Réglementation des Télécommunications', ar: 'الوكالة الوطنية لتقنين المواصلات', en: 'National Telecommunications Regulatory Agency' }, homepage: 'https://www.anrt.ma' },
  { slug: 'men', acronym: 'MENPS', name: { fr: 'Ministère de l’Éducation nationale, du Préscolaire et des Sports', ar: 'وزارة التربية الوطنية والتعليم الأولي والرياضة', en: 'Ministry of National Education, Preschool and Sports' }, homepage: 'https://www.men.gov.ma' },
  { slug: 'sante', acronym: 'MSPS', name: { fr: 'Ministère de la Santé et de la Protection sociale', ar: 'وزارة الصحة والحماية الاجتماعية', en: 'Ministry of Health and Social Protection' }, homepage: 'https://www.sante.gov.ma' },
  { slug: 'agriculture', acronym: 'MAPMDREF', name: { fr: 'Ministère de l’Agriculture, de la Pêche maritime, du Développement rural et des Eaux et Forêts', ar: 'وزارة الفلاحة والصيد البحري والتنمية القروية والمياه والغابات', en: 'Ministry of Agriculture, Maritime Fisheries, Rural Development and Water and Forests' }, homepage: 'https://www.agriculture.gov.ma' },
  { slug: 'onee', acronym: 'ONEE', name: { fr: 'Office National de l’Électricité et de l’Eau potable', ar: 'المكتب الوطني للكهرباء والماء الصالح للشرب', en: 'National Office of Electricity and Drinking Water' }, homepage: 'https://www.one.org.ma' },
  { slug: 'justice', acronym: 'MJ', name: { fr: 'Ministère de la Justice', ar: 'وزارة العدل', en: 'Ministry of Justice' }, homepage: 'https://www.justice.gov.ma' },
  { slug: 'dgct', acronym: 'DGCT', name: { fr: 'Direction Générale des Collectivités Territoriales', ar: 'المديرية العامة للجماعات الترابية', en: 'General Directorate of Local Authorities' }, homepage: 'https://www.collectivites-territoriales.gov.ma' },
  { slug: 'transport', acronym: 'MTL', name: { fr: 'Ministère du Transport et de la Logistique', ar: 'وزارة النقل واللوجستيك', en: 'Ministry of Transport and Logistics' }, homepage: 'https://www.transport.gov.ma' },
  { slug: 'region-casablanca-settat', acronym: 'RCS', name: { fr: 'Région Casablanca-Settat', ar: 'جهة الدار البيضاء سطات', en: 'Casablanca-Settat Region' }, homepage: 'https://www.casablancasettat.ma' },
  { slug: 'region-souss-massa', acronym: 'RSM', name: { fr: 'Région Souss-Massa', ar: 'جهة سوس ماسة', en: 'Souss-Massa Region' }, homepage: 'https://www.soussmassa.ma' },
];

/** The twelve regions of Morocco, with a rough centre for generated coordinates. */
export const demoRegions: { fr: string; ar: string; lat: number; lon: number; cities: string[] }[] = [
  { fr: 'Tanger-Tétouan-Al Hoceïma', ar: 'طنجة تطوان الحسيمة', lat: 35.4, lon: -5.6, cities: ['Tanger', 'Tétouan', 'Al Hoceïma', 'Larache', 'Chefchaouen'] },
  { fr: 'L’Oriental', ar: 'الشرق', lat: 34.4, lon: -2.2, cities: ['Oujda', 'Nador', 'Berkane', 'Taourirt', 'Jerada'] },
  { fr: 'Fès-Meknès', ar: 'فاس مكناس', lat: 33.9, lon: -4.8, cities: ['Fès', 'Meknès', 'Taza', 'Ifrane', 'Sefrou'] },
  { fr: 'Rabat-Salé-Kénitra', ar: 'الرباط سلا القنيطرة', lat: 34.1, lon: -6.6, cities: ['Rabat', 'Salé', 'Kénitra', 'Témara', 'Khémisset'] },
  { fr: 'Béni Mellal-Khénifra', ar: 'بني ملال خنيفرة', lat: 32.3, lon: -6.4, cities: ['Béni Mellal', 'Khouribga', 'Khénifra', 'Fquih Ben Salah', 'Azilal'] },
  { fr: 'Casablanca-Settat', ar: 'الدار البيضاء سطات', lat: 33.4, lon: -7.6, cities: ['Casablanca', 'Mohammédia', 'El Jadida', 'Settat', 'Berrechid'] },
  { fr: 'Marrakech-Safi', ar: 'مراكش آسفي', lat: 31.8, lon: -8.4, cities: ['Marrakech', 'Safi', 'Essaouira', 'El Kelâa des Sraghna', 'Youssoufia'] },
  { fr: 'Drâa-Tafilalet', ar: 'درعة تافيلالت', lat: 31.3, lon: -5.0, cities: ['Errachidia', 'Ouarzazate', 'Zagora', 'Tinghir', 'Midelt'] },
  { fr: 'Souss-Massa', ar: 'سوس ماسة', lat: 30.2, lon: -9.1, cities: ['Agadir', 'Inezgane', 'Taroudant', 'Tiznit', 'Tata'] },
  { fr: 'Guelmim-Oued Noun', ar: 'كلميم واد نون', lat: 28.9, lon: -10.0, cities: ['Guelmim', 'Tan-Tan', 'Sidi Ifni', 'Assa'] },
  { fr: 'Laâyoune-Sakia El Hamra', ar: 'العيون الساقية الحمراء', lat: 27.1, lon: -13.2, cities: ['Laâyoune', 'Boujdour', 'Tarfaya', 'Es-Semara'] },
  { fr: 'Dakhla-Oued Ed-Dahab', ar: 'الداخلة وادي الذهب', lat: 23.7, lon: -15.9, cities: ['Dakhla', 'Aousserd', 'Bir Gandouz'] },
];

/** One CSV column of a demo topic. */
export interface DemoColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'date' | 'boolean' | 'year';
}

/** A dataset topic: titles, descriptions and keywords with `{year}` / `{region}` placeholders, and its table. */
export interface DemoTopic {
  org: string;
  theme: string;
  perRegion: boolean;
  title: { fr: string; ar: string; en?: string };
  description: { fr: string; ar: string; en?: string };
  keywords: { fr: string[]; ar: string[] };
  frequency: 'ANNUAL' | 'MONTHLY' | 'QUARTERLY' | 'IRREG';
  columns: DemoColumn[];
  /** Builds one row; `i` is the row number, `rnd` a seeded random in [0, 1). */
  row: (ctx: { i: number; year: number; region: (typeof demoRegions)[number]; rnd: () => number }) => (string | number | boolean)[];
  rows: number;
}

const pick = <T>(list: readonly T[], rnd: () => number): T => list[Math.floor(rnd() * list.length)] as T;
const date = (year: number, rnd: () => number) => `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
const coord = (c: number, rnd: () => number) => Math.round((c + (rnd() - 0.5) * 1.2) * 10000) / 10000;

export const demoTopics: DemoTopic[] = [
  {
    org: 'mef',
    theme: 'ECON',
    perRegion: false,
    title: { fr: 'Loi de finances {year} — crédits par ministère', ar: 'قانون المالية {year} — الاعتمادات حسب الوزارة', en: 'Finance Act {year} — appropriations by ministry' },
    description: { fr: 'Crédits de paiement et d’engagement ouverts par la loi de finances {year}, par ministère et par chapitre budgétaire.', ar: 'اعتمادات الأداء والالتزام المفتوحة بموجب قانون المالية لسنة {year} حسب الوزارة والفصل.', en: 'Payment and commitment appropriations opened by the {year} Finance Act, by ministry and budget chapter.' },
    keywords: { fr: ['budget', 'loi de finances', 'finances publiques'], ar: ['ميزانية', 'قانون المالية', 'المالية العمومية'] },
    frequency: 'ANNUAL',
    columns: [{ name: 'ministere', type: 'string' }, { name: 'chapitre', type: 'string' }, { name: 'credits_paiement_mdh', type: 'number' }, { name: 'credits_engagement_mdh', type: 'number' }],
    row: ({ rnd }) => {
      const m = pick(['Éducation nationale', 'Santé', 'Intérieur', 'Agriculture', 'Équipement', 'Justice', 'Habous', 'Culture'], rnd);
      const cp = Math.round(rnd() * 50000) / 10;
      return [m, pick(['Personnel', 'Matériel et dépenses diverses', 'Investissement'], rnd), cp, Math.round(cp * (1 + rnd() * 0.4) * 10) / 10];
    },
    rows: 60,
  },
  {
    org: 'mef',
    theme: 'ECON',
    perRegion: false,
    title: { fr: 'Recettes fiscales mensuelles {year}', ar: 'المداخيل الجبائية الشهرية {year}' },
    description: { fr: 'Recettes fiscales encaissées par mois et par nature d’impôt (IS, IR, TVA, droits de douane) en {year}.', ar: 'المداخيل الضريبية المحصلة شهريا حسب نوع الضريبة خلال سنة {year}.' },
    keywords: { fr: ['impôts', 'TVA', 'recettes'], ar: ['الضرائب', 'الضريبة على القيمة المضافة', 'المداخيل'] },
    frequency: 'MONTHLY',
    columns: [{ name: 'mois', type: 'date' }, { name: 'impot', type: 'string' }, { name: 'montant_mdh', type: 'number' }],
    row: ({ i, year, rnd }) => [`${year}-${String((i % 12) + 1).padStart(2, '0')}-01`, pick(['IS', 'IR', 'TVA', 'Droits de douane', 'TIC'], rnd), Math.round(rnd() * 80000) / 10],
    rows: 60,
  },
  {
    org: 'hcp',
    theme: 'SOCI',
    perRegion: true,
    title: { fr: 'Population légale par commune — {region}', ar: 'السكان القانونيون حسب الجماعة — {region}', en: 'Legal population by municipality — {region}' },
    description: { fr: 'Population légale des communes de la région {region} selon le recensement général de la population et de l’habitat.', ar: 'السكان القانونيون لجماعات جهة {region} حسب الإحصاء العام للسكان والسكنى.', en: 'Legal population of the municipalities of {region} from the general population and housing census.' },
    keywords: { fr: ['population', 'recensement', 'RGPH'], ar: ['السكان', 'الإحصاء العام', 'الجماعات'] },
    frequency: 'IRREG',
    columns: [{ name: 'commune', type: 'string' }, { name: 'province', type: 'string' }, { name: 'population', type: 'integer' }, { name: 'menages', type: 'integer' }, { name: 'urbain', type: 'boolean' }],
    row: ({ i, region, rnd }) => {
      const p = Math.round(2000 + rnd() * 400000);
      return [`${pick(region.cities, rnd)} ${i + 1}`, pick(region.cities, rnd), p, Math.round(p / (4 + rnd())), rnd() > 0.6];
    },
    rows: 80,
  },
  {
    org: 'hcp',
    theme: 'ECON',
    perRegion: false,
    title: { fr: 'Indice des prix à la consommation {year}', ar: 'الرقم الاستدلالي للأثمان عند الاستهلاك {year}', en: 'Consumer price index {year}' },
    description: { fr: 'Indice mensuel des prix à la consommation (base 100 : 2017) par ville et par groupe de produits, année {year}.', ar: 'الرقم الاستدلالي الشهري للأثمان عند الاستهلاك (أساس 100: 2017) حسب المدينة ومجموعة المنتجات لسنة {year}.', en: 'Monthly consumer price index (base 100: 2017) by city and product group, {year}.' },
    keywords: { fr: ['inflation', 'prix', 'IPC'], ar: ['التضخم', 'الأثمان', 'الأسعار'] },
    frequency: 'MONTHLY',
    columns: [{ name: 'mois', type: 'date' }, { name: 'ville', type: 'string' }, { name: 'groupe', type: 'string' }, { name: 'indice', type: 'number' }],
    row: ({ i, year, rnd }) => [`${year}-${String((i % 12) + 1).padStart(2, '0')}-01`, pick(['Casablanca', 'Rabat', 'Fès', 'Marrakech', 'Agadir', 'Oujda'], rnd), pick(['Alimentation', 'Logement', 'Transport', 'Santé', 'Enseignement'], rnd), Math.round((100 + (year - 2017) * 1.8 + rnd() * 6) * 10) / 10],
    rows: 72,
  },
  {
    org: 'anrt',
    theme: 'TECH',
    perRegion: false,
    title: { fr: 'Parc des abonnements mobiles et Internet {year}', ar: 'حظيرة اشتراكات الهاتف المحمول والإنترنت {year}', en: 'Mobile and Internet subscriptions {year}' },
    description: { fr: 'Nombre d’abonnements à la téléphonie mobile, à l’Internet fixe et mobile par opérateur et par trimestre, {year}.', ar: 'عدد اشتراكات الهاتف المحمول والإنترنت الثابت والمتنقل حسب المتعهد وحسب الفصل، {year}.', en: 'Mobile telephony, fixed and mobile Internet subscriptions by operator and quarter, {year}.' },
    keywords: { fr: ['télécommunications', 'internet', 'mobile'], ar: ['الاتصالات', 'الإنترنت', 'الهاتف المحمول'] },
    frequency: 'QUARTERLY',
    columns: [{ name: 'trimestre', type: 'string' }, { name: 'operateur', type: 'string' }, { name: 'service', type: 'string' }, { name: 'abonnements', type: 'integer' }],
    row: ({ i, year, rnd }) => [`${year}-T${(i % 4) + 1}`, pick(['Maroc Telecom', 'Orange Maroc', 'inwi'], rnd), pick(['Mobile prépayé', 'Mobile postpayé', 'Internet fixe', 'Internet mobile 4G'], rnd), Math.round(rnd() * 20_000_000)],
    rows: 48,
  },
  {
    org: 'men',
    theme: 'EDUC',
    perRegion: true,
    title: { fr: 'Établissements scolaires publics — {region}', ar: 'المؤسسات التعليمية العمومية — {region}', en: 'Public schools — {region}' },
    description: { fr: 'Liste des écoles, collèges et lycées publics de la région {region} avec leurs effectifs d’élèves et d’enseignants et leur position.', ar: 'لائحة المدارس والإعداديات والثانويات العمومية بجهة {region} مع أعداد التلاميذ والأساتذة وموقعها.', en: 'Public primary, middle and high schools of {region} with pupils, teachers and location.' },
    keywords: { fr: ['écoles', 'éducation', 'élèves'], ar: ['المدارس', 'التعليم', 'التلاميذ'] },
    frequency: 'ANNUAL',
    columns: [{ name: 'etablissement', type: 'string' }, { name: 'ville', type: 'string' }, { name: 'cycle', type: 'string' }, { name: 'eleves', type: 'integer' }, { name: 'enseignants', type: 'integer' }, { name: 'latitude', type: 'number' }, { name: 'longitude', type: 'number' }],
    row: ({ i, region, rnd }) => {
      const cycle = pick(['Primaire', 'Collège', 'Lycée'], rnd);
      const pupils = Math.round(150 + rnd() * 1500);
      return [`${cycle === 'Primaire' ? 'École' : cycle} ${pick(['Ibn Khaldoun', 'Al Massira', 'Ibn Sina', 'Al Farabi', 'Moulay Ismail', 'Lalla Aicha', 'Al Andalous'], rnd)} ${i + 1}`, pick(region.cities, rnd), cycle, pupils, Math.round(pupils / (25 + rnd() * 15)), coord(region.lat, rnd), coord(region.lon, rnd)];
    },
    rows: 120,
  },
  {
    org: 'sante',
    theme: 'HEAL',
    perRegion: true,
    title: { fr: 'Hôpitaux et centres de santé — {region}', ar: 'المستشفيات والمراكز الصحية — {region}', en: 'Hospitals and health centres — {region}' },
    description: { fr: 'Établissements de soins publics de la région {region} : type, capacité litière, médecins et coordonnées.', ar: 'المؤسسات الصحية العمومية بجهة {region}: النوع والطاقة السريرية والأطباء والإحداثيات.', en: 'Public care facilities of {region}: type, beds, doctors and coordinates.' },
    keywords: { fr: ['santé', 'hôpitaux', 'lits'], ar: ['الصحة', 'المستشفيات', 'الأسرة'] },
    frequency: 'ANNUAL',
    columns: [{ name: 'etablissement', type: 'string' }, { name: 'ville', type: 'string' }, { name: 'type', type: 'string' }, { name: 'lits', type: 'integer' }, { name: 'medecins', type: 'integer' }, { name: 'ouverture', type: 'date' }, { name: 'latitude', type: 'number' }, { name: 'longitude', type: 'number' }],
    row: ({ i, region, rnd }) => {
      const type = pick(['Centre hospitalier régional', 'Centre hospitalier provincial', 'Centre de santé urbain', 'Centre de santé rural', 'Dispensaire'], rnd);
      return [`${type} ${pick(region.cities, rnd)} ${i + 1}`, pick(region.cities, rnd), type, type.startsWith('Centre hospitalier') ? Math.round(100 + rnd() * 600) : Math.round(rnd() * 20), Math.round(2 + rnd() * 120), date(1960 + Math.floor(rnd() * 60), rnd), coord(region.lat, rnd), coord(region.lon, rnd)];
    },
    rows: 60,
  },
  {
    org: 'agriculture',
    theme: 'AGRI',
    perRegion: false,
    title: { fr: 'Production céréalière par région — campagne {year}', ar: 'إنتاج الحبوب حسب الجهة — الموسم الفلاحي {year}', en: 'Cereal production by region — {year} season' },
    description: { fr: 'Superficies emblavées, production et rendement du blé dur, du blé tendre et de l’orge par région, campagne agricole {year}.', ar: 'المساحات المزروعة والإنتاج والمردودية للقمح الصلب والقمح اللين والشعير حسب الجهة، الموسم الفلاحي {year}.', en: 'Sown areas, production and yield of durum wheat, soft wheat and barley by region, {year} season.' },
    keywords: { fr: ['agriculture', 'céréales', 'blé'], ar: ['الفلاحة', 'الحبوب', 'القمح'] },
    frequency: 'ANNUAL',
    columns: [{ name: 'region', type: 'string' }, { name: 'culture', type: 'string' }, { name: 'superficie_ha', type: 'integer' }, { name: 'production_qx', type: 'integer' }, { name: 'rendement_qx_ha', type: 'number' }],
    row: ({ i, rnd }) => {
      const r = demoRegions[i % demoRegions.length] ?? demoRegions[0];
      const ha = Math.round(rnd() * 400000);
      const y = Math.round((5 + rnd() * 20) * 10) / 10;
      return [r?.fr ?? '', pick(['Blé dur', 'Blé tendre', 'Orge'], rnd), ha, Math.round(ha * y), y];
    },
    rows: 36,
  },
  {
    org: 'onee',
    theme: 'ENER',
    perRegion: false,
    title: { fr: 'Production d’électricité par source {year}', ar: 'إنتاج الكهرباء حسب المصدر {year}', en: 'Electricity generation by source {year}' },
    description: { fr: 'Énergie électrique produite par mois et par source (charbon, gaz, hydraulique, éolien, solaire) en GWh, {year}.', ar: 'الطاقة الكهربائية المنتجة شهريا حسب المصدر (الفحم، الغاز، المائية، الريحية، الشمسية) بالجيغاواط ساعة، {year}.', en: 'Electric energy generated by month and source (coal, gas, hydro, wind, solar) in GWh, {year}.' },
    keywords: { fr: ['énergie', 'électricité', 'renouvelables'], ar: ['الطاقة', 'الكهرباء', 'الطاقات المتجددة'] },
    frequency: 'MONTHLY',
    columns: [{ name: 'mois', type: 'date' }, { name: 'source', type: 'string' }, { name: 'production_gwh', type: 'number' }],
    row: ({ i, year, rnd }) => [`${year}-${String((i % 12) + 1).padStart(2, '0')}-01`, pick(['Charbon', 'Gaz naturel', 'Hydraulique', 'Éolien', 'Solaire'], rnd), Math.round(rnd() * 15000) / 10],
    rows: 60,
  },
  {
    org: 'onee',
    theme: 'ENVI',
    perRegion: true,
    title: { fr: 'Qualité de l’eau potable — {region}', ar: 'جودة الماء الصالح للشرب — {region}' },
    description: { fr: 'Résultats des contrôles de qualité de l’eau distribuée dans la région {region} : conductivité, nitrates, turbidité.', ar: 'نتائج مراقبة جودة الماء الموزع بجهة {region}: الموصلية والنترات والعكارة.' },
    keywords: { fr: ['eau', 'environnement', 'qualité'], ar: ['الماء', 'البيئة', 'الجودة'] },
    frequency: 'MONTHLY',
    columns: [{ name: 'date_prelevement', type: 'date' }, { name: 'ville', type: 'string' }, { name: 'conductivite_us_cm', type: 'integer' }, { name: 'nitrates_mg_l', type: 'number' }, { name: 'turbidite_ntu', type: 'number' }, { name: 'conforme', type: 'boolean' }],
    row: ({ year, region, rnd }) => {
      const n = Math.round(rnd() * 600) / 10;
      return [date(year, rnd), pick(region.cities, rnd), Math.round(300 + rnd() * 2000), n, Math.round(rnd() * 50) / 10, n < 50];
    },
    rows: 50,
  },
  {
    org: 'justice',
    theme: 'JUST',
    perRegion: false,
    title: { fr: 'Affaires enregistrées et jugées par juridiction {year}', ar: 'القضايا المسجلة والمحكومة حسب المحكمة {year}', en: 'Cases filed and decided by court {year}' },
    description: { fr: 'Nombre d’affaires enregistrées, jugées et restantes par juridiction et par nature, année judiciaire {year}.', ar: 'عدد القضايا المسجلة والمحكومة والمتبقية حسب المحكمة وحسب النوع، السنة القضائية {year}.', en: 'Cases filed, decided and pending by court and type, judicial year {year}.' },
    keywords: { fr: ['justice', 'tribunaux', 'affaires'], ar: ['العدل', 'المحاكم', 'القضايا'] },
    frequency: 'ANNUAL',
    columns: [{ name: 'juridiction', type: 'string' }, { name: 'nature', type: 'string' }, { name: 'enregistrees', type: 'integer' }, { name: 'jugees', type: 'integer' }],
    row: ({ rnd }) => {
      const e = Math.round(rnd() * 40000);
      return [`Tribunal de première instance de ${pick(['Rabat', 'Casablanca', 'Fès', 'Marrakech', 'Tanger', 'Agadir', 'Oujda', 'Meknès'], rnd)}`, pick(['Civile', 'Pénale', 'Famille', 'Commerciale', 'Administrative'], rnd), e, Math.round(e * (0.7 + rnd() * 0.3))];
    },
    rows: 40,
  },
  {
    org: 'dgct',
    theme: 'GOVE',
    perRegion: true,
    title: { fr: 'Budgets des communes — {region}', ar: 'ميزانيات الجماعات — {region}', en: 'Municipal budgets — {region}' },
    description: { fr: 'Recettes et dépenses de fonctionnement et d’investissement des communes de la région {region}.', ar: 'مداخيل ونفقات التسيير والاستثمار لجماعات جهة {region}.', en: 'Operating and investment revenue and spending of the municipalities of {region}.' },
    keywords: { fr: ['collectivités territoriales', 'budget', 'communes'], ar: ['الجماعات الترابية', 'الميزانية', 'الجماعات'] },
    frequency: 'ANNUAL',
    columns: [{ name: 'commune', type: 'string' }, { name: 'annee', type: 'year' }, { name: 'recettes_mdh', type: 'number' }, { name: 'depenses_fonctionnement_mdh', type: 'number' }, { name: 'depenses_investissement_mdh', type: 'number' }],
    row: ({ i, year, region, rnd }) => {
      const r = Math.round(rnd() * 20000) / 10;
      return [`${pick(region.cities, rnd)} ${i + 1}`, year, r, Math.round(r * 0.6 * 10) / 10, Math.round(r * (0.2 + rnd() * 0.3) * 10) / 10];
    },
    rows: 60,
  },
  {
    org: 'transport',
    theme: 'TRAN',
    perRegion: false,
    title: { fr: 'Trafic des aéroports du Maroc {year}', ar: 'حركة المطارات المغربية {year}', en: 'Moroccan airport traffic {year}' },
    description: { fr: 'Passagers, mouvements d’avions et fret par aéroport et par mois, {year}.', ar: 'المسافرون وحركات الطائرات والشحن حسب المطار وحسب الشهر، {year}.', en: 'Passengers, aircraft movements and freight by airport and month, {year}.' },
    keywords: { fr: ['transport', 'aéroports', 'passagers'], ar: ['النقل', 'المطارات', 'المسافرون'] },
    frequency: 'MONTHLY',
    columns: [{ name: 'mois', type: 'date' }, { name: 'aeroport', type: 'string' }, { name: 'passagers', type: 'integer' }, { name: 'mouvements', type: 'integer' }, { name: 'fret_tonnes', type: 'number' }],
    row: ({ i, year, rnd }) => [`${year}-${String((i % 12) + 1).padStart(2, '0')}-01`, pick(['Casablanca Mohammed V', 'Marrakech Menara', 'Agadir Al Massira', 'Tanger Ibn Battouta', 'Fès Saïss', 'Rabat-Salé'], rnd), Math.round(rnd() * 900000), Math.round(rnd() * 8000), Math.round(rnd() * 50000) / 10],
    rows: 72,
  },
  {
    org: 'region-casablanca-settat',
    theme: 'REGI',
    perRegion: false,
    title: { fr: 'Projets de développement régional {year}', ar: 'مشاريع التنمية الجهوية {year}', en: 'Regional development projects {year}' },
    description: { fr: 'Projets financés par le Conseil de la Région Casablanca-Settat : secteur, province, coût et avancement, {year}.', ar: 'المشاريع الممولة من طرف مجلس جهة الدار البيضاء سطات: القطاع والإقليم والكلفة ونسبة الإنجاز، {year}.', en: 'Projects funded by the Casablanca-Settat Regional Council: sector, province, cost and progress, {year}.' },
    keywords: { fr: ['région', 'projets', 'investissement'], ar: ['الجهة', 'المشاريع', 'الاستثمار'] },
    frequency: 'ANNUAL',
    columns: [{ name: 'projet', type: 'string' }, { name: 'province', type: 'string' }, { name: 'secteur', type: 'string' }, { name: 'cout_mdh', type: 'number' }, { name: 'avancement_pct', type: 'integer' }],
    row: ({ i, rnd }) => [`Projet ${i + 1}`, pick(['Casablanca', 'Mohammédia', 'El Jadida', 'Settat', 'Berrechid', 'Benslimane', 'Sidi Bennour'], rnd), pick(['Routes', 'Eau', 'Éducation', 'Santé', 'Sport', 'Culture'], rnd), Math.round(rnd() * 5000) / 10, Math.round(rnd() * 100)],
    rows: 40,
  },
  {
    org: 'region-souss-massa',
    theme: 'INTR',
    perRegion: false,
    title: { fr: 'Arrivées touristiques internationales à Agadir {year}', ar: 'الوافدون السياحيون الدوليون على أكادير {year}', en: 'International tourist arrivals in Agadir {year}' },
    description: { fr: 'Arrivées et nuitées dans les établissements classés de la région Souss-Massa par pays de résidence, {year}.', ar: 'الوافدون والليالي المقضاة بالمؤسسات المصنفة بجهة سوس ماسة حسب بلد الإقامة، {year}.', en: 'Arrivals and nights in classified establishments of Souss-Massa by country of residence, {year}.' },
    keywords: { fr: ['tourisme', 'international', 'nuitées'], ar: ['السياحة', 'الدولي', 'الليالي السياحية'] },
    frequency: 'MONTHLY',
    columns: [{ name: 'mois', type: 'date' }, { name: 'pays', type: 'string' }, { name: 'arrivees', type: 'integer' }, { name: 'nuitees', type: 'integer' }],
    row: ({ i, year, rnd }) => {
      const a = Math.round(rnd() * 40000);
      return [`${year}-${String((i % 12) + 1).padStart(2, '0')}-01`, pick(['France', 'Royaume-Uni', 'Allemagne', 'Espagne', 'Belgique', 'Pays-Bas', 'Pologne'], rnd), a, Math.round(a * (3 + rnd() * 5))];
    },
    rows: 60,
  },
];
