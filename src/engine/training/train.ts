import { EngineInputError } from '../errors';
import { forward } from '../forward';
import { initParams, type InitOptions } from '../init';
import { createModel } from '../model';
import { Random } from '../random';
import { normalizeSpec, outputWidth } from '../spec';
import type { Sample, Task } from '../tasks/types';
import type { Model, ModelSpec, StateDict } from '../types';
import { Adam } from './adam';
import { clipGradNorm } from './clip';
import { lossAndGradients } from './gradients';
import { headForward, initHead, type Head } from './head';
import { lossFor } from './losses';
import { isCorrect } from './score';
import { checkHeadFits, flattenParams, paramLayout, unflattenParams } from './params';

/** Options of {@link train}. */
export interface TrainOptions {
  /**
   * Integer in [0, 2³²). The RNN starts from `initParams(spec, { seed, ...init })` (the
   * weights the app shows for that seed); the head and the data come from two further
   * seeds drawn from `Random(seed)`.
   */
  seed: number;
  /** Passes over `batchesPerEpoch` fresh mini-batches, ≥ 1. */
  epochs: number;
  /** Adam steps per epoch, ≥ 1. */
  batchesPerEpoch: number;
  /** Samples per mini-batch, ≥ 1. */
  batchSize: number;
  /** Adam's lr; default 1e-3. */
  learningRate?: number;
  /** Largest L2 norm of the whole gradient before a step (clip_grad_norm_); default 1, Infinity for none. */
  clipNorm?: number;
  /** Initialisation scheme, weight scale, forget bias: as {@link initParams}. */
  init?: Omit<InitOptions, 'seed'>;
  /**
   * Starting RNN weights (PyTorch names), instead of drawing them with `init`: for starts
   * `initParams` does not offer, such as a GRU's update-gate bias.
   */
  initialParams?: StateDict;
  /** Called after each epoch with its 0-based index and its mean training loss. */
  onEpoch?: (epoch: number, meanLoss: number) => void;
}

/** What {@link train} returns. */
export interface TrainResult {
  /** The trained recurrent layers. */
  model: Model;
  /** The trained read-out. */
  head: Head;
  /**
   * [epochs] mean training loss per epoch: the mean over its mini-batches of each batch's
   * loss, measured before that batch's step.
   */
  curve: number[];
}

/**
 * Trains a `spec` model with a linear read-out on `task`: per mini-batch of `batchSize`
 * samples drawn from the task, the mean loss and its gradient ({@link lossAndGradients}:
 * forward, head, loss, head backward, BPTT), gradient clipping to `clipNorm`, one Adam
 * step. Deterministic: the same arguments give the same curve and parameters on every
 * machine. Synchronous; throws when the gradient stops being finite.
 */
export function train(spec: ModelSpec, task: Task, options: TrainOptions): TrainResult {
  const full = normalizeSpec(spec);
  checkTaskAndOptions('train', task, options);
  const { seed, epochs, batchesPerEpoch, batchSize, learningRate = 1e-3, clipNorm = 1 } = options;
  for (const [name, value] of Object.entries({ epochs, batchesPerEpoch, batchSize })) {
    if (!Number.isInteger(value) || value < 1) {
      throw new EngineInputError(`train: ${name} must be an integer ≥ 1, got ${value}.`);
    }
  }
  if (task.inputSize !== full.inputSize) {
    throw new EngineInputError(
      `train: task "${task.name}" has ${task.inputSize} input features; the model's inputSize is ${full.inputSize}.`,
    );
  }
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
    throw new EngineInputError(`train: seed must be an integer in [0, 2^32), got ${seed}.`);
  }
  const seeds = new Random(seed);
  const headSeed = seeds.nextUint32();
  const data = new Random(seeds.nextUint32());

  const layout = paramLayout(full, task.outputSize);
  let model = createModel(
    full,
    options.initialParams ?? initParams(full, { ...options.init, seed }),
  );
  let head = initHead(task.outputSize, outputWidth(full), headSeed);
  const theta = flattenParams(model, head);
  const adam = new Adam(layout.size, { lr: learningRate });
  const curve: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    let sum = 0;
    for (let b = 0; b < batchesPerEpoch; b++) {
      const batch: Sample[] = [];
      for (let n = 0; n < batchSize; n++) batch.push(task.sample(data));
      const { loss, grad } = lossAndGradients(model, head, task.loss, batch);
      const norm = clipGradNorm(grad, clipNorm);
      if (!Number.isFinite(norm)) {
        throw new EngineInputError(
          `train: epoch ${epoch}, batch ${b}: the gradient norm is ${norm}; lower the learning rate or the weight scale.`,
        );
      }
      sum += loss;
      adam.step(theta, grad);
      ({ model, head } = unflattenParams(layout, theta));
    }
    const meanLoss = sum / batchesPerEpoch;
    curve.push(meanLoss);
    options.onEpoch?.(epoch, meanLoss);
  }
  return { model, head, curve };
}

/** Refuses a `task` that is not a task (no sample method) or `options` that are not an object. */
function checkTaskAndOptions(what: string, task: Task, options: object): void {
  if (typeof task !== 'object' || task === null || typeof task.sample !== 'function') {
    throw new EngineInputError(`${what}: task must be a task made by makeTask.`);
  }
  if (typeof options !== 'object' || options === null) {
    throw new EngineInputError(`${what}: options must be an object (seed, …).`);
  }
}

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** Seed of the `Random` the samples are drawn from, in [0, 2³²). */
  seed: number;
  /** Fresh samples to score, ≥ 1. */
  count: number;
}

/**
 * Scores a model and head on `count` fresh samples of `task` drawn from `Random(seed)`.
 * loss: the mean over samples of the task's loss. accuracy: the fraction of scored steps
 * answered correctly, in [0, 1] — for 'crossEntropy', argmax(y) = argmax(target) (first
 * maximum on ties); for 'mse', |y_k − target_k| ≤ task.tolerance for every output k. NaN
 * for an 'mse' task without a tolerance, where "correct" is not defined.
 */
export function evaluate(
  model: Model,
  head: Head,
  task: Task,
  options: EvaluateOptions,
): { loss: number; accuracy: number } {
  checkHeadFits(model, head, 'evaluate');
  checkTaskAndOptions('evaluate', task, options);
  const { seed, count } = options;
  if (!Number.isInteger(count) || count < 1) {
    throw new EngineInputError(`evaluate: count must be an integer ≥ 1, got ${count}.`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
    throw new EngineInputError(`evaluate: seed must be an integer in [0, 2^32), got ${seed}.`);
  }
  const rng = new Random(seed);
  const scoresAccuracy = task.loss === 'crossEntropy' || task.tolerance !== undefined;
  let lossSum = 0;
  let correct = 0;
  let scored = 0;
  for (let n = 0; n < count; n++) {
    const sample = task.sample(rng);
    const y = headForward(head, forward(model, sample.xs).outputs, sample.steps);
    lossSum += lossFor(task.loss, y, sample.targets).loss;
    if (!scoresAccuracy) continue;
    y.forEach((ys, s) => {
      if (isCorrect(task, ys, sample.targets[s]!)) correct += 1;
    });
    scored += y.length;
  }
  return { loss: lossSum / count, accuracy: scoresAccuracy ? correct / scored : NaN };
}
