import type { CellType, FullModelSpec, ModelSpec } from './types';

/** Row blocks per weight matrix, G: rnn 1, lstm 4 (i f g o), gru 3 (r z n). */
export const GATE_BLOCKS: Readonly<Record<CellType, number>> = { rnn: 1, lstm: 4, gru: 3 };

/** Layers a model may stack. */
export const MAX_LAYERS = 4;

/** The shape of one parameter: [rows][cols] for a matrix, [rows] for a vector. */
export interface ParamShape {
  readonly name: string;
  readonly layer: number;
  readonly kind: 'weight_ih' | 'weight_hh' | 'bias_ih' | 'bias_hh';
  readonly rows: number;
  /** Columns for a matrix; undefined for a bias vector. */
  readonly cols?: number;
}

const isPositiveInt = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 1;

/**
 * Checks a spec and fills in its defaults (tanh, pytorch). Throws an Error that names
 * the field and the allowed values.
 */
export function normalizeSpec(spec: ModelSpec): FullModelSpec {
  if (spec === null || typeof spec !== 'object') throw new Error('ModelSpec: expected an object.');
  const { cell, inputSize, hiddenSize, numLayers } = spec;
  if (cell !== 'rnn' && cell !== 'lstm' && cell !== 'gru') {
    throw new Error(
      `ModelSpec.cell: expected 'rnn', 'lstm' or 'gru', got ${JSON.stringify(cell)}.`,
    );
  }
  if (!isPositiveInt(inputSize)) {
    throw new Error(`ModelSpec.inputSize: expected an integer ≥ 1, got ${String(inputSize)}.`);
  }
  if (!isPositiveInt(hiddenSize)) {
    throw new Error(`ModelSpec.hiddenSize: expected an integer ≥ 1, got ${String(hiddenSize)}.`);
  }
  if (!isPositiveInt(numLayers) || numLayers > MAX_LAYERS) {
    throw new Error(
      `ModelSpec.numLayers: expected an integer from 1 to ${MAX_LAYERS}, got ${String(numLayers)}.`,
    );
  }
  const nonlinearity = spec.nonlinearity ?? 'tanh';
  if (nonlinearity !== 'tanh' && nonlinearity !== 'relu') {
    throw new Error(
      `ModelSpec.nonlinearity: expected 'tanh' or 'relu', got ${JSON.stringify(nonlinearity)}.`,
    );
  }
  const convention = spec.convention ?? 'pytorch';
  if (convention !== 'pytorch' && convention !== 'classic') {
    throw new Error(
      `ModelSpec.convention: expected 'pytorch' or 'classic', got ${JSON.stringify(convention)}.`,
    );
  }
  return { cell, inputSize, hiddenSize, numLayers, nonlinearity, convention };
}

/** Every parameter of a model in PyTorch's `state_dict` order, with its shape. */
export function parameterShapes(spec: FullModelSpec): ParamShape[] {
  const G = GATE_BLOCKS[spec.cell];
  const H = spec.hiddenSize;
  const shapes: ParamShape[] = [];
  for (let layer = 0; layer < spec.numLayers; layer++) {
    const inSize = layer === 0 ? spec.inputSize : H;
    shapes.push(
      { name: `weight_ih_l${layer}`, layer, kind: 'weight_ih', rows: G * H, cols: inSize },
      { name: `weight_hh_l${layer}`, layer, kind: 'weight_hh', rows: G * H, cols: H },
      { name: `bias_ih_l${layer}`, layer, kind: 'bias_ih', rows: G * H },
      { name: `bias_hh_l${layer}`, layer, kind: 'bias_hh', rows: G * H },
    );
  }
  return shapes;
}

/** "[32][8]" or "[32]": a shape as the error messages print it. */
export function formatShape(shape: Pick<ParamShape, 'rows' | 'cols'>): string {
  return shape.cols === undefined ? `[${shape.rows}]` : `[${shape.rows}][${shape.cols}]`;
}

/** Number of scalar parameters: Σ over layers of G·H·(in + H + 2). */
export function parameterCount(spec: ModelSpec): number {
  return parameterShapes(normalizeSpec(spec)).reduce((n, s) => n + s.rows * (s.cols ?? 1), 0);
}
