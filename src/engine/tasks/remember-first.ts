/**
 * "Remember the first input": the sign of x_1 must survive T − 1 steps of distractors.
 * The cleanest long-term-dependency test there is: gated cells learn it reliably at every
 * length, while a plain tanh RNN's gradient from step 1 fades with T, so whether it learns
 * becomes a matter of luck (see README, "Trained models and lessons").
 */
import type { Random } from '../random';
import { coin, formatValue, oneHot, resolveParams, type ParamTable } from './common';
import type { Sample, Task } from './types';

/** The parameters of 'remember-first'. */
export type RememberFirstParams = {
  /** Sequence length T. */
  length: number;
  /** Distractors are uniform in [−noise, noise]. */
  noise: number;
};

/**
 * Bounds and defaults. With noise = 1 the distractors fill [−1, 1], so the signal (±1) is
 * never bigger than the noise around it: only its position tells it apart.
 */
export const REMEMBER_FIRST_PARAMS: ParamTable<RememberFirstParams> = {
  length: { min: 5, max: 100, default: 50, integer: true, label: 'sequence length T' },
  noise: { min: 0, max: 2, default: 1, label: 'distractor amplitude' },
};

const CLASSES = ['−1', '+1'] as const;

/**
 * The 'remember-first' task. One input feature: x_1 = ±1 by a fair coin, then x_2..x_T
 * uniform in [−noise, noise]. Scored only at the last step (0-based T − 1), where the
 * target is one-hot over ['−1', '+1'] (index 1 = +1); cross-entropy loss; chance 0.5.
 * Draw order per sample: the coin, then the T − 1 distractors in time order.
 */
export function rememberFirst(params?: Partial<RememberFirstParams>): Task {
  const p = resolveParams('remember-first', REMEMBER_FIRST_PARAMS, params);
  const T = p.length;
  return {
    name: 'remember-first',
    title: 'Remember the first input',
    params: p,
    inputSize: 1,
    outputSize: 2,
    loss: 'crossEntropy',
    inputLabels: ['x'],
    outputLabels: CLASSES,
    chance: 0.5,
    sample(rng: Random): Sample {
      const positive = coin(rng);
      const xs: number[][] = [[positive ? 1 : -1]];
      for (let t = 1; t < T; t++) xs.push([rng.uniform(-p.noise, p.noise)]);
      return { xs, steps: [T - 1], targets: [oneHot(positive ? 1 : 0, 2)] };
    },
    tokens(sample: Sample): string[] {
      return sample.xs.map((x, t) => {
        const v = x[0] ?? 0;
        if (t > 0) return formatValue(v);
        return v > 0 ? '+1' : '−1';
      });
    },
  };
}
