/**
 * Geometry of the gradient plots, in viewBox units. The SVGs scale to their container's
 * width, so text sizes here are relative: at the usual ~560 px they print near 14–15 px.
 */
export const PLOT = {
  /** viewBox width and height of the main plot. */
  width: 640,
  height: 360,
  /** Margins: room for tick labels (left, bottom) and the y-axis title (top). */
  left: 76,
  right: 24,
  top: 44,
  bottom: 62,
  /** Half-width of a floor or overflow marker triangle. */
  marker: 5,
} as const;

/** Geometry of one saliency strip; shares the main plot's width and left margin. */
export const BARS = {
  height: 128,
  top: 26,
  bottom: 34,
} as const;
