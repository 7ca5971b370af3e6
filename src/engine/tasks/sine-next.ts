/**
 * Sine-wave next-value prediction: the time-series application. From the values seen so far
 * the model must infer the wave's period and phase and extrapolate one step.
 */
import { EngineInputError } from '../errors';
import type { Random } from '../random';
import { formatValue, resolveParams, type ParamTable } from './common';
import type { Sample, Task } from './types';

/** The parameters of 'sine-next'. */
export type SineNextParams = {
  /** Sequence length T. */
  length: number;
  /** Shortest period, in steps. */
  periodMin: number;
  /** Longest period, in steps (≥ periodMin). */
  periodMax: number;
  /** Amplitude A of the wave. */
  amplitude: number;
};

/** Bounds and defaults of 'sine-next'. periodMin ≤ periodMax is checked as well. */
export const SINE_NEXT_PARAMS: ParamTable<SineNextParams> = {
  length: { min: 10, max: 200, default: 40, integer: true, label: 'sequence length T' },
  periodMin: { min: 4, max: 100, default: 8, label: 'shortest period, in steps' },
  periodMax: { min: 4, max: 100, default: 24, label: 'longest period, in steps' },
  amplitude: { min: 0.5, max: 5, default: 1, label: 'amplitude A' },
};

/** |prediction − target| below this counts as correct. */
const TOLERANCE = 0.1;

/**
 * The 'sine-next' task. One input feature x_t = A·sin(2π t / P + φ), t = 0..T (T + 1 values
 * are made), with phase φ ~ U(0, 2π) and period P ~ U(periodMin, periodMax) drawn per
 * sample, in that order. xs holds x_0..x_{T−1}; every step t is scored, target x_{t+1};
 * mse loss; tolerance 0.1.
 *
 * Chance: always answering 0, the best constant. Because φ is uniform, every target is
 * A·sin(θ) with θ uniform on the circle, whatever P and t, so P(|x| < δ) is exactly
 * (2/π)·asin(δ / A): 0.0638 for A = 1. (The "persistence" guess x_{t+1} = x_t is a stronger
 * baseline but reads the input; it is not chance.)
 *
 * Math.sin is not required to be correctly rounded, so values may differ in the last bit
 * between JavaScript engines; the draws from `Random` themselves are bit-identical.
 */
export function sineNext(params?: Partial<SineNextParams>): Task {
  const p = resolveParams('sine-next', SINE_NEXT_PARAMS, params);
  if (p.periodMin > p.periodMax) {
    throw new EngineInputError(
      `Task 'sine-next': parameter 'periodMin' (${p.periodMin}) must not exceed ` +
        `'periodMax' (${p.periodMax}); both lie in [4, 100]`,
    );
  }
  const T = p.length;
  const A = p.amplitude;
  return {
    name: 'sine-next',
    title: 'Predict the next value of a sine wave',
    params: p,
    inputSize: 1,
    outputSize: 1,
    loss: 'mse',
    inputLabels: ['x'],
    outputLabels: ['next x'],
    tolerance: TOLERANCE,
    chance: (2 / Math.PI) * Math.asin(Math.min(1, TOLERANCE / A)),
    sample(rng: Random): Sample {
      const phase = rng.uniform(0, 2 * Math.PI);
      const period = rng.uniform(p.periodMin, p.periodMax);
      const wave: number[] = [];
      for (let t = 0; t <= T; t++) wave.push(A * Math.sin((2 * Math.PI * t) / period + phase));
      const xs: number[][] = [];
      const steps: number[] = [];
      const targets: number[][] = [];
      for (let t = 0; t < T; t++) {
        xs.push([wave[t] ?? 0]);
        steps.push(t);
        targets.push([wave[t + 1] ?? 0]);
      }
      return { xs, steps, targets };
    },
    tokens(sample: Sample): string[] {
      return sample.xs.map((x) => formatValue(x[0] ?? 0));
    },
  };
}
