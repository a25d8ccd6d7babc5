import { describe, expect, it } from 'vitest';
import { completeDistribution, completeInput, emptyInput, FILE_URL, fullContext, parsed, PDF } from './fixtures/datasets';
import { scoreMetadata } from './scoreMetadata';

const LONG = 'Le budget général de l’État pour l’année 2024, par ministère, par chapitre et par article, en dirhams courants, tel que voté.';

describe('scoreMetadata with the udata profile', () => {
  it('scores a dataset that meets the nine criteria 9 out of 9', () => {
    const dataset = parsed({ ...completeInput, description: { fr: LONG }, distributions: [{ ...completeDistribution, description: { fr: 'Fichier CSV, une ligne par article.' } }] });
    const report = scoreMetadata(dataset, fullContext, 'udata');
    expect(report.profile).toBe('udata');
    expect(report.metrics.filter((m) => m.points === 0).map((m) => m.id)).toEqual([]);
    expect([report.total, report.max, report.band]).toEqual([9, 9, 'excellent']);
  });

  it('fails the three resource criteria, and the licence, without resources; hints add up', () => {
    const report = scoreMetadata(parsed(emptyInput), { now: '2024-01-01' }, 'udata');
    expect(report.total).toBe(0);
    const addResource = report.hints.find((h) => h.key === 'no_distribution')!;
    expect(addResource.metrics).toEqual(['license', 'hasOpenFormat', 'allResourcesAvailable', 'resourcesDocumentation']);
    expect(report.hints.reduce((s, h) => s + h.gain, 0)).toBe(9);
  });

  it('counts PDF, DOC, XLS(X) as closed formats', () => {
    const pdf = parsed({ ...completeInput, distributions: [{ ...completeDistribution, accessUrl: 'https://x.ma/f.pdf', downloadUrl: 'https://x.ma/f.pdf', format: PDF, mediaType: 'application/pdf' }] });
    const report = scoreMetadata(pdf, { ...fullContext, links: { 'https://x.ma/f.pdf': 200 } }, 'udata');
    expect(report.metrics.find((m) => m.id === 'hasOpenFormat')?.points).toBe(0);
  });

  it('fails "updated on time" when the expected update is overdue, and the description under 101 characters', () => {
    const report = scoreMetadata(parsed(completeInput), { ...fullContext, now: '2025-01-01' }, 'udata');
    expect(report.metrics.find((m) => m.id === 'updateFulfilledInTime')?.points).toBe(0);
    expect(report.metrics.find((m) => m.id === 'descriptionLength')?.points).toBe(0);
  });

  it('needs every link checked and reachable', () => {
    const broken = scoreMetadata(parsed(completeInput), { ...fullContext, links: { [FILE_URL]: 500 } }, 'udata');
    expect(broken.metrics.find((m) => m.id === 'allResourcesAvailable')).toMatchObject({ points: 0, status: 'missed', reason: { code: 'missing' } });
    const unchecked = scoreMetadata(parsed(completeInput), { now: fullContext.now }, 'udata');
    expect(unchecked.metrics.find((m) => m.id === 'allResourcesAvailable')).toMatchObject({ points: 0, status: 'unchecked', reason: { code: 'not_checked' } });
    expect(unchecked.hints.find((h) => h.key === 'not_checked')?.message.en).toBe('Run the link check.');
  });
});
