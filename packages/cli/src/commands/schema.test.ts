import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { registerSchema, runCkanConvert, runSchemaCheck } from './schema';

const dir = mkdtempSync(join(tmpdir(), 'bayan-schema-'));
const CORPUS = new URL('../../../../../shared/corpus/ckan-api/', import.meta.url);
const corpus = (name: string) => new URL(name, CORPUS).pathname;

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const dataset = { title: { fr: 'Budget 2024', ar: 'ميزانية 2024' }, description: { fr: 'Le budget de l’État.' }, distributions: [{ accessUrl: 'https://data.gov.ma/budget.csv' }] };

function run(command: typeof runSchemaCheck | typeof runCkanConvert, file: string, options: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = command(file, options, { out: (l) => out.push(l), err: (l) => err.push(l), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('bayan schema check', () => {
  it('exits 0 for a valid dataset', () => {
    const result = run(runSchemaCheck, write('ok.json', JSON.stringify(dataset)), {}, { LANG: 'en_US.UTF-8' });
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^✓ .*ok\.json: valid dataset$/);
  });

  it('exits 1 and lists each error with its pointer, in the user’s language', () => {
    const file = write('bad.json', JSON.stringify({ ...dataset, title: {}, landingPage: 'budget.html' }));
    const ar = run(runSchemaCheck, file, {}, { LC_ALL: 'ar_MA.UTF-8', LANG: 'en_US.UTF-8' });
    expect(ar.code).toBe(1);
    expect(ar.out).toContain('/title  يلزم نص بلغة واحدة على الأقل');
    expect(ar.out).toContain('/landingPage');
    const fr = run(runSchemaCheck, file, {});
    expect(fr.out).toContain('jeu de données invalide : 2 erreur(s)');
    expect(fr.out).toContain('/landingPage  doit être une adresse http(s) complète  [invalid_uri]');
  });

  it('prints machine output with --json', () => {
    const result = run(runSchemaCheck, write('bad2.json', JSON.stringify({ ...dataset, frequency: 'often' })), { json: true });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.out) as { valid: boolean; errors: { path: string; code: string; message: { en: string } }[] };
    expect(report.valid).toBe(false);
    expect(report.errors).toEqual([expect.objectContaining({ path: '/frequency', code: 'unknown_vocabulary_value' })]);
  });

  it('reports an unknown schemaVersion', () => {
    const result = run(runSchemaCheck, write('v9.json', JSON.stringify({ ...dataset, schemaVersion: 9 })), {}, { LANG: 'en' });
    expect(result.code).toBe(1);
    expect(result.out).toContain('/schemaVersion  format version 9 is newer');
  });

  it('checks other record types with --type', () => {
    const org = write('org.json', JSON.stringify({ slug: 'hcp', name: { fr: 'Haut-Commissariat au Plan' } }));
    expect(run(runSchemaCheck, org, { type: 'organization' }).code).toBe(0);
    expect(run(runSchemaCheck, org, { type: 'dataset' }).code).toBe(1);
    expect(run(runSchemaCheck, org, { type: 'table' }).code).toBe(2);
  });

  it('checks JSON lines, one result per line', () => {
    const file = write('lines.jsonl', [JSON.stringify(dataset), '{oops', JSON.stringify({ title: { fr: 'x' } })].join('\n'));
    const result = run(runSchemaCheck, file, { json: true });
    expect(result.code).toBe(1);
    const lines = result.out.split('\n').map((l) => JSON.parse(l) as { line: number; valid: boolean; errors: { code: string }[] });
    expect(lines.map((l) => [l.line, l.valid])).toEqual([
      [1, true],
      [2, false],
      [3, false],
    ]);
    expect(lines[1]?.errors[0]?.code).toBe('invalid_json');
  });

  it('exits 2 for a missing file, a file that is not JSON, and reads standard input', () => {
    expect(run(runSchemaCheck, join(dir, 'missing.json')).code).toBe(2);
    const notJson = run(runSchemaCheck, write('notjson.json', 'title: Budget'), {}, { LANG: 'en' });
    expect(notJson.code).toBe(2);
    expect(notJson.err).toContain('Not valid JSON');
    const out: string[] = [];
    const code = runSchemaCheck('-', {}, { out: (l) => out.push(l), err: () => undefined, stdin: () => JSON.stringify(dataset) });
    expect(code).toBe(0);
  });

  it('survives hostile records', () => {
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    expect(run(runSchemaCheck, write('deep.json', deep)).code).toBe(1);
    const proto = write('proto.json', '{"__proto__":{"polluted":1},"title":{"fr":"x"},"description":{"fr":"y"}}');
    const result = run(runSchemaCheck, proto, { json: true });
    expect(result.code).toBe(1);
    expect(result.out).toContain('/__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('bayan ckan convert', () => {
  it('prints the Bayan dataset of a package_show response', () => {
    const result = run(runCkanConvert, corpus('opendata-swiss_package_show.json'), {}, { LANG: 'fr_FR.UTF-8' });
    expect(result.code).toBe(0); // converted, with notes (no description, German title kept in extras)
    const converted = JSON.parse(result.out) as { title: { fr: string }; distributions: unknown[] };
    expect(converted.title.fr).toBe('Voyages de la population résidante suisse en 2019');
    expect(converted.distributions).toHaveLength(4);
    expect(result.err).toContain('pas de description');
    expect(run(runCkanConvert, corpus('opendata-swiss_package_show.json'), { strict: true }, { LANG: 'fr_FR.UTF-8' }).code).toBe(1);
  });

  it('prints JSON lines for a package_search page, each a valid record for schema check', () => {
    const result = run(runCkanConvert, corpus('birmingham_package_search.json'), { language: 'en' });
    const lines = result.out.split('\n');
    expect(lines).toHaveLength(10);
    const file = write('converted.jsonl', result.out);
    expect(run(runSchemaCheck, file).code).toBe(0);
  });

  it('uses a group table and reports notes as JSON with --json', () => {
    const groups = write('groups.json', JSON.stringify({ 'council-business': 'GOVE' }));
    const result = run(runCkanConvert, corpus('birmingham_package_search.json'), { language: 'en', groups, json: true });
    const first = JSON.parse(result.out.split('\n')[0] ?? '') as { themes?: string[] };
    expect(first.themes).toEqual(['http://publications.europa.eu/resource/authority/data-theme/GOVE']);
  });

  it('exits 2 for what is not a CKAN package or a bad option', () => {
    expect(run(runCkanConvert, corpus('open-canada_organization_list.json'), {}, { LANG: 'en' }).err).toContain('No CKAN package found');
    expect(run(runCkanConvert, corpus('open-canada_organization_list.json')).code).toBe(2);
    expect(run(runCkanConvert, write('nope.txt', 'nope')).code).toBe(2);
    expect(run(runCkanConvert, corpus('demo-ckan_package_show.json'), { language: 'de' }).code).toBe(2);
  });
});

describe('registerSchema', () => {
  it('adds schema check and ckan convert', () => {
    const program = registerSchema(new Command('bayan'));
    expect(program.commands.find((c) => c.name() === 'schema')?.commands.map((c) => c.name())).toEqual(['check']);
    expect(program.commands.find((c) => c.name() === 'ckan')?.commands.map((c) => c.name())).toEqual(['convert']);
  });
});
