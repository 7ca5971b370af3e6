import { EngineInputError } from '../errors';
import { normalizeSpec } from '../spec';
import type { Task } from '../tasks/types';
import type { FullModelSpec, ModelSpec } from '../types';

/**
 * The checks `train` and `Trainer` share, with messages naming `what`: a task made
 * by makeTask (or alike) of the model's input size, options with a seed in [0, 2³²) and a
 * batch size ≥ 1. Returns the full spec.
 */
export function checkTrainingSetup(
  what: string,
  spec: ModelSpec,
  task: Task,
  options: { seed: number; batchSize: number },
): FullModelSpec {
  const full = normalizeSpec(spec);
  if (typeof task !== 'object' || task === null || typeof task.sample !== 'function') {
    throw new EngineInputError(`${what}: task must be a task made by makeTask.`);
  }
  if (typeof options !== 'object' || options === null) {
    throw new EngineInputError(`${what}: options must be an object (seed, …).`);
  }
  const { seed, batchSize } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new EngineInputError(`${what}: batchSize must be an integer ≥ 1, got ${batchSize}.`);
  }
  if (task.inputSize !== full.inputSize) {
    throw new EngineInputError(
      `${what}: task "${task.name}" has ${task.inputSize} input features; the model's inputSize is ${full.inputSize}.`,
    );
  }
  checkCountAndSeed(what, 1, seed);
  return full;
}

/** Refuses a count below 1 or a seed outside [0, 2³²). */
export function checkCountAndSeed(what: string, count: number, seed: number): void {
  if (!Number.isInteger(count) || count < 1) {
    throw new EngineInputError(`${what}: count must be an integer ≥ 1, got ${count}.`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
    throw new EngineInputError(`${what}: seed must be an integer in [0, 2^32), got ${seed}.`);
  }
}
