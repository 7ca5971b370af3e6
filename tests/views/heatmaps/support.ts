/**
 * Traces for the heatmap tests, computed straight through the engine (not through the
 * store), and small helpers to read colours.
 */
import { rgb } from 'd3-color';
import { createModel, forward, initParams, type ModelSpec, type Trace } from '../../../src/engine';

/** One-hot rows of a text over its sorted alphabet (what the text input feeds the panes). */
export function oneHot(text: string): number[][] {
  const chars = Array.from(text);
  const alphabet = [...new Set(chars)].sort();
  return chars.map((ch) => alphabet.map((a) => (a === ch ? 1 : 0)));
}

/** The trace of a default pane (seed 0, PyTorch init, scale 1) on a text. */
export function traceOn(text: string, spec: Omit<ModelSpec, 'inputSize'>): Trace {
  const xs = oneHot(text);
  const full = { ...spec, inputSize: xs[0]!.length };
  const params = initParams(full, { seed: 0, scheme: 'pytorch', weightScale: 1, forgetBias: 0 });
  return forward(createModel(full, params), xs);
}

/** [r, g, b] of a CSS colour. */
export function rgbOf(color: string): [number, number, number] {
  const { r, g, b } = rgb(color);
  return [r, g, b];
}

/** [r, g, b, a] of pixel (t, j) of a T-wide RGBA image. */
export function pixelAt(pixels: Uint8ClampedArray, T: number, t: number, j: number): number[] {
  const p = 4 * (j * T + t);
  return Array.from(pixels.subarray(p, p + 4));
}

/** The largest |value| of a [T][H] quantity, computed plainly. */
export function largestMagnitude(rows: readonly ArrayLike<number>[]): number {
  return Math.max(...rows.flatMap((row) => Array.from(row, Math.abs)));
}
