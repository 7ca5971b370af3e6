/** Canvas plumbing shared by the base and overlay layers. */

/** 2D context of a canvas, or null where there is none (jsdom, a lost context). */
export function context2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
  if (typeof canvas.getContext !== 'function') return null;
  return canvas.getContext('2d');
}

/** Each base canvas's image, kept between paints of the same size. */
const images = new WeakMap<HTMLCanvasElement, ImageData>();

/**
 * Puts a T × H RGBA image into the base canvas at one pixel per cell; CSS stretches it to
 * the plot, pixelated. `pixels(into)` writes the image (heatmapPixels) into the canvas's
 * kept ImageData, 4·T·H bytes, and returns it (or another array of that length). A repaint
 * of the same size neither resizes the canvas nor allocates: new memory costs about 3 ms
 * per MB on this project's 2-core VMs, and a slider drag repaints every heatmap per frame.
 * Returns false where there is no 2D context (jsdom), leaving the canvas blank.
 */
export function paintBase(
  canvas: HTMLCanvasElement,
  pixels: (into: Uint8ClampedArray) => Uint8ClampedArray,
  T: number,
  H: number,
): boolean {
  const ctx = context2d(canvas);
  if (!ctx || T <= 0 || H <= 0) return false;
  if (canvas.width !== T) canvas.width = T;
  if (canvas.height !== H) canvas.height = H;
  let image = images.get(canvas);
  if (!image || image.width !== T || image.height !== H) {
    image = ctx.createImageData(T, H);
    images.set(canvas, image);
  }
  const written = pixels(image.data);
  if (written !== image.data) image.data.set(written);
  // putImageData replaces every pixel (no blending), so nothing of the last paint remains.
  ctx.putImageData(image, 0, 0);
  return true;
}
