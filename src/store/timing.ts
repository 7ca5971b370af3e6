/**
 * The measured time of one forward + backward pass of a model on an input, for the
 * compare table ("GRU has fewer tensor operations, trains a bit faster"). Synchronous:
 * the worker runs it; without a worker the page runs it for small models only.
 */
import { backward, forward, type Model } from '../engine';
import type { OkPaneRun } from './gradients';

/** Samples after the warm-up; their median is reported. */
export const TIMED_SAMPLES = 5;

/** Each sample repeats the pass until it lasts about this long, in ms. */
const SAMPLE_MS = 10;

/** Most passes in one sample (a tiny model's pass takes a few microseconds). */
const MAX_REPEATS = 10_000;

/** A pass slower than this (ms) cuts the samples to {@link FEW_SAMPLES}. */
const SLOW_PASS_MS = 150;
const FEW_SAMPLES = 2;

/** The median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * One forward + backward pass of a model on xs, ready to repeat: the engine's forward,
 * then its backward for the loss L = Σ_j h_T[j] (the seed is allocated once, here).
 */
function passOf(model: Model, xs: readonly (readonly number[])[]): () => void {
  const T = xs.length;
  const H = model.spec.hiddenSize;
  const dOutputs = Array.from({ length: T }, (_, t) =>
    new Array<number>(H).fill(t === T - 1 ? 1 : 0),
  );
  return () => {
    backward(model, forward(model, xs as number[][]), dOutputs);
  };
}

/** A measured time: the median ms per pass and the fastest and slowest of the samples. */
export interface Timing {
  readonly ms: number;
  readonly low: number;
  readonly high: number;
}

/**
 * Ms per forward + backward pass: the median, with the fastest and slowest samples so the
 * table can say how noisy the figure is. A warm-up finds how many passes n fill
 * {@link SAMPLE_MS} (browsers round performance.now to 0.1 ms, more than a small model's
 * pass); then {@link TIMED_SAMPLES} samples of n passes each (2 when one pass is slower
 * than {@link SLOW_PASS_MS}).
 */
export function timePass(model: Model, xs: readonly (readonly number[])[]): Timing {
  const pass = passOf(model, xs);
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < SAMPLE_MS && n < MAX_REPEATS) {
    pass();
    n++;
  }
  const warm = (performance.now() - start) / n;
  const slow = warm > SLOW_PASS_MS;
  // A slow pass (a large scene: seconds) counts its warm-up as the first sample.
  const samples: number[] = slow ? [warm] : [];
  const count = slow ? FEW_SAMPLES : TIMED_SAMPLES;
  while (samples.length < count) {
    const t0 = performance.now();
    for (let r = 0; r < n; r++) pass();
    samples.push((performance.now() - t0) / n);
  }
  return { ms: median(samples), low: Math.min(...samples), high: Math.max(...samples) };
}

const timings = new WeakMap<OkPaneRun, Timing>();

/** The measured median ms per forward + backward pass of a run, once measured. */
export function timingOf(run: OkPaneRun): number | undefined {
  return timings.get(run)?.ms;
}

/** The whole measurement of a run (median, fastest, slowest), once measured. */
export function timingRangeOf(run: OkPaneRun): Timing | undefined {
  return timings.get(run);
}

/** Stores a run's measured time per pass (from the worker, or measured here). */
export function primeTiming(run: OkPaneRun, timing: Timing): void {
  timings.set(run, timing);
}
