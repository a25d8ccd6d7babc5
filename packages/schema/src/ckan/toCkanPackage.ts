import type { Dataset } from '../dataset';
import type { Distribution } from '../distribution';
import type { Language } from '../localizedMessage';
import type { MultilingualText } from '../multilingual';
import type { Organization } from '../organization';
import { fileTypes } from '../vocabularies/fileTypes';
import { euLanguages } from '../vocabularies/languages';
import { licences } from '../vocabularies/licences';
import { dataThemes } from '../vocabularies/themes';
import type { CkanPackage, CkanResource } from './ckanPackage';

// CKAN ids for the standard licences, so that a CKAN client shows its usual licence names.
const CKAN_LICENCE_IDS: Record<string, string> = {
  ODC_BL: 'odc-odbl',
  ODC_BY: 'odc-by',
  ODC_PDDL: 'odc-pddl',
  CC0: 'cc-zero',
  CC_BY_4_0: 'cc-by',
  CC_BYSA_4_0: 'cc-by-sa',
  CC_BYNC_4_0: 'cc-nc',
  OGL_3_0: 'uk-ogl',
  GNU_FDL_1_3: 'gfdl',
};

function plain(text: MultilingualText | undefined, order: readonly Language[] = ['fr', 'ar', 'en']): string {
  if (text === undefined) return '';
  for (const language of order) {
    const value = text[language];
    if (value !== undefined) return value;
  }
  return '';
}

function translated(text: MultilingualText | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const language of ['fr', 'ar', 'en'] as const) {
    const value = text?.[language];
    if (value !== undefined) out[language] = value;
  }
  return out;
}

function licenceId(uri: string | undefined): string {
  if (uri === undefined) return '';
  const term = licences.byUri(uri);
  if (term === undefined) return uri;
  return CKAN_LICENCE_IDS[term.code] ?? term.code;
}

function ckanFormat(uri: string | undefined): string {
  if (uri === undefined) return '';
  const term = fileTypes.byUri(uri);
  return term === undefined ? uri : term.code.replace(/_SRVC$/, '');
}

function languageCodes(uris: readonly string[] | undefined): string[] {
  return (uris ?? []).map((uri) => {
    const term = euLanguages.byUri(uri);
    return term?.iso6391 ?? term?.code ?? uri;
  });
}

function toResource(distribution: Distribution, position: number, packageLicence: string | undefined): CkanResource {
  const resource: CkanResource = {
    url: distribution.accessUrl,
    name: plain(distribution.title),
    description: plain(distribution.description),
    format: ckanFormat(distribution.format),
    mimetype: distribution.mediaType ?? null,
    size: distribution.byteSize ?? null,
    hash: distribution.checksum ? `${distribution.checksum.algorithm}:${distribution.checksum.value}` : '',
    created: distribution.issued ?? null,
    last_modified: distribution.modified ?? null,
    // null, not absent: Bayan said "no download URL", CKAN readers must not guess one.
    download_url: distribution.downloadUrl ?? null,
    position,
  };
  if (distribution.id !== undefined) resource.id = distribution.id;
  if (distribution.title !== undefined) resource.name_translated = translated(distribution.title);
  if (distribution.description !== undefined) resource.description_translated = translated(distribution.description);
  // '' = no licence; absent = the package's.
  if (distribution.license !== packageLicence) resource.license = distribution.license ?? '';
  if (distribution.rights !== undefined) resource.rights = translated(distribution.rights);
  if (distribution.languages !== undefined) resource.language = languageCodes(distribution.languages);
  return resource;
}

/**
 * Writes a Bayan dataset as a CKAN package (the shape `package_show` returns and `package_create`
 * accepts), with ckanext-fluent's `title_translated` / `notes_translated`, themes as groups, the
 * licence as `license_id` and distributions as resources. Fields CKAN has no place for (qualified
 * relations, several publishers, geometry beyond one location…) are left out;
 * `fromCkanPackage(toCkanPackage(d))` gives back every field CKAN holds.
 *
 * @param dataset a parsed dataset
 * @param organization its organisation, written as `organization` / `owner_org`
 * @example
 * ```ts
 * const pkg = toCkanPackage(dataset, organization);
 * pkg.title_translated; // { fr: 'Budget 2024', ar: 'ميزانية 2024' }
 * ```
 */
export function toCkanPackage(dataset: Dataset, organization?: Organization): CkanPackage {
  const counts = new Map<string, number>();
  for (const d of dataset.distributions) if (d.license !== undefined) counts.set(d.license, (counts.get(d.license) ?? 0) + 1);
  const packageLicence = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];

  const keywords = dataset.keywords ?? {};
  const tags = [...new Set([...(keywords.fr ?? []), ...(keywords.ar ?? []), ...(keywords.en ?? [])])].map((name) => ({ name }));
  const groups = [
    ...(dataset.themes ?? []).map((uri) => {
      const term = dataThemes.byUri(uri);
      return { name: (term?.code ?? uri).toLowerCase(), title: term?.labels.fr ?? uri };
    }),
    ...(dataset.localThemes ?? []).map((name) => ({ name })),
  ];
  const extras = Object.entries(dataset.extras ?? {}).map(([key, value]) => ({ key, value }));
  const has = (key: string) => extras.some((e) => e.key === key);
  const location = dataset.spatial?.[0];
  if (location?.geometry !== undefined && !has('spatial')) extras.push({ key: 'spatial', value: JSON.stringify(location.geometry) });
  if (location?.label !== undefined && !has('spatial-text')) extras.push({ key: 'spatial-text', value: plain(location.label) });
  if (dataset.uri !== undefined && !has('uri')) extras.push({ key: 'uri', value: dataset.uri });

  const creator = dataset.creators?.[0];
  const contact = dataset.contactPoints?.[0];
  const state = dataset.publicationState;
  const pkg: CkanPackage = {
    name: dataset.slug ?? dataset.id ?? '',
    title: plain(dataset.title),
    title_translated: translated(dataset.title),
    notes: plain(dataset.description),
    notes_translated: translated(dataset.description),
    url: dataset.landingPage ?? '',
    version: dataset.version ?? '',
    license_id: licenceId(packageLicence),
    author: creator ? plain(creator.name) : '',
    author_email: creator?.email ?? '',
    maintainer: contact?.name ? plain(contact.name) : '',
    maintainer_email: contact?.email ?? '',
    contact_points: (dataset.contactPoints ?? []).map((k) => ({
      ...(k.name ? { name: translated(k.name) } : {}),
      ...(k.email ? { email: k.email } : {}),
      ...(k.phone ? { phone: k.phone } : {}),
      ...(k.url ? { url: k.url } : {}),
    })),
    metadata_created: dataset.issued ?? null,
    metadata_modified: dataset.modified ?? null,
    tags,
    keywords: { ...(keywords.fr ? { fr: keywords.fr } : {}), ...(keywords.ar ? { ar: keywords.ar } : {}), ...(keywords.en ? { en: keywords.en } : {}) },
    groups,
    organization: organization
      ? {
          ...(organization.id ? { id: organization.id } : {}),
          name: organization.slug,
          title: plain(organization.name),
          title_translated: translated(organization.name),
          description: plain(organization.description),
          description_translated: translated(organization.description),
          image_url: organization.logo ?? '',
          is_organization: true,
          type: 'organization',
        }
      : null,
    owner_org: organization?.id ?? dataset.organizationId ?? null,
    extras,
    resources: dataset.distributions.map((d, i) => toResource(d, i, packageLicence)),
    num_resources: dataset.distributions.length,
    num_tags: tags.length,
    type: 'dataset',
  };
  if (dataset.id !== undefined) pkg.id = dataset.id;
  if (state !== undefined) {
    pkg.state = state === 'withdrawn' ? 'deleted' : state === 'draft' ? 'draft' : 'active';
    pkg.private = state === 'in-review';
  }
  if (dataset.identifier !== undefined) pkg.identifier = dataset.identifier;
  if (dataset.frequency !== undefined) pkg.accrual_periodicity = dataset.frequency;
  if (dataset.languages !== undefined) pkg.language = languageCodes(dataset.languages);
  if (dataset.temporal !== undefined) pkg.temporals = dataset.temporal.map((t) => ({ start_date: t.start ?? null, end_date: t.end ?? null }));
  if (dataset.relations !== undefined) pkg.relations = dataset.relations.map((url) => ({ url }));
  return pkg;
}
