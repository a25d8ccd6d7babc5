import { describe, expect, it } from 'vitest';
import { pickLanguage } from './language';

describe('pickLanguage', () => {
  it('picks the supported language with the highest quality', () => {
    expect(pickLanguage('en-US,en;q=0.9,ar;q=0.8')).toBe('en');
    expect(pickLanguage('de-DE, ar-MA;q=0.9, fr;q=0.5')).toBe('ar');
    expect(pickLanguage('fr-MA')).toBe('fr');
  });

  it('falls back to French for missing, unsupported or malformed headers', () => {
    expect(pickLanguage(undefined)).toBe('fr');
    expect(pickLanguage('de, es;q=0.4')).toBe('fr');
    expect(pickLanguage(';;;,,,q=abc')).toBe('fr');
    expect(pickLanguage('x'.repeat(100_000))).toBe('fr');
  });
});
