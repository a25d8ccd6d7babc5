import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatNumber, isoDate } from './format';
import { directionOf, formattingLocale, isLocale } from './locale';

describe('formatNumber', () => {
  it('formats for fr-MA, ar-MA (Latin digits) and en', () => {
    expect(formatNumber(1234567.5, 'fr')).toBe('1.234.567,5');
    expect(formatNumber(1234567.5, 'ar')).toBe('1.234.567,5');
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
  });

  it('passes Intl options through', () => {
    expect(formatNumber(0.42, 'en', { style: 'percent' })).toBe('42%');
  });
});

describe('formatDate', () => {
  it('writes the long date with Moroccan month names', () => {
    expect(formatDate('2026-07-14', 'fr')).toBe('14 juillet 2026');
    expect(formatDate('2026-07-14', 'ar')).toBe('14 يوليوز 2026');
    expect(formatDate('2026-07-14', 'en')).toBe('July 14, 2026');
  });

  it('uses UTC by default so a date near midnight keeps its day', () => {
    expect(formatDate('2026-07-14T23:30:00Z', 'en', { style: 'short' })).toBe('7/14/26');
  });

  it('returns an empty string for an unreadable date', () => {
    expect(formatDate('not a date', 'fr')).toBe('');
    expect(isoDate('not a date')).toBeUndefined();
  });

  it('gives the ISO day for <time dateTime>', () => {
    expect(isoDate('2026-07-14T10:00:00Z')).toBe('2026-07-14');
  });
});

describe('formatBytes', () => {
  it('uses decimal units, localised', () => {
    expect(formatBytes(1_250_000, 'fr')).toBe('1,3\u202fMo');
    expect(formatBytes(1_250_000, 'en')).toBe('1.3 MB');
    expect(formatBytes(512, 'en')).toBe('512 bytes');
    expect(formatBytes(512, 'fr')).toBe('512\u00a0octets');
    expect(formatBytes(3_200_000_000, 'en')).toBe('3.2 GB');
  });

  it('gives an empty string for impossible sizes', () => {
    expect(formatBytes(-1, 'fr')).toBe('');
    expect(formatBytes(Number.NaN, 'fr')).toBe('');
  });
});

describe('locales', () => {
  it('maps each locale to its formatting tag and direction', () => {
    expect(formattingLocale('ar')).toBe('ar-MA');
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('fr')).toBe('ltr');
    expect(isLocale('en')).toBe(true);
    expect(isLocale('de')).toBe(false);
  });
});
