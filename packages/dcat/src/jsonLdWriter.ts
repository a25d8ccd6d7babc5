import type { Quad, Term } from 'n3';
import { dcatApContext } from './dcatApContext';
import { groupBySubject, termKey, type SubjectGroup } from './groupBySubject';
import { RDF_TYPE, XSD_STRING } from './namespaces';

// Writes JSON-LD compacted with the DCAT-AP context without running the JSON-LD compaction
// algorithm per record: the context's terms are indexed once, and each node picks, for each of
// its properties, a term of its type's scoped context whose coercion fits the value (else the
// absolute IRI). Type-scoped contexts do not propagate, so every node only sees its own type's
// terms — exactly the rule a JSON-LD processor applies when it expands the output again.

/** `@id`, a datatype IRI, or no coercion. */
type Coercion = string | undefined;

interface TermDefinition {
  name: string;
  coercion: Coercion;
  set: boolean;
}

interface ScopeIndex {
  classTerms: Map<string, string>;
  scopes: Map<string, Map<string, TermDefinition[]>>;
}

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
/** A JSON-LD node object. */
export type JsonLdNode = { [key: string]: JsonValue };

function indexContext(context: Record<string, unknown>): ScopeIndex {
  const classTerms = new Map<string, string>();
  const scopes = new Map<string, Map<string, TermDefinition[]>>();
  for (const [name, definition] of Object.entries(context)) {
    if (name.startsWith('@')) continue;
    const id = typeof definition === 'string' ? definition : (definition as { '@id'?: string })['@id'];
    if (id === undefined) continue;
    if (!classTerms.has(id)) classTerms.set(id, name);
    const scoped = typeof definition === 'object' && definition !== null ? (definition as { '@context'?: Record<string, unknown> })['@context'] : undefined;
    if (scoped === undefined) continue;
    const byProperty = new Map<string, TermDefinition[]>();
    for (const [termName, termDefinition] of Object.entries(scoped)) {
      if (typeof termDefinition !== 'object' || termDefinition === null) continue;
      const d = termDefinition as { '@id'?: string; '@type'?: string; '@container'?: string | string[] };
      if (d['@id'] === undefined) continue;
      const container = d['@container'];
      // Language and other maps are never chosen: a plain @set (or no container) keeps output simple.
      if (container !== undefined && container !== '@set') continue;
      const list = byProperty.get(d['@id']) ?? [];
      list.push({ name: termName, coercion: d['@type'], set: container === '@set' });
      byProperty.set(d['@id'], list);
    }
    scopes.set(name, byProperty);
  }
  return { classTerms, scopes };
}

let defaultIndex: ScopeIndex | undefined;

function dcatApIndex(): ScopeIndex {
  defaultIndex ??= indexContext(dcatApContext['@context']);
  return defaultIndex;
}

/** A literal's parts, read once: N3 parses its id on every `language` / `datatype` access. */
interface LiteralParts {
  value: string;
  language: string;
  datatype: string;
}

function literalParts(o: Term): LiteralParts {
  const language = (o as { language: string }).language;
  return { value: o.value, language, datatype: language === '' ? (o as { datatype: { value: string } }).datatype.value : '' };
}

function literalObject(l: LiteralParts): JsonValue {
  if (l.language !== '') return { '@value': l.value, '@language': l.language };
  if (l.datatype === XSD_STRING) return l.value;
  return { '@value': l.value, '@type': l.datatype };
}

function fits(definition: TermDefinition, o: Term, l: LiteralParts | undefined): boolean {
  if (definition.coercion === '@id') return o.termType === 'NamedNode' || o.termType === 'BlankNode';
  if (definition.coercion === undefined) return true;
  return l !== undefined && l.language === '' && l.datatype === definition.coercion;
}

const activeCache = new WeakMap<ScopeIndex, Map<string, Map<string, TermDefinition[]>>>();

/** The property terms a node of these types sees: its types' scoped contexts, merged in term order. */
function activeTerms(index: ScopeIndex, typeTerms: readonly string[]): Map<string, TermDefinition[]> {
  let cache = activeCache.get(index);
  if (cache === undefined) {
    cache = new Map();
    activeCache.set(index, cache);
  }
  const key = typeTerms.join(' ');
  let active = cache.get(key);
  if (active === undefined) {
    active = new Map();
    for (const term of [...typeTerms].sort()) for (const [property, definitions] of index.scopes.get(term) ?? []) active.set(property, definitions);
    cache.set(key, active);
  }
  return active;
}

/**
 * Turns the quads of one record into JSON-LD node objects compacted against the DCAT-AP context:
 * the record's first subject is the root; nodes referenced exactly once inside the record are
 * embedded where they are referenced, others stay top-level.
 */
export function compactRecord(quads: readonly Quad[], index: ScopeIndex = dcatApIndex()): JsonLdNode[] {
  const groups = groupBySubject(quads);
  const bySubject = new Map<string, SubjectGroup>(groups.map((g) => [g.key, g]));
  const references = new Map<string, number>();
  for (const q of quads) {
    if (q.object.termType === 'NamedNode' || q.object.termType === 'BlankNode') {
      const key = termKey(q.object);
      if (bySubject.has(key)) references.set(key, (references.get(key) ?? 0) + 1);
    }
  }
  const root = groups[0]?.key;
  const embedded = new Set<string>();
  for (const [key, count] of references) if (count === 1 && key !== root) embedded.add(key);

  const emitted = new Set<string>();
  const build = (group: SubjectGroup, inline: boolean): JsonLdNode => {
    emitted.add(group.key);
    const subject = group.quads[0]!.subject;
    const node: JsonLdNode = {};
    if (subject.termType === 'NamedNode') node['@id'] = subject.value;
    else if (!inline) node['@id'] = `_:${subject.value}`;
    const types: string[] = [];
    for (const q of group.quads) if (q.predicate.value === RDF_TYPE && q.object.termType === 'NamedNode') types.push(q.object.value);
    const typeTerms = types.map((t) => index.classTerms.get(t));
    if (types.length > 0) {
      const compacted = types.map((t, i) => typeTerms[i] ?? t);
      node['@type'] = compacted.length === 1 ? compacted[0]! : compacted;
    }
    const active = activeTerms(index, typeTerms.filter((t): t is string => t !== undefined));
    const values = new Map<string, { set: boolean; items: JsonValue[] }>();
    for (const q of group.quads) {
      if (q.predicate.value === RDF_TYPE && q.object.termType === 'NamedNode') continue;
      const o = q.object;
      const parts = o.termType === 'Literal' ? literalParts(o) : undefined;
      const definitions = active.get(q.predicate.value);
      const definition = definitions === undefined ? undefined : definitions.length === 1 ? (fits(definitions[0]!, o, parts) ? definitions[0] : undefined) : definitions.find((d) => fits(d, o, parts));
      const key = definition?.name ?? q.predicate.value;
      let value: JsonValue;
      const objectKey = o.termType === 'NamedNode' || o.termType === 'BlankNode' ? termKey(o) : undefined;
      const child = objectKey === undefined ? undefined : bySubject.get(objectKey);
      if (child !== undefined && embedded.has(child.key) && !emitted.has(child.key)) {
        value = build(child, true);
      } else if (parts !== undefined) {
        value = definition?.coercion !== undefined && definition.coercion !== '@id' ? parts.value : literalObject(parts);
      } else {
        const id = o.termType === 'BlankNode' ? `_:${o.value}` : o.value;
        value = definition?.coercion === '@id' ? id : { '@id': id };
      }
      const slot = values.get(key) ?? { set: definition?.set ?? false, items: [] };
      slot.items.push(value);
      values.set(key, slot);
    }
    for (const [key, slot] of values) node[key] = slot.set || slot.items.length > 1 ? slot.items : slot.items[0]!;
    return node;
  };

  const out: JsonLdNode[] = [];
  for (const group of groups) {
    if (!embedded.has(group.key) && !emitted.has(group.key)) out.push(build(group, false));
  }
  // Nodes referenced once only from inside a cycle were never reached: write them top-level.
  for (const group of groups) if (!emitted.has(group.key)) out.push(build(group, false));
  return out;
}

