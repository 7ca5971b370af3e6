import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** `--name: #rrggbb` declarations of each rule block of a style sheet, in order. */
function blocks(file: string): Record<string, string>[] {
  const css = readFileSync(new URL(`../../src/styles/${file}`, import.meta.url), 'utf8');
  return [...css.matchAll(/\{([^{}]*)\}/g)].map((m) =>
    Object.fromEntries(
      [...(m[1] ?? '').matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6})\b/gi)].map((d) => [d[1]!, d[2]!]),
    ),
  );
}

const rgb = (hex: string) => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16) / 255);
const luminance = (hex: string) => {
  const [r, g, b] = rgb(hex).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};
const hue = (hex: string) => {
  const [r, g, b] = rgb(hex) as [number, number, number];
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
};
const hueGap = (a: string, b: string) => {
  const d = Math.abs(hue(a) - hue(b));
  return Math.min(d, 360 - d);
};

// Each theme: the blocks that set --focus, with the --danger and backgrounds they meet.
const base = blocks('global.css').filter((b) => b['--focus']);
const presenting = blocks('presentation.css').filter((b) => b['--focus']);
const light = base[0]!;
const dark = base[1]!;
const themes: { name: string; vars: Record<string, string> }[] = [
  { name: 'light', vars: light },
  { name: 'dark (system)', vars: dark },
  { name: 'dark (forced)', vars: base[2]! },
  { name: 'presenting, light', vars: { ...light, ...presenting[0]! } },
  { name: 'presenting, dark (system)', vars: { ...dark, ...presenting[1]! } },
  { name: 'presenting, dark (forced)', vars: { ...dark, ...presenting[2]! } },
];

describe('the focus ring and the invalid-field border', () => {
  it('finds every theme', () => {
    expect(base).toHaveLength(3);
    expect(presenting).toHaveLength(3);
  });

  for (const { name, vars: t } of themes) {
    it(`${name}: differ in hue and both stand out from the page`, () => {
      const focus = t['--focus']!;
      const danger = t['--danger']!;
      expect(hueGap(focus, danger)).toBeGreaterThanOrEqual(45);
      for (const background of [t['--bg']!, t['--panel']!]) {
        expect(contrast(focus, background)).toBeGreaterThanOrEqual(3);
        expect(contrast(danger, background)).toBeGreaterThanOrEqual(3);
      }
    });
  }
});
