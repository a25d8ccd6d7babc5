import type { StoredDataset, StoredOrganization } from '@bayan/catalog';
import { dataThemes, fileTypes, licences, type Language } from '@bayan/schema';

type Text = { fr?: string | undefined; ar?: string | undefined; en?: string | undefined } | undefined;

/** The text in the preferred language, else the others in fr → ar → en order; '' when absent. */
export function pick(text: Text, lang: Language): string {
  if (!text) return '';
  return text[lang] ?? text.fr ?? text.ar ?? text.en ?? '';
}

/** CKAN's `*_translated` dict: every language, empty string when missing (as ckanext-fluent does). */
export function translated(text: Text): Record<Language, string> {
  return { fr: text?.fr ?? '', ar: text?.ar ?? '', en: text?.en ?? '' };
}

/** The CKAN-style licence id of a licence URI (`cc-by`, `odc-odbl`…), or the URI when unknown. */
export function ckanLicenceId(uri: string | undefined): string {
  if (!uri) return 'notspecified';
  const term = licences.byUri(uri) ?? licences.find(uri);
  // CKAN's ids are the short aliases (`cc-by`), not the licence pages' URLs.
  return term?.aliases?.find((a) => !a.includes('/') && !a.includes(' ')) ?? term?.code ?? uri;
}

/** The CKAN format label of a file type URI (`CSV`). */
export function ckanFormat(uri: string | undefined): string {
  if (!uri) return '';
  return fileTypes.byUri(uri)?.code ?? uri.slice(uri.lastIndexOf('/') + 1);
}

/** The CKAN group name of a theme URI or code (`econ`). */
export function ckanGroupName(themeUriOrCode: string): string {
  return themeUriOrCode.slice(themeUriOrCode.lastIndexOf('/') + 1).toLowerCase();
}

/** A CKAN organization dict for one of Bayan's organisations. */
export function toCkanOrganization(org: StoredOrganization, lang: Language, packageCount?: number): Record<string, unknown> {
  const r = org.record;
  return {
    id: org.id,
    name: org.slug,
    title: pick(r.name, lang),
    title_translated: translated(r.name),
    title_fr: r.name.fr ?? '',
    title_ar: r.name.ar ?? '',
    display_name: pick(r.name, lang),
    description: pick(r.description, lang),
    description_translated: translated(r.description),
    image_url: r.logo ?? '',
    image_display_url: r.logo ?? '',
    created: org.createdAt,
    is_organization: true,
    approval_status: 'approved',
    state: 'active',
    type: 'organization',
    num_followers: 0,
    revision_id: null,
    ...(packageCount !== undefined ? { package_count: packageCount } : {}),
  };
}

/** A CKAN group dict for an EU data theme code (`ECON`). */
export function toCkanGroup(code: string, lang: Language, packageCount?: number): Record<string, unknown> | undefined {
  const term = dataThemes.terms.find((t) => t.code.toLowerCase() === code.toLowerCase());
  if (!term) return undefined;
  return {
    id: term.code.toLowerCase(),
    name: term.code.toLowerCase(),
    title: term.labels[lang],
    title_translated: { ...term.labels },
    title_fr: term.labels.fr,
    title_ar: term.labels.ar,
    display_name: term.labels[lang],
    description: '',
    image_url: '',
    image_display_url: '',
    is_organization: false,
    state: 'active',
    type: 'group',
    approval_status: 'approved',
    uri: term.uri,
    ...(packageCount !== undefined ? { package_count: packageCount } : {}),
  };
}

/** A CKAN resource dict for one distribution. */
export function toCkanResource(dataset: StoredDataset, index: number, lang: Language, datastoreActive = false): Record<string, unknown> {
  const d = dataset.record.distributions[index];
  if (!d) return {};
  return {
    id: d.id ?? `${dataset.id}-${index}`,
    package_id: dataset.id,
    url: d.downloadUrl ?? d.accessUrl,
    name: pick(d.title, lang),
    name_translated: translated(d.title),
    description: pick(d.description, lang),
    description_translated: translated(d.description),
    format: ckanFormat(d.format),
    mimetype: d.mediaType ?? null,
    mimetype_inner: null,
    size: d.byteSize ?? null,
    hash: d.checksum?.value ?? '',
    created: d.issued ?? dataset.createdAt,
    last_modified: d.modified ?? null,
    metadata_modified: dataset.updatedAt,
    position: index,
    state: 'active',
    url_type: null,
    resource_type: null,
    cache_url: null,
    cache_last_updated: null,
    datastore_active: datastoreActive,
    license_id: d.license ? ckanLicenceId(d.license) : undefined,
    revision_id: String(dataset.revision),
  };
}

/**
 * A CKAN 2.9 package dict for a dataset, with the national portal's bilingual fields
 * (`title_translated`, `title_fr`, `title_ar`, `notes_translated`, …) beside CKAN's plain ones.
 *
 * @example
 * ```ts
 * const pkg = toCkanPackage(await catalog.datasets.get('budget-2024'), { lang: 'ar' });
 * pkg.title_translated.ar; // the Arabic title
 * ```
 */
export function toCkanPackage(
  dataset: StoredDataset,
  options: { lang: Language; organization?: StoredOrganization | undefined; datastoreResources?: ReadonlySet<string> },
): Record<string, unknown> {
  const r = dataset.record;
  const { lang } = options;
  const licence = r.distributions.find((d) => d.license)?.license;
  const licenceTerm = licence ? (licences.byUri(licence) ?? licences.find(licence)) : undefined;
  const tags = [...new Set([...(r.keywords?.fr ?? []), ...(r.keywords?.ar ?? []), ...(r.keywords?.en ?? [])])].map((k) => ({
    id: k,
    name: k,
    display_name: k,
    state: 'active',
    vocabulary_id: null,
  }));
  const groups = (r.themes ?? []).map((t) => toCkanGroup(ckanGroupName(t), lang)).filter((g) => g !== undefined);
  const creator = r.creators?.[0] ?? r.publisher;
  const contact = r.contactPoints?.[0];
  const resources = r.distributions.map((d, i) => toCkanResource(dataset, i, lang, options.datastoreResources?.has(d.id ?? '') ?? false));
  return {
    id: dataset.id,
    name: dataset.slug,
    title: pick(r.title, lang),
    title_translated: translated(r.title),
    title_fr: r.title.fr ?? '',
    title_ar: r.title.ar ?? '',
    title_en: r.title.en ?? '',
    notes: pick(r.description, lang),
    notes_translated: translated(r.description),
    notes_fr: r.description.fr ?? '',
    notes_ar: r.description.ar ?? '',
    author: creator ? pick(creator.name, lang) : '',
    author_email: creator?.email ?? '',
    maintainer: contact ? pick(contact.name ?? contact.organizationName, lang) : '',
    maintainer_email: contact?.email ?? '',
    license_id: ckanLicenceId(licence),
    license_title: licenceTerm ? licenceTerm.labels[lang] : (licence ?? ''),
    license_url: licenceTerm?.url ?? licence ?? '',
    isopen: licenceTerm?.open ?? false,
    metadata_created: dataset.createdAt,
    metadata_modified: dataset.updatedAt,
    state: dataset.state === 'published' ? 'active' : 'draft',
    private: dataset.state !== 'published',
    type: 'dataset',
    version: r.version ?? '',
    url: r.landingPage ?? '',
    owner_org: r.organizationId ?? null,
    organization: options.organization ? toCkanOrganization(options.organization, lang) : null,
    creator_user_id: null,
    revision_id: String(dataset.revision),
    num_tags: tags.length,
    tags,
    groups,
    num_resources: resources.length,
    resources,
    extras: Object.entries(r.extras ?? {}).map(([key, value]) => ({ key, value })),
    relationships_as_object: [],
    relationships_as_subject: [],
  };
}
