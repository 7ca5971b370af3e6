import type { Random } from '../random';

/**
 * The registered tasks: seeded generators Gatescope trains models on (see NOTES.md and
 * README "Trained models"), made by `makeTask`.
 */
export type TaskName = 'remember-first' | 'adding' | 'sine-next' | 'next-char' | 'parity';

/**
 * Every task a model can be trained on: a registered generator, or 'numbers', a table the
 * user pasted (see ./numbers, `numbersTask`).
 */
export type ModelTaskName = TaskName | 'numbers';

/** How a task's read-out is scored: mean squared error, or softmax cross-entropy. */
export type LossName = 'mse' | 'crossEntropy';

/** One example of a task. Plain arrays, so it serialises as JSON. */
export interface Sample {
  /** [T][I] inputs, x_t for t = 0..T−1. */
  readonly xs: number[][];
  /** The scored steps, 0-based and increasing (e.g. [T−1] for "predict at the last step"). */
  readonly steps: number[];
  /**
   * [S][O] target per scored step: the wanted read-out values (loss 'mse') or a one-hot
   * class vector (loss 'crossEntropy'), S = steps.length.
   */
  readonly targets: number[][];
}

/**
 * A task: a seeded, deterministic generator of samples and how to score them. The same
 * `Random` state gives the same sample on every machine.
 */
export interface Task {
  readonly name: ModelTaskName;
  /** Short title for people: "Remember the first input". */
  readonly title: string;
  /** The generator's parameters, as written to a model file (always includes `length`, T). */
  readonly params: Readonly<Record<string, number>>;
  /** Features per step, I. */
  readonly inputSize: number;
  /** Read-out size, O. */
  readonly outputSize: number;
  readonly loss: LossName;
  /** [I] names of the input features, for axes: ['x'], ['value', 'marker'], an alphabet. */
  readonly inputLabels: readonly string[];
  /** [O] names of the read-out units: ['sum'], ['−1', '+1'], an alphabet. */
  readonly outputLabels: readonly string[];
  /**
   * For 'mse' tasks: a prediction within this absolute error of the target counts as
   * correct in the accuracy. Undefined for 'crossEntropy' tasks (correct = argmax matches).
   */
  readonly tolerance?: number;
  /** Accuracy of always answering without looking at the input, in [0, 1]. */
  readonly chance: number;
  /** Draws one training sample. */
  sample(rng: Random): Sample;
  /**
   * Draws one held-out sample, from data {@link sample} never draws: tasks built from a
   * fixed table have it (their last rows); generators leave it out, as a fresh draw is
   * already unseen. `evaluate` and `Trainer.evaluate` use it when present.
   */
  sampleHeldOut?(rng: Random): Sample;
  /** [T] a short label per step for the time axis ("+1", "0.42", "a", "1"). */
  tokens(sample: Sample): string[];
}
