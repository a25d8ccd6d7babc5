// Walks the official DCAT-AP 3.0.1 SHACL shapes (../shared/conformance/dcat-ap/3.0.1/shacl) and
// checks that every property of the five main classes — mandatory, recommended and optional — has a
// field in Bayan's record, and that the mandatory ones are required.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildJsonSchema, type JsonSchemaName } from '../scripts/jsonSchemas';

const SHACL = new URL('../../../../shared/conformance/dcat-ap/3.0.1/shacl/', import.meta.url);

type Property = { mandatory: boolean };

/** Property shapes per target class: `{ 'dcat:Dataset': { 'dct:title': { mandatory: true } } }`. */
function readShapes(file: string): Record<string, Record<string, Property>> {
  const text = readFileSync(new URL(file, SHACL), 'utf8').replace(/#[^\n>]*\n/g, '\n');
  const shapes: Record<string, Record<string, Property>> = {};
  for (const shape of text.matchAll(/\n:(\S+)\s+a sh:NodeShape\s*;([\s\S]*?)sh:targetClass\s+(\S+)\s*\./g)) {
    const [, , body = '', targetClass = ''] = shape;
    const properties = (shapes[targetClass] ??= {});
    for (const group of body.matchAll(/\[([^[\]]*)\]/g)) {
      const path = /sh:path\s+([a-zA-Z]+:[A-Za-z]+)/.exec(group[1] ?? '')?.[1];
      if (path === undefined) continue;
      const mandatory = /sh:minCount\s+1\b/.test(group[1] ?? '');
      properties[path] = { mandatory: mandatory || (properties[path]?.mandatory ?? false) };
    }
  }
  return shapes;
}

// Property IRI → field path in Bayan's record (JSON pointer without the leading slash).
const FIELDS: Record<string, { schema: JsonSchemaName; fields: Record<string, string> }> = {
  'dcat:Catalog': {
    schema: 'catalog',
    fields: {
      'dct:title': 'title',
      'dct:description': 'description',
      'dct:publisher': 'publisher',
      'dct:language': 'languages',
      'dct:issued': 'issued',
      'dct:modified': 'modified',
      'dct:license': 'license',
      'dct:spatial': 'spatial',
      'dct:rights': 'rights',
      'dct:creator': 'creator',
      'dct:hasPart': 'hasParts',
      'dcat:themeTaxonomy': 'themeTaxonomies',
      'dcat:dataset': 'datasets',
      'dcat:service': 'services',
      'dcat:catalog': 'catalogs',
      'dcat:record': 'records',
      'dcatap:applicableLegislation': 'applicableLegislation',
      'foaf:homepage': 'homepage',
    },
  },
  'dcat:Dataset': {
    schema: 'dataset',
    fields: {
      'dct:title': 'title',
      'dct:description': 'description',
      'dcat:contactPoint': 'contactPoints',
      'dcat:distribution': 'distributions',
      'dcat:keyword': 'keywords',
      'dct:publisher': 'publisher',
      'dct:spatial': 'spatial',
      'dct:temporal': 'temporal',
      'dcat:theme': 'themes',
      'dct:accessRights': 'accessRights',
      'dcatap:applicableLegislation': 'applicableLegislation',
      'dct:conformsTo': 'conformsTo',
      'dct:creator': 'creators',
      'foaf:page': 'documentation',
      'dct:accrualPeriodicity': 'frequency',
      'dct:hasVersion': 'hasVersions',
      'dct:identifier': 'identifier',
      'dcat:inSeries': 'inSeries',
      'dct:isReferencedBy': 'isReferencedBy',
      'dcat:landingPage': 'landingPage',
      'dct:language': 'languages',
      'dct:modified': 'modified',
      'adms:identifier': 'otherIdentifiers',
      'dct:provenance': 'provenance',
      'prov:qualifiedAttribution': 'qualifiedAttributions',
      'dcat:qualifiedRelation': 'qualifiedRelations',
      'dct:relation': 'relations',
      'dct:issued': 'issued',
      'adms:sample': 'samples',
      'dct:source': 'sources',
      'dcat:spatialResolutionInMeters': 'spatialResolutionInMeters',
      'dcat:temporalResolution': 'temporalResolution',
      'dct:type': 'type',
      'dcat:version': 'version',
      'adms:versionNotes': 'versionNotes',
      'prov:wasGeneratedBy': 'wasGeneratedBy',
    },
  },
  'dcat:Distribution': {
    schema: 'distribution',
    fields: {
      'dcat:accessURL': 'accessUrl',
      'dct:description': 'description',
      'dcatap:availability': 'availability',
      'dct:format': 'format',
      'dct:license': 'license',
      'dcat:accessService': 'accessServices',
      'dcatap:applicableLegislation': 'applicableLegislation',
      'dcat:byteSize': 'byteSize',
      'spdx:checksum': 'checksum',
      'dcat:compressFormat': 'compressFormat',
      'foaf:page': 'documentation',
      'dcat:downloadURL': 'downloadUrl',
      'odrl:hasPolicy': 'hasPolicy',
      'dct:language': 'languages',
      'dct:conformsTo': 'conformsTo',
      'dcat:mediaType': 'mediaType',
      'dct:modified': 'modified',
      'dcat:packageFormat': 'packageFormat',
      'dct:issued': 'issued',
      'dct:rights': 'rights',
      'dcat:spatialResolutionInMeters': 'spatialResolutionInMeters',
      'adms:status': 'status',
      'dcat:temporalResolution': 'temporalResolution',
      'dct:title': 'title',
    },
  },
  'dcat:DataService': {
    schema: 'data-service',
    fields: {
      'dcat:endpointURL': 'endpointUrls',
      'dct:title': 'title',
      'dcat:servesDataset': 'servesDatasets',
      'dcat:endpointDescription': 'endpointDescription',
      'dcat:contactPoint': 'contactPoints',
      'dct:publisher': 'publisher',
      'dcat:theme': 'themes',
      'dct:conformsTo': 'conformsTo',
      'dcat:keyword': 'keywords',
      'dct:accessRights': 'accessRights',
      'dcatap:applicableLegislation': 'applicableLegislation',
      'dct:description': 'description',
      'dct:format': 'formats',
      'dcat:landingPage': 'landingPage',
      'dct:license': 'license',
    },
  },
  'dcat:DatasetSeries': {
    schema: 'dataset-series',
    fields: {
      'dct:title': 'title',
      'dct:description': 'description',
      'dcat:contactPoint': 'contactPoints',
      'dct:publisher': 'publisher',
      'dcatap:applicableLegislation': 'applicableLegislation',
      'dct:accrualPeriodicity': 'frequency',
      'dct:spatial': 'spatial',
      'dct:modified': 'modified',
      'dct:issued': 'issued',
      'dct:temporal': 'temporal',
    },
  },
};

const mandatoryAndOptional = readShapes('shapes.ttl');
const recommended = readShapes('shapes_recommended.ttl');

describe('DCAT-AP 3.0.1 coverage', () => {
  it('reads the property shapes of the five main classes', () => {
    for (const cls of Object.keys(FIELDS)) expect(Object.keys(mandatoryAndOptional[cls] ?? {}).length).toBeGreaterThan(5);
    expect(mandatoryAndOptional['dcat:Dataset']?.['dct:title']?.mandatory).toBe(true);
    expect(Object.keys(recommended['dcat:Dataset'] ?? {})).toContain('dcat:distribution');
  });

  describe.each(Object.entries(FIELDS))('%s', (cls, { schema: name, fields }) => {
    const schema = buildJsonSchema(name) as { properties: Record<string, unknown>; required?: string[] };
    const shacl = { ...recommended[cls], ...mandatoryAndOptional[cls] };

    it('maps every mandatory, recommended and optional property to a field', () => {
      const unmapped = Object.keys(shacl).filter((iri) => fields[iri] === undefined);
      expect(unmapped).toEqual([]);
    });

    it.each(Object.keys({ ...recommended[cls], ...mandatoryAndOptional[cls] }))('has a field for %s', (iri) => {
      const field = fields[iri] ?? '';
      expect(Object.keys(schema.properties)).toContain(field);
    });

    it('requires each mandatory property', () => {
      const mandatory = Object.entries(mandatoryAndOptional[cls] ?? {})
        .filter(([, p]) => p.mandatory)
        .map(([iri]) => fields[iri]);
      expect(mandatory.length).toBeGreaterThan(0);
      for (const field of mandatory) expect(schema.required ?? []).toContain(field);
    });
  });
});
