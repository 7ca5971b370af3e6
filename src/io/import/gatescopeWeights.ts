/**
 * The spec of a PyTorch-named state dict, inferred from its names and shapes alone, as
 * Gatescope's **Export weights** writes it (`weight_ih_l{k}` [G·H][in], `weight_hh_l{k}`
 * [G·H][H], `bias_ih_l{k}`, `bias_hh_l{k}`, `…_reverse`, `weight_hr_l{k}` [P][H], and
 * 'head.weight' [O][H_out], 'head.bias' [O]). The cell comes from the row count (G·H:
 * 4H lstm, 3H gru, H rnn), never from a name.
 */
import {
  EngineInputError,
  MAX_LAYERS,
  parameterShapes,
  type CellType,
  type ModelSpec,
  type ParamShape,
  type StateDict,
} from '../../engine';
import { ImportError } from './types';

const PARAM = /^(weight_ih|weight_hh|bias_ih|bias_hh|weight_hr)_l(\d+)(_reverse)?$/;
const CELL_OF_BLOCKS: Record<number, CellType> = { 1: 'rnn', 3: 'gru', 4: 'lstm' };

/** A state dict's recurrent spec and its head, split apart. */
export interface InferredWeights {
  spec: ModelSpec;
  params: StateDict;
  head?: { weight: number[][]; bias: number[] };
}

const isRow = (v: unknown): v is number[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x));

/** [rows, cols] of a matrix of finite numbers, or [length] of a vector; null otherwise. */
function shapeOf(value: unknown): number[] | null {
  if (isRow(value)) return [value.length];
  if (!Array.isArray(value) || value.length === 0 || !value.every(isRow)) return null;
  const cols = (value[0] as number[]).length;
  return value.every((row: number[]) => row.length === cols) ? [value.length, cols] : null;
}

const showShape = (shape: readonly number[] | null) =>
  shape ? `[${shape.join('][')}]` : 'not an array of finite numbers';

/**
 * Infers cell, sizes, layers, bidirectional and projSize from `dict`'s names and shapes,
 * and checks every tensor's shape against them. Throws an ImportError (message without the
 * file name) naming the unknown key, the missing tensor, or the tensor whose shape is off.
 */
export function inferWeights(dict: Record<string, unknown>): InferredWeights {
  const names = Object.keys(dict);
  const unknown = names.filter((n) => !PARAM.test(n) && n !== 'head.weight' && n !== 'head.bias');
  if (unknown.length > 0) {
    const shown = unknown
      .slice(0, 6)
      .map((n) => JSON.stringify(n))
      .join(', ');
    throw new ImportError(
      `PyTorch-named weights, but ${unknown.length === 1 ? 'a key' : 'keys'} Gatescope does not know: ${shown}${unknown.length > 6 ? ', …' : ''}.`,
    );
  }
  const found = new Map(names.map((n) => [n, shapeOf(dict[n])]));
  const get = (name: string): number[] => {
    if (!found.has(name)) throw new ImportError(`no "${name}" among the weights.`);
    const shape = found.get(name)!;
    if (!shape) throw new ImportError(`"${name}" is ${showShape(shape)}.`);
    return shape;
  };
  const layers = names.reduce((n, name) => Math.max(n, 1 + Number(PARAM.exec(name)?.[2] ?? -1)), 0);
  if (layers === 0) throw new ImportError('no recurrent weights (weight_ih_l0, weight_hh_l0, …).');
  if (layers > MAX_LAYERS) {
    throw new ImportError(`weights for ${layers} layers; Gatescope runs up to ${MAX_LAYERS}.`);
  }
  const bidirectional = names.some((n) => n.endsWith('_reverse'));
  const hr = found.has('weight_hr_l0') ? get('weight_hr_l0') : null;
  const hh = get('weight_hh_l0');
  const H = hr ? hr[1]! : hh[1]!;
  const P = hr ? hr[0]! : 0;
  const cell =
    hh.length === 2 && H > 0 && hh[0]! % H === 0 ? CELL_OF_BLOCKS[hh[0]! / H] : undefined;
  if (!cell || (P > 0 && cell !== 'lstm')) {
    throw new ImportError(
      `weight_hh_l0 is ${showShape(hh)}: its rows should be H (rnn), 3H (gru) or 4H (lstm) for H = ${H}.`,
    );
  }
  const D = bidirectional ? 2 : 1;
  const out = P || H;
  const inputSize = get('weight_ih_l0')[1] ?? 0;
  const spec: ModelSpec = { cell, inputSize, hiddenSize: H, numLayers: layers };
  if (bidirectional) spec.bidirectional = true;
  if (P) spec.projSize = P;
  // The names and shapes such a model has: the engine's own list (one source of truth).
  let shapes: ParamShape[];
  try {
    shapes = parameterShapes(spec);
  } catch (error) {
    if (error instanceof EngineInputError) throw new ImportError(error.message);
    throw error;
  }
  const expected = new Set(shapes.map((shape) => shape.name));
  const params: StateDict = {};
  for (const shape of shapes) {
    const got = get(shape.name);
    const want = shape.cols === undefined ? [shape.rows] : [shape.rows, shape.cols];
    if (showShape(got) !== showShape(want)) {
      throw new ImportError(
        `"${shape.name}" is ${showShape(got)}; expected ${showShape(want)} for a ${cell} of H = ${H}.`,
      );
    }
    params[shape.name] = dict[shape.name] as number[] | number[][];
  }
  const extra = names.find((n) => PARAM.test(n) && !expected.has(n));
  if (extra) throw new ImportError(`"${extra}" does not belong to a ${layers}-layer ${cell}.`);

  const result: InferredWeights = { spec, params };
  if (found.has('head.weight') || found.has('head.bias')) {
    const w = get('head.weight');
    const b = get('head.bias');
    if (w.length !== 2 || w[1] !== D * out || b.length !== 1 || b[0] !== w[0]) {
      throw new ImportError(
        `the head is weight ${showShape(w)}, bias ${showShape(b)}; expected [O][${D * out}] and [O].`,
      );
    }
    result.head = {
      weight: dict['head.weight'] as number[][],
      bias: dict['head.bias'] as number[],
    };
  }
  return result;
}
