import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHarvestAdd, runHarvestList, runHarvestRun, runImportCkan } from './harvest';

function pkg(n: number, title = `Jeu ${n}`) {
  return { id: `p-${n}`, name: `jeu-${n}`, title, notes: `Description ${n}`, license_id: 'cc-by', resources: [{ url: `https://data.example.org/${n}.csv`, format: 'CSV' }] };
}

function capture(env: NodeJS.ProcessEnv = { LANG: 'en_US.UTF-8' }) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env, progress: false }, out, err };
}

describe('bayan import ckan', () => {
  it('imports a JSON lines dump, reports bad lines, and updates on a second import', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bayan-harvest-cli-'));
    const dump = join(dir, 'dump.jsonl');
    writeFileSync(dump, [JSON.stringify(pkg(1)), '{not json', JSON.stringify(pkg(2)), JSON.stringify({ success: true, result: pkg(3) })].join('\n'));
    const first = capture();
    expect(await runImportCkan(dump, { data: join(dir, 'data') }, first.io)).toBe(1);
    expect(first.out[0]?.split('\n')[0]).toBe('Harvest finished with errors: 3 created, 0 updated, 0 unchanged, 0 withdrawn, 1 failed.');
    expect(first.out.join('\n')).toContain('#line-2');

    writeFileSync(dump, [JSON.stringify(pkg(1, 'Jeu un')), JSON.stringify(pkg(2))].join('\n'));
    const second = capture({ LANG: 'fr_FR.UTF-8' });
    expect(await runImportCkan(dump, { data: join(dir, 'data') }, second.io)).toBe(0);
    expect(second.out[0]?.split('\n')[0]).toBe('Moissonnage terminé : 0 créé(s), 1 mis à jour, 1 inchangé(s), 1 retiré(s), 0 en échec.');

    const list = capture();
    expect(await runHarvestList({ data: join(dir, 'data'), json: true }, list.io)).toBe(0);
    const sources = JSON.parse(list.out[0] ?? '[]') as { kind: string; lastRun: { status: string } }[];
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ kind: 'ckan-dump', lastRun: { status: 'succeeded' } });
  });

  it('says when the dump does not exist (exit 2)', async () => {
    const c = capture({ LANG: 'ar_MA.UTF-8' });
    expect(await runImportCkan('/nonexistent/dump.jsonl', { data: mkdtempSync(join(tmpdir(), 'bayan-harvest-cli-')) }, c.io)).toBe(2);
    expect(c.err[0]).toContain('الملف غير موجود');
  });
});

describe('bayan harvest', () => {
  it('adds a source with a schedule and settings, refuses a bad schedule, runs it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bayan-harvest-cli-'));
    const data = join(dir, 'data');
    const bad = capture();
    expect(await runHarvestAdd('ckan', 'https://data.example.org/api/3/action', { data, schedule: '99 * * * *' }, bad.io)).toBe(2);
    expect(bad.err[0]).toContain('Invalid schedule');
    expect(await runHarvestAdd('ftp', 'x', { data }, capture().io)).toBe(2);

    const csv = join(dir, 'inventory.csv');
    writeFileSync(csv, 'identifier,title_en,status,target_date\nA,Roads,planned,2026-05-01\n');
    const added = capture();
    expect(await runHarvestAdd('inventory', csv, { data, schedule: '@daily', set: ['defaultLanguage=en'], json: true }, added.io)).toBe(0);
    const source = JSON.parse(added.out[0] ?? '{}') as { id: string; schedule: string; config: Record<string, unknown> };
    expect(source).toMatchObject({ schedule: '@daily', config: { defaultLanguage: 'en' } });

    // No owner organisation: the inventory row cannot be stored, and the report says why.
    const run = capture();
    expect(await runHarvestRun(source.id, { data }, run.io)).toBe(1);
    expect(run.out.join('\n')).toContain('needs an organisation');
    expect(await runHarvestRun('missing', { data }, capture().io)).toBe(2);
  });
});
