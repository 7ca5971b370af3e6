/** Canvas plumbing shared by the base and overlay layers. */

/** 2D context of a canvas, or null where there is none (jsdom, a lost context). */
export function context2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
  if (typeof canvas.getContext !== 'function') return null;
  return canvas.getContext('2d');
}

/**
 * Puts a T × H RGBA image (from heatmapPixels) into the base canvas at one pixel per
 * cell; CSS stretches it to the plot, pixelated. Returns false where there is no 2D
 * context (jsdom), leaving the canvas blank.
 */
export function paintBase(
  canvas: HTMLCanvasElement,
  pixels: Uint8ClampedArray,
  T: number,
  H: number,
): boolean {
  const ctx = context2d(canvas);
  if (!ctx || T <= 0 || H <= 0) return false;
  canvas.width = T;
  canvas.height = H;
  const image = ctx.createImageData(T, H);
  image.data.set(pixels);
  ctx.putImageData(image, 0, 0);
  return true;
}
