import { readMatrix, readVector, rowViews, toNested } from './arrays';
import { EngineInputError } from './errors';
import { drawParams, initParams, type InitOptions } from './init';
import {
  directionCount,
  formatShape,
  normalizeSpec,
  parameterShapes,
  stateSize,
  type ParamShape,
} from './spec';
import type {
  FullModelSpec,
  LayerParams,
  Model,
  ModelSpec,
  StateDict,
  StateDictLike,
} from './types';

/**
 * Builds a model from a spec and PyTorch-named parameters (a `state_dict` dumped to
 * JSON loads as it is). With `params` omitted (undefined), uses `initParams(spec, { seed: 0 })`;
 * `null` or any other non-object is refused, never read as "omitted". Throws an
 * {@link EngineInputError} on a spec beyond the engine's limits (see ./spec), and one naming
 * the parameter and its expected shape on a missing or unknown name, a wrong shape, or a
 * value that is not a finite number. Copies the numbers: later changes to `params` do
 * not reach the model.
 */
export function createModel(spec: ModelSpec, params?: StateDictLike): Model {
  const full = normalizeSpec(spec);
  const dict: unknown = params === undefined ? initParams(full, { seed: 0 }) : params;
  if (dict === null || typeof dict !== 'object' || Array.isArray(dict)) {
    throw new EngineInputError(
      `createModel: params must be an object of PyTorch-named parameters (or omitted for seed-0 weights), got ${dict === null ? 'null' : Array.isArray(dict) ? 'an array' : typeof dict}.`,
    );
  }
  const shapes = parameterShapes(full);
  const known = new Set(shapes.map((s) => s.name));
  for (const name of Object.keys(dict)) {
    if (!known.has(name)) {
      throw new EngineInputError(
        `createModel: unknown parameter "${name}" for a ${full.numLayers}-layer ${full.cell}; expected exactly: ${[...known].join(', ')}.`,
      );
    }
  }
  return assemble(
    full,
    shapes.map((shape) => [shape, readParam(dict as StateDictLike, shape)] as const),
  );
}

/**
 * A model of fresh parameters: `createModel(spec, initParams(spec, opts))`, the same numbers
 * to the last bit, built straight from the drawn buffers (no nested arrays to make, read
 * back and check): a weight-scale drag builds one per position.
 */
export function initModel(spec: ModelSpec, opts: InitOptions): Model {
  const full = normalizeSpec(spec);
  return assemble(full, drawParams(full, opts));
}

/** The frozen model of a full spec from each parameter's flat buffer, by shape. */
function assemble(
  full: FullModelSpec,
  params: readonly (readonly [ParamShape, Float64Array])[],
): Model {
  const D = directionCount(full);
  const hSize = stateSize(full);
  // One block per layer and direction, in h_n order: the shapes list them in that order.
  const blocks: Partial<Record<ParamShape['kind'], Float64Array>>[] = [];
  for (const [shape, values] of params) (blocks[shape.index] ??= {})[shape.kind] = values;
  const layers: LayerParams[] = blocks.map((b, index) =>
    Object.freeze({
      inSize: index < D ? full.inputSize : D * hSize,
      H: full.hiddenSize,
      hSize,
      W_ih: b.weight_ih as Float64Array,
      W_hh: b.weight_hh as Float64Array,
      b_ih: b.bias_ih as Float64Array,
      b_hh: b.bias_hh as Float64Array,
      W_hr: b.weight_hr ?? null,
    }),
  );
  return Object.freeze({ spec: Object.freeze(full), layers: Object.freeze(layers) });
}

/**
 * Throws an {@link EngineInputError} unless `model` has the shape `createModel` gives
 * (a spec and one parameter block per layer): `what` names the caller. Cheap; the
 * numbers themselves were checked when the model was built.
 */
export function checkModel(model: unknown, what: string): asserts model is Model {
  const m = model as Partial<Model> | null;
  const ok =
    typeof m === 'object' &&
    m !== null &&
    typeof m.spec === 'object' &&
    m.spec !== null &&
    Array.isArray(m.layers) &&
    m.layers.length === m.spec.numLayers * (m.spec.bidirectional ? 2 : 1);
  if (!ok) {
    throw new EngineInputError(`${what}: model must be a model made by createModel.`);
  }
}

/** The model's parameters as a fresh PyTorch-style `state_dict` of plain arrays. */
export function toStateDict(model: Model): StateDict {
  checkModel(model, 'toStateDict');
  const dict: StateDict = {};
  for (const shape of parameterShapes(model.spec)) {
    dict[shape.name] = toNested(paramBuffer(model, shape), shape.rows, shape.cols);
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
  checkModel(model, 'stateDictViews');
  const dict: Record<string, ArrayLike<number> | readonly ArrayLike<number>[]> = {};
  for (const shape of parameterShapes(model.spec)) {
    const buffer = paramBuffer(model, shape);
    const { rows, cols } = shape;
    dict[shape.name] = cols === undefined ? buffer : rowViews(buffer, rows, cols, 0, cols);
  }
  return Object.freeze(dict);
}

/** The flat buffer of the parameter `shape` names (one of `parameterShapes(model.spec)`). */
export function paramBuffer(model: Model, shape: ParamShape): Float64Array {
  return layerBuffer(model.layers[shape.index] as LayerParams, shape.kind);
}

/** The flat buffer of one parameter of a layer (weight_hr: that of a projected lstm). */
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
    case 'weight_hr':
      return layer.W_hr as Float64Array;
  }
}

/** Reads, checks and flattens one named parameter. */
function readParam(dict: StateDictLike, shape: ParamShape): Float64Array {
  const { name, rows, cols } = shape;
  const value = Object.hasOwn(dict, name) ? (dict[name] as unknown) : undefined;
  if (value === undefined) {
    throw new EngineInputError(
      `createModel: missing parameter "${name}" (expected shape ${formatShape(shape)}).`,
    );
  }
  const what = `createModel: parameter "${name}"`;
  return cols === undefined ? readVector(value, rows, what) : readMatrix(value, rows, cols, what);
}
