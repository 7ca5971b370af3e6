/**
 * The task a training session's settings name: a registered generator at length T, or a
 * table of the user's numbers with the settings' target columns. The page, the worker and
 * the model files trained here all build it here, so they agree.
 */
import { EngineInputError, makeTask, numbersTask, type Task } from '../../engine';
import type { PastedTable } from '../../scene';
import type { TrainSettings } from './protocol';

/**
 * The task of `settings`, from `numbers` (the table pasted) for 'numbers'. Throws an
 * EngineInputError in words for people when the choice cannot be trained on: no numbers,
 * no target or no input column, too few rows for T, a constant column (see `numbersTask`).
 */
export function trainingTask(settings: TrainSettings, numbers?: PastedTable | null): Task {
  const { task, length, warmup, targets } = settings;
  if (task !== 'numbers') return makeTask(task, { length });
  if (!numbers) {
    throw new EngineInputError(
      'There are no numbers to train on: paste numbers with a header under Controls, Input: “Your numbers”.',
    );
  }
  return numbersTask({ ...numbers, targets }, { length, warmup });
}
