import { EngineInputError } from '../errors';
import { MAX_STEPS, MAX_TRACE_VALUES, normalizeSpec } from '../spec';
import type { LossName, Sample } from '../tasks/types';
import type { FullModelSpec, Model, ModelSpec } from '../types';
import { batchCellFor } from './batchCells';
import {
  countCorrect,
  createScoredBatch,
  headBackwardBatch,
  headForwardBatch,
  lossBatch,
  type ScoredBatch,
} from './batchHead';
import { backwardLayer, createBatchLayer, type BatchCell, type BatchLayer } from './batchLayer';
import { HEAD_BIAS, HEAD_WEIGHT, type Head } from './head';
import { checkHeadFits, flattenParams, offsetOf, paramLayout, type ParamLayout } from './params';

/**
 * Why the batched engine cannot run `spec`, or null when it can: it runs unidirectional
 * models without a projection whose gates (lstm, gru) use the logistic sigmoid.
 */
export function batchUnsupported(spec: ModelSpec): string | null {
  const full = normalizeSpec(spec);
  if (full.bidirectional) return 'a bidirectional model';
  if (full.projSize > 0) return 'an LSTM with a projection (projSize)';
  if (full.cell !== 'rnn' && full.recurrentActivation !== 'sigmoid') {
    return `gates with the recurrent activation '${full.recurrentActivation}'`;
  }
  return null;
}

/**
 * The batched forward pass, loss and backpropagation through time of a model with a
 * linear head, for up to B samples of T steps at once: per step one product over the
 * whole batch instead of one per sample. Owns θ and its gradient (flat, in
 * {@link paramLayout} order) and every buffer, allocated once here: a pass allocates
 * nothing. Gives the per-sample `lossAndGradients` and `evaluate` numbers bit for bit.
 */
export class BatchEngine {
  /** The model's full spec. */
  readonly spec: Readonly<FullModelSpec>;
  /** Where each parameter sits in {@link theta} and {@link grad}. */
  readonly layout: ParamLayout;
  /** The loss the passes score with. */
  readonly lossName: LossName;
  /** Sample capacity B, steps T, read-out size O. */
  readonly batchSize: number;
  readonly steps: number;
  readonly outputSize: number;
  /** θ [layout.size]: the parameters the passes read. Write into it freely between passes. */
  readonly theta: Float64Array;
  /** [layout.size]: the mean gradient left by {@link lossAndGradient}. */
  readonly grad: Float64Array;
  private readonly cell: BatchCell;
  private readonly layers: BatchLayer[] = [];
  /** [T][B][I]: the batch's inputs. */
  private readonly input: Float64Array;
  private readonly scored: ScoredBatch;
  private readonly head: { W: Float64Array; b: Float64Array; dW: Float64Array; db: Float64Array };
  /** Samples loaded, n ≤ B. */
  private count = 0;

  /**
   * Buffers for `batchSize` samples of `steps` steps of `spec` with an `outputSize` head
   * scored by `loss`.
   */
  constructor(
    spec: ModelSpec,
    outputSize: number,
    loss: LossName,
    batchSize: number,
    steps: number,
  ) {
    const full = normalizeSpec(spec);
    if (loss !== 'mse' && loss !== 'crossEntropy') {
      throw new EngineInputError(
        `BatchEngine: unknown loss ${JSON.stringify(loss)}; expected 'mse' or 'crossEntropy'.`,
      );
    }
    this.lossName = loss;
    const refused = batchUnsupported(full);
    if (refused) {
      throw new EngineInputError(`BatchEngine: batched training does not run ${refused}.`);
    }
    for (const [name, value, max] of [
      ['batchSize', batchSize, Infinity],
      ['steps', steps, MAX_STEPS],
    ] as const) {
      if (!Number.isInteger(value) || value < 1 || value > max) {
        throw new EngineInputError(
          `BatchEngine: ${name} must be an integer from 1 to ${max}, got ${value}.`,
        );
      }
    }
    const { hiddenSize: H, numLayers, inputSize: I } = full;
    this.cell = batchCellFor(full);
    const values = batchSize * steps * numLayers * this.cell.G * H;
    if (values > MAX_TRACE_VALUES) {
      throw new EngineInputError(
        `BatchEngine: ${batchSize} samples × ${steps} steps × ${numLayers} layers × ${this.cell.G * H} gate rows = ${values} values to record; the limit is ${MAX_TRACE_VALUES} (MAX_TRACE_VALUES). Use a smaller batch or shorter sequences.`,
      );
    }
    this.spec = full;
    this.layout = paramLayout(full, outputSize);
    this.batchSize = batchSize;
    this.steps = steps;
    this.outputSize = outputSize;
    this.theta = new Float64Array(this.layout.size);
    this.grad = new Float64Array(this.layout.size);
    this.input = new Float64Array(steps * batchSize * I);
    const sizes = { B: batchSize, T: steps, H, G: this.cell.G };
    for (let l = 0; l < numLayers; l++) {
      const below = this.layers[l - 1];
      this.layers.push(
        createBatchLayer(
          this.layout,
          this.theta,
          this.grad,
          l,
          { ...sizes, inSize: l === 0 ? I : H },
          below ? below.h : this.input,
          below ? batchSize * H : 0,
          this.cell.separateRecurrentAdjoint,
        ),
      );
    }
    this.scored = createScoredBatch(batchSize, steps, outputSize);
    const view = (flat: Float64Array, name: string, size: number) => {
      const at = offsetOf(this.layout, name);
      return flat.subarray(at, at + size);
    };
    this.head = {
      W: view(this.theta, HEAD_WEIGHT, outputSize * H),
      b: view(this.theta, HEAD_BIAS, outputSize),
      dW: view(this.grad, HEAD_WEIGHT, outputSize * H),
      db: view(this.grad, HEAD_BIAS, outputSize),
    };
  }

  /**
   * Copies 1..B samples (each xs [T][I], steps increasing in 0..T−1, targets [S][O], all
   * finite) into the batch. Throws an {@link EngineInputError} naming the sample otherwise.
   */
  load(samples: readonly Sample[]): void {
    const { batchSize: B, steps: T, outputSize: O, input, scored } = this;
    const I = this.spec.inputSize;
    if (!Array.isArray(samples) || samples.length < 1 || samples.length > B) {
      throw new EngineInputError(
        `BatchEngine.load: expected an array of 1 to ${B} samples, got ${Array.isArray(samples) ? samples.length : typeof samples}.`,
      );
    }
    samples.forEach((sample, b) => {
      const what = `BatchEngine.load: sample ${b}`;
      const { xs, steps, targets } = (sample ?? {}) as Partial<Sample>;
      if (!Array.isArray(xs) || xs.length !== T) {
        throw new EngineInputError(
          `${what} has ${Array.isArray(xs) ? xs.length : 'no'} steps; every sample of the batch needs ${T}.`,
        );
      }
      for (let t = 0; t < T; t++) {
        const x = xs[t];
        if (!Array.isArray(x) || x.length !== I) {
          throw new EngineInputError(`${what}, step ${t}: expected ${I} input features.`);
        }
        for (let i = 0; i < I; i++) {
          const v = x[i];
          if (typeof v !== 'number' || !Number.isFinite(v)) {
            throw new EngineInputError(
              `${what}, step ${t}: input ${i} is ${String(v)}, not a finite number.`,
            );
          }
          input[(t * B + b) * I + i] = v;
        }
      }
      const S = Array.isArray(steps) ? steps.length : 0;
      if (S < 1 || S > T || !Array.isArray(targets) || targets.length !== S) {
        throw new EngineInputError(
          `${what}: expected 1 to ${T} scored steps and one target [${O}] per step.`,
        );
      }
      scored.counts[b] = S;
      for (let k = 0; k < S; k++) {
        const t = steps![k]!;
        if (!Number.isInteger(t) || t < 0 || t >= T || (k > 0 && t <= steps![k - 1]!)) {
          throw new EngineInputError(
            `${what}: steps[${k}] = ${t} is not an increasing step of 0..${T - 1}.`,
          );
        }
        scored.steps[b * T + k] = t;
        const target = targets[k];
        if (!Array.isArray(target) || target.length !== O || !target.every(Number.isFinite)) {
          throw new EngineInputError(`${what}: targets[${k}] must be ${O} finite numbers.`);
        }
        scored.targets.set(target, (b * T + k) * O);
      }
    });
    this.count = samples.length;
  }

  /** Runs every layer forward and the head over the loaded samples. */
  private forward(): void {
    const n = this.count;
    for (const L of this.layers) {
      for (let t = 0; t < this.steps; t++) this.cell.forwardStep(L, t, n);
    }
    const top = this.layers[this.layers.length - 1]!;
    headForwardBatch(this.scored, this.head.W, this.head.b, top.h, this.spec.hiddenSize, n);
  }

  /**
   * The mean loss over the loaded samples at θ, and its gradient into {@link grad}: what
   * `lossAndGradients` returns for the same samples. Throws an {@link EngineInputError}
   * when a read-out is not finite.
   */
  lossAndGradient(): number {
    const n = this.count;
    if (n === 0) throw new EngineInputError('BatchEngine.lossAndGradient: no samples loaded.');
    this.forward();
    const total = lossBatch(this.scored, this.lossName, n, 0, 'BatchEngine');
    const { grad, layers } = this;
    grad.fill(0);
    const top = layers[layers.length - 1]!;
    const H = this.spec.hiddenSize;
    headBackwardBatch(this.scored, this.head.W, top.h, H, n, this.head.dW, this.head.db, top.dOut);
    for (let l = layers.length - 1; l >= 0; l--) {
      backwardLayer(this.cell, layers[l]!, n, l > 0 ? layers[l - 1]! : null);
    }
    for (let k = 0; k < grad.length; k++) grad[k] = grad[k]! / n;
    return total / n;
  }

  /**
   * Forward only: adds the loaded samples' losses to `total` (in order) and counts their
   * correct scored steps (see `countCorrect`; `tolerance` is used by 'mse' only).
   */
  score(total: number, tolerance: number): { total: number; correct: number; scored: number } {
    this.forward();
    const sum = lossBatch(this.scored, this.lossName, this.count, total, 'BatchEngine');
    return { total: sum, ...countCorrect(this.scored, this.lossName, tolerance, this.count) };
  }
}

/**
 * What `lossAndGradients` computes (the mean loss of `samples` and its flat gradient in
 * {@link paramLayout} order), through the batched engine: every sample must have the same
 * number of steps. For tests and one-off calls; a training loop keeps one
 * {@link BatchEngine} instead, since this allocates its buffers on every call.
 */
export function batchLossAndGradients(
  model: Model,
  head: Head,
  loss: LossName,
  samples: readonly Sample[],
): { loss: number; grad: Float64Array } {
  checkHeadFits(model, head, 'batchLossAndGradients');
  if (!Array.isArray(samples) || samples.length === 0) {
    throw new EngineInputError('batchLossAndGradients: needs an array of at least one sample.');
  }
  const T = Array.isArray(samples[0]?.xs) ? samples[0].xs.length : 0;
  const engine = new BatchEngine(model.spec, head.O, loss, samples.length, T);
  engine.theta.set(flattenParams(model, head));
  engine.load(samples);
  const value = engine.lossAndGradient();
  return { loss: value, grad: engine.grad.slice() };
}
