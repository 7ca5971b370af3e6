import { EngineInputError } from '../errors';
import { argmax } from '../tasks/common';
import type { Task } from '../tasks/types';

/**
 * Whether a read-out `y` [O] answers a scored step of `task` with target [O] correctly
 * (an {@link EngineInputError} when the lengths differ, or from `argmax` on NaN):
 * 'crossEntropy', argmax(y) = argmax(target) (first maximum on ties); 'mse', every
 * |y_k − target_k| ≤ task.tolerance. Null for an 'mse' task without a tolerance, where
 * "correct" is not defined.
 */
export function isCorrect(
  task: Task,
  y: readonly number[],
  target: readonly number[],
): boolean | null {
  if (y.length !== target.length) {
    throw new EngineInputError(
      `isCorrect: the read-out has ${y.length} outputs and the target ${target.length}; expected the same.`,
    );
  }
  if (task.loss === 'crossEntropy') return argmax(y) === argmax(target);
  const { tolerance } = task;
  if (tolerance === undefined) return null;
  return y.every((v, k) => Math.abs(v - (target[k] as number)) <= tolerance);
}

/**
 * softmax(z) [O], the probabilities a classifier's logits mean, computed stably: shifted
 * by m = max z, so that no exp overflows. Defined for every z without NaN, as the limit
 * of finite logits: when some entries are +Infinity they share the mass evenly and the
 * rest get 0; −Infinity entries get 0, and when every entry is −Infinity all are equal,
 * so the mass is uniform. Throws an {@link EngineInputError} for an empty z or a NaN
 * (naming its index).
 */
export function softmax(z: readonly number[]): number[] {
  if (z.length === 0) throw new EngineInputError('softmax: needs at least one logit, got none.');
  let m = Number.NEGATIVE_INFINITY;
  z.forEach((v, k) => {
    if (typeof v !== 'number' || Number.isNaN(v)) {
      throw new EngineInputError(
        `softmax: logit ${k} is ${String(v)}; every logit must be a number (±Infinity allowed), not NaN.`,
      );
    }
    m = Math.max(m, v);
  });
  // All equal and infinite (every entry +Infinity, or every entry −Infinity): uniform.
  // Some +Infinity among others: the +Infinity entries split the mass.
  if (!Number.isFinite(m)) return z.map((v) => (v === m ? 1 : 0) / count(z, m));
  const e = z.map((v) => Math.exp(v - m));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** How many entries of z equal v. */
function count(z: readonly number[], v: number): number {
  return z.reduce((n, x) => n + (x === v ? 1 : 0), 0);
}
