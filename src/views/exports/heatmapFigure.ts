import {
  cellsDataUrl,
  heatmapPlotBox,
  MAX_VECTOR_CELLS,
  type ExportTheme,
  type HeatmapFigure,
} from '../../io/export';
import type { OkPaneRun } from '../../store/gradients';
import { labelledIndices, labelWidth, plotHeight } from '../heatmaps/geometry';
import { quantityTitle } from '../heatmaps/quantities';
import { formatRange, heatmapPixels, heatmapScaleFor } from '../heatmaps/scale';

/** Stops of the exported legend's colour bar (as many as the on-screen one). */
const LEGEND_STOPS = 11;
/** Vertical space a unit label needs, px (as the on-screen axis). */
const UNIT_LABEL_GAP = 13;

const CELL_NAMES = { lstm: 'LSTM', gru: 'GRU', rnn: 'RNN' } as const;

/** A legend tick as the on-screen legend writes it: "−2.37", "0", "0.5". */
function formatTick(v: number): string {
  if (v === 0) return '0';
  const text = formatRange(Math.abs(v));
  return v < 0 ? `−${text}` : text;
}

/** What {@link heatmapFigureOf} draws: one quantity of one layer of a pane's run. */
export interface HeatmapRequest {
  readonly paneId: string;
  readonly run: OkPaneRun;
  /** Quantity name in the trace ('f'). */
  readonly name: string;
  /** Layer, 0-based (already clamped to the run's layers). */
  readonly layer: number;
  /** Time cursor 1..T and selected unit 0..H−1. */
  readonly step: number;
  readonly unit: number;
  /** Picture width, px: the on-screen heatmap's CSS width. */
  readonly width: number;
  readonly theme: ExportTheme;
  /**
   * Embed large heatmaps (over MAX_VECTOR_CELLS cells) as an image made on a canvas, at
   * `rasterScale` × the plot's size; false (jsdom, tests) always draws rectangles.
   */
  readonly canRaster: boolean;
  readonly rasterScale?: number;
}

/**
 * The exported picture of one heatmap, from the run's data (not the screen): the same
 * colour scale, pixels, axes and legend as the on-screen card, so the file matches it.
 * Throws when the layer has no such quantity.
 */
export function heatmapFigureOf(r: HeatmapRequest): HeatmapFigure {
  const { trace, model, sequence } = r.run;
  const rows = trace.layers[r.layer]?.gates[r.name];
  if (!rows) throw new Error(`Layer ${r.layer + 1} has no quantity "${r.name}" to export.`);
  const { T } = trace;
  const { hiddenSize: H, numLayers, cell, nonlinearity } = model.spec;
  const scale = heatmapScaleFor(r.name, rows, nonlinearity);
  const pixels = heatmapPixels(rows, T, H, scale);
  const height = plotHeight(H);
  const box = heatmapPlotBox(r.width, height);
  const tokens = sequence.tokens;
  let chars = String(T).length;
  for (const token of tokens) chars = Math.max(chars, Array.from(token).length);
  const steps = labelledIndices(T, box.width / Math.max(1, T), labelWidth(chars));
  const [lo, hi] = scale.domain;
  const stops = Array.from({ length: LEGEND_STOPS }, (_, k) =>
    scale.color(lo + ((hi - lo) * k) / (LEGEND_STOPS - 1)),
  );
  const scaleUp = r.rasterScale ?? 2;
  return {
    symbol: r.name,
    title: quantityTitle(r.name),
    subtitle:
      `Pane ${r.paneId} — ${CELL_NAMES[cell]} · step ${r.step} of ${T}` +
      (numLayers > 1 ? ` · layer ${r.layer + 1} of ${numLayers}` : ''),
    T,
    H,
    pixels,
    cellsHref:
      r.canRaster && T * H > MAX_VECTOR_CELLS
        ? cellsDataUrl(pixels, T, H, box.width * scaleUp, box.height * scaleUp)
        : undefined,
    width: r.width,
    plotHeight: height,
    unitLabels: labelledIndices(H, height / Math.max(1, H), UNIT_LABEL_GAP),
    stepLabels: steps.map((step) => ({ step, token: tokens[step - 1] ?? '' })),
    cursor: { step: r.step, unit: r.unit },
    legend: {
      stops,
      ticks: [formatTick(lo), formatTick((lo + hi) / 2), formatTick(hi)],
      range:
        scale.kind === 'symmetric'
          ? {
              label: scale.rangeLabel,
              note: scale.maxAbs ? ` = max |${r.name}|` : ` (every ${r.name} is 0)`,
            }
          : undefined,
    },
    theme: r.theme,
  };
}
