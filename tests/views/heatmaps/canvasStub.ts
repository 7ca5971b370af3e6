/**
 * A recording stand-in for CanvasRenderingContext2D (jsdom has none): each canvas gets
 * one, which logs the drawing calls the heatmaps make.
 */
import { vi } from 'vitest';

/** One recorded call. */
export interface DrawCall {
  op: string;
  args: unknown[];
}

/** The stub context of a canvas, with its log. */
export type StubContext = Record<string, unknown> & {
  canvas: HTMLCanvasElement;
  calls: DrawCall[];
};

const OPS = [
  'setTransform',
  'clearRect',
  'translate',
  'strokeRect',
  'fillRect',
  'beginPath',
  'moveTo',
  'lineTo',
  'fill',
  'setLineDash',
  'putImageData',
];

/** Makes every canvas's getContext('2d') return a stub; returns the stub of a canvas. */
export function stubCanvases(): (canvas: HTMLCanvasElement) => StubContext {
  const contexts = new WeakMap<HTMLCanvasElement, StubContext>();
  const contextOf = (canvas: HTMLCanvasElement): StubContext => {
    let ctx = contexts.get(canvas);
    if (!ctx) {
      const calls: DrawCall[] = [];
      const made: StubContext = { canvas, calls };
      for (const op of OPS) made[op] = (...args: unknown[]) => calls.push({ op, args });
      made.createImageData = (w: number, h: number) => ({
        width: w,
        height: h,
        data: new Uint8ClampedArray(4 * w * h),
      });
      ctx = made;
      contexts.set(canvas, ctx);
    }
    return ctx;
  };
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
    this: HTMLCanvasElement,
  ) {
    return contextOf(this) as unknown as CanvasRenderingContext2D;
  } as never);
  return contextOf;
}

/** The calls of one kind in a log. */
export function callsOf(ctx: StubContext, op: string): unknown[][] {
  return ctx.calls.filter((c) => c.op === op).map((c) => c.args);
}
