/** Where things sit on a heatmap of T columns (steps) × H rows (units). Pure. */

/** A cell of a heatmap: the step (1-based, as the time cursor counts) and unit (0-based). */
export interface HeatmapCell {
  /** Step 1..T. */
  readonly step: number;
  /** Unit 0..H−1 (shown as unit + 1). */
  readonly unit: number;
}

/**
 * The cell under a point (x, y) in CSS px from the plot's top-left corner, for a plot of
 * `width` × `height` px; null outside the plot or when it has no cells.
 */
export function cellAt(
  x: number,
  y: number,
  width: number,
  height: number,
  T: number,
  H: number,
): HeatmapCell | null {
  if (!(width > 0 && height > 0 && T > 0 && H > 0)) return null;
  if (x < 0 || y < 0 || x > width || y > height) return null;
  const step = Math.min(T, Math.floor((x / width) * T) + 1);
  const unit = Math.min(H - 1, Math.floor((y / height) * H));
  return { step, unit };
}

/** The smallest of 1, 2, 5, 10, 20, 50, … that is ≥ x. */
export function niceStride(x: number): number {
  if (!(x > 1)) return 1;
  let base = 1;
  for (;;) {
    for (const m of [1, 2, 5]) {
      if (base * m >= x) return base * m;
    }
    base *= 10;
  }
}

/**
 * Which of 1..n to label when each takes `spacing` px and a label needs `minGap` px: all
 * of them when they fit; else every other one from 1 (1, 3, 5, …); else 1 and every k-th
 * (k = 5, 10, 20, 50, …), leaving out a multiple too close to the label "1".
 */
export function labelledIndices(n: number, spacing: number, minGap: number): number[] {
  if (n <= 0) return [];
  const need = spacing > 0 ? minGap / spacing : n;
  const k = niceStride(need);
  if (k <= 2) return Array.from({ length: Math.ceil(n / k) }, (_, i) => 1 + i * k);
  const out = [1];
  for (let i = k; i <= n; i += k) if (i - 1 >= need) out.push(i);
  return out;
}

/**
 * The labels of `steps` (ascending) that do not run into each other once placed at
 * `centres` (px), each `width` px wide: a label closer than `width` to the one kept before
 * it is dropped, except the last (the sequence's length), which replaces that one
 * instead. Labels moved inwards at the plot's ends need this: "1500" and "2000" would
 * otherwise print as "15002000".
 */
export function uncrowded(
  steps: readonly number[],
  centres: readonly number[],
  width: number,
): number[] {
  const kept: number[] = [];
  let lastCentre = Number.NEGATIVE_INFINITY;
  steps.forEach((step, k) => {
    const centre = centres[k] ?? 0;
    if (centre - lastCentre >= width) {
      kept.push(step);
      lastCentre = centre;
    } else if (k === steps.length - 1 && kept.length > 1) {
      kept[kept.length - 1] = step;
    }
  });
  return kept;
}

/** Width in px a label of `chars` characters needs at the axis font size (0.7rem). */
export function labelWidth(chars: number): number {
  return chars * 6.5 + 5;
}

/** Units up to which a heatmap shows every row at once (rows of 176/64 = 2.75 px at most). */
export const FIT_ALL_UNITS = 64;

/** Height in CSS px of each row when the rows scroll (more than {@link FIT_ALL_UNITS} units). */
export const SCROLL_ROW_PX = 4;

/** Height in CSS px of the window a scrolling heatmap shows: 64 rows at a time. */
export const SCROLL_VIEW_PX = FIT_ALL_UNITS * SCROLL_ROW_PX;

/**
 * Height in CSS px of a heatmap with H rows: about 14 px a row for few units, capped at
 * 176 up to {@link FIT_ALL_UNITS} units; above, {@link SCROLL_ROW_PX} per row (the plot
 * then scrolls inside a window of {@link viewHeight}).
 */
export function plotHeight(H: number): number {
  if (H > FIT_ALL_UNITS) return H * SCROLL_ROW_PX;
  return Math.max(72, Math.min(176, H * 14));
}

/** CSS px of space above and below the rows of a scrolling plot, so the end labels show whole. */
export const SCROLL_PAD_PX = 6;

/** Height in CSS px of the part of the plot shown at once: the whole plot, or a scrolling window. */
export function viewHeight(H: number): number {
  return Math.min(plotHeight(H), SCROLL_VIEW_PX);
}

/**
 * The scroll offset (CSS px) that shows row `unit` of a plot of H rows, `height` px tall,
 * through a window of `view` px scrolled to `top`: `top` itself when the row is already
 * in view, else the offset that centres it.
 */
export function scrollToShow(
  unit: number,
  H: number,
  height: number,
  view: number,
  top: number,
): number {
  if (!(H > 0) || height <= view) return 0;
  const row = height / H;
  const y0 = unit * row;
  if (y0 >= top && y0 + row <= top + view) return top;
  return Math.max(0, Math.min(height - view, Math.round(y0 + row / 2 - view / 2)));
}
