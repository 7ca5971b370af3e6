// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  drawCursorOverlay,
  OVERLAY_PAD,
  overlaySize,
  prepareOverlay,
} from '../../../src/views/heatmaps/overlay';
import { callsOf, stubCanvases } from './canvasStub';

afterEach(() => {
  vi.restoreAllMocks();
});

/** A stub overlay for a plot of width × height CSS px at dpr. */
function overlayFor(width: number, height: number, dpr: number) {
  const contextOf = stubCanvases();
  const canvas = document.createElement('canvas');
  const ctx = prepareOverlay(canvas, width, height, dpr)!;
  return { canvas, ctx, log: contextOf(canvas) };
}

describe('drawCursorOverlay', () => {
  it('sizes the overlay to the padded plot in device pixels', () => {
    const { canvas } = overlayFor(200, 100, 2);
    expect([canvas.width, canvas.height]).toEqual(overlaySize(200, 100, 2));
    expect(canvas.width).toBe((200 + 2 * OVERLAY_PAD) * 2);
  });

  it('clears everything, then frames the cursor column past the top and bottom', () => {
    const { canvas, ctx, log } = overlayFor(220, 112, 1);
    drawCursorOverlay(ctx, { width: 220, height: 112, dpr: 1, T: 11, H: 8, step: 4, unit: -1 });
    expect(callsOf(log, 'clearRect')).toEqual([[0, 0, canvas.width, canvas.height]]);
    expect(callsOf(log, 'translate')).toEqual([[OVERLAY_PAD, OVERLAY_PAD]]);
    // Column 4 of 11 over 220 px: x 60–80; drawn dark then light.
    expect(callsOf(log, 'strokeRect')).toEqual([
      [60, -2, 20, 116],
      [60, -2, 20, 116],
    ]);
    expect(callsOf(log, 'fill')).toHaveLength(0);
  });

  it('keeps a sub-pixel column visible, at least two lines wide, at devicePixelRatio', () => {
    const { ctx, log } = overlayFor(200, 160, 2);
    drawCursorOverlay(ctx, {
      width: 200,
      height: 160,
      dpr: 2,
      T: 2000,
      H: 64,
      step: 1000,
      unit: 5,
    });
    const [x, , w] = callsOf(log, 'strokeRect')[0] as number[];
    expect(w).toBe(2 * 3); // line = round(1.5 · 2) = 3 device px
    expect(x! + w! / 2).toBeCloseTo((999.5 / 2000) * 400, 0);
    // The unit marks: one triangle at each end of row 6 (centre at 5.5/64 of 320 device px).
    const moves = callsOf(log, 'moveTo') as number[][];
    expect(moves.map(([, y]) => y)).toEqual([27.5 - 10, 27.5 - 10]);
    expect(callsOf(log, 'fill')).toHaveLength(1);
  });

  it('marks a cell pointed at elsewhere with a dashed frame', () => {
    const { ctx, log } = overlayFor(220, 112, 1);
    drawCursorOverlay(ctx, {
      width: 220,
      height: 112,
      dpr: 1,
      T: 11,
      H: 8,
      step: 1,
      unit: 0,
      pointed: { step: 9, unit: 3 },
    });
    expect(callsOf(log, 'strokeRect')[0]).toEqual([160, 42, 20, 14]);
    expect(callsOf(log, 'setLineDash')[0]).not.toEqual([[]]);
  });
});
