import { errorMessages, errorSpecs } from './messages';
import type { LocalizedMessage } from './messages';

/** A typed error of a Frictionless validation report, with a message in fr, ar and en. */
export interface TableError {
  /** Stable error type, e.g. `type-error`, `blank-row`. */
  type: string;
  /** Short English title of the type, e.g. `Type Error`. */
  title: string;
  /** What the type means, in English. */
  description: string;
  /** The English message (same text as `messages.en`). */
  message: string;
  /** Frictionless tags: `#table`, `#header`, `#row`, `#cell`, `#file`, `#data`. */
  tags: string[];
  /** Detail specific to this occurrence. */
  note: string;
  /** The message a person reads, in French, Arabic and English. */
  messages: LocalizedMessage;
  /** Physical row number (the header is row 1). */
  rowNumber?: number;
  /** Column number, from 1. */
  fieldNumber?: number;
  /** Name of the schema field. */
  fieldName?: string;
  /** The offending cell as read. */
  cell?: string;
  /** All cells of the offending row. */
  cells?: string[];
  /** Header label involved (label errors). */
  label?: string;
  /** All header labels (label errors). */
  labels?: string[];
  /** Header row numbers (label errors). */
  rowNumbers?: number[];
}

/** Counters of one validation task. */
export interface TaskStats {
  errors: number;
  warnings: number;
  seconds: number;
  fields?: number;
  rows?: number;
  bytes?: number;
  md5?: string;
  sha256?: string;
}

/** Result of validating one table (one resource). */
export interface ReportTask {
  valid: boolean;
  name: string;
  type: 'table';
  place: string;
  labels: string[];
  stats: TaskStats;
  warnings: string[];
  errors: TableError[];
}

/** A validation report in the Frictionless format. */
export interface Report {
  valid: boolean;
  stats: { tasks: number; errors: number; warnings: number; seconds: number };
  warnings: string[];
  errors: TableError[];
  tasks: ReportTask[];
}

/** Where an error happened and what it was about. */
export interface ErrorDetails {
  note?: string;
  rowNumber?: number;
  fieldNumber?: number;
  fieldName?: string;
  cell?: string;
  cells?: string[];
  label?: string;
  labels?: string[];
  rowNumbers?: number[];
}

/** Builds a typed error with its localized messages. */
export function createError(type: string, details: ErrorDetails = {}): TableError {
  const spec = errorSpecs[type] ?? errorSpecs['general-error']!;
  const messages = errorMessages(type, details);
  const error: TableError = {
    type,
    title: spec.title,
    description: spec.description,
    message: messages.en,
    tags: spec.tags,
    note: details.note ?? '',
    messages,
  };
  if (details.rowNumber !== undefined) error.rowNumber = details.rowNumber;
  if (details.fieldNumber !== undefined) error.fieldNumber = details.fieldNumber;
  if (details.fieldName !== undefined) error.fieldName = details.fieldName;
  if (details.cell !== undefined) error.cell = details.cell;
  if (details.cells !== undefined) error.cells = details.cells;
  if (details.label !== undefined) error.label = details.label;
  if (details.labels !== undefined) error.labels = details.labels;
  if (details.rowNumbers !== undefined) error.rowNumbers = details.rowNumbers;
  return error;
}

/** Wraps tasks into a report, summing the counters. */
export function createReport(tasks: ReportTask[], seconds: number, errors: TableError[] = [], warnings: string[] = []): Report {
  let errorCount = errors.length;
  let warningCount = warnings.length;
  for (const task of tasks) {
    errorCount += task.errors.length;
    warningCount += task.warnings.length;
  }
  return {
    valid: errorCount === 0,
    stats: { tasks: tasks.length, errors: errorCount, warnings: warningCount, seconds },
    warnings,
    errors,
    tasks,
  };
}

/** Keeps an error when it passes the pick/skip filters (by type or `#tag`). */
export function errorFilter(pick?: string[], skip?: string[]): (type: string) => boolean {
  const tagsOf = (type: string): string[] => (errorSpecs[type] ?? errorSpecs['general-error']!).tags;
  const matches = (list: string[], type: string): boolean => list.some((item) => item === type || tagsOf(type).includes(item));
  return (type) => {
    if (pick && pick.length > 0 && !matches(pick, type)) return false;
    if (skip && skip.length > 0 && matches(skip, type)) return false;
    return true;
  };
}
