import 'katex/dist/katex.min.css';
import './equations.css';
import { useCallback, useEffect, useEffectEvent, useMemo } from 'react';
import type { Model, Trace } from '../../engine';
import { numericEquations, symbolicEquations, type NumericEquation } from '../../equations';
import { useDeferredPaneRun } from '../../hooks/usePaneRun';
import { useScene } from '../../store';
import { whenIdle } from '../whenIdle';
import type { PaneId, Sequence } from '../../scene';
import { captionOf, cellTitle, concatDefinition } from './captions';
import { ConventionNote } from './ConventionNote';
import { EquationRow } from './EquationRow';
import { KatexSpan } from './KatexSpan';
import { NotationSwitch } from './NotationSwitch';
import { colorMark, PART_COLORS, useScheme } from './palette';
import { isPlainDecimal, warmShapes } from './typeset';
import { UnitField } from './UnitField';
import { runFailureNote } from '../runFailure';

/** Props of {@link EquationsPanel}. */
export interface EquationsPanelProps {
  /** The pane whose cell, model and trace the equations show. */
  paneId: PaneId;
  /**
   * Called when the panel comes to show its numbers or why there are none (not while the
   * pane's trace is still computing).
   */
  onLanded?: () => void;
}

/**
 * The live equations of one pane: every equation of its cell in the running convention,
 * symbolically and, under each, for the selected unit at the current step with the real
 * numbers (each number’s full value on hover). Reads t, layer, unit, naming, hover
 * and notation from the scene store; writes `unit` (the Unit field), `notation` (the
 * Notation switch) and `hovered` (pointer and focus).
 * A pane whose run failed shows a short message instead.
 */
export function EquationsPanel({ paneId, onLanded }: EquationsPanelProps) {
  const run = useDeferredPaneRun(paneId);
  const landed = run !== undefined && (run.ok || !run.loading);
  const announce = useEffectEvent(() => onLanded?.());
  useEffect(() => {
    if (landed) announce();
  }, [landed]);
  if (!run) return null;
  if (!run.ok) {
    return (
      <p className="eq-message" role="status">
        No equations to show: {runFailureNote(run)}
      </p>
    );
  }
  return (
    <EquationsBody paneId={paneId} model={run.model} trace={run.trace} sequence={run.sequence} />
  );
}

/** Props of {@link EquationsBody}. */
interface EquationsBodyProps {
  /** The pane, for hover targets. */
  paneId: PaneId;
  /** The pane's model. */
  model: Model;
  /** Its forward pass on the scene's input. */
  trace: Trace;
  /** The input: engine rows for layer 0 and the token of each step. */
  sequence: Sequence;
}

/** The panel once the pane has a trace. */
function EquationsBody({ paneId, model, trace, sequence }: EquationsBodyProps) {
  // The scene's, so a link carries it and every pane's panel writes the same notation.
  const notation = useScene((s) => s.notation);
  const setNotation = useScene((s) => s.setNotation);
  const { spec } = model;
  const H = spec.hiddenSize;
  const t = Math.min(
    useScene((s) => s.t),
    trace.T,
  );
  // Layer indices follow the trace (k·D + d): a bidirectional model has two per layer.
  const layer = Math.min(
    useScene((s) => s.layer),
    trace.layers.length - 1,
  );
  const unit = Math.min(
    useScene((s) => s.unit),
    H - 1,
  );
  const naming = useScene((s) => s.naming);
  const textInput = useScene((s) => s.input.kind === 'text');
  const hovered = useScene((s) => (s.hovered?.pane === paneId ? s.hovered.name : null));
  const setHovered = useScene((s) => s.setHovered);
  const setUnit = useScene((s) => s.setUnit);
  const scheme = useScheme();

  const { cell, convention, nonlinearity, recurrentActivation, projSize } = spec;
  const symbolic = useMemo(
    () =>
      symbolicEquations(
        { cell, convention, nonlinearity, recurrentActivation, projSize },
        notation,
        colorMark(scheme),
      ),
    [cell, convention, nonlinearity, recurrentActivation, projSize, notation, scheme],
  );
  const numeric = useMemo(
    () =>
      t >= 1 ? numericEquations({ model, trace, xs: sequence.xs, layer, t, unit, notation }) : [],
    [model, trace, sequence, layer, t, unit, notation],
  );
  // Once the page is idle, typeset what the next and the previous step will show, so that
  // a keypress finds the shapes a new number of digits makes (i_{9} → i_{10}) typeset.
  useEffect(
    () =>
      whenIdle(() => {
        const near = [t + 1, t - 1].filter((s) => s >= 1 && s <= trace.T);
        const xs = sequence.xs;
        warmShapes(
          near.flatMap((s) =>
            typesetLatex(numericEquations({ model, trace, xs, layer, t: s, unit, notation })),
          ),
        );
      }),
    [model, trace, sequence, layer, t, unit, notation],
  );
  const cBound = useMemo(() => largestAbs(trace, layer, 'c'), [trace, layer]);
  const onHover = useCallback(
    (name: string | null) => setHovered(name ? { pane: paneId, name } : null),
    [setHovered, paneId],
  );

  if (t < 1) return <p className="eq-message">The input is empty: no step to show.</p>;
  const k = Math.floor(layer / trace.directions);
  const backward = trace.layers[layer]?.direction === 1;
  const token = sequence.tokens[t - 1] ?? '';
  const colors = PART_COLORS[scheme];
  return (
    <div className="equations-panel" data-pane={paneId}>
      <NotationSwitch value={notation} onChange={setNotation} />
      <div className="eq-context">
        <p>
          <strong>{cellTitle(cell)}</strong> · step {t} of {trace.T} · x<sub>{t}</sub> ={' '}
          {textInput ? `“${token}”` : token}
          {trace.layers.length > 1 && (
            <>
              {' '}
              · layer {k + 1} of {spec.numLayers}
              {trace.directions === 2 && (backward ? ', backward ←' : ', forward →')}
              {k > 0 && (
                <>
                  {' '}
                  (its x is layer {k}’s h{trace.directions === 2 ? ', → and ←' : ''})
                </>
              )}
            </>
          )}
        </p>
        {backward && (
          <p className="eq-definition">
            This direction reads the sequence last step first: the state it reads at step {t}{' '}
            (written h<sub>t−1</sub>) is the one it left at step {t + 1}
            {t === trace.T && <>, zero here, where it starts</>}.
          </p>
        )}
        <UnitField unit={unit} hiddenSize={H} onChange={setUnit} />
      </div>
      {cell === 'gru' && <ConventionNote convention={convention} />}
      {notation === 'concat' && (
        <p className="eq-definition">
          <KatexSpan latex={concatDefinition(cell)} />
        </p>
      )}
      <p className="eq-key">
        <span style={{ color: colors.input }}>
          ■ <i>x</i>
          <sub>t</sub> part
        </span>{' '}
        <span style={{ color: colors.recurrent }}>
          ■ <i>h</i>
          <sub>t−1</sub> part
        </span>{' '}
        <span style={{ color: colors.bias }}>■ bias</span>
        <span className="eq-key-hint"> Point at a number for its full value.</span>
      </p>
      <ol className="eq-list">
        {numeric.map((eq, k) => (
          <EquationRow
            key={eq.name}
            numeric={eq}
            symbolic={symbolic[k]?.latex ?? ''}
            caption={captionOf(spec, eq.name, naming)}
            note={symbolic[k]?.note}
            hovered={hovered}
            scheme={scheme}
            cBound={cBound}
            onHover={onHover}
          />
        ))}
      </ol>
    </div>
  );
}

/** Largest |value| of a quantity over a layer's trace (1 when absent or all zero). */
function largestAbs(trace: Trace, layer: number, name: string): number {
  const rows = trace.layers[layer]?.gates[name];
  let m = 0;
  for (const row of rows ?? []) {
    for (let j = 0; j < row.length; j++) m = Math.max(m, Math.abs(row[j]!));
  }
  return m > 0 ? m : 1;
}

/** What a step's numeric lines give KaTeX: their LaTeX pieces and any number that is not a plain decimal. */
function typesetLatex(equations: readonly NumericEquation[]): string[] {
  return equations.flatMap((eq) =>
    eq.pieces.filter((p) => p.kind === 'tex' || !isPlainDecimal(p.tex)).map((p) => p.tex),
  );
}
