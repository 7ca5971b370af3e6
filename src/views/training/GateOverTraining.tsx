import { useMemo } from 'react';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { createModel, forward, type StateDict } from '../../engine';
import { paneRunOf, sequenceOf, useScene } from '../../store';
import { snapshotsOf } from '../../store/training/client';
import type { PaneId, PaneSettings } from '../../scene';
import { PANE_COLORS } from '../gradients/paneColors';

const W = 640;
const H = 170;
const M = { left: 64, right: 20, top: 30, bottom: 40 };

/** The gate this view follows for a cell: the one that decides what is kept. */
function gateOf(cell: PaneSettings['cell']): { name: string; label: string } {
  if (cell === 'lstm') return { name: 'f', label: 'forget gate f' };
  if (cell === 'gru') return { name: 'z', label: 'update gate z' };
  return { name: 'h', label: '|h|' };
}

/** Mean over units of a gate (|h| for an RNN) at step t of `layer`, for weights `params`. */
function meanGate(
  pane: PaneSettings,
  params: StateDict,
  xs: number[][],
  t: number,
  layer: number,
): number {
  const recurrent = Object.fromEntries(
    Object.entries(params).filter(([k]) => !k.startsWith('head.')),
  );
  const spec = {
    cell: pane.cell,
    inputSize: xs[0]?.length ?? 1,
    hiddenSize: pane.hiddenSize,
    numLayers: pane.numLayers,
    nonlinearity: pane.nonlinearity,
    convention: pane.convention,
  };
  const trace = forward(createModel(spec, recurrent), xs);
  const { name } = gateOf(pane.cell);
  const row = trace.layers[Math.min(layer, trace.layers.length - 1)]!.gates[name]![t]!;
  let sum = 0;
  for (let j = 0; j < row.length; j++) sum += name === 'h' ? Math.abs(row[j]!) : row[j]!;
  return sum / row.length;
}

/**
 * One gate across training time: for each kept snapshot, the mean over units of the forget
 * gate (LSTM), the update gate (GRU) or |h| (RNN) at the scored step of the input shown, in
 * the selected layer — "f learned to stay near 1" as one picture.
 */
export function GateOverTraining() {
  const panes = useScene((s) => s.panes);
  const input = useScene((s) => s.input);
  const layer = useScene((s) => s.layer);
  const count = useScene((s) => s.training.snapshotSteps.length);
  const series = useMemo(() => {
    return panes.flatMap((pane) => {
      const kept = snapshotsOf(pane.id);
      // The input as the pane's model reads it (a numbers model: its input columns, standardised).
      const run = paneRunOf(pane, input);
      const sequence = run.ok ? run.sequence : sequenceOf(input);
      const scored = sequence.task?.sample.steps.at(-1) ?? sequence.xs.length - 1;
      if (!kept || kept.settings.task !== sequence.task?.task.name) return [];
      try {
        const points = kept.snapshots.map(
          (w) => [w.step, meanGate(pane, w.params, sequence.xs, scored, layer)] as [number, number],
        );
        return [{ pane: pane.id as PaneId, cell: pane.cell, points }];
      } catch {
        return [];
      }
    });
    // `count` changes when a snapshot arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [panes, input, layer, count]);
  if (series.length === 0) return null;
  const maxStep = Math.max(1, ...series.flatMap((s) => s.points.map(([step]) => step)));
  const x = scaleLinear([0, maxStep], [M.left, W - M.right]);
  const y = scaleLinear([0, 1], [H - M.bottom, M.top]);
  const path = line<[number, number]>()
    .x(([s]) => x(s))
    .y(([, v]) => y(Math.min(1, Math.max(0, v))));
  const label = series.map((s) => `${s.pane} ${gateOf(s.cell).label}`).join(', ');
  const summary = series
    .map(
      (s) =>
        `${s.pane}: ${s.points.at(0)?.[1].toFixed(2)} at step 0, ${s.points.at(-1)?.[1].toFixed(2)} at step ${s.points.at(-1)?.[0]}`,
    )
    .join('; ');
  return (
    <figure className="gate-over-training">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Mean ${label} at the scored step, across training. ${summary}`}
      >
        <text x={M.left} y={18} className="train-axis-title">
          mean {label} at the scored step, across training
        </text>
        {[0, 0.5, 1].map((t) => (
          <g key={t} className="train-axis">
            <line className="train-grid" x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
            <text x={M.left - 6} y={y(t)} dy="0.35em" textAnchor="end">
              {t}
            </text>
          </g>
        ))}
        <g className="train-axis">
          {x
            .ticks(6)
            .filter(Number.isInteger)
            .map((t) => (
              <text key={t} x={x(t)} y={H - M.bottom + 18} textAnchor="middle">
                {t}
              </text>
            ))}
          <text
            x={(M.left + W - M.right) / 2}
            y={H - 4}
            textAnchor="middle"
            className="train-axis-title"
          >
            training step (snapshots)
          </text>
        </g>
        {series.map((s) => (
          <g key={s.pane} data-pane={s.pane}>
            <path className="train-gate" d={path(s.points) ?? ''} stroke={PANE_COLORS[s.pane]} />
            {s.points.map(([step, v]) => (
              <circle
                key={step}
                cx={x(step)}
                cy={y(Math.min(1, Math.max(0, v)))}
                r={3}
                fill={PANE_COLORS[s.pane]}
              />
            ))}
          </g>
        ))}
      </svg>
    </figure>
  );
}
