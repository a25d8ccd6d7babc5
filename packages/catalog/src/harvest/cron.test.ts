import { describe, expect, it } from 'vitest';
import { nextCronRun, parseCron } from './cron';

function next(expression: string, after: string): string | undefined {
  const parsed = parseCron(expression);
  if (!parsed.ok) throw new Error(parsed.error.message.en);
  return nextCronRun(parsed.value, new Date(after))?.toISOString();
}

describe('parseCron', () => {
  it('fires every night at 3:00 UTC', () => {
    expect(next('0 3 * * *', '2026-03-01T12:00:00Z')).toBe('2026-03-02T03:00:00.000Z');
  });

  it('skips to the next weekday for a weekday range with names', () => {
    // 2026-01-02 is a Friday.
    expect(next('30 8 * * mon-fri', '2026-01-02T09:00:00Z')).toBe('2026-01-05T08:30:00.000Z');
  });

  it('reads steps, lists and macros', () => {
    expect(next('*/15 * * * *', '2026-01-01T10:07:00Z')).toBe('2026-01-01T10:15:00.000Z');
    expect(next('0 0 1,15 * *', '2026-01-02T00:00:00Z')).toBe('2026-01-15T00:00:00.000Z');
    expect(next('@monthly', '2026-02-10T00:00:00Z')).toBe('2026-03-01T00:00:00.000Z');
    expect(next('@hourly', '2026-02-10T00:00:00Z')).toBe('2026-02-10T01:00:00.000Z');
  });

  it('fires when either day field matches if both are restricted (cron rule)', () => {
    // The 13th, or any Friday: 2026-02-06 is a Friday before the 13th.
    expect(next('0 0 13 * fri', '2026-02-01T00:00:00Z')).toBe('2026-02-06T00:00:00.000Z');
  });

  it('treats 7 as Sunday and moves across years', () => {
    expect(next('0 12 * * 7', '2026-12-31T13:00:00Z')).toBe('2027-01-03T12:00:00.000Z');
  });

  it('never fires on an impossible date', () => {
    expect(next('0 0 31 2 *', '2026-01-01T00:00:00Z')).toBeUndefined();
  });

  it('reports bad expressions in three languages', () => {
    const wrong = parseCron('61 * * * *');
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_schedule', message: { en: expect.stringContaining('"61" outside 0–59'), ar: expect.stringContaining('الدقيقة') } } });
    expect(parseCron('* * *').ok).toBe(false);
    expect(parseCron('0 0 * * funday').ok).toBe(false);
    expect(parseCron('5-1 * * * *').ok).toBe(false);
  });
});
