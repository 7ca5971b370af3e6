/**
 * train and evaluate on a tiny task whose answer needs the whole sequence: the sign of
 * the sum of three inputs, read out at the last step. The loss must fall well below its
 * start and the accuracy beat chance (1/2) clearly; the same seed must give the same
 * curve bit for bit, another seed another curve.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, headToStateDict, toStateDict, train } from '../../../src/engine';
import type { ModelSpec, Random, TrainOptions } from '../../../src/engine';
import type { LossName, Task } from '../../../src/engine/tasks/types';

const T = 3;

/** Sign of x_0 + x_1 + x_2, x_t ~ U(−1, 1): class 1 if positive ('crossEntropy'), or ±1 ('mse'). */
function signOfSum(loss: LossName, tolerance?: number): Task {
  return {
    name: 'adding',
    title: 'Sign of the sum',
    params: { length: T },
    inputSize: 1,
    outputSize: loss === 'mse' ? 1 : 2,
    loss,
    inputLabels: ['x'],
    outputLabels: loss === 'mse' ? ['sign'] : ['−', '+'],
    ...(tolerance === undefined ? {} : { tolerance }),
    chance: 0.5,
    sample(rng: Random) {
      const xs = Array.from({ length: T }, () => [rng.uniform(-1, 1)]);
      const positive = xs.reduce((sum, x) => sum + x[0]!, 0) > 0;
      const target = loss === 'mse' ? [positive ? 1 : -1] : positive ? [0, 1] : [1, 0];
      return { xs, steps: [T - 1], targets: [target] };
    },
    tokens: (sample) => sample.xs.map((x) => x[0]!.toFixed(2)),
  };
}

const spec: ModelSpec = { cell: 'gru', inputSize: 1, hiddenSize: 6, numLayers: 1 };
const options: TrainOptions = {
  seed: 3,
  epochs: 12,
  batchesPerEpoch: 10,
  batchSize: 16,
  learningRate: 0.02,
};

describe('train', () => {
  it('lowers the loss and beats chance clearly (crossEntropy)', () => {
    const task = signOfSum('crossEntropy');
    const epochs: number[] = [];
    const result = train(spec, task, { ...options, onEpoch: (e) => epochs.push(e) });
    expect(epochs).toEqual([...Array(options.epochs).keys()]);
    const { curve } = result;
    expect(curve.length).toBe(options.epochs);
    expect(curve[0]).toBeGreaterThan(0.5); // about log 2 ≈ 0.69 at the start
    expect(curve.at(-1)!).toBeLessThan(0.5 * curve[0]!);
    const scored = evaluate(result.model, result.head, task, { seed: 99, count: 400 });
    expect(scored.accuracy).toBeGreaterThan(0.9);
    expect(scored.loss).toBeLessThan(0.5 * curve[0]!);
  });

  it('learns the mse version too; accuracy uses the tolerance, NaN without one', () => {
    const task = signOfSum('mse', 0.5);
    const result = train(spec, task, options);
    expect(result.curve.at(-1)!).toBeLessThan(0.5 * result.curve[0]!);
    const scored = evaluate(result.model, result.head, task, { seed: 99, count: 400 });
    expect(scored.accuracy).toBeGreaterThan(0.65); // 0.76 at seed 3; 0.70–0.76 over seeds 3–7
    const noTolerance = evaluate(result.model, result.head, signOfSum('mse'), {
      seed: 99,
      count: 10,
    });
    expect(noTolerance.accuracy).toBeNaN();
    expect(noTolerance.loss).toBeGreaterThan(0);
  });

  it('is deterministic: same seed, same curve and parameters; another seed, another curve', () => {
    const task = signOfSum('crossEntropy');
    const short = { ...options, epochs: 3 };
    const a = train(spec, task, short);
    const b = train(spec, task, short);
    expect(b.curve).toEqual(a.curve);
    expect(toStateDict(b.model)).toEqual(toStateDict(a.model));
    expect(headToStateDict(b.head)).toEqual(headToStateDict(a.head));
    const c = train(spec, task, { ...short, seed: 4 });
    expect(c.curve).not.toEqual(a.curve);
  });

  it('rejects a task of another input size and bad counts', () => {
    const task = signOfSum('crossEntropy');
    expect(() => train({ ...spec, inputSize: 2 }, task, options)).toThrow(
      /1 input features.*inputSize is 2/,
    );
    expect(() => train(spec, task, { ...options, batchSize: 0 })).toThrow(/batchSize must be/);
    expect(() => train(spec, task, { ...options, seed: -1 })).toThrow(/seed/);
  });
});
