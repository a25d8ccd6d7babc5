import { INVALID, compileCast } from './fieldTypes';
import type { Cast, FieldDescriptor } from './fieldTypes';

interface Candidate {
  field: Omit<FieldDescriptor, 'name'>;
  cast: Cast;
  numeric: boolean;
}

const candidate = (field: Omit<FieldDescriptor, 'name'>, numeric = false): Candidate => ({ field, cast: compileCast({ name: '', ...field }), numeric });

/*
 * Candidate order of the Frictionless detector, with French variants placed right after their
 * standard form: a column is typed by the first candidate that fits at least `confidence` of the
 * sample (missing values count as fitting). Geopoint comes after the numbers so that French
 * decimals like `3,5` are numbers, not points.
 */
const CANDIDATES: Candidate[] = [
  candidate({ type: 'yearmonth' }),
  candidate({ type: 'duration' }),
  candidate({ type: 'geojson' }),
  candidate({ type: 'object' }),
  candidate({ type: 'array' }),
  candidate({ type: 'datetime' }),
  candidate({ type: 'datetime', format: '%d/%m/%Y %H:%M' }),
  candidate({ type: 'time' }),
  candidate({ type: 'date' }),
  candidate({ type: 'date', format: '%d/%m/%Y' }),
  candidate({ type: 'integer' }, true),
  candidate({ type: 'integer', groupChar: ' ' }, true),
  candidate({ type: 'number' }, true),
  candidate({ type: 'number', decimalChar: ',' }, true),
  candidate({ type: 'number', decimalChar: ',', groupChar: ' ' }, true),
  candidate({ type: 'number', decimalChar: '.', groupChar: ',' }, true),
  candidate({ type: 'geopoint' }),
  candidate({ type: 'boolean' }),
  candidate({ type: 'year' }),
  candidate({ type: 'string' }),
];

/** Codes like `01`, `0850811`: numbers would lose their leading zeros. */
const LEADING_ZERO = /^[+-]?0\d/;

/** Options of schema inference. */
export interface InferOptions {
  /** Share of the sample a type must fit; default 0.9. */
  confidence?: number;
  /** Values read as missing; default `['']`. */
  missingValues?: string[];
}

/** Names fields from header labels: blank labels become `fieldN`, repeats get a number suffix. */
export function fieldNames(labels: string[], count: number): string[] {
  const names: string[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    let name = (labels[i] ?? '').trim() === '' ? `field${i + 1}` : labels[i]!;
    const times = seen.get(name) ?? 0;
    seen.set(name, times + 1);
    if (times > 0) name = `${name}${times + 1}`;
    names.push(name);
  }
  return names;
}

/** Infers the fields of a table from its labels and sample rows. */
export function inferFields(labels: string[], rows: string[][], options: InferOptions = {}): FieldDescriptor[] {
  const confidence = options.confidence ?? 0.9;
  const missing = new Set(options.missingValues ?? ['']);
  let count = labels.length;
  if (count === 0) for (const row of rows) count = Math.max(count, row.length);
  const names = fieldNames(labels, count);
  const threshold = rows.length * confidence;
  return names.map((name, index) => {
    let leadingZero = false;
    let present = 0;
    for (const row of rows) {
      const cell = row[index];
      if (cell === undefined || missing.has(cell)) continue;
      present++;
      if (LEADING_ZERO.test(cell.trim())) leadingZero = true;
    }
    if (present === 0) return { name, type: 'any' };
    for (const option of CANDIDATES) {
      if (option.numeric && leadingZero) continue;
      let score = 0;
      for (const row of rows) {
        const cell = row[index];
        if (cell === undefined || missing.has(cell) || option.cast(cell) !== INVALID) score++;
        else score--;
      }
      if (score >= threshold) return { name, ...option.field };
    }
    return { name, type: 'string' };
  });
}
