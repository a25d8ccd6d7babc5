import { z } from 'zod';
import { MAX_ITEMS, MAX_LONG_TEXT, MAX_SHORT_TEXT } from './primitives';

// Text that people read is stored per language. French and English are trimmed and NFC-normalised
// (so "é" typed two ways compares equal); Arabic is only trimmed and otherwise kept exactly as typed:
// NFC would fold hamza and madda sequences a producer may have chosen on purpose. Search normalises
// its own copy.

const nonBlank = /\S/;

function textIn(language: 'fr' | 'ar' | 'en', max: number) {
  const base = z.string().max(max);
  const normalised = language === 'ar' ? base.trim() : base.trim().overwrite((s) => s.normalize('NFC'));
  return normalised.regex(nonBlank, { error: 'must not be blank' });
}

function multilingualOf(max: number) {
  return z
    .strictObject({
      fr: textIn('fr', max).optional(),
      ar: textIn('ar', max).optional(),
      en: textIn('en', max).optional(),
    })
    .refine((value) => value.fr !== undefined || value.ar !== undefined || value.en !== undefined, {
      error: 'needs text in at least one language (fr, ar or en)',
      params: { code: 'missing_language' },
    })
    .meta({ minProperties: 1 });
}

/** A short text (title, name, label) in fr, ar and/or en; at least one language. */
export const multilingualText = multilingualOf(MAX_SHORT_TEXT);

/** A long text (description) in fr, ar and/or en; at least one language. */
export const multilingualLongText = multilingualOf(MAX_LONG_TEXT);

function keywordsIn(language: 'fr' | 'ar' | 'en') {
  return z.array(textIn(language, 200)).max(MAX_ITEMS);
}

/** Keywords per language: `{ fr: ['budget'], ar: ['ميزانية'] }`. */
export const multilingualKeywords = z.strictObject({
  fr: keywordsIn('fr').optional(),
  ar: keywordsIn('ar').optional(),
  en: keywordsIn('en').optional(),
});

/** Text in fr, ar and/or en, with at least one of them. */
export type MultilingualText = z.infer<typeof multilingualText>;
/** Keywords per language. */
export type MultilingualKeywords = z.infer<typeof multilingualKeywords>;
