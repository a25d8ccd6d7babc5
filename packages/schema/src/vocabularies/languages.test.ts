import { describe, expect, it } from 'vitest';
import { euLanguages } from './languages';

describe('euLanguages', () => {
  it('finds languages by ISO 639-1 code, EU code, BCP 47 tag and name', () => {
    expect(euLanguages.find('fr')?.uri).toBe('http://publications.europa.eu/resource/authority/language/FRA');
    expect(euLanguages.find('ar')?.code).toBe('ARA');
    expect(euLanguages.find('en')?.code).toBe('ENG');
    expect(euLanguages.find('FRA')?.code).toBe('FRA');
    expect(euLanguages.find('fr-MA')?.code).toBe('FRA');
    expect(euLanguages.find('ar_MA')?.code).toBe('ARA');
    expect(euLanguages.find('العربية')?.code).toBe('ARA');
    expect(euLanguages.find('Français')?.code).toBe('FRA');
    expect(euLanguages.find('francais')?.code).toBe('FRA');
  });

  it('has Tamazight as ZGH and BER', () => {
    expect(euLanguages.find('tamazight')?.code).toBe('ZGH');
    expect(euLanguages.find('zgh-Tfng')?.code).toBe('ZGH');
    expect(euLanguages.find('BER')?.labels.fr).toBe('Langues berbères');
  });

  it('has the 24 official EU languages plus Arabic and Tamazight', () => {
    const eu = ['BUL', 'CES', 'DAN', 'DEU', 'ELL', 'ENG', 'EST', 'FIN', 'FRA', 'GLE', 'HRV', 'HUN', 'ITA', 'LAV', 'LIT', 'MLT', 'NLD', 'POL', 'POR', 'RON', 'SLK', 'SLV', 'SPA', 'SWE'];
    for (const code of [...eu, 'ARA', 'ZGH', 'BER']) expect(euLanguages.find(code)?.code).toBe(code);
    expect(euLanguages.terms).toHaveLength(27);
  });

  it('answers nothing for unknown tags', () => {
    expect(euLanguages.find('xx-YY')).toBeUndefined();
    expect(euLanguages.find('klingon')).toBeUndefined();
  });
});
