/**
 * The adding problem (Hochreiter & Schmidhuber 1997, experiment 4): add the two values that
 * carry a marker, however far apart they are. We use the form most later papers use (Le,
 * Jaitly & Hinton 2015; Arjovsky, Shah & Bengio 2016): values in [0, 1), one marker in each
 * half, target = the plain sum; the original drew values in [−1, 1] and scaled the target.
 */
import type { Random } from '../random';
import { formatValue, randomInt, resolveParams, type ParamTable } from './common';
import type { Sample, Task } from './types';

/** The parameters of 'adding'. */
export type AddingParams = {
  /** Sequence length T. */
  length: number;
};

/** Bounds and defaults of 'adding'. */
export const ADDING_PARAMS: ParamTable<AddingParams> = {
  length: { min: 10, max: 200, default: 50, integer: true, label: 'sequence length T' },
};

/** |prediction − target| below this counts as correct, as in Hochreiter & Schmidhuber 1997. */
const TOLERANCE = 0.04;

/**
 * The 'adding' task. Two features per step, [value, marker]: value ~ U(0, 1), marker ∈ {0, 1}
 * with exactly two 1s, the first at a uniform step of the first half, 0-based [0, ⌊T/2⌋),
 * the second at a uniform step of the second half, [⌊T/2⌋, T) (for odd T the second half
 * is one step longer). Scored at the last step only: target = the sum of the two marked
 * values; mse loss; tolerance 0.04.
 *
 * Chance: always answering 1, the best constant (the sum's mean and mode). The sum of two
 * U(0, 1) has the triangular density 1 − |s − 1| on [0, 2], so it lands within δ of 1 with
 * probability 1 − (1 − δ)² = 0.0784 for δ = 0.04.
 *
 * Draw order per sample: the T values in time order, then the first marker's step, then
 * the second's.
 */
export function adding(params?: Partial<AddingParams>): Task {
  const p = resolveParams('adding', ADDING_PARAMS, params);
  const T = p.length;
  const half = Math.floor(T / 2);
  return {
    name: 'adding',
    title: 'The adding problem',
    params: p,
    inputSize: 2,
    outputSize: 1,
    loss: 'mse',
    inputLabels: ['value', 'marker'],
    outputLabels: ['sum'],
    tolerance: TOLERANCE,
    chance: 1 - (1 - TOLERANCE) ** 2,
    sample(rng: Random): Sample {
      const values: number[] = [];
      for (let t = 0; t < T; t++) values.push(rng.next());
      const first = randomInt(rng, half);
      const second = half + randomInt(rng, T - half);
      const xs = values.map((v, t) => [v, t === first || t === second ? 1 : 0]);
      const sum = (values[first] ?? 0) + (values[second] ?? 0);
      return { xs, steps: [T - 1], targets: [[sum]] };
    },
    tokens(sample: Sample): string[] {
      return sample.xs.map((x) => formatValue(x[0] ?? 0) + ((x[1] ?? 0) > 0.5 ? '*' : ''));
    },
  };
}
