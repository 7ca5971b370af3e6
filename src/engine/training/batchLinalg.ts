/**
 * The two products of a batched step: W times the n rows of one step (forward), and Wᵀ
 * times the n rows of adjoints (backward), on flat row-major Float64Array buffers whose
 * sample rows sit `stride` apart. Each output entry is summed in the same order as the
 * per-sample `matVec` and `addMatTVec` of ../linalg.ts, so a batch gives the per-sample
 * numbers bit for bit. Rows of W are taken four at a time, outside the loop over samples,
 * so that four rows of W serve every sample while they are hot. No allocation.
 */

/**
 * Y[yOff + b·yStride + (r − r0)] = Σ_c W[r][c] · X[xOff + b·xStride + c] for r0 ≤ r < r1 and
 * 0 ≤ b < n: one pre-activation block of n samples at once (W is [rows][cols]).
 */
export function matMulRows(
  W: Float64Array,
  cols: number,
  r0: number,
  r1: number,
  X: Float64Array,
  xOff: number,
  xStride: number,
  Y: Float64Array,
  yOff: number,
  yStride: number,
  n: number,
): void {
  let r = r0;
  for (; r + 3 < r1; r += 4) {
    const w0 = r * cols;
    const w1 = w0 + cols;
    const w2 = w1 + cols;
    const w3 = w2 + cols;
    for (let b = 0; b < n; b++) {
      const x = xOff + b * xStride;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let c = 0; c < cols; c++) {
        const xc = X[x + c]!;
        s0 += W[w0 + c]! * xc;
        s1 += W[w1 + c]! * xc;
        s2 += W[w2 + c]! * xc;
        s3 += W[w3 + c]! * xc;
      }
      const o = yOff + b * yStride + r - r0;
      Y[o] = s0;
      Y[o + 1] = s1;
      Y[o + 2] = s2;
      Y[o + 3] = s3;
    }
  }
  for (; r < r1; r++) {
    const w = r * cols;
    for (let b = 0; b < n; b++) {
      const x = xOff + b * xStride;
      let s = 0;
      for (let c = 0; c < cols; c++) s += W[w + c]! * X[x + c]!;
      Y[yOff + b * yStride + r - r0] = s;
    }
  }
}

/**
 * Y[yOff + b·yStride + c] += Σ_r W[r][c] · D[dOff + b·dStride + (r − r0)] for r0 ≤ r < r1,
 * 0 ≤ c < cols and 0 ≤ b < n: Y += D W_block for n rows of adjoints (dL/dh or dL/dx).
 */
export function addMatTMul(
  W: Float64Array,
  cols: number,
  r0: number,
  r1: number,
  D: Float64Array,
  dOff: number,
  dStride: number,
  Y: Float64Array,
  yOff: number,
  yStride: number,
  n: number,
): void {
  let r = r0;
  for (; r + 3 < r1; r += 4) {
    const w0 = r * cols;
    const w1 = w0 + cols;
    const w2 = w1 + cols;
    const w3 = w2 + cols;
    for (let b = 0; b < n; b++) {
      const k = dOff + b * dStride + r - r0;
      const d0 = D[k]!;
      const d1 = D[k + 1]!;
      const d2 = D[k + 2]!;
      const d3 = D[k + 3]!;
      const y = yOff + b * yStride;
      for (let c = 0; c < cols; c++) {
        Y[y + c] =
          Y[y + c]! + (W[w0 + c]! * d0 + W[w1 + c]! * d1 + (W[w2 + c]! * d2 + W[w3 + c]! * d3));
      }
    }
  }
  for (; r < r1; r++) {
    const w = r * cols;
    for (let b = 0; b < n; b++) {
      const dr = D[dOff + b * dStride + r - r0]!;
      const y = yOff + b * yStride;
      for (let c = 0; c < cols; c++) Y[y + c] = Y[y + c]! + W[w + c]! * dr;
    }
  }
}
