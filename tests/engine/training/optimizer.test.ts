/**
 * Adam and gradient clipping against hand-computed steps and against their formulas as
 * torch.optim.Adam and torch.nn.utils.clip_grad_norm_ document them.
 */
import { describe, expect, it } from 'vitest';
import { Adam, clipGradNorm } from '../../../src/engine';

describe('Adam', () => {
  it('takes the first two steps computed by hand', () => {
    const theta = new Float64Array([1]);
    const adam = new Adam(1, { lr: 0.1 });
    // Step 1, g = 0.5: m = 0.1·0.5 = 0.05, v = 0.001·0.25 = 0.00025,
    // m̂ = 0.05/(1 − 0.9) = 0.5, v̂ = 0.00025/(1 − 0.999) = 0.25, √v̂ = 0.5,
    // θ = 1 − 0.1·0.5/(0.5 + 1e-8) = 1 − 0.1/(1 + 2e-8) ≈ 0.900000002.
    adam.step(theta, new Float64Array([0.5]));
    const theta1 = 1 - 0.1 / (1 + 2e-8);
    expect(theta[0]).toBeCloseTo(theta1, 15);
    expect(theta[0]).toBeCloseTo(0.900000002, 9);
    // Step 2, g = −0.25: m = 0.9·0.05 + 0.1·(−0.25) = 0.02,
    // v = 0.999·0.00025 + 0.001·0.0625 = 0.00031225,
    // m̂ = 0.02/(1 − 0.9²) = 0.02/0.19, v̂ = 0.00031225/(1 − 0.999²) = 0.00031225/0.001999,
    // θ = θ1 − 0.1·m̂/(√v̂ + 1e-8) ≈ 0.900000002 − 0.0266337 ≈ 0.8733663.
    adam.step(theta, new Float64Array([-0.25]));
    const theta2 = theta1 - (0.1 * (0.02 / 0.19)) / (Math.sqrt(0.00031225 / 0.001999) + 1e-8);
    expect(theta[0]).toBeCloseTo(theta2, 14);
    expect(theta[0]).toBeCloseTo(0.8733663, 7);
    expect(adam.steps).toBe(2);
  });

  it('follows m̂/(√v̂ + ε) for the β’s and ε given, entry by entry', () => {
    const options = { lr: 0.05, beta1: 0.5, beta2: 0.75, eps: 1e-3 };
    const grads = [
      [0.3, -1.2, 0, 4, -0.01],
      [-0.7, -1.1, 0.2, 3, 0.02],
      [0.1, 0.5, -0.2, -2, 0],
    ];
    const theta = new Float64Array([0.5, -0.5, 1, 0, 2]);
    const expected = Array.from(theta);
    const m = new Array<number>(5).fill(0);
    const v = new Array<number>(5).fill(0);
    const adam = new Adam(5, options);
    grads.forEach((g, i) => {
      const t = i + 1;
      adam.step(theta, new Float64Array(g));
      for (let k = 0; k < 5; k++) {
        m[k] = options.beta1 * m[k]! + (1 - options.beta1) * g[k]!;
        v[k] = options.beta2 * v[k]! + (1 - options.beta2) * g[k]! ** 2;
        const mHat = m[k]! / (1 - options.beta1 ** t);
        const vHat = v[k]! / (1 - options.beta2 ** t);
        expected[k] = expected[k]! - (options.lr * mHat) / (Math.sqrt(vHat) + options.eps);
        expect(theta[k]).toBeCloseTo(expected[k]!, 14);
      }
    });
  });

  it('moves each parameter by about lr on its first step, against the gradient’s sign', () => {
    const theta = new Float64Array([0, 0, 0]);
    new Adam(3).step(theta, new Float64Array([1e-3, -50, 0]));
    expect(theta[0]).toBeCloseTo(-1e-3, 7);
    expect(theta[1]).toBeCloseTo(1e-3, 10);
    expect(theta[2]).toBe(0);
  });

  it('rejects bad hyper-parameters and mismatched vectors', () => {
    expect(() => new Adam(2, { beta1: 1 })).toThrow(/beta1 and beta2/);
    expect(() => new Adam(2, { lr: -1 })).toThrow(/lr/);
    expect(() => new Adam(2).step(new Float64Array(3), new Float64Array(3))).toThrow(/expected 2/);
  });
});

describe('clipGradNorm', () => {
  it('returns the norm and scales a gradient above maxNorm down to maxNorm', () => {
    const grad = new Float64Array([3, 4]); // ‖g‖ = 5
    expect(clipGradNorm(grad, 1)).toBe(5);
    expect(Math.hypot(grad[0]!, grad[1]!)).toBeCloseTo(1, 6);
    // Scaled by 1/(5 + 1e-6): the direction is kept.
    expect(grad[0]).toBeCloseTo(3 / (5 + 1e-6), 15);
    expect(grad[1]).toBeCloseTo(4 / (5 + 1e-6), 15);
  });

  it('leaves a gradient below maxNorm untouched, and never clips for Infinity', () => {
    const grad = new Float64Array([0.3, -0.4]);
    expect(clipGradNorm(grad, 1)).toBeCloseTo(0.5, 15);
    expect(Array.from(grad)).toEqual([0.3, -0.4]);
    const big = new Float64Array([300, 400]);
    expect(clipGradNorm(big, Infinity)).toBe(500);
    expect(Array.from(big)).toEqual([300, 400]);
  });

  it('rejects maxNorm ≤ 0 and reports a non-finite norm without touching the gradient', () => {
    expect(() => clipGradNorm(new Float64Array([1]), 0)).toThrow(/maxNorm/);
    const grad = new Float64Array([NaN, 1]);
    expect(clipGradNorm(grad, 1)).toBeNaN();
    expect(grad[1]).toBe(1);
  });
});
