import { useDeferredValue, useEffect, useState, useSyncExternalStore } from 'react';
import { paneRunOf, useScene } from '../../store';
import type { InputSettings, PaneSettings } from '../../scene';
import { lstmGradientCaption } from '../../store/cellPathCaption';
import { originalRunOf } from '../../store/originalRun';
import {
  forgetProductOf,
  gradientCaption,
  hasJacobianNorms,
  hasSaliency,
  jacobianNormsOf,
  layerOf,
  saliencyOf,
  unitOf,
} from '../../store/gradients';
import {
  gradientResultsVersion,
  normsFailure,
  requestJacobianNorms,
  requestSaliency,
  saliencyFailure,
  subscribeGradientResults,
  takesRequests,
} from '../../store/gradientService';
import { PANE_COLORS, paneLabel } from './paneColors';
import { runFailureNote } from '../runFailure';

/** Everything the gradient views show of one pane, derived from its memoized run. */
export interface PaneGradients {
  /** The pane's settings. */
  readonly pane: PaneSettings;
  /** "A — LSTM". */
  readonly label: string;
  /** The pane's colour. */
  readonly color: string;
  /** The layer shown, 0-based, clamped to the pane's layers. */
  readonly layer: number;
  /** The unit j, 0-based, clamped to the pane's units. */
  readonly unit: number;
  /** ‖∂h_T/∂h_t‖ by t = 0..T−1 (distance T − t); null when the run failed. */
  readonly norms: readonly number[] | null;
  /**
   * The same norms of the run without the pane's interventions (the original, drawn beside
   * the changed run's); null when the pane has none or they are not known.
   */
  readonly originalNorms: readonly number[] | null;
  /** Π f by distance 0..T for an LSTM, else null. */
  readonly forgetProduct: readonly number[] | null;
  /** ‖∂h_T[j]/∂x_t‖ by t = 0..T−1; null when the run failed. */
  readonly saliency: readonly number[] | null;
  /** Input label per step. */
  readonly tokens: readonly string[];
  /** The computed one-line summary, or why there is none. */
  readonly caption: string;
  /** Why the gradients or the saliency could not be computed (the worker failed), or null. */
  readonly failure: string | null;
}

/** What the gradient views are asked to show: a snapshot of the store's settings. */
interface Request {
  readonly panes: readonly PaneSettings[];
  readonly input: InputSettings;
  readonly layer: number;
  readonly unit: number;
}

/** One pane's gradients at a layer and unit (each quantity memoized per run). */
export function paneGradientsOf(
  pane: PaneSettings,
  input: InputSettings,
  layer: number,
  unit: number,
): PaneGradients {
  const run = paneRunOf(pane, input);
  const base = {
    pane,
    label: paneLabel(pane),
    color: PANE_COLORS[pane.id],
    tokens: run.sequence.tokens,
  };
  if (!run.ok) {
    return {
      ...base,
      layer: 0,
      unit: 0,
      norms: null,
      originalNorms: null,
      forgetProduct: null,
      saliency: null,
      caption: `No gradients: ${runFailureNote(run)}`,
      failure: null,
    };
  }
  const normsFailed = normsFailure(run, layer);
  const saliencyFailed = saliencyFailure(run, unit);
  const norms = normsFailed === undefined ? jacobianNormsOf(run, layer) : null;
  const forgetProduct = forgetProductOf(run, layer, unit);
  let caption = 'No gradients: not computed (the note above says why).';
  if (norms) {
    caption = forgetProduct
      ? lstmGradientCaption(norms, forgetProduct, unitOf(run, unit))
      : gradientCaption(norms);
  }
  const original = originalOf(pane, input);
  const originalNorms =
    original && normsFailure(original, layer) === undefined
      ? jacobianNormsOf(original, layer)
      : null;
  return {
    ...base,
    layer: layerOf(run, layer),
    unit: unitOf(run, unit),
    norms,
    originalNorms,
    forgetProduct,
    saliency: saliencyFailed === undefined ? saliencyOf(run, unit) : null,
    caption,
    failure: normsFailed ?? saliencyFailed ?? null,
  };
}

/** The pane's run without its interventions, when it has some and that run is ok; else null. */
function originalOf(pane: PaneSettings, input: InputSettings) {
  if (pane.interventions.length === 0) return null;
  const run = originalRunOf(pane, input);
  return run.ok ? run : null;
}

/**
 * True when every pane's Jacobian norms are memoized already or failed (and, where a worker
 * computes it, the saliency too), so showing them is free.
 */
function isReady({ panes, input, layer, unit }: Request, offThread: boolean): boolean {
  return panes.every((pane) => {
    const run = paneRunOf(pane, input);
    if (!run.ok) return true;
    const norms = hasJacobianNorms(run, layer) || normsFailure(run, layer) !== undefined;
    const saliency = hasSaliency(run, unit) || saliencyFailure(run, unit) !== undefined;
    const original = originalOf(pane, input);
    const originalNorms =
      !original || hasJacobianNorms(original, layer) || normsFailure(original, layer) !== undefined;
    return norms && (!offThread || (saliency && originalNorms));
  });
}

const cache = new WeakMap<Request, readonly PaneGradients[]>();

/** The gradients of every pane for a request, built once per request object. */
function gradientsFor(request: Request): readonly PaneGradients[] {
  let result = cache.get(request);
  if (!result) {
    const { panes, input, layer, unit } = request;
    result = panes.map((pane) => paneGradientsOf(pane, input, layer, unit));
    cache.set(request, result);
  }
  return result;
}

const requests = new WeakMap<
  readonly PaneSettings[],
  WeakMap<InputSettings, Map<string, Request>>
>();

/** The one request object for these settings, so memoization by identity works. */
function requestOf(
  panes: readonly PaneSettings[],
  input: InputSettings,
  layer: number,
  unit: number,
): Request {
  let byInput = requests.get(panes);
  if (!byInput) requests.set(panes, (byInput = new WeakMap()));
  let byKey = byInput.get(input);
  if (!byKey) byInput.set(input, (byKey = new Map()));
  const key = `${layer}:${unit}`;
  let request = byKey.get(key);
  if (!request) byKey.set(key, (request = { panes, input, layer, unit }));
  return request;
}

/** What {@link useGradients} returns. */
export interface GradientsState {
  /** Every pane's gradients, in pane order; null until the first result is computed. */
  data: readonly PaneGradients[] | null;
  /** True while `data` is stale (or null) and the current settings are being computed. */
  pending: boolean;
}

/**
 * Every pane's gradients, computed lazily: when the Jacobian norms of the current settings
 * are not memoized yet (the costly part: ~30 ms for an LSTM at T = 200, H = 32), the
 * previous result (or null) is shown with `pending` set while a Web Worker computes them
 * (or, when it failed, the page; or a pane's `failure` says why there are none); where
 * there is no Worker at all (jsdom), React computes them in a background render after
 * painting. Stepping never recomputes anything.
 */
export function useGradients(): GradientsState {
  const panes = useScene((s) => s.panes);
  const input = useScene((s) => s.input);
  const layer = useScene((s) => s.layer);
  const unit = useScene((s) => s.unit);
  const request = requestOf(panes, input, layer, unit);
  // Re-render when the worker delivers norms.
  useSyncExternalStore(subscribeGradientResults, gradientResultsVersion);
  const offThread = takesRequests();
  const deferred = useDeferredValue<Request | null>(offThread ? null : request, null);
  const ready = isReady(request, offThread);
  const [lastReady, setLastReady] = useState<Request | null>(null);
  if (ready && lastReady !== request) setLastReady(request);
  useEffect(() => {
    if (ready || !offThread) return;
    for (const pane of request.panes) {
      const run = paneRunOf(pane, request.input);
      if (!run.ok) continue;
      requestJacobianNorms(run, request.layer);
      requestSaliency(run, request.unit);
      const original = originalOf(pane, request.input);
      if (original) requestJacobianNorms(original, request.layer);
    }
  }, [request, ready, offThread]);
  const shown = ready ? request : offThread ? lastReady : deferred;
  return { data: shown && gradientsFor(shown), pending: shown !== request };
}
