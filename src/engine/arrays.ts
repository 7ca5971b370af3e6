/**
 * Conversions between the public nested arrays ([rows][cols]) and the engine's flat
 * row-major Float64Array buffers, with the shape and finiteness checks whose messages
 * name what is wrong and the shape that was expected.
 */
import { EngineInputError } from './errors';

/** Anything indexable with a length: number[], Float64Array, … */
export function isArrayLike(v: unknown): v is ArrayLike<unknown> {
  return Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
}

/** A short description of a value for error messages: "7 entries", "NaN", "null". */
export function describe(v: unknown): string {
  if (isArrayLike(v)) return `${v.length} entries`;
  if (typeof v === 'number') return String(v);
  return v === null ? 'null' : typeof v;
}

/** A flat buffer as number[][] ([rows][cols]) or, without cols, number[] ([rows]). */
export function toNested(buffer: Float64Array, rows: number, cols?: number): number[] | number[][] {
  if (cols === undefined) return Array.from(buffer.subarray(0, rows));
  const out: number[][] = [];
  for (let r = 0; r < rows; r++) out.push(Array.from(buffer.subarray(r * cols, (r + 1) * cols)));
  return out;
}

/**
 * Reads a [rows][cols] matrix of finite numbers into a flat buffer. `what` names it in
 * errors (e.g. 'forward: xs'), `rowLabel` says what a row is (e.g. t => `step ${t + 1}`).
 */
export function readMatrix(
  value: unknown,
  rows: number,
  cols: number,
  what: string,
  rowLabel: (r: number) => string = (r) => `row ${r}`,
): Float64Array {
  const expected = `[${rows}][${cols}]`;
  if (!isArrayLike(value) || value.length !== rows) {
    throw new EngineInputError(`${what} has ${describe(value)}; expected shape ${expected}.`);
  }
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const row = value[r];
    if (!isArrayLike(row) || row.length !== cols) {
      throw new EngineInputError(
        `${what}[${r}] (${rowLabel(r)}) has ${describe(row)}; expected ${cols} numbers (shape ${expected}).`,
      );
    }
    for (let c = 0; c < cols; c++) {
      const v = row[c];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new EngineInputError(
          `${what}[${r}][${c}] (${rowLabel(r)}) is ${describe(v)}; every entry must be a finite number (shape ${expected}).`,
        );
      }
      out[r * cols + c] = v;
    }
  }
  return out;
}

/** Reads a [rows] vector of finite numbers. */
export function readVector(value: unknown, rows: number, what: string): Float64Array {
  const expected = `[${rows}]`;
  if (!isArrayLike(value) || value.length !== rows) {
    throw new EngineInputError(`${what} has ${describe(value)}; expected shape ${expected}.`);
  }
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const v = value[r];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new EngineInputError(
        `${what}[${r}] is ${describe(v)}; every entry must be a finite number (shape ${expected}).`,
      );
    }
    out[r] = v;
  }
  return out;
}

/**
 * Frozen row views [count][width] of a flat buffer whose rows are `stride` apart; with
 * `reverse`, view t is the buffer's row count−1−t (a reverse direction's steps in time order).
 */
export function rowViews(
  buffer: Float64Array,
  count: number,
  stride: number,
  offset: number,
  width: number,
  reverse = false,
): readonly Float64Array[] {
  const rows = new Array<Float64Array>(count);
  for (let t = 0; t < count; t++) {
    const start = (reverse ? count - 1 - t : t) * stride + offset;
    rows[t] = buffer.subarray(start, start + width);
  }
  return Object.freeze(rows);
}

/**
 * A frozen record whose values are computed on first read and then kept: traces expose
 * every gate as rows, but building thousands of row views is wasted work for a gate
 * nobody looks at.
 */
export function lazyRecord<V>(
  entries: readonly (readonly [string, () => V])[],
): Readonly<Record<string, V>> {
  const record: Record<string, V> = {};
  for (const [name, make] of entries) {
    let cached: V | undefined;
    Object.defineProperty(record, name, {
      enumerable: true,
      get: () => (cached ??= make()),
    });
  }
  return Object.freeze(record);
}
