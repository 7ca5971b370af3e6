/**
 * The three products every cell needs, on flat row-major Float64Array matrices with
 * `cols` columns, restricted to the row block r0 ≤ r < r1 (one gate's rows). Vectors are
 * read and written at offsets so that per-step slices of a [T][n] buffer need no copies.
 * No allocation, contiguous inner loops.
 */

/** y[yOff + (r − r0)] = Σ_c W[r][c] · x[xOff + c] for r0 ≤ r < r1. */
export function matVec(
  W: Float64Array,
  cols: number,
  r0: number,
  r1: number,
  x: Float64Array,
  xOff: number,
  y: Float64Array,
  yOff: number,
): void {
  for (let r = r0; r < r1; r++) {
    const row = r * cols;
    let sum = 0;
    for (let c = 0; c < cols; c++) sum += W[row + c]! * x[xOff + c]!;
    y[yOff + r - r0] = sum;
  }
}

/** y[yOff + c] += Σ_r W[r][c] · d[dOff + (r − r0)] for r0 ≤ r < r1: y += W_blockᵀ d. */
export function addMatTVec(
  W: Float64Array,
  cols: number,
  r0: number,
  r1: number,
  d: Float64Array,
  dOff: number,
  y: Float64Array,
  yOff: number,
): void {
  for (let r = r0; r < r1; r++) {
    const dr = d[dOff + r - r0]!;
    if (dr === 0) continue;
    const row = r * cols;
    for (let c = 0; c < cols; c++) y[yOff + c] = y[yOff + c]! + W[row + c]! * dr;
  }
}

/** dW[r][c] += d[dOff + (r − r0)] · x[xOff + c] for r0 ≤ r < r1: dW_block += d xᵀ. */
export function addOuter(
  dW: Float64Array,
  cols: number,
  r0: number,
  r1: number,
  d: Float64Array,
  dOff: number,
  x: Float64Array,
  xOff: number,
): void {
  for (let r = r0; r < r1; r++) {
    const dr = d[dOff + r - r0]!;
    if (dr === 0) continue;
    const row = r * cols;
    for (let c = 0; c < cols; c++) dW[row + c] = dW[row + c]! + dr * x[xOff + c]!;
  }
}
