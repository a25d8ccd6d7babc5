import { describe, expect, it } from 'vitest';
import { accessRights } from './accessRights';
import { distributionStatuses, plannedAvailabilities } from './distributionStatuses';
import { frequencies } from './frequencies';
import { createLocalThemes } from './localThemes';
import { dataThemes } from './themes';
import { createVocabulary, foldForLookup } from './vocabulary';

describe('createVocabulary', () => {
  it('lets a code win over another term’s alias whatever the order of terms', () => {
    const v = createVocabulary('t', 'https://example.org/t', [
      { uri: 'https://example.org/t/A', code: 'A', labels: { fr: 'a', ar: 'أ', en: 'a' }, aliases: ['b'] },
      { uri: 'https://example.org/t/B', code: 'B', labels: { fr: 'bé', ar: 'ب', en: 'bee' } },
    ]);
    expect(v.find('b')?.code).toBe('B');
    expect(v.find('BEE')?.code).toBe('B');
  });

  it('ignores case, accents, Arabic diacritics and hyphen/underscore spelling', () => {
    expect(dataThemes.find('ÉCONOMIE ET FINANCES')?.code).toBe('ECON');
    expect(dataThemes.find('الإقتصاد والمالية')?.code).toBe('ECON');
    expect(dataThemes.find('الطَّاقة')?.code).toBe('ENER');
    expect(frequencies.find('annual-2')?.code).toBe('ANNUAL_2');
    expect(foldForLookup('Économie')).toBe('economie');
  });

  it('finds by URI and reports membership', () => {
    const uri = 'http://publications.europa.eu/resource/authority/access-right/PUBLIC';
    expect(accessRights.byUri(uri)?.code).toBe('PUBLIC');
    expect(accessRights.has(uri)).toBe(true);
    expect(accessRights.has(`${uri}X`)).toBe(false);
  });

  it('has the 13 EU data themes with labels in fr, ar and en', () => {
    expect(dataThemes.terms).toHaveLength(13);
    for (const t of dataThemes.terms) expect(Object.keys(t.labels).sort()).toEqual(['ar', 'en', 'fr']);
  });

  it('has the distribution statuses and planned availabilities', () => {
    expect(distributionStatuses.find('deprecated')?.code).toBe('DEPRECATED');
    expect(distributionStatuses.terms).toHaveLength(4);
    expect(plannedAvailabilities.find('Stable')?.uri).toBe('http://publications.europa.eu/resource/authority/planned-availability/STABLE');
  });
});

describe('createLocalThemes', () => {
  const themes = createLocalThemes([
    { id: 'finances-publiques', labels: { fr: 'Finances publiques', ar: 'المالية العمومية', en: 'Public finance' }, euTheme: 'ECON', aliases: ['finances'] },
    { id: 'eau', labels: { fr: 'Eau', ar: 'الماء', en: 'Water' }, euTheme: ['ENVI', 'http://publications.europa.eu/resource/authority/data-theme/AGRI'] },
  ]);

  it('maps local themes onto EU themes without duplicates', () => {
    expect(themes.toEuThemes(['finances-publiques', 'eau', 'finances', 'inconnu'])).toEqual([
      'http://publications.europa.eu/resource/authority/data-theme/ECON',
      'http://publications.europa.eu/resource/authority/data-theme/ENVI',
      'http://publications.europa.eu/resource/authority/data-theme/AGRI',
    ]);
  });

  it('finds a local theme by its Arabic label', () => {
    expect(themes.find('المالية العمومية')?.code).toBe('finances-publiques');
  });

  it('refuses a declaration naming an EU theme that does not exist', () => {
    expect(() => createLocalThemes([{ id: 'x1', labels: { fr: 'x', ar: 'x', en: 'x' }, euTheme: 'NOPE' }])).toThrow(/NOPE/);
  });
});
