import { describe, expect, it } from 'vitest';
import { migrate } from './migrate';
import { parseDataset } from './parse';

describe('migrate', () => {
  it('reads a version 1 record as is', () => {
    const record = { schemaVersion: 1, title: { fr: 'Budget' }, description: { fr: 'Le budget' } };
    const result = migrate(record);
    expect(result).toEqual({ ok: true, value: record, fromVersion: 1 });
    expect(result.ok && result.value).not.toBe(record);
  });

  it('treats a record without schemaVersion as version 1 and sets it', () => {
    const result = migrate({ title: { fr: 'Budget' } });
    expect(result.ok && result.value.schemaVersion).toBe(1);
    expect(result.ok && result.fromVersion).toBe(1);
  });

  it('refuses a newer version and says to update, in fr, ar and en', () => {
    const result = migrate({ schemaVersion: 2, title: { fr: 'Budget' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ path: '/schemaVersion', code: 'unsupported_schema_version' });
    expect(result.errors[0]?.message.fr).toMatch(/plus récente.*mettez @bayan\/schema à jour/);
    expect(result.errors[0]?.message.ar).toMatch(/حدّث/);
    expect(result.errors[0]?.message.en).toMatch(/newer .* update @bayan\/schema/);
  });

  it.each([0, -1, 1.5, '1', null, true, [1], { v: 1 }])('refuses schemaVersion %j as unknown', (schemaVersion) => {
    const result = migrate({ schemaVersion });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]?.code).toBe('unsupported_schema_version');
    expect(!result.ok && result.errors[0]?.message.en).toMatch(/unknown format version/);
  });

  it.each([null, 42, 'text', [{ schemaVersion: 1 }]])('refuses %j, which is not a record', (input) => {
    const result = migrate(input);
    expect(!result.ok && result.errors[0]).toMatchObject({ path: '', code: 'invalid_type' });
  });

  it('feeds parseDataset', () => {
    const migrated = migrate({ title: { ar: 'الميزانية' }, description: { ar: 'ميزانية الدولة' } });
    expect(migrated.ok && parseDataset(migrated.value).ok).toBe(true);
  });

  it('does not modify its input', () => {
    const input = { title: { fr: 'x' } };
    migrate(input);
    expect(input).toEqual({ title: { fr: 'x' } });
  });
});
