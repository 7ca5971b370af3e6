/**
 * What the gradient views derive from a pane's run: Jacobian norms back through time, the
 * LSTM's forget-gate product along the cell path, and input saliency. Each is computed
 * from the memoized run (never stored in the store) and memoized per run object, so
 * stepping through time never recomputes it and a new run (new settings or input)
 * recomputes it at once.
 */
import { backward, jacobianNorms, outputWidth } from '../engine';
import { formatNorm, powerOfTen } from '../format/norm';
import type { PaneRun } from './derived';

/** A pane run that succeeded: it has a model and a trace. */
export type OkPaneRun = Extract<PaneRun, { ok: true }>;

/** How many times each gradient quantity was computed: tests read it. */
export const gradientStats = { jacobianNorms: 0, forgetProducts: 0, saliencies: 0 };

const norms = new WeakMap<OkPaneRun, Map<number, readonly number[]>>();
const forgetProducts = new WeakMap<OkPaneRun, Map<string, readonly number[]>>();
const saliencies = new WeakMap<OkPaneRun, Map<number, readonly number[]>>();

/** `value` clamped into the integers 0..count−1 (0 when count is 0). */
function clampIndex(value: number, count: number): number {
  return Math.max(0, Math.min(Math.floor(value), count - 1));
}

/** The entry of a per-run cache, computing it once per (run, key). */
function cached<K, V>(
  cache: WeakMap<OkPaneRun, Map<K, V>>,
  run: OkPaneRun,
  key: K,
  compute: () => V,
): V {
  let byKey = cache.get(run);
  if (!byKey) {
    byKey = new Map();
    cache.set(run, byKey);
  }
  let value = byKey.get(key);
  if (value === undefined) {
    value = compute();
    byKey.set(key, value);
  }
  return value;
}

/**
 * The layer index a view asks for, clamped into the run's trace layers 0..L·D−1 (a
 * bidirectional model has two per layer, forward then backward, as the engine indexes them).
 */
export function layerOf(run: OkPaneRun, layer: number): number {
  return clampIndex(layer, run.trace.layers.length);
}

/** The unit index a view asks for, clamped into the run's units 0..H−1. */
export function unitOf(run: OkPaneRun, unit: number): number {
  return clampIndex(unit, run.model.spec.hiddenSize);
}

/**
 * ‖∂h_T/∂h_t‖_F of one layer, t = 0..T−1 (engine `jacobianNorms`): entry t is the
 * distance T − t, so entry 0 spans all T steps and entry T−1 one step (a backward
 * direction's norms are reversed to read the same way: it ends at step 1). `layer` is
 * clamped into the run's layers. The same array object for the same (run, layer); do not
 * mutate it. Costs O(T·G·H³): about 30 ms for an LSTM at T = 200, H = 32.
 */
export function jacobianNormsOf(run: OkPaneRun, layer: number): readonly number[] {
  const l = layerOf(run, layer);
  return cached(norms, run, l, () => {
    gradientStats.jacobianNorms++;
    const values = jacobianNorms(run.model, run.trace, l);
    // A backward direction ends at step 1: its entry t spans t + 1 steps. Reversed, entry k
    // spans T − k steps for both directions, as the plot's distance axis reads them.
    return run.trace.layers[l]?.direction === 1 ? values.reverse() : values;
  });
}

/** Stores norms computed elsewhere (the worker) as {@link jacobianNormsOf}'s answer. */
export function primeJacobianNorms(run: OkPaneRun, layer: number, values: readonly number[]): void {
  cached(norms, run, layerOf(run, layer), () => values);
}

/** True when {@link jacobianNormsOf} has this (run, layer) already: reading it is free. */
export function hasJacobianNorms(run: OkPaneRun, layer: number): boolean {
  return norms.get(run)?.has(layerOf(run, layer)) ?? false;
}

/**
 * The product of an LSTM's forget gates along the cell path of one unit j, by distance
 * d = T − t back from the last step, d = 0..T: entry 0 is 1, entry k is
 * f_T·f_{T−1}·…·f_{T−k+1} (the last k steps) = ∂c_T/∂c_{T−k} along the cell path alone,
 * Hochreiter & Schmidhuber's constant error carousel. Null for RNN and GRU runs. Layer and
 * unit are clamped; the same array object for the same (run, layer, unit).
 */
export function forgetProductOf(
  run: OkPaneRun,
  layer: number,
  unit: number,
): readonly number[] | null {
  if (run.model.spec.cell !== 'lstm') return null;
  const l = layerOf(run, layer);
  const j = unitOf(run, unit);
  return cached(forgetProducts, run, `${l}:${j}`, () => {
    gradientStats.forgetProducts++;
    const f = run.trace.layers[l]?.gates.f ?? [];
    const T = run.trace.T;
    // A backward direction reads step 1 last: going back from its end is going forward in t.
    const backward = run.trace.layers[l]?.direction === 1;
    const product = new Array<number>(T + 1);
    product[0] = 1;
    for (let k = 1; k <= T; k++) {
      product[k] = product[k - 1]! * (f[backward ? k - 1 : T - k]?.[j] ?? 0);
    }
    return product;
  });
}

/**
 * Input saliency ‖∂L/∂x_t‖₂ per step t = 0..T−1 (step t + 1 on screen) for the loss
 * L = h_T[j], unit j of the top layer's state after the last step (engine `backward` with
 * dOutputs zero except dOutputs[T−1][j] = 1). `unit` is clamped; the same array object
 * for the same (run, unit).
 */
export function saliencyOf(run: OkPaneRun, unit: number): readonly number[] {
  // The top layer's outputs: H' per direction (P for a projected LSTM), forward then backward.
  const width = outputWidth(run.model.spec);
  const j = clampIndex(unit, width);
  return cached(saliencies, run, j, () => {
    gradientStats.saliencies++;
    const { T } = run.trace;
    if (T === 0) return [];
    const dOutputs = Array.from({ length: T }, () => new Array<number>(width).fill(0));
    dOutputs[T - 1]![j] = 1;
    const grads = backward(run.model, run.trace, dOutputs);
    return grads.xs.map(norm2);
  });
}

/** True when {@link saliencyOf} has this (run, unit) already: reading it is free. */
export function hasSaliency(run: OkPaneRun, unit: number): boolean {
  return saliencies.get(run)?.has(clampIndex(unit, outputWidth(run.model.spec))) ?? false;
}

/** Stores a saliency computed elsewhere (the worker) as {@link saliencyOf}'s answer. */
export function primeSaliency(run: OkPaneRun, unit: number, values: readonly number[]): void {
  cached(saliencies, run, unitOf(run, unit), () => values);
}

/**
 * ‖v‖₂ scaled by the largest entry, so that entries below 1e-154 (whose squares underflow)
 * or above 1e154 (whose squares overflow) still give the right norm.
 */
function norm2(v: ArrayLike<number>): number {
  let scale = 0;
  for (let i = 0; i < v.length; i++) scale = Math.max(scale, Math.abs(v[i]!));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += (v[i]! / scale) ** 2;
  return scale * Math.sqrt(sum);
}

/** A factor given by its log10, in words: "3.4" or "42" below 100, else "10⁸" (nearest power). */
export function factorText(log10Factor: number): string {
  const rounded = Number((10 ** log10Factor).toPrecision(2));
  if (rounded < 100) return String(rounded);
  return powerOfTen(Math.round(log10Factor));
}

/** Within this factor either way the gradient counts as surviving. */
export const SURVIVES = 3;

/**
 * One line, computed from the numbers, saying what happens to the gradient back through
 * time. `norms` is a `jacobianNormsOf` result: it compares ‖∂h_T/∂h_0‖ (entry 0, all T
 * steps) with the one-step norm ‖∂h_T/∂h_{T−1}‖ (entry T−1), ratio = entry 0 / entry T−1:
 * within a factor of 3 either way the gradient survives; below, it shrinks ("vanishing"
 * from 10² on); above, it grows ("exploding" from 10 on). Handles T = 0 and T = 1, an
 * exact 0 (underflow below float64's range) and overflow. `verdict: false` leaves out the
 * one-word verdict ("vanishing", "exploding"), for an LSTM whose cell path says otherwise.
 */
export function gradientCaption(norms: readonly number[], verdict = true): string {
  const T = norms.length;
  if (T === 0) return 'No steps: there is no gradient to follow.';
  const all = norms[0]!;
  const one = norms[T - 1]!;
  if (T === 1) {
    return `Only one step: ‖∂h_T/∂h_0‖ = ${formatNorm(one)}, no longer distance to compare.`;
  }
  const span = `From 1 to ${T} steps back`;
  if (one === 0) return 'The gradient is exactly 0 one step back: nothing flows back in time.';
  if (!Number.isFinite(one) || !Number.isFinite(all)) {
    return `${span}, the gradient grows beyond float64's range: exploding.`;
  }
  if (all === 0) return `${span}, the gradient vanishes below float64's range (exactly 0).`;
  // In logs, so that a ratio beyond float64 (a subnormal over a large norm) stays exact.
  const logRatio = Math.log10(all) - Math.log10(one);
  if (Math.abs(logRatio) <= Math.log10(SURVIVES)) {
    return `${span}, the gradient stays within a factor of ${SURVIVES}: it survives.`;
  }
  if (logRatio < 0) {
    const word = verdict && logRatio <= -2 ? ': vanishing' : '';
    return `${span}, the gradient shrinks by a factor of ${factorText(-logRatio)}${word}.`;
  }
  const word = verdict && logRatio >= 1 ? ': exploding' : '';
  return `${span}, the gradient grows by a factor of ${factorText(logRatio)}${word}.`;
}
