/**
 * Training reads a bidirectional or projected model's outputs as they are, [T][D·H']: the
 * head is D·H' wide, the flat layout holds every `_reverse` and `weight_hr` parameter, and
 * lossAndGradients agrees with central differences of its own loss on every parameter.
 */
import { describe, expect, it } from 'vitest';
import {
  createModel,
  flattenParams,
  initHead,
  initParams,
  lossAndGradients,
  paramLayout,
  toStateDict,
  unflattenParams,
  type ModelSpec,
} from '../../../src/engine';
import { centralDiff, mismatches, randMatrix, rng } from '../support';

const SPECS: ModelSpec[] = [
  { cell: 'lstm', inputSize: 2, hiddenSize: 3, numLayers: 2, bidirectional: true, projSize: 2 },
  { cell: 'gru', inputSize: 2, hiddenSize: 3, numLayers: 1, bidirectional: true },
];

describe('training a bidirectional or projected model with a head', () => {
  for (const spec of SPECS) {
    const width = (spec.bidirectional ? 2 : 1) * (spec.projSize || spec.hiddenSize);
    it(`${spec.cell}${spec.projSize ? ` projSize ${spec.projSize}` : ''}, bidirectional: a ${width}-wide head, gradients by finite differences`, () => {
      const model = createModel(spec, initParams(spec, { seed: 3, weightScale: 1.5 }));
      const head = initHead(2, width, 4);
      const layout = paramLayout(spec, 2);
      const theta = flattenParams(model, head);
      expect(toStateDict(unflattenParams(layout, theta).model)).toEqual(toStateDict(model));
      const rand = rng(5);
      const samples = [
        { xs: randMatrix(rand, 4, 2, 1.5), steps: [1, 3], targets: randMatrix(rand, 2, 2) },
      ];
      const { grad } = lossAndGradients(model, head, 'mse', samples);
      const lossAt = (k: number, eps: number) => {
        const bumped = theta.slice();
        bumped[k] = bumped[k]! + eps;
        const p = unflattenParams(layout, bumped);
        return lossAndGradients(p.model, p.head, 'mse', samples).loss;
      };
      const fd = Array.from(theta, (_, k) => centralDiff((eps) => lossAt(k, eps), 1e-6));
      expect(mismatches('θ', Array.from(grad), fd, 1e-6, 1e-9)).toEqual([]);
      expect(() =>
        lossAndGradients(model, initHead(2, spec.hiddenSize, 0), 'mse', samples),
      ).toThrow(new RegExp(`reads ${spec.hiddenSize} units; the model has outputs of ${width}`));
    });
  }
});
