import { readFileSync } from 'node:fs';
import type { Quad } from 'n3';
import { beforeAll, describe, expect, it } from 'vitest';
import { fullCatalog } from '../test/fixtures';
import { parseRdf, toDcat, vocabularyGraph, type DcatFormat } from './index';
import { validateDcatAp } from './node';
import { DCAT, DCT, RDF_LANG_STRING, XSD } from './namespaces';

const SHACL = new URL('../../../../shared/conformance/dcat-ap/3.0.1/shacl/', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, SHACL), 'utf8');
const FORMATS: DcatFormat[] = ['turtle', 'ntriples', 'jsonld', 'rdfxml'];

// The mandatory shapes (Base, Range, Codelists) in one validator, parsed once; the recommended ones in another.
const mandatory = [read('shapes.ttl'), read('range.ttl'), read('mdr-vocabularies.shape.ttl')];
const recommended = [read('shapes_recommended.ttl')];

// Warnings we understand and accept, each for a reason that is not Bayan's to fix:
// - dct:publisher is not an EU corporate body: Moroccan bodies are not in the EU NAL (mdr shapes).
// - a licence has no dct:type: the licence vocabulary says whether a licence is open, not its ADMS licence type.
const LICENCE = 'https://www.etalab.gouv.fr/licence-ouverte-open-licence';
function understood(warning: { path?: string; focusNode: string; message: string }): boolean {
  if (warning.path === `${DCT}publisher`) return warning.message.includes('CorporateBodyRestriction');
  if (warning.path === `${DCT}type`) return warning.focusNode === LICENCE;
  return false;
}

// Literals that are identifiers or codes, not text people read, carry no language tag.
const UNTAGGED = new Set([`${DCT}identifier`, `${DCAT}version`, 'http://www.w3.org/2004/02/skos/core#notation']);
const DATES = new Set([`${DCT}issued`, `${DCT}modified`, `${DCAT}startDate`, `${DCAT}endDate`]);

describe('DCAT-AP 3.0.1 conformance of a generated catalogue', () => {
  const documents = new Map<DcatFormat, Quad[]>();

  beforeAll(async () => {
    const catalog = fullCatalog(3);
    for (const format of FORMATS) {
      const text = await toDcat(catalog, { format, baseUri: 'https://data.gov.ma' });
      const parsed = await parseRdf(text, { format });
      if (parsed.problems.length > 0) throw new Error(`the ${format} export does not parse: ${JSON.stringify(parsed.problems)}`);
      documents.set(format, parsed.store.getQuads(null, null, null, null));
    }
  });

  for (const format of FORMATS) {
    it(`has no violation of shapes, range and vocabularies in ${format}`, async () => {
      const quads = documents.get(format)!;
      const report = await validateDcatAp([...quads, ...vocabularyGraph(quads)], { shapes: mandatory });
      expect(report.violations).toEqual([]);
      expect(report.warnings.filter((w) => !understood(w))).toEqual([]);
    });
  }

  it('has only understood warnings from the recommended shapes', async () => {
    const quads = documents.get('turtle')!;
    const report = await validateDcatAp([...quads, ...vocabularyGraph(quads)], { shapes: recommended });
    expect(report.violations).toEqual([]);
    expect(report.warnings.length).toBeGreaterThan(0);
    expect(report.warnings.filter((w) => !understood(w))).toEqual([]);
  });

  it('reports the violations of a catalogue that breaks the shapes (the check can fail)', async () => {
    const quads = documents.get('turtle')!.filter((q) => !(q.predicate.value === `${DCT}title` && q.subject.value.includes('/datasets/budget-1')));
    const report = await validateDcatAp([...quads, ...vocabularyGraph(quads)], { shapes: mandatory });
    expect(report.violations.map((v) => [v.focusNode, v.path])).toContainEqual(['https://data.gov.ma/datasets/budget-1', `${DCT}title`]);
  });

  it('reports a vocabulary violation when the vocabulary graph is missing', async () => {
    const report = await validateDcatAp(documents.get('turtle')!, { shapes: mandatory });
    expect(report.violations.some((v) => v.path === `${DCT}accrualPeriodicity`)).toBe(true);
  });

  for (const format of FORMATS) {
    it(`tags every text literal with fr, ar or en and types every date in ${format}`, () => {
      const literals = documents.get(format)!.filter((q) => q.object.termType === 'Literal');
      const dates = literals.filter((q) => DATES.has(q.predicate.value));
      const untypedDates = dates.filter((q) => q.object.termType === 'Literal' && ![`${XSD}date`, `${XSD}dateTime`].includes(q.object.datatype.value));
      const texts = literals.filter((q) => q.object.termType === 'Literal' && !DATES.has(q.predicate.value) && [`${XSD}string`, RDF_LANG_STRING].includes(q.object.datatype.value) && !UNTAGGED.has(q.predicate.value));
      const untagged = texts.filter((q) => q.object.termType === 'Literal' && !['fr', 'ar', 'en'].includes(q.object.language));
      expect(dates.length).toBeGreaterThan(20);
      expect(texts.length).toBeGreaterThan(100);
      expect(untypedDates.map((q) => `${q.predicate.value} ${q.object.value}`)).toEqual([]);
      expect(untagged.map((q) => `${q.predicate.value} ${q.object.value}`)).toEqual([]);
    });
  }
});
