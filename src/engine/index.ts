/**
 * Gatescope's numerical engine: RNN, LSTM and GRU forward passes with full traces,
 * backpropagation through time and exact Jacobian norms, in float64, with PyTorch's
 * parameter names and equations. Pure TypeScript; imports nothing outside this folder.
 * See ../../README.md ("The engine") and NOTES.md for the conventions.
 */
export { createModel, initModel, stateDictViews, toStateDict } from './model';
export { initParams, type InitOptions } from './init';
export { forward } from './forward';
export { checkInterventions, clampable, type ValueRange } from './interventions';
export { tracePayload, traceFromPayload, transferables, type TracePayload } from './transfer';
export { backward } from './backward';
export { jacobianNorms } from './jacobian';
export {
  directionCount,
  stateSize,
  outputWidth,
  parameterCount,
  parameterShapes,
  GATE_BLOCKS,
  MAX_HIDDEN_SIZE,
  MAX_INPUT_SIZE,
  MAX_LAYERS,
  MAX_OUTPUT_SIZE,
  MAX_PARAMETERS,
  MAX_STEPS,
  MAX_TRACE_VALUES,
  type ParamShape,
} from './spec';
export { EngineInputError } from './errors';
export { sigmoid } from './activations';
export { Random } from './random';
export type {
  CellType,
  FullModelSpec,
  GateName,
  GruConvention,
  GruGate,
  Intervention,
  LayerParams,
  LayerTrace,
  LstmGate,
  Model,
  ModelSpec,
  Nonlinearity,
  RecurrentActivation,
  Rows,
  RnnGate,
  StateDict,
  StateDictLike,
  Trace,
  Gradients,
} from './types';
export {
  createHead,
  initHead,
  headForward,
  headToStateDict,
  splitStateDict,
  HEAD_WEIGHT,
  HEAD_BIAS,
  type Head,
} from './training/head';
export { mseLoss, softmaxCrossEntropy, lossFor, type LossResult } from './training/losses';
export { Adam, type AdamOptions } from './training/adam';
export { clipGradNorm } from './training/clip';
export {
  paramLayout,
  flattenParams,
  unflattenParams,
  type FlatEntry,
  type ParamLayout,
} from './training/params';
export { lossAndGradients } from './training/gradients';
export { train, type TrainOptions, type TrainResult } from './training/train';
export { evaluate, type EvaluateOptions } from './training/evaluate';
export { Trainer, type TrainerOptions, type TrainerSnapshot } from './training/trainer';
export { BatchEngine, batchLossAndGradients, batchUnsupported } from './training/batch';
export { makeTask, TASK_NAMES, TASK_PARAMS, type TaskParams } from './tasks';
export { CORPUS_ALPHABET, encodeText } from './tasks/next-char';
export { CORPUS, CORPUS_SOURCE, normalizeText } from './tasks/corpus';
export type { ParamSpec, ParamTable } from './tasks/common';
export type { AddingParams } from './tasks/adding';
export type { NextCharParams } from './tasks/next-char';
export type { ParityParams } from './tasks/parity';
export type { RememberFirstParams } from './tasks/remember-first';
export type { SineNextParams } from './tasks/sine-next';
export type { LossName, ModelTaskName, Sample, Task, TaskName } from './tasks/types';
export {
  HELD_OUT_FRACTION,
  isNumbersTask,
  MAX_COLUMN_NAME,
  NUMBERS_PARAMS,
  NUMBERS_TOLERANCE,
  numbersTask,
  type NumbersData,
  type NumbersParams,
  type NumbersTable,
  type NumbersTask,
} from './tasks/numbers';
export { isCorrect, softmax } from './training/score';
export { argmax, wordList } from './tasks/common';
