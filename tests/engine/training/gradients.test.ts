/**
 * lossAndGradients (forward → head → loss → head backward → BPTT, averaged over samples)
 * against central finite differences of its own loss, on every parameter of the RNN and
 * the head, for every tanh-bounded cell and convention, one and two layers, both losses.
 * The flat layout is checked separately, so that a consistent mistake in both flatten and
 * unflatten cannot hide behind the finite differences.
 */
import { describe, expect, it } from 'vitest';
import {
  createModel,
  flattenParams,
  headToStateDict,
  initHead,
  initParams,
  lossAndGradients,
  paramLayout,
  toStateDict,
  unflattenParams,
} from '../../../src/engine';
import type { Head, Model, ModelSpec } from '../../../src/engine';
import type { LossName, Sample } from '../../../src/engine/tasks/types';
import { TANH_CONFIGS, centralDiff, makeSpec, mismatches, randMatrix, rng } from '../support';

const I = 2;
const H = 3;
const T = 4;
const STEP = 1e-6;
const RTOL = 1e-6;
const ATOL = 1e-9;

/** Two samples with different scored steps: [1, 3] and [3]; one-hot or real targets. */
function samplesFor(loss: LossName, O: number, seed: number): Sample[] {
  const rand = rng(seed);
  const target = (): number[] => {
    if (loss === 'mse') return randMatrix(rand, 1, O, 1.5)[0]!;
    const label = Math.min(O - 1, Math.floor(rand() * O));
    return Array.from({ length: O }, (_, k) => (k === label ? 1 : 0));
  };
  return [
    { xs: randMatrix(rand, T, I, 1.5), steps: [1, 3], targets: [target(), target()] },
    { xs: randMatrix(rand, T, I, 1.5), steps: [3], targets: [target()] },
  ];
}

function modelAndHead(spec: ModelSpec, O: number, seed: number): { model: Model; head: Head } {
  const model = createModel(spec, initParams(spec, { seed, weightScale: 1.5 }));
  return { model, head: initHead(O, H, seed + 1) };
}

describe('flat parameter layout', () => {
  const spec: ModelSpec = { cell: 'gru', inputSize: I, hiddenSize: H, numLayers: 2 };

  it('holds the RNN parameters in state_dict order, then head.weight and head.bias', () => {
    const { model, head } = modelAndHead(spec, 2, 4);
    const layout = paramLayout(spec, 2);
    const sd = { ...toStateDict(model), ...headToStateDict(head) };
    expect(layout.entries.map((e) => e.name)).toEqual(Object.keys(sd));
    const concatenated = Object.values(sd).flatMap((v) => (v as (number | number[])[]).flat());
    expect(Array.from(flattenParams(model, head))).toEqual(concatenated);
    expect(layout.size).toBe(concatenated.length);
  });

  it('unflattens to the same model and head', () => {
    const { model, head } = modelAndHead(spec, 2, 4);
    const back = unflattenParams(paramLayout(spec, 2), flattenParams(model, head));
    expect(toStateDict(back.model)).toEqual(toStateDict(model));
    expect(headToStateDict(back.head)).toEqual(headToStateDict(head));
  });

  it('rejects a head that reads another hidden size, and a vector of the wrong length', () => {
    const { model } = modelAndHead(spec, 2, 4);
    expect(() => flattenParams(model, initHead(2, H + 1, 0))).toThrow(
      /reads 4 units.*hiddenSize 3/,
    );
    expect(() => unflattenParams(paramLayout(spec, 2), new Float64Array(3))).toThrow(/3 entries/);
  });
});

for (const cfg of TANH_CONFIGS) {
  describe(`lossAndGradients: ${cfg.name}`, () => {
    for (const L of [1, 2]) {
      for (const loss of ['mse', 'crossEntropy'] as const) {
        it(`matches central differences on every parameter (${L} layer${L > 1 ? 's' : ''}, ${loss})`, () => {
          const O = loss === 'mse' ? 2 : 3;
          const spec = makeSpec(cfg, I, H, L);
          const { model, head } = modelAndHead(spec, O, 10 * L + O);
          const samples = samplesFor(loss, O, 7 * L + O);
          const layout = paramLayout(spec, O);
          const theta = flattenParams(model, head);
          const { grad } = lossAndGradients(model, head, loss, samples);
          expect(grad.length).toBe(layout.size);
          const lossAt = (k: number, eps: number): number => {
            const bumped = theta.slice();
            bumped[k] = bumped[k]! + eps;
            const p = unflattenParams(layout, bumped);
            return lossAndGradients(p.model, p.head, loss, samples).loss;
          };
          const bad: string[] = [];
          for (const { name, offset, rows, cols } of layout.entries) {
            const n = rows * (cols ?? 1);
            const fd = Array.from({ length: n }, (_, i) =>
              centralDiff((eps) => lossAt(offset + i, eps), STEP),
            );
            bad.push(
              ...mismatches(name, Array.from(grad.subarray(offset, offset + n)), fd, RTOL, ATOL),
            );
          }
          expect(bad).toEqual([]);
        });
      }
    }
  });
}

describe('lossAndGradients: averaging and errors', () => {
  const spec: ModelSpec = { cell: 'lstm', inputSize: I, hiddenSize: H, numLayers: 1 };

  it('is the mean of the per-sample losses and gradients', () => {
    const { model, head } = modelAndHead(spec, 2, 1);
    const [a, b] = samplesFor('mse', 2, 3) as [Sample, Sample];
    const both = lossAndGradients(model, head, 'mse', [a, b]);
    const ga = lossAndGradients(model, head, 'mse', [a]);
    const gb = lossAndGradients(model, head, 'mse', [b]);
    expect(both.loss).toBeCloseTo((ga.loss + gb.loss) / 2, 14);
    const mean = Array.from(ga.grad, (x, k) => (x + gb.grad[k]!) / 2);
    expect(mismatches('grad', Array.from(both.grad), mean, 1e-12, 1e-15)).toEqual([]);
  });

  it('rejects an empty batch and a head of another size', () => {
    const { model, head } = modelAndHead(spec, 2, 1);
    expect(() => lossAndGradients(model, head, 'mse', [])).toThrow(/at least one sample/);
    expect(() =>
      lossAndGradients(model, initHead(2, 5, 0), 'mse', samplesFor('mse', 2, 1)),
    ).toThrow(/reads 5 units/);
  });
});
