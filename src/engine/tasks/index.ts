/**
 * The task registry: every task Gatescope trains on, by name, with validated parameters.
 * Each task is a seeded, deterministic sample generator (see ./types).
 */
import { EngineInputError } from '../errors';
import { adding, ADDING_PARAMS, type AddingParams } from './adding';
import type { ParamTable } from './common';
import { nextChar, NEXT_CHAR_PARAMS, type NextCharParams } from './next-char';
import { parity, PARITY_PARAMS, type ParityParams } from './parity';
import { rememberFirst, REMEMBER_FIRST_PARAMS, type RememberFirstParams } from './remember-first';
import { sineNext, SINE_NEXT_PARAMS, type SineNextParams } from './sine-next';
import type { Task, TaskName } from './types';

/** Each task's parameter type, by task name. */
export interface TaskParams {
  'remember-first': RememberFirstParams;
  adding: AddingParams;
  'sine-next': SineNextParams;
  'next-char': NextCharParams;
  parity: ParityParams;
}

/** Every task name, in the order the app lists them. */
export const TASK_NAMES: readonly TaskName[] = Object.freeze([
  'remember-first',
  'adding',
  'sine-next',
  'next-char',
  'parity',
]);

/** Each task's parameters: bounds, defaults and labels, for validation and for sliders. */
export const TASK_PARAMS: { readonly [N in TaskName]: ParamTable<TaskParams[N]> } = {
  'remember-first': REMEMBER_FIRST_PARAMS,
  adding: ADDING_PARAMS,
  'sine-next': SINE_NEXT_PARAMS,
  'next-char': NEXT_CHAR_PARAMS,
  parity: PARITY_PARAMS,
};

/**
 * The task `name` with `params` (omitted ones take their defaults; `task.params` lists them
 * all). Throws an Error for an unknown task name, and one naming the parameter and its
 * allowed range for an unknown parameter or a value out of bounds (e.g. a fractional or
 * too long `length`).
 */
export function makeTask<N extends TaskName>(name: N, params?: Partial<TaskParams[N]>): Task {
  // Each factory checks its own parameters; the casts only undo the generic.
  const given = params as Readonly<Record<string, number>> | undefined;
  switch (name as TaskName) {
    case 'remember-first':
      return rememberFirst(given);
    case 'adding':
      return adding(given);
    case 'sine-next':
      return sineNext(given);
    case 'next-char':
      return nextChar(given);
    case 'parity':
      return parity(given);
    default:
      throw new EngineInputError(
        `Unknown task '${String(name)}' (tasks: ${TASK_NAMES.join(', ')})`,
      );
  }
}
