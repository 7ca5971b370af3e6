/**
 * The step-wise Trainer: it takes the steps an independent per-sample loop takes
 * (lossAndGradients, clipGradNorm, Adam, on the same batches); two runs with one seed are
 * bit-identical; `train` gives what driving the Trainer gives; its held-out score is
 * `evaluate`'s; a step that would leave non-finite weights throws and keeps the last
 * good ones; models the batched engine does not run still train, per sample.
 */
import { describe, expect, it } from 'vitest';
import {
  Adam,
  clipGradNorm,
  evaluate,
  flattenParams,
  lossAndGradients,
  makeTask,
  paramLayout,
  Random,
  train,
  Trainer,
  unflattenParams,
} from '../../../src/engine';
import type { ModelSpec, Sample, TrainerOptions } from '../../../src/engine';
import { mismatches } from '../support';

const task = makeTask('remember-first', { length: 12 });
const options: TrainerOptions = { seed: 7, batchSize: 8, learningRate: 0.02, clipNorm: 1 };
const SPECS: ModelSpec[] = [
  { cell: 'lstm', inputSize: 1, hiddenSize: 4, numLayers: 2 },
  { cell: 'gru', inputSize: 1, hiddenSize: 4, numLayers: 1, convention: 'classic' },
  { cell: 'rnn', inputSize: 1, hiddenSize: 4, numLayers: 1, nonlinearity: 'relu' },
];

/** `steps` losses and the final θ of a Trainer. */
function run(spec: ModelSpec, steps: number, opts = options) {
  const trainer = new Trainer(spec, task, opts);
  const losses = Array.from({ length: steps }, () => trainer.step());
  return { trainer, losses, theta: trainer.snapshot().theta };
}

describe('Trainer', () => {
  for (const spec of SPECS) {
    it(`${spec.cell}: follows a per-sample training loop on the same batches (1e-9)`, () => {
      const steps = 12;
      const { losses, theta } = run(spec, steps);
      // The reference: the seeds as documented, the per-sample gradient, clip, Adam.
      const seeds = new Random(options.seed);
      seeds.nextUint32(); // the head's seed
      const data = new Random(seeds.nextUint32());
      const start = new Trainer(spec, task, options).snapshot().theta;
      const layout = paramLayout(spec, task.outputSize);
      const ref = start.slice();
      const adam = new Adam(layout.size, { lr: options.learningRate! });
      const refLosses: number[] = [];
      for (let s = 0; s < steps; s++) {
        const batch: Sample[] = Array.from({ length: options.batchSize }, () => task.sample(data));
        const { model, head } = unflattenParams(layout, ref);
        const { loss, grad } = lossAndGradients(model, head, task.loss, batch);
        clipGradNorm(grad, options.clipNorm!);
        adam.step(ref, grad);
        refLosses.push(loss);
      }
      expect(mismatches('loss', losses, refLosses, 1e-9, 0)).toEqual([]);
      expect(mismatches('θ', Array.from(theta), Array.from(ref), 1e-9, 1e-15)).toEqual([]);
      // Training moved the weights and lowered nothing into NaN.
      expect(mismatches('θ moved', Array.from(theta), Array.from(start), 0, 0)).not.toEqual([]);
    });
  }

  it('is deterministic: two runs with one seed are bit-identical, another seed differs', () => {
    const spec = SPECS[0]!;
    const a = run(spec, 8);
    const b = run(spec, 8);
    expect(b.losses).toEqual(a.losses);
    expect(Array.from(b.theta)).toEqual(Array.from(a.theta));
    expect(b.trainer.snapshot().params).toEqual(a.trainer.snapshot().params);
    const c = run(spec, 8, { ...options, seed: 8 });
    expect(c.losses).not.toEqual(a.losses);
  });

  it('train gives the curve and weights of driving a Trainer step by step', () => {
    const spec = SPECS[1]!;
    const epochs = 3;
    const batchesPerEpoch = 4;
    const result = train(spec, task, { ...options, epochs, batchesPerEpoch });
    const { trainer, losses } = run(spec, epochs * batchesPerEpoch);
    const curve = Array.from({ length: epochs }, (_, e) => {
      let sum = 0;
      for (let b = 0; b < batchesPerEpoch; b++) sum += losses[e * batchesPerEpoch + b]!;
      return sum / batchesPerEpoch;
    });
    expect(result.curve).toEqual(curve);
    expect(Array.from(flattenParams(result.model, result.head))).toEqual(
      Array.from(trainer.snapshot().theta),
    );
    expect(trainer.steps).toBe(epochs * batchesPerEpoch);
  });

  it('evaluate scores held-out sequences as evaluate() does, in chunks of the batch size', () => {
    const { trainer } = run(SPECS[0]!, 5);
    const { model, head } = trainer.weights();
    const count = 21; // two full chunks of 8 and one of 5
    const mine = trainer.evaluate(count, 123);
    const theirs = evaluate(model, head, task, { seed: 123, count });
    expect(Math.abs(mine.loss - theirs.loss)).toBeLessThanOrEqual(1e-12 * theirs.loss);
    expect(mine.accuracy).toBe(theirs.accuracy);
    expect(trainer.evaluate(count)).toEqual(trainer.evaluate(count)); // the held-out set
    expect(() => trainer.evaluate(0)).toThrow(/count must be/);
  });

  it('a step that would leave non-finite weights throws and keeps the last good weights', () => {
    const trainer = new Trainer(SPECS[1]!, task, { ...options, learningRate: 1.7e307 });
    let last = trainer.snapshot();
    let error: unknown;
    // Adam moves weights by up to lr/(1 − β1) ≈ 1.7e308 a step: soon the states overflow.
    for (let s = 0; s < 30 && error === undefined; s++) {
      try {
        trainer.step();
        last = trainer.snapshot();
      } catch (e) {
        error = e;
      }
    }
    expect(String(error)).toMatch(/EngineInputError: Trainer: step \d+: .*(NaN|Infinity)/);
    expect(last.step).toBeGreaterThan(0);
    expect(Array.from(trainer.snapshot().theta)).toEqual(Array.from(last.theta));
    expect(trainer.snapshot().theta.every(Number.isFinite)).toBe(true);
  });

  it('trains a bidirectional model per sample, which the batched engine does not run', () => {
    const spec: ModelSpec = {
      cell: 'gru',
      inputSize: 1,
      hiddenSize: 3,
      numLayers: 1,
      bidirectional: true,
    };
    const trainer = new Trainer(spec, task, options);
    const first = trainer.step();
    expect(Number.isFinite(first)).toBe(true);
    expect(trainer.snapshot().head['head.weight'][0]).toHaveLength(6);
  });
});
