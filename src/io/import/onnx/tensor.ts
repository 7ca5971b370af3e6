/**
 * The numbers of an ONNX tensor, decoded only when a mapped node needs them, and the
 * constants a node's input may come through (initializers, Constant nodes, Identity).
 */
import { ImportError } from '../types';
import type { OnnxGraph, OnnxNode, OnnxTensor } from './wire';

/** TensorProto.DataType names, for messages. */
const DATA_TYPES: Record<number, string> = {
  1: 'float32',
  2: 'uint8',
  3: 'int8',
  4: 'uint16',
  5: 'int16',
  6: 'int32',
  7: 'int64',
  8: 'string',
  9: 'bool',
  10: 'float16',
  11: 'float64',
  12: 'uint32',
  13: 'uint64',
  16: 'bfloat16',
};

/** Bytes per number in `raw_data` of the float types the importer reads. */
const FLOAT_BYTES: Record<number, number> = { 1: 4, 10: 2, 11: 8, 16: 2 };

/** The field that holds each float type's numbers when `raw_data` is not used. */
const DATA_FIELD: Record<number, number> = { 1: 4, 10: 5, 11: 10, 16: 5 };

/** A tensor's data type in words ("float32", "data type 99"). */
export function dataTypeName(dataType: number): string {
  return DATA_TYPES[dataType] ?? `data type ${dataType}`;
}

/** float16 bits as a number (exact). */
function half(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >> 10) & 0x1f;
  const frac = bits & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

/** bfloat16 bits as a number (exact): the high half of a float32. */
function bfloat(bits: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setUint32(0, (bits & 0xffff) << 16);
  return view.getFloat32(0);
}

/** Decodes `count` numbers of `dataType` from little-endian bytes. */
function fromBytes(bytes: Uint8Array, dataType: number, count: number, out: number[]): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let k = 0; k < count; k++) {
    if (dataType === 1) out.push(view.getFloat32(4 * k, true));
    else if (dataType === 11) out.push(view.getFloat64(8 * k, true));
    else if (dataType === 10) out.push(half(view.getUint16(2 * k, true)));
    else out.push(bfloat(view.getUint16(2 * k, true)));
  }
}

/** The number of elements `dims` describe; throws for a negative or absurd dim. */
export function elementCount(tensor: OnnxTensor): number {
  let count = 1;
  for (const d of tensor.dims) {
    if (!Number.isSafeInteger(d) || d < 0) {
      throw new ImportError(`tensor "${tensor.name}" has a dimension of ${d}.`);
    }
    count *= d;
  }
  if (!Number.isSafeInteger(count)) {
    throw new ImportError(`tensor "${tensor.name}" declares ${count} elements.`);
  }
  return count;
}

/**
 * The tensor's numbers as float64 (float32, float16, bfloat16 widened exactly), row-major.
 * Throws an ImportError for an external tensor, a non-float type, or a count of numbers
 * other than its dims say.
 */
export function tensorValues(tensor: OnnxTensor): number[] {
  const name = tensor.name === '' ? 'a tensor' : `tensor "${tensor.name}"`;
  if (tensor.external !== null) {
    throw new ImportError(
      `${name} is stored outside the .onnx file (external data "${tensor.external}"); Gatescope reads only self-contained files: save it with onnx.save(model, path, save_as_external_data=False).`,
    );
  }
  const size = FLOAT_BYTES[tensor.dataType];
  if (size === undefined) {
    throw new ImportError(
      `${name} holds ${dataTypeName(tensor.dataType)} numbers; expected float32, float64, float16 or bfloat16.`,
    );
  }
  const count = elementCount(tensor);
  const out: number[] = [];
  const mismatch = (found: number) =>
    new ImportError(
      `${name} has shape [${tensor.dims.join(', ')}] (${count} numbers) but holds ${found}.`,
    );
  if (tensor.raw !== undefined && tensor.raw.length > 0) {
    if (tensor.raw.length !== count * size) throw mismatch(tensor.raw.length / size);
    fromBytes(tensor.raw, tensor.dataType, count, out);
    return out;
  }
  const field = DATA_FIELD[tensor.dataType];
  for (const { field: f, bytes } of tensor.packed) {
    if (f !== field) continue;
    if (field === 5) {
      // float16/bfloat16 bits, one varint each: count them without trusting a length.
      let value = 0;
      let shift = 0;
      for (const byte of bytes) {
        value |= (byte & 0x7f) << shift;
        shift += 7;
        if ((byte & 0x80) === 0) {
          out.push(tensor.dataType === 10 ? half(value & 0xffff) : bfloat(value));
          value = 0;
          shift = 0;
        }
        if (out.length > count) throw mismatch(out.length);
      }
    } else {
      const width = field === 4 ? 4 : 8;
      if (bytes.length % width !== 0 || out.length + bytes.length / width > count) {
        throw mismatch(out.length + bytes.length / width);
      }
      fromBytes(bytes, field === 4 ? 1 : 11, bytes.length / width, out);
    }
  }
  for (const { field: f, value } of tensor.loose) {
    if (f !== field) continue;
    out.push(field === 5 ? (tensor.dataType === 10 ? half(value & 0xffff) : bfloat(value)) : value);
  }
  if (out.length !== count) throw mismatch(out.length);
  return out;
}

/** Which node writes each tensor name. */
export function producers(graph: OnnxGraph): Map<string, OnnxNode> {
  const map = new Map<string, OnnxNode>();
  for (const node of graph.nodes) for (const out of node.outputs) map.set(out, node);
  return map;
}

/**
 * The constant behind a node input: an initializer, a Constant node's `value`, or either
 * of those through Identity nodes. Null when the value is computed in the graph (or `''`).
 */
export function constantInput(
  graph: OnnxGraph,
  writers: Map<string, OnnxNode>,
  name: string,
): OnnxTensor | null {
  for (let hops = 0; hops <= graph.nodes.length && name !== ''; hops++) {
    const init = graph.initializers.get(name);
    if (init) return { ...init, name: init.name || name };
    const node = writers.get(name);
    if (!node) return null;
    if (node.opType === 'Constant') {
      const value = node.attributes.get('value')?.t;
      return value ? { ...value, name: value.name || name } : null;
    }
    if (node.opType !== 'Identity') return null;
    name = node.inputs[0] ?? '';
  }
  return null;
}
