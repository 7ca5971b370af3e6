import { EngineInputError } from '../errors';
import type { InitOptions } from '../init';
import type { Task } from '../tasks/types';
import type { Model, ModelSpec, StateDict } from '../types';
import type { Head } from './head';
import { checkTrainingSetup } from './checks';
import { Trainer } from './trainer';

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
 * Trains a `spec` model with a linear read-out on `task`: `epochs` × `batchesPerEpoch`
 * steps of a {@link Trainer} (per mini-batch of `batchSize` samples drawn from the task,
 * the mean loss and its gradient, gradient clipping to `clipNorm`, one Adam step).
 * Deterministic: the same arguments give the same curve and parameters on every machine,
 * and the same weights as driving a Trainer with the same options step by step.
 * Synchronous; throws when the gradient or the weights stop being finite.
 */
export function train(spec: ModelSpec, task: Task, options: TrainOptions): TrainResult {
  checkTrainingSetup('train', spec, task, options);
  const { epochs, batchesPerEpoch } = options;
  for (const [name, value] of Object.entries({ epochs, batchesPerEpoch })) {
    if (!Number.isInteger(value) || value < 1) {
      throw new EngineInputError(`train: ${name} must be an integer ≥ 1, got ${value}.`);
    }
  }
  const trainer = new Trainer(spec, task, options);
  const curve: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    let sum = 0;
    for (let b = 0; b < batchesPerEpoch; b++) {
      try {
        sum += trainer.step();
      } catch (error) {
        if (!(error instanceof EngineInputError)) throw error;
        throw new EngineInputError(`train: epoch ${epoch}, batch ${b}: ${error.message}`);
      }
    }
    const meanLoss = sum / batchesPerEpoch;
    curve.push(meanLoss);
    options.onEpoch?.(epoch, meanLoss);
  }
  return { ...trainer.weights(), curve };
}
