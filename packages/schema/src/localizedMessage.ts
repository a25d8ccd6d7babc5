/** A message a person reads, in each of Bayan's three languages. */
export interface LocalizedMessage {
  fr: string;
  ar: string;
  en: string;
}

/** Bayan's interface languages, in the order the platform prefers them. */
export const languages = ['fr', 'ar', 'en'] as const;

/** One of Bayan's interface languages: `fr`, `ar` or `en`. */
export type Language = (typeof languages)[number];
