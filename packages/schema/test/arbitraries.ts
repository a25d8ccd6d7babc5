// fast-check arbitraries for valid Bayan records. Values are chosen so that every generated record
// is valid for zod and for ajv (e.g. e-mails and URLs in the shapes both accept).
import fc from 'fast-check';
import { accessRights } from '../src/vocabularies/accessRights';
import { fileTypes } from '../src/vocabularies/fileTypes';
import { frequencies } from '../src/vocabularies/frequencies';
import { euLanguages } from '../src/vocabularies/languages';
import { licences } from '../src/vocabularies/licences';
import { dataThemes } from '../src/vocabularies/themes';

const words = ['budget', 'État', 'données', 'ميزانية', 'الماء', 'région', 'water', 'census', 'ⵜⴰⵎⴰⵣⵉⵖⵜ', 'Économie', '2024', 'café'];

/** Text with at least one visible character, mixing Latin, accented and Arabic words. */
export const text = fc.oneof(
  fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 6 }).map((w) => w.join(' ')),
  fc.string({ minLength: 1, maxLength: 40 }).filter((s) => /\S/.test(s)),
);

/** Text in one to three languages. */
export const multilingual = fc.record({ fr: text, ar: text, en: text }, { requiredKeys: [] }).filter((m) => Object.keys(m).length > 0);

export const url = fc.webUrl({ validSchemes: ['https', 'http'], withQueryParameters: true });
export const email = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,9}$/), fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z0-9]$/), fc.constantFrom('ma', 'org', 'gov.ma'))
  .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);
export const date = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2049-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
export const dateTime = fc
  .tuple(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2049-12-31T00:00:00Z'), noInvalidDate: true }), fc.constantFrom('Z', '+01:00', '-03:30'))
  .map(([d, zone]) => `${d.toISOString().slice(0, 19)}${zone}`);
export const dateOrDateTime = fc.oneof(date, dateTime);
export const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}[a-z0-9]$/);
export const recordId = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,40}$/);
const hex = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: min, maxLength: max });

const uriOf = (terms: readonly { uri: string }[]) => fc.constantFrom(...terms.map((t) => t.uri));

export const agent = fc.record(
  { uri: url, name: multilingual, email, homepage: url },
  { requiredKeys: ['name'] },
);

export const contactPoint = fc.record(
  { name: multilingual, email, url },
  { requiredKeys: ['email'] },
);

export const distribution = fc.record(
  {
    id: recordId,
    accessUrl: url,
    downloadUrl: url,
    title: multilingual,
    description: multilingual,
    format: uriOf(fileTypes.terms),
    mediaType: fc.constantFrom(...new Set(fileTypes.terms.map((t) => t.mediaType))),
    byteSize: fc.nat({ max: 10 ** 12 }),
    checksum: fc.record({ algorithm: fc.constant('sha256' as const), value: hex(64, 64) }),
    license: uriOf(licences.terms),
    issued: dateOrDateTime,
    modified: dateOrDateTime,
    languages: fc.array(uriOf(euLanguages.terms), { maxLength: 3 }),
  },
  { requiredKeys: ['accessUrl'] },
);

/** A valid dataset record, as a JSON value. */
export const dataset = fc.record(
  {
    schemaVersion: fc.constant(1 as const),
    id: recordId,
    slug,
    title: multilingual,
    description: multilingual,
    keywords: fc.record({ fr: fc.array(text, { maxLength: 5 }), ar: fc.array(text, { maxLength: 5 }), en: fc.array(text, { maxLength: 5 }) }, { requiredKeys: [] }),
    themes: fc.uniqueArray(uriOf(dataThemes.terms), { maxLength: 3 }),
    publisher: agent,
    contactPoints: fc.array(contactPoint, { maxLength: 2 }),
    issued: dateOrDateTime,
    modified: dateOrDateTime,
    frequency: uriOf(frequencies.terms),
    accessRights: uriOf(accessRights.terms),
    languages: fc.array(uriOf(euLanguages.terms), { maxLength: 3 }),
    landingPage: url,
    version: fc.stringMatching(/^[0-9]{1,2}\.[0-9]{1,2}$/),
    temporal: fc.array(fc.record({ start: date }), { maxLength: 2 }),
    distributions: fc.array(distribution, { maxLength: 4 }),
    organizationId: recordId,
    // fast-check slips `__proto__` into dictionary keys on purpose; Bayan refuses that key (see badInput.test.ts).
    extras: fc.dictionary(fc.stringMatching(/^[a-z_]{1,20}$/).filter((k) => k !== '__proto__'), fc.string({ maxLength: 30 }), { maxKeys: 3 }),
  },
  { requiredKeys: ['title', 'description'] },
);

/**
 * A valid dataset using only what a CKAN package can hold (one language-neutral author is not
 * generated; every distribution has a format, as the admin always sets one).
 */
export const ckanDataset = fc.record(
  {
    id: recordId,
    slug,
    uri: url,
    identifier: recordId,
    title: multilingual,
    description: multilingual,
    keywords: fc.record(
      { fr: fc.uniqueArray(text, { maxLength: 4 }), ar: fc.uniqueArray(text, { maxLength: 4 }), en: fc.uniqueArray(text, { maxLength: 4 }) },
      { requiredKeys: [] },
    ),
    themes: fc.uniqueArray(uriOf(dataThemes.terms), { maxLength: 3 }),
    localThemes: fc.uniqueArray(slug.filter((s) => dataThemes.find(s) === undefined), { maxLength: 2 }),
    contactPoints: fc.array(fc.record({ name: multilingual, email, url }, { requiredKeys: ['email'] }), { maxLength: 2 }),
    issued: dateOrDateTime,
    modified: dateOrDateTime,
    frequency: uriOf(frequencies.terms),
    languages: fc.array(uriOf(euLanguages.terms), { maxLength: 3 }),
    landingPage: url,
    version: fc.stringMatching(/^[0-9]{1,2}\.[0-9]{1,2}$/),
    temporal: fc.array(fc.record({ start: date }), { maxLength: 2 }),
    relations: fc.array(url, { maxLength: 2 }),
    organizationId: recordId,
    publicationState: fc.constantFrom('draft' as const, 'in-review' as const, 'published' as const, 'withdrawn' as const),
    extras: fc.dictionary(fc.stringMatching(/^x_[a-z_]{1,20}$/), fc.string({ minLength: 1, maxLength: 30 }), { maxKeys: 3 }),
    distributions: fc.array(
      fc.record(
        {
          id: recordId,
          accessUrl: url,
          downloadUrl: url,
          title: multilingual,
          description: multilingual,
          format: uriOf(fileTypes.terms),
          mediaType: fc.constantFrom(...new Set(fileTypes.terms.map((t) => t.mediaType))),
          byteSize: fc.nat({ max: 10 ** 12 }),
          checksum: fc.oneof(
            fc.record({ algorithm: fc.constant('sha256' as const), value: hex(64, 64) }),
            fc.record({ algorithm: fc.constant('md5' as const), value: hex(32, 32) }),
          ),
          license: uriOf(licences.terms),
          rights: multilingual,
          issued: dateOrDateTime,
          modified: dateOrDateTime,
          languages: fc.array(uriOf(euLanguages.terms), { maxLength: 2 }),
        },
        { requiredKeys: ['accessUrl', 'format'] },
      ),
      { maxLength: 4 },
    ),
  },
  { requiredKeys: ['title', 'description', 'slug'] },
);
