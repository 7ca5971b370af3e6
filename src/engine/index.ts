/**
 * Gatescope's numerical engine: RNN, LSTM and GRU forward passes with full traces,
 * backpropagation through time and exact Jacobian norms, in float64, with PyTorch's
 * parameter names and equations. Pure TypeScript; imports nothing outside this folder.
 * See ../../README.md ("The engine") and NOTES.md for the conventions.
 */
export { createModel, toStateDict } from './model';
export { initParams, type InitOptions } from './init';
export { forward } from './forward';
export { backward } from './backward';
export { jacobianNorms } from './jacobian';
export { parameterCount, parameterShapes, GATE_BLOCKS, MAX_LAYERS, type ParamShape } from './spec';
export { sigmoid } from './activations';
export { Random } from './random';
export type {
  CellType,
  FullModelSpec,
  GateName,
  GruConvention,
  GruGate,
  LayerParams,
  LayerTrace,
  LstmGate,
  Model,
  ModelSpec,
  Nonlinearity,
  Rows,
  RnnGate,
  StateDict,
  Trace,
  Gradients,
} from './types';
