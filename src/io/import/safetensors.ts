/**
 * The safetensors reader: an 8-byte little-endian header length, a JSON header naming each
 * tensor's dtype, shape and byte range (`data_offsets`, relative to the end of the header),
 * then the raw little-endian data. The tensors become models in ./stateDict.
 */
import { ITEM_SIZE, decodeRun, type DType } from './dtypes';
import { modelsFromStateDict, type NamedTensor } from './stateDict';
import { ImportError, type FormatReader } from './types';

/** safetensors dtypes the reader decodes, with their sizes in bytes. */
const DTYPES: Readonly<Record<string, DType>> = {
  F64: 'float64',
  F32: 'float32',
  F16: 'float16',
  BF16: 'bfloat16',
  I64: 'int64',
  I32: 'int32',
  I16: 'int16',
  I8: 'int8',
  U8: 'uint8',
  BOOL: 'bool',
};

/** Header bytes read at most (the format's own limit is 100 MB; real headers are kB). */
const MAX_HEADER_BYTES = 16 * 1024 * 1024;

interface Entry {
  readonly dtype: string;
  readonly shape: number[];
  readonly begin: number;
  readonly end: number;
}

/** Reads a safetensors file into one model per recurrent module, in file order. */
export const readSafetensors: FormatReader = async (file) => {
  const { name, bytes } = file;
  const fail = (what: string): never => {
    throw new ImportError(`${name}: ${what}`);
  };
  if (bytes.length < 8) {
    return fail(
      `a safetensors file starts with an 8-byte header length; the file has ${bytes.length} bytes.`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = Number(view.getBigUint64(0, true));
  if (headerLength > bytes.length - 8 || headerLength > MAX_HEADER_BYTES) {
    return fail(
      `a safetensors file, but its header declares ${headerLength} bytes and the file has only ${bytes.length - 8} after the length: it is truncated or not safetensors.`,
    );
  }
  let header: unknown;
  try {
    header = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + headerLength)),
    );
  } catch (e) {
    return fail(`a safetensors file, but its header is not valid JSON (${(e as Error).message}).`);
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    return fail('a safetensors file, but its header is not a JSON object.');
  }
  const data = bytes.subarray(8 + headerLength);
  const tensors: NamedTensor[] = [];
  for (const [key, raw] of Object.entries(header)) {
    if (key === '__metadata__') continue;
    const entry = checkEntry(raw, data.length, (what) => fail(`tensor '${key}' ${what}`));
    tensors.push({ name: key, shape: entry.shape, values: () => decode(data, entry) });
  }
  // safetensors lists tensors sorted by name; file order is the order of their data.
  const offsets = new Map(tensors.map((t) => [t.name, (header as Record<string, Entry>)[t.name]!]));
  tensors.sort((a, b) => dataOffset(offsets.get(a.name)) - dataOffset(offsets.get(b.name)));
  return modelsFromStateDict(tensors, { file: name, format: 'safetensors' });
};

const dataOffset = (raw: unknown): number => (raw as { data_offsets: number[] }).data_offsets[0]!;

const isCount = (v: unknown): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Checks one header entry against the data's length; `fail` throws. */
function checkEntry(raw: unknown, length: number, fail: (what: string) => never): Entry {
  const e = raw as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
  if (typeof e !== 'object' || e === null) return fail('has no dtype, shape and data_offsets.');
  const dtype = typeof e.dtype === 'string' ? DTYPES[e.dtype] : undefined;
  if (dtype === undefined) {
    return fail(
      `has dtype ${JSON.stringify(e.dtype)}; the reader decodes ${Object.keys(DTYPES).join(', ')}.`,
    );
  }
  const shape = e.shape;
  const offsets = e.data_offsets;
  if (!Array.isArray(shape) || !shape.every(isCount))
    return fail('has a shape that is not a list of sizes.');
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isCount)) {
    return fail('has data_offsets that are not [begin, end].');
  }
  const [begin, end] = offsets as [number, number];
  const needed = shape.reduce((a: number, b: number) => a * b, 1) * ITEM_SIZE[dtype];
  if (end < begin || end - begin !== needed) {
    return fail(
      `of shape [${shape.join(', ')}] (${e.dtype}) needs ${needed} bytes but data_offsets [${begin}, ${end}] span ${end - begin}: the file is corrupt.`,
    );
  }
  if (end > length) {
    return fail(
      `needs bytes ${begin} to ${end} of the data but the file has only ${length}: it is truncated.`,
    );
  }
  return { dtype: e.dtype as string, shape, begin, end };
}

function decode(data: Uint8Array, e: Entry): Float64Array {
  const dtype = DTYPES[e.dtype]!;
  const out = new Float64Array((e.end - e.begin) / ITEM_SIZE[dtype]);
  decodeRun(data, e.begin, out.length, dtype, true, out);
  return out;
}
