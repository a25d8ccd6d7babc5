// What every command shares: the interface language, localised messages and opening a catalogue.
import { readFileSync, statSync } from 'node:fs';
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

const inputMessages = {
  notFound: { fr: 'Fichier introuvable ou illisible : {file}', ar: 'الملف غير موجود أو غير مقروء: {file}', en: 'File not found or unreadable: {file}' },
  tooBig: { fr: 'Fichier trop volumineux ({mb} Mo au plus) : {file}', ar: 'الملف كبير جدا ({mb} ميغابايت على الأكثر): {file}', en: 'File too large ({mb} MB at most): {file}' },
} satisfies Record<string, LocalizedMessage>;

/**
 * Reads a command's text input: a file, or standard input for `-`, at most `maxBytes` (default
 * 50 MiB), without its byte-order mark. On failure writes why in the person's language and
 * returns `{ ok: false }`.
 *
 * @example
 * ```ts
 * const input = readTextInput('dataset.json', 'fr', { err: console.error });
 * if (input.ok) JSON.parse(input.text);
 * ```
 */
export function readTextInput(file: string, lang: Language, io: { err: (line: string) => void; stdin?: () => string }, maxBytes = 50 * 1024 * 1024): { ok: true; text: string } | { ok: false } {
  const mb = Math.round(maxBytes / (1024 * 1024));
  let text: string;
  try {
    if (file === '-') {
      text = (io.stdin ?? (() => readFileSync(0, 'utf8')))();
    } else {
      if (statSync(file).size > maxBytes) {
        io.err(say(inputMessages.tooBig, lang, { file, mb }));
        return { ok: false };
      }
      text = readFileSync(file, 'utf8');
    }
  } catch {
    io.err(say(inputMessages.notFound, lang, { file }));
    return { ok: false };
  }
  if (text.length > maxBytes) {
    io.err(say(inputMessages.tooBig, lang, { file, mb }));
    return { ok: false };
  }
  return { ok: true, text: text.replace(/^\uFEFF/, '') };
}
