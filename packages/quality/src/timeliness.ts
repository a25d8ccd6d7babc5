import { frequencies, type Dataset, type FrequencyTerm } from '@bayan/schema';
import { fill, timelinessMessages } from './messages';
import type { Timeliness } from './types';

const DAY = 86_400_000;
const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Milliseconds of a date or date-time string (a bare date is midnight UTC), or NaN. */
export function timeOf(value: string | Date | number | undefined): number {
  if (value === undefined) return Number.NaN;
  if (typeof value === 'number') return value;
  if (value instanceof Date) return value.getTime();
  if (typeof value !== 'string') return Number.NaN;
  if (value.length === 10 && value[4] === '-' && value[7] === '-') {
    const month = Number(value.slice(5, 7));
    const day = Number(value.slice(8, 10));
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      const time = Date.UTC(Number(value.slice(0, 4)), month - 1, day);
      if (Number.isFinite(time)) return time;
    }
  }
  return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
}

/**
 * Adds an ISO 8601 duration to a time. Years and months are calendar steps in UTC (31 January plus
 * one month is the last day of February); weeks, days and time parts are fixed lengths.
 *
 * @example
 * ```ts
 * new Date(addDuration(Date.UTC(2024, 0, 31), 'P1M')).toISOString(); // '2024-02-29T00:00:00.000Z'
 * ```
 */
export function addDuration(time: number, duration: string): number {
  const match = DURATION.exec(duration);
  if (match === null || !Number.isFinite(time)) return Number.NaN;
  const [, y, mo, w, d, h, mi, s] = match.map((part) => (part === undefined ? 0 : Number(part)));
  const date = new Date(time);
  if (y || mo) {
    const day = date.getUTCDate();
    date.setUTCDate(1);
    date.setUTCMonth(date.getUTCMonth() + (mo ?? 0) + 12 * (y ?? 0));
    const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
    date.setUTCDate(Math.min(day, lastDay));
  }
  return date.getTime() + ((w ?? 0) * 7 + (d ?? 0)) * DAY + ((h ?? 0) * 3600 + (mi ?? 0) * 60 + (s ?? 0)) * 1000;
}

/** The current time of a context: its `now`, else the clock. */
let lastNowText: string | undefined;
let lastNowTime = Number.NaN;

export function nowOf(now: string | Date | number | undefined): number {
  if (typeof now === 'string') {
    if (now !== lastNowText) {
      lastNowText = now;
      lastNowTime = timeOf(now);
    }
    return Number.isFinite(lastNowTime) ? lastNowTime : Date.now();
  }
  const time = timeOf(now);
  return Number.isFinite(time) ? time : Date.now();
}

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * Whether a dataset is up to date: the next update is due one frequency period after `modified`
 * (else `issued`); it is late when `now` is more than `toleranceDays` (default 1, as data.gouv.fr)
 * past that date. Frequencies without a period (irregular, as needed, never…) have no schedule and
 * are never late; no frequency, `UNKNOWN`, or no date means the answer is unknown.
 *
 * @example
 * ```ts
 * timeliness({ frequency: 'http://publications.europa.eu/resource/authority/frequency/MONTHLY',
 *   modified: '2026-01-10', title: { fr: 'x' }, description: { fr: 'y' }, schemaVersion: 1, distributions: [] },
 *   { now: '2026-02-01' }).nextUpdateDue; // '2026-02-10T00:00:00.000Z'
 * ```
 */
export function timeliness(dataset: Pick<Dataset, 'frequency' | 'modified' | 'issued'>, options: { now?: string | Date | number; toleranceDays?: number } = {}): Timeliness {
  // Memoised (bounded): a catalogue scored at one `now` repeats the same frequencies and dates.
  const now = nowOf(options.now);
  const last = dataset.modified ?? dataset.issued;
  if (typeof dataset.frequency !== 'string' || typeof last !== 'string') return computeTimeliness(dataset, now, options.toleranceDays);
  const key = `${dataset.frequency}|${last}|${now}|${options.toleranceDays}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const result = computeTimeliness(dataset, now, options.toleranceDays);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, result);
  return result;
}

const memo = new Map<string, Timeliness>();
const MEMO_LIMIT = 4096;

function computeTimeliness(dataset: Pick<Dataset, 'frequency' | 'modified' | 'issued'>, now: number, toleranceDays: number | undefined): Timeliness {
  const term: FrequencyTerm | undefined = typeof dataset.frequency === 'string' ? frequencies.byUri(dataset.frequency) : undefined;
  const lastUpdate = dataset.modified ?? dataset.issued;
  const base = {
    ...(dataset.frequency !== undefined ? { frequency: dataset.frequency } : {}),
    ...(lastUpdate !== undefined ? { lastUpdate } : {}),
  };
  if (term === undefined || term.code === 'UNKNOWN') {
    return { status: 'unknown', upToDate: undefined, ...base, message: timelinessMessages.no_frequency };
  }
  if (term.period === undefined) {
    return { status: 'no_schedule', upToDate: true, ...base, message: timelinessMessages.no_schedule };
  }
  const from = timeOf(lastUpdate);
  if (!Number.isFinite(from)) {
    return { status: 'unknown', upToDate: undefined, ...base, period: term.period, message: timelinessMessages.no_date };
  }
  const due = addDuration(from, term.period);
  const tolerance = Math.max(0, toleranceDays ?? 1) * DAY;
  const late = now > due + tolerance;
  const overdueDays = now > due ? Math.floor((now - due) / DAY) : 0;
  const dueText = isoDay(due);
  return {
    status: late ? 'overdue' : 'up_to_date',
    upToDate: !late,
    ...base,
    period: term.period,
    nextUpdateDue: new Date(due).toISOString(),
    overdueDays,
    message: late ? fill(timelinessMessages.overdue, { due: dueText, days: overdueDays }) : fill(timelinessMessages.up_to_date, { due: dueText }),
  };
}
