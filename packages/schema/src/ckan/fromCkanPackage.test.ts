import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../parse';
import { euLanguages } from '../vocabularies/languages';
import { createLicenceRegistry, licences } from '../vocabularies/licences';
import { createLocalThemes } from '../vocabularies/localThemes';
import { ckanPackagesOf, type CkanPackage } from './ckanPackage';
import { fromCkanOrganization, fromCkanPackage, type FromCkanOptions } from './fromCkanPackage';

const CORPUS = new URL('../../../../../shared/corpus/ckan-api/', import.meta.url);
const read = (file: string): unknown => JSON.parse(readFileSync(new URL(file, CORPUS), 'utf8'));

const EU = 'http://publications.europa.eu/resource/authority/';

function texts(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
  return [];
}

// What "no loss" means for one package: every title and description text, every language, every
// resource (by URL, in order) and the licence are found in the Bayan records.
function expectNoLoss(pkg: CkanPackage, options: FromCkanOptions) {
  const result = fromCkanPackage(pkg, options);
  const { dataset } = result;
  expect(parseDataset(dataset).ok).toBe(true);
  const kept = [...texts(dataset.title), ...texts(dataset.description), ...texts(dataset.extras)];
  for (const title of texts(pkg.title_translated ?? pkg.title)) expect(kept).toContain(title.normalize('NFC'));
  for (const notes of [...texts(pkg.notes_translated ?? pkg.notes), ...texts(pkg.description)]) expect(kept).toContain(notes.normalize('NFC'));
  const languages = (Array.isArray(pkg.language) ? pkg.language : []) as string[];
  for (const code of languages) expect(dataset.languages).toContain(euLanguages.find(code)?.uri);
  const resources = pkg.resources ?? [];
  expect(dataset.distributions.map((d) => d.accessUrl)).toEqual(resources.map((r) => r.url?.trim()));
  if (pkg.license_id) {
    const licence = licences.find(pkg.license_id)?.uri;
    expect(licence).toBeDefined();
    for (const d of dataset.distributions) expect(d.license).toBe(licence);
  }
  return result;
}

describe('fromCkanPackage on real CKAN responses', () => {
  it('keeps everything of demo.ckan.org’s package_show (CKAN 2.8, Markdown notes, GeoJSON extras)', () => {
    const [pkg] = ckanPackagesOf(read('demo-ckan_package_show.json'));
    expect(pkg).toBeDefined();
    const { dataset, problems } = expectNoLoss(pkg!, { defaultLanguage: 'en' });
    expect(dataset.title).toEqual({ en: 'UK: Adur District Council Spending Data' });
    expect(dataset.description.en).toContain('**bold**');
    expect(dataset.distributions).toHaveLength(7);
    expect(dataset.distributions.map((d) => d.format?.replace(`${EU}file-type/`, ''))).toEqual(['CSV', 'JSON', 'CSV', 'CSV', 'WMS_SRVC', 'WMS_SRVC', 'GEOJSON']);
    // a WMS endpoint is not a file to download
    expect(dataset.distributions[4]?.downloadUrl).toBeUndefined();
    expect(dataset.distributions[0]?.license).toBe(`${EU}licence/CC_BYSA_4_0`);
    expect(dataset.spatial?.[0]?.geometry?.type).toBe('Polygon');
    expect(dataset.spatial?.[0]?.label?.en).toBe('Adur, West Sussex, South East England, England, United Kingdom');
    expect(dataset.extras).toMatchObject({ asdasd: 'asdasd', asdsa1111: 'asdasd2222' });
    expect(dataset.extras?.spatial).toBeUndefined();
    expect(dataset.slug).toBe('adur-district-spending');
    expect(dataset.extras?.['ckan:name']).toBe('adur_district_spending');
    expect(problems.map((p) => p.code).sort()).toEqual(['renamed_slug', 'unmapped_group']);
    expect(dataset.localThemes).toEqual(['data-explorer']);
  });

  it('keeps everything of opendata.swiss’s multilingual package_show', () => {
    const [pkg] = ckanPackagesOf(read('opendata-swiss_package_show.json'));
    const { dataset, organization, problems } = expectNoLoss(pkg!, {});
    expect(dataset.title).toEqual({ fr: 'Voyages de la population résidante suisse en 2019' });
    expect(dataset.extras?.['title@de']).toBe('Reisen der Schweizer Wohnbevölkerung 2019');
    expect(dataset.languages).toEqual([`${EU}language/DEU`, `${EU}language/FRA`]);
    expect(dataset.keywords?.fr).toContain('tourisme');
    expect(dataset.keywords?.en).toContain('tourism');
    expect(JSON.parse(dataset.extras?.['keywords@de'] ?? '[]')).toContain('tourismus');
    expect(dataset.temporal).toEqual([{ start: '2018-01-01T00:00:00Z', end: '2019-12-31T00:00:00Z' }]);
    expect(dataset.identifier).toBe('14816740@bundesamt-fur-statistik-bfs');
    expect(dataset.uri).toBe('https://ckan.opendata.swiss/perma/14816740@bundesamt-fur-statistik-bfs');
    expect(dataset.contactPoints?.[0]?.email).toBe('auskunftsdienst@bfs.admin.ch');
    expect(dataset.distributions[0]).toMatchObject({ mediaType: 'application/pdf', languages: [`${EU}language/DEU`], issued: '2020-10-22T00:00:00Z' });
    expect(organization?.name).toEqual({ fr: 'Office fédéral de la statistique OFS', en: 'Federal Statistical Office FSO' });
    expect(dataset.organizationId).toBe(organization?.id);
    expect(dataset.publisher?.name.fr).toBe('Office fédéral de la statistique OFS');
    // all description translations are empty strings: the title stands in, and it says so
    expect(problems.map((p) => p.code)).toContain('missing_description');
    expect(problems.find((p) => p.code === 'missing_description')?.message.ar).toMatch(/وصف/);
  });

  it('keeps everything of the 10 packages of Birmingham’s package_search page', () => {
    const packages = ckanPackagesOf(read('birmingham_package_search.json'));
    expect(packages).toHaveLength(10);
    let distributions = 0;
    for (const pkg of packages) {
      const { dataset } = expectNoLoss(pkg, { defaultLanguage: 'en' });
      distributions += dataset.distributions.length;
      expect(dataset.distributions.every((d) => d.license === `${EU}licence/OGL_3_0`)).toBe(true);
    }
    expect(distributions).toBe(54);
    const [first] = packages;
    const { dataset } = fromCkanPackage(first, { defaultLanguage: 'en' });
    expect(dataset.distributions[0]?.checksum).toEqual({ algorithm: 'md5', value: '43f32bff94876bd377627bf8af89a692' });
    expect(dataset.distributions[0]?.title?.en).toBe('Purchase Card transactions - April 2014');
    expect(dataset.contactPoints?.[0]?.email).toBe('ian.martin@birmingham.gov.uk');
  });

  it('reads all 337 organisations of Open Canada’s bilingual organization_list', () => {
    const orgs = read('open-canada_organization_list.json') as { result: { name: string; title: string }[] };
    expect(orgs.result).toHaveLength(337);
    for (const org of orgs.result) {
      const { organization } = fromCkanOrganization(org, { splitTitles: ['en', 'fr'] });
      expect(organization?.slug).toBe(org.name);
      expect(`${organization?.name.en} | ${organization?.name.fr}`).toBe(org.title.trim());
    }
  });
});

describe('fromCkanPackage on a national portal’s fields', () => {
  const base = {
    id: 'b1c2d3e4-0000-4000-8000-000000000001',
    name: 'budget-2024',
    title: 'Budget 2024',
    title_fr: 'Budget 2024',
    title_ar: 'ميزانية 2024',
    notes: 'Le budget.',
    notes_ar: 'الميزانية.',
    license_id: 'ma-lo',
    tags: [{ name: 'budget' }, { name: 'ميزانية' }],
    groups: [{ name: 'finances' }, { name: 'sante', title: 'Santé' }],
    resources: [{ url: '/uploads/budget.csv', format: 'csv', size: '1024', hash: 'sha256:' + 'A'.repeat(64), last_modified: '2024-02-01T10:00:00' }],
    state: 'active',
    private: true,
  };
  const national = createLicenceRegistry([
    { uri: 'https://data.gov.ma/licence-ouverte', code: 'MA_LO', open: true, aliases: ['ma-lo'], labels: { fr: 'Licence ouverte', ar: 'الرخصة المفتوحة', en: 'Open licence' } },
  ]);

  it('reads title_fr, title_ar, notes_ar, Arabic tags, a national licence and relative URLs', () => {
    const { dataset, problems } = fromCkanPackage(base, { licences: national, baseUrl: 'https://data.gov.ma/', groupThemes: { finances: 'ECON' } });
    expect(dataset.title).toEqual({ fr: 'Budget 2024', ar: 'ميزانية 2024' });
    expect(dataset.description).toEqual({ fr: 'Le budget.', ar: 'الميزانية.' });
    expect(dataset.keywords).toEqual({ fr: ['budget'], ar: ['ميزانية'] });
    expect(dataset.themes).toEqual([`${EU}data-theme/ECON`, `${EU}data-theme/HEAL`]);
    expect(dataset.publicationState).toBe('in-review');
    expect(dataset.distributions[0]).toMatchObject({
      accessUrl: 'https://data.gov.ma/uploads/budget.csv',
      format: `${EU}file-type/CSV`,
      byteSize: 1024,
      checksum: { algorithm: 'sha256', value: 'a'.repeat(64) },
      modified: '2024-02-01T10:00:00Z',
      license: 'https://data.gov.ma/licence-ouverte',
    });
    expect(problems).toEqual([]);
  });

  it('prefers title_translated / notes_translated and maps groups through local themes', () => {
    const localThemes = createLocalThemes([{ id: 'finances', labels: { fr: 'Finances', ar: 'المالية', en: 'Finance' }, euTheme: 'ECON' }]);
    const { dataset } = fromCkanPackage(
      { ...base, title_translated: { fr: 'Budget général 2024', ar: 'الميزانية العامة 2024', en: '' }, notes_translated: { ar: 'نص' } },
      { localThemes, licences: national },
    );
    expect(dataset.title).toEqual({ fr: 'Budget général 2024', ar: 'الميزانية العامة 2024' });
    expect(dataset.description).toEqual({ ar: 'نص', fr: 'Le budget.' });
    expect(dataset.extras?.['ckan:title']).toBe('Budget 2024');
    expect(dataset.localThemes).toEqual(['finances']);
    expect(dataset.themes).toContain(`${EU}data-theme/ECON`);
  });

  it('reports an unknown licence and keeps its id', () => {
    const { dataset, problems } = fromCkanPackage({ ...base, license_id: 'licence-maison' });
    expect(problems.find((p) => p.code === 'unknown_licence')?.path).toBe('/license_id');
    expect(dataset.extras?.license_id).toBe('licence-maison');
  });

  it('drops a resource without a usable URL and says which one', () => {
    const { dataset, problems } = fromCkanPackage({ ...base, license_id: 'cc-by', resources: [{ url: 'javascript:alert(1)' }, { url: 'https://x.example/a.json' }] });
    expect(dataset.distributions.map((d) => d.accessUrl)).toEqual(['https://x.example/a.json']);
    expect(problems.find((p) => p.code === 'dropped_resource')?.path).toBe('/resources/0/url');
  });

  it('keeps what is valid and drops what the model rejects, reporting each', () => {
    const { dataset, problems } = fromCkanPackage({
      ...base,
      license_id: 'cc-by',
      maintainer: 'Accueil',
      maintainer_email: 'not an e-mail',
      extras: [{ key: 'spatial', value: '{"type":"Point","coordinates":[500,500]}' }],
    });
    expect(parseDataset(dataset).ok).toBe(true);
    expect(dataset.contactPoints).toBeUndefined();
    expect(dataset.spatial).toBeUndefined();
    expect(problems.filter((p) => p.code === 'dropped_value').map((p) => p.path)).toEqual(expect.arrayContaining(['/contactPoints/0', '/spatial/0/geometry']));
  });

  it('falls back to French for a default language Bayan does not hold', () => {
    const { dataset } = fromCkanPackage({ name: 'x1', title: 'Haushalt', notes: 'Text' }, { defaultLanguage: 'de' as 'fr' });
    expect(dataset.title).toEqual({ fr: 'Haushalt' });
  });

  it('turns anything that is not a package into a problem, not a crash', () => {
    for (const input of [null, 42, 'text', [], { resources: 'nope', title: { fr: 5 } }]) {
      const { dataset, problems } = fromCkanPackage(input);
      expect(parseDataset(dataset).ok).toBe(true);
      expect(problems.length).toBeGreaterThan(0);
    }
  });
});

describe('ckanPackagesOf', () => {
  it('unwraps package_show, package_search, lists and bare packages', () => {
    expect(ckanPackagesOf(read('demo-ckan_package_show.json'))).toHaveLength(1);
    expect(ckanPackagesOf(read('birmingham_package_search.json'))).toHaveLength(10);
    expect(ckanPackagesOf([{ name: 'a', title: 'A' }, { name: 'b', title: 'B' }])).toHaveLength(2);
    expect(ckanPackagesOf({ name: 'a', title: 'A' })).toHaveLength(1);
    expect(ckanPackagesOf(read('open-canada_organization_list.json'))).toHaveLength(0);
    expect(ckanPackagesOf(null)).toEqual([]);
  });
});
