import {
  accessRights as accessRightsVocabulary,
  dataThemes,
  euLanguages,
  fileTypes,
  frequencies,
  parseDataset,
  type Vocabulary,
  type Agent,
  type Attribution,
  type Checksum,
  type DataService,
  type Dataset,
  type Distribution,
  type Kind,
  type Location,
  type MultilingualText,
  type PeriodOfTime,
  type Relationship,
  type SchemaError,
  type Standard,
} from '@bayan/schema';
import { type Quad_Object, type Store, type Term } from 'n3';
import { ADMS, DCAT, DCATAP, DCT, FOAF, LOCN, ODRL, PROV, RDF, RDF_TYPE, RDFS, SKOS, SPDX, VCARD } from './namespaces';
import { messages, problem, type DcatProblem } from './problems';
import { namedNode } from './terms';


type Language = 'fr' | 'ar' | 'en';
const LANGUAGES: readonly Language[] = ['fr', 'ar', 'en'];

/** How text in other languages or without a tag is read. */
export interface ReadOptions {
  /** Where untagged text (and text in other languages, when a property has no fr/ar/en text) goes; default `fr`. */
  defaultLanguage?: Language;
}

function keyOf(term: Term): string {
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

const ISO_DATE_TIME_NO_ZONE = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const HTTP = /^https?:\/\/\S+$/i;
const IANA = /^https?:\/\/www\.iana\.org\/assignments\/media-types\/(.+)$/i;
const ALGORITHM = /(md5|sha1|sha256|sha384|sha512)$/;
const ADMS_STATUS: Record<string, string> = {
  Completed: 'COMPLETED',
  Deprecated: 'DEPRECATED',
  UnderDevelopment: 'UNDER_DEVELOPMENT',
  Withdrawn: 'WITHDRAWN',
};
const FILE_TYPE = 'http://publications.europa.eu/resource/authority/file-type/';

/**
 * Maps a value onto a vocabulary: an IRI of it stays; another IRI or a literal is looked up by its
 * last path segment or text (CKAN ids, old DCAT-AP 1 IRIs such as …/freq/annual, file extensions,
 * ISO 639-1 codes). Unknown values are returned unchanged, for validation to report.
 */
function inVocabulary(vocabulary: Vocabulary, value: string | undefined): string | undefined {
  if (value === undefined || vocabulary.has(value)) return value;
  const tail = /^https?:\/\//i.test(value) ? value.replace(/[/#]+$/, '').split(/[/#]/).pop() ?? value : value;
  return vocabulary.find(tail)?.uri ?? vocabulary.find(value)?.uri ?? value;
}

/** Reads one record's fields out of the graph, noting what it had to adapt. */
class RecordReader {
  readonly warnings: DcatProblem[] = [];

  constructor(
    private readonly store: Store,
    private readonly subject: string,
    private readonly defaultLanguage: Language,
  ) {}

  objects(s: Term, p: string): Quad_Object[] {
    return this.store.getObjects(s, namedNode(p), null);
  }

  one(s: Term, p: string): Quad_Object | undefined {
    return this.objects(s, p)[0];
  }

  warn(code: string, message: DcatProblem['message'], path?: string): void {
    this.warnings.push(problem(this.subject, code, 'warning', message, path));
  }

  /** IRIs (or http(s) URLs written as literals, as older CKAN feeds do). */
  iris(s: Term, p: string): string[] {
    const out: string[] = [];
    for (const o of this.objects(s, p)) {
      if (o.termType === 'NamedNode') out.push(o.value);
      else if (o.termType === 'Literal' && HTTP.test(o.value.trim())) out.push(o.value.trim());
    }
    return [...new Set(out)];
  }

  iri(s: Term, p: string): string | undefined {
    return this.iris(s, p)[0];
  }

  text(s: Term, p: string, path: string): MultilingualText | undefined {
    const literals = this.objects(s, p).filter((o) => o.termType === 'Literal');
    if (literals.length === 0) return undefined;
    const out: Partial<Record<Language, string>> = {};
    for (const l of literals) {
      const language = l.language.toLowerCase().split('-')[0] as Language;
      if (LANGUAGES.includes(language) && out[language] === undefined) out[language] = l.value;
    }
    if (Object.keys(out).length === 0) {
      const untagged = literals.find((l) => l.language === '') ?? literals[0]!;
      out[this.defaultLanguage] = untagged.value;
      if (untagged.language !== '') this.warn('other_language', messages.otherLanguage(untagged.language, this.defaultLanguage), path);
    }
    return out;
  }

  keywords(s: Term, p: string): Dataset['keywords'] {
    const out: Partial<Record<Language, string[]>> = {};
    const literals = this.objects(s, p).filter((o) => o.termType === 'Literal');
    const tagged = literals.some((l) => LANGUAGES.includes(l.language.toLowerCase().split('-')[0] as Language));
    for (const l of literals) {
      let language = l.language.toLowerCase().split('-')[0] as Language;
      if (!LANGUAGES.includes(language)) {
        if (l.language !== '' && tagged) continue;
        language = this.defaultLanguage;
      }
      const list = (out[language] ??= []);
      if (!list.includes(l.value)) list.push(l.value);
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }

  plain(s: Term, p: string): string | undefined {
    const o = this.objects(s, p).find((x) => x.termType === 'Literal');
    return o?.value;
  }

  date(s: Term, p: string, path: string): string | undefined {
    const o = this.objects(s, p).find((x) => x.termType === 'Literal');
    if (o === undefined) return undefined;
    const value = o.value.trim();
    const noZone = ISO_DATE_TIME_NO_ZONE.exec(value);
    if (noZone !== null) {
      this.warn('date_truncated', messages.dateTruncated(value), path);
      return noZone[1];
    }
    return value;
  }

  number(s: Term, p: string): number | undefined {
    const value = this.plain(s, p);
    if (value === undefined) return undefined;
    const n = Number(value.trim());
    return Number.isFinite(n) ? n : (value as unknown as number);
  }

  agent(node: Quad_Object, path: string): Agent {
    const name = this.text(node, `${FOAF}name`, `${path}/name`) ?? this.text(node, `${VCARD}fn`, `${path}/name`) ?? this.text(node, `${SKOS}prefLabel`, `${path}/name`) ?? this.text(node, `${RDFS}label`, `${path}/name`);
    const email = this.iri(node, `${FOAF}mbox`) ?? this.objects(node, `${FOAF}mbox`).find((o) => o.termType !== 'BlankNode')?.value;
    return compact({
      uri: node.termType === 'NamedNode' ? node.value : undefined,
      name,
      type: this.iri(node, `${DCT}type`),
      identifier: this.plain(node, `${DCT}identifier`),
      email: email?.replace(/^mailto:/i, ''),
      homepage: this.iri(node, `${FOAF}homepage`),
    }) as Agent;
  }

  agents(s: Term, p: string, path: string): Agent[] {
    return this.objects(s, p).map((o, i) => this.agent(o, `${path}/${i}`));
  }

  kinds(s: Term): Kind[] {
    return this.objects(s, `${DCAT}contactPoint`).map((node, i) => {
      const valueOf = (p: string): string | undefined => {
        for (const o of this.objects(node, p)) {
          if (o.termType === 'BlankNode') {
            const inner = this.one(o, `${VCARD}hasValue`);
            if (inner !== undefined) return inner.value;
          } else return o.value;
        }
        return undefined;
      };
      const email = valueOf(`${VCARD}hasEmail`);
      const phone = valueOf(`${VCARD}hasTelephone`);
      return compact({
        uri: node.termType === 'NamedNode' ? node.value : undefined,
        name: this.text(node, `${VCARD}fn`, `/contactPoints/${i}/name`),
        organizationName: this.text(node, `${VCARD}organization-name`, `/contactPoints/${i}/organizationName`),
        email: email?.replace(/^mailto:/i, ''),
        phone: phone === undefined ? undefined : decodeURIComponentSafe(phone.replace(/^tel:/i, '')),
        url: valueOf(`${VCARD}hasURL`),
      });
    });
  }

  periods(s: Term): PeriodOfTime[] {
    return this.objects(s, `${DCT}temporal`).map((node, i) => {
      const path = `/temporal/${i}`;
      let start = this.date(node, `${DCAT}startDate`, `${path}/start`) ?? this.date(node, 'http://schema.org/startDate', `${path}/start`);
      let end = this.date(node, `${DCAT}endDate`, `${path}/end`) ?? this.date(node, 'http://schema.org/endDate', `${path}/end`);
      const beginning = this.one(node, 'http://www.w3.org/2006/time#hasBeginning');
      if (start === undefined && beginning !== undefined) start = this.date(beginning, 'http://www.w3.org/2006/time#inXSDDate', `${path}/start`) ?? this.date(beginning, 'http://www.w3.org/2006/time#inXSDDateTimeStamp', `${path}/start`);
      const ending = this.one(node, 'http://www.w3.org/2006/time#hasEnd');
      if (end === undefined && ending !== undefined) end = this.date(ending, 'http://www.w3.org/2006/time#inXSDDate', `${path}/end`) ?? this.date(ending, 'http://www.w3.org/2006/time#inXSDDateTimeStamp', `${path}/end`);
      return compact({ start, end });
    });
  }

  locations(s: Term): Location[] {
    return this.objects(s, `${DCT}spatial`).map((node, i) => {
      const path = `/spatial/${i}`;
      const label = this.text(node, `${SKOS}prefLabel`, `${path}/label`) ?? this.text(node, `${LOCN}geographicName`, `${path}/label`) ?? this.text(node, `${RDFS}label`, `${path}/label`);
      const bbox = this.objects(node, `${DCAT}bbox`).find((o) => o.termType === 'Literal');
      const centroid = this.objects(node, `${DCAT}centroid`).find((o) => o.termType === 'Literal');
      const geometries = this.objects(node, `${LOCN}geometry`).filter((o) => o.termType === 'Literal');
      // GeoDCAT-AP feeds often give one geometry in several encodings: prefer GeoJSON, then WKT.
      const geometry = geometries.find((o) => o.value.trim().startsWith('{')) ?? geometries.find((o) => /^\s*(<[^>]*>\s*)?(POINT|POLYGON)/i.test(o.value)) ?? geometries[0];
      return compact({
        uri: node.termType === 'NamedNode' ? node.value : undefined,
        label,
        bbox: bbox === undefined ? undefined : readBbox(bbox.value),
        centroid: centroid === undefined ? undefined : readPoint(centroid.value),
        geometry: geometry === undefined ? undefined : readGeometry(geometry.value),
      }) as Location;
    });
  }

  standards(s: Term, path: string): Standard[] {
    return this.objects(s, `${DCT}conformsTo`)
      .filter((o) => o.termType === 'NamedNode' || (o.termType === 'Literal' && HTTP.test(o.value)))
      .map((node, i) => compact({ uri: node.value, title: node.termType === 'NamedNode' ? this.text(node, `${DCT}title`, `${path}/${i}/title`) : undefined }) as Standard);
  }

  statement(s: Term, p: string, path: string): MultilingualText | undefined {
    const node = this.one(s, p);
    if (node === undefined) return undefined;
    if (node.termType === 'Literal') return this.text(s, p, path);
    return this.text(node, `${RDFS}label`, path) ?? this.text(node, `${DCT}description`, path) ?? this.text(node, `${DCT}title`, path);
  }

  mediaType(s: Term, p: string): string | undefined {
    const o = this.one(s, p);
    if (o === undefined) return undefined;
    const iana = IANA.exec(o.value);
    return iana === null ? o.value : iana[1];
  }

  format(s: Term, p: string): string | undefined {
    const o = this.one(s, p);
    if (o === undefined) return undefined;
    const value = o.termType === 'BlankNode' ? (this.plain(o, `${RDFS}label`) ?? this.plain(o, `${RDF}value`)) : o.value.trim();
    const mapped = inVocabulary(fileTypes, value);
    if (mapped !== undefined && !mapped.startsWith(FILE_TYPE) && /^[A-Za-z0-9_]+$/.test(mapped)) return `${FILE_TYPE}${mapped.toUpperCase()}`;
    return mapped;
  }

  vocabularyIris(s: Term, p: string, vocabulary: Vocabulary): string[] {
    const out: string[] = [];
    for (const o of this.objects(s, p)) {
      const value = o.termType === 'BlankNode' ? (this.plain(o, `${SKOS}prefLabel`) ?? this.plain(o, `${RDFS}label`)) : o.value.trim();
      const mapped = inVocabulary(vocabulary, value);
      if (mapped !== undefined && !out.includes(mapped)) out.push(mapped);
    }
    return out;
  }

  vocabularyIri(s: Term, p: string, vocabulary: Vocabulary): string | undefined {
    return this.vocabularyIris(s, p, vocabulary)[0];
  }

  checksum(s: Term): Checksum | undefined {
    const node = this.one(s, `${SPDX}checksum`);
    if (node === undefined) return undefined;
    const algorithm = this.one(node, `${SPDX}algorithm`)?.value ?? '';
    // spdx:checksumAlgorithm_sha256 (http or https), or national variants such as …/hashAlgorithms/sha/256.
    const match = ALGORITHM.exec(algorithm.toLowerCase().replace(/[^a-z0-9]/g, ''));
    return compact({ algorithm: match?.[1] ?? algorithm, value: this.plain(node, `${SPDX}checksumValue`)?.toLowerCase() }) as Checksum;
  }

  /** adms:status, with the older ADMS status IRIs mapped onto the EU distribution-status table. */
  status(s: Term): string | undefined {
    const iri = this.iri(s, `${ADMS}status`);
    const old = iri === undefined ? undefined : /^http:\/\/purl\.org\/adms\/status\/(\w+)$/.exec(iri);
    const code = old === null || old === undefined ? undefined : ADMS_STATUS[old[1]!];
    return code === undefined ? iri : `http://publications.europa.eu/resource/authority/distribution-status/${code}`;
  }

  relationships(s: Term): Relationship[] {
    return this.objects(s, `${DCAT}qualifiedRelation`).map((node) => compact({ relation: this.iri(node, `${DCT}relation`), role: this.iri(node, `${DCAT}hadRole`) }) as Relationship);
  }

  attributions(s: Term): Attribution[] {
    return this.objects(s, `${PROV}qualifiedAttribution`).map((node, i) => {
      const agent = this.one(node, `${PROV}agent`);
      return compact({ agent: agent === undefined ? undefined : this.agent(agent, `/qualifiedAttributions/${i}/agent`), role: this.iri(node, `${DCAT}hadRole`) }) as Attribution;
    });
  }

  identifiers(s: Term): string[] {
    return this.objects(s, `${ADMS}identifier`)
      .map((o) => (o.termType === 'BlankNode' || o.termType === 'NamedNode' ? (this.plain(o, `${SKOS}notation`) ?? (o.termType === 'NamedNode' ? o.value : undefined)) : o.value))
      .filter((v): v is string => v !== undefined);
  }

  dataService(node: Quad_Object, path: string): DataService {
    return compact({
      uri: node.termType === 'NamedNode' ? node.value : undefined,
      title: this.text(node, `${DCT}title`, `${path}/title`),
      description: this.text(node, `${DCT}description`, `${path}/description`),
      endpointUrls: this.iris(node, `${DCAT}endpointURL`),
      endpointDescription: this.iri(node, `${DCAT}endpointDescription`),
      servesDatasets: this.iris(node, `${DCAT}servesDataset`),
      keywords: this.keywords(node, `${DCAT}keyword`),
      themes: this.iris(node, `${DCAT}theme`),
      publisher: this.optionalAgent(node, `${path}/publisher`),
      contactPoints: this.kinds(node),
      license: this.licence(node),
      accessRights: this.iri(node, `${DCT}accessRights`),
      conformsTo: this.standards(node, `${path}/conformsTo`),
      formats: this.iris(node, `${DCT}format`),
      landingPage: this.iri(node, `${DCAT}landingPage`),
      documentation: this.iris(node, `${FOAF}page`),
      issued: this.date(node, `${DCT}issued`, `${path}/issued`),
      modified: this.date(node, `${DCT}modified`, `${path}/modified`),
      applicableLegislation: this.iris(node, `${DCATAP}applicableLegislation`),
      hvdCategories: this.iris(node, `${DCATAP}hvdCategory`),
    }) as DataService;
  }

  optionalAgent(s: Term, path: string): Agent | undefined {
    const node = this.one(s, `${DCT}publisher`);
    return node === undefined ? undefined : this.agent(node, path);
  }

  licence(s: Term): string | undefined {
    const node = this.one(s, `${DCT}license`);
    if (node === undefined) return undefined;
    if (node.termType === 'NamedNode') return node.value;
    if (node.termType === 'Literal') return node.value.trim();
    return this.iri(node, `${RDFS}seeAlso`) ?? this.iri(node, `${FOAF}page`);
  }

  distribution(node: Quad_Object, path: string): Distribution {
    const accessUrl = this.iri(node, `${DCAT}accessURL`) ?? this.iri(node, `${DCAT}downloadURL`);
    return compact({
      uri: node.termType === 'NamedNode' ? node.value : undefined,
      accessUrl,
      downloadUrl: this.iri(node, `${DCAT}downloadURL`),
      accessServices: this.objects(node, `${DCAT}accessService`).map((o, i) => this.dataService(o, `${path}/accessServices/${i}`)),
      title: this.text(node, `${DCT}title`, `${path}/title`),
      description: this.text(node, `${DCT}description`, `${path}/description`),
      format: this.format(node, `${DCT}format`),
      mediaType: this.mediaType(node, `${DCAT}mediaType`),
      compressFormat: this.mediaType(node, `${DCAT}compressFormat`),
      packageFormat: this.mediaType(node, `${DCAT}packageFormat`),
      byteSize: this.number(node, `${DCAT}byteSize`),
      checksum: this.checksum(node),
      license: this.licence(node),
      rights: this.statement(node, `${DCT}rights`, `${path}/rights`),
      hasPolicy: this.iri(node, `${ODRL}hasPolicy`),
      conformsTo: this.standards(node, `${path}/conformsTo`),
      issued: this.date(node, `${DCT}issued`, `${path}/issued`),
      modified: this.date(node, `${DCT}modified`, `${path}/modified`),
      languages: this.vocabularyIris(node, `${DCT}language`, euLanguages),
      status: this.status(node),
      availability: this.iri(node, `${DCATAP}availability`),
      documentation: this.iris(node, `${FOAF}page`),
      spatialResolutionInMeters: this.number(node, `${DCAT}spatialResolutionInMeters`),
      temporalResolution: this.plain(node, `${DCAT}temporalResolution`),
      applicableLegislation: this.iris(node, `${DCATAP}applicableLegislation`),
      hvdCategories: this.iris(node, `${DCATAP}hvdCategory`),
    }) as Distribution;
  }

  dataset(s: Quad_Object): Record<string, unknown> {
    return compact({
      uri: s.termType === 'NamedNode' ? s.value : undefined,
      identifier: this.plain(s, `${DCT}identifier`),
      otherIdentifiers: this.identifiers(s),
      title: this.text(s, `${DCT}title`, '/title'),
      description: this.text(s, `${DCT}description`, '/description'),
      keywords: this.keywords(s, `${DCAT}keyword`),
      themes: this.vocabularyIris(s, `${DCAT}theme`, dataThemes),
      publisher: this.optionalAgent(s, '/publisher'),
      creators: this.agents(s, `${DCT}creator`, '/creators'),
      contactPoints: this.kinds(s),
      issued: this.date(s, `${DCT}issued`, '/issued'),
      modified: this.date(s, `${DCT}modified`, '/modified'),
      frequency: this.vocabularyIri(s, `${DCT}accrualPeriodicity`, frequencies),
      temporal: this.periods(s),
      spatial: this.locations(s),
      spatialResolutionInMeters: this.number(s, `${DCAT}spatialResolutionInMeters`),
      temporalResolution: this.plain(s, `${DCAT}temporalResolution`),
      accessRights: this.vocabularyIri(s, `${DCT}accessRights`, accessRightsVocabulary),
      languages: this.vocabularyIris(s, `${DCT}language`, euLanguages),
      landingPage: this.iri(s, `${DCAT}landingPage`),
      documentation: this.iris(s, `${FOAF}page`),
      conformsTo: this.standards(s, '/conformsTo'),
      version: this.plain(s, `${DCAT}version`) ?? this.plain(s, 'http://www.w3.org/2002/07/owl#versionInfo'),
      versionNotes: this.text(s, `${ADMS}versionNotes`, '/versionNotes'),
      provenance: this.statement(s, `${DCT}provenance`, '/provenance'),
      type: this.iri(s, `${DCT}type`),
      sources: this.iris(s, `${DCT}source`),
      relations: this.iris(s, `${DCT}relation`),
      hasVersions: this.iris(s, `${DCT}hasVersion`),
      isVersionOf: this.iris(s, `${DCT}isVersionOf`),
      isReferencedBy: this.iris(s, `${DCT}isReferencedBy`),
      qualifiedRelations: this.relationships(s),
      qualifiedAttributions: this.attributions(s),
      wasGeneratedBy: this.iris(s, `${PROV}wasGeneratedBy`),
      samples: this.objects(s, `${ADMS}sample`).map((o, i) => this.distribution(o, `/samples/${i}`)),
      inSeries: this.iris(s, `${DCAT}inSeries`),
      applicableLegislation: this.iris(s, `${DCATAP}applicableLegislation`),
      hvdCategories: this.iris(s, `${DCATAP}hvdCategory`),
      distributions: this.objects(s, `${DCAT}distribution`).map((o, i) => this.distribution(o, `/distributions/${i}`)),
    });
  }
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function numbersOf(text: string): number[] {
  return (text.match(/-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/g) ?? []).map(Number);
}

function readBbox(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    const geometry = readGeoJson(trimmed) as { coordinates?: unknown } | undefined;
    const flat = JSON.stringify(geometry?.coordinates ?? []);
    return bboxOf(numbersOf(flat));
  }
  return bboxOf(numbersOf(trimmed.replace(/^<[^>]*>\s*/, '')));
}

function bboxOf(numbers: number[]): unknown {
  if (numbers.length < 4 || numbers.length % 2 !== 0) return numbers;
  const xs = numbers.filter((_, i) => i % 2 === 0);
  const ys = numbers.filter((_, i) => i % 2 === 1);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function readPoint(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return (readGeoJson(trimmed) as { coordinates?: unknown } | undefined)?.coordinates;
  return numbersOf(trimmed.replace(/^<[^>]*>\s*/, ''));
}

function readGeometry(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return readGeoJson(trimmed);
  const wkt = trimmed.replace(/^<[^>]*>\s*/, '');
  const numbers = numbersOf(wkt);
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < numbers.length; i += 2) pairs.push([numbers[i]!, numbers[i + 1]!]);
  if (/^POINT/i.test(wkt) && pairs.length === 1) return { type: 'Point', coordinates: pairs[0] };
  if (/^POLYGON/i.test(wkt) && !wkt.includes('),')) return { type: 'Polygon', coordinates: [pairs] };
  return text;
}

function readGeoJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Removes undefined values, empty arrays and empty objects, so absent stays absent. */
export function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[key] = v;
  }
  return out as Partial<T>;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) node = (node as Record<PropertyKey, unknown> | undefined)?.[key];
  return node;
}

/** Removes the value at the path; from an array, the item. Returns whether something was removed. */
function removeAt(root: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return false;
  const parent = valueAt(root, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof key === 'number') {
    if (key >= parent.length) return false;
    parent.splice(key, 1);
    return true;
  }
  if (typeof parent === 'object' && parent !== null && key in parent) {
    delete (parent as Record<PropertyKey, unknown>)[key];
    return true;
  }
  return false;
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

const REQUIRED_AT_TOP = new Set(['title', 'description']);

/**
 * Validates a candidate record; values that fail are dropped (with a warning) one by one, from
 * the innermost outwards, until the record is valid or a mandatory field is missing.
 */
function validateLeniently(candidate: Record<string, unknown>, subject: string, warnings: DcatProblem[]): { dataset?: Dataset; error?: DcatProblem } {
  for (let attempt = 0; attempt < 200; attempt++) {
    const result = parseDataset(candidate);
    if (result.ok) return { dataset: result.value };
    const first: SchemaError = result.errors[0]!;
    let path = pointerToPath(first.path);
    let removed = false;
    while (path.length > 0) {
      if (path.length === 1 && REQUIRED_AT_TOP.has(String(path[0]))) break;
      // A sub-field of a multilingual text or a keyword list: drop that language or item only.
      if (removeAt(candidate, path)) {
        removed = true;
        break;
      }
      path = path.slice(0, -1);
    }
    // Containers that became empty would fail again as "needs text": tidy them.
    if (removed && path.length > 1) {
      const parentPath = path.slice(0, -1);
      const parent = valueAt(candidate, parentPath);
      if (parent !== null && typeof parent === 'object' && Object.keys(parent).length === 0) removeAt(candidate, parentPath);
    }
    if (!removed) {
      const detail = `${first.path || '/'}: ${first.message.en}`;
      return { error: problem(subject, 'invalid_record', 'error', messages.invalidRecord(detail), first.path) };
    }
    warnings.push(problem(subject, 'dropped_value', 'warning', messages.droppedValue({ fr: `${first.path} ${first.message.fr}`, ar: `${first.path} ${first.message.ar}`, en: `${first.path} ${first.message.en}` }), first.path));
  }
  return { error: problem(subject, 'invalid_record', 'error', messages.invalidRecord('too many invalid values')) };
}

/** The datasets described in a graph, each validated against the Bayan model; bad ones become problems. */
export function readDatasets(store: Store, options: ReadOptions = {}): { datasets: Dataset[]; problems: DcatProblem[] } {
  const datasets: Dataset[] = [];
  const problems: DcatProblem[] = [];
  const defaultLanguage = options.defaultLanguage ?? 'fr';
  const subjects = store.getSubjects(namedNode(RDF_TYPE), namedNode(`${DCAT}Dataset`), null) as Quad_Object[];
  const series = new Set((store.getSubjects(namedNode(RDF_TYPE), namedNode(`${DCAT}DatasetSeries`), null) as Term[]).map(keyOf));
  for (const subject of subjects) {
    const key = keyOf(subject);
    if (series.has(key)) continue;
    const reader = new RecordReader(store, key, defaultLanguage);
    let candidate: Record<string, unknown>;
    try {
      candidate = reader.dataset(subject);
    } catch (error) {
      problems.push(problem(key, 'invalid_record', 'error', messages.invalidRecord((error as Error).message)));
      continue;
    }
    const warnings = [...reader.warnings];
    const { dataset, error } = validateLeniently(candidate, key, warnings);
    problems.push(...warnings);
    if (error !== undefined) problems.push(error);
    if (dataset !== undefined) datasets.push(dataset);
  }
  return { datasets, problems };
}
