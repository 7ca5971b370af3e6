/**
 * Element types of tensor files (PyTorch storages, safetensors) and their decoding into
 * float64: float32, float16 and bfloat16 widen exactly; integers are read as numbers.
 */

/** Element types the readers decode. */
export type DType =
  | 'float32'
  | 'float64'
  | 'float16'
  | 'bfloat16'
  | 'int64'
  | 'int32'
  | 'int16'
  | 'int8'
  | 'uint8'
  | 'bool';

/** Bytes per element of each {@link DType}. */
export const ITEM_SIZE: Readonly<Record<DType, number>> = {
  float32: 4,
  float64: 8,
  float16: 2,
  bfloat16: 2,
  int64: 8,
  int32: 4,
  int16: 2,
  int8: 1,
  uint8: 1,
  bool: 1,
};

/** An IEEE 754 half-precision value (its 16 bits), exactly. */
function halfToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/** A reader of one element at a byte offset of `v`. */
export function elementReader(
  dtype: DType,
  v: DataView,
  littleEndian: boolean,
): (at: number) => number {
  const le = littleEndian;
  switch (dtype) {
    case 'float32':
      return (at) => v.getFloat32(at, le);
    case 'float64':
      return (at) => v.getFloat64(at, le);
    case 'float16':
      return (at) => halfToNumber(v.getUint16(at, le));
    case 'bfloat16': {
      // bfloat16 is the top half of a float32.
      const scratch = new DataView(new ArrayBuffer(4));
      return (at) => {
        scratch.setUint32(0, v.getUint16(at, le) << 16);
        return scratch.getFloat32(0);
      };
    }
    case 'int64':
      return (at) => Number(v.getBigInt64(at, le));
    case 'int32':
      return (at) => v.getInt32(at, le);
    case 'int16':
      return (at) => v.getInt16(at, le);
    case 'int8':
      return (at) => v.getInt8(at);
    case 'uint8':
    case 'bool':
      return (at) => v.getUint8(at);
  }
}

const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * `count` consecutive elements starting at byte `start` of `bytes`, into `out` from
 * `outAt`. float32 and float64 in the host's byte order are copied in bulk.
 */
export function decodeRun(
  bytes: Uint8Array,
  start: number,
  count: number,
  dtype: DType,
  littleEndian: boolean,
  out: Float64Array,
  outAt = 0,
): void {
  if ((dtype === 'float32' || dtype === 'float64') && littleEndian === HOST_LITTLE_ENDIAN) {
    const size = ITEM_SIZE[dtype];
    let src = bytes.subarray(start, start + count * size);
    // Typed-array views need an aligned offset: copy the run when it is not.
    if ((src.byteOffset & (size - 1)) !== 0) src = src.slice();
    const typed =
      dtype === 'float32'
        ? new Float32Array(src.buffer, src.byteOffset, count)
        : new Float64Array(src.buffer, src.byteOffset, count);
    out.set(typed, outAt);
    return;
  }
  const read = elementReader(
    dtype,
    new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    littleEndian,
  );
  const size = ITEM_SIZE[dtype];
  for (let k = 0; k < count; k++) out[outAt + k] = read(start + k * size);
}
