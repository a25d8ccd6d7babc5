import { z } from 'zod';
import { accessRights } from './vocabularies/accessRights';
import { frequencies } from './vocabularies/frequencies';
import { dataThemes } from './vocabularies/themes';
import { MAX_URI } from './primitives';

// URI-valued fields that DCAT-AP ties to a controlled vocabulary. Closed, small vocabularies are
// enumerated (an unknown value is an error); large EU authority tables are checked by their URI
// pattern so that a legitimate code Bayan has no label for is still accepted.

function enumOf(uris: readonly string[], what: string) {
  return z.enum(uris as [string, ...string[]], { error: `must be a URI of the ${what} vocabulary` });
}

function authorityUri(table: string, what: string) {
  return z
    .string()
    .max(MAX_URI)
    .regex(new RegExp(`^http://publications\\.europa\\.eu/resource/authority/${table}/[A-Z0-9_]+$`), {
      error: `must be a URI of the EU ${what} table`,
    })
    .meta({ format: 'uri' });
}

/** An EU data theme URI (13 values). */
export const themeUri = enumOf(dataThemes.terms.map((t) => t.uri), 'EU data theme');
/** An EU frequency URI. */
export const frequencyUri = enumOf(frequencies.terms.map((t) => t.uri), 'EU frequency');
/** An EU access-right URI (PUBLIC, RESTRICTED, NON_PUBLIC). */
export const accessRightsUri = enumOf(accessRights.terms.map((t) => t.uri), 'EU access-right');
/** An EU language authority URI such as `…/language/FRA`. */
export const languageUri = authorityUri('language', 'language');
/** An EU file-type authority URI such as `…/file-type/CSV`. */
export const fileTypeUri = authorityUri('file-type', 'file type');

const STATUS = 'http://publications.europa.eu/resource/authority/distribution-status/';
/** An EU distribution-status URI (ADMS status). */
export const distributionStatusUri = enumOf(
  ['COMPLETED', 'DEPRECATED', 'UNDER_DEVELOPMENT', 'WITHDRAWN'].map((c) => `${STATUS}${c}`),
  'EU distribution status',
);

const AVAILABILITY = 'http://publications.europa.eu/resource/authority/planned-availability/';
/** An EU planned-availability URI. */
export const availabilityUri = enumOf(
  ['AVAILABLE', 'EXPERIMENTAL', 'STABLE', 'TEMPORARY'].map((c) => `${AVAILABILITY}${c}`),
  'EU planned availability',
);

/** A high-value-dataset category URI (`http://data.europa.eu/bna/c_…`). */
export const hvdCategoryUri = z
  .string()
  .max(MAX_URI)
  .regex(/^http:\/\/data\.europa\.eu\/bna\/c_[0-9a-f]+$/, { error: 'must be a high-value dataset category URI' })
  .meta({ format: 'uri' });

/** An IANA media type such as `text/csv`. */
export const mediaType = z
  .string()
  .max(255)
  .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i, { error: 'must be an IANA media type such as text/csv' });
