// Node-only entry of @bayan/dcat (`@bayan/dcat/node`): SHACL validation runs rdf-validate-shacl
// with the @zazuko/env factory, which is not meant for browsers.
import rdf from '@zazuko/env';
import { Parser, type Quad } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { parseRdf, type RdfInput } from './parseRdf';
import type { DcatFormat } from './documentWriter';

/** One SHACL result, flattened. */
export interface ShaclResult {
  severity: 'violation' | 'warning' | 'info';
  focusNode: string;
  path?: string;
  message: string;
  sourceShape?: string;
  value?: string;
}

/** What {@link validateDcatAp} found. */
export interface DcatApValidation {
  /** No violation (warnings and infos allowed). */
  conforms: boolean;
  violations: ShaclResult[];
  warnings: ShaclResult[];
  infos: ShaclResult[];
}

/** Options of {@link validateDcatAp}. */
export interface ValidateDcatApOptions {
  /** The shapes, as Turtle texts or quads (e.g. the DCAT-AP 3.0.1 `shapes.ttl`, `range.ttl`, `mdr-vocabularies.shape.ttl`). */
  shapes: readonly (string | readonly Quad[])[];
  /** Format of `data` when it is text; default `turtle`. */
  format?: DcatFormat;
}

type Validator = InstanceType<typeof SHACLValidator>;
const validators = new WeakMap<readonly (string | readonly Quad[])[], Validator>();

function validatorFor(shapes: readonly (string | readonly Quad[])[]): Validator {
  let validator = validators.get(shapes);
  if (validator === undefined) {
    const dataset = rdf.dataset();
    for (const part of shapes) {
      const quads = typeof part === 'string' ? new Parser().parse(part) : part;
      for (const q of quads) dataset.add(q);
    }
    // maxNodeChecks 0: report every focus node, not only the first 50 (see rdf-validate-shacl).
    validator = new SHACLValidator(dataset, { factory: rdf, maxNodeChecks: 0 } as never);
    validators.set(shapes, validator);
  }
  return validator;
}

function severityOf(iri: string | undefined): ShaclResult['severity'] {
  if (iri?.endsWith('Warning') === true) return 'warning';
  if (iri?.endsWith('Info') === true) return 'info';
  return 'violation';
}

/**
 * Validates DCAT-AP data against SHACL shapes the caller passes (the platform keeps the official
 * DCAT-AP 3.0.1 shapes; add `vocabularyGraph()` to the data to check vocabularies offline).
 * Reports every focus node (`maxNodeChecks: 0`). Reuse the same `shapes` array to reuse the
 * parsed shapes.
 *
 * @param data - quads, or a document in `format`.
 * @param options - the shapes and the data's format.
 * @returns violations, warnings and infos.
 * @example
 * ```ts
 * import { validateDcatAp } from '@bayan/dcat/node';
 * const shapes = [readFileSync('shapes.ttl', 'utf8'), readFileSync('range.ttl', 'utf8')];
 * const report = await validateDcatAp(turtle, { shapes });
 * console.log(report.conforms, report.violations.length);
 * ```
 */
export async function validateDcatAp(data: readonly Quad[] | RdfInput, options: ValidateDcatApOptions): Promise<DcatApValidation> {
  let quads: readonly Quad[];
  if (Array.isArray(data) && (data.length === 0 || typeof (data[0] as Quad).subject === 'object')) {
    quads = data as readonly Quad[];
  } else {
    const parsed = await parseRdf(data as RdfInput, { format: options.format ?? 'turtle' });
    quads = parsed.store.getQuads(null, null, null, null);
  }
  const dataset = rdf.dataset();
  for (const q of quads) dataset.add(q);
  const report = await validatorFor(options.shapes).validate(dataset);
  const out: DcatApValidation = { conforms: true, violations: [], warnings: [], infos: [] };
  for (const result of report.results) {
    const entry: ShaclResult = {
      severity: severityOf(result.severity?.value),
      focusNode: result.focusNode?.value ?? '',
      message: result.message.map((m) => m.value).join(' ') || (result.sourceConstraintComponent?.value ?? ''),
    };
    if (result.path?.value !== undefined) entry.path = result.path.value;
    if (result.sourceShape?.value !== undefined) entry.sourceShape = result.sourceShape.value;
    if (result.value?.value !== undefined) entry.value = result.value.value;
    if (entry.severity === 'violation') out.violations.push(entry);
    else if (entry.severity === 'warning') out.warnings.push(entry);
    else out.infos.push(entry);
  }
  out.conforms = out.violations.length === 0;
  return out;
}
