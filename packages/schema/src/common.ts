import { z } from 'zod';
import { multilingualLongText, multilingualText } from './multilingual';
import { dateOrDateTime, email, httpUri, phone } from './primitives';

/** An agent (dct:publisher, dct:creator, prov:agent): an organisation or a person. */
export const agentSchema = z.strictObject({
  /** The agent's URI, when it has one. */
  uri: httpUri.optional(),
  /** foaf:name, mandatory in DCAT-AP. */
  name: multilingualText,
  /** dct:type, e.g. an ADMS publisher type URI. */
  type: httpUri.optional(),
  /** dct:identifier, e.g. a national registry number. */
  identifier: z.string().max(200).optional(),
  email: email.optional(),
  homepage: httpUri.optional(),
});

/** A contact point (vcard:Kind). At least one way to reach it is needed. */
export const kindSchema = z
  .strictObject({
    uri: httpUri.optional(),
    /** vcard:fn — the name of the person or service. */
    name: multilingualText.optional(),
    /** vcard:organization-name. */
    organizationName: multilingualText.optional(),
    email: email.optional(),
    phone: phone.optional(),
    /** vcard:hasURL — a contact form or page. */
    url: httpUri.optional(),
  })
  .refine((k) => k.email !== undefined || k.phone !== undefined || k.url !== undefined || k.uri !== undefined, {
    error: 'needs an e-mail, a phone number or a URL',
    params: { code: 'missing_contact' },
  })
  // Each branch names its property so that the JSON Schema also compiles under ajv's strictRequired.
  .meta({ anyOf: ['email', 'phone', 'url', 'uri'].map((key) => ({ properties: { [key]: true }, required: [key] })) });

/** A licence (dct:LicenseDocument). */
export const licenseDocumentSchema = z.strictObject({
  uri: httpUri,
  title: multilingualText.optional(),
  /** dct:type from the ADMS licence-type vocabulary. */
  type: httpUri.optional(),
});

/** A period of time (dct:PeriodOfTime) with a start, an end, or both. */
export const periodOfTimeSchema = z
  .strictObject({
    start: dateOrDateTime.optional(),
    end: dateOrDateTime.optional(),
  })
  .refine((p) => p.start !== undefined || p.end !== undefined, {
    error: 'needs a start or an end',
    params: { code: 'missing_bound' },
  })
  .refine((p) => p.start === undefined || p.end === undefined || p.start.slice(0, 10) <= p.end.slice(0, 10), {
    error: 'ends before it starts',
    params: { code: 'inverted_period' },
  })
  .meta({ minProperties: 1 });

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const ring = z.array(position).min(4).max(100_000);

/** A GeoJSON geometry (Point, LineString, Polygon, MultiPolygon), WGS 84 longitude/latitude. */
export const geometrySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('Point'), coordinates: position }),
  z.strictObject({ type: z.literal('LineString'), coordinates: z.array(position).min(2).max(100_000) }),
  z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1).max(1_000) }),
  z.strictObject({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1).max(1_000)).min(1).max(1_000) }),
]);

/** A place (dct:Location): a URI from a gazetteer, a label, a bounding box, a centroid and/or a geometry. */
export const locationSchema = z
  .strictObject({
    uri: httpUri.optional(),
    label: multilingualText.optional(),
    /** dcat:bbox as [west, south, east, north]. */
    bbox: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90), z.number().min(-180).max(180), z.number().min(-90).max(90)]).optional(),
    /** dcat:centroid as [longitude, latitude]. */
    centroid: position.optional(),
    /** locn:geometry. */
    geometry: geometrySchema.optional(),
  })
  .refine((l) => l.uri !== undefined || l.label !== undefined || l.bbox !== undefined || l.centroid !== undefined || l.geometry !== undefined, {
    error: 'needs a URI, a label, a bounding box, a centroid or a geometry',
    params: { code: 'empty_location' },
  })
  .meta({ minProperties: 1 });

/** A checksum (spdx:Checksum). */
export const checksumSchema = z.strictObject({
  algorithm: z.enum(['md5', 'sha1', 'sha256', 'sha384', 'sha512']),
  value: z.string().regex(/^[0-9a-f]{32,128}$/, { error: 'must be a lower-case hexadecimal digest' }),
});

/** A standard or specification a resource conforms to (dct:conformsTo), e.g. a Table Schema. */
export const standardSchema = z.strictObject({
  uri: httpUri,
  title: multilingualText.optional(),
});

/** A qualified relation to another resource (dcat:Relationship). */
export const relationshipSchema = z.strictObject({
  /** dct:relation — the related resource. */
  relation: httpUri,
  /** dcat:hadRole — the role of the relation. */
  role: httpUri,
});

/** A qualified attribution (prov:Attribution): an agent and its role. */
export const attributionSchema = z.strictObject({
  agent: agentSchema,
  /** dcat:hadRole. */
  role: httpUri,
});

/** A provenance statement or rights statement: free text in fr/ar/en. */
export const statementSchema = multilingualLongText;

/** A date or date-time, re-exported for records that reference one. */
export const dateSchema = dateOrDateTime;

/** An agent (publisher, creator). */
export type Agent = z.infer<typeof agentSchema>;
/** A contact point. */
export type Kind = z.infer<typeof kindSchema>;
/** A licence document. */
export type LicenseDocument = z.infer<typeof licenseDocumentSchema>;
/** A period of time. */
export type PeriodOfTime = z.infer<typeof periodOfTimeSchema>;
/** A place. */
export type Location = z.infer<typeof locationSchema>;
/** A GeoJSON geometry. */
export type Geometry = z.infer<typeof geometrySchema>;
/** A checksum. */
export type Checksum = z.infer<typeof checksumSchema>;
/** A standard. */
export type Standard = z.infer<typeof standardSchema>;
/** A qualified relation. */
export type Relationship = z.infer<typeof relationshipSchema>;
/** A qualified attribution. */
export type Attribution = z.infer<typeof attributionSchema>;

