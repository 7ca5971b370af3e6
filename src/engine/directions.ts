/**
 * The bookkeeping of bidirectional layers. A reverse direction runs the same cell kernel
 * over its input rows in reverse order, so its tape is in *processing* order (row s is time
 * T−1−s); these helpers move rows between that order and time order, and between the
 * two directions' halves of a [T][2·H'] row.
 */

/** A copy of [T][width] rows in reverse order: row s ← row T−1−s. */
export function reverseRows(rows: Float64Array, T: number, width: number): Float64Array {
  const out = new Float64Array(T * width);
  for (let s = 0; s < T; s++)
    out.set(rows.subarray((T - 1 - s) * width, (T - s) * width), s * width);
  return out;
}

/**
 * [T][2·hSize] in time order: row t = [forward h_t, reverse h_t], from the two tapes' h
 * buffers ([T+1][hSize] each, in processing order): what the next layer reads and what
 * PyTorch outputs for a bidirectional layer.
 */
export function concatDirections(
  forwardH: Float64Array,
  reverseH: Float64Array,
  T: number,
  hSize: number,
): Float64Array {
  const out = new Float64Array(T * 2 * hSize);
  for (let t = 0; t < T; t++) {
    out.set(forwardH.subarray((t + 1) * hSize, (t + 2) * hSize), t * 2 * hSize);
    out.set(reverseH.subarray((T - t) * hSize, (T - t + 1) * hSize), (t * 2 + 1) * hSize);
  }
  return out;
}

/**
 * One direction's half of [T][2·hSize] time-ordered rows, in that direction's processing
 * order: columns d·hSize … (d+1)·hSize − 1, rows reversed for d = 1.
 */
export function directionHalf(
  rows: Float64Array,
  T: number,
  hSize: number,
  direction: 0 | 1,
): Float64Array {
  const out = new Float64Array(T * hSize);
  for (let s = 0; s < T; s++) {
    const t = direction === 1 ? T - 1 - s : s;
    const start = (2 * t + direction) * hSize;
    out.set(rows.subarray(start, start + hSize), s * hSize);
  }
  return out;
}

/** `total` (time order) += `rows` (the reverse direction's processing order), [T][width]. */
export function addReversed(
  total: Float64Array,
  rows: Float64Array,
  T: number,
  width: number,
): void {
  for (let s = 0; s < T; s++) {
    const from = s * width;
    const to = (T - 1 - s) * width;
    for (let c = 0; c < width; c++) total[to + c] = total[to + c]! + rows[from + c]!;
  }
}

/** "layer 2" for one direction, "layer 2 reverse" for a bidirectional model's index 5. */
export function directionLabel(index: number, D: 1 | 2): string {
  if (D === 1) return `layer ${index}`;
  return `layer ${Math.floor(index / 2)} ${index % 2 === 1 ? 'reverse' : 'forward'}`;
}
