import { describe, expect, it } from 'vitest';
import { defineProfile, type ProfileConfig } from './customProfile';
import { completeInput, emptyInput, fullContext, parsed } from './fixtures/datasets';
import { scoreMetadata } from './scoreMetadata';

const msg = (en: string) => ({ fr: `${en} (fr)`, ar: `${en} (ar) نص`, en });

const ministry: ProfileConfig = {
  id: 'ministry',
  base: 'mqa',
  weights: { keywordAvailability: 50, dcatApCompliance: 0 },
  dimensions: { local: msg('Local rules') },
  metrics: [
    { id: 'arabicTitle', dimension: 'local', points: 20, label: msg('Arabic title'), hint: msg('Add the Arabic title.'), test: { present: '/title/ar' } },
    { id: 'threeKeywords', dimension: 'local', points: 10, label: msg('Three keywords'), hint: msg('Add keywords.'), test: { minItems: '/keywords', count: 3 } },
    {
      id: 'openLicences',
      dimension: 'local',
      points: 15,
      label: msg('Licences from the list'),
      hint: msg('Pick licences from the list.'),
      test: { inVocabulary: '/distributions/*/license', vocabulary: 'licences', every: true },
    },
    {
      id: 'notRestricted',
      points: 5,
      label: msg('Public'),
      hint: msg('Open it.'),
      test: { not: { equals: '/accessRights', value: 'http://publications.europa.eu/resource/authority/access-right/RESTRICTED' } },
    },
  ],
};

describe('defineProfile', () => {
  it('compiles a profile on the MQA with its own weights and metrics', () => {
    const result = defineProfile(ministry);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const report = scoreMetadata(parsed(completeInput), { ...fullContext, dcatApCompliant: undefined }, result.profile);
    // 405 − 30 (compliance dropped) + 20 (keywords now 50) + 20 + 10 + 15 + 5.
    expect(report.max).toBe(445);
    expect(report.total).toBe(445);
    expect(report.profile).toBe('ministry');
    expect(report.dimensions.map((d) => d.id)).toEqual(['findability', 'accessibility', 'interoperability', 'reusability', 'contextuality', 'local', 'custom']);
    expect(report.metrics.some((m) => m.id === 'dcatApCompliance')).toBe(false);
  });

  it('explains a failed own metric with its hint and pointer', () => {
    const result = defineProfile(ministry);
    if (!result.ok) throw new Error('profile');
    const report = scoreMetadata(parsed({ ...emptyInput, title: { fr: 'Sans arabe' } }), fullContext, result.profile);
    const arabic = report.metrics.find((m) => m.id === 'arabicTitle')!;
    expect(arabic).toMatchObject({ points: 0, max: 20, pointer: '/title/ar', reason: { code: 'predicate_failed' } });
    expect(report.hints.find((h) => h.metrics.includes('arabicTitle'))?.message.en).toBe('Add the Arabic title.');
    // A wildcard with `every` fails when nothing matches.
    expect(report.metrics.find((m) => m.id === 'openLicences')?.points).toBe(0);
    expect(report.hints.reduce((s, h) => s + h.gain, 0)).toBe(report.max - report.total);
  });

  it('scales MQA penalties with the new weight', () => {
    const result = defineProfile({ id: 'fmt', base: 'mqa', weights: { formatAvailability: 40 } });
    if (!result.ok) throw new Error('profile');
    const dataset = parsed({ ...completeInput, distributions: [completeInput.distributions![0]!, { accessUrl: 'https://data.gov.ma/page' }] });
    expect(scoreMetadata(dataset, fullContext, result.profile).metrics.find((m) => m.id === 'formatAvailability')?.points).toBe(30);
  });

  it('reweights the uData criteria', () => {
    const result = defineProfile({ id: 'u', base: 'udata', weights: { descriptionLength: 0, license: 3 } });
    if (!result.ok) throw new Error('profile');
    const report = scoreMetadata(parsed(completeInput), fullContext, result.profile);
    expect(report.max).toBe(10);
    expect(report.metrics.find((m) => m.id === 'license')).toMatchObject({ points: 3, max: 3 });
  });

  it('reports every configuration error at once, in three languages, with its path', () => {
    const result = defineProfile({
      id: '9bad',
      base: 'ckan',
      weights: { nope: 3 },
      metrics: [
        { id: 'a', points: -1, label: msg('A'), hint: { fr: 'x' }, test: { present: 'no-slash' } },
        { id: 'b', points: 1, label: msg('B'), hint: msg('B'), test: { inVocabulary: '/themes/*', vocabulary: 'colours' } },
        { id: 'c', points: 1, label: msg('C'), hint: msg('C'), test: { matches: '/title', regex: '(a+)+$' } },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.path, e.code])).toEqual([
      ['/id', 'bad_id'],
      ['/base', 'unknown_base'],
      ['/weights/nope', 'unknown_metric'],
      ['/metrics/0/points', 'bad_points'],
      ['/metrics/0/hint', 'missing_message'],
      ['/metrics/0/test/present', 'bad_pointer'],
      ['/metrics/1/test/vocabulary', 'unknown_vocabulary'],
      ['/metrics/2/test', 'bad_test'],
    ]);
    for (const e of result.errors) expect(e.message.ar.length).toBeGreaterThan(0);
  });

  it('refuses unknown base metrics, duplicate ids and deep nesting', () => {
    let test: unknown = { present: '/title' };
    for (let i = 0; i < 12; i++) test = { not: test };
    const result = defineProfile({
      id: 'p',
      base: 'mqa',
      weights: { nope: 1 },
      metrics: [
        { id: 'keywordAvailability', points: 1, label: msg('K'), hint: msg('K'), test: { present: '/keywords' } },
        { id: 'deep', points: 1, label: msg('D'), hint: msg('D'), test },
      ],
    });
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual(['unknown_metric', 'duplicate_id', 'too_deep']);
    expect(defineProfile('nope')).toMatchObject({ ok: false, errors: [{ code: 'not_object' }] });
  });

  it('supports any, oneOf and minLength', () => {
    const result = defineProfile({
      id: 'x',
      metrics: [
        {
          id: 'described',
          points: 2,
          label: msg('D'),
          hint: msg('D'),
          test: { any: [{ minLength: '/description', length: 20 }, { oneOf: '/frequency', values: ['http://publications.europa.eu/resource/authority/frequency/MONTHLY'] }] },
        },
      ],
    });
    if (!result.ok) throw new Error('profile');
    expect(scoreMetadata(parsed(completeInput), fullContext, result.profile).total).toBe(2);
    expect(scoreMetadata(parsed(emptyInput), fullContext, result.profile).total).toBe(2);
    expect(scoreMetadata(parsed({ ...emptyInput, description: { fr: 'court' } }), fullContext, result.profile).total).toBe(0);
  });
});
