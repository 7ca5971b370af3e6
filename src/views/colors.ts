import { interpolateRdBu, interpolateViridis } from 'd3-scale-chromatic';
import { rgb } from 'd3-color';

/**
 * The colour scales, chosen by what a value means (one module, used by every view):
 * perceptually uniform and colour-blind-safe, each with a stated domain for its legend.
 * Plain functions of the value (clamped into the domain, as a d3 scale with `clamp(true)`
 * maps it) rather than d3-scale objects, so the first diagram does not load d3-scale.
 */

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Sigmoid gates in [0, 1]: sequential viridis (dark purple 0 → yellow 1). */
export function gateColor(value: number): string {
  return interpolateViridis(clamp(value, 0, 1));
}

/** Red for positive, blue for negative: RdBu flipped so that the sign reads as warm/cool. */
const redBlue = (t: number) => interpolateRdBu(1 - t);

/** tanh-range values in [−1, 1] (g, n, h, tanh c): diverging around 0 (blue − · white 0 · red +). */
export function signedColor(value: number): string {
  return redBlue((clamp(value, -1, 1) + 1) / 2);
}

/**
 * A diverging scale symmetric around 0 over [−m, m], for unbounded values such as the
 * LSTM cell state c; `m` should be the largest |value| shown, stated in the legend.
 */
export function symmetricColor(m: number): (value: number) => string {
  const bound = m > 0 && Number.isFinite(m) ? m : 1;
  return (value) => signedColor(value / bound);
}

/** WCAG 2 relative luminance (0 black … 1 white) of a CSS colour. */
export function luminance(color: string): number {
  const { r, g, b } = rgb(color);
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG 2 contrast ratio (1–21) between two CSS colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Black or white, whichever contrasts more with `background`. For any background one of
 * the two reaches at least 4.58:1, so text drawn this way passes WCAG AA.
 */
export function textColorOn(background: string): '#000000' | '#ffffff' {
  let text = textColors.get(background);
  if (!text) {
    text =
      contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff')
        ? '#000000'
        : '#ffffff';
    textColors.set(background, text);
    if (textColors.size > KEPT_TEXT_COLORS) {
      textColors.delete(textColors.keys().next().value as string);
    }
  }
  return text;
}

/**
 * Text colours by background, as {@link textColorOn} chose them: every step colours a few
 * dozen boxes and numbers, mostly with colours seen before, and parsing a colour twice
 * for its luminance costs more than the render around it.
 */
const textColors = new Map<string, '#000000' | '#ffffff'>();
const KEPT_TEXT_COLORS = 2048;

/**
 * The range a diagram value lives in: `unit` for sigmoid gates in [0, 1] (sequential),
 * `signed` for tanh-range values centred on 0 (diverging).
 */
export type ValueRange = 'unit' | 'signed';

/** Fill colour of a value by its range; out-of-range values clamp, NaN is neutral grey. */
export function valueColor(value: number, range: ValueRange): string {
  if (!Number.isFinite(value)) return '#9ca3af';
  return range === 'unit' ? gateColor(value) : signedColor(value);
}

/** Which scale a quantity of a trace uses. */
export type ScaleKind = 'gate' | 'signed' | 'symmetric';

/** The scale kind of a trace quantity: sigmoid gates sequential, the rest diverging. */
export function scaleKindOf(name: string): ScaleKind {
  if (name === 'i' || name === 'f' || name === 'o' || name === 'r' || name === 'z') return 'gate';
  if (name === 'c' || name === 'pre') return 'symmetric';
  return 'signed';
}
