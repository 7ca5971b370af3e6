/** The cursor layer over a heatmap: redrawn on every step, so it is kept tiny. */

import { context2d } from './paint';

/** CSS px the overlay canvas extends past the plot on each side, so outlines are not clipped. */
export const OVERLAY_PAD = 6;

/** What the overlay shows. Sizes are the plot's, in CSS px (the overlay adds the padding). */
export interface OverlayState {
  /** Plot width in CSS px. */
  readonly width: number;
  /** Plot height in CSS px (all rows, also those scrolled out of view). */
  readonly height: number;
  /** Of a plot that scrolls: the first CSS px row shown (the scroll offset); default 0. */
  readonly top?: number;
  /** Of a plot that scrolls: the CSS px shown at once (the canvas's height); default `height`. */
  readonly view?: number;
  /** window.devicePixelRatio: device px per CSS px. */
  readonly dpr: number;
  /** Steps (columns). */
  readonly T: number;
  /** Units (rows). */
  readonly H: number;
  /** The time cursor, 1..T: its column is outlined. */
  readonly step: number;
  /** The selected unit, 0-based: marked by a triangle at each end of its row (−1: none). */
  readonly unit: number;
  /** CSS colour of the unit marks (the theme's text colour); default black. */
  readonly markColor?: string;
  /** A step and/or unit of this pane pointed at in any view: a dashed frame marks it. */
  readonly pointed?: { readonly step?: number; readonly unit?: number } | null;
}

/** Backing-store size of the overlay canvas for a plot, in device px. */
export function overlaySize(width: number, height: number, dpr: number): [number, number] {
  return [
    Math.max(1, Math.round((width + 2 * OVERLAY_PAD) * dpr)),
    Math.max(1, Math.round((height + 2 * OVERLAY_PAD) * dpr)),
  ];
}

/**
 * Sizes an overlay canvas's backing store for a plot of `width` × `height` CSS px at
 * `dpr`; returns its 2D context, or null where there is none (jsdom).
 */
export function prepareOverlay(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
  dpr: number,
): CanvasRenderingContext2D | null {
  const ctx = context2d(canvas);
  if (!ctx) return null;
  [canvas.width, canvas.height] = overlaySize(width, height, dpr);
  return ctx;
}

/** [start, end) in device px of band k of n over `length` device px, at least `min` wide. */
function band(k: number, n: number, length: number, min: number): [number, number] {
  let a = Math.round((k / n) * length);
  let b = Math.round(((k + 1) / n) * length);
  if (b - a < min) {
    const mid = (a + b) / 2;
    a = Math.round(mid - min / 2);
    b = a + min;
  }
  return [a, b];
}

/** Strokes a rectangle twice, dark under light, so it reads on every colour of the scales. */
function frame(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  line: number,
): void {
  ctx.strokeStyle = 'rgba(0, 0, 0, 0.85)';
  ctx.lineWidth = 2 * line + 1;
  ctx.strokeRect(x, y, w, h);
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = line;
  ctx.strokeRect(x, y, w, h);
}

/**
 * Redraws the overlay: the cursor's column outlined past the top and bottom of what is
 * shown, the selected unit's row marked at both ends, and any pointed-at cell (dashed).
 * Clears the whole canvas first; the canvas must be {@link overlaySize} of the width and
 * the view (a scrolling plot's overlay covers only its window, drawn `top` px down the
 * plot). A few strokes per call: this is what every step costs, and what the lead's
 * benchmark times.
 */
export function drawCursorOverlay(ctx: CanvasRenderingContext2D, s: OverlayState): void {
  const { canvas } = ctx;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  if (s.T <= 0 || s.H <= 0 || s.width <= 0 || s.height <= 0) return;
  const pad = Math.round(OVERLAY_PAD * s.dpr);
  const W = Math.round(s.width * s.dpr);
  const Hpx = Math.round(s.height * s.dpr);
  const line = Math.max(1, Math.round(1.5 * s.dpr));
  // Plot coordinates from here on: the window starts `top` device px down the plot.
  const top = Math.round((s.top ?? 0) * s.dpr);
  const shown = Math.round((s.view ?? s.height) * s.dpr);
  ctx.translate(pad, pad - top);
  if (s.pointed) {
    const { step, unit } = s.pointed;
    const [x0, x1] = step !== undefined ? band(step - 1, s.T, W, 2 * line) : [0, W];
    const [y0, y1] = unit !== undefined ? band(unit, s.H, Hpx, 2 * line) : [top, top + shown];
    ctx.setLineDash([3 * line, 2 * line]);
    frame(ctx, x0, y0, x1 - x0, y1 - y0, Math.max(1, Math.round(s.dpr)));
    ctx.setLineDash([]);
  }
  if (s.unit >= 0 && s.unit < s.H) {
    const y = ((s.unit + 0.5) / s.H) * Hpx;
    const size = Math.min(pad, Math.round(5 * s.dpr));
    ctx.fillStyle = s.markColor ?? '#000000';
    ctx.beginPath();
    ctx.moveTo(-pad, y - size);
    ctx.lineTo(-pad + size, y);
    ctx.lineTo(-pad, y + size);
    ctx.moveTo(W + pad, y - size);
    ctx.lineTo(W + pad - size, y);
    ctx.lineTo(W + pad, y + size);
    ctx.fill();
  }
  if (s.step >= 1 && s.step <= s.T) {
    const [x0, x1] = band(s.step - 1, s.T, W, 2 * line);
    const overhang = Math.round(2 * s.dpr);
    frame(ctx, x0, top - overhang, x1 - x0, shown + 2 * overhang, line);
  }
}
