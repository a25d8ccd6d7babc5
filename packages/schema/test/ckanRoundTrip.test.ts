import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromCkanPackage, parseDataset, parseOrganization, toCkanPackage, type Dataset } from '../src/index';
import { ckanDataset, multilingual, recordId, slug, url } from './arbitraries';

// CKAN cannot tell an empty list from a missing one: generated records have neither empty lists
// nor empty objects (except `distributions`, which Bayan always has).
function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => withoutEmpty(v));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const pruned = withoutEmpty(v);
    const empty = (Array.isArray(pruned) && pruned.length === 0 && k !== 'distributions') || (pruned !== null && typeof pruned === 'object' && !Array.isArray(pruned) && Object.keys(pruned).length === 0);
    if (!empty) out[k] = pruned;
  }
  return out;
}

const parsed = ckanDataset.map((input) => {
  const result = parseDataset(withoutEmpty(input));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
});

describe('CKAN round trip', () => {
  it('fromCkanPackage(toCkanPackage(d)) keeps every field a CKAN package holds', () => {
    fc.assert(
      fc.property(parsed, (dataset: Dataset) => {
        const pkg = JSON.parse(JSON.stringify(toCkanPackage(dataset))) as unknown;
        const back = fromCkanPackage(pkg);
        // Local themes come back as groups without an EU theme: kept, and reported as unmapped.
        expect(back.problems.filter((p) => p.code !== 'unmapped_group')).toEqual([]);
        expect(back.problems).toHaveLength(dataset.localThemes?.length ?? 0);
        expect(back.dataset).toEqual(dataset);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the organisation and links the dataset to it', () => {
    const organization = fc
      .record({ id: recordId, slug, name: multilingual, description: multilingual, logo: url }, { requiredKeys: ['slug', 'name'] })
      .map((o) => {
        const r = parseOrganization(o);
        if (!r.ok) throw new Error(JSON.stringify(r.errors));
        return r.value;
      });
    fc.assert(
      fc.property(parsed, organization, (dataset, org) => {
        const back = fromCkanPackage(JSON.parse(JSON.stringify(toCkanPackage(dataset, org))) as unknown);
        expect(back.organization).toEqual(org);
        expect(back.dataset.organizationId).toBe(org.id ?? org.slug);
        expect(back.dataset.publisher?.name).toEqual(org.name);
      }),
      { numRuns: 100 },
    );
  });
});
