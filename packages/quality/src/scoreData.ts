import type { LocalizedMessage } from '@bayan/schema';
import { dataClassMessages, dataMessages, fill } from './messages';

/**
 * Error classes and their weights (the archived goodtables data-quality spec, kept as is):
 *
 * | class | weight | error types |
 * |---|---|---|
 * | source | 100 (score 0) | source, scheme, format, encoding, compression, io, http, resource, package, dialect, control errors |
 * | schema | 15 | schema-error, field-error |
 * | structure | 9 | blank-row, extra-cell, missing-cell, row-error, cell-error |
 * | cell | 9 | type-error, required (constraint on required), unique-error, primary-key, foreign-key |
 * | duplicate | 5 | duplicate-row |
 * | constraint | 7 | constraint-error, row-constraint, forbidden-value, sequential-value, truncated-value, ascii-value, deviated-value … |
 * | header | 3 | blank-label, duplicate-label, incorrect-label, extra-label, missing-label, blank-header, header-error, label-error |
 * | other | 7 | anything else (hash-count, byte-count, row-count, unknown types) |
 *
 * score = 100 − Σ over classes of weight × (rows affected by the class / rows × 100), clamped to
 * 0..100 and rounded to one decimal. A row counts once per class however many errors it has.
 * Errors without a row (header, schema, whole-table) take off `weight` points each: they affect
 * every row, but a table-wide share would make one bad header cost as much as every row broken.
 * The score is 0 when the source cannot be read.
 *
 * @example
 * ```ts
 * dataErrorWeights.duplicate; // 5
 * ```
 */
export const dataErrorWeights: Readonly<Record<string, number>> = {
  source: 100,
  schema: 15,
  structure: 9,
  cell: 9,
  duplicate: 5,
  constraint: 7,
  header: 3,
  other: 7,
};

const CLASS_OF: Readonly<Record<string, string>> = {
  'source-error': 'source',
  'scheme-error': 'source',
  'format-error': 'source',
  'encoding-error': 'source',
  'compression-error': 'source',
  'io-error': 'source',
  'http-error': 'source',
  'resource-error': 'source',
  'package-error': 'source',
  'dialect-error': 'source',
  'control-error': 'source',
  'schema-error': 'schema',
  'field-error': 'schema',
  'blank-row': 'structure',
  'extra-cell': 'structure',
  'missing-cell': 'structure',
  'row-error': 'structure',
  'cell-error': 'structure',
  'type-error': 'cell',
  'unique-error': 'cell',
  'primary-key': 'cell',
  'primary-key-error': 'cell',
  'foreign-key': 'cell',
  'foreign-key-error': 'cell',
  'required-error': 'cell',
  'duplicate-row': 'duplicate',
  'constraint-error': 'constraint',
  'row-constraint': 'constraint',
  'forbidden-value': 'constraint',
  'sequential-value': 'constraint',
  'truncated-value': 'constraint',
  'ascii-value': 'constraint',
  'deviated-value': 'constraint',
  'deviated-cell': 'constraint',
  'blank-label': 'header',
  'duplicate-label': 'header',
  'incorrect-label': 'header',
  'extra-label': 'header',
  'missing-label': 'header',
  'blank-header': 'header',
  'header-error': 'header',
  'label-error': 'header',
};

/** One error of a Frictionless-format validation report (only the fields the score reads). */
export interface ValidationError {
  type: string;
  rowNumber?: number;
  note?: string;
}

/** A Frictionless-format validation report (errors at the top, or per task). */
export interface ValidationReport {
  valid?: boolean;
  stats?: { rows?: number; errors?: number };
  errors?: ValidationError[];
  tasks?: { valid?: boolean; stats?: { rows?: number }; errors?: ValidationError[] }[];
}

/** What one class of errors cost. */
export interface DataScoreExplanation {
  /** Class id: `source`, `schema`, `structure`, `cell`, `duplicate`, `constraint`, `header`, `other`. */
  class: string;
  weight: number;
  /** Error types seen in the class. */
  types: string[];
  /** Errors in the class. */
  errors: number;
  /** Distinct rows with an error of the class. */
  rowsAffected: number;
  /** Errors of the class that have no row (whole table). */
  tableErrors: number;
  /** Points taken off. */
  deduction: number;
  label: LocalizedMessage;
  message: LocalizedMessage;
  hint: LocalizedMessage;
}

/** A 0–100 data-quality score with its explanations. */
export interface DataScore {
  score: number;
  /** False when the source could not be read (score 0) or the report was not a report. */
  readable: boolean;
  /** Rows counted (from stats, else the highest row number seen). */
  rows: number;
  /** One entry per class of errors, largest deduction first. */
  explanations: DataScoreExplanation[];
  /** A summary sentence in fr, ar and en. */
  message: LocalizedMessage;
}

// Bounded work on a hostile report: at most this many errors are read.
const MAX_ERRORS = 1_000_000;

function classOf(type: string): string {
  if (Object.hasOwn(CLASS_OF, type)) return CLASS_OF[type]!;
  return type.endsWith('-label') || type.endsWith('-header') ? 'header' : 'other';
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Scores the data of a table from its validation report (the Frictionless report shape that
 * `@bayan/tabular` writes: `{ valid, stats: { rows }, errors[] }` or `tasks[].errors[]`, each error
 * with a `type` and, for row errors, a `rowNumber`). See `dataErrorWeights` for the weights and
 * the formula. 0 when the source cannot be read (source, encoding, scheme or format errors).
 *
 * @example
 * ```ts
 * scoreData({ valid: false, stats: { rows: 100 }, errors: [{ type: 'type-error', rowNumber: 5 }] }).score; // 91
 * ```
 */
export function scoreData(report: ValidationReport): DataScore {
  if (report === null || typeof report !== 'object') {
    return { score: 0, readable: false, rows: 0, explanations: [], message: dataMessages.bad_report };
  }
  const errors: ValidationError[] = [];
  let statRows = typeof report.stats?.rows === 'number' ? report.stats.rows : undefined;
  const collect = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const error of list) {
      if (errors.length >= MAX_ERRORS) return;
      if (error !== null && typeof error === 'object' && typeof (error as ValidationError).type === 'string') errors.push(error as ValidationError);
    }
  };
  collect(report.errors);
  if (Array.isArray(report.tasks)) {
    let taskRows = 0;
    let anyTaskRows = false;
    for (const task of report.tasks) {
      if (task === null || typeof task !== 'object') continue;
      collect(task.errors);
      if (typeof task.stats?.rows === 'number') {
        taskRows += task.stats.rows;
        anyTaskRows = true;
      }
    }
    if (statRows === undefined && anyTaskRows) statRows = taskRows;
  }

  const classes = new Map<string, { types: Set<string>; errors: number; rows: Set<number>; tableErrors: number }>();
  let maxRow = 0;
  for (const error of errors) {
    const cls = classOf(error.type);
    let entry = classes.get(cls);
    if (entry === undefined) {
      entry = { types: new Set(), errors: 0, rows: new Set(), tableErrors: 0 };
      classes.set(cls, entry);
    }
    entry.types.add(error.type);
    entry.errors++;
    if (typeof error.rowNumber === 'number' && Number.isFinite(error.rowNumber)) {
      entry.rows.add(error.rowNumber);
      if (error.rowNumber > maxRow) maxRow = error.rowNumber;
    } else {
      entry.tableErrors++;
    }
  }
  const rows = statRows !== undefined && statRows > 0 ? statRows : maxRow;

  const source = classes.get('source');
  if (source !== undefined) {
    return {
      score: 0,
      readable: false,
      rows,
      explanations: [explain('source', source, rows, 100)],
      message: dataMessages.unreadable,
    };
  }
  if (classes.size === 0) {
    return { score: 100, readable: true, rows, explanations: [], message: dataMessages.valid };
  }
  const explanations: DataScoreExplanation[] = [];
  let deductions = 0;
  for (const [cls, entry] of classes) {
    const weight = dataErrorWeights[cls] ?? dataErrorWeights.other!;
    const share = rows > 0 ? Math.min(1, entry.rows.size / rows) : entry.rows.size > 0 ? 1 : 0;
    const deduction = round1(weight * share * 100 + weight * entry.tableErrors);
    deductions += deduction;
    explanations.push(explain(cls, entry, rows, deduction));
  }
  explanations.sort((a, b) => b.deduction - a.deduction);
  const score = Math.max(0, Math.min(100, round1(100 - deductions)));
  const message = explanations[0]!.message;
  return { score, readable: true, rows, explanations, message };
}

function explain(cls: string, entry: { types: Set<string>; errors: number; rows: Set<number>; tableErrors: number }, rows: number, deduction: number): DataScoreExplanation {
  const messages = dataClassMessages[cls] ?? dataClassMessages.other!;
  const weight = dataErrorWeights[cls] ?? dataErrorWeights.other!;
  const message =
    cls === 'source'
      ? dataMessages.unreadable
      : entry.rows.size > 0
        ? fill(dataMessages.rows_affected, { rows: entry.rows.size, total: rows, deduction })
        : fill(dataMessages.whole_table, { count: entry.tableErrors, deduction });
  return {
    class: cls,
    weight,
    types: [...entry.types].sort(),
    errors: entry.errors,
    rowsAffected: entry.rows.size,
    tableErrors: entry.tableErrors,
    deduction,
    label: messages.label,
    message,
    hint: cls === 'source' ? dataMessages.unreadable_hint : messages.hint,
  };
}
