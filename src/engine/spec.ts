import { EngineInputError } from './errors';
import type { CellType, FullModelSpec, ModelSpec, RecurrentActivation } from './types';

/** Row blocks per weight matrix, G: rnn 1, lstm 4 (i f g o), gru 3 (r z n). */
export const GATE_BLOCKS: Readonly<Record<CellType, number>> = { rnn: 1, lstm: 4, gru: 3 };

/*
 * The engine's limits. Each is generous for the real model files an importer meets (the
 * largest in the collection of 33 public RNN/LSTM/GRU files we test against: 256 units,
 * 300 input features, 32 stacked layers, 876 k recurrent parameters, read-outs of 262).
 * Together they bound what one call may allocate to a few hundred MB, and they are checked
 * before anything is allocated: without them a hidden size of 10 000 ran out of memory
 * after 3.5 minutes, and T = 10⁷ ran 91 s. (Time is bounded, not small: a forward pass
 * at MAX_TRACE_VALUES costs about that many times (in + H) multiply-adds.) The page's
 * own controls stop far below (src/scene/limits.ts; tests/scene/limits.test.ts).
 */

/** Units per layer, H: 4× the widest real model (256). */
export const MAX_HIDDEN_SIZE = 1024;

/** Input features per step, I: a one-hot vocabulary of 4096 symbols (real models: ≤ 300). */
export const MAX_INPUT_SIZE = 4096;

/** Layers a model may stack: twice the deepest real model (a 32-layer GRU). */
export const MAX_LAYERS = 64;

/**
 * Scalars in the recurrent layers, Σ G·H·(in + H + 2): every float32 parameter a file at
 * the importer's 100 MiB cap can hold (100 · 2²⁰ / 4), so no file the importer reads is
 * refused for its size here; 210 MB as float64. A 3-layer bidirectional LSTM with 512
 * units on 300 features has 15.8 M; the largest real model 876 k.
 */
export const MAX_PARAMETERS = 26_214_400;

/** Steps T of one sequence (forward, and the text `encodeText` turns into steps). */
export const MAX_STEPS = 100_000;

/**
 * Gate values one forward pass records, T · numLayers · G · H (each kept before and after
 * its activation, so the trace holds about twice as many float64: ≈ 260 MB at the limit).
 */
export const MAX_TRACE_VALUES = 16_000_000;

/** Read-out size O of a head: like {@link MAX_INPUT_SIZE}, a vocabulary of 4096 (real: ≤ 262). */
export const MAX_OUTPUT_SIZE = 4096;

/** The shape of one parameter: [rows][cols] for a matrix, [rows] for a vector. */
export interface ParamShape {
  readonly name: string;
  /** Stacked layer k. */
  readonly layer: number;
  /** 0 forward, 1 reverse (the `_reverse` parameters of a bidirectional layer). */
  readonly direction: 0 | 1;
  /** Where its parameters sit in `Model.layers`: layer·D + direction. */
  readonly index: number;
  readonly kind: 'weight_ih' | 'weight_hh' | 'bias_ih' | 'bias_hh' | 'weight_hr';
  readonly rows: number;
  /** Columns for a matrix; undefined for a bias vector. */
  readonly cols?: number;
}

const isIntIn = (n: unknown, max: number): n is number =>
  Number.isInteger(n) && (n as number) >= 1 && (n as number) <= max;

/** Refuses a size that is not an integer from 1 to `max`, naming the field and the limit. */
function checkSize(field: string, value: unknown, max: number, limit: string): void {
  if (!isIntIn(value, max)) {
    throw new EngineInputError(
      `ModelSpec.${field}: expected an integer from 1 to ${max} (${limit}), got ${describeSize(value)}.`,
    );
  }
}

/** A size as an error message prints it: numbers as they are, anything else quoted. */
function describeSize(value: unknown): string {
  return typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
}

/**
 * Checks a spec and fills in its defaults (tanh, pytorch, one direction, no projection,
 * sigmoid gates). Throws an {@link EngineInputError} that names the field and the allowed
 * values: sizes are integers up to MAX_INPUT_SIZE, MAX_HIDDEN_SIZE and MAX_LAYERS; projSize
 * an integer 0 ≤ P < hiddenSize, for an lstm only; recurrentActivation for lstm and gru
 * only; and the parameter count at most MAX_PARAMETERS (checked before anything is allocated).
 */
export function normalizeSpec(spec: ModelSpec): FullModelSpec {
  if (spec === null || typeof spec !== 'object') {
    throw new EngineInputError('ModelSpec: expected an object.');
  }
  const { cell, inputSize, hiddenSize, numLayers } = spec;
  if (cell !== 'rnn' && cell !== 'lstm' && cell !== 'gru') {
    throw new EngineInputError(
      `ModelSpec.cell: expected 'rnn', 'lstm' or 'gru', got ${JSON.stringify(cell)}.`,
    );
  }
  checkSize('inputSize', inputSize, MAX_INPUT_SIZE, 'MAX_INPUT_SIZE');
  checkSize('hiddenSize', hiddenSize, MAX_HIDDEN_SIZE, 'MAX_HIDDEN_SIZE');
  checkSize('numLayers', numLayers, MAX_LAYERS, 'MAX_LAYERS');
  const nonlinearity = spec.nonlinearity ?? 'tanh';
  if (nonlinearity !== 'tanh' && nonlinearity !== 'relu') {
    throw new EngineInputError(
      `ModelSpec.nonlinearity: expected 'tanh' or 'relu', got ${JSON.stringify(nonlinearity)}.`,
    );
  }
  const convention = spec.convention ?? 'pytorch';
  if (convention !== 'pytorch' && convention !== 'classic') {
    throw new EngineInputError(
      `ModelSpec.convention: expected 'pytorch' or 'classic', got ${JSON.stringify(convention)}.`,
    );
  }
  const bidirectional = spec.bidirectional ?? false;
  if (bidirectional !== false && bidirectional !== true) {
    throw new EngineInputError(
      `ModelSpec.bidirectional: expected true or false, got ${describeSize(bidirectional)}.`,
    );
  }
  const projSize = spec.projSize ?? 0;
  if (projSize !== 0) {
    if (cell !== 'lstm') {
      throw new EngineInputError(
        `ModelSpec.projSize: projections exist for an lstm only (PyTorch's proj_size); this is a ${cell}, so it must be 0, got ${describeSize(projSize)}.`,
      );
    }
    if (!Number.isInteger(projSize) || projSize < 0 || projSize >= hiddenSize) {
      throw new EngineInputError(
        `ModelSpec.projSize: expected an integer from 0 to ${hiddenSize - 1} (below hiddenSize, as PyTorch requires), got ${describeSize(projSize)}.`,
      );
    }
  }
  const recurrentActivation = spec.recurrentActivation ?? 'sigmoid';
  if (!RECURRENT_ACTIVATIONS.includes(recurrentActivation)) {
    throw new EngineInputError(
      `ModelSpec.recurrentActivation: expected ${RECURRENT_ACTIVATIONS.map((a) => `'${a}'`).join(', ')}, got ${describeSize(recurrentActivation)}.`,
    );
  }
  if (recurrentActivation !== 'sigmoid' && cell === 'rnn') {
    throw new EngineInputError(
      `ModelSpec.recurrentActivation: an rnn has no sigmoid gates, so it must be 'sigmoid' (the default), got '${recurrentActivation}'.`,
    );
  }
  const full = {
    cell,
    inputSize,
    hiddenSize,
    numLayers,
    nonlinearity,
    convention,
    bidirectional,
    projSize,
    recurrentActivation,
  };
  const count = countParameters(full);
  if (count > MAX_PARAMETERS) {
    const shape = `${bidirectional ? 'bidirectional ' : ''}${cell}${projSize ? ` (projSize ${projSize})` : ''}`;
    throw new EngineInputError(
      `ModelSpec: a ${numLayers}-layer ${shape} with inputSize ${inputSize} and hiddenSize ${hiddenSize} has ${count} parameters; the engine's limit is ${MAX_PARAMETERS} (MAX_PARAMETERS).`,
    );
  }
  return full;
}

/** The values `ModelSpec.recurrentActivation` may take. */
const RECURRENT_ACTIVATIONS: readonly unknown[] = [
  'sigmoid',
  'hard_sigmoid_keras2',
  'hard_sigmoid_keras3',
] satisfies RecurrentActivation[];

/** Direction indices: 0 forward, 1 reverse. */
const DIRECTIONS: readonly (0 | 1)[] = [0, 1];

/** Directions per layer, D: 2 for a bidirectional spec, else 1. */
export function directionCount(spec: Pick<FullModelSpec, 'bidirectional'>): 1 | 2 {
  return spec.bidirectional ? 2 : 1;
}

/** Entries of each h (outputs, hT, h0 rows), H': projSize when > 0, else hiddenSize. */
export function stateSize(spec: Pick<FullModelSpec, 'projSize' | 'hiddenSize'>): number {
  return spec.projSize > 0 ? spec.projSize : spec.hiddenSize;
}

/** Entries of each output row (what a read-out head reads), D·H'. */
export function outputWidth(
  spec: Pick<FullModelSpec, 'bidirectional' | 'projSize' | 'hiddenSize'>,
): number {
  return directionCount(spec) * stateSize(spec);
}

/** Σ over layers and directions of G·H·(in + H' + 2) + P·H, for sizes already checked. */
function countParameters(spec: FullModelSpec): number {
  const { inputSize: I, hiddenSize: H, numLayers: L, projSize: P } = spec;
  const G = GATE_BLOCKS[spec.cell];
  const D = directionCount(spec);
  const hS = stateSize(spec);
  const perDirection = (inSize: number) => G * H * (inSize + hS + 2) + P * H;
  return D * (perDirection(I) + (L - 1) * perDirection(D * hS));
}

/**
 * Every parameter of a model in PyTorch's `state_dict` order (layer by layer; in each, the
 * forward direction then `_reverse`; in each, weight_ih, weight_hh, bias_ih, bias_hh, then
 * weight_hr with a projection), with its shape. Checks the spec as {@link normalizeSpec}
 * does (so a bad or oversized spec is refused, not looped over).
 */
export function parameterShapes(spec: ModelSpec): ParamShape[] {
  const full = normalizeSpec(spec);
  const G = GATE_BLOCKS[full.cell];
  const H = full.hiddenSize;
  const D = directionCount(full);
  const hS = stateSize(full);
  const shapes: ParamShape[] = [];
  for (let layer = 0; layer < full.numLayers; layer++) {
    const inSize = layer === 0 ? full.inputSize : D * hS;
    for (const direction of DIRECTIONS.slice(0, D)) {
      const at = { layer, direction, index: layer * D + direction };
      const suffix = `l${layer}${direction === 1 ? '_reverse' : ''}`;
      shapes.push(
        { name: `weight_ih_${suffix}`, ...at, kind: 'weight_ih', rows: G * H, cols: inSize },
        { name: `weight_hh_${suffix}`, ...at, kind: 'weight_hh', rows: G * H, cols: hS },
        { name: `bias_ih_${suffix}`, ...at, kind: 'bias_ih', rows: G * H },
        { name: `bias_hh_${suffix}`, ...at, kind: 'bias_hh', rows: G * H },
      );
      if (full.projSize > 0) {
        shapes.push({ name: `weight_hr_${suffix}`, ...at, kind: 'weight_hr', rows: hS, cols: H });
      }
    }
  }
  return shapes;
}

/** "[32][8]" or "[32]": a shape as the error messages print it. */
export function formatShape(shape: Pick<ParamShape, 'rows' | 'cols'>): string {
  return shape.cols === undefined ? `[${shape.rows}]` : `[${shape.rows}][${shape.cols}]`;
}

/**
 * Number of scalar parameters: Σ over layers and directions of G·H·(in + H' + 2), plus P·H
 * per projection. Checks the spec.
 */
export function parameterCount(spec: ModelSpec): number {
  return countParameters(normalizeSpec(spec));
}
