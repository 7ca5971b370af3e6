/**
 * The batched engine (one product per time step over the whole mini-batch) against the
 * per-sample path it replaces: the same mean loss and gradient as `lossAndGradients` for
 * every cell, convention and nonlinearity, one and two layers, both losses, and samples
 * scored at different steps; and central finite differences of the batched loss itself,
 * so that the two paths cannot share a mistake unseen.
 */
import { describe, expect, it } from 'vitest';
import {
  BatchEngine,
  batchLossAndGradients,
  createModel,
  flattenParams,
  initHead,
  initParams,
  lossAndGradients,
  paramLayout,
  unflattenParams,
} from '../../../src/engine';
import type { Head, Model, ModelSpec } from '../../../src/engine';
import type { LossName, Sample } from '../../../src/engine/tasks/types';
import {
  CONFIGS,
  TANH_CONFIGS,
  centralDiff,
  makeSpec,
  mismatches,
  randMatrix,
  rng,
} from '../support';

const I = 2;
const H = 5;
const T = 6;

/** Four samples scored at different steps ([5], [1, 3], every step, [0]); one-hot or real targets. */
function samplesFor(loss: LossName, O: number, seed: number, steps = T): Sample[] {
  const rand = rng(seed);
  const target = (): number[] => {
    if (loss === 'mse') return randMatrix(rand, 1, O, 1.5)[0]!;
    const label = Math.min(O - 1, Math.floor(rand() * O));
    return Array.from({ length: O }, (_, k) => (k === label ? 1 : 0));
  };
  const scored = [[steps - 1], [1, 3], [...Array(steps).keys()], [0]];
  return scored.map((at) => ({
    xs: randMatrix(rand, steps, I, 1.5),
    steps: at,
    targets: at.map(target),
  }));
}

function modelAndHead(spec: ModelSpec, O: number, seed: number): { model: Model; head: Head } {
  const model = createModel(spec, initParams(spec, { seed, weightScale: 1.5 }));
  return { model, head: initHead(O, H, seed + 1) };
}

describe('batched loss and gradients = the per-sample ones', () => {
  for (const cfg of CONFIGS) {
    for (const L of [1, 2]) {
      for (const loss of ['mse', 'crossEntropy'] as const) {
        it(`${cfg.name}, ${L} layer${L > 1 ? 's' : ''}, ${loss}: within 1e-9 relative`, () => {
          const O = loss === 'mse' ? 2 : 3;
          const spec = makeSpec(cfg, I, H, L);
          const { model, head } = modelAndHead(spec, O, 3 * L + O);
          const samples = samplesFor(loss, O, 5 * L + O);
          const perSample = lossAndGradients(model, head, loss, samples);
          const batched = batchLossAndGradients(model, head, loss, samples);
          expect(batched.loss).toBeGreaterThan(0);
          expect(Math.abs(batched.loss - perSample.loss)).toBeLessThanOrEqual(
            1e-9 * perSample.loss,
          );
          expect(batched.grad.length).toBe(perSample.grad.length);
          expect(
            mismatches('grad', Array.from(batched.grad), Array.from(perSample.grad), 1e-9, 1e-15),
          ).toEqual([]);
        });
      }
    }
  }

  it('a short batch (fewer samples than the engine holds) gives the mean over those samples', () => {
    const spec = makeSpec(CONFIGS[2]!, I, H, 2);
    const { model, head } = modelAndHead(spec, 2, 9);
    const samples = samplesFor('mse', 2, 11).slice(0, 3);
    const engine = new BatchEngine(spec, 2, 'mse', 8, T);
    engine.theta.set(flattenParams(model, head));
    // A full batch first, so that stale rows of the buffers would show if they leaked in.
    engine.load([...samplesFor('mse', 2, 12), ...samplesFor('mse', 2, 13)]);
    engine.lossAndGradient();
    engine.load(samples);
    const loss = engine.lossAndGradient();
    const perSample = lossAndGradients(model, head, 'mse', samples);
    expect(Math.abs(loss - perSample.loss)).toBeLessThanOrEqual(1e-9 * perSample.loss);
    expect(
      mismatches('grad', Array.from(engine.grad), Array.from(perSample.grad), 1e-9, 1e-15),
    ).toEqual([]);
  });
});

describe('batched gradients against finite differences of the batched loss', () => {
  for (const cfg of TANH_CONFIGS) {
    it(`${cfg.name}, 2 layers, crossEntropy: every parameter`, () => {
      const O = 3;
      const spec = makeSpec(cfg, I, H, 2);
      const { model, head } = modelAndHead(spec, O, 21);
      const samples = samplesFor('crossEntropy', O, 22, 4);
      const layout = paramLayout(spec, O);
      const theta = flattenParams(model, head);
      const { grad } = batchLossAndGradients(model, head, 'crossEntropy', samples);
      const lossAt = (k: number, eps: number): number => {
        const bumped = theta.slice();
        bumped[k] = bumped[k]! + eps;
        const p = unflattenParams(layout, bumped);
        return batchLossAndGradients(p.model, p.head, 'crossEntropy', samples).loss;
      };
      const fd = Array.from(theta, (_, k) => centralDiff((eps) => lossAt(k, eps), 1e-6));
      expect(mismatches('θ', Array.from(grad), fd, 1e-6, 1e-9)).toEqual([]);
    });
  }
});

describe('BatchEngine refusals', () => {
  const spec: ModelSpec = { cell: 'lstm', inputSize: I, hiddenSize: H, numLayers: 1 };

  it('names what it does not run: bidirectional, projected, hard-sigmoid gates', () => {
    expect(() => new BatchEngine({ ...spec, bidirectional: true }, 2, 'mse', 4, T)).toThrow(
      /does not run a bidirectional model/,
    );
    expect(() => new BatchEngine({ ...spec, projSize: 2 }, 2, 'mse', 4, T)).toThrow(/projSize/);
    expect(
      () =>
        new BatchEngine({ ...spec, recurrentActivation: 'hard_sigmoid_keras2' }, 2, 'mse', 4, T),
    ).toThrow(/hard_sigmoid_keras2/);
  });

  it('refuses samples of another length, unsorted steps and non-finite inputs, by sample', () => {
    const engine = new BatchEngine(spec, 2, 'mse', 4, T);
    const [a, b] = samplesFor('mse', 2, 1) as [Sample, Sample];
    expect(() => engine.load([a, samplesFor('mse', 2, 2, T + 1)[0]!])).toThrow(
      /sample 1 has 7 steps; every sample of the batch needs 6/,
    );
    expect(() => engine.load([a, { ...b, steps: [3, 1] }])).toThrow(/sample 1: steps\[1\] = 1/);
    const bad = { ...a, xs: a.xs.map((x, t) => (t === 2 ? [x[0]!, NaN] : x)) };
    expect(() => engine.load([bad])).toThrow(/sample 0, step 2: input 1 is NaN/);
    expect(() => engine.load([a, a, a, a, a])).toThrow(/1 to 4 samples, got 5/);
  });
});
