/**
 * PyTorch storages and the tensors that view them: element types, the persistent ids both
 * containers write, and reading a tensor's values (offset, shape and strides) into float64
 * after checking that its storage record holds every byte the view needs.
 */
import { ITEM_SIZE, decodeRun, type DType } from '../dtypes';
import { PickleError, isGlobal, type PyGlobal, type PyValue } from './pickle';

export { ITEM_SIZE, type DType };

/** torch's storage classes (`torch.FloatStorage`, …) by name. */
const STORAGE_CLASSES: Readonly<Record<string, DType>> = {
  FloatStorage: 'float32',
  DoubleStorage: 'float64',
  HalfStorage: 'float16',
  BFloat16Storage: 'bfloat16',
  LongStorage: 'int64',
  IntStorage: 'int32',
  ShortStorage: 'int16',
  CharStorage: 'int8',
  ByteStorage: 'uint8',
  BoolStorage: 'bool',
  UntypedStorage: 'uint8',
};

/** The element type a storage class names, or a {@link PickleError} naming the class. */
export function storageDType(cls: PyValue): DType {
  const name = isGlobal(cls) ? cls.name : String(cls);
  const dtype = isGlobal(cls) && cls.module === 'torch' ? STORAGE_CLASSES[name] : undefined;
  if (!dtype) {
    throw new PickleError(
      `a storage of type ${isGlobal(cls) ? `${cls.module}.${cls.name}` : name}, which the reader does not decode (float32, float64, float16, bfloat16 and integer storages are read)`,
    );
  }
  return dtype;
}

/** One storage: its element type, size, device, and its bytes once the container has them. */
export interface Storage {
  readonly kind: 'storage';
  readonly dtype: DType;
  /** The key the container files it under (the zip record's name, the legacy key). */
  readonly key: string;
  /** The device it was saved from ('cpu', 'cuda:0', 'mps'): read the same way. */
  readonly location: string;
  /** Elements the persistent id declares. */
  readonly numel: number;
  /** Where its bytes are, for messages ("archive/data/3", "legacy storage 3"). */
  readonly record: string;
  /** Its raw bytes (throws when the container cannot produce them). */
  bytes(): Uint8Array;
  /** True when the bytes are big-endian (a `byteorder` of 'big'). */
  readonly bigEndian: boolean;
}

/** A tensor: a strided view of a storage. */
export interface Tensor {
  readonly kind: 'tensor';
  readonly storage: Storage;
  readonly offset: number;
  readonly shape: readonly number[];
  readonly stride: readonly number[];
}

const isCount = (v: unknown): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Elements one tensor may hold (256 M values is far beyond any model the engine runs). */
export const MAX_TENSOR_ELEMENTS = 2 ** 28;

/**
 * `torch._utils._rebuild_tensor_v2(storage, offset, size, stride, …)` (and the older
 * `_rebuild_tensor`), checked for shape only: the bytes are checked when read.
 */
export function rebuildTensor(fn: PyGlobal, args: readonly PyValue[]): Tensor {
  const [storage, offset, shape, stride] = args;
  const isStorage =
    typeof storage === 'object' && storage !== null && (storage as Storage).kind === 'storage';
  if (
    !isStorage ||
    !isCount(offset) ||
    !Array.isArray(shape) ||
    !Array.isArray(stride) ||
    shape.length !== stride.length ||
    !shape.every(isCount) ||
    !stride.every(isCount)
  ) {
    throw new PickleError(`${fn.module}.${fn.name} with arguments that are not a tensor's`);
  }
  return { kind: 'tensor', storage: storage as Storage, offset, shape, stride };
}

/** Elements of a shape. */
export const numelOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/**
 * Checks that the tensor's storage record holds every byte its view needs and its declared
 * size; returns the record's bytes. Throws a {@link PickleError} naming the tensor.
 */
export function checkTensor(t: Tensor, name: string): Uint8Array {
  const { storage, offset, shape, stride } = t;
  const count = numelOf(shape);
  if (count > MAX_TENSOR_ELEMENTS) {
    throw new PickleError(
      `tensor '${name}' has shape [${shape.join(', ')}], more than ${MAX_TENSOR_ELEMENTS} values`,
    );
  }
  const item = ITEM_SIZE[storage.dtype];
  const bytes = storage.bytes();
  let last = offset;
  for (let d = 0; d < shape.length; d++) last += (shape[d]! - 1) * stride[d]!;
  const needed = count === 0 ? 0 : (last + 1) * item;
  if (needed > bytes.length) {
    throw new PickleError(
      `Tensor '${name}' needs ${needed} bytes of data but its record '${storage.record}' has only ${bytes.length}: the file is corrupt.`,
    );
  }
  if (storage.numel * item > bytes.length) {
    throw new PickleError(
      `the storage of tensor '${name}' declares ${storage.numel} ${storage.dtype} elements (${storage.numel * item} bytes) but its record '${storage.record}' has only ${bytes.length}: the file is corrupt.`,
    );
  }
  return bytes;
}

const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** True when the strides are row-major over the shape (a contiguous view). */
const isContiguous = (shape: readonly number[], stride: readonly number[]): boolean => {
  let expected = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    if (shape[d] !== 1 && stride[d] !== expected) return false;
    expected *= shape[d]!;
  }
  return true;
};

/**
 * A contiguous float32 tensor in the host's byte order at an aligned offset (the common
 * case: torch aligns its records) is a view of the file's bytes, with no copy.
 */
function float32View(t: Tensor, bytes: Uint8Array, count: number): Float32Array | undefined {
  const start = bytes.byteOffset + t.offset * 4;
  if (t.storage.dtype !== 'float32' || t.storage.bigEndian !== !HOST_LITTLE_ENDIAN)
    return undefined;
  if (start % 4 !== 0 || !isContiguous(t.shape, t.stride)) return undefined;
  return new Float32Array(bytes.buffer, start, count);
}

/**
 * The tensor's values, row-major, as float64 (float16 and bfloat16 widen exactly), or
 * as a float32 view of the file when it is one already (read as numbers, float32 widens exactly).
 * Checks the record first ({@link checkTensor}): a damaged record never yields numbers.
 */
export function tensorValues(t: Tensor, name: string): Float64Array | Float32Array {
  const bytes = checkTensor(t, name);
  const { storage, offset, shape, stride } = t;
  const count = numelOf(shape);
  const item = ITEM_SIZE[storage.dtype];
  const direct = float32View(t, bytes, count);
  if (direct) return direct;
  const out = new Float64Array(count);
  const le = !storage.bigEndian;
  if (shape.length === 0) {
    decodeRun(bytes, offset * item, 1, storage.dtype, le, out);
    return out;
  }
  // Decode runs along the last dimension: whole rows at once when it is contiguous.
  const lastDim = shape.length - 1;
  const run = stride[lastDim] === 1 ? shape[lastDim]! : 1;
  const index = new Array<number>(shape.length).fill(0);
  let at = offset;
  for (let k = 0; k < count; k += run) {
    decodeRun(bytes, at * item, run, storage.dtype, le, out, k);
    if (run > 1) {
      // A whole row was read: stand on its last element.
      index[lastDim] = run - 1;
      at += (run - 1) * stride[lastDim]!;
    }
    // Advance the odometer by one element past the run.
    for (let d = lastDim; d >= 0; d--) {
      if (++index[d]! < shape[d]!) {
        at += stride[d]!;
        break;
      }
      index[d] = 0;
      at -= (shape[d]! - 1) * stride[d]!;
    }
  }
  return out;
}
