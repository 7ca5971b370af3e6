import { EngineInputError } from './errors';
import { tapesFor } from './backward';
import { checkModel } from './model';
import type { Model, Trace } from './types';

/**
 * ‖∂h_T/∂h_t‖_F for one layer's recurrence, t = 0..T−1, where h_t is the state *entering*
 * step t: entry 0 spans all T steps, entry T−1 one step. The layer's input from below is
 * held fixed. For an LSTM, c_t is held fixed and the perturbation enters through h_t
 * only, but flows on through every later c: the result is the h-block of the product of
 * the joint (h, c) step Jacobians.
 *
 * Exact, in one backward sweep: the H rows of ∂h_T/∂(h_t, c_t) are carried back through
 * time together, each step applying the cell's vector–Jacobian product to every row
 * (O(T·H·G·H²) multiply-adds, no T separate passes).
 */
export function jacobianNorms(model: Model, trace: Trace, layer = 0): number[] {
  checkModel(model, 'jacobianNorms');
  const { numLayers: L, hiddenSize: H } = model.spec;
  if (!Number.isInteger(layer) || layer < 0 || layer >= L) {
    throw new EngineInputError(
      `jacobianNorms: layer must be an integer from 0 to ${L - 1}, got ${layer}.`,
    );
  }
  const { kernel, tapes } = tapesFor(model, trace);
  const tape = tapes[layer]!;
  const p = model.layers[layer]!;
  const T = trace.T;
  // Row r of ∂h_T/∂(h, c) at the current step: (dh[r], dc[r]); starts as (e_r, 0) at h_T.
  const rows = Array.from({ length: H }, (_, r) => {
    const dh = new Float64Array(H);
    dh[r] = 1;
    return { dh, dc: new Float64Array(H) };
  });
  const scratch = new Float64Array(2 * kernel.G * H);
  const norms = new Array<number>(T);
  for (let t = T - 1; t >= 0; t--) {
    let largest = 0;
    for (const row of rows) {
      kernel.stepVjp(p, tape, t, row, row, scratch, null);
      for (let j = 0; j < H; j++) largest = Math.max(largest, Math.abs(row.dh[j]!));
    }
    // Scaled by the largest entry, so that squares neither underflow below 1e-162 nor
    // overflow above 1e154 when the norm itself is still a normal double.
    let sumSquares = 0;
    if (largest > 0) {
      for (const row of rows) {
        for (let j = 0; j < H; j++) sumSquares += (row.dh[j]! / largest) ** 2;
      }
    }
    norms[t] = largest * Math.sqrt(sumSquares);
  }
  return norms;
}
