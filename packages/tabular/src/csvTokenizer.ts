/** How a CSV file is written (the Frictionless Table Dialect, CSV part). */
export interface CsvDialect {
  /** Cell separator; default `,`. */
  delimiter: string;
  /** Quote character; default `"`. */
  quoteChar: string;
  /** A doubled quote inside quotes is a literal quote; default true. */
  doubleQuote: boolean;
  /** Character that escapes the next one (e.g. `\\`); default none. */
  escapeChar?: string;
  /** Ignore spaces after a delimiter; default false. */
  skipInitialSpace: boolean;
  /** Line terminator searched for: `\n` (also ends `\r\n`) or `\r` alone; default `\n`. */
  lineTerminator: '\n' | '\r';
  /** Lines starting with this character are skipped; default none. */
  commentChar?: string;
}

/** The RFC 4180 dialect. */
export const defaultCsvDialect: CsvDialect = {
  delimiter: ',',
  quoteChar: '"',
  doubleQuote: true,
  skipInitialSpace: false,
  lineTerminator: '\n',
};

/** Called for every record; return `false` to stop reading. */
export type RowSink = (cells: string[]) => boolean | void;

/**
 * Called instead of `RowSink` for a record on one line whose cells are spans of the text: the
 * record is `text.slice(start, end)` (line break excluded) and its cells are that text split on
 * the delimiter — or, when `quoted`, as `splitQuotedLine` splits it (each cell either has no
 * quote at its start, or is one quoted span with no quote inside followed by a delimiter or the
 * end). No string is created, so a consumer can read values straight from `text`. Return
 * `false` to stop reading.
 */
export type LineSink = (text: string, start: number, end: number, quoted: boolean) => boolean | void;

/**
 * True when the record text[start, end) (one line, no escape character in the dialect) can be
 * read as spans: every cell that starts with the quote is closed on this line by a quote
 * followed by the delimiter or the end, with no quote inside. (The caller also makes sure no CR
 * occurs in the line: the field-by-field parser ends a record at a lone CR.)
 */
function isQuotedLine(text: string, start: number, end: number, delimiter: string, quote: string): boolean {
  let p = start;
  for (;;) {
    if (p < end && text.startsWith(quote, p)) {
      const close = text.indexOf(quote, p + 1);
      if (close === -1 || close >= end) return false;
      p = close + 1;
      if (p === end) return true;
      if (!text.startsWith(delimiter, p)) return false;
      p++;
      continue;
    }
    const next = text.indexOf(delimiter, p);
    if (next === -1 || next >= end) return true;
    p = next + 1;
  }
}

/** True when `character` (if any) occurs in text[0, before). */
function hasBefore(text: string, character: string | undefined, before: number): boolean {
  if (!character) return false;
  const at = text.indexOf(character);
  return at !== -1 && at < before;
}

/** The cells of a line that the tokenizer passed as `quoted` to a LineSink. */
export function splitQuotedLine(text: string, start: number, end: number, delimiter: string, quote: string): string[] {
  const cells: string[] = [];
  let p = start;
  for (;;) {
    if (p < end && text.startsWith(quote, p)) {
      const close = text.indexOf(quote, p + 1);
      cells.push(text.slice(p + 1, close));
      p = close + 1;
      if (p >= end) return cells;
      p++;
      continue;
    }
    const next = text.indexOf(delimiter, p);
    if (next === -1 || next >= end) {
      cells.push(text.slice(p, end));
      return cells;
    }
    cells.push(text.slice(p, next));
    p = next + 1;
  }
}

/**
 * A streaming RFC 4180 tokenizer over decoded text chunks.
 *
 * Lines without a quote character take a fast path (`slice` + `split`, both native); lines with
 * quotes are scanned field by field with `indexOf` jumps. A record longer than `maxRecordChars`
 * stops the tokenizer with an error instead of growing the buffer without bound.
 *
 * @example
 * ```ts
 * const rows: string[][] = [];
 * const tokenizer = new CsvTokenizer(detectDialect(sample), (cells) => {
 *   rows.push([...cells]);
 * });
 * tokenizer.push('region;population\nSouss-Massa;2 676 847\n');
 * tokenizer.end();
 * ```
 */
export class CsvTokenizer {
  private readonly dialect: CsvDialect;
  private readonly sink: RowSink;
  private readonly maxRecordChars: number;
  private readonly lineSink: LineSink | undefined;
  /** Lines with quotes may go to the line sink too (see `isQuotedLine`). */
  private readonly quotedLines: boolean;
  private rest = '';
  private stopped = false;
  /** Set when a record was too long; the tokenizer is then stopped. */
  error: string | undefined;

  /**
   * @param lineSink - when given, one-line records whose cells are spans of the text (no quotes,
   *   or simply quoted cells) go to it instead of `sink`; not with `skipInitialSpace`, whose
   *   cells differ from the line's text.
   */
  constructor(dialect: CsvDialect, sink: RowSink, maxRecordChars = 4 * 1024 * 1024, lineSink?: LineSink) {
    this.dialect = dialect;
    this.sink = sink;
    this.maxRecordChars = maxRecordChars;
    this.lineSink = dialect.skipInitialSpace ? undefined : lineSink;
    // Not with CR line ends: the field-by-field parser also takes CR LF as one line end there.
    this.quotedLines = this.lineSink !== undefined && dialect.escapeChar === undefined && dialect.quoteChar.length === 1 && dialect.delimiter.length === 1 && dialect.lineTerminator === '\n';
  }

  /** True once the sink asked to stop or a record was too long. */
  get done(): boolean {
    return this.stopped;
  }

  /** Feeds the next text chunk. */
  push(text: string): void {
    if (this.stopped) return;
    const rest = this.rest;
    if (rest.length === 0) {
      this.run(text, false, 0);
      return;
    }
    this.rest = '';
    // join() builds flat strings; `rest + text` would be a cons string, whose characters V8
    // reads several times slower in the line sink's loops. When the carried record has no quote
    // or escape character up to the chunk's first line end, it ends there: finish it alone and
    // read the chunk in place, rather than copying the whole chunk after it.
    const { lineTerminator, quoteChar, escapeChar } = this.dialect;
    const lineEnd = text.indexOf(lineTerminator);
    if (lineEnd !== -1 && !hasBefore(rest, quoteChar, rest.length) && !hasBefore(text, quoteChar, lineEnd) && !hasBefore(rest, escapeChar, rest.length) && !hasBefore(text, escapeChar, lineEnd)) {
      this.run([rest, text.slice(0, lineEnd + 1)].join(''), false, 0);
      if (!this.stopped) this.run(text, false, lineEnd + 1);
      return;
    }
    this.run([rest, text].join(''), false, 0);
  }

  /** Flushes the last record (one without a final line break). */
  end(): void {
    if (this.stopped) return;
    const buf = this.rest;
    this.rest = '';
    if (buf.length > 0) this.run(buf, true, 0);
  }

  private run(buf: string, final: boolean, from: number): void {
    const { delimiter, quoteChar, escapeChar, skipInitialSpace, commentChar, lineTerminator } = this.dialect;
    const len = buf.length;
    const max = this.maxRecordChars;
    const lineSink = this.lineSink;
    let pos = from;
    let nextQuote = quoteChar ? buf.indexOf(quoteChar, from) : -1;
    let nextEscape = escapeChar ? buf.indexOf(escapeChar, from) : -1;
    let nextCr = -2;
    while (pos < len) {
      let lineEnd = buf.indexOf(lineTerminator, pos);
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = buf.indexOf(quoteChar, pos);
      if (nextEscape !== -1 && nextEscape < pos) nextEscape = buf.indexOf(escapeChar!, pos);
      const limit = lineEnd === -1 ? len : lineEnd;
      if ((nextQuote === -1 || nextQuote > limit) && (nextEscape === -1 || nextEscape > limit)) {
        if (lineEnd === -1 && !final) break;
        if (lineEnd === -1) lineEnd = len;
        if (lineEnd - pos > max) return this.fail();
        let stop = lineEnd;
        if (lineTerminator === '\n' && stop > pos && buf.charCodeAt(stop - 1) === 13) stop--;
        if (lineSink !== undefined) {
          const start = pos;
          pos = lineEnd + 1;
          if (commentChar !== undefined && stop - start >= commentChar.length && buf.startsWith(commentChar, start)) continue;
          if (lineSink(buf, start, stop, false) === false) {
            this.stopped = true;
            return;
          }
          continue;
        }
        const line = buf.slice(pos, stop);
        pos = lineEnd + 1;
        if (commentChar !== undefined && line.startsWith(commentChar)) continue;
        let cells = line.length === 0 ? [] : line.split(delimiter);
        if (skipInitialSpace) cells = cells.map((cell) => cell.trimStart());
        if (this.sink(cells) === false) {
          this.stopped = true;
          return;
        }
        continue;
      }
      if (this.quotedLines && (lineEnd !== -1 || final)) {
        if (lineEnd === -1) lineEnd = len;
        let stop = lineEnd;
        if (lineTerminator === '\n' && stop > pos && buf.charCodeAt(stop - 1) === 13) stop--;
        if (nextCr !== -1 && nextCr < pos) nextCr = buf.indexOf('\r', pos);
        if (lineEnd - pos <= max && (nextCr === -1 || nextCr >= stop) && isQuotedLine(buf, pos, stop, delimiter, quoteChar)) {
          const start = pos;
          pos = lineEnd + 1;
          if (commentChar !== undefined && stop - start >= commentChar.length && buf.startsWith(commentChar, start)) continue;
          if (lineSink!(buf, start, stop, true) === false) {
            this.stopped = true;
            return;
          }
          continue;
        }
      }
      const record = this.parseRecord(buf, pos, final);
      if (record === undefined) break;
      if (record.end - pos > max) return this.fail();
      pos = record.end;
      if (commentChar !== undefined && buf.startsWith(commentChar, record.start)) continue;
      if (this.sink(record.cells) === false) {
        this.stopped = true;
        return;
      }
    }
    if (pos < len) {
      if (len - pos > max) return this.fail();
      this.rest = buf.slice(pos);
    }
  }

  private fail(): void {
    this.error = `a row is longer than ${this.maxRecordChars} characters (no line break or an unclosed quote)`;
    this.stopped = true;
    this.rest = '';
  }

  /** Parses one record with quotes; undefined when it needs more text. */
  private parseRecord(buf: string, start: number, final: boolean): { cells: string[]; start: number; end: number } | undefined {
    const { delimiter, quoteChar, doubleQuote, escapeChar, skipInitialSpace, lineTerminator } = this.dialect;
    const len = buf.length;
    const cells: string[] = [];
    let p = start;
    const nlCode = lineTerminator.charCodeAt(0);
    const delimCode = delimiter.charCodeAt(0);
    const quoteCode = quoteChar ? quoteChar.charCodeAt(0) : -1;
    const escCode = escapeChar ? escapeChar.charCodeAt(0) : -1;
    const endOfRecord = (at: number): number => {
      // at points to a line terminator (or len)
      if (at >= len) return len;
      return at + 1;
    };
    for (;;) {
      if (skipInitialSpace) while (p < len && buf.charCodeAt(p) === 32) p++;
      if (p >= len) {
        if (!final) return undefined;
        cells.push('');
        return { cells, start, end: len };
      }
      let value = '';
      if (buf.charCodeAt(p) === quoteCode) {
        let q = p + 1;
        for (;;) {
          const e = buf.indexOf(quoteChar, q);
          const s = escCode === -1 ? -1 : buf.indexOf(escapeChar!, q);
          if (s !== -1 && (e === -1 || s < e)) {
            if (s + 1 >= len) {
              if (!final) return undefined;
              value += buf.slice(q, s);
              q = len;
              break;
            }
            value += buf.slice(q, s) + buf[s + 1]!;
            q = s + 2;
            continue;
          }
          if (e === -1) {
            if (!final) return undefined;
            value += buf.slice(q);
            q = len;
            break;
          }
          if (e + 1 >= len && !final) return undefined;
          if (doubleQuote && buf.charCodeAt(e + 1) === quoteCode) {
            value += buf.slice(q, e + 1);
            q = e + 2;
            continue;
          }
          value += buf.slice(q, e);
          q = e + 1;
          break;
        }
        p = q;
      }
      // Unquoted text, or text after a closing quote (kept, as Python's csv does).
      let q = p;
      for (;;) {
        if (q >= len) {
          if (!final) return undefined;
          value += buf.slice(p, q);
          cells.push(value);
          return { cells, start, end: len };
        }
        const c = buf.charCodeAt(q);
        if (c === delimCode) {
          value += buf.slice(p, q);
          cells.push(value);
          p = q + 1;
          break;
        }
        if (c === nlCode || (c === 13 && nlCode === 10)) {
          if (c === 13 && q + 1 >= len && !final) return undefined;
          value += buf.slice(p, q);
          cells.push(value);
          if (c === 13 && buf.charCodeAt(q + 1) === 10) q++;
          return { cells, start, end: endOfRecord(q) };
        }
        if (c === escCode && q + 1 < len) {
          value += buf.slice(p, q) + buf[q + 1]!;
          q += 2;
          p = q;
          continue;
        }
        q++;
      }
    }
  }
}
