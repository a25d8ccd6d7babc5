import { describe, expect, it } from 'vitest';
import { normalizeSearchText, searchTokens } from './normalize';

describe('searchTokens', () => {
  it('removes tatweel and diacritics from Arabic', () => {
    expect(searchTokens('قـانُونٌ')).toEqual(searchTokens('قانون'));
  });

  it('unifies alef and hamza forms, ta marbuta and alef maqsura', () => {
    expect(normalizeSearchText('أحمد إحصاء آمال مدرسة مستشفى')).toBe(normalizeSearchText('احمد احصاء امال مدرسه مستشفي'));
  });

  it('drops the Arabic definite article and its clitics', () => {
    expect(searchTokens('المالية والمالية للمالية')).toEqual(['ماليه', 'ماليه', 'ماليه']);
  });

  it('keeps a short word that only looks like an article', () => {
    expect(searchTokens('ال')).toEqual(['ال']);
  });

  it('folds French accents and case', () => {
    expect(normalizeSearchText('Budgét ÉCOLES Œuvre')).toBe('budget ecoles oeuvre');
  });

  it('turns Arabic-Indic digits into ASCII digits', () => {
    expect(searchTokens('٢٠٢٤')).toEqual(['2024']);
  });

  it('never lets punctuation or query syntax through', () => {
    expect(searchTokens('a" OR 1=1; -- * (x) :y')).toEqual(['a', 'or', '1', '1', 'x', 'y']);
  });
});
