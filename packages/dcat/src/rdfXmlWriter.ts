import type { Quad, Term } from 'n3';
import { groupBySubject } from './groupBySubject';
import { PREFIXES, RDF_LANG_STRING, XSD_STRING } from './namespaces';

// A small RDF/XML writer: one rdf:Description per subject, objects as rdf:resource / rdf:nodeID
// attributes or literal text. It never nests, so its memory is one record at a time.

const NAMESPACE_OF = new Map(Object.entries(PREFIXES).map(([prefix, iri]) => [iri, prefix]));
// XML 1.0 cannot carry these characters at all, not even as character references.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NC_NAME = /[A-Za-z_][A-Za-z0-9._-]*$/;

function escapeText(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** Splits a predicate IRI into an element name and, when needed, a namespace declaration. */
function qualifiedName(iri: string): { name: string; declaration: string } {
  const local = NC_NAME.exec(iri);
  if (local === null || local.index === 0) throw new Error(`the predicate ${iri} cannot be written in RDF/XML`);
  const namespace = iri.slice(0, local.index);
  const prefix = NAMESPACE_OF.get(namespace);
  if (prefix !== undefined) return { name: `${prefix}:${local[0]}`, declaration: '' };
  return { name: `ns0:${local[0]}`, declaration: ` xmlns:ns0="${escapeAttribute(namespace)}"` };
}

function subjectAttribute(term: Term): string {
  return term.termType === 'BlankNode' ? `rdf:nodeID="${term.value}"` : `rdf:about="${escapeAttribute(term.value)}"`;
}

function propertyElement(q: Quad): string {
  const { name, declaration } = qualifiedName(q.predicate.value);
  const o = q.object;
  if (o.termType === 'NamedNode') return `    <${name}${declaration} rdf:resource="${escapeAttribute(o.value)}"/>\n`;
  if (o.termType === 'BlankNode') return `    <${name}${declaration} rdf:nodeID="${o.value}"/>\n`;
  if (o.termType !== 'Literal') throw new Error(`RDF/XML cannot hold a ${o.termType} object`);
  let attributes = '';
  if (o.language !== '') attributes = ` xml:lang="${escapeAttribute(o.language)}"`;
  else if (o.datatype.value !== XSD_STRING && o.datatype.value !== RDF_LANG_STRING) attributes = ` rdf:datatype="${escapeAttribute(o.datatype.value)}"`;
  return `    <${name}${declaration}${attributes}>${escapeText(o.value)}</${name}>\n`;
}

/** The opening of an RDF/XML document with Bayan's namespace declarations. */
export function rdfXmlHeader(): string {
  const declarations = Object.entries(PREFIXES)
    .map(([prefix, iri]) => `\n    xmlns:${prefix}="${iri}"`)
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF${declarations}>\n`;
}

/** The closing of an RDF/XML document. */
export function rdfXmlFooter(): string {
  return '</rdf:RDF>\n';
}

/** The `rdf:Description` elements of some quads, grouped by subject. */
export function rdfXmlBody(quads: readonly Quad[]): string {
  let out = '';
  for (const group of groupBySubject(quads)) {
    const subject = group.quads[0]!.subject;
    out += `  <rdf:Description ${subjectAttribute(subject)}>\n`;
    for (const q of group.quads) out += propertyElement(q);
    out += '  </rdf:Description>\n';
  }
  return out;
}

