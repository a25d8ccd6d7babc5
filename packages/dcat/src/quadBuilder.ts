import type { Agent, Attribution, Checksum, Kind, Location, PeriodOfTime, Relationship, Standard } from '@bayan/schema';
import { type Quad, type Quad_Object, type Quad_Subject } from 'n3';
import {
  ADMS,
  DCAT,
  DCATAP,
  DCT,
  ELI,
  FOAF,
  GSP,
  IANA_MEDIA_TYPES,
  LOCN,
  ODRL,
  PROV,
  RDF_TYPE,
  RDFS,
  SKOS,
  SPDX,
  SPDX_ALGORITHM,
  VCARD,
  XSD,
} from './namespaces';
import { namedNode, blankNode, literal, quad } from './terms';


type Multilingual = { fr?: string | undefined; ar?: string | undefined; en?: string | undefined };

const LANGUAGES = ['fr', 'ar', 'en'] as const;
const TYPE = namedNode(RDF_TYPE);
const XSD_DATE = namedNode(`${XSD}date`);
const XSD_DATE_TIME = namedNode(`${XSD}dateTime`);
const XSD_DECIMAL = namedNode(`${XSD}decimal`);
const XSD_DURATION = namedNode(`${XSD}duration`);
const XSD_NON_NEGATIVE_INTEGER = namedNode(`${XSD}nonNegativeInteger`);
const XSD_HEX_BINARY = namedNode(`${XSD}hexBinary`);
const GSP_WKT = namedNode(`${GSP}wktLiteral`);
const GSP_GEOJSON = namedNode(`${GSP}geoJSONLiteral`);

/** Writes a number as an `xsd:decimal` lexical form (never in exponent notation). */
export function decimalLexical(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text.includes('.') ? text : `${text}.0`;
  const [mantissa = '0', exponentText = '0'] = text.toLowerCase().split('e');
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const [whole = '0', fraction = ''] = mantissa.replace('-', '').split('.');
  const digits = whole + fraction;
  const point = whole.length + exponent;
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = `${digits}${'0'.repeat(point - digits.length)}.0`;
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${out}` : out;
}

/** The typed literal of a date (`xsd:date`) or a date-time (`xsd:dateTime`). */
export function dateLiteral(value: string) {
  return literal(value, value.length > 10 ? XSD_DATE_TIME : XSD_DATE);
}

/** Encodes a phone number as a `tel:` IRI; spaces and brackets are percent-encoded. */
export function telIri(phone: string): string {
  return `tel:${encodeURIComponent(phone).replace(/%2B/g, '+')}`;
}

/**
 * Collects the quads of one record. Blank-node labels come from a counter shared by a whole
 * document, so that records written one after another in a stream never collide.
 */
export class QuadBuilder {
  readonly quads: Quad[] = [];
  private typed = new Set<string>();
  private described = new Set<string>();

  constructor(private readonly blankIds: { next: number } = { next: 0 }) {}

  blank(): Quad_Subject {
    this.blankIds.next += 1;
    return blankNode(`b${this.blankIds.next}`);
  }

  node(uri: string | undefined): Quad_Subject {
    return uri === undefined ? this.blank() : namedNode(uri);
  }

  /**
   * Whether a node still needs its description in this record. A node with an IRI (a publisher
   * who is also the service's publisher, a standard used twice) is described once per record.
   */
  firstTime(uri: string | undefined): boolean {
    if (uri === undefined) return true;
    if (this.described.has(uri)) return false;
    this.described.add(uri);
    return true;
  }

  add(subject: Quad_Subject, predicate: string, object: Quad_Object): void {
    this.quads.push(quad(subject, namedNode(predicate), object));
  }

  type(subject: Quad_Subject, cls: string): void {
    this.add(subject, RDF_TYPE, namedNode(cls));
  }

  /** Links to an IRI and, once per record, gives that IRI the class DCAT-AP's range shapes expect. */
  link(subject: Quad_Subject, predicate: string, iri: string, cls?: string): void {
    const object = namedNode(iri);
    this.add(subject, predicate, object);
    if (cls !== undefined) {
      const key = `${iri} ${cls}`;
      if (!this.typed.has(key)) {
        this.typed.add(key);
        this.quads.push(quad(object, TYPE, namedNode(cls)));
      }
    }
  }

  links(subject: Quad_Subject, predicate: string, iris: readonly string[] | undefined, cls?: string): void {
    if (iris === undefined) return;
    for (const iri of iris) this.link(subject, predicate, iri, cls);
  }

  text(subject: Quad_Subject, predicate: string, value: Multilingual | undefined): void {
    if (value === undefined) return;
    for (const language of LANGUAGES) {
      const text = value[language];
      if (text !== undefined) this.add(subject, predicate, literal(text, language));
    }
  }

  plain(subject: Quad_Subject, predicate: string, value: string | undefined): void {
    if (value !== undefined) this.add(subject, predicate, literal(value));
  }

  date(subject: Quad_Subject, predicate: string, value: string | undefined): void {
    if (value !== undefined) this.add(subject, predicate, dateLiteral(value));
  }

  decimal(subject: Quad_Subject, predicate: string, value: number | undefined): void {
    if (value !== undefined) this.add(subject, predicate, literal(decimalLexical(value), XSD_DECIMAL));
  }

  duration(subject: Quad_Subject, predicate: string, value: string | undefined): void {
    if (value !== undefined) this.add(subject, predicate, literal(value, XSD_DURATION));
  }

  nonNegativeInteger(subject: Quad_Subject, predicate: string, value: number | undefined): void {
    if (value !== undefined) this.add(subject, predicate, literal(String(value), XSD_NON_NEGATIVE_INTEGER));
  }

  mediaType(subject: Quad_Subject, predicate: string, value: string | undefined): void {
    if (value !== undefined) this.link(subject, predicate, `${IANA_MEDIA_TYPES}${value.toLowerCase()}`, `${DCT}MediaType`);
  }

  agent(subject: Quad_Subject, predicate: string, agent: Agent | undefined): void {
    if (agent === undefined) return;
    const node = this.node(agent.uri);
    this.add(subject, predicate, node);
    if (!this.firstTime(agent.uri)) return;
    this.type(node, `${FOAF}Agent`);
    this.text(node, `${FOAF}name`, agent.name);
    if (agent.type !== undefined) this.link(node, `${DCT}type`, agent.type);
    this.plain(node, `${DCT}identifier`, agent.identifier);
    if (agent.email !== undefined) this.link(node, `${FOAF}mbox`, `mailto:${agent.email}`);
    if (agent.homepage !== undefined) this.link(node, `${FOAF}homepage`, agent.homepage, `${FOAF}Document`);
  }

  contactPoints(subject: Quad_Subject, kinds: readonly Kind[] | undefined): void {
    for (const kind of kinds ?? []) {
      const node = this.node(kind.uri);
      this.add(subject, `${DCAT}contactPoint`, node);
      if (!this.firstTime(kind.uri)) continue;
      this.type(node, `${VCARD}Kind`);
      this.text(node, `${VCARD}fn`, kind.name);
      this.text(node, `${VCARD}organization-name`, kind.organizationName);
      if (kind.email !== undefined) this.link(node, `${VCARD}hasEmail`, `mailto:${kind.email}`);
      if (kind.phone !== undefined) {
        const phone = this.blank();
        this.add(node, `${VCARD}hasTelephone`, phone);
        this.type(phone, `${VCARD}Voice`);
        this.link(phone, `${VCARD}hasValue`, telIri(kind.phone));
      }
      if (kind.url !== undefined) this.link(node, `${VCARD}hasURL`, kind.url);
    }
  }

  periods(subject: Quad_Subject, periods: readonly PeriodOfTime[] | undefined): void {
    for (const period of periods ?? []) {
      const node = this.blank();
      this.add(subject, `${DCT}temporal`, node);
      this.type(node, `${DCT}PeriodOfTime`);
      this.date(node, `${DCAT}startDate`, period.start);
      this.date(node, `${DCAT}endDate`, period.end);
    }
  }

  locations(subject: Quad_Subject, locations: readonly Location[] | undefined): void {
    for (const location of locations ?? []) {
      const node = this.node(location.uri);
      this.add(subject, `${DCT}spatial`, node);
      if (!this.firstTime(location.uri)) continue;
      this.type(node, `${DCT}Location`);
      this.text(node, `${SKOS}prefLabel`, location.label);
      if (location.bbox !== undefined) {
        const [w, s, e, n] = location.bbox;
        this.add(node, `${DCAT}bbox`, literal(`POLYGON((${w} ${s},${e} ${s},${e} ${n},${w} ${n},${w} ${s}))`, GSP_WKT));
      }
      if (location.centroid !== undefined) {
        this.add(node, `${DCAT}centroid`, literal(`POINT(${location.centroid[0]} ${location.centroid[1]})`, GSP_WKT));
      }
      if (location.geometry !== undefined) this.add(node, `${LOCN}geometry`, literal(JSON.stringify(location.geometry), GSP_GEOJSON));
    }
  }

  standards(subject: Quad_Subject, standards: readonly Standard[] | undefined): void {
    for (const standard of standards ?? []) {
      this.link(subject, `${DCT}conformsTo`, standard.uri, `${DCT}Standard`);
      if (this.firstTime(standard.uri)) this.text(namedNode(standard.uri), `${DCT}title`, standard.title);
    }
  }

  checksum(subject: Quad_Subject, checksum: Checksum | undefined): void {
    if (checksum === undefined) return;
    const node = this.blank();
    this.add(subject, `${SPDX}checksum`, node);
    this.type(node, `${SPDX}Checksum`);
    this.link(node, `${SPDX}algorithm`, `${SPDX_ALGORITHM}${checksum.algorithm}`, `${SPDX}ChecksumAlgorithm`);
    this.add(node, `${SPDX}checksumValue`, literal(checksum.value, XSD_HEX_BINARY));
  }

  statement(subject: Quad_Subject, predicate: string, cls: string, value: Multilingual | undefined): void {
    if (value === undefined) return;
    const node = this.blank();
    this.add(subject, predicate, node);
    this.type(node, cls);
    this.text(node, `${RDFS}label`, value);
  }

  relationships(subject: Quad_Subject, relationships: readonly Relationship[] | undefined): void {
    for (const relationship of relationships ?? []) {
      const node = this.blank();
      this.add(subject, `${DCAT}qualifiedRelation`, node);
      this.type(node, `${DCAT}Relationship`);
      this.link(node, `${DCT}relation`, relationship.relation);
      this.link(node, `${DCAT}hadRole`, relationship.role, `${DCAT}Role`);
    }
  }

  attributions(subject: Quad_Subject, attributions: readonly Attribution[] | undefined): void {
    for (const attribution of attributions ?? []) {
      const node = this.blank();
      this.add(subject, `${PROV}qualifiedAttribution`, node);
      this.type(node, `${PROV}Attribution`);
      this.agent(node, `${PROV}agent`, attribution.agent);
      this.link(node, `${DCAT}hadRole`, attribution.role, `${DCAT}Role`);
    }
  }

  identifiers(subject: Quad_Subject, identifiers: readonly string[] | undefined): void {
    for (const identifier of identifiers ?? []) {
      const node = this.blank();
      this.add(subject, `${ADMS}identifier`, node);
      this.type(node, `${ADMS}Identifier`);
      this.add(node, `${SKOS}notation`, literal(identifier));
    }
  }

  legislation(subject: Quad_Subject, iris: readonly string[] | undefined): void {
    this.links(subject, `${DCATAP}applicableLegislation`, iris, `${ELI}LegalResource`);
  }

  policy(subject: Quad_Subject, iri: string | undefined): void {
    if (iri !== undefined) this.link(subject, `${ODRL}hasPolicy`, iri, `${ODRL}Policy`);
  }
}
