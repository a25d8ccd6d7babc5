import { Writer, type Quad } from 'n3';
import { DCAT_AP_CONTEXT_URL } from './dcatApContext';
import { sortedBySubject } from './groupBySubject';
import { compactRecord } from './jsonLdWriter';
import { PREFIXES } from './namespaces';
import { rdfXmlBody, rdfXmlFooter, rdfXmlHeader } from './rdfXmlWriter';

/** The RDF serialisations Bayan writes and reads. */
export type DcatFormat = 'turtle' | 'ntriples' | 'jsonld' | 'rdfxml';

/** Writes one document record by record: a header, any number of records, a footer. */
export interface DocumentWriter {
  header(): string;
  record(quads: readonly Quad[]): string;
  footer(): string;
}

class N3DocumentWriter implements DocumentWriter {
  private buffer = '';
  private readonly writer: Writer;

  constructor(format: 'Turtle' | 'N-Triples') {
    const sink = {
      write: (chunk: string, _encoding?: unknown, done?: () => void) => {
        this.buffer += chunk;
        done?.();
      },
      end: (done?: () => void) => done?.(),
    };
    this.writer = new Writer(sink, { format, prefixes: format === 'Turtle' ? { ...PREFIXES } : undefined });
  }

  private drain(): string {
    const out = this.buffer;
    this.buffer = '';
    return out;
  }

  header(): string {
    return this.drain();
  }

  record(quads: readonly Quad[]): string {
    for (const q of sortedBySubject(quads)) this.writer.addQuad(q);
    return this.drain();
  }

  footer(): string {
    this.writer.end();
    return this.drain();
  }
}

class JsonLdDocumentWriter implements DocumentWriter {
  private first = true;

  constructor(private readonly context: unknown) {}

  header(): string {
    return `{"@context":${JSON.stringify(this.context)},"@graph":[\n`;
  }

  record(quads: readonly Quad[]): string {
    let out = '';
    for (const node of compactRecord(quads)) {
      out += (this.first ? '' : ',\n') + JSON.stringify(node);
      this.first = false;
    }
    return out;
  }

  footer(): string {
    return '\n]}\n';
  }
}

class RdfXmlDocumentWriter implements DocumentWriter {
  header(): string {
    return rdfXmlHeader();
  }

  record(quads: readonly Quad[]): string {
    return rdfXmlBody(quads);
  }

  footer(): string {
    return rdfXmlFooter();
  }
}

/** Options of the JSON-LD output. */
export interface JsonLdOutputOptions {
  /** The `@context` written: the official URL (default) or any JSON value, e.g. the context itself. */
  jsonLdContext?: unknown;
}

/** A writer for one document in the given format. */
export function createDocumentWriter(format: DcatFormat, options: JsonLdOutputOptions = {}): DocumentWriter {
  switch (format) {
    case 'turtle':
      return new N3DocumentWriter('Turtle');
    case 'ntriples':
      return new N3DocumentWriter('N-Triples');
    case 'jsonld':
      return new JsonLdDocumentWriter(options.jsonLdContext ?? DCAT_AP_CONTEXT_URL);
    case 'rdfxml':
      return new RdfXmlDocumentWriter();
    default:
      throw new Error(`unknown DCAT format ${String(format)}`);
  }
}
