import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonical, datasetArbitrary } from '../test/arbitraries';
import { fullDataset } from '../test/fixtures';
import { fromDcat, toDcat, type DcatFormat } from './index';

const FORMATS: DcatFormat[] = ['turtle', 'ntriples', 'jsonld', 'rdfxml'];
const BASE = 'https://data.gov.ma';

// Bayan-internal fields (id, slug, organizationId, extras, …) are not DCAT and are not written;
// the generator leaves them out. RDF has no order, so lists are compared as sets.
describe('fromDcat(toDcat(x))', () => {
  for (const format of FORMATS) {
    it(`gives back every generated dataset in ${format}`, async () => {
      await fc.assert(
        fc.asyncProperty(datasetArbitrary, async (dataset) => {
          const text = await toDcat(dataset, { format, baseUri: BASE });
          const back = await fromDcat(text, { format });
          expect(back.problems).toEqual([]);
          expect(back.datasets).toHaveLength(1);
          expect(canonical(back.datasets[0])).toEqual(canonical(dataset));
        }),
        { numRuns: 12 },
      );
    });

    it(`gives back the dataset with every field in ${format}`, async () => {
      const { id: _id, ...dataset } = fullDataset(0, 1);
      const text = await toDcat(dataset, { format, baseUri: BASE });
      const back = await fromDcat(text, { format });
      expect(back.problems).toEqual([]);
      expect(canonical(back.datasets[0])).toEqual(canonical(dataset));
    });
  }
});
