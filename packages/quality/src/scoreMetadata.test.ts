import { describe, expect, it } from 'vitest';
import { completeDistribution, completeInput, CSV, emptyInput, FILE_URL, fullContext, PAGE_URL, parsed, XLSX } from './fixtures/datasets';
import { MQA_MAX, mqaMetrics } from './mqaMetrics';
import { scoreMetadata } from './scoreMetadata';

const gainSum = (report: ReturnType<typeof scoreMetadata>) => report.hints.reduce((sum, h) => sum + h.gain, 0);
const metric = (report: ReturnType<typeof scoreMetadata>, id: string) => report.metrics.find((m) => m.id === id)!;

describe('scoreMetadata (mqa)', () => {
  it('gives a complete dataset 405 and no hint', () => {
    const report = scoreMetadata(parsed(completeInput), fullContext);
    expect(report.total).toBe(405);
    expect(report.max).toBe(MQA_MAX);
    expect(report.band).toBe('excellent');
    expect(report.hints).toEqual([]);
    expect(report.dimensions.map((d) => [d.id, d.points, d.max])).toEqual([
      ['findability', 100, 100],
      ['accessibility', 100, 100],
      ['interoperability', 110, 110],
      ['reusability', 75, 75],
      ['contextuality', 20, 20],
    ]);
    expect(report.metrics.every((m) => m.status === 'earned')).toBe(true);
  });

  it('gives an empty-but-valid dataset 0, band bad, with one merged hint for the missing distribution', () => {
    const report = scoreMetadata(parsed(emptyInput), { now: '2024-06-15' });
    expect(report.total).toBe(0);
    expect(report.band).toBe('bad');
    expect(report.metrics).toHaveLength(23);
    expect(gainSum(report)).toBe(405);
    const noDistribution = report.hints.find((h) => h.key === 'no_distribution')!;
    // Every distribution-level metric: accessibility 100, interoperability 80, licence 30, rights + size 10.
    expect(noDistribution.gain).toBe(220);
    expect(noDistribution.pointer).toBe('/distributions');
    expect(report.hints[0]).toBe(noDistribution);
    expect(report.hints.find((h) => h.key === 'compliance_unknown')?.gain).toBe(30);
    expect(metric(report, 'dcatApCompliance').status).toBe('unchecked');
    // Dates are dataset/distribution metrics: without distributions, the dataset's own field.
    expect(metric(report, 'dateIssuedAvailability').pointer).toBe('/issued');
  });

  it('earns DCAT-AP compliance on an empty dataset when the context says it passes', () => {
    expect(scoreMetadata(parsed(emptyInput), { dcatApCompliant: true }).total).toBe(30);
  });

  it('gives a dataset missing only keywords 375 with the hint "add keywords: +30" first', () => {
    const { keywords: _keywords, ...withoutKeywords } = completeInput;
    const report = scoreMetadata(parsed(withoutKeywords), fullContext);
    expect(report.total).toBe(375);
    expect(report.band).toBe('excellent');
    expect(report.hints).toHaveLength(1);
    expect(report.hints[0]).toMatchObject({ gain: 30, pointer: '/keywords', metrics: ['keywordAvailability'] });
    expect(report.hints[0]!.message.en).toBe('Add at least one keyword.');
    expect(metric(report, 'keywordAvailability')).toMatchObject({ points: 0, max: 30, status: 'missed', reason: { code: 'missing' } });
  });

  it('gives one hint for an empty field that several metrics read', () => {
    const { accessRights: _accessRights, ...withoutAccessRights } = completeInput;
    const report = scoreMetadata(parsed(withoutAccessRights), fullContext);
    expect(report.total).toBe(390);
    expect(report.hints).toHaveLength(1);
    expect(report.hints[0]).toMatchObject({ gain: 15, pointer: '/accessRights', metrics: ['accessRightsAvailability', 'accessRightsVocabularyAlignment'] });
  });

  it('asks once for a download URL, with the points of both download metrics', () => {
    const { downloadUrl: _downloadUrl, ...noDownload } = completeDistribution;
    const report = scoreMetadata(parsed({ ...completeInput, distributions: [noDownload] }), fullContext);
    expect(report.total).toBe(355);
    expect(report.hints).toHaveLength(1);
    expect(report.hints[0]).toMatchObject({ gain: 50, pointer: '/distributions/0/downloadUrl', metrics: ['downloadUrlAvailability', 'downloadUrlStatusCode'] });
  });

  it('counts keywords in any language but not blank ones', () => {
    const arabicOnly = scoreMetadata(parsed({ ...completeInput, keywords: { ar: ['ميزانية'] } }), fullContext);
    expect(arabicOnly.total).toBe(405);
    const empty = scoreMetadata(parsed({ ...completeInput, keywords: { fr: [] } }), fullContext);
    expect(empty.total).toBe(375);
  });

  describe('two distributions that differ', () => {
    const minimal = { accessUrl: PAGE_URL };
    const dataset = parsed({ ...completeInput, distributions: [completeDistribution, minimal] });

    it('scores from the best distribution, with penalties for the one without format and media type (best)', () => {
      const report = scoreMetadata(dataset, fullContext);
      expect(report.aggregation).toBe('best');
      expect(metric(report, 'formatAvailability')).toMatchObject({ points: 15, max: 20, status: 'partial', pointer: '/distributions/1/format' });
      expect(metric(report, 'formatAvailability').reason?.code).toBe('missing_on_some');
      expect(metric(report, 'formatAvailability').reason?.message.en).toBe('Distributions without it: 1 of 2.');
      expect(metric(report, 'mediaTypeAvailability').points).toBe(5);
      expect(metric(report, 'licenceAvailability').points).toBe(20);
      expect(report.total).toBe(395);
      expect(gainSum(report)).toBe(10);
    });

    it('scores the share of distributions that pass (proportional)', () => {
      const report = scoreMetadata(dataset, { ...fullContext, aggregation: 'proportional' });
      expect(report.aggregation).toBe('proportional');
      expect(metric(report, 'accessUrlStatusCode').points).toBe(50);
      expect(metric(report, 'downloadUrlAvailability').points).toBe(10);
      expect(metric(report, 'downloadUrlStatusCode').points).toBe(15);
      expect(metric(report, 'formatAvailability').points).toBe(10);
      expect(metric(report, 'rightsAvailability').points).toBe(3); // 2.5 rounds half up
      expect(metric(report, 'dateIssuedAvailability').points).toBe(5); // the dataset's own date covers both
      // Dataset metrics 175 + distribution metrics 146.
      expect(report.total).toBe(321);
      expect(report.band).toBe('good');
      expect(gainSum(report)).toBe(405 - 321);
      expect(metric(report, 'licenceAvailability').pointers).toEqual(['/distributions/1/license']);
    });
  });

  describe('penalties for distributions without format and media type', () => {
    it('takes 5 points per distribution without each', () => {
      const bare = { accessUrl: FILE_URL, downloadUrl: FILE_URL, license: completeDistribution.license, rights: completeDistribution.rights, byteSize: 1 };
      const report = scoreMetadata(parsed({ ...completeInput, distributions: [completeDistribution, bare, bare] }), fullContext);
      expect(metric(report, 'formatAvailability').points).toBe(10);
      expect(metric(report, 'mediaTypeAvailability').points).toBe(0);
      expect(metric(report, 'formatAvailability').pointers).toEqual(['/distributions/1/format', '/distributions/2/format']);
      expect(report.total).toBe(385);
    });

    it('never takes a metric below 0', () => {
      const bare = { accessUrl: FILE_URL };
      const report = scoreMetadata(parsed({ ...completeInput, distributions: [completeDistribution, bare, bare, bare, bare, bare] }), fullContext);
      expect(metric(report, 'formatAvailability').points).toBe(0);
      expect(metric(report, 'mediaTypeAvailability').points).toBe(0);
      expect(report.total).toBeGreaterThanOrEqual(0);
      expect(gainSum(report)).toBe(405 - report.total);
    });

    it('applies no penalty under proportional aggregation', () => {
      const bare = { accessUrl: FILE_URL, downloadUrl: FILE_URL, license: completeDistribution.license, rights: completeDistribution.rights, byteSize: 1 };
      const report = scoreMetadata(parsed({ ...completeInput, distributions: [completeDistribution, bare] }), { ...fullContext, aggregation: 'proportional' });
      expect(metric(report, 'formatAvailability').points).toBe(10);
      expect(metric(report, 'mediaTypeAvailability').points).toBe(5);
    });
  });

  describe('links', () => {
    it('does not earn link metrics that were not checked, and asks for a link check once', () => {
      const report = scoreMetadata(parsed(completeInput), { dcatApCompliant: true });
      expect(report.total).toBe(325);
      expect(metric(report, 'accessUrlStatusCode')).toMatchObject({ status: 'unchecked', reason: { code: 'not_checked' } });
      expect(report.hints).toHaveLength(1);
      expect(report.hints[0]).toMatchObject({ key: 'not_checked', gain: 80, metrics: ['accessUrlStatusCode', 'downloadUrlStatusCode'] });
      expect(report.hints[0]!.message.fr).toBe('Lancez la vérification des liens.');
    });

    it('reports the status code of a broken link', () => {
      const report = scoreMetadata(parsed(completeInput), { ...fullContext, links: { [FILE_URL]: { status: 404 } } });
      expect(metric(report, 'accessUrlStatusCode').reason?.code).toBe('unreachable');
      expect(metric(report, 'accessUrlStatusCode').reason?.message.en).toContain('404');
      expect(metric(report, 'accessUrlStatusCode').status).toBe('missed');
    });

    it('treats 3xx as reachable and a network error as broken', () => {
      expect(scoreMetadata(parsed(completeInput), { ...fullContext, links: new Map([[FILE_URL, 301]]) }).total).toBe(405);
      const report = scoreMetadata(parsed(completeInput), { ...fullContext, links: { [FILE_URL]: { error: 'ETIMEDOUT' } } });
      expect(metric(report, 'downloadUrlStatusCode').reason?.code).toBe('link_error');
    });
  });

  describe('formats and licences', () => {
    it('finds XLSX machine-readable but proprietary', () => {
      const xlsx = { ...completeDistribution, format: XLSX, mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
      const report = scoreMetadata(parsed({ ...completeInput, distributions: [xlsx] }), fullContext);
      expect(metric(report, 'formatMediaTypeNonProprietary')).toMatchObject({ points: 0, reason: { code: 'proprietary' } });
      expect(metric(report, 'formatMediaTypeMachineInterpretable').points).toBe(20);
      expect(report.total).toBe(385);
    });

    it('needs both format and media type from vocabularies for alignment', () => {
      const unknown = { ...completeDistribution, format: 'http://publications.europa.eu/resource/authority/file-type/NOT_A_TYPE' };
      const report = scoreMetadata(parsed({ ...completeInput, distributions: [unknown] }), fullContext);
      expect(metric(report, 'formatMediaTypeVocabularyAlignment').reason?.code).toBe('not_in_vocabulary');
      // text/csv still tells the format is open and machine-readable.
      expect(metric(report, 'formatMediaTypeNonProprietary').points).toBe(20);
    });

    it('does not know an arbitrary licence URL', () => {
      const report = scoreMetadata(parsed({ ...completeInput, distributions: [{ ...completeDistribution, license: 'https://example.org/my-terms' }] }), fullContext);
      expect(metric(report, 'licenceAvailability').points).toBe(20);
      expect(metric(report, 'knownLicence')).toMatchObject({ points: 0, reason: { code: 'unknown_licence' } });
    });

    it('uses a national licence registry from the context', () => {
      const national = { uri: 'https://example.org/my-terms', code: 'MA', open: true };
      const report = scoreMetadata(parsed({ ...completeInput, distributions: [{ ...completeDistribution, license: national.uri }] }), {
        ...fullContext,
        licences: { find: (text) => (text === national.uri ? national : undefined) },
      });
      expect(report.total).toBe(405);
    });
  });

  it('reports timeliness from the frequency and the last modification', () => {
    const report = scoreMetadata(parsed(completeInput), { ...fullContext, now: '2024-09-01' });
    expect(report.timeliness).toMatchObject({ status: 'overdue', upToDate: false, nextUpdateDue: '2024-07-01T00:00:00.000Z', overdueDays: 62 });
  });

  it('carries the dataset id and the scoring time', () => {
    const report = scoreMetadata(parsed(completeInput), fullContext);
    expect(report.datasetId).toBe('budget-2024');
    expect(report.scoredAt).toBe('2024-06-15T00:00:00.000Z');
    expect(report.profile).toBe('mqa');
  });

  it('does not crash on a record that is not a dataset', () => {
    const report = scoreMetadata({ distributions: 'nope', keywords: 5 } as never, { now: '2024-01-01' });
    expect(report.total).toBe(0);
    expect(scoreMetadata(null as never).total).toBe(0);
  });

  it('sums metrics to dimensions and to the total for every scenario above', () => {
    const report = scoreMetadata(parsed({ ...completeInput, distributions: [completeDistribution, { accessUrl: PAGE_URL, format: CSV }] }), fullContext);
    expect(report.dimensions.reduce((s, d) => s + d.points, 0)).toBe(report.total);
    expect(report.metrics.reduce((s, m) => s + m.points, 0)).toBe(report.total);
    expect(report.metrics.map((m) => m.id)).toEqual(mqaMetrics.map((m) => m.id));
  });
});
