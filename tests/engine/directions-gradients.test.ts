/**
 * backward and jacobianNorms of bidirectional layers, LSTM projections and hard-sigmoid
 * gates, against central differences of forward (NOTES.md: finite differences everywhere).
 * Every case has final seeds on hT (and cT), nonzero h0 (and c0), and its pre-activations
 * 1e-3 or more away from any kink; hard-sigmoid cases also have saturated gates.
 */
import { describe, expect, it } from 'vitest';
import { backward, createModel, forward, jacobianNorms, type ModelSpec } from '../../src/engine';
import {
  ATOL,
  RTOL,
  STEP,
  directionModel,
  gradientMismatches,
  layerInput,
  makeDirCase,
  stateBefore,
  type DirCase,
} from './directionSupport';
import { centralDiff, dot, frobenius, mismatches, row, rows } from './support';

const base = { inputSize: 3, hiddenSize: 3, numLayers: 2, bidirectional: true } as const;
const CASES: [string, ModelSpec, number][] = [
  ['lstm, bidirectional', { cell: 'lstm', ...base }, 1],
  ['gru pytorch, bidirectional', { cell: 'gru', ...base }, 1],
  ['gru classic, bidirectional', { cell: 'gru', convention: 'classic', ...base }, 1],
  ['rnn tanh, bidirectional', { cell: 'rnn', ...base }, 1],
  ['rnn relu, bidirectional', { cell: 'rnn', nonlinearity: 'relu', ...base }, 1],
  ['lstm projSize 2, bidirectional', { cell: 'lstm', ...base, hiddenSize: 4, projSize: 2 }, 1],
  [
    'lstm projSize 2',
    { cell: 'lstm', ...base, hiddenSize: 4, projSize: 2, bidirectional: false },
    1,
  ],
  [
    'lstm hard_sigmoid_keras2, bidirectional',
    { cell: 'lstm', ...base, recurrentActivation: 'hard_sigmoid_keras2' },
    4,
  ],
  [
    'lstm hard_sigmoid_keras3, projSize 2',
    {
      cell: 'lstm',
      ...base,
      hiddenSize: 4,
      projSize: 2,
      recurrentActivation: 'hard_sigmoid_keras3',
    },
    4,
  ],
  [
    'gru pytorch hard_sigmoid_keras2',
    { cell: 'gru', ...base, bidirectional: false, recurrentActivation: 'hard_sigmoid_keras2' },
    4,
  ],
  [
    'gru classic hard_sigmoid_keras3, bidirectional',
    { cell: 'gru', convention: 'classic', ...base, recurrentActivation: 'hard_sigmoid_keras3' },
    4,
  ],
];
const T = 4;

/** The steps after the one that read x_t, in the direction's order, and their times. */
function stepsAfter(c: DirCase, index: number, t: number, inclusive: boolean) {
  const reverse = index % (c.spec.bidirectional ? 2 : 1) === 1;
  const input = layerInput(c, Math.floor(index / (c.spec.bidirectional ? 2 : 1)));
  const times = reverse
    ? Array.from({ length: inclusive ? t + 1 : t }, (_, k) => (inclusive ? t : t - 1) - k)
    : Array.from({ length: T - t - (inclusive ? 0 : 1) }, (_, k) => t + (inclusive ? 0 : 1) + k);
  return { times, rows: times.map((u) => input[u]!) };
}

/**
 * dL/dh_t of the top layer's direction d by finite differences: h_t perturbed is read by
 * the loss at t and by the direction's later steps only, which run alone from it.
 */
function topDh(c: DirCase, d: 0 | 1, t: number): number[] {
  const D = c.spec.bidirectional ? 2 : 1;
  const index = (c.spec.numLayers - 1) * D + d;
  const { model } = directionModel(c.spec, c.sd, c.spec.numLayers - 1, d);
  const h = row(c.trace.layers[index]!.gates.h![t]);
  const cState = c.spec.cell === 'lstm' ? [row(c.trace.layers[index]!.gates.c![t])] : undefined;
  const later = stepsAfter(c, index, t, false);
  const hS = h.length;
  return h.map((_, k) =>
    centralDiff((eps) => {
      const start = h.map((x, j) => (j === k ? x + eps : x));
      const run = forward(model, later.rows, { h0: [start], c0: cState });
      let total = (c.w[t]![d * hS + k] ?? NaN) * eps;
      later.times.forEach((u, s) => {
        total += dot([c.w[u]!.slice(d * hS, (d + 1) * hS)], [run.outputs[s]!]);
      });
      total += dot([c.final.dhT![index]!], run.hT);
      if (c.final.dcT) total += dot([c.final.dcT[index]!], run.cT!);
      return total;
    }, STEP),
  );
}

/** ‖∂(final state)/∂(state entering the step that reads x_t)‖_F by finite differences. */
function bruteNorm(c: DirCase, index: number, t: number): number {
  const D = c.spec.bidirectional ? 2 : 1;
  const { model } = directionModel(c.spec, c.sd, Math.floor(index / D), (index % D) as 0 | 1);
  const { h, c: cell } = stateBefore(c, index, t);
  const rest = stepsAfter(c, index, t, true).rows;
  const hT = (k: number, eps: number) =>
    row(
      forward(model, rest, {
        h0: [h.map((x, j) => (j === k ? x + eps : x))],
        c0: cell ? [cell] : undefined,
      }).hT[0],
    );
  return frobenius(
    h.map((_, k) => {
      const plus = hT(k, STEP);
      const minus = hT(k, -STEP);
      return plus.map((p, j) => (p - minus[j]!) / (2 * STEP));
    }),
  );
}

describe('bidirectional, projected and hard-sigmoid models against finite differences', () => {
  CASES.forEach(([label, spec, scale], n) => {
    let cached: DirCase | undefined;
    const get = () => (cached ??= makeDirCase(spec, T, 40 + n, scale));

    it(`${label}: dL/dθ under every name, dL/dxs, dL/dh0${spec.cell === 'lstm' ? ', dL/dc0' : ''}`, () => {
      const c = get();
      if (spec.recurrentActivation) {
        // Both zones of the hard sigmoid are exercised: clipped gates and sloped ones.
        const gates = c.trace.layers.flatMap((l) =>
          (spec.cell === 'lstm' ? ['i', 'f', 'o'] : ['r', 'z']).flatMap((g) =>
            rows(l.gates[g]).flat(),
          ),
        );
        expect(gates.some((v) => v === 0 || v === 1)).toBe(true);
        expect(gates.some((v) => v > 0 && v < 1)).toBe(true);
      }
      const grads = backward(createModel(spec, c.sd), c.trace, c.w, c.final);
      expect(Object.keys(grads.params)).toEqual(Object.keys(c.sd));
      expect(gradientMismatches(c, grads)).toEqual([]);
    });

    it(`${label}: the top layer's dh[t] in each direction, indexed by time step`, () => {
      const c = get();
      const grads = backward(createModel(spec, c.sd), c.trace, c.w, c.final);
      const D = spec.bidirectional ? 2 : 1;
      expect(grads.layers).toHaveLength(spec.numLayers * D);
      const bad: string[] = [];
      for (let d = 0; d < D; d++) {
        const dh = rows(grads.layers[(spec.numLayers - 1) * D + d]!.dh);
        for (let t = 0; t < T; t++)
          bad.push(...mismatches(`dir ${d} dh[${t}]`, dh[t]!, topDh(c, d as 0 | 1, t), RTOL, ATOL));
      }
      expect(bad).toEqual([]);
    });

    it(`${label}: jacobianNorms of every layer and direction`, () => {
      const c = get();
      const model = createModel(spec, c.sd);
      const bad: string[] = [];
      for (let index = 0; index < c.trace.layers.length; index++) {
        const norms = Array.from(jacobianNorms(model, c.trace, index));
        const brute = Array.from({ length: T }, (_, t) => bruteNorm(c, index, t));
        bad.push(...mismatches(`norms[${index}]`, norms, brute, RTOL, ATOL));
      }
      expect(bad).toEqual([]);
    });
  });
});
