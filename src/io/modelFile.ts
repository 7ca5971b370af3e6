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
  createModel,
  HEAD_BIAS,
  HEAD_WEIGHT,
  headToStateDict,
  makeTask,
  TASK_NAMES,
  MAX_LAYERS,
  splitStateDict,
  toStateDict,
  type CellType,
  type FullModelSpec,
  type Head,
  type InitOptions,
  type Model,
  type StateDict,
  type Task,
  type TaskName,
} from '../engine';

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

/** The task a model was trained on: its name and every generator parameter. */
export interface ModelTaskRecord {
  name: TaskName;
  [param: string]: number | string;
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
  spec: FullModelSpec;
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
  task: TaskName;
  /** Sequence length T the model was trained on. */
  length: number;
  cell: CellType;
  hiddenSize: number;
  numLayers: number;
  /** Held-out accuracy, as in the model file's metrics. */
  accuracy: number;
  chance: number;
}

/** What is wrong with a model file; `where` names the model when its id is known. */
class ModelFileError extends Error {
  constructor(where: string, message: string) {
    super(`${where}${message}`);
    this.name = 'ModelFileError';
  }
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** "an array", "null", "a string": what a JSON value is, for messages. */
function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (v === undefined) return 'missing';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/**
 * Reads and checks a model file (already parsed from JSON) and builds its model, head and
 * task. Throws an Error with a message for people when anything is wrong: not a Gatescope
 * model (wrong or missing format), a bad id or title, an invalid spec, an unknown task or
 * task parameter, a missing, unknown, misshapen or non-finite parameter, a head that does
 * not fit the hidden size or the task's outputs, an input size that is not the task's,
 * metrics, curve or training record out of range. Never returns a half-valid model.
 */
export function parseModelFile(json: unknown): LoadedModel {
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
  const check = (ok: boolean, message: string) => {
    if (!ok) throw new ModelFileError(where, message);
  };
  const { title } = json;
  check(typeof title === 'string' && title.trim() !== '', '"title" must be a non-empty text.');

  const spec = field(json, 'spec', where);
  const task = readTask(field(json, 'task', where), where);
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
      task: { name: task.name, ...task.params },
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
    check(
      isInteger(hiddenSize, 1),
      `"hiddenSize" must be a whole number ≥ 1, got ${describeValue(hiddenSize)}.`,
    );
    check(
      isInteger(numLayers, 1) && (numLayers as number) <= MAX_LAYERS,
      `"numLayers" must be a whole number from 1 to ${MAX_LAYERS}, got ${describeValue(numLayers)}.`,
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

const ID_RULE =
  'an id is lowercase letters and digits in words joined by single hyphens, e.g. "remember-first-50-lstm"';

/** A JSON value in a message: numbers and texts as written, other things by kind. */
function describeValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);
  if (typeof v === 'number') return String(v);
  return kind(v);
}

const isInteger = (v: unknown, min: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min;

const isFraction = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 1;

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

const isTaskName = (v: unknown): v is TaskName =>
  typeof v === 'string' && (TASK_NAMES as readonly string[]).includes(v);

const isSeed = (v: unknown): v is number => isInteger(v, 0) && v < 2 ** 32;

/** `json[name]`, which must be an object. */
function field(json: Json, name: string, where: string): Json {
  const value = json[name];
  if (!isObject(value)) {
    throw new ModelFileError(where, `"${name}" is ${describeValue(value)}; expected an object.`);
  }
  return value;
}

/** The task record: a known name and that task's parameters (checked by `makeTask`). */
function readTask(record: Json, where: string): Task {
  const { name, ...params } = record;
  if (!isTaskName(name)) {
    throw new ModelFileError(
      where,
      `unknown task ${describeValue(name)} in "task.name" (tasks: ${TASK_NAMES.join(', ')}).`,
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

/**
 * The recurrent model and the head from `spec` and `params`, checked against each other
 * and against the task: the engine's own checks name any bad parameter and its shape.
 */
function readModel(
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

function readMetrics(metrics: Json, where: string): ModelMetrics {
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

function readCurve(curve: unknown, where: string): number[] {
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

function readTraining(training: Json, where: string): ModelTraining {
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
function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^(createModel|createHead|splitStateDict): /, '');
}
