/**
 * The checks behind `parseModelFile` (./modelFile.ts): each part of a model file read from
 * untrusted JSON into a valid value, or a ModelFileError saying in words what is wrong.
 */
import {
  createModel,
  isNumbersTask,
  HEAD_BIAS,
  HEAD_WEIGHT,
  makeTask,
  TASK_NAMES,
  splitStateDict,
  type FullModelSpec,
  type Head,
  type Model,
  type StateDict,
  type Task,
  type TaskName,
} from '../engine';
import type { ModelInit, ModelMetrics, ModelTaskRecord, ModelTraining } from './modelFile';
import { numbersRecord, readNumbersTask } from './numbersRecord';

export { describeValue, isObject, kind, ModelFileError, type Json } from './jsonChecks';
import { describeValue, isObject, ModelFileError, type Json } from './jsonChecks';

/** What a model id must look like, for messages. */
export const ID_RULE =
  'an id is lowercase letters and digits in words joined by single hyphens, e.g. "remember-first-50-lstm"';

/** True for an integer ≥ min. */
export const isInteger = (v: unknown, min: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min;

/** True for a number in [0, 1]. */
export const isFraction = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 1;

/** True for a finite number. */
export const isFiniteNumber = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v);

/** True for one of the engine's task names. */
export const isTaskName = (v: unknown): v is TaskName =>
  typeof v === 'string' && (TASK_NAMES as readonly string[]).includes(v);

/** True for an integer in [0, 2³²), a valid `Random` seed. */
export const isSeed = (v: unknown): v is number => isInteger(v, 0) && v < 2 ** 32;

/** `json[name]`, which must be an object. */
export function field(json: Json, name: string, where: string): Json {
  const value = json[name];
  if (!isObject(value)) {
    throw new ModelFileError(where, `"${name}" is ${describeValue(value)}; expected an object.`);
  }
  return value;
}

/**
 * The task record: a known name and that task's parameters (checked by `makeTask`), or a
 * table of the user's numbers (name "numbers", checked by `readNumbersTask`).
 */
export function readTask(record: Json, where: string): Task {
  const { name, ...params } = record;
  if (name === 'numbers') return readNumbersTask(record, where);
  if (!isTaskName(name)) {
    throw new ModelFileError(
      where,
      `unknown task ${describeValue(name)} in "task.name" (tasks: ${TASK_NAMES.join(', ')}, numbers).`,
    );
  }
  for (const [key, value] of Object.entries(params)) {
    if (!isFiniteNumber(value)) {
      throw new ModelFileError(
        where,
        `task parameter "${key}" is ${describeValue(value)}; expected a number.`,
      );
    }
  }
  try {
    return makeTask(name, params as Record<string, number>);
  } catch (error) {
    throw new ModelFileError(where, messageOf(error));
  }
}

/** A task as a model file records it: its name and parameters, and a numbers task's table. */
export function taskRecord(task: Task): ModelTaskRecord {
  return isNumbersTask(task) ? numbersRecord(task) : { name: task.name, ...task.params };
}

/**
 * The recurrent model and the head from `spec` and `params`, checked against each other
 * and against the task: the engine's own checks name any bad parameter and its shape.
 */
export function readModel(
  spec: Json,
  params: unknown,
  task: Task,
  where: string,
): { model: Model; head: Head } {
  if (!isObject(params)) {
    throw new ModelFileError(
      where,
      `"params" is ${describeValue(params)}; expected an object of named parameters.`,
    );
  }
  let split: ReturnType<typeof splitStateDict>;
  let model: Model;
  try {
    split = splitStateDict(params as StateDict);
    model = createModel(spec as unknown as FullModelSpec, split.rnn);
  } catch (error) {
    throw new ModelFileError(where, messageOf(error));
  }
  const { head } = split;
  const { hiddenSize, inputSize } = model.spec;
  if (head === null) {
    throw new ModelFileError(
      where,
      `missing parameters "${HEAD_WEIGHT}" [${task.outputSize}][${hiddenSize}] and "${HEAD_BIAS}" [${task.outputSize}] (the read-out).`,
    );
  }
  if (head.H !== hiddenSize) {
    throw new ModelFileError(
      where,
      `parameter "${HEAD_WEIGHT}" has ${head.H} columns, but the model has hiddenSize ${hiddenSize} (expected shape [${head.O}][${hiddenSize}]).`,
    );
  }
  if (head.O !== task.outputSize) {
    throw new ModelFileError(
      where,
      `parameter "${HEAD_WEIGHT}" has ${head.O} rows, but task "${task.name}" has ${task.outputSize} outputs (expected shape [${task.outputSize}][${hiddenSize}]).`,
    );
  }
  if (inputSize !== task.inputSize) {
    throw new ModelFileError(
      where,
      `spec.inputSize is ${inputSize}, but task "${task.name}" has ${task.inputSize} input features.`,
    );
  }
  return { model, head };
}

export function readMetrics(metrics: Json, where: string): ModelMetrics {
  const { accuracy, loss, chance, samples, seed } = metrics;
  const check = (ok: boolean, message: string) => {
    if (!ok) throw new ModelFileError(where, `metrics: ${message}`);
  };
  check(
    isFraction(accuracy),
    `"accuracy" must be a number in [0, 1], got ${describeValue(accuracy)}.`,
  );
  check(
    isFiniteNumber(loss) && loss >= 0,
    `"loss" must be a number ≥ 0, got ${describeValue(loss)}.`,
  );
  check(isFraction(chance), `"chance" must be a number in [0, 1], got ${describeValue(chance)}.`);
  check(
    isInteger(samples, 1),
    `"samples" must be a whole number ≥ 1, got ${describeValue(samples)}.`,
  );
  check(isSeed(seed), `"seed" must be a whole number in [0, 2^32), got ${describeValue(seed)}.`);
  return {
    accuracy: accuracy as number,
    loss: loss as number,
    chance: chance as number,
    samples: samples as number,
    seed: seed as number,
  };
}

export function readCurve(curve: unknown, where: string): number[] {
  if (!Array.isArray(curve) || curve.length === 0) {
    throw new ModelFileError(
      where,
      `"curve" is ${describeValue(curve)}; expected the training loss per epoch, a non-empty array.`,
    );
  }
  const bad = curve.findIndex((v) => !isFiniteNumber(v));
  if (bad >= 0) {
    throw new ModelFileError(
      where,
      `curve[${bad}] is ${describeValue(curve[bad])}; every loss must be a finite number.`,
    );
  }
  return [...(curve as number[])];
}

export function readTraining(training: Json, where: string): ModelTraining {
  const { seed, epochs, batchesPerEpoch, batchSize, learningRate, clipNorm, seconds } = training;
  const check = (ok: boolean, message: string) => {
    if (!ok) throw new ModelFileError(where, `training: ${message}`);
  };
  check(isSeed(seed), `"seed" must be a whole number in [0, 2^32), got ${describeValue(seed)}.`);
  for (const [name, value] of Object.entries({ epochs, batchesPerEpoch, batchSize })) {
    check(
      isInteger(value, 1),
      `"${name}" must be a whole number ≥ 1, got ${describeValue(value)}.`,
    );
  }
  for (const [name, value] of Object.entries({ learningRate, clipNorm })) {
    check(
      isFiniteNumber(value) && value > 0,
      `"${name}" must be a number > 0, got ${describeValue(value)}.`,
    );
  }
  check(
    seconds === undefined || (isFiniteNumber(seconds) && seconds >= 0),
    `"seconds" must be a number ≥ 0, got ${describeValue(seconds)}.`,
  );
  const init = training.init;
  check(isObject(init), `"init" is ${describeValue(init)}; expected an object.`);
  const { scheme, weightScale, forgetBias, updateBias } = init as Json;
  check(
    scheme === 'pytorch' || scheme === 'xavier' || scheme === 'orthogonal',
    `"init.scheme" must be "pytorch", "xavier" or "orthogonal", got ${describeValue(scheme)}.`,
  );
  for (const [name, value] of Object.entries({ weightScale, forgetBias, updateBias })) {
    check(isFiniteNumber(value), `"init.${name}" must be a number, got ${describeValue(value)}.`);
  }
  return {
    seed: seed as number,
    epochs: epochs as number,
    batchesPerEpoch: batchesPerEpoch as number,
    batchSize: batchSize as number,
    learningRate: learningRate as number,
    clipNorm: clipNorm as number,
    init: {
      scheme: scheme as ModelInit['scheme'],
      weightScale: weightScale as number,
      forgetBias: forgetBias as number,
      updateBias: updateBias as number,
    },
    ...(seconds === undefined ? {} : { seconds: seconds as number }),
  };
}

/** An engine error's message without its function-name prefix ("createModel: "). */
export function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^(createModel|createHead|splitStateDict): /, '');
}
