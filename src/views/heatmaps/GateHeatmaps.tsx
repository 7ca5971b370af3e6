import { layerNames } from '../layerNames';
import { useDeferredPaneRun, usePane } from '../../hooks/usePaneRun';
import { useScene } from '../../store';
import type { PaneId } from '../../scene';
import { FIT_ALL_UNITS } from './geometry';
import { Heatmap } from './Heatmap';
import { HEATMAP_QUANTITIES } from './quantities';
import './heatmaps.css';
import { runFailureNote } from '../runFailure';

/** Props of {@link GateHeatmaps}. */
export interface GateHeatmapsProps {
  /** The pane whose model's quantities are shown. */
  paneId: PaneId;
}

const CELL_NAMES = { lstm: 'LSTM', gru: 'GRU', rnn: 'RNN' } as const;
const CONVENTIONS = { pytorch: 'PyTorch', classic: 'classic (Cho et al. 2014)' } as const;

/**
 * Every quantity of the selected layer of one pane as heatmaps (time → right, units ↓):
 * LSTM f i g o c h, GRU r z n h, RNN pre h. The layer is clamped to the pane's layers.
 * Stepping redraws only the cursor overlays; a new trace or layer redraws the cells.
 */
export function GateHeatmaps({ paneId }: GateHeatmapsProps) {
  const pane = usePane(paneId);
  const run = useDeferredPaneRun(paneId);
  const selectedLayer = useScene((s) => s.layer);
  if (!pane || !run) return null;
  const headingId = `heatmaps-${paneId}-title`;
  if (!run.ok) {
    return (
      <p className="heatmaps-error" role="status">
        Pane {paneId}: no heatmaps: {runFailureNote(run)}
      </p>
    );
  }
  const { trace, model, sequence } = run;
  const { cell, hiddenSize: H, nonlinearity, convention } = model.spec;
  const names = layerNames(trace);
  const layer = Math.max(0, Math.min(selectedLayer, names.length - 1));
  const gates = trace.layers[layer]?.gates;
  const T = trace.T;
  const variant =
    cell === 'gru'
      ? `, ${CONVENTIONS[convention]} convention`
      : cell === 'rnn'
        ? ` (${nonlinearity})`
        : '';
  return (
    <div className="heatmaps" role="group" aria-labelledby={headingId}>
      <h3 id={headingId} className="heatmaps-heading">
        Pane {paneId}: {CELL_NAMES[cell]}
        {variant},{' '}
        {names.length > 1
          ? `${names[layer]!.toLowerCase()} of ${model.spec.numLayers}`
          : 'layer 1 of 1'}
        <span className="heatmaps-size">
          {' '}
          · {H} {H === 1 ? 'unit' : 'units'} × {T} {T === 1 ? 'step' : 'steps'}
          {H > FIT_ALL_UNITS && ` · ${FIT_ALL_UNITS} units at a time: scroll a map for the others`}
        </span>
      </h3>
      {T === 0 || !gates ? (
        <p className="heatmaps-empty">No steps to show.</p>
      ) : (
        <div className="heatmaps-grid">
          {HEATMAP_QUANTITIES[cell].map((name) => {
            const rows = gates[name];
            return rows ? (
              <Heatmap
                key={name}
                paneId={paneId}
                name={name}
                rows={rows}
                T={T}
                H={H}
                tokens={sequence.tokens}
                nonlinearity={nonlinearity}
              />
            ) : null;
          })}
        </div>
      )}
    </div>
  );
}
