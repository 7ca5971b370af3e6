import type { Rows } from '../../engine';
import { drawCursorOverlay, prepareOverlay } from './overlay';
import { paintBase } from './paint';
import { heatmapPixels, heatmapScaleFor } from './scale';

/** Median ms of one heatmap's base draw and of one cursor move, from {@link benchmarkHeatmap}. */
export interface HeatmapTimings {
  /** Colours of all T·H cells (heatmapPixels, with the scale's max |value| scan). */
  readonly pixelsMs: number;
  /** putImageData of those colours into the base canvas. */
  readonly paintMs: number;
  /** One cursor move: drawCursorOverlay on a plot of `width` × 160 CSS px. */
  readonly cursorMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/**
 * Times one heatmap of T × H cells of a cell-state-like quantity (a fitted symmetric
 * scale, the slowest kind) in the running browser, on detached canvases: `repeats` base
 * draws and `repeats` cursor moves. For the lead's browser benchmark; needs a real canvas.
 */
export function benchmarkHeatmap(T = 2000, H = 64, repeats = 20, width = 520): HeatmapTimings {
  const rows: Rows = Array.from({ length: T }, (_, t) =>
    Float64Array.from({ length: H }, (_, j) => 3 * Math.sin(0.37 * t + 1.3 * j)),
  );
  const dpr = window.devicePixelRatio || 1;
  const base = document.createElement('canvas');
  const overlay = document.createElement('canvas');
  const ctx = prepareOverlay(overlay, width, 160, dpr);
  if (!ctx) throw new Error('benchmarkHeatmap needs a canvas 2D context.');
  const pixelsMs: number[] = [];
  const paintMs: number[] = [];
  const cursorMs: number[] = [];
  for (let k = 0; k < repeats; k++) {
    const t0 = performance.now();
    const pixels = heatmapPixels(rows, T, H, heatmapScaleFor('c', rows));
    const t1 = performance.now();
    paintBase(base, pixels, T, H);
    const t2 = performance.now();
    pixelsMs.push(t1 - t0);
    paintMs.push(t2 - t1);
  }
  for (let k = 0; k < repeats; k++) {
    const t0 = performance.now();
    drawCursorOverlay(ctx, {
      width,
      height: 160,
      dpr,
      T,
      H,
      step: 1 + ((k * 97) % T),
      unit: k % H,
    });
    cursorMs.push(performance.now() - t0);
  }
  return { pixelsMs: median(pixelsMs), paintMs: median(paintMs), cursorMs: median(cursorMs) };
}
