import { type Quad } from 'n3';
import { DQV, PROV, RDF_TYPE, XSD } from './namespaces';
import { namedNode, blankNode, literal, quad } from './terms';


/** One metric result, as @bayan/quality (or any scorer) reports it. */
export interface MetricResult {
  /** The metric's IRI, e.g. an MQA metric `https://data.europa.eu/mqa/metrics#…`. */
  metric: string;
  /** The measured value: a boolean (criterion met), an integer or a decimal. */
  value: boolean | number | string;
  /** When it was measured (ISO 8601), written as `prov:generatedAtTime`. */
  computedAt?: string;
}

let counter = 0;

function valueLiteral(value: MetricResult['value']) {
  if (typeof value === 'boolean') return literal(String(value), namedNode(`${XSD}boolean`));
  if (typeof value === 'number') return literal(String(value), namedNode(Number.isInteger(value) ? `${XSD}integer` : `${XSD}double`));
  return literal(value);
}

/**
 * W3C DQV quality measurements for a dataset: one `dqv:QualityMeasurement` per metric result,
 * linked with `dqv:hasQualityMeasurement`, `dqv:computedOn` and `dqv:isMeasurementOf`, so a feed
 * carries its MQA results. Pass the quads to `toDcat(…, { extraQuads })`.
 *
 * @param datasetIri - the dataset's IRI.
 * @param results - the metric results.
 * @returns the quads.
 * @example
 * ```ts
 * import { qualityMeasurements } from '@bayan/dcat';
 * const quads = qualityMeasurements('https://data.gov.ma/datasets/budget', [
 *   { metric: 'https://data.europa.eu/mqa/metrics#keywordAvailability', value: true },
 * ]);
 * ```
 */
export function qualityMeasurements(datasetIri: string, results: readonly MetricResult[]): Quad[] {
  const dataset = namedNode(datasetIri);
  const out: Quad[] = [];
  for (const result of results) {
    counter += 1;
    const m = blankNode(`qm${counter}`);
    out.push(
      quad(dataset, namedNode(`${DQV}hasQualityMeasurement`), m),
      quad(m, namedNode(RDF_TYPE), namedNode(`${DQV}QualityMeasurement`)),
      quad(m, namedNode(`${DQV}computedOn`), dataset),
      quad(m, namedNode(`${DQV}isMeasurementOf`), namedNode(result.metric)),
      quad(m, namedNode(`${DQV}value`), valueLiteral(result.value)),
    );
    if (result.computedAt !== undefined) {
      out.push(quad(m, namedNode(`${PROV}generatedAtTime`), literal(result.computedAt, namedNode(result.computedAt.length > 10 ? `${XSD}dateTime` : `${XSD}date`))));
    }
  }
  return out;
}
