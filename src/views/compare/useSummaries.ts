import { useEffect, useState, useSyncExternalStore } from 'react';
import {
  multiplyAddsPerStep,
  paneRunOf,
  paneSizeOf,
  trainedModelStatus,
  useScene,
} from '../../store';
import { timingRangeOf, type Timing } from '../../store/timing';
import { parameterCount } from '../../engine';
import { type PaneSettings } from '../../scene';
import { hasJacobianNorms, jacobianNormsOf, layerOf } from '../../store/gradients';
import {
  gradientResultsVersion,
  normsFailure,
  requestJacobianNorms,
  subscribeGradientResults,
  takesRequests,
  timingFailure,
} from '../../store/gradientService';
import { paneTitle } from './labels';
import { finalStateNorm, measureTiming, nextTask, timingOf } from './summary';

/** One row of the compare summary. Numbers not known yet are undefined. */
export interface PaneSummary {
  /** The pane's settings. */
  readonly pane: PaneSettings;
  /** "Model A — LSTM". */
  readonly title: string;
  /** Scalar parameters of the model the pane runs (see `paneSizeOf`). */
  readonly parameters: number;
  /** Multiply-adds of one step's matrix–vector products: the cost that does not vary. */
  readonly multiplyAdds: number;
  /** A trained pane's held-out accuracy and mean loss from its file; null for drawn weights. */
  readonly heldOut: { readonly accuracy: number; readonly loss: number } | null;
  /**
   * For a pane training here (or trained here this session): the first step whose held-out
   * accuracy reached the target, null while it has not; undefined for other panes.
   */
  readonly stepsToTarget: number | null | undefined;
  /** The median, fastest and slowest measured ms per pass, once measured. */
  readonly timing: Timing | undefined;
  /** Why the model could not run, or null. */
  readonly error: string | null;
  /** ‖h_T‖₂ of the top layer; null when the run failed. */
  readonly finalNorm: number | null;
  /** Median ms per forward + backward pass; undefined while measuring, null on failure. */
  readonly msPerPass: number | null | undefined;
  /**
   * ‖∂h_T/∂h_1‖_F of the selected layer, h_1 the state after step 1 (entry 1 of
   * `jacobianNormsOf`: back T − 1 steps); undefined while computing, null on failure or
   * a sequence of one step.
   */
  readonly fromStep1: number | null | undefined;
  /** The layer (1-based) that norm is of. */
  readonly layer: number;
  /** Why the timing or the norm could not be computed (the worker failed), or null. */
  readonly failure: string | null;
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
  const curves = useScene((s) => s.training.curves);
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
        if (takesRequests()) {
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

  return panes.map((pane) => {
    const run = paneRunOf(pane, input);
    const size = paneSizeOf(pane, input);
    const status = pane.trained ? trainedModelStatus(pane.trained) : null;
    const metrics = status?.state === 'ready' ? status.loaded.file.metrics : null;
    const base = {
      pane,
      title: paneTitle(pane),
      parameters: parameterCount(size),
      multiplyAdds: multiplyAddsPerStep(size),
      heldOut: metrics && { accuracy: metrics.accuracy, loss: metrics.loss },
      stepsToTarget:
        curves[pane.id]?.modelId === pane.trained ? curves[pane.id]!.reachedAt : undefined,
    };
    if (!run.ok) {
      return {
        ...base,
        error: run.error,
        finalNorm: null,
        msPerPass: null,
        timing: undefined,
        fromStep1: null,
        layer: 1,
        failure: null,
      };
    }
    const norms = hasJacobianNorms(run, layer) ? jacobianNormsOf(run, layer) : undefined;
    const normsFailed = normsFailure(run, layer);
    const timingFailed = timingFailure(run);
    return {
      ...base,
      error: null,
      finalNorm: finalStateNorm(run),
      msPerPass: timingFailed === undefined ? timingOf(run) : null,
      timing: timingRangeOf(run),
      fromStep1:
        normsFailed !== undefined ? null : norms === undefined ? undefined : (norms[1] ?? null),
      layer: layerOf(run, layer) + 1,
      failure: timingFailed ?? normsFailed ?? null,
    };
  });
}
