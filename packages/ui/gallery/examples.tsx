// Sample props for every component, shared by the gallery page and the server-rendering tests,
// so what the gallery shows is exactly what the tests render.
import type { ReactElement } from 'react';
import {
  Chart,
  DataTable,
  DatasetCard,
  FacetList,
  LanguageSwitcher,
  MultilingualText,
  OpennessStars,
  Pagination,
  QualityBadge,
  QualityBreakdown,
  ResourceList,
  SearchBox,
} from '../src/index';
import type { Locale } from '../src/index';

/** One gallery entry: a component name and the element showing it in a locale. */
export interface GalleryExample {
  name: string;
  render: (locale: Locale) => ReactElement;
}

export const regions = [
  { region: { fr: 'Casablanca-Settat', ar: 'الدار البيضاء سطات' }, population: 6861739, area: 20166, updated: '2024-09-01' },
  { region: { fr: 'Rabat-Salé-Kénitra', ar: 'الرباط سلا القنيطرة' }, population: 5132639, area: 18194, updated: '2024-09-01' },
  { region: { fr: 'Fès-Meknès', ar: 'فاس مكناس' }, population: 4467911, area: 40075, updated: '2024-09-01' },
  { region: { fr: 'Marrakech-Safi', ar: 'مراكش آسفي' }, population: 4892393, area: 39167, updated: '2024-08-15' },
  { region: { fr: 'Tanger-Tétouan-Al Hoceïma', ar: 'طنجة تطوان الحسيمة' }, population: 4030222, area: 17262, updated: '2024-08-15' },
  { region: { fr: 'Souss-Massa', ar: 'سوس ماسة' }, population: 3020431, area: 53789, updated: '2024-07-30' },
  { region: { fr: 'Oriental', ar: 'الشرق' }, population: 2294665, area: 88681, updated: '2024-07-30' },
];

export const galleryExamples: GalleryExample[] = [
  {
    name: 'SearchBox',
    render: (locale) => <SearchBox action={`/${locale}/search`} defaultValue="budget" labelVisible hiddenFields={{ sort: 'relevance' }} />,
  },
  {
    name: 'FacetList',
    render: (locale) => (
      <FacetList
        action={`/${locale}/search`}
        hiddenFields={{ q: 'budget' }}
        defaultValue={{ theme: ['GOVE'] }}
        groups={[
          {
            name: 'theme',
            label: { fr: 'Thème', ar: 'الموضوع', en: 'Theme' },
            options: [
              { value: 'GOVE', label: { fr: 'Gouvernement et secteur public', ar: 'الحكومة والقطاع العام', en: 'Government and public sector' }, count: 128 },
              { value: 'HEAL', label: { fr: 'Santé', ar: 'الصحة', en: 'Health' }, count: 42 },
              { value: 'EDUC', label: { fr: 'Éducation', ar: 'التعليم', en: 'Education' }, count: 1 },
              { value: 'ENER', label: { fr: 'Énergie', ar: 'الطاقة' }, count: 0 },
            ],
          },
          {
            name: 'format',
            label: { fr: 'Format', ar: 'الصيغة', en: 'Format' },
            options: [
              { value: 'CSV', label: 'CSV', count: 1520 },
              { value: 'XLSX', label: 'XLSX', count: 311 },
            ],
          },
        ]}
      />
    ),
  },
  {
    name: 'DatasetCard',
    render: (locale) => (
      <DatasetCard
        href={`/${locale}/datasets/loi-de-finances-2026`}
        headingLevel={3}
        title={{ fr: 'Loi de finances 2026 : dépenses par ministère', ar: 'قانون المالية 2026: النفقات حسب الوزارة' }}
        description={{
          fr: 'Crédits ouverts par la loi de finances 2026, ventilés par ministère, chapitre et article budgétaire. Montants en millions de dirhams.',
          ar: 'الاعتمادات المفتوحة بموجب قانون المالية لسنة 2026، موزعة حسب الوزارة والفصل والمادة. المبالغ بملايين الدراهم.',
        }}
        publisher={{ fr: 'Ministère de l’Économie et des Finances', ar: 'وزارة الاقتصاد والمالية' }}
        formats={['CSV', 'XLSX', 'JSON']}
        modified="2026-01-15"
        qualityScore={287}
        openness={3}
      />
    ),
  },
  {
    name: 'QualityBadge',
    render: () => (
      <p>
        <QualityBadge total={372} /> <QualityBadge total={287} /> <QualityBadge total={150} /> <QualityBadge total={40} />
      </p>
    ),
  },
  {
    name: 'QualityBreakdown',
    render: () => (
      <QualityBreakdown
        total={287}
        headingLevel={3}
        dimensions={[
          { id: 'findability', points: 80 },
          { id: 'accessibility', points: 100 },
          { id: 'interoperability', points: 50 },
          { id: 'reusability', points: 47 },
          { id: 'contextuality', points: 10 },
        ]}
        hints={[
          {
            key: 'format-machine-readable',
            gain: 20,
            message: {
              fr: 'Publiez au moins une ressource dans un format lisible par machine (CSV plutôt que PDF).',
              ar: 'انشر موردًا واحدًا على الأقل بصيغة قابلة للقراءة آليًا (CSV بدلًا من PDF).',
              en: 'Publish at least one resource in a machine-readable format (CSV rather than PDF).',
            },
          },
          {
            key: 'licence',
            gain: 20,
            message: { fr: 'Indiquez une licence issue du vocabulaire contrôlé.', en: 'Give a licence from the controlled vocabulary.' },
          },
        ]}
      />
    ),
  },
  {
    name: 'OpennessStars',
    render: () => (
      <p>
        <OpennessStars stars={3} showDescription />
      </p>
    ),
  },
  {
    name: 'ResourceList',
    render: () => (
      <ResourceList
        resources={[
          { id: 'csv', title: { fr: 'Dépenses par ministère', ar: 'النفقات حسب الوزارة' }, url: '/files/depenses-2026.csv', format: 'CSV', byteSize: 1_250_000, modified: '2026-01-15' },
          { id: 'xlsx', title: { fr: 'Tableaux détaillés' }, url: '/files/tableaux-2026.xlsx', format: 'XLSX', byteSize: 48_213, modified: '2026-01-10' },
          { id: 'api', title: { fr: 'Documentation', ar: 'التوثيق', en: 'Documentation' }, url: '/files/notice.pdf', format: 'PDF' },
        ]}
      />
    ),
  },
  {
    name: 'DataTable',
    render: (locale) => (
      <DataTable
        caption={<MultilingualText value={{ fr: 'Population légale par région (RGPH 2024)', ar: 'السكان القانونيون حسب الجهة (الإحصاء العام 2024)', en: 'Legal population by region (2024 census)' }} />}
        pageSize={5}
        defaultSort={{ column: 'population', direction: 'descending' }}
        columns={[
          { key: 'region', header: { fr: 'Région', ar: 'الجهة', en: 'Region' }, render: (value) => <MultilingualText value={value as Record<Locale, string>} locale={locale} /> },
          { key: 'population', header: { fr: 'Population', ar: 'عدد السكان', en: 'Population' }, type: 'number' },
          { key: 'area', header: { fr: 'Superficie (km²)', ar: 'المساحة (كم²)', en: 'Area (km²)' }, type: 'number' },
          { key: 'updated', header: { fr: 'Mise à jour', ar: 'التحديث', en: 'Updated' }, type: 'date' },
        ]}
        rows={regions}
      />
    ),
  },
  {
    name: 'Chart (bar)',
    render: () => (
      <Chart
        kind="bar"
        title={<MultilingualText value={{ fr: 'Population par région (millions)', ar: 'السكان حسب الجهة (بالملايين)', en: 'Population by region (millions)' }} />}
        categories={regions.slice(0, 5).map((r) => r.region)}
        series={[{ name: { fr: 'Population', ar: 'السكان', en: 'Population' }, values: regions.slice(0, 5).map((r) => r.population / 1e6) }]}
        valueFormat={{ maximumFractionDigits: 2 }}
      />
    ),
  },
  {
    name: 'Chart (line)',
    render: () => (
      <Chart
        kind="line"
        showTable
        title={<MultilingualText value={{ fr: 'Taux de chômage (%)', ar: 'معدل البطالة (%)', en: 'Unemployment rate (%)' }} />}
        categories={['2019', '2020', '2021', '2022', '2023', '2024']}
        series={[
          { name: { fr: 'Urbain', ar: 'الحضري', en: 'Urban' }, values: [12.9, 15.8, 16.9, 15.8, 17.0, 16.9] },
          { name: { fr: 'Rural', ar: 'القروي', en: 'Rural' }, values: [3.7, 5.9, 5.1, 5.2, 6.3, 6.8] },
        ]}
      />
    ),
  },
  {
    name: 'Chart (pie)',
    render: () => (
      <Chart
        kind="pie"
        title={<MultilingualText value={{ fr: 'Ressources par format', ar: 'الموارد حسب الصيغة', en: 'Resources by format' }} />}
        categories={['CSV', 'XLSX', 'PDF', 'JSON']}
        series={[{ name: { fr: 'Ressources', ar: 'الموارد', en: 'Resources' }, values: [1520, 311, 240, 95] }]}
      />
    ),
  },
  {
    name: 'LanguageSwitcher',
    render: () => <LanguageSwitcher hrefFor={(locale) => `/${locale}/datasets/loi-de-finances-2026`} />,
  },
  {
    name: 'Pagination',
    render: (locale) => <Pagination pageCount={24} page={7} hrefFor={(page) => `/${locale}/search?q=budget&page=${page}`} />,
  },
  {
    name: 'MultilingualText',
    render: () => (
      <p>
        <MultilingualText value={{ fr: 'Indicateurs de la santé maternelle', ar: 'مؤشرات صحة الأم' }} />
        {' · '}
        <MultilingualText value={{ fr: 'Registre des marchés publics' }} />
      </p>
    ),
  },
];
