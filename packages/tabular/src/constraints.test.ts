import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConstraintCode, compileConstraints, fixedPattern, foldBounds, insideFolded, passes, passesAt } from './constraints';
import type { ConstraintCheck } from './constraints';
import { compileCast } from './fieldTypes';

describe('constraints checked in place', () => {
  it('reads only fixed sequences of character sets as fixed patterns', () => {
    expect(fixedPattern('[A-Z]{2}[0-9]{4}')).toHaveLength(6);
    expect(fixedPattern('\\d{5}')).toHaveLength(5);
    expect(fixedPattern('MA-[0-9]{3}')).toHaveLength(6);
    for (const source of ['[A-Z]+', '\\d{2,4}', 'a|b', '(ab){2}', '[^0-9]', '.{3}', '\\w{2}', '[a-]', 'a?', '', '[]']) expect(fixedPattern(source)).toBeUndefined();
  });

  it('matches fixed patterns exactly like the regex', () => {
    const sources = ['[A-Z]{2}[0-9]{4}', '\\d{5}', 'MA-[0-9]{3}', '[A-Za-z0-9_]{2}x', '[0-z]{2}', 'a{0}b'];
    const alphabet = fc.constantFrom('A', 'Z', 'a', 'z', '0', '9', '-', 'M', 'x', 'b', '_', '[', '\u00e9', '\ud83d', '\n', ' ');
    fc.assert(fc.property(fc.constantFrom(...sources), fc.array(alphabet, { maxLength: 8 }).map((chars) => chars.join('')), fc.string({ maxLength: 3 }), (source, cell, around) => {
      const { checks } = compileConstraints({ name: 'f', type: 'string', constraints: { pattern: source } }, compileCast({ name: 'f' }));
      const check = checks[0]!;
      expect(check.fixed).toBeDefined();
      const text = `${around},${cell},${around}`;
      const start = around.length + 1;
      expect(passesAt(check, undefined, text, start, start + cell.length)).toBe(passes(check, cell, cell));
    }), { numRuns: 2000 });
  });

  it('compares text with a short enum in place', () => {
    const { checks } = compileConstraints({ name: 'f', type: 'string', constraints: { enum: ['north', 'south', 'nor', 'يمين'] } }, compileCast({ name: 'f' }));
    const check = checks[0]!;
    expect(check.code).toBe(ConstraintCode.Enum);
    for (const cell of ['north', 'nort', 'northh', 'south', 'nor', 'South', '', 'يمين']) {
      const text = `x;${cell};north`;
      expect(passesAt(check, undefined, text, 2, 2 + cell.length)).toBe(passes(check, cell, cell));
    }
  });

  it('folds length and bound checks into intervals that pass exactly when every check passes', () => {
    const codes = [ConstraintCode.MinLength, ConstraintCode.MaxLength, ConstraintCode.Minimum, ConstraintCode.Maximum, ConstraintCode.ExclusiveMinimum, ConstraintCode.ExclusiveMaximum];
    const limit = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(NaN, Infinity, -Infinity, 0.5));
    const check = fc.record({ code: fc.constantFrom(...codes), limit }).map(({ code, limit }): ConstraintCheck => ({ name: String(code), note: '', code, limit, test: () => true }));
    const value = fc.oneof(fc.integer({ min: -4, max: 4 }), fc.constantFrom(NaN, Infinity, -Infinity, 0.5, true, undefined));
    fc.assert(fc.property(fc.array(check, { maxLength: 5 }), value, fc.integer({ min: 0, max: 5 }), (checks, v, length) => {
      const folded = foldBounds(checks);
      let inside = insideFolded(folded, length, typeof v === 'number', v as number);
      const text = 'x'.repeat(length);
      inside &&= folded.rest.every((item) => passesAt(item, v, text, 0, length));
      expect(inside).toBe(checks.every((item) => passesAt(item, v, text, 0, length)));
    }), { numRuns: 3000 });
  });
});
