import { useCallback, useMemo } from 'react';
import type { Nonlinearity, Rows } from '../../engine';
import { useScene } from '../../store';
import type { PaneId } from '../../scene';
import { HeatmapLegend } from './HeatmapLegend';
import { HeatmapPlot } from './HeatmapPlot';
import { quantityTitle } from './quantities';
import { heatmapPixels, heatmapScaleFor } from './scale';

/** Props of {@link Heatmap}. */
export interface HeatmapProps {
  /** The pane the quantity belongs to. */
  paneId: PaneId;
  /** Quantity name in the trace: 'f', 'c', 'pre', … */
  name: string;
  /** The quantity over the trace, `rows[t][j]`, [T][H]. */
  rows: Rows;
  /** Steps T. */
  T: number;
  /** Units H. */
  H: number;
  /** Label of each step, [T]. */
  tokens: readonly string[];
  /** RNN activation (a relu h is unbounded, so it gets a fitted scale); default tanh. */
  nonlinearity?: Nonlinearity;
}

/**
 * One quantity as a heatmap card: title ("f — forget gate"), the picture and its colour
 * legend. The colours are computed once per trace (not per step); the card is outlined
 * while any view points at this quantity of this pane.
 */
export function Heatmap({ paneId, name, rows, T, H, tokens, nonlinearity = 'tanh' }: HeatmapProps) {
  const scale = useMemo(
    () => heatmapScaleFor(name, rows, nonlinearity),
    [name, rows, nonlinearity],
  );
  // The image is made where it is painted (maybe in a later task), not during render.
  const pixels = useCallback(
    (into?: Uint8ClampedArray) => heatmapPixels(rows, T, H, scale, into),
    [rows, T, H, scale],
  );
  const linked = useScene((s) => s.hovered?.pane === paneId && s.hovered.name === name);
  return (
    <div className={linked ? 'heatmap linked' : 'heatmap'}>
      <h4 className="heatmap-title">
        <span className="heatmap-symbol">{name}</span> — {quantityTitle(name)}
      </h4>
      <HeatmapPlot
        paneId={paneId}
        name={name}
        rows={rows}
        T={T}
        H={H}
        tokens={tokens}
        scale={scale}
        pixels={pixels}
      />
      <HeatmapLegend name={name} scale={scale} />
    </div>
  );
}
