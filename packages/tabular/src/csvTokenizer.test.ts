import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer, defaultCsvDialect, splitQuotedLine } from './csvTokenizer';
import type { CsvDialect } from './csvTokenizer';

function tokenize(chunks: string[], dialect: Partial<CsvDialect> = {}): string[][] {
  const rows: string[][] = [];
  const tokenizer = new CsvTokenizer({ ...defaultCsvDialect, ...dialect }, (cells) => {
    rows.push(cells);
  });
  for (const chunk of chunks) tokenizer.push(chunk);
  tokenizer.end();
  return rows;
}

function writeCsv(rows: string[][]): string {
  return rows.map((row) => row.map((cell) => (/[",\r\n]/.test(cell) || cell === '' ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\r\n');
}

function splitAt(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const parts: string[] = [];
  let last = 0;
  for (const point of points) {
    parts.push(text.slice(last, point));
    last = point;
  }
  parts.push(text.slice(last));
  return parts;
}

/** Tokenizes with a line sink: one-line records come as spans and are split here. */
function tokenizeLines(chunks: string[], dialect: Partial<CsvDialect> = {}): { rows: string[][]; spans: number } {
  const full = { ...defaultCsvDialect, ...dialect };
  const rows: string[][] = [];
  let spans = 0;
  const tokenizer = new CsvTokenizer(full, (cells) => {
    rows.push(cells);
  }, undefined, (text, start, end, quoted) => {
    spans++;
    const line = text.slice(start, end);
    rows.push(quoted ? splitQuotedLine(text, start, end, full.delimiter, full.quoteChar) : line.length === 0 ? [] : line.split(full.delimiter));
  });
  for (const chunk of chunks) tokenizer.push(chunk);
  tokenizer.end();
  return { rows, spans };
}

describe('CsvTokenizer', () => {
  it('gives a line sink spans that split into the same cells, however the text is cut', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\n', '\r', ' ', '1'), maxLength: 6 });
    const written = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }).map(writeCsv);
    const raw = fc.array(fc.constantFrom('a', ',', '"', '""', '\n', '\r\n', '\r', 'x"y'), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(written, raw), fc.array(fc.nat(), { maxLength: 6 }), fc.constantFrom<Partial<CsvDialect>>({}, { doubleQuote: false }, { commentChar: '#' }, { lineTerminator: '\r' }, { skipInitialSpace: true }, { delimiter: ';' }), (text, cuts, dialect) => {
        expect(tokenizeLines(splitAt(text, cuts), dialect).rows).toEqual(tokenize(splitAt(text, cuts), dialect));
      }),
      { numRuns: 1000 },
    );
    expect(tokenizeLines(['a,"b, c",d\n"x",,"y"\n']).spans).toBe(2);
  });

  it('reads what a CSV writer wrote, however the text is cut into chunks', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', 'ب', ',', '"', '\n', '\r', ' ', '1') , maxLength: 8 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 6 }), (rows, cuts) => {
        const text = writeCsv(rows);
        expect(tokenize(splitAt(text, cuts))).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('handles LF, CRLF, a final line without a break and blank lines', () => {
    expect(tokenize(['a,b\r\n1,2\n\n3,4'])).toEqual([['a', 'b'], ['1', '2'], [], ['3', '4']]);
  });

  it('reads old Mac files that end lines with CR alone', () => {
    expect(tokenize(['a,b\r1,2\r'], { lineTerminator: '\r' })).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('keeps quotes inside unquoted cells and text after a closing quote', () => {
    expect(tokenize(['a,5" pipe,"x"y\n'])).toEqual([['a', '5" pipe', 'xy']]);
  });

  it('supports an escape character, another delimiter and skipInitialSpace', () => {
    expect(tokenize(['a; "b\\"c";d\n'], { delimiter: ';', escapeChar: '\\', skipInitialSpace: true })).toEqual([['a', 'b"c', 'd']]);
  });

  it('skips comment lines', () => {
    expect(tokenize(['# note\na,b\n'], { commentChar: '#' })).toEqual([['a', 'b']]);
  });

  it('stops when the sink says so', () => {
    const rows: string[][] = [];
    const tokenizer = new CsvTokenizer(defaultCsvDialect, (cells) => {
      rows.push(cells);
      return rows.length < 2;
    });
    tokenizer.push('1\n2\n3\n4\n');
    expect(rows).toEqual([['1'], ['2']]);
    expect(tokenizer.done).toBe(true);
  });
});
