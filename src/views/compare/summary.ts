/**
 * The numbers of the compare summary, per pane run: ‖h_T‖ (cheap, read at once) and the
 * measured time of one forward + backward pass (costly: measured after paint, once per
 * run object, so stepping through time never measures again).
 */
import { backward, forward, type Model } from '../../engine';
import type { OkPaneRun } from '../../store/gradients';

/** Samples per measurement after the warm-up; their median is reported. */
export const TIMED_SAMPLES = 5;

/** Each sample repeats the pass until it lasts about this long, in ms. */
const SAMPLE_MS = 10;

/** Most passes in one sample (a tiny model's pass takes a few microseconds). */
const MAX_REPEATS = 10_000;

/** A pass slower than this (ms) cuts the samples to {@link FEW_SAMPLES}. */
const SLOW_PASS_MS = 150;
const FEW_SAMPLES = 2;

const timings = new WeakMap<OkPaneRun, number>();

/** The median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** ‖v‖₂ of the top layer's final state h_T (0 for an empty sequence). */
export function finalStateNorm(run: OkPaneRun): number {
  const last = run.trace.outputs[run.trace.T - 1];
  if (!last) return 0;
  let sum = 0;
  for (let j = 0; j < last.length; j++) sum += last[j]! ** 2;
  return Math.sqrt(sum);
}

/**
 * One forward + backward pass of a model on xs, ready to repeat: the engine's forward,
 * then its backward for the loss L = Σ_j h_T[j] (the seed is allocated once, here).
 */
function passOf(model: Model, xs: number[][]): () => void {
  const T = xs.length;
  const H = model.spec.hiddenSize;
  const dOutputs = Array.from({ length: T }, (_, t) =>
    new Array<number>(H).fill(t === T - 1 ? 1 : 0),
  );
  return () => {
    backward(model, forward(model, xs), dOutputs);
  };
}

/** The measured ms per forward + backward pass of a run, once measured. */
export function timingOf(run: OkPaneRun): number | undefined {
  return timings.get(run);
}

/** A promise that settles on a fresh task after the next paint, so the page stays live. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const later = () => setTimeout(resolve, 0);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(later);
    else later();
  });
}

/** Runs `pass` `n` times; the elapsed ms per pass. */
function msPerPass(pass: () => void, n: number): number {
  const start = performance.now();
  for (let k = 0; k < n; k++) pass();
  return (performance.now() - start) / n;
}

/**
 * Measures a run's time per forward + backward pass and stores it. A warm-up finds how
 * many passes n fill {@link SAMPLE_MS} (browsers round performance.now to 0.1 ms, more
 * than a small model's pass); then {@link TIMED_SAMPLES} samples of n passes each (2 when
 * one pass is slower than {@link SLOW_PASS_MS}), each on its own task after a paint, and
 * the median of the per-pass times. Resolves false, storing nothing, when `cancelled()`
 * turns true in between.
 */
export async function measureTiming(run: OkPaneRun, cancelled: () => boolean): Promise<boolean> {
  if (timings.has(run)) return true;
  const pass = passOf(run.model, run.sequence.xs);
  await nextTask();
  if (cancelled()) return false;
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < SAMPLE_MS && n < MAX_REPEATS) {
    pass();
    n++;
  }
  const warm = (performance.now() - start) / n;
  const count = warm > SLOW_PASS_MS ? FEW_SAMPLES : TIMED_SAMPLES;
  const samples: number[] = [];
  for (let k = 0; k < count; k++) {
    await nextTask();
    if (cancelled()) return false;
    samples.push(msPerPass(pass, n));
  }
  timings.set(run, median(samples));
  return true;
}
