/**
 * Colours as computed styles report them, rewritten for SVG files: an opaque `rgb()` or
 * hex colour plus a separate opacity, which every SVG reader (browsers, Inkscape,
 * Illustrator, slide software) understands. Pure.
 */

/** A paint split into its colour (or `none`, or `url(#id)`) and its alpha. */
export interface Paint {
  readonly paint: string;
  readonly alpha: number;
}

const NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?`;
const RGB = new RegExp(
  String.raw`^rgba?\(\s*(${NUMBER})[\s,]+(${NUMBER})[\s,]+(${NUMBER})(?:[\s,/]+(${NUMBER})(%?))?\s*\)$`,
  'i',
);
const SRGB = new RegExp(
  String.raw`^color\(\s*srgb\s+(${NUMBER})\s+(${NUMBER})\s+(${NUMBER})(?:\s*/\s*(${NUMBER})(%?))?\s*\)$`,
  'i',
);

const byte = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
const alphaOf = (text: string | undefined, percent: string | undefined) =>
  text === undefined ? 1 : Math.max(0, Math.min(1, Number(text) / (percent ? 100 : 1)));

/**
 * Splits a computed colour or paint: `rgba(1, 2, 3, 0.5)` → rgb(1,2,3) at 0.5;
 * `color(srgb 0.1 0.2 0.3 / 0.4)` (what `color-mix()` computes to) → rgb() at 0.4;
 * `transparent` → alpha 0; `url("#a")` → `url(#a)`; anything else unchanged at alpha 1.
 */
export function splitPaint(value: string): Paint {
  const text = value.trim();
  if (text === 'transparent') return { paint: 'rgb(0,0,0)', alpha: 0 };
  const url = /^url\(\s*["']?[^"')]*?(#[^"')]+)["']?\s*\)/.exec(text);
  if (url) return { paint: `url(${url[1]})`, alpha: 1 };
  const rgb = RGB.exec(text);
  if (rgb) {
    const [r, g, b] = [rgb[1], rgb[2], rgb[3]].map((v) => byte(Number(v)));
    return { paint: `rgb(${r},${g},${b})`, alpha: alphaOf(rgb[4], rgb[5]) };
  }
  const srgb = SRGB.exec(text);
  if (srgb) {
    const [r, g, b] = [srgb[1], srgb[2], srgb[3]].map((v) => byte(Number(v) * 255));
    return { paint: `rgb(${r},${g},${b})`, alpha: alphaOf(srgb[4], srgb[5]) };
  }
  return { paint: text, alpha: 1 };
}

/** A colour as an opaque CSS colour when it is opaque, else `rgba()`: for one-off fills. */
export function cssColor(value: string): string {
  const { paint, alpha } = splitPaint(value);
  if (alpha >= 1 || !paint.startsWith('rgb(')) return paint;
  return `rgba(${paint.slice(4, -1)},${Number(alpha.toFixed(3))})`;
}
