import { scaleDiverging, scaleSequential } from 'd3-scale';
import { interpolateRdBu, interpolateViridis } from 'd3-scale-chromatic';

/**
 * What range a quantity lives in, which picks its colour scale: `unit` for sigmoid gates
 * in [0, 1] (sequential), `signed` for tanh-range and other values centred on 0
 * (diverging).
 */
export type ValueRange = 'unit' | 'signed';

const unitScale = scaleSequential(interpolateViridis).domain([0, 1]).clamp(true);
// Reversed RdBu: negative values blue, positive red, 0 a near-white grey.
const signedScale = scaleDiverging((u: number) => interpolateRdBu(1 - u))
  .domain([-1, 0, 1])
  .clamp(true);

/**
 * Fill colour of a value: viridis over [0, 1] for `unit` (colour-blind safe, and its
 * lightness grows with the value); reversed RdBu over [−1, 1] for `signed` (blue below
 * 0, red above). Out-of-range values clamp to the ends; NaN gives a neutral grey.
 */
export function valueColor(value: number, range: ValueRange): string {
  if (!Number.isFinite(value)) return '#9ca3af';
  return range === 'unit' ? unitScale(value) : signedScale(value);
}

/** [r, g, b] in 0–255 of a `#rrggbb` or `rgb(r, g, b)` string, as d3's interpolators write them. */
function parseColor(color: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (hex)
    return [parseInt(hex[1] ?? '0', 16), parseInt(hex[2] ?? '0', 16), parseInt(hex[3] ?? '0', 16)];
  const rgb = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)/i.exec(color);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new Error(`Gatescope: cannot parse colour "${color}".`);
}

/** WCAG 2 relative luminance (0 black … 1 white) of a colour string. */
function relativeLuminance(color: string): number {
  const [r, g, b] = parseColor(color).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio (1–21) between two colour strings. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Black or white, whichever contrasts more with `background`. For any background one of
 * the two reaches at least 4.58:1, so text drawn this way passes WCAG AA.
 */
export function textColorOn(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff')
    ? '#000000'
    : '#ffffff';
}

/** Thinnest and thickest wire, in viewBox units. */
export const WIRE_WIDTH = { min: 1.5, max: 6 } as const;

/**
 * Stroke width of a wire carrying `value`: grows linearly with |value| up to 1, then
 * stays at the maximum. NaN draws the thinnest wire.
 */
export function wireWidth(value: number): number {
  const m = Number.isFinite(value) ? Math.min(1, Math.abs(value)) : 0;
  return WIRE_WIDTH.min + (WIRE_WIDTH.max - WIRE_WIDTH.min) * m;
}
