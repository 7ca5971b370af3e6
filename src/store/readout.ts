import { isCorrect, softmax, type Sample, type Task } from '../engine';

/**
 * What a trained model's read-out head says at every step: y_t = W_head h_t + b_head, and
 * for classification tasks the softmax probabilities, beside the task's target where the
 * input is a sample of the task and the step is scored.
 */
export interface Readout {
  /** The task the head was trained for. */
  readonly task: Task;
  /** [T][O] raw read-out (logits for classification, predicted values for regression). */
  readonly y: number[][];
  /** [T][O] softmax of y for cross-entropy tasks; null for regression. */
  readonly probabilities: number[][] | null;
  /** [T] the target at scored steps ([O]: one-hot or values), null elsewhere. */
  readonly targets: (number[] | null)[];
  /** [T] whether the read-out counts as correct at scored steps (task's rule), null elsewhere. */
  readonly correct: (boolean | null)[];
}

/** The read-out of `y` [T][O] for `task`, scored against `sample` when given. */
export function readoutOf(task: Task, y: number[][], sample?: Sample): Readout {
  const probabilities = task.loss === 'crossEntropy' ? y.map(softmax) : null;
  const targets: (number[] | null)[] = y.map(() => null);
  const correct: (boolean | null)[] = y.map(() => null);
  sample?.steps.forEach((t, k) => {
    const target = sample.targets[k];
    const row = y[t];
    if (!target || !row) return;
    targets[t] = target;
    correct[t] = isCorrect(task, row, target);
  });
  return { task, y, probabilities, targets, correct };
}
