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
  /**
   * Why the read-out cannot be shown, or null: a value or probability that is not a finite
   * number (a head whose weights overflow float64), named by step and output.
   */
  readonly problem: string | null;
}

/** The first entry of `rows` [T][O] that is not a finite number, in words, or null. */
function firstNonFinite(rows: readonly (readonly number[])[], what: string): string | null {
  for (let t = 0; t < rows.length; t++) {
    const row = rows[t]!;
    for (let o = 0; o < row.length; o++) {
      if (!Number.isFinite(row[o])) {
        return `The read-out cannot be shown: at step ${t + 1}, ${what} ${o + 1} is ${String(row[o])}, not a finite number. The head's weights ("head.weight", "head.bias") are too large for float64: the model file is likely corrupt.`;
      }
    }
  }
  return null;
}

/** The read-out of `y` [T][O] for `task`, scored against `sample` when given. */
export function readoutOf(task: Task, y: number[][], sample?: Sample): Readout {
  // A read-out that is not finite is named, never scored: the engine's softmax and argmax
  // refuse NaN, and a probability of NaN would only hide where it came from.
  const outputProblem = firstNonFinite(y, 'output');
  const probabilities =
    task.loss !== 'crossEntropy'
      ? null
      : outputProblem
        ? y.map((row) => row.map(() => Number.NaN))
        : y.map(softmax);
  const problem =
    outputProblem ?? (probabilities && firstNonFinite(probabilities, 'the probability of class'));
  const targets: (number[] | null)[] = y.map(() => null);
  const correct: (boolean | null)[] = y.map(() => null);
  if (!outputProblem)
    sample?.steps.forEach((t, k) => {
      const target = sample.targets[k];
      const row = y[t];
      if (!target || !row) return;
      targets[t] = target;
      correct[t] = isCorrect(task, row, target);
    });
  return { task, y, probabilities, targets, correct, problem };
}
