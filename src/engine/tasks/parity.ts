/**
 * Parity of a bit stream: after every bit, is the count of 1s so far even or odd? One bit
 * of state, flipped by every 1 — easy to store, but every input matters for ever.
 */
import type { Random } from '../random';
import { coin, oneHot, resolveParams, type ParamTable } from './common';
import type { Sample, Task } from './types';

/** The parameters of 'parity'. */
export type ParityParams = {
  /** Sequence length T. */
  length: number;
};

/** Bounds and defaults of 'parity'. */
export const PARITY_PARAMS: ParamTable<ParityParams> = {
  length: { min: 2, max: 100, default: 20, integer: true, label: 'sequence length T' },
};

const CLASSES = ['even', 'odd'] as const;

/**
 * The 'parity' task. One input feature x_t ∈ {0, 1} by a fair coin. Scored at every step:
 * the target at step t is one-hot over ['even', 'odd'] for x_1 ⊕ … ⊕ x_t (index 1 = odd);
 * cross-entropy loss. Each running parity is itself a fair coin, so chance is 0.5.
 */
export function parity(params?: Partial<ParityParams>): Task {
  const p = resolveParams('parity', PARITY_PARAMS, params);
  const T = p.length;
  return {
    name: 'parity',
    title: 'Parity of a bit stream',
    params: p,
    inputSize: 1,
    outputSize: 2,
    loss: 'crossEntropy',
    inputLabels: ['bit'],
    outputLabels: CLASSES,
    chance: 0.5,
    sample(rng: Random): Sample {
      const xs: number[][] = [];
      const steps: number[] = [];
      const targets: number[][] = [];
      let odd = 0;
      for (let t = 0; t < T; t++) {
        const bit = coin(rng) ? 1 : 0;
        odd ^= bit;
        xs.push([bit]);
        steps.push(t);
        targets.push(oneHot(odd, 2));
      }
      return { xs, steps, targets };
    },
    tokens(sample: Sample): string[] {
      return sample.xs.map((x) => ((x[0] ?? 0) > 0.5 ? '1' : '0'));
    },
  };
}
