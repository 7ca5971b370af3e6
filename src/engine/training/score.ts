import { argmax } from '../tasks/common';
import type { Task } from '../tasks/types';

/**
 * Whether a read-out `y` [O] answers a scored step of `task` with target [O] correctly:
 * 'crossEntropy', argmax(y) = argmax(target) (first maximum on ties); 'mse', every
 * |y_k − target_k| ≤ task.tolerance. Null for an 'mse' task without a tolerance, where
 * "correct" is not defined.
 */
export function isCorrect(
  task: Task,
  y: readonly number[],
  target: readonly number[],
): boolean | null {
  if (task.loss === 'crossEntropy') return argmax(y) === argmax(target);
  const { tolerance } = task;
  if (tolerance === undefined) return null;
  return y.every((v, k) => Math.abs(v - (target[k] as number)) <= tolerance);
}

/** softmax(z) [O], computed stably (shifted by max z); the probabilities a classifier's logits mean. */
export function softmax(z: readonly number[]): number[] {
  let m = Number.NEGATIVE_INFINITY;
  for (const v of z) m = Math.max(m, v);
  const e = z.map((v) => Math.exp(v - m));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}
