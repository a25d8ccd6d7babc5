import jsonld from 'jsonld';
import { DataFactory, Parser, Store, type Quad, type Quad_Object, type Term } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { DCAT_AP_CONTEXT_URL, dcatApContext } from './dcatApContext';
import type { DcatFormat } from './documentWriter';
import { TurtleGuard, XmlGuard, type GuardVerdict } from './inputGuards';
import { messages, problem, type DcatProblem } from './problems';

/** Input to the readers: the whole text, bytes, or chunks of either as they arrive. */
export type RdfInput = string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/** Limits that keep hostile input cheap. */
export interface ReadLimits {
  /** Largest document, in bytes (UTF-16 code units for string input); default 64 MiB. */
  maxBytes?: number;
  /** Longest literal, IRI or bare token, in characters; default 1 MiB. */
  maxLiteralLength?: number;
  /** Most triples kept; default 2,000,000. */
  maxQuads?: number;
}

/** Options shared by the RDF readers. */
export interface ParseRdfOptions extends ReadLimits {
  format: DcatFormat;
  /** Base IRI for relative IRIs. */
  baseIRI?: string;
  /** JSON-LD contexts available offline, by URL (the DCAT-AP 3.0.1 context is always there). */
  contexts?: Record<string, unknown>;
}

/** Triples read and the problems met. */
export interface ParsedRdf {
  store: Store;
  problems: DcatProblem[];
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
const DEFAULT_MAX_LITERAL = 1024 * 1024;
const DEFAULT_MAX_QUADS = 2_000_000;

const FORMAT_NAMES: Record<DcatFormat, string> = { turtle: 'Turtle', ntriples: 'N-Triples', jsonld: 'JSON-LD', rdfxml: 'RDF/XML' };

const OFFICIAL_CONTEXT_URLS = [
  DCAT_AP_CONTEXT_URL,
  DCAT_AP_CONTEXT_URL.replace('https:', 'http:'),
  'https://github.com/SEMICeu/DCAT-AP/raw/refs/heads/master/releases/3.0.1/context/dcat-ap.jsonld',
];

class Stop extends Error {
  constructor(readonly problem: DcatProblem) {
    super(problem.message.en);
  }
}

async function* chunksOf(input: RdfInput): AsyncGenerator<string> {
  if (typeof input === 'string') {
    // Hand big strings over in slices so the guards can stop early and parsers see a stream.
    const size = 1 << 16;
    for (let i = 0; i < input.length; i += size) yield input.slice(i, i + size);
    return;
  }
  const decoder = new TextDecoder('utf-8');
  if (input instanceof Uint8Array) {
    yield decoder.decode(input);
    return;
  }
  for await (const chunk of input as AsyncIterable<string | Uint8Array>) {
    yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

interface Feeder {
  write(chunk: string): void;
  end(): Promise<void>;
}

/** A minimal event source for N3's streaming lexer (it only needs `on`). */
class ChunkSource {
  private listeners: Record<string, ((value?: unknown) => void)[]> = {};
  on(event: string, listener: (value?: unknown) => void): this {
    (this.listeners[event] ??= []).push(listener);
    return this;
  }
  emit(event: string, value?: unknown): void {
    for (const listener of this.listeners[event] ?? []) listener(value);
  }
}

function n3Feeder(format: 'turtle' | 'ntriples', baseIRI: string | undefined, onQuad: (q: Quad) => void, onError: (e: Error) => void): Feeder {
  const parser = new Parser({ format: format === 'turtle' ? 'Turtle' : 'N-Triples', ...(baseIRI === undefined ? {} : { baseIRI }) });
  const source = new ChunkSource();
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  let failed = false;
  parser.parse(source as never, (error: Error | null | undefined, q: Quad | null | undefined) => {
    if (failed) return;
    if (error) {
      failed = true;
      onError(error);
      finish();
    } else if (q) onQuad(q);
    else finish();
  });
  return {
    write: (chunk) => source.emit('data', chunk),
    end: () => {
      source.emit('end');
      return finished;
    },
  };
}

function rdfXmlFeeder(baseIRI: string | undefined, onQuad: (q: Quad) => void, onError: (e: Error) => void): Feeder {
  const parser = new RdfXmlParser({ dataFactory: DataFactory as unknown as NonNullable<ConstructorParameters<typeof RdfXmlParser>[0]>['dataFactory'], ...(baseIRI === undefined ? {} : { baseIRI }), trackPosition: true });
  let failed = false;
  const finished = new Promise<void>((resolve) => {
    parser.on('data', (q: Quad) => {
      if (!failed) onQuad(q);
    });
    parser.on('error', (error: Error) => {
      if (!failed) onError(error);
      failed = true;
      resolve();
    });
    parser.on('end', () => resolve());
  });
  return {
    write: (chunk) => {
      if (!failed) parser.write(chunk);
    },
    end: () => {
      if (!failed) parser.end();
      return finished;
    },
  };
}

function verdictProblem(verdict: Exclude<GuardVerdict, undefined>, limit: number): DcatProblem {
  return verdict === 'xml_entities'
    ? problem('', 'xml_entities', 'error', messages.xmlEntities())
    : problem('', 'literal_too_long', 'error', messages.literalTooLong(limit));
}

function toN3Term(term: { termType: string; value: string; language?: string; datatype?: { value: string } }): Term {
  switch (term.termType) {
    case 'NamedNode':
      return DataFactory.namedNode(term.value);
    case 'BlankNode':
      return DataFactory.blankNode(term.value.replace(/^_:/, ''));
    case 'Literal':
      return term.language ? DataFactory.literal(term.value, term.language) : DataFactory.literal(term.value, DataFactory.namedNode(term.datatype?.value ?? 'http://www.w3.org/2001/XMLSchema#string'));
    default:
      return DataFactory.defaultGraph();
  }
}

function longestString(value: unknown, limit: number, depth = 0): boolean {
  if (typeof value === 'string') return value.length > limit;
  if (depth > 200) return true;
  if (Array.isArray(value)) return value.some((v) => longestString(v, limit, depth + 1));
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) if (k.length > limit || longestString(v, limit, depth + 1)) return true;
  }
  return false;
}

async function parseJsonLd(text: string, options: ParseRdfOptions, limit: number, store: Store, problems: DcatProblem[], maxQuads: number): Promise<void> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    problems.push(problem('', 'syntax', 'error', messages.syntax('JSON-LD', (error as Error).message)));
    return;
  }
  if (longestString(document, limit)) {
    problems.push(problem('', 'literal_too_long', 'error', messages.literalTooLong(limit)));
    return;
  }
  const contexts = new Map<string, unknown>(OFFICIAL_CONTEXT_URLS.map((url) => [url, dcatApContext]));
  for (const [url, context] of Object.entries(options.contexts ?? {})) contexts.set(url, context);
  let refused: string | undefined;
  const documentLoader = (url: string) => {
    const document = contexts.get(url);
    if (document === undefined) {
      refused = url;
      return Promise.reject(new Error(`remote context ${url} refused`));
    }
    return Promise.resolve({ contextUrl: null, documentUrl: url, document });
  };
  try {
    const toRdfOptions = { documentLoader, ...(options.baseIRI === undefined ? {} : { base: options.baseIRI }) } as unknown as Parameters<typeof jsonld.toRDF>[1];
    const quads = (await jsonld.toRDF(document as Parameters<typeof jsonld.toRDF>[0], toRdfOptions)) as unknown as { subject: Term; predicate: Term; object: Term; graph: Term }[];
    for (const q of quads) {
      if (store.size >= maxQuads) {
        problems.push(problem('', 'too_many_quads', 'error', messages.tooManyQuads(maxQuads)));
        return;
      }
      // Named graphs are folded into the default graph: a DCAT feed is one graph.
      store.addQuad(DataFactory.quad(toN3Term(q.subject) as never, toN3Term(q.predicate) as never, toN3Term(q.object) as Quad_Object));
    }
  } catch (error) {
    if (refused !== undefined) problems.push(problem('', 'remote_context', 'error', messages.remoteContext(refused)));
    else problems.push(problem('', 'syntax', 'error', messages.syntax('JSON-LD', (error as Error).message)));
  }
}

/**
 * Reads an RDF document into an N3.js store, streaming for Turtle, N-Triples and RDF/XML. Never
 * throws for bad input: syntax errors, limits (`maxBytes` 64 MiB, `maxLiteralLength` 1 MiB,
 * `maxQuads` 2,000,000) and refused XML entities or remote JSON-LD contexts become problems, and
 * the triples read before the problem are kept.
 *
 * @example
 * ```ts
 * import { parseRdf } from '@bayan/dcat';
 * const { store, problems } = await parseRdf(turtle, { format: 'turtle' });
 * ```
 */
export async function parseRdf(input: RdfInput, options: ParseRdfOptions): Promise<ParsedRdf> {
  const store = new Store();
  const problems: DcatProblem[] = [];
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const limit = options.maxLiteralLength ?? DEFAULT_MAX_LITERAL;
  const maxQuads = options.maxQuads ?? DEFAULT_MAX_QUADS;
  const format = options.format;
  let size = 0;

  if (format === 'jsonld') {
    let text = '';
    for await (const chunk of chunksOf(input)) {
      size += chunk.length;
      if (size > maxBytes) {
        problems.push(problem('', 'too_large', 'error', messages.tooLarge(maxBytes)));
        return { store, problems };
      }
      text += chunk;
    }
    await parseJsonLd(text, options, limit, store, problems, maxQuads);
    return { store, problems };
  }

  let stopped: DcatProblem | undefined;
  const onQuad = (q: Quad) => {
    if (stopped !== undefined) return;
    if (store.size >= maxQuads) {
      stopped = problem('', 'too_many_quads', 'error', messages.tooManyQuads(maxQuads));
      return;
    }
    store.addQuad(DataFactory.quad(q.subject, q.predicate, q.object));
  };
  const onError = (error: Error) => {
    stopped ??= problem('', 'syntax', 'error', messages.syntax(FORMAT_NAMES[format], error.message));
  };
  const feeder = format === 'rdfxml' ? rdfXmlFeeder(options.baseIRI, onQuad, onError) : n3Feeder(format, options.baseIRI, onQuad, onError);
  const guard = format === 'rdfxml' ? new XmlGuard(limit) : new TurtleGuard(limit);
  try {
    for await (const chunk of chunksOf(input)) {
      size += chunk.length;
      if (size > maxBytes) throw new Stop(problem('', 'too_large', 'error', messages.tooLarge(maxBytes)));
      const verdict = guard.check(chunk);
      if (verdict !== undefined) throw new Stop(verdictProblem(verdict, limit));
      feeder.write(chunk);
      if (stopped !== undefined) break;
    }
    if (stopped === undefined) await feeder.end();
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    stopped ??= error.problem;
  }
  if (stopped !== undefined) problems.push(stopped);
  return { store, problems };
}
