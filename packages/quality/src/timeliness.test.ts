import { describe, expect, it } from 'vitest';
import { addDuration, timeliness } from './timeliness';

const F = 'http://publications.europa.eu/resource/authority/frequency/';

describe('addDuration', () => {
  it('steps months on the calendar, clamping to the month’s last day', () => {
    expect(new Date(addDuration(Date.UTC(2024, 0, 31), 'P1M')).toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(new Date(addDuration(Date.UTC(2023, 0, 31), 'P1M')).toISOString()).toBe('2023-02-28T00:00:00.000Z');
    expect(new Date(addDuration(Date.UTC(2024, 1, 29), 'P1Y')).toISOString()).toBe('2025-02-28T00:00:00.000Z');
  });

  it('adds weeks, days and time parts as fixed lengths', () => {
    expect(new Date(addDuration(Date.UTC(2024, 0, 1), 'P1W')).toISOString()).toBe('2024-01-08T00:00:00.000Z');
    expect(new Date(addDuration(Date.UTC(2024, 0, 1), 'PT1H30M')).toISOString()).toBe('2024-01-01T01:30:00.000Z');
  });

  it('returns NaN for what is not a duration', () => {
    expect(addDuration(0, 'monthly')).toBeNaN();
  });
});

describe('timeliness', () => {
  const base = { modified: '2024-01-10' };

  it('is up to date before the next update is due', () => {
    const t = timeliness({ ...base, frequency: `${F}MONTHLY` }, { now: '2024-02-05' });
    expect(t).toMatchObject({ status: 'up_to_date', upToDate: true, period: 'P1M', nextUpdateDue: '2024-02-10T00:00:00.000Z', overdueDays: 0 });
    expect(t.message.en).toBe('Up to date: next update due on 2024-02-10.');
  });

  it('tolerates one day late by default, not two', () => {
    expect(timeliness({ ...base, frequency: `${F}MONTHLY` }, { now: '2024-02-11T00:00:00Z' }).upToDate).toBe(true);
    const late = timeliness({ ...base, frequency: `${F}MONTHLY` }, { now: '2024-02-12T00:00:01Z' });
    expect(late).toMatchObject({ status: 'overdue', upToDate: false, overdueDays: 2 });
    expect(late.message.fr).toContain('2024-02-10');
  });

  it('counts from issued when there is no modification date', () => {
    expect(timeliness({ issued: '2024-01-01', frequency: `${F}ANNUAL` }, { now: '2024-06-01' }).nextUpdateDue).toBe('2025-01-01T00:00:00.000Z');
  });

  it('has no schedule for irregular frequencies and is never late then', () => {
    expect(timeliness({ ...base, frequency: `${F}IRREG` }, { now: '2030-01-01' })).toMatchObject({ status: 'no_schedule', upToDate: true });
  });

  it('cannot tell without a frequency, with UNKNOWN, or without a date', () => {
    expect(timeliness(base, { now: '2024-02-01' })).toMatchObject({ status: 'unknown', upToDate: undefined });
    expect(timeliness({ ...base, frequency: `${F}UNKNOWN` }).status).toBe('unknown');
    expect(timeliness({ frequency: `${F}DAILY` }).message.en).toBe('No issue or modification date is given.');
  });
});
