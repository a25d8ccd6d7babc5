import type { Catalog, DataService, Dataset, DatasetSeries, Distribution } from '@bayan/schema';
import { type Quad_Subject } from 'n3';
import { ADMS, DCAT, DCATAP, DCT, FOAF, PROV } from './namespaces';
import type { QuadBuilder } from './quadBuilder';
import { namedNode } from './terms';


/** How records without a `uri` get one. */
export interface IriOptions {
  /** The portal's base URL, e.g. `https://data.gov.ma`; minted IRIs live under it. */
  baseUri: string;
}

function trimBase(baseUri: string): string {
  return baseUri.replace(/\/+$/, '');
}

function isHttp(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

/** The IRI of a dataset: its `uri`, else `{baseUri}/datasets/{slug|id}`, else undefined (a blank node). */
export function datasetIri(dataset: Dataset, options: IriOptions): string | undefined {
  if (dataset.uri !== undefined) return dataset.uri;
  const key = dataset.slug ?? dataset.id;
  return key === undefined ? undefined : `${trimBase(options.baseUri)}/datasets/${encodeURIComponent(key)}`;
}

function referenceIri(value: string, kind: string, options: IriOptions): string {
  return isHttp(value) ? value : `${trimBase(options.baseUri)}/${kind}/${encodeURIComponent(value)}`;
}

function distributionIri(distribution: Distribution, parent: string | undefined): string | undefined {
  if (distribution.uri !== undefined) return distribution.uri;
  if (distribution.id === undefined || parent === undefined) return undefined;
  return `${parent}/distributions/${encodeURIComponent(distribution.id)}`;
}

function serviceIri(service: DataService, options: IriOptions): string | undefined {
  if (service.uri !== undefined) return service.uri;
  return service.id === undefined ? undefined : `${trimBase(options.baseUri)}/services/${encodeURIComponent(service.id)}`;
}

function seriesIri(series: DatasetSeries, options: IriOptions): string | undefined {
  if (series.uri !== undefined) return series.uri;
  return series.id === undefined ? undefined : `${trimBase(options.baseUri)}/series/${encodeURIComponent(series.id)}`;
}

/** Writes a data service and returns its node. */
export function addDataService(b: QuadBuilder, service: DataService, options: IriOptions): Quad_Subject {
  const iri = serviceIri(service, options);
  const s = b.node(iri);
  if (!b.firstTime(iri)) return s;
  b.type(s, `${DCAT}DataService`);
  b.text(s, `${DCT}title`, service.title);
  b.text(s, `${DCT}description`, service.description);
  b.links(s, `${DCAT}endpointURL`, service.endpointUrls);
  if (service.endpointDescription !== undefined) b.link(s, `${DCAT}endpointDescription`, service.endpointDescription);
  b.links(
    s,
    `${DCAT}servesDataset`,
    service.servesDatasets?.map((d) => referenceIri(d, 'datasets', options)),
  );
  keywords(b, s, service.keywords);
  b.links(s, `${DCAT}theme`, service.themes);
  b.agent(s, `${DCT}publisher`, service.publisher);
  b.contactPoints(s, service.contactPoints);
  if (service.license !== undefined) b.link(s, `${DCT}license`, service.license, `${DCT}LicenseDocument`);
  if (service.accessRights !== undefined) b.link(s, `${DCT}accessRights`, service.accessRights);
  b.standards(s, service.conformsTo);
  b.links(s, `${DCT}format`, service.formats);
  if (service.landingPage !== undefined) b.link(s, `${DCAT}landingPage`, service.landingPage, `${FOAF}Document`);
  b.links(s, `${FOAF}page`, service.documentation, `${FOAF}Document`);
  b.date(s, `${DCT}issued`, service.issued);
  b.date(s, `${DCT}modified`, service.modified);
  b.legislation(s, service.applicableLegislation);
  b.links(s, `${DCATAP}hvdCategory`, service.hvdCategories);
  return s;
}

function keywords(b: QuadBuilder, s: Quad_Subject, value: Dataset['keywords']): void {
  if (value === undefined) return;
  for (const language of ['fr', 'ar', 'en'] as const) {
    for (const keyword of value[language] ?? []) b.text(s, `${DCAT}keyword`, { [language]: keyword });
  }
}

/** Writes a distribution and returns its node. */
export function addDistribution(b: QuadBuilder, distribution: Distribution, parent: string | undefined, options: IriOptions): Quad_Subject {
  const s = b.node(distributionIri(distribution, parent));
  b.type(s, `${DCAT}Distribution`);
  b.link(s, `${DCAT}accessURL`, distribution.accessUrl);
  if (distribution.downloadUrl !== undefined) b.link(s, `${DCAT}downloadURL`, distribution.downloadUrl);
  for (const service of distribution.accessServices ?? []) b.add(s, `${DCAT}accessService`, addDataService(b, service, options));
  b.text(s, `${DCT}title`, distribution.title);
  b.text(s, `${DCT}description`, distribution.description);
  if (distribution.format !== undefined) b.link(s, `${DCT}format`, distribution.format);
  b.mediaType(s, `${DCAT}mediaType`, distribution.mediaType);
  b.mediaType(s, `${DCAT}compressFormat`, distribution.compressFormat);
  b.mediaType(s, `${DCAT}packageFormat`, distribution.packageFormat);
  b.nonNegativeInteger(s, `${DCAT}byteSize`, distribution.byteSize);
  b.checksum(s, distribution.checksum);
  if (distribution.license !== undefined) b.link(s, `${DCT}license`, distribution.license, `${DCT}LicenseDocument`);
  b.statement(s, `${DCT}rights`, `${DCT}RightsStatement`, distribution.rights);
  b.policy(s, distribution.hasPolicy);
  b.standards(s, distribution.conformsTo);
  b.date(s, `${DCT}issued`, distribution.issued);
  b.date(s, `${DCT}modified`, distribution.modified);
  b.links(s, `${DCT}language`, distribution.languages);
  if (distribution.status !== undefined) b.link(s, `${ADMS}status`, distribution.status);
  if (distribution.availability !== undefined) b.link(s, `${DCATAP}availability`, distribution.availability);
  b.links(s, `${FOAF}page`, distribution.documentation, `${FOAF}Document`);
  b.decimal(s, `${DCAT}spatialResolutionInMeters`, distribution.spatialResolutionInMeters);
  b.duration(s, `${DCAT}temporalResolution`, distribution.temporalResolution);
  b.legislation(s, distribution.applicableLegislation);
  b.links(s, `${DCATAP}hvdCategory`, distribution.hvdCategories);
  return s;
}

/**
 * Writes the quads of one dataset (with its distributions, agents, periods and places) into the
 * builder and returns the dataset's node.
 */
export function addDataset(b: QuadBuilder, dataset: Dataset, options: IriOptions): Quad_Subject {
  const iri = datasetIri(dataset, options);
  const s = b.node(iri);
  b.type(s, `${DCAT}Dataset`);
  b.text(s, `${DCT}title`, dataset.title);
  b.text(s, `${DCT}description`, dataset.description);
  b.plain(s, `${DCT}identifier`, dataset.identifier);
  b.identifiers(s, dataset.otherIdentifiers);
  keywords(b, s, dataset.keywords);
  b.links(s, `${DCAT}theme`, dataset.themes);
  b.agent(s, `${DCT}publisher`, dataset.publisher);
  for (const creator of dataset.creators ?? []) b.agent(s, `${DCT}creator`, creator);
  b.contactPoints(s, dataset.contactPoints);
  b.date(s, `${DCT}issued`, dataset.issued);
  b.date(s, `${DCT}modified`, dataset.modified);
  if (dataset.frequency !== undefined) b.link(s, `${DCT}accrualPeriodicity`, dataset.frequency);
  b.periods(s, dataset.temporal);
  b.locations(s, dataset.spatial);
  b.decimal(s, `${DCAT}spatialResolutionInMeters`, dataset.spatialResolutionInMeters);
  b.duration(s, `${DCAT}temporalResolution`, dataset.temporalResolution);
  if (dataset.accessRights !== undefined) b.link(s, `${DCT}accessRights`, dataset.accessRights);
  b.links(s, `${DCT}language`, dataset.languages);
  if (dataset.landingPage !== undefined) b.link(s, `${DCAT}landingPage`, dataset.landingPage, `${FOAF}Document`);
  b.links(s, `${FOAF}page`, dataset.documentation, `${FOAF}Document`);
  b.standards(s, dataset.conformsTo);
  b.plain(s, `${DCAT}version`, dataset.version);
  b.text(s, `${ADMS}versionNotes`, dataset.versionNotes);
  b.statement(s, `${DCT}provenance`, `${DCT}ProvenanceStatement`, dataset.provenance);
  if (dataset.type !== undefined) b.link(s, `${DCT}type`, dataset.type);
  b.links(s, `${DCT}source`, dataset.sources);
  b.links(s, `${DCT}relation`, dataset.relations);
  b.links(s, `${DCT}hasVersion`, dataset.hasVersions);
  b.links(s, `${DCT}isVersionOf`, dataset.isVersionOf);
  b.links(s, `${DCT}isReferencedBy`, dataset.isReferencedBy);
  b.relationships(s, dataset.qualifiedRelations);
  b.attributions(s, dataset.qualifiedAttributions);
  b.links(s, `${PROV}wasGeneratedBy`, dataset.wasGeneratedBy, `${PROV}Activity`);
  for (const sample of dataset.samples ?? []) b.add(s, `${ADMS}sample`, addDistribution(b, sample, iri, options));
  b.links(
    s,
    `${DCAT}inSeries`,
    dataset.inSeries?.map((id) => referenceIri(id, 'series', options)),
  );
  b.legislation(s, dataset.applicableLegislation);
  b.links(s, `${DCATAP}hvdCategory`, dataset.hvdCategories);
  for (const distribution of dataset.distributions) b.add(s, `${DCAT}distribution`, addDistribution(b, distribution, iri, options));
  return s;
}

/** Writes a dataset series and returns its node. */
export function addDatasetSeries(b: QuadBuilder, series: DatasetSeries, options: IriOptions): Quad_Subject {
  const s = b.node(seriesIri(series, options));
  b.type(s, `${DCAT}DatasetSeries`);
  b.text(s, `${DCT}title`, series.title);
  b.text(s, `${DCT}description`, series.description);
  b.agent(s, `${DCT}publisher`, series.publisher);
  b.contactPoints(s, series.contactPoints);
  if (series.frequency !== undefined) b.link(s, `${DCT}accrualPeriodicity`, series.frequency);
  b.locations(s, series.spatial);
  b.periods(s, series.temporal);
  b.date(s, `${DCT}issued`, series.issued);
  b.date(s, `${DCT}modified`, series.modified);
  b.legislation(s, series.applicableLegislation);
  return s;
}

/** The IRI of a catalogue: its `uri`, else `{baseUri}/catalog`. */
export function catalogIri(catalog: Pick<Catalog, 'uri'>, options: IriOptions): string {
  return catalog.uri ?? `${trimBase(options.baseUri)}/catalog`;
}

/**
 * Writes a catalogue's own description (not its datasets) and returns its node. `datasetIris`
 * are linked with `dcat:dataset`; the datasets themselves are written separately so a stream
 * can emit them one at a time.
 */
export function addCatalogHeader(b: QuadBuilder, catalog: Omit<Catalog, 'datasets'>, options: IriOptions): Quad_Subject {
  const s = namedNode(catalogIri(catalog, options));
  b.type(s, `${DCAT}Catalog`);
  b.text(s, `${DCT}title`, catalog.title);
  b.text(s, `${DCT}description`, catalog.description);
  b.agent(s, `${DCT}publisher`, catalog.publisher);
  if (catalog.homepage !== undefined) b.link(s, `${FOAF}homepage`, catalog.homepage, `${FOAF}Document`);
  b.links(s, `${DCAT}themeTaxonomy`, catalog.themeTaxonomies);
  b.links(s, `${DCT}language`, catalog.languages);
  if (catalog.license !== undefined) b.link(s, `${DCT}license`, catalog.license, `${DCT}LicenseDocument`);
  b.statement(s, `${DCT}rights`, `${DCT}RightsStatement`, catalog.rights);
  b.date(s, `${DCT}issued`, catalog.issued);
  b.date(s, `${DCT}modified`, catalog.modified);
  b.locations(s, catalog.spatial);
  b.links(s, `${DCAT}theme`, catalog.themes);
  b.agent(s, `${DCT}creator`, catalog.creator);
  b.links(s, `${DCT}hasPart`, catalog.hasParts);
  for (const service of catalog.services ?? []) b.add(s, `${DCAT}service`, addDataService(b, service, options));
  // Series are described in the catalogue document and reached from their members' dcat:inSeries:
  // DCAT-AP's range shapes want dcat:dataset to point at a dcat:Dataset, which a series is not typed as.
  for (const series of catalog.series ?? []) addDatasetSeries(b, series, options);
  return s;
}
