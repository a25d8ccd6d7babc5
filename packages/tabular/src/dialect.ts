import type { CsvDialect } from './csvTokenizer';
import { defaultCsvDialect } from './csvTokenizer';

const CANDIDATES = [',', ';', '\t', '|'];

/**
 * Detects the delimiter (`, ; \t |`), the line terminator and the quote of a text sample: the
 * delimiter is the candidate whose count per line is the most consistent over the first lines,
 * ignoring text inside quotes.
 *
 * @example
 * ```ts
 * detectDialect('région;population\nSouss-Massa;2676847\n').delimiter; // ';'
 * ```
 */
export function detectDialect(sample: string, fileName = ''): CsvDialect {
  const lineTerminator = sample.includes('\n') || !sample.includes('\r') ? '\n' : '\r';
  const lines: string[] = [];
  let inQuotes = false;
  let current = '';
  for (let i = 0; i < sample.length && lines.length < 50; i++) {
    const ch = sample[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === lineTerminator) {
      lines.push(current);
      current = '';
    } else if (!inQuotes) current += ch;
  }
  if (current.length > 0 && lines.length < 50 && sample.length < 65_536) lines.push(current);
  const nonEmpty = lines.map((line) => line.replace(/\r$/, '')).filter((line) => line.length > 0);
  let best = fileName.toLowerCase().endsWith('.tsv') ? '\t' : ',';
  let bestScore = 0;
  for (const delimiter of CANDIDATES) {
    const counts = nonEmpty.map((line) => line.split(delimiter).length - 1);
    const frequency = new Map<number, number>();
    for (const count of counts) if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    let modeCount = 0;
    let mode = 0;
    for (const [count, times] of frequency) {
      if (times > modeCount || (times === modeCount && count > mode)) {
        modeCount = times;
        mode = count;
      }
    }
    // Consistency first (lines sharing the modal count), then more columns.
    const score = modeCount * 1000 + Math.min(mode, 999);
    if (score > bestScore) {
      bestScore = score;
      best = delimiter;
    }
  }
  const quoteChar = !sample.includes('"') && sample.includes("'") && new RegExp(`(^|[${best}\\n])'`).test(sample) ? "'" : '"';
  return { ...defaultCsvDialect, delimiter: best, quoteChar, lineTerminator };
}
