/**
 * The linear read-out: y = W h_t + b against a hand computation, PyTorch nn.Linear's
 * initialisation range, createHead's error messages, and the model-file round trip
 * through splitStateDict.
 */
import { describe, expect, it } from 'vitest';
import {
  createHead,
  createModel,
  headForward,
  headToStateDict,
  initHead,
  initParams,
  splitStateDict,
  toStateDict,
} from '../../../src/engine';
import type { ModelSpec, StateDict } from '../../../src/engine';

describe('headForward', () => {
  it('computes y = W h_t + b at the listed steps, in their order', () => {
    const head = createHead(
      [
        [1, 2, 3],
        [-1, 0, 0.5],
      ],
      [0.5, -1],
    );
    const hs = [
      [1, 0, -1],
      [2, 1, 0],
    ];
    // Step 1: W·[2, 1, 0] + b = [2 + 2 + 0 + 0.5, −2 + 0 + 0 − 1] = [4.5, −3].
    // Step 0: W·[1, 0, −1] + b = [1 + 0 − 3 + 0.5, −1 + 0 − 0.5 − 1] = [−1.5, −2.5].
    expect(headForward(head, hs, [1, 0])).toEqual([
      [4.5, -3],
      [-1.5, -2.5],
    ]);
    expect(headForward(head, hs, [])).toEqual([]);
  });

  it('reads Float64Array rows (trace outputs) as well as arrays', () => {
    const head = createHead([[2, -1]], [0.25]);
    expect(headForward(head, [new Float64Array([1, 3])], [0])).toEqual([[2 - 3 + 0.25]]);
  });

  it('rejects a step outside the sequence and a state of the wrong width', () => {
    const head = createHead([[1, 1]], [0]);
    expect(() => headForward(head, [[1, 2]], [1])).toThrow(/steps\[0\] = 1.*0\.\.0/);
    expect(() => headForward(head, [[1, 2, 3]], [0])).toThrow(/3 units; the head reads 2/);
  });
});

describe('createHead', () => {
  it('copies its inputs and records O and H', () => {
    const weight = [
      [1, 2],
      [3, 4],
      [5, 6],
    ];
    const bias = [7, 8, 9];
    const head = createHead(weight, bias);
    weight[0]![0] = 100;
    bias[0] = 100;
    expect(head.O).toBe(3);
    expect(head.H).toBe(2);
    expect(Array.from(head.weight)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(head.bias)).toEqual([7, 8, 9]);
  });

  it('names head.weight or head.bias and the expected shape in its errors', () => {
    expect(() => createHead([], [])).toThrow(/head\.weight.*\[O\]\[H\]/);
    expect(() => createHead([[1, 2], [3]], [0, 0])).toThrow(/head\.weight\[1\].*\[2\]\[2\]/);
    expect(() => createHead([[1, NaN]], [0])).toThrow(/head\.weight\[0\]\[1\].*NaN.*\[1\]\[2\]/);
    expect(() => createHead([[1, 2]], [0, 1])).toThrow(/head\.bias has 2 entries.*\[1\]/);
    expect(() => createHead([[1, 2]], [Infinity])).toThrow(/head\.bias\[0\].*Infinity/);
  });
});

describe('initHead', () => {
  it('draws W and b from U(−1/√H, 1/√H), the same for the same seed', () => {
    const head = initHead(5, 16, 42);
    const bound = 1 / Math.sqrt(16);
    const all = [...head.weight, ...head.bias];
    expect(all.length).toBe(5 * 16 + 5);
    for (const x of all) expect(Math.abs(x)).toBeLessThan(bound);
    // A uniform sample of 85 values reaches beyond half the bound.
    expect(Math.max(...all.map(Math.abs))).toBeGreaterThan(bound / 2);
    expect(headToStateDict(initHead(5, 16, 42))).toEqual(headToStateDict(head));
    expect(headToStateDict(initHead(5, 16, 43))).not.toEqual(headToStateDict(head));
  });

  it('rejects bad sizes and seeds', () => {
    expect(() => initHead(0, 3, 1)).toThrow(/O and H/);
    expect(() => initHead(2, 3, -1)).toThrow(/seed/);
  });
});

describe('splitStateDict', () => {
  const spec: ModelSpec = { cell: 'lstm', inputSize: 2, hiddenSize: 3, numLayers: 2 };

  it('round-trips a model file: RNN params through createModel, head through createHead', () => {
    const model = createModel(spec, initParams(spec, { seed: 5 }));
    const head = initHead(4, 3, 6);
    const file = JSON.parse(
      JSON.stringify({ ...toStateDict(model), ...headToStateDict(head) }),
    ) as StateDict;
    const { rnn, head: loaded } = splitStateDict(file);
    expect(Object.keys(rnn)).not.toContain('head.weight');
    expect(toStateDict(createModel(spec, rnn))).toEqual(toStateDict(model));
    expect(loaded).not.toBeNull();
    expect(headToStateDict(loaded!)).toEqual(headToStateDict(head));
  });

  it('returns a null head when the dict has none', () => {
    const sd = initParams(spec, { seed: 1 });
    const { rnn, head } = splitStateDict(sd);
    expect(head).toBeNull();
    expect(rnn).toEqual(sd);
  });

  it('rejects an unknown head.* name and a head with one of its two parameters', () => {
    const sd = initParams(spec, { seed: 1 });
    expect(() => splitStateDict({ ...sd, 'head.scale': [1] })).toThrow(
      /unknown head parameter "head\.scale"/,
    );
    expect(() => splitStateDict({ ...sd, 'head.weight': [[1, 2, 3]] })).toThrow(
      /missing.*head\.bias/,
    );
    expect(() => splitStateDict({ ...sd, 'head.bias': [1] })).toThrow(/missing.*head\.weight/);
  });
});
