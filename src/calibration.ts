/**
 * The bench's calibration workload: the engine's LSTM forward at T=1000, H=32 (input size
 * 8, one layer). `npm run bench` times it in Node and inside the benchmarked page, so
 * browser figures from two machines can be compared by ratio. Pure engine code: no DOM.
 */
import { createModel, forward, initParams } from './engine';

/** Median of `runs` timed calls of `fn` after `warmup` untimed ones, in ms. */
export function medianMs(fn: () => void, runs: number, warmup: number): number {
  for (let i = 0; i < warmup; i++) fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const m = ms.length >> 1;
  return ms.length % 2 ? (ms[m] ?? NaN) : ((ms[m - 1] ?? NaN) + (ms[m] ?? NaN)) / 2;
}

/** Deterministic rows in [−1, 1) (an LCG): inputs and loss weights, [rows][cols]. */
export function lcgRows(count: number, cols: number, seed: number): number[][] {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  };
  return Array.from({ length: count }, () => Array.from({ length: cols }, next));
}

/** The calibration scene: sequence length, hidden size and input size. */
export const CALIBRATION = { T: 1000, H: 32, I: 8 } as const;

/** Median ms of the engine's LSTM forward at T=1000, H=32 over `runs` runs (2 warm-ups). */
export function calibrationMs(runs = 9): number {
  const { T, H, I } = CALIBRATION;
  const spec = { cell: 'lstm', inputSize: I, hiddenSize: H, numLayers: 1 } as const;
  const model = createModel(spec, initParams(spec, { seed: 1 }));
  const xs = lcgRows(T, I, 2);
  return medianMs(() => forward(model, xs), runs, 2);
}
