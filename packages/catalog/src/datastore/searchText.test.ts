import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeSearchText } from '../search/normalize';
import { ColumnNormalizer, joinSearchText, MAX_SEARCH_TEXT, normalizeCell } from './searchText';

// Text made of what datastore cells hold: ASCII, French accents, Arabic with diacritics and
// tatweel, punctuation, digits, long words.
const pieces = fc.constantFrom('a', 'Z', 'é', 'É', 'œ', 'Æ', 'ß', 'ç', 'ï', 'ø', 'ł', 'İ', 'ı', 'º', '½', '°', '«', '»', '—', '…', '\u200b', ' ', '-', '’', '.', '_', '7', '٣', 'ال', 'قـ', 'أ', 'ة', 'ى', 'ُ', 'ء', '\u00a0', '\u00ad', '\t', 'Σ', 'ﬁ', 'e\u0301', 'x'.repeat(70), 'é'.repeat(66));
// Latin-only text too, so that the Latin path is taken often (one Arabic letter sends a cell to the full normaliser).
const latin = fc.string({ unit: fc.integer({ min: 0, max: 0x24f }).map((c) => String.fromCharCode(c)), maxLength: 12 });
const cellText = fc.array(fc.oneof(pieces, latin, fc.string({ maxLength: 4 })), { maxLength: 12 }).map((parts) => parts.join(''));

describe('datastore search text', () => {
  it('normalises one cell exactly as the search normaliser does', () => {
    fc.assert(
      fc.property(cellText, (text) => {
        expect(normalizeCell(text)).toBe(normalizeSearchText(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('joins cells normalised one by one into the normalised text of the joined cells', () => {
    fc.assert(
      fc.property(fc.array(cellText, { maxLength: 5 }), (cells) => {
        expect(joinSearchText(cells.map(normalizeCell))).toBe(normalizeSearchText(cells.join(' ')));
      }),
      { numRuns: 2000 },
    );
  });

  it('cuts the row text at the maximum length', () => {
    const cell = normalizeCell('mot '.repeat(3000));
    const joined = joinSearchText([cell, cell]);
    expect(joined).toHaveLength(MAX_SEARCH_TEXT);
    expect(joined).toBe(normalizeSearchText(`${'mot '.repeat(3000)} ${'mot '.repeat(3000)}`).slice(0, MAX_SEARCH_TEXT));
  });

  it('normalises a column of random cells, word by word where it must, as the search normaliser does', () => {
    const arabic = fc.string({ unit: fc.integer({ min: 0x0600, max: 0x06ff }).map((c) => String.fromCharCode(c)), maxLength: 8 });
    const words = fc.array(fc.oneof(cellText, arabic, fc.constantFrom('وال', 'بالمدرسة', 'للطفل', 'الـمـدرسة', 'Σ', 'ΟΔΟΣ')), { maxLength: 6 }).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(fc.array(words, { minLength: 1, maxLength: 40 }), (cells) => {
        const normalizer = new ColumnNormalizer();
        for (const cell of [...cells, ...cells]) expect(normalizer.normalize(cell)).toBe(normalizeSearchText(cell));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same text for a repeated cell and for a column of distinct cells', () => {
    const normalizer = new ColumnNormalizer();
    for (let i = 0; i < 30_000; i++) {
      const text = i % 3 === 0 ? 'Tanger-Tétouan-Al Hoceïma' : i % 3 === 1 ? `Commune n° ${i} — Hay Salam` : `مدرسة رقم ${i} — حي السلام`;
      expect(normalizer.normalize(text)).toBe(normalizeSearchText(text));
    }
  });
});
