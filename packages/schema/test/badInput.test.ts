// Hostile and broken input: every entry point answers with errors or problems, never a throw, never
// unbounded work, never a change to Object.prototype.
import { beforeAll, describe, expect, it } from 'vitest';
import { ckanPackagesOf, datasetSchema, fromCkanPackage, migrate, parseCatalog, parseDataset, parseDistribution, parseOrganization } from '../src/index';
import { realisticDataset } from './fixtures';

const valid = () => structuredClone(realisticDataset) as Record<string, unknown>;

function deepJson(depth: number, open = '{"a":', close = '}'): string {
  return `${open.repeat(depth)}1${close.repeat(depth)}`;
}

let prototypeKeys: string[];
beforeAll(() => {
  prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
});

function expectLocalizedErrors(result: ReturnType<typeof parseDataset>) {
  expect(result.ok).toBe(false);
  if (result.ok) return [];
  for (const error of result.errors) {
    expect(error.path === '' || error.path.startsWith('/')).toBe(true);
    expect(error.message.fr.length * error.message.ar.length * error.message.en.length).toBeGreaterThan(0);
  }
  return result.errors;
}

describe('wrong types', () => {
  const fields = Object.keys(datasetSchema.shape);
  const wrong: unknown[] = [42, 'text', true, null, [], [1, 2], { x: 1 }, -1.5];

  it.each(fields)('%s with a wrong type gives errors under its own pointer', (field) => {
    for (const value of wrong) {
      const record = { ...valid(), [field]: value };
      const result = parseDataset(record);
      if (result.ok) continue; // some values are valid for some fields (e.g. 'text' as version)
      for (const error of result.errors) expect(error.path === `/${field}` || error.path.startsWith(`/${field}/`)).toBe(true);
    }
  });

  it('gives one error per wrong value, each with fr/ar/en messages', () => {
    const errors = expectLocalizedErrors(parseDataset({ ...valid(), title: 42, issued: true, distributions: 'none', keywords: [] }));
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['/title', 'invalid_type'],
      ['/keywords', 'invalid_type'],
      ['/issued', 'invalid_type'],
      ['/distributions', 'invalid_type'],
    ]);
  });

  it.each([undefined, null, 0, '', 'dataset', [], [valid()]])('refuses %j as a dataset', (input) => {
    const errors = expectLocalizedErrors(parseDataset(input));
    expect(errors[0]?.path).toBe('');
  });
});

describe('unknown vocabulary values', () => {
  const cases: [string, (d: Record<string, unknown>) => void, string][] = [
    ['theme', (d) => (d.themes = ['http://publications.europa.eu/resource/authority/data-theme/FOOD']), '/themes/0'],
    ['frequency', (d) => (d.frequency = 'every blue moon'), '/frequency'],
    ['access right', (d) => (d.accessRights = 'http://publications.europa.eu/resource/authority/access-right/SECRET'), '/accessRights'],
    ['language', (d) => (d.languages = ['http://publications.europa.eu/resource/authority/language/fr']), '/languages/0'],
    ['file type', (d) => ((d.distributions as Record<string, unknown>[])[0]!.format = 'CSV'), '/distributions/0/format'],
    ['distribution status', (d) => ((d.distributions as Record<string, unknown>[])[0]!.status = 'http://publications.europa.eu/resource/authority/distribution-status/LOST'), '/distributions/0/status'],
    ['HVD category', (d) => (d.hvdCategories = ['http://data.europa.eu/bna/statistics']), '/hvdCategories/0'],
  ];

  it.each(cases)('an unknown %s is an error at its pointer', (_what, mutate, pointer) => {
    const record = valid();
    mutate(record);
    const errors = expectLocalizedErrors(parseDataset(record));
    expect(errors.map((e) => e.path)).toEqual([pointer]);
  });

  it('says which vocabulary the value should come from', () => {
    const errors = expectLocalizedErrors(parseDataset({ ...valid(), frequency: 'sometimes' }));
    expect(errors[0]?.code).toBe('unknown_vocabulary_value');
    expect(errors[0]?.message.fr).toMatch(/fréquence|frequency/i);
  });
});

describe('a 10 MB description', () => {
  const huge = 'données '.repeat(1_310_720); // 10 MB

  it('is refused with a too_long error, not truncated silently', () => {
    const errors = expectLocalizedErrors(parseDataset({ ...valid(), description: { fr: huge } }));
    expect(errors).toEqual([expect.objectContaining({ path: '/description/fr', code: 'too_long' })]);
    expect(errors[0]?.message.en).toMatch(/100000 characters/);
  });

  it('is cut at the limit by the CKAN import, which says so', () => {
    const { dataset, problems } = fromCkanPackage({ name: 'big', title: 'Big', notes: huge });
    expect(dataset.description.fr?.length).toBeLessThanOrEqual(100_000);
    expect(problems.map((p) => [p.path, p.code])).toContainEqual(['/notes', 'truncated']);
  });

  it('in a keyword or a URL is refused too', () => {
    const record = { ...valid(), keywords: { fr: [huge] }, landingPage: `https://example.org/${huge}` };
    const errors = expectLocalizedErrors(parseDataset(record));
    expect([...new Set(errors.map((e) => e.path))].sort()).toEqual(['/keywords/fr/0', '/landingPage']);
  });
});

describe('deeply nested junk (depth 10,000)', () => {
  const objects = JSON.parse(deepJson(10_000)) as unknown;
  const arrays = JSON.parse(deepJson(10_000, '[', ']')) as unknown;

  it.each([
    ['an unknown field', (junk: unknown) => ({ ...valid(), junk }), '/junk'],
    ['the title', (junk: unknown) => ({ ...valid(), title: { fr: junk } }), '/title/fr'],
    ['an extra', (junk: unknown) => ({ ...valid(), extras: { k: junk } }), '/extras/k'],
    ['a distribution', (junk: unknown) => ({ ...valid(), distributions: [junk] }), '/distributions/0'],
    ['a geometry', (junk: unknown) => ({ ...valid(), spatial: [{ geometry: { type: 'Point', coordinates: junk } }] }), '/spatial/0/geometry/coordinates'],
  ] as const)('in %s gives errors at that place', (_where, build, pointer) => {
    for (const junk of [objects, arrays]) {
      const errors = expectLocalizedErrors(parseDataset(build(junk)));
      for (const e of errors) expect(e.path.startsWith(pointer)).toBe(true);
      // the errors do not follow the junk down
      for (const e of errors) expect(e.path.split('/').length).toBeLessThan(12);
    }
  });

  it('as a whole record, a catalogue or an organisation gives errors', () => {
    expectLocalizedErrors(parseDataset(objects));
    expectLocalizedErrors(parseDataset(arrays));
    expect(parseCatalog(objects).ok).toBe(false);
    expect(parseOrganization(arrays).ok).toBe(false);
    expect(parseDistribution(objects).ok).toBe(false);
    expect(migrate(arrays).ok).toBe(false);
  });

  it('in a CKAN package gives problems and a valid dataset', () => {
    for (const junk of [objects, arrays]) {
      const pkg = { name: 'junk', title: junk, notes: junk, tags: junk, groups: [junk], extras: [{ key: 'spatial', value: junk }, { key: 'k', value: junk }], resources: [junk, { url: junk, format: junk }], organization: junk };
      const { dataset } = fromCkanPackage(pkg);
      expect(parseDataset(dataset).ok).toBe(true);
      expect(ckanPackagesOf({ success: true, result: { results: [junk, pkg] } })).toHaveLength(1);
    }
  });
});

describe('__proto__ keys from JSON.parse', () => {
  it('are unknown fields, wherever they are', () => {
    const text = JSON.stringify(valid()).replace('{', '{"__proto__":{"polluted":"yes"},').replace('"title":{', '"title":{"__proto__":{"polluted":"yes"},');
    const record = JSON.parse(text) as unknown;
    const errors = expectLocalizedErrors(parseDataset(record));
    expect(errors.map((e) => [e.path, e.code]).sort()).toEqual([
      ['/__proto__', 'unknown_field'],
      ['/title/__proto__', 'unknown_field'],
    ]);
  });

  it('are refused as extras keys instead of being dropped', () => {
    const record = JSON.parse('{"title":{"fr":"x"},"description":{"fr":"y"},"extras":{"__proto__":"z","ok":"fine"}}') as unknown;
    const errors = expectLocalizedErrors(parseDataset(record));
    expect(errors.map((e) => [e.path, e.code])).toEqual([['/extras/__proto__', 'forbidden_key']]);
  });

  it('do not change the prototype of the parsed value', () => {
    const record = JSON.parse('{"title":{"fr":"x"},"description":{"fr":"y"},"distributions":[{"accessUrl":"https://a.example/x","__proto__":{"polluted":1}}]}') as unknown;
    const result = parseDataset(record);
    expect(result.ok).toBe(false);
    const migrated = migrate(record);
    expect(migrated.ok && Object.getPrototypeOf(migrated.value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('in a CKAN package give problems, not a changed prototype', () => {
    const pkg = JSON.parse(
      '{"__proto__":{"polluted":1},"name":"p","title":"T","notes":"N","title_translated":{"__proto__":"x","fr":"T"},"groups":[{"name":"__proto__"},{"name":"constructor"}],' +
        '"extras":[{"key":"__proto__","value":"{\\"polluted\\":1}"},{"key":"constructor","value":"c"}],"resources":[{"url":"https://a.example/x","__proto__":{"polluted":1},"format":"__proto__"}]}',
    ) as unknown;
    const { dataset, problems } = fromCkanPackage(pkg, { groupThemes: { finances: 'ECON' } });
    expect(parseDataset(dataset).ok).toBe(true);
    expect(Object.getPrototypeOf(dataset)).toBe(Object.prototype);
    expect(dataset.extras).toEqual({ constructor: 'c' });
    expect(problems.map((p) => p.path)).toContain('/extras/0/key');
    expect(problems.map((p) => p.code)).toContain('unknown_format');
  });
});

// Runs last (tests in a file run in order): nothing above may have touched Object.prototype.
describe('Object.prototype', () => {
  it('is unchanged after every test above', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});
