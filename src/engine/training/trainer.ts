import { EngineInputError } from '../errors';
import { initParams, type InitOptions } from '../init';
import { createModel, toStateDict } from '../model';
import { Random } from '../random';
import { outputWidth } from '../spec';
import type { Sample, Task } from '../tasks/types';
import type { FullModelSpec, Model, ModelSpec, StateDict } from '../types';
import { Adam } from './adam';
import { BatchEngine, batchUnsupported } from './batch';
import { clipGradNorm } from './clip';
import { lossAndGradients } from './gradients';
import { headToStateDict, initHead, type Head } from './head';
import { flattenParams, paramLayout, unflattenParams, type ParamLayout } from './params';
import { checkCountAndSeed, checkTrainingSetup } from './checks';
import { evaluate } from './evaluate';
import { drawHeldOut } from '../tasks/common';

/** Options of a {@link Trainer}: those of `train` that are not about epochs. */
export interface TrainerOptions {
  /**
   * Integer in [0, 2³²). The RNN starts from `initParams(spec, { seed, ...init })`; the
   * head, the training data and the default held-out data come from three further seeds
   * drawn from `Random(seed)`.
   */
  seed: number;
  /** Samples per mini-batch, ≥ 1. */
  batchSize: number;
  /** Adam's lr; default 1e-3. */
  learningRate?: number;
  /** Largest L2 norm of the whole gradient before a step (clip_grad_norm_); default 1, Infinity for none. */
  clipNorm?: number;
  /** Initialisation scheme, weight scale, forget bias: as `initParams`. */
  init?: Omit<InitOptions, 'seed'>;
  /** Starting RNN weights (PyTorch names), instead of drawing them with `init`. */
  initialParams?: StateDict;
}

/** The weights of a {@link Trainer} at one step, as plain data a worker can post. */
export interface TrainerSnapshot {
  /** Adam steps taken when the snapshot was made. */
  step: number;
  /** The recurrent layers' parameters under PyTorch's names (nested plain arrays). */
  params: StateDict;
  /** The read-out: 'head.weight' [O][H] and 'head.bias' [O]. */
  head: { 'head.weight': number[][]; 'head.bias': number[] };
  /** Every parameter, flat in `paramLayout(spec, O)` order (a copy, transferable). */
  theta: Float64Array;
}

/**
 * Trains a `spec` model with a linear read-out on `task`, one Adam step at a time, so that
 * a caller (the app's worker) can pause between steps. Each {@link step} draws the next
 * mini-batch, computes its mean loss and gradient (batched: one product per time step
 * over the whole batch, no allocation in the pass), clips the gradient to `clipNorm` and
 * takes one Adam step. Deterministic: the same arguments give the same losses and weights
 * bit for bit, and the same as the per-sample `lossAndGradients` would. Models the batched
 * engine does not run (bidirectional, projected, hard-sigmoid gates) train per sample.
 */
export class Trainer {
  /** The model's full spec. */
  readonly spec: Readonly<FullModelSpec>;
  /** The task the batches come from. */
  readonly task: Task;
  /** Where each parameter sits in the flat vector. */
  readonly layout: ParamLayout;
  /** Samples per mini-batch. */
  readonly batchSize: number;
  /** Seed of the held-out sequences {@link evaluate} scores by default. */
  readonly evalSeed: number;
  private readonly clipNorm: number;
  private readonly theta: Float64Array;
  private readonly backup: Float64Array;
  private readonly adam: Adam;
  private readonly data: Random;
  private readonly batched: boolean;
  private engine: BatchEngine | null = null;

  /** A trainer at step 0; throws an EngineInputError naming a bad argument. */
  constructor(spec: ModelSpec, task: Task, options: TrainerOptions) {
    const full = checkTrainingSetup('Trainer', spec, task, options);
    const { seed, batchSize, learningRate = 1e-3, clipNorm = 1 } = options;
    if (!(clipNorm > 0)) {
      throw new EngineInputError(
        `Trainer: clipNorm must be > 0 (Infinity for none), got ${clipNorm}.`,
      );
    }
    const seeds = new Random(seed);
    const headSeed = seeds.nextUint32();
    this.data = new Random(seeds.nextUint32());
    this.evalSeed = seeds.nextUint32();
    this.spec = full;
    this.task = task;
    this.batchSize = batchSize;
    this.clipNorm = clipNorm;
    this.layout = paramLayout(full, task.outputSize);
    const model = createModel(
      full,
      options.initialParams ?? initParams(full, { ...options.init, seed }),
    );
    this.theta = flattenParams(model, initHead(task.outputSize, outputWidth(full), headSeed));
    this.backup = new Float64Array(this.theta.length);
    this.adam = new Adam(this.layout.size, { lr: learningRate });
    this.batched = batchUnsupported(full) === null;
  }

  /** Adam steps taken so far. */
  get steps(): number {
    return this.adam.steps;
  }

  /**
   * One Adam step on the next mini-batch; returns that batch's mean loss, measured before
   * the step. Throws an {@link EngineInputError} (leaving the weights as they were) when
   * the read-out, the gradient or the updated weights stop being finite.
   */
  step(): number {
    const batch: Sample[] = [];
    for (let n = 0; n < this.batchSize; n++) batch.push(this.task.sample(this.data));
    const where = `Trainer: step ${this.steps + 1}`;
    let loss: number;
    let grad: Float64Array;
    try {
      ({ loss, grad } = this.lossAndGradient(batch));
    } catch (error) {
      if (!(error instanceof EngineInputError)) throw error;
      throw new EngineInputError(`${where}: ${error.message}`);
    }
    const norm = clipGradNorm(grad, this.clipNorm);
    if (!Number.isFinite(norm)) {
      throw new EngineInputError(
        `${where}: the gradient norm is ${norm}; lower the learning rate or the weight scale.`,
      );
    }
    this.backup.set(this.theta);
    this.adam.step(this.theta, grad);
    for (let k = 0; k < this.theta.length; k++) {
      const value = this.theta[k]!;
      if (!Number.isFinite(value)) {
        this.theta.set(this.backup);
        throw new EngineInputError(
          `${where}: the update made a weight ${value}; the weights are kept as they were. Lower the learning rate.`,
        );
      }
    }
    return loss;
  }

  /**
   * The mean loss and the accuracy (as `evaluate` defines them) of the current weights
   * on `count` held-out sequences drawn from `Random(seed)` (fresh, or from the task's
   * held-out data: `sampleHeldOut`); by default the same held-out
   * sequences ({@link evalSeed}) every time, so that successive scores compare.
   */
  evaluate(count: number, seed: number = this.evalSeed): { loss: number; accuracy: number } {
    if (!this.batched) {
      const { model, head } = this.weights();
      return evaluate(model, head, this.task, { seed, count });
    }
    checkCountAndSeed('Trainer.evaluate', count, seed);
    const rng = new Random(seed);
    const { task } = this;
    const tolerance = task.tolerance ?? NaN;
    let total = 0;
    let correct = 0;
    let scored = 0;
    for (let done = 0; done < count; done += this.batchSize) {
      const chunk: Sample[] = [];
      for (let n = 0; n < Math.min(this.batchSize, count - done); n++)
        chunk.push(drawHeldOut(task, rng));
      const engine = this.engineFor(chunk);
      engine.load(chunk);
      const part = engine.score(total, tolerance);
      total = part.total;
      correct += part.correct;
      scored += part.scored;
    }
    const accurate = task.loss === 'crossEntropy' || task.tolerance !== undefined;
    return { loss: total / count, accuracy: accurate ? correct / scored : NaN };
  }

  /** The mean loss of `batch` at the current weights and its gradient (the engine's buffer when batched). */
  private lossAndGradient(batch: readonly Sample[]): { loss: number; grad: Float64Array } {
    if (!this.batched) {
      const { model, head } = this.weights();
      return lossAndGradients(model, head, this.task.loss, batch);
    }
    const engine = this.engineFor(batch);
    engine.load(batch);
    return { loss: engine.lossAndGradient(), grad: engine.grad };
  }

  /** The current weights as plain data (copies), with the step count. */
  snapshot(): TrainerSnapshot {
    const { model, head } = this.weights();
    return {
      step: this.steps,
      params: toStateDict(model),
      head: headToStateDict(head),
      theta: this.theta.slice(),
    };
  }

  /** The current weights as a Model and a Head (fresh copies). */
  weights(): { model: Model; head: Head } {
    return unflattenParams(this.layout, this.theta);
  }

  /** The batched engine for sequences as long as `samples[0]`'s, loaded with θ. */
  private engineFor(samples: readonly Sample[]): BatchEngine {
    const T = samples[0]!.xs.length;
    if (!this.engine || this.engine.steps !== T) {
      this.engine = new BatchEngine(
        this.spec,
        this.task.outputSize,
        this.task.loss,
        this.batchSize,
        T,
      );
    }
    this.engine.theta.set(this.theta);
    return this.engine;
  }
}
