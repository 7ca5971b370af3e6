import { useEffect, useLayoutEffect, type RefObject } from 'react';
import { useScene } from '../../store';
import type { HoverTarget, PaneId } from '../../scene';
import { drawCursorOverlay, prepareOverlay, type OverlayState } from './overlay';
import { paintBase } from './paint';

/** Sizes and identity of a heatmap whose canvases {@link useHeatmapCanvases} draws. */
export interface HeatmapCanvasOptions {
  /** The pane whose hovered cells are marked. */
  readonly paneId: PaneId;
  /** RGBA image of T × H pixels (see heatmapPixels). */
  readonly pixels: Uint8ClampedArray;
  /** Steps (image width). */
  readonly T: number;
  /** Units (image height). */
  readonly H: number;
  /** Plot width in CSS px. */
  readonly width: number;
  /** Plot height in CSS px. */
  readonly height: number;
}

/** The cell of this pane pointed at in any view, if it names a step or a unit. */
function pointedCell(hovered: HoverTarget | null, paneId: PaneId): OverlayState['pointed'] {
  if (!hovered || hovered.pane !== paneId) return null;
  if (hovered.step === undefined && hovered.unit === undefined) return null;
  return { step: hovered.step, unit: hovered.unit };
}

/**
 * Draws a heatmap's two canvases. The base gets the T × H image once per image (the
 * browser scales it, pixelated); the overlay, sized to the plot at devicePixelRatio,
 * gets the time cursor, redrawn straight from a store subscription on every step, unit
 * or hover change: no React render in between.
 */
export function useHeatmapCanvases(
  base: RefObject<HTMLCanvasElement | null>,
  overlay: RefObject<HTMLCanvasElement | null>,
  { paneId, pixels, T, H, width, height }: HeatmapCanvasOptions,
): void {
  useLayoutEffect(() => {
    if (base.current) paintBase(base.current, pixels, T, H);
  }, [base, pixels, T, H]);

  useEffect(() => {
    const dpr = window.devicePixelRatio || 1;
    const canvas = overlay.current;
    const ctx = canvas && prepareOverlay(canvas, width, height, dpr);
    if (!canvas || !ctx) return;
    const markColor = getComputedStyle(canvas).color || undefined;
    const draw = (s: ReturnType<typeof useScene.getState>) =>
      drawCursorOverlay(ctx, {
        width,
        height,
        dpr,
        T,
        H,
        step: s.t,
        unit: Math.min(s.unit, H - 1),
        pointed: pointedCell(s.hovered, paneId),
        markColor,
      });
    draw(useScene.getState());
    return useScene.subscribe((s, prev) => {
      if (s.t !== prev.t || s.unit !== prev.unit || s.hovered !== prev.hovered) draw(s);
    });
  }, [overlay, paneId, T, H, width, height]);
}
