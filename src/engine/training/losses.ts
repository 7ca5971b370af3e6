import { EngineInputError } from '../errors';
import type { LossName } from '../tasks/types';

/** A loss value and its gradient with respect to the read-out it scored, [S][O]. */
export interface LossResult {
  /** The scalar loss. */
  loss: number;
  /** dL/dy, the shape of y. */
  dy: number[][];
}

/**
 * Mean squared error, PyTorch's `MSELoss(reduction='mean')`: L = (1/(S·O)) Σ_s Σ_k
 * (y[s][k] − target[s][k])², for y and target both [S][O], S, O ≥ 1.
 * dL/dy = 2 (y − target) / (S·O).
 */
export function mseLoss(y: number[][], target: number[][]): LossResult {
  const { S, O } = sameShape('mseLoss', y, target);
  const n = S * O;
  let sum = 0;
  const dy = y.map((ys, s) => {
    const ts = target[s]!;
    return ys.map((v, k) => {
      const diff = v - ts[k]!;
      sum += diff * diff;
      return (2 * diff) / n;
    });
  });
  return { loss: sum / n, dy };
}

/**
 * Softmax cross-entropy, PyTorch's `CrossEntropyLoss(reduction='mean')` with class
 * probabilities as targets: L = (1/S) Σ_s −Σ_k target[s][k] · log softmax(logits[s])_k, for
 * logits and target [S][O] (one-hot rows or probability rows). The log-softmax is formed
 * as z_k − (m + log Σ_j exp(z_j − m)), m = max_j z_j, so large logits cannot overflow.
 * dL/dlogits[s][k] = (softmax_k · Σ_j target[s][j] − target[s][k]) / S.
 */
export function softmaxCrossEntropy(
  logits: number[][],
  target: number[][],
): { loss: number; dLogits: number[][] } {
  const { S, O } = sameShape('softmaxCrossEntropy', logits, target);
  let sum = 0;
  const dLogits = logits.map((z, s) => {
    const ts = target[s]!;
    let m = -Infinity;
    for (let k = 0; k < O; k++) m = Math.max(m, z[k]!);
    let expSum = 0;
    for (let k = 0; k < O; k++) expSum += Math.exp(z[k]! - m);
    const logSumExp = m + Math.log(expSum);
    let mass = 0; // Σ_k target_k: 1 for a one-hot or probability row
    for (let k = 0; k < O; k++) {
      sum -= ts[k]! * (z[k]! - logSumExp);
      mass += ts[k]!;
    }
    return z.map((zk, k) => (Math.exp(zk - logSumExp) * mass - ts[k]!) / S);
  });
  return { loss: sum / S, dLogits };
}

/** The loss a task names, with dL/dy: 'mse' → {@link mseLoss}, 'crossEntropy' → {@link softmaxCrossEntropy}. */
export function lossFor(name: LossName, y: number[][], target: number[][]): LossResult {
  switch (name) {
    case 'mse':
      return mseLoss(y, target);
    case 'crossEntropy': {
      const { loss, dLogits } = softmaxCrossEntropy(y, target);
      return { loss, dy: dLogits };
    }
    default:
      throw new EngineInputError(
        `lossFor: unknown loss ${JSON.stringify(name)}; expected 'mse' or 'crossEntropy'.`,
      );
  }
}

/** Checks that y and target are both [S][O] with S, O ≥ 1 and finite entries. */
function sameShape(what: string, y: number[][], target: number[][]): { S: number; O: number } {
  if (
    !Array.isArray(y) ||
    !Array.isArray(target) ||
    !y.every(Array.isArray) ||
    !target.every(Array.isArray)
  ) {
    throw new EngineInputError(`${what}: y and target must both be arrays of rows, [S][O].`);
  }
  const S = y.length;
  const O = y[0]?.length ?? 0;
  if (S === 0 || O === 0) {
    throw new EngineInputError(
      `${what}: y is [${S}][${O}]; expected at least one scored step and one output.`,
    );
  }
  if (target.length !== S) {
    throw new EngineInputError(
      `${what}: target has ${target.length} rows; expected shape [${S}][${O}] like y.`,
    );
  }
  for (let s = 0; s < S; s++) {
    const ys = y[s]!;
    const ts = target[s]!;
    if (ys.length !== O || ts.length !== O) {
      throw new EngineInputError(
        `${what}: row ${s} has ${ys.length} outputs and ${ts.length} targets; expected shape [${S}][${O}] for both.`,
      );
    }
    for (let k = 0; k < O; k++) {
      if (!Number.isFinite(ts[k])) {
        throw new EngineInputError(
          `${what}: target[${s}][${k}] is ${ts[k]}; targets must be finite numbers.`,
        );
      }
      if (!Number.isFinite(ys[k])) {
        throw new EngineInputError(
          `${what}: y[${s}][${k}] is ${ys[k]}; the read-out must be finite numbers.`,
        );
      }
    }
  }
  return { S, O };
}
