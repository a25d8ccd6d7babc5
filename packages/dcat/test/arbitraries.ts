import { parseDataset, type Dataset } from '@bayan/schema';
import fc from 'fast-check';

const EU = 'http://publications.europa.eu/resource/authority';

// Words in each language, with characters every serialisation must escape ("<&>'\\), and
// ASCII noise; text is built from them so it is always valid, trimmed, non-blank text.
const WORDS = {
  fr: ['données', 'élève', 'ça', 'Île-de-France', "l'État", 'budget', 'œuvre'],
  ar: ['ميزانية', 'الدولة', 'بيانات', 'مفتوحة', 'إحصاء', 'الرباط'],
  en: ['data', 'state', 'budget', 'open', 'region'],
};
const noise = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s.length > 0);
const wordIn = (language: 'fr' | 'ar' | 'en') => fc.oneof(fc.constantFrom(...WORDS[language]), noise, fc.constantFrom('"quoted"', '<b>&amp;</b>', 'a\\b', "it's", '"""'));
const textIn = (language: 'fr' | 'ar' | 'en') =>
  fc.array(fc.tuple(wordIn(language), fc.constantFrom(' ', '\n', ' — ')), { minLength: 1, maxLength: 5 }).map((parts) =>
    parts
      .map(([w, sep], i) => (i === 0 ? w : sep + w))
      .join('')
      .trim(),
  );
const multilingual = fc
  .record({ fr: textIn('fr'), ar: textIn('ar'), en: textIn('en') }, { requiredKeys: [] })
  .filter((t) => Object.keys(t).length > 0);

const token = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,15}$/);
const http = fc.tuple(fc.constantFrom('https://data.gov.ma', 'http://example.org', 'https://www.etalab.gouv.fr'), token).map(([b, t]) => `${b}/${t}`);
const uniqueHttp = fc.tuple(fc.constantFrom('https://data.gov.ma', 'http://example.org'), fc.uuid()).map(([b, u]) => `${b}/r/${u}`);
const httpList = fc.uniqueArray(http, { minLength: 1, maxLength: 3 });
const email = fc.tuple(token, fc.constantFrom('gov.ma', 'example.org')).map(([u, d]) => `${u}@${d}`);
const phone = fc.stringMatching(/^\+?[0-9][0-9 ().-]{2,15}[0-9]$/);
const date = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const dateTime = fc
  .tuple(date, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom('Z', '+01:00', '-05:30'))
  .map(([d, h, m, z]) => `${d}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00${z}`);
const dateOrDateTime = fc.oneof(date, dateTime);
const code = fc.stringMatching(/^[A-Z][A-Z0-9_]{1,8}$/);
const coordinate = (max: number) => fc.integer({ min: -max * 100, max: max * 100 }).map((n) => n / 100);

const agent = fc.record(
  {
    uri: uniqueHttp,
    name: multilingual,
    type: fc.constantFrom('http://purl.org/adms/publishertype/NationalAuthority', 'http://purl.org/adms/publishertype/LocalAuthority'),
    identifier: token,
    email,
    homepage: http,
  },
  { requiredKeys: ['name'] },
);
const kind = fc
  .record({ uri: uniqueHttp, name: multilingual, organizationName: multilingual, email, phone, url: http }, { requiredKeys: [] })
  .filter((k) => k.email !== undefined || k.phone !== undefined || k.url !== undefined || k.uri !== undefined);
const standard = fc.record({ uri: uniqueHttp, title: multilingual }, { requiredKeys: ['uri'] });
const period = fc
  .record({ start: date, end: date }, { requiredKeys: [] })
  .filter((p) => p.start !== undefined || p.end !== undefined)
  .map((p) => (p.start !== undefined && p.end !== undefined && p.start > p.end ? { start: p.end, end: p.start } : p));
const location = fc
  .record(
    {
      uri: uniqueHttp,
      label: multilingual,
      bbox: fc.tuple(coordinate(180), coordinate(90), coordinate(180), coordinate(90)).map(([a, b, c, d]) => [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)]),
      centroid: fc.tuple(coordinate(180), coordinate(90)),
      geometry: fc.tuple(coordinate(180), coordinate(90)).map((c) => ({ type: 'Point', coordinates: c })),
    },
    { requiredKeys: [] },
  )
  .filter((l) => Object.keys(l).length > 0);
const mediaType = fc.constantFrom('text/csv', 'application/json', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/ld+json');
const service = fc.record(
  {
    uri: uniqueHttp,
    title: multilingual,
    description: multilingual,
    endpointUrls: httpList,
    endpointDescription: http,
    servesDatasets: httpList,
    keywords: fc.record({ fr: fc.uniqueArray(textIn('fr'), { minLength: 1, maxLength: 3 }) }),
    themes: fc.uniqueArray(fc.constantFrom('ECON', 'GOVE', 'HEAL').map((c) => `${EU}/data-theme/${c}`), { minLength: 1 }),
    publisher: agent,
    license: http,
    accessRights: fc.constantFrom(`${EU}/access-right/PUBLIC`, `${EU}/access-right/RESTRICTED`),
    formats: fc.uniqueArray(code.map((c) => `${EU}/file-type/${c}`), { minLength: 1, maxLength: 2 }),
    issued: dateOrDateTime,
  },
  { requiredKeys: ['title', 'endpointUrls'] },
);
const distribution = fc.record(
  {
    uri: uniqueHttp,
    accessUrl: http,
    downloadUrl: http,
    accessServices: fc.array(service, { minLength: 1, maxLength: 1 }),
    title: multilingual,
    description: multilingual,
    format: code.map((c) => `${EU}/file-type/${c}`),
    mediaType,
    compressFormat: fc.constant('application/gzip'),
    packageFormat: fc.constant('application/zip'),
    byteSize: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
    checksum: fc.record({ algorithm: fc.constantFrom('md5', 'sha1', 'sha256'), value: fc.stringMatching(/^[0-9a-f]{32,64}$/) }),
    license: http,
    rights: multilingual,
    hasPolicy: http,
    conformsTo: fc.array(standard, { minLength: 1, maxLength: 2 }),
    issued: dateOrDateTime,
    modified: dateOrDateTime,
    languages: fc.uniqueArray(fc.constantFrom('FRA', 'ARA', 'ENG').map((c) => `${EU}/language/${c}`), { minLength: 1 }),
    status: fc.constantFrom('COMPLETED', 'DEPRECATED').map((c) => `${EU}/distribution-status/${c}`),
    availability: fc.constantFrom('STABLE', 'TEMPORARY').map((c) => `${EU}/planned-availability/${c}`),
    documentation: httpList,
    spatialResolutionInMeters: fc.double({ min: 0.001, max: 1e7, noNaN: true, noDefaultInfinity: true }),
    temporalResolution: fc.constantFrom('P1D', 'PT15M', 'P1Y2M'),
    applicableLegislation: httpList,
    hvdCategories: fc.constant(['http://data.europa.eu/bna/c_a9135398']),
  },
  { requiredKeys: ['accessUrl'] },
);

/** A dataset with any subset of the fields DCAT carries (not Bayan's internal ones: id, slug, extras…). */
export const datasetArbitrary: fc.Arbitrary<Dataset> = fc
  .record(
    {
      uri: uniqueHttp,
      identifier: token,
      otherIdentifiers: fc.uniqueArray(token, { minLength: 1, maxLength: 3 }),
      title: multilingual,
      description: multilingual,
      keywords: fc.record(
        {
          fr: fc.uniqueArray(textIn('fr'), { minLength: 1, maxLength: 3 }),
          ar: fc.uniqueArray(textIn('ar'), { minLength: 1, maxLength: 3 }),
          en: fc.uniqueArray(textIn('en'), { minLength: 1, maxLength: 3 }),
        },
        { requiredKeys: [] },
      )
        // An empty keyword map says nothing and has no DCAT form: a dataset without keywords omits it.
        .filter((keywords) => Object.keys(keywords).length > 0),
      themes: fc.uniqueArray(fc.constantFrom('ECON', 'GOVE', 'HEAL', 'TRAN').map((c) => `${EU}/data-theme/${c}`), { minLength: 1 }),
      publisher: agent,
      creators: fc.array(agent, { minLength: 1, maxLength: 2 }),
      contactPoints: fc.array(kind, { minLength: 1, maxLength: 2 }),
      issued: dateOrDateTime,
      modified: dateOrDateTime,
      frequency: fc.constantFrom('ANNUAL', 'MONTHLY', 'IRREG').map((c) => `${EU}/frequency/${c}`),
      temporal: fc.array(period, { minLength: 1, maxLength: 2 }),
      spatial: fc.array(location, { minLength: 1, maxLength: 2 }),
      spatialResolutionInMeters: fc.double({ min: 0.001, max: 1e7, noNaN: true, noDefaultInfinity: true }),
      temporalResolution: fc.constantFrom('P1D', 'P1M'),
      accessRights: fc.constantFrom('PUBLIC', 'NON_PUBLIC').map((c) => `${EU}/access-right/${c}`),
      languages: fc.uniqueArray(fc.constantFrom('FRA', 'ARA', 'ENG').map((c) => `${EU}/language/${c}`), { minLength: 1 }),
      landingPage: http,
      documentation: httpList,
      conformsTo: fc.array(standard, { minLength: 1, maxLength: 2 }),
      version: fc.stringMatching(/^[0-9]{1,2}\.[0-9]{1,2}$/),
      versionNotes: multilingual,
      provenance: multilingual,
      type: fc.constant(`${EU}/dataset-type/STATISTICAL`),
      sources: httpList,
      relations: httpList,
      hasVersions: httpList,
      isVersionOf: httpList,
      isReferencedBy: httpList,
      qualifiedRelations: fc.array(fc.record({ relation: http, role: http }), { minLength: 1, maxLength: 2 }),
      qualifiedAttributions: fc.array(fc.record({ agent, role: http }), { minLength: 1, maxLength: 2 }),
      wasGeneratedBy: httpList,
      samples: fc.array(distribution, { minLength: 1, maxLength: 1 }),
      inSeries: httpList,
      applicableLegislation: httpList,
      hvdCategories: fc.constant(['http://data.europa.eu/bna/c_a9135398']),
      distributions: fc.array(distribution, { maxLength: 3 }),
    },
    { requiredKeys: ['title', 'description', 'distributions'] },
  )
  .map((raw) => {
    const result = parseDataset(raw);
    if (!result.ok) throw new Error(`generator made an invalid dataset: ${JSON.stringify(result.errors)}`);
    return result.value;
  });

const TUPLES = new Set(['bbox', 'centroid', 'coordinates']);

/** RDF has no order and no duplicates: sort every list (but coordinate tuples) so two datasets compare as sets. */
export function canonical(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => canonical(v));
    return TUPLES.has(key) ? items : items.map((v) => JSON.stringify(v)).sort().map((s) => JSON.parse(s) as unknown);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, canonical(v, k)]),
    );
  }
  return value;
}
