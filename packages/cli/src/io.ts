// What every command shares: the interface language, localised messages and opening a catalogue.
import { openCatalog, type Catalog } from '@bayan/catalog';
import type { Language, LocalizedMessage } from '@bayan/schema';

/**
 * The interface language: LC_ALL, then LC_MESSAGES, then LANG starting with ar, en or fr (French
 * by default).
 *
 * @example
 * ```ts
 * interfaceLanguage({ LANG: 'ar_MA.UTF-8' }); // 'ar'
 * ```
 */
export function interfaceLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const code = locale.slice(0, 2).toLowerCase();
  return code === 'ar' || code === 'en' ? code : 'fr';
}

/**
 * A message in the person's language with `{name}` placeholders filled (unknown ones left as written).
 *
 * @example
 * ```ts
 * say({ fr: 'Fichier : {value}', ar: 'الملف: {value}', en: 'File: {value}' }, 'en', { value: 'a.csv' }); // 'File: a.csv'
 * ```
 */
export function say(message: LocalizedMessage, lang: Language, values: Record<string, string | number> = {}): string {
  return message[lang].replace(/\{(\w+)\}/g, (whole, key: string) => (values[key] === undefined ? whole : String(values[key])));
}

/** Where a command's catalogue lives: `--data DIR` (embedded, default `./data`) or `--database URL`. */
export interface CatalogLocationOptions {
  data?: string;
  database?: string;
}

const cannotOpen: LocalizedMessage = { fr: 'Base inaccessible : {value}', ar: 'تعذر الوصول إلى القاعدة: {value}', en: 'Cannot open the database: {value}' };

/**
 * Opens the catalogue named by the options; on failure writes why in the person's language and
 * returns undefined.
 *
 * @example
 * ```ts
 * const catalog = await openCatalogAt({ data: './data' }, console.error, 'fr');
 * ```
 */
export async function openCatalogAt(options: CatalogLocationOptions, err: (line: string) => void, lang: Language): Promise<Catalog | undefined> {
  try {
    return await openCatalog(options.database !== undefined ? { database: options.database } : { data: options.data ?? 'data' });
  } catch (error) {
    err(say(cannotOpen, lang, { value: error instanceof Error ? error.message : String(error) }));
    return undefined;
  }
}
