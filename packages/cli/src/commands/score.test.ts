import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScore } from './score';

const dir = mkdtempSync(join(tmpdir(), 'bayan-score-'));
const FILE_URL = 'https://data.gov.ma/files/budget.csv';
const record = {
  id: 'budget',
  title: { fr: 'Budget' },
  description: { fr: 'Budget de l’État.' },
  keywords: { fr: ['budget'] },
  distributions: [{ accessUrl: FILE_URL, format: 'http://publications.europa.eu/resource/authority/file-type/CSV', mediaType: 'text/csv' }],
};

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function run(file: string, options: Parameters<typeof runScore>[1] = {}, env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runScore(file, options, { out: (l) => out.push(l), err: (l) => err.push(l), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('bayan score', () => {
  const good = write('good.json', JSON.stringify(record));

  it('prints the score, the dimensions and the hints in French by default', () => {
    const result = run(good);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Score: \d+\/405/);
    expect(result.out).toContain('Trouvabilité');
    expect(result.out).toContain('+30  Choisissez au moins un thème de données européen.');
  });

  it('speaks Arabic or English from LANG', () => {
    expect(run(good, {}, { LANG: 'ar_MA.UTF-8' }).out).toContain('قابلية الإيجاد');
    expect(run(good, {}, { LC_ALL: 'en_GB.UTF-8', LANG: 'fr_FR' }).out).toContain('Findability');
  });

  it('prints JSON with --json and the MQA layout with --mqa', () => {
    const report = JSON.parse(run(good, { json: true }).out) as { total: number; max: number; profile: string };
    expect(report).toMatchObject({ max: 405, profile: 'mqa' });
    const mqa = JSON.parse(run(good, { mqa: true }).out) as { dimensions: Record<string, unknown> };
    expect(Object.keys(mqa.dimensions)).toContain('findability');
  });

  it('uses link-check results and the udata profile', () => {
    const links = write('links.json', JSON.stringify({ [FILE_URL]: 200 }));
    const withLinks = JSON.parse(run(good, { json: true, links }).out) as { total: number };
    const without = JSON.parse(run(good, { json: true }).out) as { total: number };
    expect(withLinks.total - without.total).toBe(50);
    expect(JSON.parse(run(good, { json: true, profile: 'udata' }).out)).toMatchObject({ max: 9 });
  });

  it('exits 2 on unusable input, with the reason in the person’s language', () => {
    expect(run(join(dir, 'missing.json'))).toMatchObject({ code: 2, err: expect.stringContaining('Fichier introuvable') as unknown });
    expect(run(write('bad.json', '{ nope'), {}, { LANG: 'en_US' })).toMatchObject({ code: 2, err: expect.stringContaining('Not valid JSON') as unknown });
    const invalid = run(write('invalid.json', JSON.stringify({ title: 'x' })), {}, { LANG: 'en' });
    expect(invalid.code).toBe(2);
    expect(invalid.err).toContain('Not a valid dataset record');
    expect(invalid.err).toContain('/description');
    expect(run(good, { profile: 'ckan' }).code).toBe(2);
    expect(run(good, { aggregation: 'worst' }).code).toBe(2);
  });
});
