/** Encodings the reader decodes (all built into TextDecoder in Node 20 and browsers). */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256' | 'windows-1252';

const ENCODING_ALIASES: Record<string, TextEncoding> = {
  'utf-8': 'utf-8', utf8: 'utf-8', 'utf-8-sig': 'utf-8',
  'utf-16le': 'utf-16le', 'utf-16': 'utf-16le', 'utf-16be': 'utf-16be',
  'windows-1256': 'windows-1256', cp1256: 'windows-1256',
  'windows-1252': 'windows-1252', cp1252: 'windows-1252', 'iso-8859-1': 'windows-1252', latin1: 'windows-1252', 'latin-1': 'windows-1252',
};

/** Normalises an encoding name; undefined when it is not supported. */
export function normaliseEncoding(name: string): TextEncoding | undefined {
  return ENCODING_ALIASES[name.trim().toLowerCase()];
}

/**
 * Guesses the encoding of a byte sample: a BOM wins; otherwise UTF-16 by its zero bytes, UTF-8
 * when the sample is valid UTF-8, else Windows-1256 when high bytes come in runs (Arabic words)
 * and Windows-1252 when they stand alone between ASCII letters (French accents).
 *
 * @example
 * ```ts
 * detectEncoding(new TextEncoder().encode('المدارس')); // 'utf-8'
 * ```
 */
export function detectEncoding(sample: Uint8Array): TextEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  const n = Math.min(sample.length, 1 << 16);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) evenZeros++;
      else oddZeros++;
    }
  }
  if (n >= 4 && oddZeros > n / 8 && evenZeros < n / 64) return 'utf-16le';
  if (n >= 4 && evenZeros > n / 8 && oddZeros < n / 64) return 'utf-16be';
  if (isValidUtf8(sample.subarray(0, n))) return 'utf-8';
  let high = 0;
  let inRuns = 0;
  for (let i = 0; i < n; i++) {
    if (sample[i]! >= 0x80) {
      high++;
      if ((i > 0 && sample[i - 1]! >= 0x80) || (i + 1 < n && sample[i + 1]! >= 0x80)) inRuns++;
    }
  }
  return high > 0 && inRuns / high > 0.5 ? 'windows-1256' : 'windows-1252';
}

/** True when the bytes are UTF-8, allowing a character cut at the end of the sample. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  const cut = completeLength(bytes);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, cut));
    return true;
  } catch {
    return false;
  }
}

/** Length of the prefix that ends on a complete UTF-8 character. */
function completeLength(bytes: Uint8Array): number {
  const len = bytes.length;
  let i = len - 1;
  let back = 0;
  while (i >= 0 && back < 3 && (bytes[i]! & 0xc0) === 0x80) {
    i--;
    back++;
  }
  if (i < 0) return len;
  const lead = bytes[i]!;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return i + need > len ? i : len;
}

/**
 * Decodes a byte stream chunk by chunk. Invalid bytes are replaced by U+FFFD and reported once
 * through `onError` with their byte offset, so a bad file still yields a report.
 */
export class ChunkDecoder {
  readonly encoding: TextEncoding;
  private readonly fatal: TextDecoder;
  private readonly lenient: TextDecoder;
  private carry: Uint8Array | undefined;
  private offset = 0;
  private first = true;
  private readonly onError: (offset: number) => void;

  constructor(encoding: TextEncoding, onError: (offset: number) => void) {
    this.encoding = encoding;
    this.fatal = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    this.lenient = new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
    this.onError = onError;
  }

  /** Decodes one chunk; call `end()` after the last one. */
  decode(chunk: Uint8Array): string {
    let bytes = chunk;
    if (this.carry) {
      const joined = new Uint8Array(this.carry.length + chunk.length);
      joined.set(this.carry);
      joined.set(chunk, this.carry.length);
      bytes = joined;
      this.carry = undefined;
    }
    const cut = this.cutPoint(bytes);
    if (cut < bytes.length) {
      this.carry = bytes.slice(cut);
      bytes = bytes.subarray(0, cut);
    }
    return this.decodeComplete(bytes);
  }

  /** Flushes bytes kept for an incomplete last character. */
  end(): string {
    if (!this.carry) return '';
    const rest = this.carry;
    this.carry = undefined;
    return this.decodeComplete(rest);
  }

  private cutPoint(bytes: Uint8Array): number {
    const len = bytes.length;
    switch (this.encoding) {
      case 'utf-8':
        return completeLength(bytes);
      case 'utf-16le':
      case 'utf-16be': {
        let cut = len - (len % 2);
        if (cut >= 2) {
          const unit = this.encoding === 'utf-16le' ? bytes[cut - 2]! | (bytes[cut - 1]! << 8) : (bytes[cut - 2]! << 8) | bytes[cut - 1]!;
          if (unit >= 0xd800 && unit <= 0xdbff) cut -= 2;
        }
        return cut;
      }
      default:
        return len;
    }
  }

  private decodeComplete(bytes: Uint8Array): string {
    let text: string;
    try {
      text = this.fatal.decode(bytes);
    } catch {
      this.onError(this.offset + firstInvalidOffset(bytes, this.encoding));
      text = this.lenient.decode(bytes);
    }
    this.offset += bytes.length;
    if (this.first && text.length > 0) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    return text;
  }
}

function firstInvalidOffset(bytes: Uint8Array, encoding: TextEncoding): number {
  if (encoding !== 'utf-8') return 0;
  let lo = 0;
  let hi = bytes.length;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Binary search on the longest valid prefix (a prefix may end mid-character, hence completeLength).
  while (hi - lo > 4) {
    const mid = (lo + hi) >>> 1;
    try {
      decoder.decode(bytes.subarray(0, completeLength(bytes.subarray(0, mid))));
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}
