import { readMatrix, readVector, rowViews, toNested } from './arrays';
import { initParams } from './init';
import { formatShape, normalizeSpec, parameterShapes, type ParamShape } from './spec';
import type { LayerParams, Model, ModelSpec, StateDict, StateDictLike } from './types';

/**
 * Builds a model from a spec and PyTorch-named parameters (a `state_dict` dumped to
 * JSON loads as it is). With `params` omitted, uses `initParams(spec, { seed: 0 })`.
 * Throws an Error naming the parameter and its expected shape on a missing or unknown
 * name, a wrong shape, or a value that is not a finite number. Copies the numbers: later
 * changes to `params` do not reach the model.
 */
export function createModel(spec: ModelSpec, params?: StateDictLike): Model {
  const full = normalizeSpec(spec);
  const dict = params ?? initParams(full, { seed: 0 });
  if (dict === null || typeof dict !== 'object') {
    throw new Error('createModel: params must be an object of PyTorch-named parameters.');
  }
  const shapes = parameterShapes(full);
  const known = new Set(shapes.map((s) => s.name));
  for (const name of Object.keys(dict)) {
    if (!known.has(name)) {
      throw new Error(
        `createModel: unknown parameter "${name}" for a ${full.numLayers}-layer ${full.cell}; expected exactly: ${[...known].join(', ')}.`,
      );
    }
  }
  const flat = new Map<string, Float64Array>();
  for (const shape of shapes) flat.set(shape.name, readParam(dict, shape));
  const layers: LayerParams[] = [];
  for (let l = 0; l < full.numLayers; l++) {
    const W_ih = flat.get(`weight_ih_l${l}`) as Float64Array;
    layers.push(
      Object.freeze({
        inSize: l === 0 ? full.inputSize : full.hiddenSize,
        H: full.hiddenSize,
        W_ih,
        W_hh: flat.get(`weight_hh_l${l}`) as Float64Array,
        b_ih: flat.get(`bias_ih_l${l}`) as Float64Array,
        b_hh: flat.get(`bias_hh_l${l}`) as Float64Array,
      }),
    );
  }
  return Object.freeze({ spec: Object.freeze(full), layers: Object.freeze(layers) });
}

/** The model's parameters as a fresh PyTorch-style `state_dict` of plain arrays. */
export function toStateDict(model: Model): StateDict {
  const dict: StateDict = {};
  for (const shape of parameterShapes(model.spec)) {
    const layer = model.layers[shape.layer] as LayerParams;
    dict[shape.name] = toNested(layerBuffer(layer, shape.kind), shape.rows, shape.cols);
  }
  return dict;
}

/**
 * The model's parameters by `state_dict` name without copying them: vectors are the
 * model's own buffers, matrices frozen row views into them ([rows][cols]). For posting to
 * a worker, where the structured clone copies each buffer once: plain arrays
 * ({@link toStateDict}) cost an allocation per number there and here. Read only.
 */
export function stateDictViews(model: Model): StateDictLike {
  const dict: Record<string, ArrayLike<number> | readonly ArrayLike<number>[]> = {};
  for (const shape of parameterShapes(model.spec)) {
    const buffer = layerBuffer(model.layers[shape.layer] as LayerParams, shape.kind);
    const { rows, cols } = shape;
    dict[shape.name] = cols === undefined ? buffer : rowViews(buffer, rows, cols, 0, cols);
  }
  return Object.freeze(dict);
}

/** The flat buffer of one parameter of a layer. */
export function layerBuffer(layer: LayerParams, kind: ParamShape['kind']): Float64Array {
  switch (kind) {
    case 'weight_ih':
      return layer.W_ih;
    case 'weight_hh':
      return layer.W_hh;
    case 'bias_ih':
      return layer.b_ih;
    case 'bias_hh':
      return layer.b_hh;
  }
}

/** Reads, checks and flattens one named parameter. */
function readParam(dict: StateDictLike, shape: ParamShape): Float64Array {
  const { name, rows, cols } = shape;
  const value = dict[name] as unknown;
  if (value === undefined) {
    throw new Error(
      `createModel: missing parameter "${name}" (expected shape ${formatShape(shape)}).`,
    );
  }
  const what = `createModel: parameter "${name}"`;
  return cols === undefined ? readVector(value, rows, what) : readMatrix(value, rows, cols, what);
}
