import { EngineInputError } from '../errors';
import { describe, toNested } from '../arrays';
import { checkModel, createModel, paramBuffer } from '../model';
import { MAX_OUTPUT_SIZE, normalizeSpec, outputWidth, parameterShapes } from '../spec';
import type { FullModelSpec, Model, ModelSpec, StateDict } from '../types';
import { createHead, HEAD_BIAS, HEAD_WEIGHT, type Head } from './head';

/** One named parameter inside the flat vector: entries offset … offset + rows·(cols ?? 1) − 1, row-major. */
export interface FlatEntry {
  /** PyTorch name: 'weight_ih_l0' …, 'head.weight', 'head.bias'. */
  readonly name: string;
  readonly offset: number;
  readonly rows: number;
  /** Columns for a matrix; undefined for a vector. */
  readonly cols?: number;
}

/**
 * Where every parameter of a model and its head sits in one flat Float64Array: the RNN's
 * parameters in PyTorch's `state_dict` order (from `parameterShapes`), then 'head.weight'
 * [O][H] and 'head.bias' [O]. Optimisers, clipping and gradients all use this order.
 */
export interface ParamLayout {
  readonly spec: Readonly<FullModelSpec>;
  /** Read-out size O of the head. */
  readonly outputSize: number;
  readonly entries: readonly FlatEntry[];
  /** Total scalars, n. */
  readonly size: number;
}

/** The flat layout of a `spec` model with an O-output head. */
export function paramLayout(spec: ModelSpec, outputSize: number): ParamLayout {
  const full = normalizeSpec(spec);
  if (!Number.isInteger(outputSize) || outputSize < 1 || outputSize > MAX_OUTPUT_SIZE) {
    throw new EngineInputError(
      `paramLayout: outputSize must be an integer from 1 to ${MAX_OUTPUT_SIZE} (MAX_OUTPUT_SIZE), got ${outputSize}.`,
    );
  }
  const entries: FlatEntry[] = [];
  let offset = 0;
  const add = (name: string, rows: number, cols?: number) => {
    entries.push(cols === undefined ? { name, offset, rows } : { name, offset, rows, cols });
    offset += rows * (cols ?? 1);
  };
  for (const shape of parameterShapes(full)) add(shape.name, shape.rows, shape.cols);
  add(HEAD_WEIGHT, outputSize, outputWidth(full));
  add(HEAD_BIAS, outputSize);
  return Object.freeze({
    spec: Object.freeze(full),
    outputSize,
    entries: Object.freeze(entries),
    size: offset,
  });
}

/** Every parameter of `model` and `head` in one fresh vector [layout.size], in {@link paramLayout} order. */
export function flattenParams(model: Model, head: Head): Float64Array {
  checkHeadFits(model, head, 'flattenParams');
  const layout = paramLayout(model.spec, head.O);
  const theta = new Float64Array(layout.size);
  let offset = 0;
  for (const shape of parameterShapes(model.spec)) {
    const buffer = paramBuffer(model, shape);
    theta.set(buffer, offset);
    offset += buffer.length;
  }
  theta.set(head.weight, offset);
  theta.set(head.bias, offset + head.weight.length);
  return theta;
}

/**
 * A Model and a Head from a flat vector θ [layout.size], through `createModel` and
 * `createHead` (so a non-finite entry throws, naming its parameter). Copies θ.
 */
export function unflattenParams(
  layout: ParamLayout,
  theta: Float64Array,
): { model: Model; head: Head } {
  if (typeof layout !== 'object' || layout === null || !Array.isArray(layout.entries)) {
    throw new EngineInputError('unflattenParams: layout must come from paramLayout.');
  }
  if (!(theta instanceof Float64Array) || theta.length !== layout.size) {
    throw new EngineInputError(
      `unflattenParams: theta has ${describe(theta)}; the layout needs a Float64Array of ${layout.size}.`,
    );
  }
  const dict = toStateDict(layout, theta);
  const { [HEAD_WEIGHT]: weight, [HEAD_BIAS]: bias, ...rnn } = dict;
  return {
    model: createModel(layout.spec, rnn),
    head: createHead(weight as number[][], bias as number[]),
  };
}

/** θ as a `state_dict` of nested arrays, under the layout's names (head included). */
function toStateDict(layout: ParamLayout, theta: Float64Array): StateDict {
  const dict: StateDict = {};
  for (const { name, offset, rows, cols } of layout.entries) {
    dict[name] = toNested(theta.subarray(offset, offset + rows * (cols ?? 1)), rows, cols);
  }
  return dict;
}

/**
 * flat[entry] += scale · dict[entry.name] for every RNN entry of the layout (the head
 * entries are skipped): adds a `backward` result's `params` into a flat gradient.
 */
export function addStateDict(
  flat: Float64Array,
  layout: ParamLayout,
  dict: StateDict,
  scale = 1,
): void {
  for (const { name, offset, rows, cols } of layout.entries) {
    if (name === HEAD_WEIGHT || name === HEAD_BIAS) continue;
    const value = dict[name];
    if (value === undefined) throw new Error(`addStateDict: missing parameter "${name}".`);
    if (cols === undefined) {
      const v = value as number[];
      for (let r = 0; r < rows; r++) flat[offset + r] = flat[offset + r]! + scale * v[r]!;
    } else {
      const m = value as number[][];
      for (let r = 0; r < rows; r++) {
        const row = m[r]!;
        const base = offset + r * cols;
        for (let c = 0; c < cols; c++) flat[base + c] = flat[base + c]! + scale * row[c]!;
      }
    }
  }
}

/**
 * Throws unless `model` and `head` are what the engine made, and the head reads the model's
 * outputs (D·H' wide).
 */
export function checkHeadFits(model: Model, head: Head, what: string): void {
  checkModel(model, what);
  const h = head as Partial<Head> | null;
  if (typeof h !== 'object' || h === null || !(h.weight instanceof Float64Array)) {
    throw new EngineInputError(`${what}: head must be a head made by createHead or initHead.`);
  }
  const width = outputWidth(model.spec);
  if (head.H !== width) {
    const has =
      width === model.spec.hiddenSize
        ? `hiddenSize ${width}`
        : `outputs of ${width} (directions × projSize or hiddenSize)`;
    throw new EngineInputError(`${what}: the head reads ${head.H} units; the model has ${has}.`);
  }
}

/** The offset of an entry in the layout; throws when absent. */
export function offsetOf(layout: ParamLayout, name: string): number {
  const entry = layout.entries.find((e) => e.name === name);
  if (!entry) throw new Error(`paramLayout has no parameter "${name}".`);
  return entry.offset;
}
