import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { formatMessage, messages } from './messages';
import type { MessageId } from './messages';

// Argument names of a parsed ICU message, nested plural/select branches included.
function argumentNames(source: string): string[] {
  const names = new Set<string>();
  const visit = (nodes: unknown[]) => {
    for (const node of nodes as { type: number; value?: string; options?: Record<string, { value: unknown[] }> }[]) {
      if (node.type >= 1 && node.type <= 6 && typeof node.value === 'string') names.add(node.value);
      for (const option of Object.values(node.options ?? {})) visit(option.value);
    }
  };
  visit(new IntlMessageFormat(source, 'en').getAst());
  return [...names].sort();
}

describe('message catalogue', () => {
  const ids = Object.keys(messages.fr) as MessageId[];

  it('has the same message ids in fr, ar and en', () => {
    expect(Object.keys(messages.ar).sort()).toEqual([...ids].sort());
    expect(Object.keys(messages.en).sort()).toEqual([...ids].sort());
  });

  it('uses the same arguments in every language', () => {
    for (const id of ids) {
      const french = argumentNames(messages.fr[id]);
      expect({ id, args: argumentNames(messages.ar[id]) }).toEqual({ id, args: french });
      expect({ id, args: argumentNames(messages.en[id]) }).toEqual({ id, args: french });
    }
  });

  it('gives every Arabic plural all six CLDR forms', () => {
    for (const id of ids) {
      const source = messages.ar[id];
      if (!source.includes(', plural,')) continue;
      for (const form of ['zero', 'one', 'two', 'few', 'many', 'other']) {
        expect({ id, hasForm: new RegExp(`\\b${form} \\{`).test(source) }).toEqual({ id, hasForm: true });
      }
    }
  });
});

describe('formatMessage', () => {
  it('selects each of the six Arabic plural forms: 0, 1, 2, 3–10, 11–99, 100+', () => {
    const probe = { 'datasets.count': '{count, plural, zero {Z} one {O} two {T} few {F#} many {M#} other {X#}}' };
    const form = (count: number) => formatMessage('ar', 'datasets.count', { count }, probe);
    expect([0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 1000].map(form)).toEqual([
      'Z', 'O', 'T', 'F3', 'F10', 'M11', 'M99', 'X100', 'X101', 'X102', 'X1.000',
    ]);
  });

  it('writes the Arabic dataset count in the grammatical form of each number', () => {
    const count = (n: number) => formatMessage('ar', 'datasets.count', { count: n });
    expect(count(0)).toBe('لا توجد مجموعات بيانات');
    expect(count(1)).toBe('مجموعة بيانات واحدة');
    expect(count(2)).toBe('مجموعتا بيانات');
    expect(count(3)).toBe('3 مجموعات بيانات');
    expect(count(10)).toBe('10 مجموعات بيانات');
    expect(count(11)).toBe('11 مجموعة بيانات');
    expect(count(99)).toBe('99 مجموعة بيانات');
    expect(count(100)).toBe('100 مجموعة بيانات');
    expect(count(2500)).toBe('2.500 مجموعة بيانات');
  });

  it('writes French and English counts with their own plural rules and number formats', () => {
    expect(formatMessage('fr', 'datasets.count', { count: 0 })).toBe('Aucun jeu de données');
    expect(formatMessage('fr', 'datasets.count', { count: 1 })).toBe('1 jeu de données');
    expect(formatMessage('fr', 'datasets.count', { count: 1520 })).toBe('1.520 jeux de données');
    expect(formatMessage('fr', 'datasets.count', { count: 1_000_000 })).toBe('1.000.000 de jeux de données');
    expect(formatMessage('en', 'datasets.count', { count: 1 })).toBe('1 dataset');
    expect(formatMessage('en', 'datasets.count', { count: 1520 })).toBe('1,520 datasets');
  });

  it('lets a portal override the wording of one message', () => {
    expect(formatMessage('fr', 'search.submit', undefined, { 'search.submit': 'Chercher' })).toBe('Chercher');
    expect(formatMessage('fr', 'search.label')).toBe('Rechercher des jeux de données');
  });

  it('throws when a message argument is missing (a programmer error)', () => {
    expect(() => formatMessage('fr', 'pagination.page')).toThrow();
  });
});
