import {
  headForward,
  isCorrect,
  softmax,
  type Head,
  type Rows,
  type Sample,
  type Task,
} from '../engine';

/**
 * What a trained model's read-out head says at every step: y_t = W_head h_t + b_head, and
 * for classification tasks the softmax probabilities, beside the task's target where the
 * input is a sample of the task and the step is scored.
 */
export interface Readout {
  /** Where the head comes from, after "the head": "trained on “Remember the first input”". */
  readonly source: string;
  /** [O] a label per output (the class, or the value's name). */
  readonly outputLabels: readonly string[];
  /** True when a task scores the answers (a trained model on its task's sample). */
  readonly scored: boolean;
  /** A regression's tolerance (an answer within it is right), or null. */
  readonly tolerance: number | null;
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
  const classify = task.loss === 'crossEntropy';
  const of = {
    source: `trained on “${task.title}”`,
    scored: true,
    outputLabels: task.outputLabels,
    tolerance: classify ? null : (task.tolerance ?? null),
  };
  return { ...scoredReadout(of, y, classify), ...scores(task, y, sample) };
}

/**
 * A head's read-out on every step of `outputs` [T][H]: as {@link readoutOf} for a task
 * (`task` given), or unscored ({@link scoredReadout}). A head whose values overflow float64
 * gives a read-out that says so: the cell ran, so its diagram and gradients stay.
 */
export function headReadout(
  head: Head,
  outputs: Rows,
  of:
    | { task: Task; sample?: Sample }
    | { plain: Pick<Readout, 'source' | 'outputLabels'>; classify: boolean },
): Readout {
  const steps = Array.from({ length: outputs.length }, (_, t) => t);
  let y: number[][];
  try {
    y = headForward(head, outputs, steps);
  } catch (error) {
    // The engine refuses a read-out beyond float64 (a head of huge weights). (Its own
    // message counts steps from 0; the page counts from 1, so it is not quoted.)
    if (!(error instanceof Error)) throw error;
    const problem = `The read-out cannot be shown: the head ("head.weight", "head.bias") turns h into values beyond float64's range, so the model file is likely corrupt.`;
    const labels = 'task' in of ? of.task.outputLabels : of.plain.outputLabels;
    const source = 'task' in of ? `trained on “${of.task.title}”` : of.plain.source;
    return {
      source,
      scored: 'task' in of,
      outputLabels: labels,
      tolerance: null,
      y: [],
      probabilities: null,
      targets: [],
      correct: [],
      problem,
    };
  }
  if ('task' in of) return readoutOf(of.task, y, of.sample);
  return scoredReadout({ ...of.plain, tolerance: null, scored: false }, y, of.classify);
}

/**
 * The read-out of `y` [T][O] without a task to score it: softmax probabilities when
 * `classify`, the values otherwise; a value that is not finite is named, never shown.
 */
export function scoredReadout(
  of: Pick<Readout, 'source' | 'outputLabels' | 'tolerance' | 'scored'>,
  y: number[][],
  classify: boolean,
): Readout {
  const outputProblem = firstNonFinite(y, 'output');
  const probabilities = !classify
    ? null
    : outputProblem
      ? y.map((row) => row.map(() => Number.NaN))
      : y.map(softmax);
  const problem =
    outputProblem ?? (probabilities && firstNonFinite(probabilities, 'the probability of class'));
  const none = y.map(() => null);
  return { ...of, y, probabilities, targets: none, correct: none, problem };
}

/** The targets and verdicts of `task` at the scored steps of `sample` (none without one, or when y is not finite). */
function scores(task: Task, y: number[][], sample?: Sample): Pick<Readout, 'targets' | 'correct'> {
  const targets: (number[] | null)[] = y.map(() => null);
  const correct: (boolean | null)[] = y.map(() => null);
  if (!firstNonFinite(y, 'output'))
    sample?.steps.forEach((t, k) => {
      const target = sample.targets[k];
      const row = y[t];
      if (!target || !row) return;
      targets[t] = target;
      correct[t] = isCorrect(task, row, target);
    });
  return { targets, correct };
}
