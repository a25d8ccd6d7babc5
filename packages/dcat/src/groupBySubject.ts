import type { Quad } from 'n3';

/** A subject with its quads, in the order subjects first appear. */
export interface SubjectGroup {
  key: string;
  quads: Quad[];
}

/** The key of a term in maps: `_:label` for blank nodes, the IRI otherwise. */
export function termKey(term: { termType: string; value: string }): string {
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

/** Groups quads by subject, keeping the order in which subjects first appear. */
export function groupBySubject(quads: readonly Quad[]): SubjectGroup[] {
  const groups = new Map<string, SubjectGroup>();
  for (const q of quads) {
    const key = termKey(q.subject);
    let group = groups.get(key);
    if (group === undefined) {
      group = { key, quads: [] };
      groups.set(key, group);
    }
    group.quads.push(q);
  }
  return [...groups.values()];
}

/** Quads reordered so each subject's quads are together (what Turtle needs to write `;` lists). */
export function sortedBySubject(quads: readonly Quad[]): Quad[] {
  const groups = groupBySubject(quads);
  if (groups.length <= 1) return quads.slice();
  const out: Quad[] = [];
  for (const group of groups) for (const q of group.quads) out.push(q);
  return out;
}
