import { useRef, useState, type MouseEvent } from 'react';
import type { Rows } from '../../engine';
import { useScene } from '../../store';
import type { PaneId } from '../../scene';
import {
  cellAt,
  FIT_ALL_UNITS,
  plotHeight,
  SCROLL_PAD_PX,
  viewHeight,
  type HeatmapCell,
} from './geometry';
import { OVERLAY_PAD } from './overlay';
import { TimeAxis, UnitAxis } from './HeatmapAxes';
import { HeatmapTooltip } from './HeatmapTooltip';
import { heatmapLabel } from './quantities';
import type { HeatmapScale } from './scale';
import { useElementWidth } from '../../hooks/useElementWidth';
import { useHeatmapCanvases } from './useHeatmapCanvases';

/** Plot width, in CSS px, before the first measurement (and in jsdom). */
const FALLBACK_WIDTH = 320;

/** Props of {@link HeatmapPlot}. */
export interface HeatmapPlotProps {
  /** The pane the heatmap belongs to: hover targets name it. */
  paneId: PaneId;
  /** Quantity name in the trace ('f'). */
  name: string;
  /** The quantity over the trace, `rows[t][j]`, [T][H]. */
  rows: Rows;
  /** Steps T (columns). */
  T: number;
  /** Units H (rows). */
  H: number;
  /** Label of each step, [T]. */
  tokens: readonly string[];
  /** The heatmap's colour scale (for the tooltip swatch). */
  scale: HeatmapScale;
  /** Makes the RGBA image of the cells, T × H (heatmapPixels), when it is painted. */
  pixels: (into?: Uint8ClampedArray) => Uint8ClampedArray;
}

/** The cell under a mouse event on the plot element, from its bounding box. */
function cellOfEvent(
  event: { clientX: number; clientY: number; currentTarget: Element },
  T: number,
  H: number,
): HeatmapCell | null {
  const box = event.currentTarget.getBoundingClientRect();
  return cellAt(event.clientX - box.left, event.clientY - box.top, box.width, box.height, T, H);
}

/**
 * One heatmap's picture (role="img", named "Heatmap of f (forget gate)"): unit axis, the
 * base and overlay canvases, time axis; and beside it, outside the image, the hover
 * tooltip. Hover publishes the cell as `hovered`; a click moves the time cursor and the
 * selected unit there.
 */
export function HeatmapPlot({ paneId, name, rows, T, H, tokens, scale, pixels }: HeatmapPlotProps) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const baseRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(plotRef, FALLBACK_WIDTH);
  const height = plotHeight(H);
  const scrolls = viewHeight(H) < height;
  // A scrolling plot's window: its rows and the space above and below them.
  const view = viewHeight(H) + (scrolls ? 2 * SCROLL_PAD_PX : 0);
  const [tip, setTip] = useState<{
    cell: HeatmapCell;
    x: number;
    y: number;
    flip: boolean;
  } | null>(null);
  useHeatmapCanvases(baseRef, overlayRef, {
    paneId,
    pixels,
    T,
    H,
    width,
    height,
    ...(scrolls ? { scroll: { box: scrollRef, view, pad: SCROLL_PAD_PX } } : {}),
  });

  const onMove = (event: MouseEvent<HTMLDivElement>) => {
    const cell = cellOfEvent(event, T, H);
    if (!cell) return;
    const wrap = wrapRef.current?.getBoundingClientRect();
    const x = event.clientX - (wrap?.left ?? 0);
    setTip({ cell, x, y: event.clientY - (wrap?.top ?? 0), flip: x > (wrap?.width ?? 0) / 2 });
    const { hovered, setHovered } = useScene.getState();
    if (
      hovered?.pane !== paneId ||
      hovered.name !== name ||
      hovered.step !== cell.step ||
      hovered.unit !== cell.unit
    ) {
      setHovered({ pane: paneId, name, step: cell.step, unit: cell.unit });
    }
  };
  const onLeave = () => {
    setTip(null);
    const { hovered, setHovered } = useScene.getState();
    if (hovered?.pane === paneId && hovered.name === name) setHovered(null);
  };
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const cell = cellOfEvent(event, T, H);
    if (!cell) return;
    const { setStep, setUnit } = useScene.getState();
    setStep(cell.step);
    setUnit(cell.unit);
  };

  const value = tip ? (rows[tip.cell.step - 1]?.[tip.cell.unit] ?? NaN) : NaN;
  const axisAndPlot = (
    <>
      <UnitAxis H={H} height={height} />
      <div
        ref={plotRef}
        className="heatmap-plot"
        style={{ height }}
        onPointerMove={onMove}
        onPointerLeave={onLeave}
        onClick={onClick}
      >
        <canvas ref={baseRef} className="heatmap-base" />
        {!scrolls && <canvas ref={overlayRef} className="heatmap-overlay" />}
      </div>
    </>
  );
  return (
    <div ref={wrapRef} className="heatmap-figure-wrap">
      {scrolls ? (
        // Many units: rows of SCROLL_ROW_PX scroll inside a window of 64 of them; the
        // overlay covers the window only, so its canvas stays the window's size.
        <div className="heatmap-figure">
          <div className="heatmap-window" style={{ height: view }}>
            <div
              ref={scrollRef}
              className="heatmap-scroll"
              tabIndex={0}
              role="group"
              aria-label={`${heatmapLabel(name)}: ${H} units, ${FIT_ALL_UNITS} shown at a time; scroll for the others`}
            >
              <div
                className="heatmap-scroll-content"
                style={{ padding: `${SCROLL_PAD_PX}px 0` }}
                role="img"
                aria-label={heatmapLabel(name)}
              >
                {axisAndPlot}
              </div>
            </div>
            <canvas
              ref={overlayRef}
              className="heatmap-overlay heatmap-window-overlay"
              style={{ width: width + 2 * OVERLAY_PAD, height: view + 2 * OVERLAY_PAD }}
            />
          </div>
          <TimeAxis tokens={tokens} width={width} />
        </div>
      ) : (
        <div className="heatmap-figure" role="img" aria-label={heatmapLabel(name)}>
          {axisAndPlot}
          <TimeAxis tokens={tokens} width={width} />
        </div>
      )}
      {tip && (
        <HeatmapTooltip
          name={name}
          step={tip.cell.step}
          token={tokens[tip.cell.step - 1] ?? ''}
          unit={tip.cell.unit}
          value={value}
          color={scale.color(value)}
          x={tip.x}
          y={tip.y}
          flip={tip.flip}
        />
      )}
    </div>
  );
}
