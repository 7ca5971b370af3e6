import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { usePaneRun } from '../../hooks/usePaneRun';
import { originalRunOf, useScene } from '../../store';
import type { PaneId } from '../../scene';
import { DiagramContext, type DiagramEnv } from './context';
import { DiagramTooltip } from './DiagramTooltip';
import { whenIdle } from '../whenIdle';
import { FlowRegistry, loadPulses } from './flow';
import { formatValue } from '../../format/value';
import { GateChips } from './GateChips';
import { GRU_STAGES, GruDiagram } from './GruDiagram';
import { INPUT_LABEL, labelMap, quantityLabels } from './labels';
import { LayerSelect } from './LayerSelect';
import { layerNames } from '../layerNames';
import { ANCHORS, SIZES } from './layout';
import { LSTM_STAGES, LstmDiagram } from './LstmDiagram';
import { NamingToggle } from './NamingToggle';
import { RNN_STAGES, RnnDiagram } from './RnnDiagram';
import { StepBus, writeText } from './stepBus';
import { at, inputPortLabel, stepValues, type InputPortLabel, type StepValues } from './stepValues';
import { RunFixes } from '../RunFixes';
import { useTouchGestures } from './useTouchGestures';
import { BARS_UP_TO_UNITS } from './UnitHistogram';
import './diagram.css';

/** Props of {@link CellDiagram}. */
export interface CellDiagramProps {
  /** The pane whose cell is drawn; everything else comes from the scene store. */
  paneId: PaneId;
}

/** Length of one step's flow animation at speed 1×, in ms (divided by the speed). */
export const FLOW_MS = 500;

const STAGES = { lstm: LSTM_STAGES, gru: GRU_STAGES, rnn: RNN_STAGES } as const;

/** The x_t port of a pane with nothing to draw. */
const NO_PORT: InputPortLabel = { label: '' };

/**
 * The animated diagram of one pane's cell at the current step and layer: LSTM, GRU (as
 * its convention runs) or RNN, with every gate's value for the selected unit, per-unit
 * bars, hover tooltips, focusable value chips, the gate-naming toggle (LSTM) and a layer
 * selector (stacked models). On a touch screen a tap explains a gate and a sideways swipe
 * steps time. React draws the diagram for a pane, layer, unit and naming; a step publishes
 * its numbers to the diagram's parts (StepBus), which write them in place, and the values
 * flow along the wires in the order they are computed, through the Web Animations API:
 * a step renders nothing in React.
 */
export function CellDiagram({ paneId }: CellDiagramProps) {
  const pane = useScene((s) => s.panes.find((p) => p.id === paneId));
  const run = usePaneRun(paneId);
  const layerWanted = useScene((s) => s.layer);
  const unitWanted = useScene((s) => s.unit);
  const naming = useScene((s) => s.naming);
  const hovered = useScene((s) => s.hovered);
  const isText = useScene((s) => s.input.kind === 'text');
  const input = useScene((s) => s.input);
  /** The quantity last pointed at or focused: what "What if…" offers to change. */
  const [lastGate, setLastGate] = useState<string | null>(null);
  const { setHovered, setLayer, setNaming, setUnit } = useScene.getState();
  const [flow] = useState(() => new FlowRegistry());
  const [steps] = useState(() => new StepBus());
  const detailRef = useRef<HTMLSpanElement>(null);
  const noteRef = useRef<HTMLParagraphElement>(null);
  const whatIfRef = useRef<HTMLButtonElement>(null);
  const [tip, setTip] = useState<string | null>(null);
  const baseId = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const figureRef = useTouchGestures(
    useMemo(
      () => ({
        step: (delta: 1 | -1) => useScene.getState().stepBy(delta),
        dismiss: () => {
          setTip(null);
          useScene.getState().setHovered(null);
        },
      }),
      [],
    ),
  );
  const cell = pane?.cell ?? 'lstm';
  const stages = STAGES[cell];

  useEffect(() => {
    const duration = () => {
      const { speed } = useScene.getState();
      return FLOW_MS / (speed > 0 ? speed : 1);
    };
    // Once the beads' code is in and the page is idle, the first step's animations are
    // made ahead of it (see FlowRegistry.prepare).
    let stopWaiting = () => {};
    let mounted = true;
    void loadPulses().then(() => {
      if (mounted) stopWaiting = whenIdle(() => flow.prepare(duration(), stages));
    });
    const unsubscribe = useScene.subscribe((s, prev) => {
      if (s.t === prev.t) return;
      steps.show(s.t);
      flow.play(duration(), stages);
    });
    return () => {
      mounted = false;
      stopWaiting();
      unsubscribe();
      flow.cancel();
    };
  }, [flow, steps, stages]);

  // What React draws does not depend on the step: the layer's shape at any step will do.
  const frame = useMemo(
    () => (run?.ok ? stepValues(run.trace, run.sequence, layerWanted, 1, isText) : null),
    [run, layerWanted, isText],
  );
  const original = pane && pane.interventions.length > 0 ? originalRunOf(pane, input) : null;
  // Keyed on what names the quantities, not on the pane object (a new weight scale makes a
  // new pane): the memoized drawing then skips its render when only the numbers change.
  const { convention, nonlinearity } = pane ?? {};
  const labels = useMemo(
    () =>
      convention && nonlinearity ? quantityLabels(cell, { naming, convention, nonlinearity }) : [],
    [cell, naming, convention, nonlinearity],
  );
  const byName = useMemo(() => labelMap([...labels, INPUT_LABEL]), [labels]);
  const portNow = run?.ok && frame ? inputPortLabel(run.trace, frame) : NO_PORT;
  const port = useMemo(
    () => ({ label: portNow.label, tail: portNow.tail }),
    [portNow.label, portNow.tail],
  );
  const unit = frame ? Math.min(Math.max(0, unitWanted), Math.max(0, frame.H - 1)) : 0;
  // The texts around the drawing that name the step; registered before the publication below.
  useLayoutEffect(
    () =>
      steps.add(({ now }) => {
        writeText(detailRef.current, ` step ${now.t} of ${now.T} · unit ${unit + 1} of ${now.H}`);
        writeText(noteRef.current, backwardNote(now.t, now.T, cell));
        writeText(
          whatIfRef.current,
          `What if… (change ${lastGate ?? 'a gate'} of unit ${unit + 1} at step ${now.t})`,
        );
      }),
    [steps, unit, cell, lastGate],
  );
  // After every render: the parts registered their writers, now they get the step.
  useLayoutEffect(() => {
    steps.readFrom((t) =>
      run?.ok
        ? {
            now: stepValues(run.trace, run.sequence, layerWanted, t, isText),
            was: original?.ok
              ? stepValues(original.trace, original.sequence, layerWanted, t, isText)
              : null,
          }
        : null,
    );
    steps.show(useScene.getState().t);
  });
  const env = useMemo<DiagramEnv>(
    () => ({
      arrowId: `${baseId}-arrow`,
      flow,
      steps,
      unit,
      isHighlighted: (name) => hovered?.pane === paneId && hovered.name === name,
      hover: (name) => {
        if (name && name !== 'x' && name !== 'pre' && name !== 'm') setLastGate(name);
        setTip(name);
        setHovered(name ? { pane: paneId, name } : null);
      },
      selectUnit: setUnit,
    }),
    [baseId, flow, steps, unit, hovered, paneId, setHovered, setUnit],
  );
  if (!pane || !run) return null;

  const tipLabel = tip ? byName[tip] : undefined;
  const tipAnchor = tip ? ANCHORS[pane.cell][tip] : undefined;
  const tipValue = (values: StepValues) =>
    tip === 'x' ? values.xLabel : formatValue(at(values.rows[tip ?? ''], unit));
  const tooltipId = `${baseId}-tip`;
  const layer = frame?.layer ?? 0;

  return (
    <div className="cell-diagram" data-pane={paneId} data-cell={pane.cell}>
      <div className="cd-toolbar">
        <p className="cd-heading">
          <strong>
            {paneId} · {pane.cell.toUpperCase()}
          </strong>
          {frame && <span ref={detailRef} className="cd-heading-detail" />}
        </p>
        {frame && frame.H > BARS_UP_TO_UNITS && (
          <p className="cd-hist-note">
            Each box: how its {frame.H} units spread over its range (histogram); the line marks unit{' '}
            {unit + 1}.
          </p>
        )}
        {pane.cell === 'lstm' && <NamingToggle naming={naming} onChange={setNaming} />}
        {run.ok && run.trace.layers.length > 1 && (
          <LayerSelect layer={layer} names={layerNames(run.trace)} onChange={setLayer} />
        )}
      </div>
      {run.ok && frame && run.trace.layers[frame.layer]?.direction === 1 && (
        <p ref={noteRef} className="cd-direction-note" />
      )}
      {!run.ok && run.loading ? (
        <div role="status" aria-busy="true" className="cd-busy">
          {run.error}
        </div>
      ) : !run.ok || !frame ? (
        <div className="cd-error">
          <p role="alert">{run.ok ? 'This model has no steps to draw.' : run.error}</p>
          {!run.ok && <RunFixes paneId={paneId} fixes={run.fixes} />}
        </div>
      ) : (
        <DiagramContext.Provider value={env}>
          <div className="cd-figure" ref={figureRef}>
            {pane.cell === 'lstm' && (
              <LstmDiagram labels={byName} naming={naming} H={frame.H} input={port} />
            )}
            {pane.cell === 'gru' && (
              <GruDiagram
                labels={byName}
                convention={pane.convention}
                params={run.model.layers[layer]}
                H={frame.H}
                input={port}
              />
            )}
            {pane.cell === 'rnn' && (
              <RnnDiagram
                labels={byName}
                nonlinearity={pane.nonlinearity}
                H={frame.H}
                input={port}
              />
            )}
            <div className="cd-pulses" ref={flow.layer(SIZES[pane.cell].width)} aria-hidden />
            {tipLabel && tipAnchor && (
              <DiagramTooltip
                id={tooltipId}
                label={tipLabel}
                value={tipValue}
                anchor={tipAnchor}
                width={SIZES[pane.cell].width}
                height={SIZES[pane.cell].height}
              />
            )}
          </div>
          <GateChips
            labels={labels}
            unit={unit}
            active={tip}
            tooltipId={tooltipId}
            onHover={env.hover}
          />
          <button
            ref={whatIfRef}
            type="button"
            className="cd-what-if"
            onClick={() => {
              const gate =
                lastGate ?? (pane.cell === 'gru' ? 'z' : pane.cell === 'rnn' ? 'h' : 'f');
              const t = steps.current?.now.t ?? 1;
              useScene.getState().askIntervention({ pane: paneId, gate, unit, step: t - 1 });
              document.getElementById('interventions')?.scrollIntoView?.({ block: 'start' });
            }}
          />
        </DiagramContext.Provider>
      )}
    </div>
  );
}

/**
 * What a backward direction's diagram shows: the state drawn as hₜ₋₁ (and cₜ₋₁) is the one
 * it left at step t + 1, since it reads the sequence from the last step (zeros at t = T).
 */
function backwardNote(t: number, T: number, cell: string): string {
  const drawn = `hₜ₋₁${cell === 'lstm' ? ' and cₜ₋₁' : ''}`;
  const from =
    t < T ? `the one it left at step ${t + 1}` : `zeros: step ${T} is the first it reads`;
  return `Backward direction: it reads the sequence from the last step, so the state it brings into step ${t} (drawn as ${drawn}) is ${from}.`;
}
