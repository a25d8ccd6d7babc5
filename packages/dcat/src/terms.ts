import { DataFactory, type Literal, type NamedNode, type Quad, type Quad_Graph, type Quad_Object, type Quad_Predicate, type Quad_Subject, type BlankNode } from 'n3';

// N3's term constructors, as plain functions (N3 exposes them as methods of DataFactory).

export const namedNode = (iri: string): NamedNode => DataFactory.namedNode(iri);
export const blankNode = (label?: string): BlankNode => DataFactory.blankNode(label);
export const literal = (value: string, languageOrDatatype?: string | NamedNode): Literal => DataFactory.literal(value, languageOrDatatype);
export const quad = (subject: Quad_Subject, predicate: Quad_Predicate, object: Quad_Object, graph?: Quad_Graph): Quad => DataFactory.quad(subject, predicate, object, graph);
