/** Font size of the plots' tick labels, in viewBox units (see gradients.css). */
const LABEL_UNITS = 15;
/** viewBox width when the plot's width is not known (not laid out yet, or jsdom). */
const FALLBACK_WIDTH = 640;
/** Left margin of the plots, in viewBox units: room for the decade labels (10⁻³⁰⁰). */
export const PLOT_LEFT = 76;

/** Geometry of the gradient plots, in viewBox units; the SVGs fill their container's width. */
export interface PlotLayout {
  /** viewBox width and height of the main plot. */
  readonly width: number;
  readonly height: number;
  /** Margins: room for tick labels (left, bottom) and the y-axis title (top). */
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  /** Half-width of a floor or overflow marker triangle. */
  readonly marker: number;
  /** How many distance ticks the x axis asks d3 for: one per ~64 units of its length. */
  readonly xTicks: number;
}

/**
 * The plots' geometry for a container `cssWidth` CSS px wide whose tick labels should
 * print at `labelPx` CSS px (the page's type: 14 px, 21 px presenting). The viewBox is as
 * wide as makes its 15-unit labels print at that size, so the type does not shrink with
 * a narrow column (a fixed 640-unit viewBox in a 370 px column printed them at 8–9 px).
 * Without a width (0: not measured), a 640-unit plot.
 */
export function plotLayout(cssWidth: number, labelPx: number): PlotLayout {
  const width =
    cssWidth > 0 && labelPx > 0 ? Math.round((cssWidth * LABEL_UNITS) / labelPx) : FALLBACK_WIDTH;
  const left = PLOT_LEFT;
  const right = 24;
  return {
    width,
    // Wide plots keep a 16:9 shape up to 360 units; narrow ones at least 280, so that
    // six decade labels keep their room.
    height: Math.round(Math.min(360, Math.max(280, (width * 9) / 16))),
    left,
    right,
    top: 44,
    bottom: 62,
    marker: 5,
    xTicks: Math.max(2, Math.min(10, Math.floor((width - left - right) / 64))),
  };
}

/** Geometry of one saliency strip; shares the main plot's width and left margin. */
export const BARS = {
  height: 128,
  top: 26,
  bottom: 34,
} as const;
