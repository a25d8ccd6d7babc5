import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runInfer, runValidate } from './validate';

const DATA = fileURLToPath(new URL('../../../../../shared/conformance/frictionless/data/', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../../../../shared/corpus/csv/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'bayan-validate-'));

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function capture(env: NodeJS.ProcessEnv = { LANG: 'en_US.UTF-8' }) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env }, out, err };
}

describe('bayan validate', () => {
  it('exits 0 on a valid table', async () => {
    const { io, out } = capture();
    expect(await runValidate(`${DATA}table.csv`, {}, io)).toBe(0);
    expect(out.join('\n')).toContain('is valid (2 rows)');
  });

  it('exits 1 and lists the errors in the reader’s language', async () => {
    const { io, out } = capture({ LANG: 'fr_FR.UTF-8' });
    expect(await runValidate(`${DATA}invalid.csv`, {}, io)).toBe(1);
    const text = out.join('\n');
    expect(text).toContain('[blank-label] Colonne 3');
    expect(text).toContain('[blank-row] Ligne 4 : Cette ligne est vide.');
  });

  it('checks against a schema file and prints the JSON report', async () => {
    const { io, out } = capture();
    const code = await runValidate(`${DATA}unique-field.csv`, { schema: `${DATA}unique-field.json`, json: true }, io);
    expect(code).toBe(1);
    const report = JSON.parse(out.join('\n')) as { tasks: { errors: { type: string }[] }[] };
    expect(report.tasks[0]!.errors.map((e) => e.type)).toEqual(['unique-error', 'primary-key']);
  });

  it('validates a datapackage.json', async () => {
    const { io } = capture();
    expect(await runValidate(`${DATA}invalid/datapackage.json`, {}, io)).toBe(1);
  });

  it('exits 2 for a missing file, an unreadable schema or a binary file', async () => {
    expect(await runValidate(join(dir, 'nope.csv'), {}, capture().io)).toBe(2);
    expect(await runValidate(`${DATA}table.csv`, { schema: write('bad.json', '{oops') }, capture().io)).toBe(2);
    expect(await runValidate(`${DATA}document.pdf`, {}, capture().io)).toBe(2);
    expect(await runValidate(`${DATA}empty.csv`, {}, capture().io)).toBe(2);
  });
});

describe('bayan infer', () => {
  it('prints the inferred schema as JSON, keeping leading-zero codes as strings', async () => {
    const { io, out } = capture();
    expect(await runInfer(`${CORPUS}hcp2024_regions_zkousama.csv`, { json: true }, io)).toBe(0);
    const schema = JSON.parse(out.join('\n'));
    expect(schema.fields[0].type).toBe('string');
  });

  it('describes what it detected', async () => {
    const { io, out } = capture();
    expect(await runInfer(`${CORPUS}hcp_rgph2004_active_employed_by_commune_scraped.csv`, {}, io)).toBe(0);
    expect(out[0]).toMatch(/Format csv, encoding utf-8, delimiter ., header on row 1/);
  });
});
