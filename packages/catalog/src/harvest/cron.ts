import type { LocalizedMessage } from '@bayan/schema';

/** A parsed cron-like schedule: the allowed values of each field. */
export interface CronSchedule {
  /** The expression as written. */
  expression: string;
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  daysOfMonth: ReadonlySet<number>;
  months: ReadonlySet<number>;
  /** 0 = Sunday … 6 = Saturday. */
  daysOfWeek: ReadonlySet<number>;
  /** Whether the day-of-month field was restricted (cron's "either day field matches" rule). */
  domRestricted: boolean;
  dowRestricted: boolean;
}

/** The outcome of {@link parseCron}. */
export type CronParse = { ok: true; value: CronSchedule } | { ok: false; error: { code: 'invalid_schedule'; message: LocalizedMessage } };

const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface FieldSpec {
  name: LocalizedMessage;
  min: number;
  max: number;
  names?: string[];
  namesFrom?: number;
}

const FIELDS: FieldSpec[] = [
  { name: { fr: 'minute', ar: 'الدقيقة', en: 'minute' }, min: 0, max: 59 },
  { name: { fr: 'heure', ar: 'الساعة', en: 'hour' }, min: 0, max: 23 },
  { name: { fr: 'jour du mois', ar: 'يوم الشهر', en: 'day of month' }, min: 1, max: 31 },
  { name: { fr: 'mois', ar: 'الشهر', en: 'month' }, min: 1, max: 12, names: MONTHS, namesFrom: 1 },
  { name: { fr: 'jour de la semaine', ar: 'يوم الأسبوع', en: 'day of week' }, min: 0, max: 7, names: DAYS, namesFrom: 0 },
];

function invalid(expression: string, detail: LocalizedMessage): CronParse {
  return {
    ok: false,
    error: {
      code: 'invalid_schedule',
      message: {
        fr: `Planification invalide « ${expression} » : ${detail.fr}. Format : « minute heure jour mois jour-semaine », par exemple « 0 3 * * * » (chaque nuit à 3 h) ou @daily.`,
        ar: `جدولة غير صالحة «${expression}»: ${detail.ar}. الصيغة: «الدقيقة الساعة اليوم الشهر يوم-الأسبوع»، مثلا «0 3 * * *» (كل ليلة على الساعة 3) أو @daily.`,
        en: `Invalid schedule "${expression}": ${detail.en}. Format: "minute hour day month weekday", e.g. "0 3 * * *" (every night at 3:00) or @daily.`,
      },
    },
  };
}

function valueOf(token: string, spec: FieldSpec): number | undefined {
  if (/^\d{1,2}$/.test(token)) return Number(token);
  const index = spec.names?.indexOf(token.toLowerCase()) ?? -1;
  return index >= 0 ? index + (spec.namesFrom ?? 0) : undefined;
}

function parseField(text: string, spec: FieldSpec): Set<number> | LocalizedMessage {
  const out = new Set<number>();
  const bad = (part: string): LocalizedMessage => ({
    fr: `valeur « ${part} » hors de ${spec.min}–${spec.max} pour le champ ${spec.name.fr}`,
    ar: `القيمة «${part}» خارج ${spec.min}–${spec.max} في حقل ${spec.name.ar}`,
    en: `value "${part}" outside ${spec.min}–${spec.max} in the ${spec.name.en} field`,
  });
  for (const part of text.split(',')) {
    const match = /^(\*|[a-z0-9]+(?:-[a-z0-9]+)?)(?:\/(\d{1,2}))?$/i.exec(part);
    if (match === null) return bad(part);
    const [, range = '*', stepText] = match;
    const step = stepText === undefined ? 1 : Number(stepText);
    if (step < 1) return bad(part);
    let from = spec.min;
    let to = spec.max === 7 ? 6 : spec.max;
    if (range !== '*') {
      const [a = '', b] = range.split('-');
      const start = valueOf(a, spec);
      const end = b === undefined ? (stepText === undefined ? start : to) : valueOf(b, spec);
      if (start === undefined || end === undefined || start < spec.min || end > spec.max || start > end) return bad(part);
      from = start;
      to = end;
    }
    for (let v = from; v <= to; v += step) out.add(spec.max === 7 && v === 7 ? 0 : v);
  }
  return out;
}

/**
 * Parses a cron-like schedule: five fields `minute hour day-of-month month day-of-week` with `*`,
 * lists (`1,15`), ranges (`1-5`), steps (`*\/15`, `0-30/10`), month and weekday names (`jan`,
 * `mon`), and the macros `@hourly`, `@daily`, `@weekly`, `@monthly`, `@yearly`. Times are UTC.
 * Returns a report, never throws.
 *
 * @example
 * ```ts
 * const parsed = parseCron('0 3 * * mon-fri');
 * if (parsed.ok) nextCronRun(parsed.value, new Date('2026-01-02T10:00:00Z')); // 2026-01-05T03:00:00Z
 * ```
 */
export function parseCron(expression: string): CronParse {
  const trimmed = expression.trim().toLowerCase();
  const text = MACROS[trimmed] ?? trimmed;
  const parts = text.split(/\s+/);
  if (parts.length !== 5) {
    return invalid(expression, { fr: `${parts.length} champ(s) au lieu de 5`, ar: `${parts.length} حقل بدل 5`, en: `${parts.length} field(s) instead of 5` });
  }
  const sets: Set<number>[] = [];
  for (let i = 0; i < 5; i++) {
    const field = parseField(parts[i] ?? '', FIELDS[i]!);
    if (!(field instanceof Set)) return invalid(expression, field);
    sets.push(field);
  }
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = sets as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  return { ok: true, value: { expression, minutes, hours, daysOfMonth, months, daysOfWeek, domRestricted: parts[2] !== '*', dowRestricted: parts[4] !== '*' } };
}

function dayMatches(s: CronSchedule, d: Date): boolean {
  const dom = s.daysOfMonth.has(d.getUTCDate());
  const dow = s.daysOfWeek.has(d.getUTCDay());
  if (s.domRestricted && s.dowRestricted) return dom || dow;
  return dom && dow;
}

/**
 * The first time strictly after `after` that a schedule fires (UTC, whole minutes), or
 * `undefined` when it never fires within five years (e.g. `0 0 31 2 *`).
 *
 * @example
 * ```ts
 * const parsed = parseCron('@daily');
 * if (parsed.ok) nextCronRun(parsed.value, new Date('2026-03-01T12:00:00Z')); // 2026-03-02T00:00:00Z
 * ```
 */
export function nextCronRun(schedule: CronSchedule, after: Date): Date | undefined {
  const t = new Date(Math.floor(after.getTime() / 60_000) * 60_000 + 60_000);
  const limit = after.getTime() + 5 * 366 * 24 * 3600_000;
  while (t.getTime() <= limit) {
    if (!schedule.months.has(t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!dayMatches(schedule, t)) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!schedule.hours.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0);
      continue;
    }
    if (!schedule.minutes.has(t.getUTCMinutes())) {
      t.setUTCMinutes(t.getUTCMinutes() + 1, 0, 0);
      continue;
    }
    return t;
  }
  return undefined;
}
