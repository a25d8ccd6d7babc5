// One normaliser for index time and query time, so that what a person types matches what a
// producer wrote whatever the spelling variant: French accents, Arabic diacritics, tatweel,
// alef/hamza forms, ta marbuta, alef maqsura and the definite article.

const COMBINING_MARKS = /[\u0300-\u036f\u064b-\u065f\u0670\u06d6-\u06ed]/g;
const TATWEEL = /\u0640/g;
const NON_WORD = /[^\p{L}\p{N}]+/u;
const ARABIC = /[\u0600-\u06ff]/;
// و (and), ب (with), ف (so), ك (like), ل (for) glued to the article; longest first.
const ARABIC_ARTICLES = ['وال', 'بال', 'فال', 'كال', 'لل', 'ال'];

function foldCharacters(text: string): string {
  return (
    text
      .toLowerCase()
      // NFKD splits أ إ آ ؤ ئ into base letter + hamza/madda mark and é into e + accent.
      .normalize('NFKD')
      .replace(COMBINING_MARKS, '')
      .replace(TATWEEL, '')
      .replace(/\u0671/g, '\u0627')
      .replace(/\u0629/g, '\u0647')
      .replace(/\u0649/g, '\u064a')
      .replace(/\u06cc/g, '\u064a')
      .replace(/\u06a9/g, '\u0643')
      .replace(/\u0621/g, '')
      .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
      .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
      .replace(/œ/g, 'oe')
      .replace(/æ/g, 'ae')
      .replace(/ß/g, 'ss')
  );
}

function stripArabicArticle(token: string): string {
  if (!ARABIC.test(token)) return token;
  for (const article of ARABIC_ARTICLES) {
    if (token.startsWith(article) && token.length - article.length >= 2) return token.slice(article.length);
  }
  return token;
}

/**
 * Splits text into normalised search tokens: lower case, no accents or Arabic diacritics, no
 * tatweel, unified alef/hamza forms, ta marbuta as ha, alef maqsura as ya, the Arabic definite
 * article removed, Arabic-Indic digits as ASCII digits. Tokens contain only letters and digits.
 *
 * @example
 * ```ts
 * searchTokens('قـانُون المالية — Budgét'); // ['قانون', 'ماليه', 'budget']
 * ```
 */
export function searchTokens(text: string, maxTokens = 100_000): string[] {
  const tokens: string[] = [];
  for (const raw of foldCharacters(text).split(NON_WORD)) {
    if (raw === '') continue;
    tokens.push(stripArabicArticle(raw).slice(0, 64));
    if (tokens.length >= maxTokens) break;
  }
  return tokens;
}

/**
 * Normalises text for the search index: {@link searchTokens} joined by single spaces.
 *
 * @example
 * ```ts
 * normalizeSearchText('Économie   et FINANCES'); // 'economie et finances'
 * ```
 */
export function normalizeSearchText(text: string): string {
  return searchTokens(text).join(' ');
}
