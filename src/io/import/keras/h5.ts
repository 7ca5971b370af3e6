/**
 * A thin, defensive view of an HDF5 file for the Keras readers, over jsfive (pure JS, so it
 * runs in Node, the page and a worker, and it is loaded only when an HDF5 file arrives).
 * Every failure inside jsfive (it throws strings as well as Errors) becomes an ImportError
 * that names the file; nothing is read before its declared size is checked.
 */
import type { Dataset, File as H5FileHandle, Group } from 'jsfive';
import { ImportError } from '../types';
import type { Tensor } from './types';

/** The most numbers one weight array may hold (a 100 MB file holds 25 M float32). */
export const MAX_TENSOR_VALUES = 30_000_000;

const HDF5_SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/** The error message of anything thrown, strings included. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : String(error);
}

/** Trailing NULs that fixed-length HDF5 strings carry, removed. */
const trimNul = (s: string): string => s.replace(/\0+$/, '');

/** jsfive's datasets are Arrays (so they have `keys` too): tell them apart by `shape`. */
const isDataset = (node: Group | Dataset): node is Dataset => 'shape' in node;

/** An open HDF5 file; paths are '/'-separated from the root ('' is the root). */
export class H5File {
  private constructor(
    private readonly file: H5FileHandle,
    /** The file's name, for messages. */
    readonly fileName: string,
    /** What the file is, for messages ("the HDF5 file", "model.weights.h5 inside the .keras archive"). */
    private readonly what: string,
  ) {}

  /**
   * Opens `bytes` as HDF5 (jsfive is imported now). Refuses an empty file, a missing
   * signature, and a superblock jsfive cannot read, naming `fileName`.
   */
  static async open(bytes: Uint8Array, fileName: string, what = 'the file'): Promise<H5File> {
    if (bytes.length === 0) throw new ImportError(`${fileName}: the file is empty (0 bytes).`);
    if (!HDF5_SIGNATURE.every((b, k) => bytes[k] === b)) {
      throw new ImportError(
        `${fileName}: not a readable HDF5 file: the HDF5 signature/superblock is missing or damaged (${what}).`,
      );
    }
    const { File } = await import('jsfive');
    // jsfive only reads: share the caller's buffer when the bytes are all of it.
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const buffer = whole ? bytes.buffer : bytes.slice().buffer;
    try {
      return new H5File(new File(buffer as ArrayBuffer, fileName), fileName, what);
    } catch (error) {
      throw new ImportError(
        `${fileName}: not a readable HDF5 file: the HDF5 signature/superblock is missing or damaged (${messageOf(error)}).`,
      );
    }
  }

  /** Runs a jsfive call; anything it throws becomes an ImportError naming the file. */
  private guard<T>(where: string, read: () => T): T {
    try {
      return read();
    } catch (error) {
      if (error instanceof ImportError) throw error;
      throw new ImportError(
        `${this.fileName}: ${this.what} is damaged: cannot read '${where}' (${messageOf(error)}).`,
      );
    }
  }

  private node(path: string): Group | Dataset | null {
    if (path === '') return this.file;
    return this.guard(path, () => {
      let node: Group | Dataset | null = this.file;
      for (const part of path.split('/').filter((p) => p !== '')) {
        if (node === null || isDataset(node) || !node.keys.includes(part)) return null;
        node = node.get(part);
      }
      return node;
    });
  }

  /** Whether `path` is a group. */
  isGroup(path: string): boolean {
    const node = this.node(path);
    return node !== null && !isDataset(node);
  }

  /** A group's member names, in the file's order ([] when `path` is no group). */
  keys(path: string): string[] {
    const node = this.node(path);
    return node !== null && !isDataset(node) ? this.guard(path, () => node.keys) : [];
  }

  /** The raw value of attribute `name` of the object at `path` (undefined when absent). */
  attr(path: string, name: string): unknown {
    const node = this.node(path);
    if (node === null) return undefined;
    return this.guard(`${path}@${name}`, () => node.attrs[name]);
  }

  /** A string attribute (fixed or variable length), or null when absent or not a string. */
  stringAttr(path: string, name: string): string | null {
    const value = this.attr(path, name);
    if (typeof value === 'string') return trimNul(value);
    if (value instanceof Uint8Array) return trimNul(new TextDecoder().decode(value));
    return null;
  }

  /**
   * A list-of-strings attribute such as `layer_names` or `weight_names`, joining the
   * chunks Keras writes when it is large (`weight_names0`, `weight_names1`, …); null when
   * absent.
   */
  stringsAttr(path: string, name: string): string[] | null {
    const whole = this.attr(path, name);
    if (whole !== undefined) return this.toStrings(path, name, whole);
    const out: string[] = [];
    for (let chunk = 0; ; chunk++) {
      const part = this.attr(path, `${name}${chunk}`);
      if (part === undefined) return chunk === 0 ? null : out;
      out.push(...this.toStrings(path, `${name}${chunk}`, part));
    }
  }

  private toStrings(path: string, name: string, value: unknown): string[] {
    if (typeof value === 'string') return [trimNul(value)];
    // An empty list is stored as a float64 array of length 0.
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      return value.map(trimNul);
    }
    if (ArrayBuffer.isView(value) && (value as unknown as ArrayLike<number>).length === 0)
      return [];
    throw new ImportError(
      `${this.fileName}: ${this.what} is damaged: attribute '${name}' of '${path || '/'}' is not a list of names.`,
    );
  }

  /**
   * The float dataset at `path` as a float64 tensor named `name`. Refuses a missing
   * dataset, a non-float type, and a declared size over {@link MAX_TENSOR_VALUES} before
   * reading any of it.
   */
  tensor(path: string, name: string): Tensor {
    const node = this.node(path);
    if (node === null || !isDataset(node)) {
      throw new ImportError(
        `${this.fileName}: ${this.what} lists the weight '${name}', but '${path}' is not in the file.`,
      );
    }
    const { shape, dtype } = this.guard(path, () => ({ shape: node.shape, dtype: node.dtype }));
    const count = Array.isArray(shape) ? shape.reduce((a, b) => a * b, 1) : NaN;
    if (!Number.isSafeInteger(count) || count < 0 || count > MAX_TENSOR_VALUES) {
      throw new ImportError(
        `${this.fileName}: weight '${name}' declares shape [${String(shape)}], more than ${MAX_TENSOR_VALUES} numbers or not a size: the file is damaged or not a model.`,
      );
    }
    if (typeof dtype !== 'string' || !/^[<>]f[48]$/.test(dtype)) {
      throw new ImportError(
        `${this.fileName}: weight '${name}' is stored as ${JSON.stringify(dtype)}; the importer reads float32 and float64 weights only.`,
      );
    }
    const view = this.guard(path, () => contiguousView(node, dtype, count));
    if (view) return { name, shape: [...shape], data: view };
    const value = this.guard(path, () => node.value);
    if (value === null || value === undefined || value.length !== count) {
      throw new ImportError(
        `${this.fileName}: ${this.what} is damaged: weight '${name}' has ${value?.length ?? 0} of its ${count} numbers.`,
      );
    }
    return { name, shape: [...shape], data: Float64Array.from(value) };
  }
}

/** The jsfive internals a zero-copy read needs (jsfive 0.4.2; checked at run time). */
interface DataObjectsInternals {
  fh: ArrayBuffer;
  find_msg_type(type: number): { get(key: string): unknown }[];
  _get_data_message_properties(offset: number): [number, number, number, number];
}

/** HDF5's data layout message type, and its contiguous layout class. */
const LAYOUT_MESSAGE = 8;
const CONTIGUOUS = 1;

/**
 * A little-endian float dataset stored contiguously, as a typed-array view of the file's
 * bytes (a copy when misaligned): jsfive's `.value` builds a plain Array one DataView read
 * at a time, 4× slower and 4× the memory. Null when the layout is another (chunked,
 * compressed, big-endian): the caller reads `.value` then.
 */
function contiguousView(
  node: Dataset,
  dtype: string,
  count: number,
): Float32Array | Float64Array | null {
  if (dtype[0] !== '<') return null;
  const objects = (node as unknown as { _dataobjects?: DataObjectsInternals })._dataobjects;
  if (
    !objects ||
    !(objects.fh instanceof ArrayBuffer) ||
    typeof objects.find_msg_type !== 'function'
  )
    return null;
  const message = objects.find_msg_type(LAYOUT_MESSAGE)[0];
  const at = message?.get('offset_to_message');
  if (typeof at !== 'number') return null;
  const [, , layoutClass, propertyOffset] = objects._get_data_message_properties(at);
  if (layoutClass !== CONTIGUOUS) return null;
  const fh = objects.fh;
  const address = Number(new DataView(fh).getBigUint64(propertyOffset, true));
  const size = dtype === '<f4' ? 4 : 8;
  if (!Number.isSafeInteger(address) || address + count * size > fh.byteLength) {
    throw new Error(`its data (${count * size} bytes at ${address}) lies outside the file`);
  }
  const Typed = size === 4 ? Float32Array : Float64Array;
  return address % size === 0
    ? new Typed(fh, address, count)
    : new Typed(fh.slice(address, address + count * size));
}
