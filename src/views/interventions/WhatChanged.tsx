import { useMemo } from 'react';
import type { Trace } from '../../engine';
import type { PaneId } from '../../scene';
import type { Readout } from '../../store';
import { HeatmapLegend } from '../heatmaps/HeatmapLegend';
import { HeatmapPlot } from '../heatmaps/HeatmapPlot';
import { heatmapPixels, heatmapScaleFor } from '../heatmaps/scale';
import {
  answerAt,
  answerStep,
  answerSummary,
  answerText,
  changedQuantities,
  differenceRows,
  stateSummary,
} from './compare';

/** Props of {@link WhatChanged}. */
export interface WhatChangedProps {
  paneId: PaneId;
  /** The model's own run and the changed one, on the same input. */
  original: Trace;
  changed: Trace;
  /** Their read-outs (a trained or imported head), or null without a head. */
  originalReadout: Readout | null;
  changedReadout: Readout | null;
  /** Layer shown (the scene's), clamped to the model. */
  layer: number;
  /** Label of each step, [T]. */
  tokens: readonly string[];
}

/**
 * The changed run against the original: the one-line summary, the read-out before and
 * after at the step that counts, and a heatmap of changed − original for every quantity of
 * the layer shown that differs (diverging around 0, with its legend).
 */
export function WhatChanged(props: WhatChangedProps) {
  const { paneId, original, changed, originalReadout, changedReadout, tokens } = props;
  const layerIndex = Math.min(props.layer, original.layers.length - 1);
  const a = original.layers[layerIndex]!;
  const b = changed.layers[layerIndex]!;
  const names = useMemo(() => changedQuantities(a, b), [a, b]);
  const withHead = originalReadout && changedReadout && !originalReadout.problem;
  const summary = withHead
    ? answerSummary(originalReadout, changedReadout!)
    : stateSummary(original.outputs, changed.outputs);
  const k = withHead ? answerStep(originalReadout) : 0;
  return (
    <div className="iv-changed">
      <p className="iv-summary" role="status" data-pane={paneId}>
        {summary}
      </p>
      {withHead && (
        <table className="iv-readout">
          <caption>Read-out at step {k + 1}</caption>
          <tbody>
            <tr>
              <th scope="row">Before</th>
              <td data-run="original">{answerText(answerAt(originalReadout, k))}</td>
            </tr>
            <tr>
              <th scope="row">After</th>
              <td data-run="changed">{answerText(answerAt(changedReadout!, k))}</td>
            </tr>
          </tbody>
        </table>
      )}
      {names.length === 0 ? (
        <p className="iv-note">Nothing in layer {layerIndex + 1} changed.</p>
      ) : (
        <div className="iv-diffs">
          {names.map((name) => (
            <Difference
              key={name}
              paneId={paneId}
              name={name}
              original={a.gates[name]!}
              changed={b.gates[name]!}
              tokens={tokens}
            />
          ))}
        </div>
      )}
    </div>
  );
}

/** One quantity's changed − original heatmap with its legend. */
function Difference({
  paneId,
  name,
  original,
  changed,
  tokens,
}: {
  paneId: PaneId;
  name: string;
  original: Trace['outputs'];
  changed: Trace['outputs'];
  tokens: readonly string[];
}) {
  const rows = useMemo(() => differenceRows(original, changed), [original, changed]);
  const T = rows.length;
  const H = rows[0]?.length ?? 0;
  // 'pre' is drawn diverging around 0, fitted to the largest |difference|.
  const scale = useMemo(() => heatmapScaleFor('pre', rows), [rows]);
  const pixels = useMemo(
    () => (into?: Uint8ClampedArray) => heatmapPixels(rows, T, H, scale, into),
    [rows, T, H, scale],
  );
  return (
    <div className="heatmap iv-diff" data-quantity={name}>
      <h4 className="heatmap-title">
        Δ<span className="heatmap-symbol">{name}</span> — changed − original
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
      <HeatmapLegend name={`Δ${name}`} scale={scale} />
    </div>
  );
}
