/**
 * Gatescope's trained-model files, format "gatescope-model/1": `public/models/<id>.json`,
 * written by `npm run train-models` (scripts/train-models.ts) and listed in
 * `public/models/index.json`. A file holds the model's spec, its PyTorch-named parameters
 * plus the linear read-out ('head.weight', 'head.bias'), the task it was trained on with
 * the generator's parameters, the accuracy it scored on fresh sequences, its training-loss
 * curve and how it was trained. Files arrive over the network or from a user, so
 * everything is checked before a model is built: `parseModelFile` returns a model that
 * runs, or throws an Error that says what is wrong in words for people.
 */
import {
  headToStateDict,
  TASK_NAMES,
  toStateDict,
  type CellType,
  type ModelSpec,
  type Head,
  type InitOptions,
  type Model,
  type StateDict,
  type Task,
  type ModelTaskName,
  type TaskName,
} from '../engine';
import {
  ModelFileError,
  isObject,
  kind,
  ID_RULE,
  describeValue,
  isInteger,
  isFraction,
  isTaskName,
  field,
  readTask,
  taskRecord,
  readModel,
  readMetrics,
  readCurve,
  readTraining,
} from './modelFileRead';
import { LIMITS } from '../scene/limits';
import { checkLimits, refuseReservedKeys } from './modelFileLimits';

/** The format tag every model file carries; a new layout gets a new tag. */
export const MODEL_FORMAT = 'gatescope-model/1';

/** Lowercase letters and digits in words joined by single hyphens. */
const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** How the weights were initialised before training: `initParams` options plus the GRU's. */
export interface ModelInit {
  /** `initParams` scheme. */
  scheme: NonNullable<InitOptions['scheme']>;
  /** `initParams` weight scale. */
  weightScale: number;
  /** LSTM: added to the forget-gate block of `bias_ih` in every layer (`initParams`). */
  forgetBias: number;
  /**
   * GRU: added to the update-gate (z) block of `bias_ih` in every layer, after `initParams`.
   * With the 'pytorch' convention z weights the old state, so a positive value starts the
   * GRU remembering, as `forgetBias` does for an LSTM. 0 for other cells.
   */
  updateBias: number;
}

/** How a model was trained (Adam on mini-batches of fresh samples, see scripts/train-models.ts). */
export interface ModelTraining {
  /** Seed of the initial weights, the head and the training data, in [0, 2³²). */
  seed: number;
  epochs: number;
  /** Adam steps per epoch. */
  batchesPerEpoch: number;
  /** Sequences per step. */
  batchSize: number;
  /** Adam's step size. */
  learningRate: number;
  /** The gradient's L2 norm is clipped to this before each step. */
  clipNorm: number;
  init: ModelInit;
  /** Wall-clock training time. Optional: the shipped files leave it out so they stay byte-for-byte reproducible. */
  seconds?: number;
}

/** The held-out score written in a model file, measured on the rounded parameters. */
export interface ModelMetrics {
  /** Fraction of scored steps answered correctly (argmax, or within the task's tolerance), in [0, 1]. */
  accuracy: number;
  /** Mean task loss over the samples (cross-entropy, or mean squared error). */
  loss: number;
  /** The task's chance accuracy, in [0, 1]. */
  chance: number;
  /** Fresh sequences scored. */
  samples: number;
  /** Seed of the `Random` they were drawn from; differs from the training seed. */
  seed: number;
}

/** A value of a task record: a generator parameter, or part of a numbers task's table. */
export type TaskRecordValue = number | string | string[] | number[] | number[][];

/**
 * The task a model was trained on: its name and every generator parameter; for "numbers",
 * the table itself (`columns`, `rows`, `targets`) and its standardisation (`mean`, `std`,
 * see src/io/numbersRecord.ts).
 */
export interface ModelTaskRecord {
  name: ModelTaskName;
  [field: string]: TaskRecordValue;
}

/** One model file, as `parseModelFile` returns it (spec complete, parameters copied). */
export interface ModelFile {
  format: typeof MODEL_FORMAT;
  /**
   * The model id, also the file name without .json: `${task}-${length}-${cell}`, e.g.
   * 'remember-first-50-lstm', optionally followed by a suffix ('-2layer') for variants.
   */
  id: string;
  /** For people: "LSTM remembering the first input, T = 50". */
  title: string;
  spec: ModelSpec;
  /** The recurrent parameters under PyTorch's names, plus 'head.weight' [O][H] and 'head.bias' [O]. */
  params: StateDict;
  task: ModelTaskRecord;
  metrics: ModelMetrics;
  /** [epochs] mean training loss per epoch. */
  curve: number[];
  training: ModelTraining;
}

/** A validated model file and everything built from it, ready to run. */
export interface LoadedModel {
  file: ModelFile;
  model: Model;
  /** The read-out y = W h + b on the top layer's state. */
  head: Head;
  /** The task, with the file's generator parameters. */
  task: Task;
}

/** One line of `public/models/index.json`: what the model picker lists. */
export interface ModelIndexEntry {
  id: string;
  title: string;
  task: ModelTaskName;
  /** Sequence length T the model was trained on. */
  length: number;
  cell: CellType;
  hiddenSize: number;
  numLayers: number;
  /** Held-out accuracy, as in the model file's metrics. */
  accuracy: number;
  chance: number;
}

/**
 * Reads and checks a model file (already parsed from JSON) and builds its model, head and
 * task. Throws an Error with a message for people when anything is wrong: not a Gatescope
 * model (wrong or missing format), a bad id or title, an id other than `expectedId` (the
 * model that was asked for), a reserved key ("__proto__") anywhere, an invalid spec, a
 * size beyond the page's limits (src/scene/limits.ts), an unknown task or task parameter,
 * a missing, unknown, misshapen or non-finite parameter, a head that does not fit the
 * hidden size or the task's outputs, an input size that is not the task's, metrics, curve
 * or training record out of range. Never returns a half-valid model.
 */
export function parseModelFile(json: unknown, expectedId?: string): LoadedModel {
  if (!isObject(json)) {
    throw new ModelFileError(
      '',
      `This file is not a Gatescope model (it is ${kind(json)}, not an object).`,
    );
  }
  if (json.format !== MODEL_FORMAT) {
    const got = json.format === undefined ? 'no format' : `format ${JSON.stringify(json.format)}`;
    throw new ModelFileError(
      '',
      `This file is not a Gatescope model (${got}; expected "${MODEL_FORMAT}").`,
    );
  }
  const { id } = json;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    throw new ModelFileError('Model file: ', `"id" is ${describeValue(id)}; ${ID_RULE}.`);
  }
  const where = `Model "${id}": `;
  if (expectedId !== undefined && id !== expectedId) {
    throw new ModelFileError(
      where,
      `this file is model "${id}", not the "${expectedId}" that was asked for.`,
    );
  }
  const check = (ok: boolean, message: string) => {
    if (!ok) throw new ModelFileError(where, message);
  };
  refuseReservedKeys(json, where);
  const { title } = json;
  check(typeof title === 'string' && title.trim() !== '', '"title" must be a non-empty text.');

  const spec = field(json, 'spec', where);
  const taskJson = field(json, 'task', where);
  checkLimits(spec, taskJson, where);
  const task = readTask(taskJson, where);
  const { model, head } = readModel(spec, json.params, task, where);
  const length = task.params.length as number;
  const prefix = `${task.name}-${length}-${model.spec.cell}`;
  check(
    id === prefix || id.startsWith(`${prefix}-`),
    `the id must start with "${prefix}" (task, sequence length, cell); got "${id}".`,
  );

  return {
    file: {
      format: MODEL_FORMAT,
      id,
      title: title as string,
      spec: { ...model.spec },
      params: { ...toStateDict(model), ...headToStateDict(head) },
      task: taskRecord(task),
      metrics: readMetrics(field(json, 'metrics', where), where),
      curve: readCurve(json.curve, where),
      training: readTraining(field(json, 'training', where), where),
    },
    model,
    head,
    task,
  };
}

/**
 * The URL of model `id`'s file: `${base}models/${id}.json`, `base` being the app's base
 * URL ('' by default, './' or '/gatescope/' when deployed). Throws for an id that is not
 * lowercase words joined by hyphens, so no id can reach outside models/.
 */
export function modelFileUrl(id: string, base?: string): string {
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    throw new Error(`Not a model id: ${describeValue(id)}; ${ID_RULE}.`);
  }
  return `${base ?? ''}models/${id}.json`;
}

/**
 * The entries of `public/models/index.json` (parsed JSON: an array of
 * {@link ModelIndexEntry}), checked one by one; throws an Error naming the entry and the
 * field that is wrong, or an id listed twice.
 */
export function parseModelIndex(json: unknown): ModelIndexEntry[] {
  if (!Array.isArray(json)) {
    throw new Error(`The model index is ${kind(json)}; expected an array of models.`);
  }
  const seen = new Set<string>();
  return json.map((entry: unknown, k) => {
    const where = `Model index, entry ${k + 1}: `;
    if (!isObject(entry)) throw new ModelFileError(where, `it is ${kind(entry)}, not an object.`);
    const { id, title, task, length, cell, hiddenSize, numLayers, accuracy, chance } = entry;
    const check = (ok: boolean, message: string) => {
      if (!ok) throw new ModelFileError(where, message);
    };
    check(
      typeof id === 'string' && ID_PATTERN.test(id),
      `"id" is ${describeValue(id)}; ${ID_RULE}.`,
    );
    check(!seen.has(id as string), `the id "${id as string}" is listed twice.`);
    seen.add(id as string);
    check(typeof title === 'string' && title.trim() !== '', '"title" must be a non-empty text.');
    check(
      isTaskName(task),
      `unknown task ${describeValue(task)} (tasks: ${TASK_NAMES.join(', ')}).`,
    );
    check(
      isInteger(length, 1),
      `"length" must be a whole number ≥ 1, got ${describeValue(length)}.`,
    );
    check(
      cell === 'rnn' || cell === 'lstm' || cell === 'gru',
      `"cell" must be "rnn", "lstm" or "gru", got ${describeValue(cell)}.`,
    );
    const { hiddenSize: units, numLayers: depth } = LIMITS;
    check(
      isInteger(hiddenSize, units.min) && hiddenSize <= units.max,
      `"hiddenSize" must be a whole number from ${units.min} to ${units.max}, got ${describeValue(hiddenSize)}.`,
    );
    check(
      isInteger(numLayers, depth.min) && numLayers <= depth.max,
      `"numLayers" must be a whole number from ${depth.min} to ${depth.max}, got ${describeValue(numLayers)}.`,
    );
    check(
      isFraction(accuracy),
      `"accuracy" must be a number in [0, 1], got ${describeValue(accuracy)}.`,
    );
    check(isFraction(chance), `"chance" must be a number in [0, 1], got ${describeValue(chance)}.`);
    return {
      id: id as string,
      title: title as string,
      task: task as TaskName,
      length: length as number,
      cell: cell as CellType,
      hiddenSize: hiddenSize as number,
      numLayers: numLayers as number,
      accuracy: accuracy as number,
      chance: chance as number,
    };
  });
}

/** The index line of a model file. */
export function modelIndexEntry(file: ModelFile): ModelIndexEntry {
  return {
    id: file.id,
    title: file.title,
    task: file.task.name,
    length: file.task.length as number,
    cell: file.spec.cell,
    hiddenSize: file.spec.hiddenSize,
    numLayers: file.spec.numLayers,
    accuracy: file.metrics.accuracy,
    chance: file.metrics.chance,
  };
}
