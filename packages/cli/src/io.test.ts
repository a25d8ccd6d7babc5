import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interfaceLanguage, openCatalogAt, readTextInput, say } from './io';

describe('interfaceLanguage', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG, French by default', () => {
    expect(interfaceLanguage({ LC_ALL: 'ar_MA.UTF-8', LANG: 'en_US' })).toBe('ar');
    expect(interfaceLanguage({ LC_MESSAGES: 'en_US.UTF-8', LANG: 'ar_MA' })).toBe('en');
    expect(interfaceLanguage({ LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(interfaceLanguage({ LANG: 'de_DE' })).toBe('fr');
    expect(interfaceLanguage({})).toBe('fr');
  });
});

describe('say', () => {
  const message = { fr: 'Fichier : {value} ({n})', ar: 'الملف: {value} ({n})', en: 'File: {value} ({n})' };
  it('fills placeholders in the chosen language and leaves unknown ones as written', () => {
    expect(say(message, 'ar', { value: 'ميزانية.csv', n: 3 })).toBe('الملف: ميزانية.csv (3)');
    expect(say(message, 'en', { value: 'a.csv' })).toBe('File: a.csv ({n})');
  });
});

describe('openCatalogAt', () => {
  it('opens an embedded catalogue, and says in the person’s language why one cannot be opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bayan-cli-io-'));
    try {
      const catalog = await openCatalogAt({ data: join(dir, 'data') }, () => undefined, 'fr');
      expect(catalog?.backend).toBe('sqlite');
      await catalog?.close();
      // A file where the data folder should be.
      writeFileSync(join(dir, 'file'), 'x');
      const errors: string[] = [];
      expect(await openCatalogAt({ data: join(dir, 'file') }, (line) => errors.push(line), 'ar')).toBeUndefined();
      expect(errors[0]).toMatch(/^تعذر الوصول إلى القاعدة: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('readTextInput', () => {
  it('reads a file or standard input without its BOM, and refuses missing or oversized files in the person’s language', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bayan-cli-input-'));
    try {
      const file = join(dir, 'a.json');
      writeFileSync(file, '\uFEFF{"a":1}');
      const errors: string[] = [];
      const io = { err: (line: string) => errors.push(line), stdin: () => '{"b":2}' };
      expect(readTextInput(file, 'fr', io)).toEqual({ ok: true, text: '{"a":1}' });
      expect(readTextInput('-', 'fr', io)).toEqual({ ok: true, text: '{"b":2}' });
      expect(readTextInput(join(dir, 'missing.json'), 'ar', io).ok).toBe(false);
      expect(readTextInput(file, 'en', io, 4).ok).toBe(false);
      expect(errors).toEqual([`الملف غير موجود أو غير مقروء: ${join(dir, 'missing.json')}`, `File too large (0 MB at most): ${file}`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
