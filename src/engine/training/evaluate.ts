import { forward } from '../forward';
import { Random } from '../random';
import type { Task } from '../tasks/types';
import type { Model } from '../types';
import { headForward, type Head } from './head';
import { lossFor } from './losses';
import { checkHeadFits } from './params';
import { isCorrect } from './score';
import { checkCountAndSeed } from './checks';
import { EngineInputError } from '../errors';
import { drawHeldOut } from '../tasks/common';

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** Seed of the `Random` the samples are drawn from, in [0, 2³²). */
  seed: number;
  /** Fresh samples to score, ≥ 1. */
  count: number;
}

/**
 * Scores a model and head on `count` held-out samples of `task` drawn from `Random(seed)`
 * (fresh draws, or the task's held-out data when it has some: `sampleHeldOut`).
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
  if (typeof task !== 'object' || task === null || typeof task.sample !== 'function') {
    throw new EngineInputError('evaluate: task must be a task made by makeTask.');
  }
  if (typeof options !== 'object' || options === null) {
    throw new EngineInputError('evaluate: options must be an object (seed, count).');
  }
  const { seed, count } = options;
  checkCountAndSeed('evaluate', count, seed);
  const rng = new Random(seed);
  const scoresAccuracy = task.loss === 'crossEntropy' || task.tolerance !== undefined;
  let lossSum = 0;
  let correct = 0;
  let scored = 0;
  for (let n = 0; n < count; n++) {
    const sample = drawHeldOut(task, rng);
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
