import * as schema from '@bayan/schema';
import type { Vocabulary } from '@bayan/schema';
import { type Quad } from 'n3';
import { DCT, RDF_TYPE, SKOS } from './namespaces';
import { namedNode, literal, quad } from './terms';


const AUTHORITY = /^(http:\/\/publications\.europa\.eu\/resource\/authority\/([a-z-]+))\/([A-Za-z0-9_.-]+)$/;
const ADMS_TYPES = /^(http:\/\/purl\.org\/adms\/(publishertype|licencetype))\/([A-Za-z0-9_-]+)$/;
const HVD = /^http:\/\/data\.europa\.eu\/bna\/c_[0-9a-f]+$/;
const HVD_SCHEME = 'http://data.europa.eu/bna/asd487ae75';

// The class DCAT-AP's range shapes expect of a term, by EU authority table.
const TABLE_CLASSES: Record<string, string> = {
  frequency: `${DCT}Frequency`,
  language: `${DCT}LinguisticSystem`,
  'file-type': `${DCT}MediaTypeOrExtent`,
  'access-right': `${DCT}RightsStatement`,
  country: `${DCT}Location`,
  place: `${DCT}Location`,
  continent: `${DCT}Location`,
  'atu': `${DCT}Location`,
};

const SCHEME_TITLES: Record<string, { fr: string; ar: string; en: string }> = {
  'data-theme': { fr: 'Thèmes des données', ar: 'مواضيع البيانات', en: 'Data themes' },
  frequency: { fr: 'Fréquences', ar: 'الترددات', en: 'Frequencies' },
  language: { fr: 'Langues', ar: 'اللغات', en: 'Languages' },
  'file-type': { fr: 'Types de fichiers', ar: 'أنواع الملفات', en: 'File types' },
  'access-right': { fr: "Droits d'accès", ar: 'حقوق الولوج', en: 'Access rights' },
  'distribution-status': { fr: 'Statuts de distribution', ar: 'حالات التوزيع', en: 'Distribution statuses' },
  'planned-availability': { fr: 'Disponibilité prévue', ar: 'التوفر المخطط', en: 'Planned availability' },
  'dataset-type': { fr: 'Types de jeux de données', ar: 'أنواع مجموعات البيانات', en: 'Dataset types' },
  country: { fr: 'Pays', ar: 'البلدان', en: 'Countries' },
  place: { fr: 'Lieux', ar: 'الأماكن', en: 'Places' },
  continent: { fr: 'Continents', ar: 'القارات', en: 'Continents' },
  'corporate-body': { fr: 'Organismes', ar: 'الهيئات', en: 'Corporate bodies' },
  publishertype: { fr: "Types d'éditeurs", ar: 'أنواع الناشرين', en: 'Publisher types' },
  licencetype: { fr: 'Types de licences', ar: 'أنواع التراخيص', en: 'Licence types' },
  hvd: { fr: 'Catégories de données de forte valeur', ar: 'فئات البيانات عالية القيمة', en: 'High-value dataset categories' },
};

interface TermInfo {
  scheme: string;
  schemeKey: string;
  code: string;
  cls?: string;
}

/** Where a term IRI belongs, when it is one of the controlled vocabularies DCAT-AP names. */
function classify(iri: string): TermInfo | undefined {
  const authority = AUTHORITY.exec(iri);
  if (authority !== null) {
    const table = authority[2]!;
    const info: TermInfo = { scheme: authority[1]!, schemeKey: table, code: authority[3]! };
    const cls = TABLE_CLASSES[table];
    if (cls !== undefined) info.cls = cls;
    return info;
  }
  const adms = ADMS_TYPES.exec(iri);
  if (adms !== null) return { scheme: `${adms[1]!}/1.0`, schemeKey: adms[2]!, code: adms[3]! };
  if (HVD.test(iri)) return { scheme: HVD_SCHEME, schemeKey: 'hvd', code: iri.slice(iri.lastIndexOf('/') + 1) };
  return undefined;
}

function isVocabulary(value: unknown): value is Vocabulary {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Vocabulary).schemeUri === 'string' &&
    Array.isArray((value as Vocabulary).terms) &&
    typeof (value as Vocabulary).byUri === 'function'
  );
}

let vocabularies: Vocabulary[] | undefined;

/** Every vocabulary @bayan/schema exports (themes, frequencies, access rights, and any added later). */
function bayanVocabularies(): Vocabulary[] {
  vocabularies ??= Object.values(schema as Record<string, unknown>).filter(isVocabulary);
  return vocabularies;
}

function labelsOf(iri: string): Partial<Record<'fr' | 'ar' | 'en', string>> | undefined {
  for (const vocabulary of bayanVocabularies()) {
    const term = vocabulary.byUri(iri);
    if (term !== undefined) return term.labels;
  }
  return undefined;
}

/**
 * The local vocabulary graph: for each controlled-vocabulary term, its type (`skos:Concept` and
 * the class DCAT-AP's range shapes expect), `skos:prefLabel` in fr/ar/en when Bayan knows the
 * term, `skos:inScheme`, and each scheme as a `skos:ConceptScheme` with a `dct:title`. Merge it
 * with an export to validate the vocabulary shapes offline.
 *
 * @param used - quads whose objects name the terms to describe; by default every term of the
 *   vocabularies @bayan/schema ships.
 * @returns the quads of the vocabulary graph.
 * @example
 * ```ts
 * import { vocabularyGraph } from '@bayan/dcat';
 * const quads = vocabularyGraph(); // every term Bayan has labels for
 * ```
 */
export function vocabularyGraph(used?: Iterable<Quad>): Quad[] {
  const iris = new Set<string>();
  if (used === undefined) {
    for (const vocabulary of bayanVocabularies()) for (const term of vocabulary.terms) iris.add(term.uri);
  } else {
    for (const q of used) if (q.object.termType === 'NamedNode') iris.add(q.object.value);
  }
  const out: Quad[] = [];
  const schemes = new Map<string, string>();
  const type = namedNode(RDF_TYPE);
  for (const iri of [...iris].sort()) {
    const scheme = /^http:\/\/publications\.europa\.eu\/resource\/authority\/([a-z-]+)$/.exec(iri);
    if (scheme !== null) schemes.set(iri, scheme[1]!);
    const info = classify(iri);
    if (info === undefined) continue;
    const term = namedNode(iri);
    out.push(quad(term, type, namedNode(`${SKOS}Concept`)));
    if (info.cls !== undefined) out.push(quad(term, type, namedNode(info.cls)));
    const labels = labelsOf(iri);
    if (labels === undefined) out.push(quad(term, namedNode(`${SKOS}prefLabel`), literal(info.code)));
    else for (const [language, label] of Object.entries(labels)) out.push(quad(term, namedNode(`${SKOS}prefLabel`), literal(label, language)));
    out.push(quad(term, namedNode(`${SKOS}inScheme`), namedNode(info.scheme)));
    schemes.set(info.scheme, info.schemeKey);
  }
  for (const [scheme, key] of schemes) {
    const node = namedNode(scheme);
    out.push(quad(node, type, namedNode(`${SKOS}ConceptScheme`)));
    const title = SCHEME_TITLES[key] ?? { en: key };
    for (const [language, text] of Object.entries(title)) out.push(quad(node, namedNode(`${DCT}title`), literal(text, language)));
  }
  return out;
}
