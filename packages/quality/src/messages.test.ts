import { describe, expect, it } from 'vitest';
import {
  bandLabels,
  dataClassMessages,
  dataMessages,
  dimensionLabels,
  mqaMetricMessages,
  opennessMessages,
  profileErrorMessages,
  reasonHints,
  reasonMessages,
  timelinessMessages,
  udataAddResource,
  udataMessages,
  udataNoResource,
} from './messages';
import { mqaMetrics } from './mqaMetrics';
import { udataCriteria } from './udata';

// Walks every catalogue and collects each message with its path.
function collect(value: unknown, path: string, out: [string, unknown][]): void {
  if (value !== null && typeof value === 'object' && ('fr' in value || 'ar' in value || 'en' in value)) {
    out.push([path, value]);
    return;
  }
  if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(v, `${path}.${k}`, out);
}

const catalogues = {
  bandLabels,
  dataClassMessages,
  dataMessages,
  dimensionLabels,
  mqaMetricMessages,
  opennessMessages,
  profileErrorMessages,
  reasonHints,
  reasonMessages,
  timelinessMessages,
  udataAddResource,
  udataMessages,
  udataNoResource,
};

const ARABIC = /[\u0600-\u06FF]/;

describe('messages', () => {
  const all: [string, unknown][] = [];
  collect(catalogues, 'messages', all);

  it('finds the catalogues’ messages', () => {
    expect(all.length).toBeGreaterThan(100);
  });

  it.each(all)('%s exists in fr, ar and en, none empty', (_path, message) => {
    const m = message as Record<string, unknown>;
    for (const lang of ['fr', 'ar', 'en']) {
      expect(typeof m[lang]).toBe('string');
      expect((m[lang] as string).trim()).not.toBe('');
    }
    expect(m.ar as string).toMatch(ARABIC);
    expect(Object.keys(m).sort()).toEqual(['ar', 'en', 'fr']);
  });

  it('uses the same placeholders in every language', () => {
    for (const [path, message] of all) {
      const m = message as Record<'fr' | 'ar' | 'en', string>;
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
      expect({ path, ar: names(m.ar) }).toEqual({ path, ar: names(m.fr) });
      expect({ path, en: names(m.en) }).toEqual({ path, en: names(m.fr) });
    }
  });

  it('has a label and a hint for every MQA metric and uData criterion', () => {
    expect(mqaMetrics.filter((metric) => mqaMetricMessages[metric.id] === undefined)).toEqual([]);
    expect(udataCriteria.filter((id) => udataMessages[id] === undefined)).toEqual([]);
  });
});
