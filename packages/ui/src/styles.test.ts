// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('./styles.css', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

// Custom properties declared in the first block matching `selector`.
function tokens(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  const block = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/(--bayan-[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const light = tokens(':root');
const dark = { ...light, ...tokens("[data-theme='dark']") };

describe('styles.css', () => {
  it('uses logical properties only, so right-to-left works by construction', () => {
    const physical = css.match(
      /(^|[\s;{])((margin|padding|border)-(left|right|top|bottom)(-[a-z]+)?|left|right|top|bottom|float|clear|text-align:\s*(left|right))\s*:/gm,
    );
    expect(physical).toBeNull();
    expect(css).not.toMatch(/text-align:\s*(left|right)/);
  });

  it('defines every --bayan-* variable it uses', () => {
    const used = new Set([...css.matchAll(/var\((--bayan-[\w-]+)/g)].map((m) => m[1]!));
    const defined = new Set([...css.matchAll(/(--bayan-[\w-]+):/g)].map((m) => m[1]!));
    expect([...used].filter((name) => !defined.has(name))).toEqual([]);
  });

  it('overrides the same tokens for dark mode, explicitly and by system preference', () => {
    const explicit = tokens("[data-theme='dark']");
    const system = tokens(":root:not([data-theme='light'])");
    expect(system).toEqual(explicit);
    for (const name of Object.keys(explicit)) expect(light).toHaveProperty(name);
  });

  it.each([
    ['light', light],
    ['dark', dark],
  ])('keeps every semantic pair at WCAG AA contrast (4.5:1) in %s mode', (_mode, theme) => {
    const pairs = Object.keys(theme)
      .filter((name) => name.endsWith('-foreground'))
      .map((foreground) => [foreground.replace(/-foreground$/, ''), foreground] as const)
      .filter(([background]) => background in theme);
    expect(pairs.length).toBeGreaterThanOrEqual(9);
    const weak = pairs
      .map(([background, foreground]) => ({ pair: `${background} / ${foreground}`, ratio: contrast(theme[background]!, theme[foreground]!) }))
      .filter((entry) => entry.ratio < 4.5);
    expect(weak).toEqual([]);
  });

  it.each([
    ['light', light],
    ['dark', dark],
  ])('keeps text colours readable on the page background in %s mode', (_mode, theme) => {
    for (const name of ['--bayan-foreground', '--bayan-muted-foreground', '--bayan-link', '--bayan-primary']) {
      expect({ name, ok: contrast(theme[name]!, theme['--bayan-background']!) >= 4.5 }).toEqual({ name, ok: true });
    }
    expect(contrast(theme['--bayan-muted-foreground']!, theme['--bayan-muted']!)).toBeGreaterThanOrEqual(4.5);
    // Non-text contrast (WCAG 1.4.11): focus ring, field borders and stars need 3:1.
    for (const name of ['--bayan-ring', '--bayan-input', '--bayan-star']) {
      expect({ name, ok: contrast(theme[name]!, theme['--bayan-background']!) >= 3 }).toEqual({ name, ok: true });
    }
  });
});
