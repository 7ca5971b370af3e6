import { EngineInputError } from './errors';
import { tapesFor } from './backward';
import { cutRow } from './interventions';
import { checkModel } from './model';
import { directionCount, stateSize } from './spec';
import type { Model, Trace } from './types';

/**
 * ‖∂h_T/∂h_t‖_F for one layer's recurrence, t = 0..T−1, where h_t is the state *entering*
 * step t: entry 0 spans all T steps, entry T−1 one step. The layer's input from below is
 * held fixed. `layer` indexes `Trace.layers` (and `hT`): for a bidirectional model, k·2 is
 * layer k's forward direction and k·2 + 1 its reverse one, whose final state is the one
 * after reading x_0: its entry t is the state entering the step that reads x_t, so there
 * entry T−1 spans all T steps and entry 0 one step (time runs the other way). For an
 * LSTM, c_t is held fixed and the perturbation enters through h_t only, but flows on
 * through every later c: the result is the h-block of the product of the joint (h, c) step
 * Jacobians. With a projection, h has P entries and the Jacobian is P×P. The trace's
 * interventions hold: a clamped gate, c or h is a constant, so with every unit's h (and,
 * for an LSTM, c) clamped at step k, the entries t ≤ k are 0 (nothing before k reaches h_T).
 *
 * Exact, in one backward sweep: the H' rows of ∂h_T/∂(h_t, c_t) are carried back through
 * time together, each step applying the cell's vector–Jacobian product to every row
 * (O(T·H'·G·H·H') multiply-adds, no T separate passes; cubic in the size, so at H = 256
 * an LSTM costs about as much per step as 256 forward+backward passes: run it in a worker).
 */
export function jacobianNorms(model: Model, trace: Trace, layer = 0): number[] {
  checkModel(model, 'jacobianNorms');
  const { numLayers: L, hiddenSize: H } = model.spec;
  const D = directionCount(model.spec);
  const hS = stateSize(model.spec);
  if (!Number.isInteger(layer) || layer < 0 || layer >= L * D) {
    const which = D === 2 ? ' (2k forward, 2k + 1 reverse for layer k)' : '';
    throw new EngineInputError(
      `jacobianNorms: layer must be an integer from 0 to ${L * D - 1}${which}, got ${layer}.`,
    );
  }
  const { kernel, tapes } = tapesFor(model, trace);
  const tape = tapes[layer]!;
  const p = model.layers[layer]!;
  const T = trace.T;
  const reverse = layer % D === 1;
  // Row r of ∂h_T/∂(h, c) at the current step: (dh[r], dc[r]); starts as (e_r, 0) at h_T.
  const rows = Array.from({ length: hS }, (_, r) => {
    const dh = new Float64Array(hS);
    dh[r] = 1;
    return { dh, dc: new Float64Array(H) };
  });
  const scratch = new Float64Array(2 * kernel.G * H);
  const norms = new Array<number>(T);
  for (let t = T - 1; t >= 0; t--) {
    let largest = 0;
    for (const row of rows) {
      if (tape.clamps) cutRow(tape.clamps, 'h', t, row.dh, 0); // a clamped h_t is a constant
      kernel.stepVjp(p, tape, t, row, row, scratch, null);
      for (let j = 0; j < hS; j++) largest = Math.max(largest, Math.abs(row.dh[j]!));
    }
    // Scaled by the largest entry, so that squares neither underflow below 1e-162 nor
    // overflow above 1e154 when the norm itself is still a normal double.
    let sumSquares = 0;
    if (largest > 0) {
      for (const row of rows) {
        for (let j = 0; j < hS; j++) sumSquares += (row.dh[j]! / largest) ** 2;
      }
    }
    // t counts the layer's own steps; a reverse direction's step t read x_{T−1−t}.
    norms[reverse ? T - 1 - t : t] = largest * Math.sqrt(sumSquares);
  }
  return norms;
}
