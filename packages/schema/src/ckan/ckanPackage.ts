import type { LocalizedMessage } from '../localizedMessage';

/** A CKAN value that may be a plain string or a per-language dict (ckanext-fluent, opendata.swiss). */
export type CkanText = string | Record<string, string | null | undefined> | null | undefined;

/** A CKAN tag. */
export interface CkanTag {
  name: string;
  display_name?: string;
  vocabulary_id?: string | null;
  [key: string]: unknown;
}

/** A CKAN group (used as a theme). */
export interface CkanGroup {
  name: string;
  id?: string;
  title?: CkanText;
  display_name?: CkanText;
  [key: string]: unknown;
}

/** A CKAN organization, as `package_show` embeds it or `organization_show` returns it. */
export interface CkanOrganization {
  id?: string;
  name: string;
  title?: CkanText;
  display_name?: CkanText;
  description?: CkanText;
  image_url?: string | null;
  image_display_url?: string | null;
  [key: string]: unknown;
}

/** A CKAN resource (a distribution). Standard fields plus the DCAT extensions CKAN portals add. */
export interface CkanResource {
  id?: string;
  url?: string | null;
  name?: CkanText;
  title?: CkanText;
  description?: CkanText;
  format?: string | null;
  mimetype?: string | null;
  media_type?: string | null;
  size?: number | string | null;
  byte_size?: number | string | null;
  hash?: string | null;
  created?: string | null;
  last_modified?: string | null;
  issued?: string | null;
  modified?: string | null;
  download_url?: string | null;
  license?: string | null;
  rights?: CkanText;
  language?: string | string[] | null;
  [key: string]: unknown;
}

/** A CKAN dataset (`package_show` result). Unknown fields are read where Bayan understands them. */
export interface CkanPackage {
  id?: string;
  name?: string;
  title?: CkanText;
  notes?: CkanText;
  title_translated?: Record<string, string | null>;
  notes_translated?: Record<string, string | null>;
  url?: string | null;
  version?: string | null;
  license_id?: string | null;
  license_url?: string | null;
  license_title?: string | null;
  author?: string | null;
  author_email?: string | null;
  maintainer?: string | null;
  maintainer_email?: string | null;
  metadata_created?: string | null;
  metadata_modified?: string | null;
  private?: boolean;
  state?: string;
  tags?: CkanTag[];
  groups?: CkanGroup[];
  organization?: CkanOrganization | null;
  owner_org?: string | null;
  extras?: { key: string; value: unknown }[];
  resources?: CkanResource[];
  [key: string]: unknown;
}

/** Something `fromCkanPackage` noticed: a field it could not keep as is, with where and why. */
export interface CkanProblem {
  /** JSON pointer into the CKAN package (`/resources/3/url`). */
  path: string;
  /** Stable code: `invalid_url`, `unknown_licence`, `unmapped_group`, `missing_description`, … */
  code: string;
  /** What happened, in fr, ar and en. */
  message: LocalizedMessage;
  /** For `dropped_value`: the pointer of the value in the Bayan dataset (then `path` is that pointer too). */
  field?: string;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON text of a value, or `undefined` when it cannot be written (too deep, cyclic, a BigInt). */
export function safeStringify(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

export function nonEmptyString(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * The CKAN packages inside an Action API response or a bare package: `package_show` (`result` is a
 * package), `package_search` (`result.results`), a list of packages, or a package itself.
 *
 * @example
 * ```ts
 * ckanPackagesOf(JSON.parse(text)).length; // 10 for a package_search page of 10
 * ```
 */
export function ckanPackagesOf(json: unknown): CkanPackage[] {
  const body = isRecord(json) && 'result' in json && ('success' in json || 'help' in json) ? json.result : json;
  if (Array.isArray(body)) return body.filter(isPackage);
  if (isRecord(body) && Array.isArray(body.results)) return body.results.filter(isPackage);
  return isPackage(body) ? [body] : [];
}

function isPackage(value: unknown): value is CkanPackage {
  if (isRecord(value) && (value.is_organization === true || value.type === 'organization' || value.type === 'group')) return false;
  return isRecord(value) && (typeof value.name === 'string' || typeof value.id === 'string') && ('title' in value || 'resources' in value || 'notes' in value);
}
