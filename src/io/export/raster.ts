/**
 * Pictures to pixels, in the browser: an SVG file drawn through an `<img>` onto a canvas
 * (the page's CSP allows images from blob: and data: URLs), and a T × H heatmap image
 * scaled up without smoothing. Needs a DOM with canvas; no inline scripts, no eval.
 */

/** Width and height of a standalone SVG's root, as {@link svgMarkup} writes them. */
export function svgSize(markup: string): { width: number; height: number } {
  const root = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;
  const width = Number(root.getAttribute('width'));
  const height = Number(root.getAttribute('height'));
  if (!(width > 0 && height > 0)) {
    throw new Error('Export: the SVG has no width and height to draw it at.');
  }
  return { width, height };
}

/** A canvas's PNG, as a promise. */
function canvasPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('Export: the browser made no PNG.'))),
      'image/png',
    );
  });
}

/** A new canvas of a size, with its 2D context; throws where there is none. */
function canvas2d(width: number, height: number): [HTMLCanvasElement, CanvasRenderingContext2D] {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width));
  canvas.height = Math.max(1, Math.round(height));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Export: this browser gives no canvas to draw the picture on.');
  return [canvas, ctx];
}

/**
 * A PNG of an SVG file at `scale` times its width and height (2× by default, sharp on
 * slides and high-density screens): the SVG is loaded from a blob: URL into an image,
 * drawn onto a canvas and encoded. The URL is revoked when done.
 */
export async function svgToPng(markup: string, scale = 2): Promise<Blob> {
  const { width, height } = svgSize(markup);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const [canvas, ctx] = canvas2d(width * scale, height * scale);
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await canvasPng(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * A heatmap's cells as a PNG data: URL of `width` × `height` px: the T × H RGBA image
 * (from heatmapPixels) scaled without smoothing, so cells stay sharp blocks as on screen.
 */
export function cellsDataUrl(
  pixels: Uint8ClampedArray,
  T: number,
  H: number,
  width: number,
  height: number,
): string {
  const [cells, cellsCtx] = canvas2d(T, H);
  const image = cellsCtx.createImageData(T, H);
  image.data.set(pixels);
  cellsCtx.putImageData(image, 0, 0);
  const [canvas, ctx] = canvas2d(width, height);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(cells, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png');
}
