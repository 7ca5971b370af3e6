import { useEffect, useLayoutEffect, type RefObject } from 'react';
import { useScene } from '../../store';
import type { HoverTarget, PaneId } from '../../scene';
import { scrollToShow } from './geometry';
import { drawCursorOverlay, prepareOverlay, type OverlayState } from './overlay';
import { paintBase } from './paint';
import { paintInTurn, paintsLater } from './paintQueue';

/** Sizes and identity of a heatmap whose canvases {@link useHeatmapCanvases} draws. */
export interface HeatmapCanvasOptions {
  /** The pane whose hovered cells are marked. */
  readonly paneId: PaneId;
  /**
   * Writes the RGBA image of T × H pixels into `into` when it has that length (see
   * heatmapPixels) and returns the image; a new function, a new image.
   */
  readonly pixels: (into?: Uint8ClampedArray) => Uint8ClampedArray;
  /** Steps (image width). */
  readonly T: number;
  /** Units (image height). */
  readonly H: number;
  /** Plot width in CSS px. */
  readonly width: number;
  /** Plot height in CSS px (all rows). */
  readonly height: number;
  /**
   * Of a plot whose rows scroll: the element that scrolls them, the CSS px shown at once
   * and the space above the plot inside it. The overlay then covers that window only,
   * follows the scrolling, and a unit selected elsewhere is scrolled into view.
   */
  readonly scroll?: {
    readonly box: RefObject<HTMLElement | null>;
    readonly view: number;
    readonly pad: number;
  };
}

/** The cell of this pane pointed at in any view, if it names a step or a unit. */
function pointedCell(hovered: HoverTarget | null, paneId: PaneId): OverlayState['pointed'] {
  if (!hovered || hovered.pane !== paneId) return null;
  if (hovered.step === undefined && hovered.unit === undefined) return null;
  return { step: hovered.step, unit: hovered.unit };
}

/** Scrolls `box` (a plot of H rows, `height` px, `shown` px at once) so that row `unit` shows. */
function scrollRowIntoView(
  box: HTMLElement,
  unit: number,
  H: number,
  height: number,
  shown: number,
) {
  const top = scrollToShow(unit, H, height, shown, box.scrollTop);
  if (top !== box.scrollTop) box.scrollTop = top;
}

/**
 * Draws a heatmap's two canvases. The base gets the T × H image once per image (the
 * browser scales it, pixelated): at once for a small image, in a task of its own for a
 * large one (paintQueue), so that many large heatmaps do not freeze the page; the overlay, sized to the plot at devicePixelRatio,
 * gets the time cursor, redrawn straight from a store subscription on every step, unit
 * or hover change: no React render in between (its first drawing waits for the next frame).
 */
export function useHeatmapCanvases(
  base: RefObject<HTMLCanvasElement | null>,
  overlay: RefObject<HTMLCanvasElement | null>,
  { paneId, pixels, T, H, width, height, scroll }: HeatmapCanvasOptions,
): void {
  useLayoutEffect(() => {
    const canvas = base.current;
    if (!canvas) return;
    if (!paintsLater(T, H)) {
      paintBase(canvas, pixels, T, H);
      return;
    }
    return paintInTurn(canvas, () => paintBase(canvas, pixels, T, H));
  }, [base, pixels, T, H]);

  const box = scroll?.box;
  const view = scroll?.view ?? height;
  const pad = scroll?.pad ?? 0;
  useEffect(() => {
    const dpr = window.devicePixelRatio || 1;
    const canvas = overlay.current;
    const ctx = canvas && prepareOverlay(canvas, width, view, dpr);
    if (!canvas || !ctx) return;
    const scroller = box?.current ?? null;
    let markColor: string | undefined;
    const draw = (s: ReturnType<typeof useScene.getState>) =>
      drawCursorOverlay(ctx, {
        width,
        height,
        top: (scroller?.scrollTop ?? 0) - pad,
        view,
        dpr,
        T,
        H,
        step: s.t,
        unit: Math.min(s.unit, H - 1),
        pointed: pointedCell(s.hovered, paneId),
        markColor,
      });
    /** Scrolls the selected unit's row into view (a link's unit, one picked in another view). */
    const reveal = (unit: number) => {
      if (scroller) scrollRowIntoView(scroller, Math.min(unit, H - 1), H, height, view - 2 * pad);
    };
    reveal(useScene.getState().unit);
    const onScroll = () => {
      if (markColor !== undefined) draw(useScene.getState());
    };
    scroller?.addEventListener('scroll', onScroll, { passive: true });
    // The mark's colour is the canvas's CSS colour. Reading it forces a style recalculation;
    // read in the next frame, every heatmap mounted together reads it after one recalculation
    // (not one per heatmap, each after the previous one resized its canvas). Until then the
    // cursor is not drawn: the canvas has just been cleared by its resize anyway.
    const first = requestAnimationFrame(() => {
      markColor = getComputedStyle(canvas).color || '#000000';
      draw(useScene.getState());
    });
    const unsubscribe = useScene.subscribe((s, prev) => {
      if (s.unit !== prev.unit) reveal(s.unit);
      if (markColor === undefined) return;
      if (s.t !== prev.t || s.unit !== prev.unit || s.hovered !== prev.hovered) draw(s);
    });
    return () => {
      cancelAnimationFrame(first);
      unsubscribe();
      scroller?.removeEventListener('scroll', onScroll);
    };
  }, [overlay, box, paneId, T, H, width, height, view, pad]);
}
