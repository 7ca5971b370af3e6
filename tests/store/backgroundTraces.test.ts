import { describe, expect, it } from 'vitest';
import { createModel } from '../../src/engine';
import { BACKGROUND_FORWARD_MACS, forwardCost } from '../../src/store/backgroundTraces';

const spec = (hiddenSize: number, numLayers: number, inputSize = 1) =>
  createModel({ cell: 'lstm', inputSize, hiddenSize, numLayers }).spec;

describe('which forward passes run in the worker', () => {
  it('counts one multiply-add per weight (and an add per bias) per step', () => {
    // One LSTM layer, I=1, H=2: W_ih 8×1, W_hh 8×2, two biases of 8 → 40 per step.
    expect(forwardCost(spec(2, 1), 10)).toBe(400);
  });

  it('keeps the scenes people step through on the page, and sends the largest to the worker', () => {
    expect(forwardCost(spec(32, 1), 500)).toBeLessThan(BACKGROUND_FORWARD_MACS);
    expect(forwardCost(spec(32, 1, 30), 1000)).toBeLessThan(BACKGROUND_FORWARD_MACS);
    expect(forwardCost(spec(64, 3), 2000)).toBeGreaterThan(BACKGROUND_FORWARD_MACS);
  });
});
