import { useEffect, useState, useSyncExternalStore } from 'react';
import { parameterCount } from '../../engine';
import { paneRunOf, sequenceOf, useScene } from '../../store';
import { type PaneSettings } from '../../scene';
import { hasJacobianNorms, jacobianNormsOf, layerOf } from '../../store/gradients';
import {
  canComputeOffThread,
  gradientResultsVersion,
  requestJacobianNorms,
  subscribeGradientResults,
} from '../../store/gradientService';
import { paneTitle } from './labels';
import { finalStateNorm, measureTiming, nextTask, timingOf } from './summary';

/** One row of the compare summary. Numbers not known yet are undefined. */
export interface PaneSummary {
  /** The pane's settings. */
  readonly pane: PaneSettings;
  /** "Model A — LSTM". */
  readonly title: string;
  /** Scalar parameters on the current input (its feature count sets weight_ih_l0). */
  readonly parameters: number;
  /** Why the model could not run, or null. */
  readonly error: string | null;
  /** ‖h_T‖₂ of the top layer; null when the run failed. */
  readonly finalNorm: number | null;
  /** Median ms per forward + backward pass; undefined while measuring, null on failure. */
  readonly msPerPass: number | null | undefined;
  /**
   * ‖∂h_T/∂h_0‖_F of the selected layer (entry 0 of `jacobianNormsOf`: back through all T
   * steps); undefined while computing, null on failure or an empty sequence.
   */
  readonly jacobianAll: number | null | undefined;
  /** The layer (1-based) that norm is of. */
  readonly layer: number;
}

/**
 * Every pane's summary row. Parameter counts and ‖h_T‖ are read at once; the Jacobian
 * norms and the timings are computed after paint, one pane at a time, and memoized per
 * run, so stepping through time never recomputes them and a new run measures afresh.
 */
export function usePaneSummaries(): readonly PaneSummary[] {
  const panes = useScene((s) => s.panes);
  const input = useScene((s) => s.input);
  const layer = useScene((s) => s.layer);
  const [, setVersion] = useState(0);
  // Answers from the worker (norms, timings) re-render the table as they arrive.
  useSyncExternalStore(subscribeGradientResults, gradientResultsVersion);

  useEffect(() => {
    let stopped = false;
    const cancelled = () => stopped;
    const bump = () => setVersion((v) => v + 1);
    const runs = panes.map((pane) => paneRunOf(pane, input));
    void (async () => {
      for (const run of runs) {
        if (!run.ok || hasJacobianNorms(run, layer)) continue;
        if (canComputeOffThread()) {
          requestJacobianNorms(run, layer);
          continue;
        }
        await nextTask();
        if (stopped) return;
        jacobianNormsOf(run, layer);
        bump();
      }
      for (const run of runs) {
        if (!run.ok || timingOf(run) !== undefined) continue;
        if (!(await measureTiming(run, cancelled))) return;
        bump();
      }
    })();
    return () => {
      stopped = true;
    };
  }, [panes, input, layer]);

  const inputSize = sequenceOf(input).inputSize;
  return panes.map((pane) => {
    const run = paneRunOf(pane, input);
    const base = {
      pane,
      title: paneTitle(pane),
      parameters: parameterCount({ ...pane, inputSize }),
    };
    if (!run.ok) {
      return {
        ...base,
        error: run.error,
        finalNorm: null,
        msPerPass: null,
        jacobianAll: null,
        layer: 1,
      };
    }
    const norms = hasJacobianNorms(run, layer) ? jacobianNormsOf(run, layer) : undefined;
    return {
      ...base,
      error: null,
      finalNorm: finalStateNorm(run),
      msPerPass: timingOf(run),
      jacobianAll: norms === undefined ? undefined : (norms[0] ?? null),
      layer: layerOf(run, layer) + 1,
    };
  });
}
