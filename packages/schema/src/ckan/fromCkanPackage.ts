import type { Dataset } from '../dataset';
import type { Language } from '../localizedMessage';
import type { Organization } from '../organization';
import { parseDataset, parseOrganization, type SchemaError } from '../parse';
import { fileTypes } from '../vocabularies/fileTypes';
import { frequencies } from '../vocabularies/frequencies';
import { euLanguages } from '../vocabularies/languages';
import { licences as standardLicences, type LicenceTerm } from '../vocabularies/licences';
import type { LocalThemes } from '../vocabularies/localThemes';
import { dataThemes } from '../vocabularies/themes';
import type { Vocabulary } from '../vocabularies/vocabulary';
import { isRecord, nonEmptyString, safeStringify, type CkanOrganization, type CkanPackage, type CkanProblem, type CkanResource } from './ckanPackage';
import { ckanProblem } from './ckanProblems';
import { hasText, readDate, readHash, readList, readSize, readText, readUrl, type TextIn } from './ckanValues';

/** How to read a CKAN portal's packages. */
export interface FromCkanOptions {
  /** Language of plain-string titles and descriptions that are not Arabic script (default `fr`). */
  defaultLanguage?: Language;
  /** CKAN group name → EU data theme(s) (code `ECON`, URI or label). Groups not listed are looked up in the EU themes by name and title. */
  groupThemes?: Readonly<Record<string, string | readonly string[]>>;
  /** The portal's local themes: a group whose name is a local theme becomes that theme and its EU themes. */
  localThemes?: LocalThemes;
  /** Licences to recognise (default: `licences`; pass `createLicenceRegistry([...])` for national ones). */
  licences?: Vocabulary<LicenceTerm>;
  /** The portal's address, to resolve relative URLs (uploaded files, logos). */
  baseUrl?: string;
  /** For organisation titles packed as `"English | Français"`: the language of each part, e.g. `['en', 'fr']`. */
  splitTitles?: readonly Language[];
}

/** A CKAN package read as Bayan records, with everything that could not be kept as is. */
export interface CkanImport {
  /** The dataset, valid for `datasetSchema` (what could not be read is left out and reported). */
  dataset: Dataset;
  /** The owning organisation, when the package embeds one. */
  organization?: Organization;
  /** What was changed or left out, each with a pointer into the CKAN package and a message in fr/ar/en. */
  problems: CkanProblem[];
}

// Extras (ckanext-dcat, ckanext-spatial) read into a dataset field.
const EXTRA_FIELDS: Record<string, string> = {
  uri: 'uri',
  identifier: 'identifier',
  guid: 'identifier',
  issued: 'issued',
  modified: 'modified',
  accrual_periodicity: 'frequency',
  frequency: 'frequency',
  language: 'languages',
  spatial: 'spatial',
  'spatial-text': 'spatial',
  spatial_text: 'spatial',
  temporal_start: 'temporal',
  temporal_end: 'temporal',
  publisher_name: 'publisher',
};

const MAX_RESOURCES = 1_000;
const MAX_EXTRAS = 500;
const SLUG = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const RECORD_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const SERVICE_FORMATS = new Set(['WMS_SRVC', 'WFS_SRVC', 'WCS_SRVC', 'WMTS_SRVC', 'HTML', 'SPARQLQ']);
const FILE_TYPE_URI = /^http:\/\/publications\.europa\.eu\/resource\/authority\/file-type\/[A-Z0-9_]+$/;

// JavaScript callers can pass anything: a language Bayan does not hold falls back to French.
function languageOption(options: FromCkanOptions): Language {
  const language: unknown = options.defaultLanguage;
  return language === 'ar' || language === 'en' ? language : 'fr';
}

function toSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/g, '');
}

function readSlug(value: unknown, path: string, problems: CkanProblem[], extras: Record<string, string>): string | undefined {
  const name = nonEmptyString(value);
  if (name === undefined) return undefined;
  if (SLUG.test(name) && name.length >= 2 && name.length <= 100) return name;
  const slug = toSlug(name);
  if (slug.length < 2) return undefined;
  problems.push(ckanProblem(path, 'renamed_slug', name, slug));
  extras['ckan:name'] = name.slice(0, 10_000);
  return slug;
}

function recordIdOf(value: unknown): string | undefined {
  const id = nonEmptyString(value);
  return id !== undefined && id.length <= 200 && RECORD_ID.test(id) ? id : undefined;
}

function textOf(value: unknown, fallback: Language, long: boolean, path: string, problems: CkanProblem[], translated?: unknown): TextIn | undefined {
  const report = readText({ dicts: [translated, value], perLanguage: {}, plain: value }, fallback, long, path, problems);
  if (!hasText(report.text)) {
    const languages = Object.keys(report.others);
    if (languages.length > 0) problems.push(ckanProblem(path, 'untranslatable_text', languages.join(', '), Object.values(report.others)[0]?.slice(0, 100)));
    return undefined;
  }
  return report.text;
}

interface Context {
  options: FromCkanOptions;
  language: Language;
  licences: Vocabulary<LicenceTerm>;
  problems: CkanProblem[];
  extras: Record<string, string>;
}

function licenceUri(value: unknown, context: Context, path: string, report: boolean): string | undefined {
  const text = nonEmptyString(value);
  if (text === undefined) return undefined;
  const term = context.licences.find(text);
  if (term) return term.uri;
  const url = readUrl(text, undefined, path, undefined);
  if (url) return url;
  if (report) context.problems.push(ckanProblem(path, 'unknown_licence', text));
  return undefined;
}

function languageUris(value: unknown, path: string, problems: CkanProblem[]): string[] {
  const uris: string[] = [];
  for (const code of readList(value).slice(0, 50)) {
    const term = euLanguages.find(code);
    if (term) uris.push(term.uri);
    else if (/^http:\/\/publications\.europa\.eu\/resource\/authority\/language\/[A-Z0-9_]+$/.test(code)) uris.push(code);
    else problems.push(ckanProblem(path, 'unknown_language', code));
  }
  return uris;
}

function readResource(resource: CkanResource, index: number, packageLicence: string | undefined, context: Context): Record<string, unknown> | undefined {
  const path = `/resources/${index}`;
  const { problems, language } = context;
  const url = readUrl(resource.url, context.options.baseUrl, `${path}/url`, undefined);
  if (url === undefined) {
    problems.push(ckanProblem(`${path}/url`, 'dropped_resource', resource.url ?? null));
    return undefined;
  }
  const distribution: Record<string, unknown> = { accessUrl: url };
  const id = recordIdOf(resource.id);
  if (id) distribution.id = id;

  const rawFormat = nonEmptyString(resource.format);
  let format = rawFormat === undefined ? undefined : fileTypes.find(rawFormat)?.uri;
  if (rawFormat !== undefined && format === undefined) {
    if (FILE_TYPE_URI.test(rawFormat)) format = rawFormat;
    else problems.push(ckanProblem(`${path}/format`, 'unknown_format', rawFormat));
  }
  if (rawFormat === undefined) {
    const mime = nonEmptyString(resource.mimetype) ?? nonEmptyString(resource.media_type);
    format = (mime === undefined ? undefined : fileTypes.find(mime)?.uri) ?? fileTypes.find(url)?.uri;
  }
  if (format) distribution.format = format;

  if ('download_url' in resource) {
    const download = readUrl(resource.download_url, context.options.baseUrl, `${path}/download_url`, problems);
    if (download) distribution.downloadUrl = download;
  } else {
    const code = format === undefined ? undefined : fileTypes.byUri(format)?.code;
    if (code === undefined || !SERVICE_FORMATS.has(code)) distribution.downloadUrl = url;
  }

  const title = textOf(resource.title ?? resource.name, language, false, `${path}/name`, problems, resource.name_translated ?? resource.title_translated);
  if (title) distribution.title = title;
  const description = textOf(resource.description, language, true, `${path}/description`, problems, resource.description_translated);
  if (description) distribution.description = description;

  const mediaType = nonEmptyString(resource.mimetype) ?? nonEmptyString(resource.media_type);
  if (mediaType) distribution.mediaType = mediaType.split(';', 1)[0]?.trim().toLowerCase();
  const byteSize = readSize(resource.size ?? resource.byte_size, `${path}/size`, problems);
  if (byteSize !== undefined) distribution.byteSize = byteSize;
  const checksum = readHash(resource.hash, `${path}/hash`, problems);
  if (checksum) distribution.checksum = checksum;
  const issued = readDate(resource.issued ?? resource.created, `${path}/created`, problems);
  if (issued) distribution.issued = issued;
  const modified = readDate(resource.modified ?? resource.last_modified, `${path}/last_modified`, problems);
  if (modified) distribution.modified = modified;

  // An explicit empty licence means "none"; a missing or null one inherits the package's.
  const licence = resource.license === '' ? undefined : (licenceUri(resource.license, context, `${path}/license`, true) ?? packageLicence);
  if (licence) distribution.license = licence;
  const rights = textOf(resource.rights, language, true, `${path}/rights`, problems);
  if (rights) distribution.rights = rights;
  const languages = languageUris(resource.language, `${path}/language`, problems);
  if (languages.length > 0) distribution.languages = languages;
  return distribution;
}

function readSpatial(text: string, label: string | undefined, path: string, context: Context): Record<string, unknown> {
  const location: Record<string, unknown> = {};
  if (label) location.label = { [context.language]: label.slice(0, 1_000) };
  if (text.startsWith('{') && text.length <= 1_000_000) {
    try {
      const geometry = JSON.parse(text) as unknown;
      if (isRecord(geometry) && typeof geometry.type === 'string' && Array.isArray(geometry.coordinates)) {
        location.geometry = { type: geometry.type, coordinates: geometry.coordinates };
        return location;
      }
    } catch {
      // reported below
    }
    context.problems.push(ckanProblem(path, 'invalid_spatial', text));
  }
  const uri = readUrl(text, undefined, path, undefined);
  if (uri) location.uri = uri;
  else if (!label) location.label = { [context.language]: text.slice(0, 1_000) };
  return location;
}

function readThemes(groups: unknown, context: Context): { themes: string[]; localThemes: string[] } {
  const themes = new Set<string>();
  const localThemes = new Set<string>();
  if (!Array.isArray(groups)) return { themes: [], localThemes: [] };
  groups.slice(0, 100).forEach((group: unknown, index) => {
    if (!isRecord(group)) return;
    const name = nonEmptyString(group.name);
    if (name === undefined) return;
    const table = context.options.groupThemes;
    const mapped = table !== undefined && Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
    if (mapped !== undefined) {
      for (const theme of typeof mapped === 'string' ? [mapped] : mapped) {
        const term = dataThemes.find(theme);
        if (term) themes.add(term.uri);
      }
      return;
    }
    const local = context.options.localThemes?.find(name);
    if (local) {
      localThemes.add(local.code);
      for (const uri of local.euThemes) themes.add(uri);
      return;
    }
    const labels = [name, ...[group.title, group.display_name].flatMap((t) => (isRecord(t) ? Object.values(t) : [t]))];
    const eu = labels.map((l) => (typeof l === 'string' ? dataThemes.find(l) : undefined)).find((t) => t !== undefined);
    if (eu) {
      themes.add(eu.uri);
      return;
    }
    if (SLUG.test(name) && name.length >= 2 && name.length <= 100) {
      localThemes.add(name);
      context.problems.push(ckanProblem(`/groups/${index}`, 'unmapped_group', name));
    } else {
      context.problems.push(ckanProblem(`/groups/${index}`, 'dropped_group', name));
    }
  });
  return { themes: [...themes].slice(0, 13), localThemes: [...localThemes].slice(0, 50) };
}

function readKeywords(pkg: CkanPackage, context: Context): Partial<Record<Language, string[]>> {
  const keywords: Partial<Record<Language, string[]>> = {};
  const add = (language: Language, word: string) => {
    const list = (keywords[language] ??= []);
    if (!list.includes(word) && list.length < 1_000) list.push(word.slice(0, 200));
  };
  const seen = new Set<string>();
  for (const dict of [pkg.keywords, pkg.tags_translated]) {
    if (!isRecord(dict)) continue;
    for (const [key, words] of Object.entries(dict)) {
      const list = readList(words).slice(0, 1_000);
      for (const w of list) seen.add(w);
      const language = key.toLowerCase();
      if (language === 'fr' || language === 'ar' || language === 'en') list.forEach((w) => add(language, w));
      else if (/^[a-z]{2,3}$/.test(language) && list.length > 0) context.extras[`keywords@${language}`] = JSON.stringify(list).slice(0, 10_000);
    }
  }
  if (Array.isArray(pkg.tags)) {
    for (const tag of pkg.tags.slice(0, 1_000)) {
      const name = nonEmptyString(isRecord(tag) ? (tag.display_name ?? tag.name) : tag);
      if (name === undefined || seen.has(name)) continue;
      const language: Language = /[\u0600-\u06FF]/.test(name) ? 'ar' : context.language;
      add(language, name);
    }
  }
  return keywords;
}

function readContactPoints(pkg: CkanPackage, context: Context): Record<string, unknown>[] {
  const points: Record<string, unknown>[] = [];
  const source = Array.isArray(pkg.contact_points) ? pkg.contact_points : [{ name: pkg.maintainer, email: pkg.maintainer_email }];
  for (const raw of source.slice(0, 20)) {
    if (!isRecord(raw)) continue;
    const point: Record<string, unknown> = {};
    const name = textOf(raw.name, context.language, false, '/maintainer', context.problems);
    if (name) point.name = name;
    const email = nonEmptyString(raw.email);
    if (email) point.email = email;
    const url = readUrl(raw.url, undefined, '/contact_points', context.problems);
    if (url) point.url = url;
    const phone = nonEmptyString(raw.phone);
    if (phone) point.phone = phone;
    if (point.email !== undefined || point.url !== undefined || point.phone !== undefined) points.push(point);
  }
  return points;
}

function readOrganizationRecord(org: CkanOrganization, context: Context, path: string): Record<string, unknown> | undefined {
  const slug = readSlug(org.name, `${path}/name`, context.problems, {});
  const name = organizationName(org, context, path);
  if (slug === undefined || name === undefined) return undefined;
  const record: Record<string, unknown> = { slug, name };
  const id = recordIdOf(org.id);
  if (id) record.id = id;
  const description = textOf(org.description, context.language, true, `${path}/description`, context.problems, org.description_translated);
  if (description) record.description = description;
  const logo = readUrl(nonEmptyString(org.image_display_url) ?? org.image_url, context.options.baseUrl, `${path}/image_url`, context.problems);
  if (logo) record.logo = logo;
  return record;
}

function organizationName(org: CkanOrganization, context: Context, path: string): TextIn | undefined {
  const title = nonEmptyString(org.title);
  const split = context.options.splitTitles;
  if (title !== undefined && split !== undefined && title.includes(' | ')) {
    const parts = title.split(' | ');
    const text: TextIn = {};
    split.forEach((language, i) => {
      const part = nonEmptyString(parts[i]);
      if (part !== undefined) text[language] = part.slice(0, 1_000);
    });
    if (hasText(text)) return text;
  }
  return textOf(org.title ?? org.display_name ?? org.name, context.language, false, `${path}/title`, context.problems, org.title_translated);
}

// Removes what the schema still rejects, one round at a time, so that what is valid is kept.
function keepValid(candidate: Record<string, unknown>, problems: CkanProblem[]): Dataset {
  for (let round = 0; round < 25; round += 1) {
    const result = parseDataset(candidate);
    if (result.ok) return result.value;
    // Deepest and highest index first, so that removing an array item does not shift the others.
    const errors = [...result.errors].sort((a, b) => b.path.localeCompare(a.path, 'en', { numeric: true }));
    const removed = new Set<string>();
    for (const error of errors) removeAt(candidate, error, problems, removed);
  }
  const fallback = parseDataset({ title: candidate.title, description: candidate.description });
  return fallback.ok ? fallback.value : ({ schemaVersion: 1, title: { fr: '?' }, description: { fr: '?' }, distributions: [] });
}

function removeAt(root: Record<string, unknown>, error: SchemaError, problems: CkanProblem[], removed: Set<string>): void {
  const segments = error.path.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  // A missing field cannot be removed: remove the object that needs it instead.
  if (error.code === 'required') segments.pop();
  if (segments.length === 0) return;
  const target = `/${segments.join('/')}`;
  if ([...removed].some((r) => target === r || target.startsWith(`${r}/`))) return;
  removed.add(target);
  let parent: unknown = root;
  for (const segment of segments.slice(0, -1)) {
    if (!isRecord(parent) && !Array.isArray(parent)) return;
    parent = (parent as Record<string, unknown>)[segment];
  }
  const last = segments[segments.length - 1] ?? '';
  if (Array.isArray(parent)) {
    const index = Number(last);
    if (!Number.isInteger(index) || index >= parent.length) return;
    parent.splice(index, 1);
    if (parent.length === 0 && segments.length >= 2) dropEmptyList(root, segments.slice(0, -1));
  } else if (isRecord(parent) && Object.prototype.hasOwnProperty.call(parent, last)) {
    delete parent[last];
  } else {
    return;
  }
  problems.push({ ...ckanProblem(target, 'dropped_value', undefined, error.message), field: error.path });
}

// An optional list emptied by removals is dropped rather than kept as `[]` (distributions stay).
function dropEmptyList(root: Record<string, unknown>, segments: string[]): void {
  const key = segments[segments.length - 1] ?? '';
  if (key === 'distributions' && segments.length === 1) return;
  let owner: unknown = root;
  for (const segment of segments.slice(0, -1)) owner = isRecord(owner) || Array.isArray(owner) ? (owner as Record<string, unknown>)[segment] : undefined;
  if (isRecord(owner)) delete owner[key];
}

/**
 * Reads a CKAN package (`package_show` result) as a Bayan dataset with its distributions, and its
 * organisation. Understands CKAN 2.x core fields and what national portals add: `title_translated`
 * / `notes_translated` and dict-valued titles (ckanext-fluent, opendata.swiss), `title_fr`,
 * `title_ar`, `notes_ar`…, extras (GeoJSON `spatial`, `spatial-text`, `uri`, `identifier`,
 * `frequency`, `language`, `issued`, `modified`), groups as themes (through `groupThemes` or the EU
 * themes' names), tags and keyword dicts, `license_id` (through the licence vocabulary) and
 * resources (format, mimetype, size, hash, created, last_modified, download_url, language).
 * Never throws: what cannot be kept is reported in `problems` (fr/ar/en), and texts in languages
 * Bayan does not hold are kept in `extras` as `title@de`, `description@de`, `keywords@de`.
 *
 * @param pkg the package (anything: non-packages give a problem and a placeholder dataset)
 * @param options `defaultLanguage` (default `fr`), `groupThemes`, `localThemes`, `licences`, `baseUrl`
 * @example
 * ```ts
 * const { dataset, organization, problems } = fromCkanPackage(response.result, { defaultLanguage: 'fr' });
 * for (const p of problems) console.warn(p.path, p.message.fr);
 * ```
 */
export function fromCkanPackage(pkg: unknown, options: FromCkanOptions = {}): CkanImport {
  const problems: CkanProblem[] = [];
  const extras: Record<string, string> = {};
  const context: Context = { options, language: languageOption(options), licences: options.licences ?? standardLicences, problems, extras };
  if (!isRecord(pkg)) {
    problems.push(ckanProblem('', 'not_a_package', typeof pkg));
    return { dataset: keepValid({ title: { fr: '?' }, description: { fr: '?' } }, problems), problems };
  }
  const p = pkg as CkanPackage;
  const candidate: Record<string, unknown> = {};

  // Extras first: the interpreted ones are read below, every one is kept as is.
  const extraValues: Record<string, string> = {};
  if (Array.isArray(p.extras)) {
    for (const [index, extra] of p.extras.slice(0, MAX_EXTRAS).entries()) {
      if (!isRecord(extra) || typeof extra.key !== 'string' || extra.key.length === 0) continue;
      const value = typeof extra.value === 'string' ? extra.value : (safeStringify(extra.value) ?? '');
      const key = extra.key.slice(0, 200);
      if (key === '__proto__') {
        problems.push(ckanProblem(`/extras/${index}/key`, 'dropped_value', key, { fr: 'nom réservé', ar: 'اسم محجوز', en: 'reserved name' }));
        continue;
      }
      extraValues[key] = value;
      extras[key] = value.slice(0, 10_000);
    }
  }
  const usedExtras = new Set<string>();
  const field = (name: string): unknown => {
    if (p[name] !== undefined && p[name] !== null && p[name] !== '') return p[name];
    if (extraValues[name] !== undefined) usedExtras.add(name);
    return extraValues[name];
  };

  const id = recordIdOf(p.id);
  if (id) candidate.id = id;
  const slug = readSlug(p.name, '/name', problems, extras);
  if (slug) candidate.slug = slug;
  const uri = readUrl(field('uri'), undefined, '/uri', problems);
  if (uri) candidate.uri = uri;
  const identifier = nonEmptyString(field('identifier')) ?? nonEmptyString(field('guid'));
  if (identifier) candidate.identifier = identifier.slice(0, 2048);

  const title = readText(
    { dicts: [p.title_translated, p.title], perLanguage: { fr: p.title_fr, ar: p.title_ar, en: p.title_en }, plain: p.title },
    context.language,
    false,
    '/title',
    problems,
  );
  const description = readText(
    { dicts: [p.notes_translated, p.notes, p.description], perLanguage: { fr: p.notes_fr, ar: p.notes_ar, en: p.notes_en }, plain: p.notes },
    context.language,
    true,
    '/notes',
    problems,
  );
  for (const [name, report] of [['title', title], ['description', description]] as const) {
    for (const [language, text] of Object.entries(report.others)) {
      extras[`${name}@${language}`] = text;
      problems.push(ckanProblem(`/${name === 'title' ? 'title' : 'notes'}`, 'other_language', language, `${name}@${language}`));
    }
    if (report.leftover !== undefined) extras[`ckan:${name}`] = report.leftover;
  }
  if (!hasText(title.text)) {
    const fallback = nonEmptyString(p.name) ?? nonEmptyString(p.id) ?? '?';
    const other = Object.values(title.others)[0];
    title.text[context.language] = (other ?? fallback).slice(0, 1_000);
    problems.push(ckanProblem('/title', 'missing_title', other ?? fallback));
  }
  if (!hasText(description.text)) {
    description.text = { ...title.text };
    problems.push(ckanProblem('/notes', 'missing_description'));
  }
  candidate.title = title.text;
  candidate.description = description.text;

  const keywords = readKeywords(p, context);
  if (Object.keys(keywords).length > 0) candidate.keywords = keywords;
  const { themes, localThemes } = readThemes(p.groups, context);
  if (themes.length > 0) candidate.themes = themes;
  if (localThemes.length > 0) candidate.localThemes = localThemes;

  let organization: Organization | undefined;
  if (isRecord(p.organization)) {
    const record = readOrganizationRecord(p.organization, context, '/organization');
    const parsed = record ? parseOrganization(record) : undefined;
    if (parsed?.ok) {
      organization = parsed.value;
      candidate.publisher = { name: organization.name, ...(organization.homepage ? { homepage: organization.homepage } : {}) };
      candidate.organizationId = organization.id ?? organization.slug;
    }
  }
  if (candidate.organizationId === undefined) {
    const owner = recordIdOf(p.owner_org);
    if (owner) candidate.organizationId = owner;
  }
  if (candidate.publisher === undefined) {
    const label = Array.isArray(p.publishers) && isRecord(p.publishers[0]) ? p.publishers[0].label : field('publisher_name');
    const name = textOf(label, context.language, false, '/publishers', problems);
    if (name) candidate.publisher = { name };
  }
  const author = textOf(p.author, context.language, false, '/author', problems);
  if (author) candidate.creators = [{ name: author, ...(nonEmptyString(p.author_email) ? { email: nonEmptyString(p.author_email) } : {}) }];
  const contactPoints = readContactPoints(p, context);
  if (contactPoints.length > 0) candidate.contactPoints = contactPoints;

  const issued = readDate(field('issued') ?? p.metadata_created, '/metadata_created', problems);
  if (issued) candidate.issued = issued;
  const modified = readDate(field('modified') ?? p.metadata_modified, '/metadata_modified', problems);
  if (modified) candidate.modified = modified;

  const frequencyText = nonEmptyString(field('accrual_periodicity')) ?? nonEmptyString(field('frequency'));
  if (frequencyText) {
    const term = frequencies.find(frequencyText);
    if (term) candidate.frequency = term.uri;
    else problems.push(ckanProblem('/frequency', 'unknown_frequency', frequencyText));
  }

  const temporal: Record<string, unknown>[] = [];
  const temporals = Array.isArray(p.temporals) ? p.temporals : [{ start_date: field('temporal_start'), end_date: field('temporal_end') }];
  temporals.slice(0, 20).forEach((period: unknown, index) => {
    if (!isRecord(period)) return;
    const start = readDate(period.start_date, `/temporals/${index}/start_date`, problems);
    const end = readDate(period.end_date, `/temporals/${index}/end_date`, problems);
    if (start !== undefined || end !== undefined) temporal.push({ ...(start ? { start } : {}), ...(end ? { end } : {}) });
  });
  if (temporal.length > 0) candidate.temporal = temporal;

  const spatialText = nonEmptyString(field('spatial'));
  const spatialLabel = nonEmptyString(field('spatial-text')) ?? nonEmptyString(field('spatial_text'));
  if (spatialText !== undefined || spatialLabel !== undefined) {
    candidate.spatial = [readSpatial(spatialText ?? '', spatialLabel, '/spatial', context)];
  }

  const languages = languageUris(field('language'), '/language', problems);
  if (languages.length > 0) candidate.languages = languages;
  const landingPage = readUrl(p.url, options.baseUrl, '/url', problems);
  if (landingPage) candidate.landingPage = landingPage;
  const version = nonEmptyString(p.version);
  if (version) candidate.version = version.slice(0, 100);
  if (Array.isArray(p.relations)) {
    const relations = p.relations
      .slice(0, 50)
      .map((r: unknown, i) => readUrl(isRecord(r) ? r.url : r, undefined, `/relations/${i}`, problems))
      .filter((u): u is string => u !== undefined);
    if (relations.length > 0) candidate.relations = relations;
  }

  const licenceText = nonEmptyString(p.license_id);
  let packageLicence = licenceUri(licenceText, context, '/license_id', false) ?? licenceUri(p.license_url, context, '/license_url', false);
  if (packageLicence === undefined) packageLicence = licenceUri(p.license_title, context, '/license_title', false);
  if (licenceText !== undefined && packageLicence === undefined) {
    problems.push(ckanProblem('/license_id', 'unknown_licence', licenceText));
    extras.license_id = licenceText.slice(0, 10_000);
  }

  const distributions: Record<string, unknown>[] = [];
  if (Array.isArray(p.resources)) {
    p.resources.slice(0, MAX_RESOURCES).forEach((resource: unknown, index) => {
      if (!isRecord(resource)) return;
      const distribution = readResource(resource, index, packageLicence, context);
      if (distribution) distributions.push(distribution);
    });
  }
  candidate.distributions = distributions;
  // Without a distribution to carry it, the licence would be lost: keep CKAN's id.
  if (distributions.length === 0 && licenceText !== undefined) extras.license_id = licenceText.slice(0, 10_000);

  const state = nonEmptyString(p.state);
  if (state === 'deleted') candidate.publicationState = 'withdrawn';
  else if (state === 'draft') candidate.publicationState = 'draft';
  else if (state === 'active') candidate.publicationState = p.private === true ? 'in-review' : 'published';

  // An extra read into its own field is not kept twice.
  for (const key of usedExtras) {
    const target = Object.prototype.hasOwnProperty.call(EXTRA_FIELDS, key) ? EXTRA_FIELDS[key] : undefined;
    if (target !== undefined && candidate[target] !== undefined) delete extras[key];
  }
  if (Object.keys(extras).length > 0) candidate.extras = extras;
  const dataset = keepValid(candidate, problems);
  return { dataset, ...(organization ? { organization } : {}), problems };
}

/**
 * Reads a CKAN organization (`organization_show`, or one item of `organization_list` with
 * `all_fields`) as a Bayan organisation. Titles packed as `"English | Français"` are split when
 * `splitTitles` names the language of each part.
 *
 * @example
 * ```ts
 * const { organization } = fromCkanOrganization(org, { splitTitles: ['en', 'fr'] });
 * organization?.name.fr; // 'Agriculture et Agroalimentaire Canada'
 * ```
 */
export function fromCkanOrganization(org: unknown, options: FromCkanOptions = {}): { organization?: Organization; problems: CkanProblem[] } {
  const problems: CkanProblem[] = [];
  const context: Context = { options, language: languageOption(options), licences: standardLicences, problems, extras: {} };
  if (!isRecord(org)) {
    problems.push(ckanProblem('', 'not_a_package', typeof org));
    return { problems };
  }
  const record = readOrganizationRecord(org as CkanOrganization, context, '');
  if (record === undefined) return { problems };
  for (let round = 0; round < 10; round += 1) {
    const parsed = parseOrganization(record);
    if (parsed.ok) return { organization: parsed.value, problems };
    const removed = new Set<string>();
    for (const error of parsed.errors) removeAt(record, error, problems, removed);
  }
  return { problems };
}
