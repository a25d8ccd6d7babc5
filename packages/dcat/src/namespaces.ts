// IRIs of the vocabularies DCAT-AP 3 uses. Plain strings: the writers and readers compare and
// concatenate them in hot loops, so no term objects here.

export const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
export const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
export const XSD = 'http://www.w3.org/2001/XMLSchema#';
export const DCAT = 'http://www.w3.org/ns/dcat#';
export const DCT = 'http://purl.org/dc/terms/';
export const DCATAP = 'http://data.europa.eu/r5r/';
export const FOAF = 'http://xmlns.com/foaf/0.1/';
export const VCARD = 'http://www.w3.org/2006/vcard/ns#';
export const ADMS = 'http://www.w3.org/ns/adms#';
export const SKOS = 'http://www.w3.org/2004/02/skos/core#';
export const SPDX = 'http://spdx.org/rdf/terms#';
export const LOCN = 'http://www.w3.org/ns/locn#';
export const GSP = 'http://www.opengis.net/ont/geosparql#';
export const PROV = 'http://www.w3.org/ns/prov#';
export const ODRL = 'http://www.w3.org/ns/odrl/2/';
export const ELI = 'http://data.europa.eu/eli/ontology#';
export const HYDRA = 'http://www.w3.org/ns/hydra/core#';
export const DQV = 'http://www.w3.org/ns/dqv#';
export const OA = 'http://www.w3.org/ns/oa#';
export const SCHEMA = 'http://schema.org/';

export const RDF_TYPE = `${RDF}type`;
export const RDF_LANG_STRING = `${RDF}langString`;
export const XSD_STRING = `${XSD}string`;

/** The checksum algorithm IRIs the DCAT-AP 3.0.1 vocabulary shapes accept (`^https://spdx.org/rdf/terms`). */
export const SPDX_ALGORITHM = 'https://spdx.org/rdf/terms#checksumAlgorithm_';

/** Where IANA media types live; the DCAT-AP shapes require `dcat:mediaType` to start with it. */
export const IANA_MEDIA_TYPES = 'https://www.iana.org/assignments/media-types/';

/**
 * Prefixes written in Turtle and RDF/XML output, in a stable order.
 *
 * @example
 * ```ts
 * import { DCAT_PREFIXES } from '@bayan/dcat';
 * new Writer({ prefixes: DCAT_PREFIXES }); // N3.js, same prefixes as Bayan's output
 * ```
 */
export const PREFIXES: Readonly<Record<string, string>> = {
  adms: ADMS,
  dcat: DCAT,
  dcatap: DCATAP,
  dct: DCT,
  dqv: DQV,
  eli: ELI,
  foaf: FOAF,
  gsp: GSP,
  hydra: HYDRA,
  locn: LOCN,
  odrl: ODRL,
  oa: OA,
  prov: PROV,
  rdf: RDF,
  rdfs: RDFS,
  skos: SKOS,
  spdx: SPDX,
  vcard: VCARD,
  xsd: XSD,
};
