import { describe, expect, it } from 'vitest';
import { createLicenceRegistry, licences } from './licences';

describe('licences', () => {
  it('maps CKAN licence ids onto licence URIs', () => {
    expect(licences.find('odc-odbl')?.uri).toBe('http://publications.europa.eu/resource/authority/licence/ODC_BL');
    expect(licences.find('cc-by')?.code).toBe('CC_BY_4_0');
    expect(licences.find('cc-by-sa')?.code).toBe('CC_BYSA_4_0');
    expect(licences.find('cc-zero')?.code).toBe('CC0');
    expect(licences.find('odc-pddl')?.code).toBe('ODC_PDDL');
    expect(licences.find('odc-by')?.code).toBe('ODC_BY');
    expect(licences.find('other-closed')?.open).toBe(false);
    expect(licences.find('notspecified')?.open).toBe(false);
  });

  it('knows the standard licences by SPDX id, URL and label', () => {
    expect(licences.find('ODbL-1.0')?.code).toBe('ODC_BL');
    expect(licences.find('https://creativecommons.org/licenses/by/4.0/')?.code).toBe('CC_BY_4_0');
    expect(licences.find('http://creativecommons.org/licenses/by/4.0/')?.code).toBe('CC_BY_4_0');
    expect(licences.find('Licence Ouverte')?.code).toBe('ETALAB_2_0');
    expect(licences.find('etalab-2.0')?.open).toBe(true);
  });

  it('flags non-commercial and no-derivatives licences as not open', () => {
    expect(licences.find('cc-nc')?.open).toBe(false);
    expect(licences.find('CC_BYND_4_0')?.open).toBe(false);
    expect(licences.find('CC0')?.open).toBe(true);
  });

  it('registers a national licence beside the standard ones', () => {
    const registry = createLicenceRegistry([
      { uri: 'https://data.gov.ma/licence-ouverte', code: 'MA_LO_1_0', open: true, aliases: ['ma-lo'], labels: { fr: 'Licence ouverte marocaine', ar: 'الرخصة المفتوحة المغربية', en: 'Moroccan open licence' } },
    ]);
    expect(registry.find('ma-lo')?.uri).toBe('https://data.gov.ma/licence-ouverte');
    expect(registry.find('الرخصة المفتوحة المغربية')?.code).toBe('MA_LO_1_0');
    expect(registry.find('odc-odbl')?.code).toBe('ODC_BL');
    expect(licences.find('ma-lo')).toBeUndefined();
  });

  it('does not let an extra licence hide a standard one', () => {
    const registry = createLicenceRegistry([{ uri: 'https://example.org/x', code: 'X', open: false, aliases: ['cc-by'], labels: { fr: 'X', ar: 'X', en: 'X' } }]);
    expect(registry.find('cc-by')?.code).toBe('CC_BY_4_0');
  });
});
