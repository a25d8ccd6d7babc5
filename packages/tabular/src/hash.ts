/*
 * Streaming MD5 and SHA-256 (Web Crypto has no MD5 and no streaming digest), used for the
 * Frictionless `hash` check, plus the 64-bit fingerprints that key sets store.
 */

interface Digest {
  update(bytes: Uint8Array): void;
  hex(): string;
}

abstract class BlockHash implements Digest {
  private readonly block = new Uint8Array(64);
  private used = 0;
  private total = 0;
  protected abstract compress(block: Uint8Array): void;
  protected abstract output(): Uint8Array;
  protected abstract readonly bigEndian: boolean;

  update(bytes: Uint8Array): void {
    this.total += bytes.length;
    let i = 0;
    if (this.used > 0) {
      const take = Math.min(64 - this.used, bytes.length);
      this.block.set(bytes.subarray(0, take), this.used);
      this.used += take;
      i = take;
      if (this.used < 64) return;
      this.compress(this.block);
      this.used = 0;
    }
    for (; i + 64 <= bytes.length; i += 64) this.compress(bytes.subarray(i, i + 64));
    if (i < bytes.length) {
      this.block.set(bytes.subarray(i), 0);
      this.used = bytes.length - i;
    }
  }

  hex(): string {
    const bits = this.total * 8;
    const pad = new Uint8Array(((this.used < 56 ? 56 : 120) - this.used) + 8);
    pad[0] = 0x80;
    const lo = bits >>> 0;
    const hi = Math.floor(bits / 2 ** 32) >>> 0;
    const at = pad.length - 8;
    for (let k = 0; k < 4; k++) {
      if (this.bigEndian) {
        pad[at + 7 - k] = (lo >>> (8 * k)) & 0xff;
        pad[at + 3 - k] = (hi >>> (8 * k)) & 0xff;
      } else {
        pad[at + k] = (lo >>> (8 * k)) & 0xff;
        pad[at + 4 + k] = (hi >>> (8 * k)) & 0xff;
      }
    }
    this.total -= pad.length;
    this.update(pad);
    let out = '';
    for (const byte of this.output()) out += byte.toString(16).padStart(2, '0');
    return out;
  }
}

const MD5_S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const MD5_K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

/** Incremental MD5. */
export class Md5 extends BlockHash {
  protected readonly bigEndian = false;
  private readonly h = new Uint32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]);
  private readonly m = new Uint32Array(16);

  protected compress(block: Uint8Array): void {
    const m = this.m;
    for (let i = 0; i < 16; i++) m[i] = block[i * 4]! | (block[i * 4 + 1]! << 8) | (block[i * 4 + 2]! << 16) | (block[i * 4 + 3]! << 24);
    let [a, b, c, d] = this.h as unknown as [number, number, number, number];
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) { f = (b & c) | (~b & d); g = i; }
      else if (i < 32) { f = (d & b) | (~d & c); g = (5 * i + 1) % 16; }
      else if (i < 48) { f = b ^ c ^ d; g = (3 * i + 5) % 16; }
      else { f = c ^ (b | ~d); g = (7 * i) % 16; }
      const s = MD5_S[(i >> 4) * 4 + (i % 4)]!;
      const x = (a + f + MD5_K[i]! + m[g]!) | 0;
      a = d;
      d = c;
      c = b;
      b = (b + ((x << s) | (x >>> (32 - s)))) | 0;
    }
    this.h[0] = (this.h[0]! + a) | 0;
    this.h[1] = (this.h[1]! + b) | 0;
    this.h[2] = (this.h[2]! + c) | 0;
    this.h[3] = (this.h[3]! + d) | 0;
  }

  protected output(): Uint8Array {
    const out = new Uint8Array(16);
    for (let i = 0; i < 4; i++) for (let k = 0; k < 4; k++) out[i * 4 + k] = (this.h[i]! >>> (8 * k)) & 0xff;
    return out;
  }
}

const SHA_K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** Incremental SHA-256. */
export class Sha256 extends BlockHash {
  protected readonly bigEndian = true;
  private readonly h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  private readonly w = new Uint32Array(64);

  protected compress(block: Uint8Array): void {
    const w = this.w;
    for (let i = 0; i < 16; i++) w[i] = (block[i * 4]! << 24) | (block[i * 4 + 1]! << 16) | (block[i * 4 + 2]! << 8) | block[i * 4 + 3]!;
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]!;
      const y = w[i - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let [a, b, c, d, e, f, g, h] = this.h as unknown as number[] as [number, number, number, number, number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (h + S1 + ch + SHA_K[i]! + w[i]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    const add = [a, b, c, d, e, f, g, h];
    for (let i = 0; i < 8; i++) this.h[i] = (this.h[i]! + add[i]!) | 0;
  }

  protected output(): Uint8Array {
    const out = new Uint8Array(32);
    for (let i = 0; i < 8; i++) for (let k = 0; k < 4; k++) out[i * 4 + k] = (this.h[i]! >>> (24 - 8 * k)) & 0xff;
    return out;
  }
}

/** High half of the last `fingerprint` call (the low half is its return value). */
export let fingerprintHigh = 0;

/**
 * A 64-bit fingerprint of a string as two 32-bit halves (FNV-1a and a murmur-style mix with
 * different seeds): returns the low half, leaves the high half in `fingerprintHigh`.
 */
export function fingerprint(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  b = Math.imul(b ^ (b >>> 16), 0xc2b2ae35);
  b ^= b >>> 16;
  fingerprintHigh = b >>> 0;
  return a >>> 0;
}
