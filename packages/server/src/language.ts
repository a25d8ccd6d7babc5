import type { Language } from '@bayan/schema';

const SUPPORTED: readonly Language[] = ['fr', 'ar', 'en'];

/**
 * The language to answer in, from an `Accept-Language` header (RFC 9110 §12.5.4): the supported
 * language (fr, ar, en) with the highest quality value; French when none is acceptable or the
 * header is missing or malformed. The header is read up to 512 characters.
 *
 * @example
 * ```ts
 * pickLanguage('ar-MA,ar;q=0.9,fr;q=0.8'); // 'ar'
 * pickLanguage('de-DE'); // 'fr'
 * ```
 */
export function pickLanguage(header: string | undefined | null, fallback: Language = 'fr'): Language {
  if (!header) return fallback;
  let best: Language | undefined;
  let bestQ = 0;
  for (const part of header.slice(0, 512).split(',', 32)) {
    const [rawTag = '', ...params] = part.trim().split(';');
    const tag = rawTag.trim().toLowerCase();
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/.exec(p);
      if (m) q = Number(m[1]);
    }
    const primary = tag.split('-')[0] as Language;
    const lang = SUPPORTED.includes(primary) ? primary : tag === '*' ? fallback : undefined;
    if (lang && q > bestQ) {
      best = lang;
      bestQ = q;
    }
  }
  return best ?? fallback;
}
