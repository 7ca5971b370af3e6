import { EngineInputError } from '../errors';
import type { LossName } from '../tasks/types';

/**
 * The scored steps of a batch and what the head makes of them, flat: sample b's s-th
 * scored step is entry b·T + s (S_b = counts[b] ≤ T of them), its read-out y and target
 * at (b·T + s)·O. Allocated once per batch shape.
 */
export interface ScoredBatch {
  readonly B: number;
  readonly T: number;
  readonly O: number;
  /** [B]: scored steps per sample, S_b. */
  readonly counts: Int32Array;
  /** [B][T]: the scored step indices, increasing. */
  readonly steps: Int32Array;
  /** [B][T][O]: targets, read-outs y = W h_t + b, and dL/dy. */
  readonly targets: Float64Array;
  readonly y: Float64Array;
  readonly dy: Float64Array;
}

/** Buffers for B samples of T steps with an O-wide read-out. */
export function createScoredBatch(B: number, T: number, O: number): ScoredBatch {
  return {
    B,
    T,
    O,
    counts: new Int32Array(B),
    steps: new Int32Array(B * T),
    targets: new Float64Array(B * T * O),
    y: new Float64Array(B * T * O),
    dy: new Float64Array(B * T * O),
  };
}

/**
 * y = W h_t + b at every scored step of samples 0..n−1, reading h_t of sample b at
 * ((t + 1)·B + b)·H in `h` (the top layer's [T+1][B][H] states). W is [O][H].
 */
export function headForwardBatch(
  s: ScoredBatch,
  W: Float64Array,
  bias: Float64Array,
  h: Float64Array,
  H: number,
  n: number,
): void {
  const { B, T, O, counts, steps, y } = s;
  for (let b = 0; b < n; b++) {
    for (let k = 0; k < counts[b]!; k++) {
      const e = b * T + k;
      const hOff = ((steps[e]! + 1) * B + b) * H;
      const yOff = e * O;
      for (let o = 0; o < O; o++) {
        let sum = bias[o]!;
        const row = o * H;
        for (let j = 0; j < H; j++) sum += W[row + j]! * h[hOff + j]!;
        y[yOff + o] = sum;
      }
    }
  }
}

/**
 * Adds each sample's loss (as `lossFor` defines it, mean over its scored steps) to
 * `total` in sample order, fills dL/dy of each sample's own loss, and returns the new
 * total. Throws an {@link EngineInputError} (its message starting with `what`) when a
 * read-out is not finite.
 */
export function lossBatch(
  s: ScoredBatch,
  loss: LossName,
  n: number,
  total: number,
  what: string,
): number {
  const { T, O, counts, targets, y, dy } = s;
  for (let b = 0; b < n; b++) {
    const S = counts[b]!;
    const first = b * T * O;
    for (let k = first; k < first + S * O; k++) {
      if (!Number.isFinite(y[k])) {
        throw new EngineInputError(
          `${what}: sample ${b}'s read-out is ${y[k]}: the weights or the states left float64's range; lower the learning rate or the weight scale.`,
        );
      }
    }
    total += loss === 'mse' ? mse(y, targets, dy, first, S * O) : crossEntropy(s, first, S);
  }
  return total;
}

/** Mean squared error of `count` entries from `first`; dy = 2 (y − target) / count. */
function mse(
  y: Float64Array,
  target: Float64Array,
  dy: Float64Array,
  first: number,
  count: number,
): number {
  let sum = 0;
  for (let k = first; k < first + count; k++) {
    const diff = y[k]! - target[k]!;
    sum += diff * diff;
    dy[k] = (2 * diff) / count;
  }
  return sum / count;
}

/** Softmax cross-entropy of S rows from `first`, as `softmaxCrossEntropy`. */
function crossEntropy(s: ScoredBatch, first: number, S: number): number {
  const { O, targets, y, dy } = s;
  let sum = 0;
  for (let row = first; row < first + S * O; row += O) {
    let m = -Infinity;
    for (let k = 0; k < O; k++) m = Math.max(m, y[row + k]!);
    let expSum = 0;
    for (let k = 0; k < O; k++) expSum += Math.exp(y[row + k]! - m);
    const logSumExp = m + Math.log(expSum);
    let mass = 0;
    for (let k = 0; k < O; k++) {
      sum -= targets[row + k]! * (y[row + k]! - logSumExp);
      mass += targets[row + k]!;
    }
    for (let k = 0; k < O; k++) {
      dy[row + k] = (Math.exp(y[row + k]! - logSumExp) * mass - targets[row + k]!) / S;
    }
  }
  return sum / S;
}

/**
 * The head's backward pass for samples 0..n−1 in order: dW += dy h_tᵀ, db += dy, and
 * dOut[t][b] += Wᵀ dy ([T][B][H], zeroed here first) at each scored step.
 */
export function headBackwardBatch(
  s: ScoredBatch,
  W: Float64Array,
  h: Float64Array,
  H: number,
  n: number,
  dW: Float64Array,
  db: Float64Array,
  dOut: Float64Array,
): void {
  const { B, T, O, counts, steps, dy } = s;
  dOut.fill(0);
  for (let b = 0; b < n; b++) {
    for (let k = 0; k < counts[b]!; k++) {
      const e = b * T + k;
      const t = steps[e]!;
      const hOff = ((t + 1) * B + b) * H;
      const dOff = (t * B + b) * H;
      for (let o = 0; o < O; o++) {
        const d = dy[e * O + o]!;
        const row = o * H;
        db[o] = db[o]! + d;
        for (let j = 0; j < H; j++) {
          dW[row + j] = dW[row + j]! + d * h[hOff + j]!;
          dOut[dOff + j] = dOut[dOff + j]! + W[row + j]! * d;
        }
      }
    }
  }
}

/**
 * Correct answers among the scored steps of samples 0..n−1, as `isCorrect` judges them:
 * 'crossEntropy', the first maximum of y is the first maximum of the target; 'mse', every
 * |y_k − target_k| ≤ tolerance. Call after {@link lossBatch} (which refuses non-finite y).
 */
export function countCorrect(
  s: ScoredBatch,
  loss: LossName,
  tolerance: number,
  n: number,
): { correct: number; scored: number } {
  const { T, O, counts, targets, y } = s;
  let correct = 0;
  let scored = 0;
  for (let b = 0; b < n; b++) {
    for (let row = b * T * O; row < (b * T + counts[b]!) * O; row += O) {
      scored += 1;
      if (loss === 'crossEntropy') {
        if (firstMax(y, row, O) === firstMax(targets, row, O)) correct += 1;
        continue;
      }
      let ok = true;
      for (let k = 0; k < O; k++)
        if (!(Math.abs(y[row + k]! - targets[row + k]!) <= tolerance)) ok = false;
      if (ok) correct += 1;
    }
  }
  return { correct, scored };
}

/** Index of the first largest of v[from … from + O − 1], relative to `from`. */
function firstMax(v: Float64Array, from: number, O: number): number {
  let best = 0;
  for (let k = 1; k < O; k++) if (v[from + k]! > v[from + best]!) best = k;
  return best;
}
