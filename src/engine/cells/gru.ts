import { GATE_ACTIVATIONS, tanhGradFromOutput } from '../activations';
import { clampRow, cutRow } from '../interventions';
import { addMatTVec, matVec } from '../linalg';
import type { GruConvention, RecurrentActivation } from '../types';
import type { CellKernel, GateRow } from './kernel';

const GRU_GATE_ROWS: readonly GateRow[] = [
  { name: 'r', source: 'act', block: 0 },
  { name: 'z', source: 'act', block: 1 },
  { name: 'n', source: 'act', block: 2 },
  { name: 'h', source: 'h', block: 0 },
];
const GRU_PRE_ROWS: readonly GateRow[] = [
  { name: 'r', source: 'pre', block: 0 },
  { name: 'z', source: 'pre', block: 1 },
  { name: 'n', source: 'pre', block: 2 },
];

/**
 * GRU in the `pytorch` convention (PyTorch, cuDNN, Keras reset_after=True); row blocks r, z, n,
 * σ being the recurrent activation (the logistic sigmoid, or a hard sigmoid):
 *   r_t = σ(W_ir x_t + b_ir + W_hr h_{t−1} + b_hr)               reset gate
 *   z_t = σ(W_iz x_t + b_iz + W_hz h_{t−1} + b_hz)               update gate
 *   n_t = tanh(W_in x_t + b_in + r_t ⊙ (W_hn h_{t−1} + b_hn))    candidate: r acts after W_hn
 *   h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t−1}                        z keeps the old state
 */
function gruPytorch(activation: RecurrentActivation): CellKernel {
  const { fn: sigmoid, gradFromOutput: sigmoidGradFromOutput } = GATE_ACTIVATIONS[activation];
  return {
    G: 3,
    hasCellState: false,
    separateRecurrentAdjoint: true,
    recurrentInputs: (tape) => [{ r0: 0, r1: 3 * tape.H, X: tape.h }],
    gateRows: GRU_GATE_ROWS,
    preRows: GRU_PRE_ROWS,

    forward(p, xs, T, h0, _c0, clamps) {
      const { inSize, H, W_ih, W_hh, b_ih, b_hh } = p;
      const G3 = 3 * H;
      const h = new Float64Array((T + 1) * H);
      h.set(h0);
      const act = new Float64Array(T * G3);
      const pre = new Float64Array(T * G3);
      const hn = new Float64Array(T * H); // W_hn h_{t−1} + b_hn, kept for backward
      const fromInput = new Float64Array(G3);
      const fromState = new Float64Array(G3);
      for (let t = 0; t < T; t++) {
        const prev = t * H;
        const next = prev + H;
        const a = t * G3;
        matVec(W_ih, inSize, 0, G3, xs, t * inSize, fromInput, 0);
        matVec(W_hh, H, 0, G3, h, prev, fromState, 0);
        for (let j = 0; j < H; j++) {
          const preR = fromInput[j]! + b_ih[j]! + (fromState[j]! + b_hh[j]!);
          const preZ = fromInput[H + j]! + b_ih[H + j]! + (fromState[H + j]! + b_hh[H + j]!);
          pre[a + j] = preR;
          pre[a + H + j] = preZ;
          act[a + j] = sigmoid(preR);
          act[a + H + j] = sigmoid(preZ);
        }
        if (clamps) clampRow(clamps, 'act', t, act, a); // r and z (n is written below)
        for (let j = 0; j < H; j++) {
          const hnj = fromState[2 * H + j]! + b_hh[2 * H + j]!;
          // The reset gate scales the recurrent part *after* the matrix.
          const preN = fromInput[2 * H + j]! + b_ih[2 * H + j]! + act[a + j]! * hnj;
          pre[a + 2 * H + j] = preN;
          act[a + 2 * H + j] = Math.tanh(preN);
          hn[prev + j] = hnj;
        }
        if (clamps) clampRow(clamps, 'act', t, act, a);
        for (let j = 0; j < H; j++) {
          const z = act[a + H + j]!;
          h[next + j] = (1 - z) * act[a + 2 * H + j]! + z * h[prev + j]!;
        }
        if (clamps) clampRow(clamps, 'h', t, h, next);
      }
      return { T, inSize, H, hSize: H, xs, h, c: null, act, pre, aux: hn, m: null, clamps };
    },

    stepVjp(p, tape, t, after, before, scratch, sink) {
      const { H, W_hh } = p;
      const G3 = 3 * H;
      const { act, h } = tape;
      const hn = tape.aux as Float64Array;
      const a = t * G3;
      const prev = t * H;
      // dL/d(pre-activations) as the two matrices see them: [r z n] for W_ih and b_ih, and
      // [r z (r ⊙ dn)] for W_hh and b_hh, since r multiplies W_hn h_{t−1} + b_hn.
      const dIn = scratch.subarray(0, G3);
      const dRec = scratch.subarray(G3, 2 * G3);
      const clamps = tape.clamps;
      for (let j = 0; j < H; j++) {
        const z = act[a + H + j]!;
        const n = act[a + 2 * H + j]!;
        const dh = after.dh[j]!;
        // h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
        dIn[H + j] = dh * (h[prev + j]! - n) * sigmoidGradFromOutput(z);
        dIn[2 * H + j] = dh * (1 - z) * tanhGradFromOutput(n);
        before.dh[j] = dh * z; // the direct path z ⊙ h_{t−1}
      }
      if (clamps) cutRow(clamps, 'act', t, dIn, 0); // a clamped z or n: nothing reaches its input
      for (let j = 0; j < H; j++) {
        dIn[j] = dIn[2 * H + j]! * hn[prev + j]! * sigmoidGradFromOutput(act[a + j]!);
      }
      if (clamps) cutRow(clamps, 'act', t, dIn, 0); // and a clamped r
      for (let j = 0; j < H; j++) {
        dRec[j] = dIn[j]!;
        dRec[H + j] = dIn[H + j]!;
        dRec[2 * H + j] = dIn[2 * H + j]! * act[a + j]!;
      }
      addMatTVec(W_hh, H, 0, G3, dRec, 0, before.dh, 0);
      if (sink) {
        sink.dIn.set(dIn, t * G3);
        sink.dRec.set(dRec, t * G3);
      }
    },
  };
}

/**
 * GRU in the `classic` convention (Cho et al. 2014, most course notes); row blocks r, z, n,
 * σ being the recurrent activation:
 *   r_t = σ(W_ir x_t + b_ir + W_hr h_{t−1} + b_hr)               reset gate
 *   z_t = σ(W_iz x_t + b_iz + W_hz h_{t−1} + b_hz)               update gate
 *   h̃_t = tanh(W_in x_t + b_in + W_hn (r_t ⊙ h_{t−1}) + b_hn)    candidate: r acts before W_hn
 *   h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t                         z writes the candidate
 * The trace calls h̃ `n`, as in the pytorch convention.
 */
function gruClassic(activation: RecurrentActivation): CellKernel {
  const { fn: sigmoid, gradFromOutput: sigmoidGradFromOutput } = GATE_ACTIVATIONS[activation];
  return {
    G: 3,
    hasCellState: false,
    separateRecurrentAdjoint: false,
    recurrentInputs: (tape) => [
      { r0: 0, r1: 2 * tape.H, X: tape.h },
      { r0: 2 * tape.H, r1: 3 * tape.H, X: tape.aux as Float64Array }, // W_hn reads r ⊙ h_{t−1}
    ],
    gateRows: GRU_GATE_ROWS,
    preRows: GRU_PRE_ROWS,

    forward(p, xs, T, h0, _c0, clamps) {
      const { inSize, H, W_ih, W_hh, b_ih, b_hh } = p;
      const G3 = 3 * H;
      const h = new Float64Array((T + 1) * H);
      h.set(h0);
      const act = new Float64Array(T * G3);
      const pre = new Float64Array(T * G3);
      const rh = new Float64Array(T * H); // r_t ⊙ h_{t−1}, the input of W_hn
      const fromInput = new Float64Array(G3);
      const fromState = new Float64Array(G3);
      for (let t = 0; t < T; t++) {
        const prev = t * H;
        const next = prev + H;
        const a = t * G3;
        matVec(W_ih, inSize, 0, G3, xs, t * inSize, fromInput, 0);
        matVec(W_hh, H, 0, 2 * H, h, prev, fromState, 0); // the r and z rows only
        for (let j = 0; j < H; j++) {
          const preR = fromInput[j]! + b_ih[j]! + (fromState[j]! + b_hh[j]!);
          const preZ = fromInput[H + j]! + b_ih[H + j]! + (fromState[H + j]! + b_hh[H + j]!);
          pre[a + j] = preR;
          pre[a + H + j] = preZ;
          act[a + j] = sigmoid(preR);
          act[a + H + j] = sigmoid(preZ);
        }
        if (clamps) clampRow(clamps, 'act', t, act, a); // r and z (n is written below)
        // The reset gate scales the old state *before* the matrix.
        for (let j = 0; j < H; j++) rh[prev + j] = act[a + j]! * h[prev + j]!;
        matVec(W_hh, H, 2 * H, G3, rh, prev, fromState, 2 * H);
        for (let j = 0; j < H; j++) {
          const preN =
            fromInput[2 * H + j]! + b_ih[2 * H + j]! + (fromState[2 * H + j]! + b_hh[2 * H + j]!);
          pre[a + 2 * H + j] = preN;
          act[a + 2 * H + j] = Math.tanh(preN);
        }
        if (clamps) clampRow(clamps, 'act', t, act, a);
        for (let j = 0; j < H; j++) {
          const z = act[a + H + j]!;
          h[next + j] = (1 - z) * h[prev + j]! + z * act[a + 2 * H + j]!;
        }
        if (clamps) clampRow(clamps, 'h', t, h, next);
      }
      return { T, inSize, H, hSize: H, xs, h, c: null, act, pre, aux: rh, m: null, clamps };
    },

    stepVjp(p, tape, t, after, before, scratch, sink) {
      const { H, W_hh } = p;
      const G3 = 3 * H;
      const { act, h } = tape;
      const a = t * G3;
      const prev = t * H;
      const dPre = scratch.subarray(0, G3); // [r z n]: the same for W_ih, W_hh and both biases
      const dRh = scratch.subarray(G3, G3 + H); // dL/d(r ⊙ h_{t−1})
      for (let j = 0; j < H; j++) {
        const z = act[a + H + j]!;
        const n = act[a + 2 * H + j]!;
        const dh = after.dh[j]!;
        // h_t = (1 − z) ⊙ h_{t−1} + z ⊙ h̃
        dPre[2 * H + j] = dh * z * tanhGradFromOutput(n);
        dPre[H + j] = dh * (n - h[prev + j]!) * sigmoidGradFromOutput(z);
      }
      const clamps = tape.clamps;
      if (clamps) cutRow(clamps, 'act', t, dPre, 0); // a clamped z or h̃: nothing reaches its input
      // h̃ reads r ⊙ h_{t−1} through W_hn.
      dRh.fill(0);
      addMatTVec(W_hh, H, 2 * H, G3, dPre, 2 * H, dRh, 0);
      for (let j = 0; j < H; j++) {
        const r = act[a + j]!;
        const z = act[a + H + j]!;
        dPre[j] = dRh[j]! * h[prev + j]! * sigmoidGradFromOutput(r);
        before.dh[j] = after.dh[j]! * (1 - z) + dRh[j]! * r;
      }
      if (clamps) cutRow(clamps, 'act', t, dPre, 0); // and a clamped r
      addMatTVec(W_hh, H, 0, 2 * H, dPre, 0, before.dh, 0);
      sink?.dIn.set(dPre, t * G3);
    },
  };
}

const KERNELS = {
  pytorch: {
    sigmoid: gruPytorch('sigmoid'),
    hard_sigmoid_keras2: gruPytorch('hard_sigmoid_keras2'),
    hard_sigmoid_keras3: gruPytorch('hard_sigmoid_keras3'),
  },
  classic: {
    sigmoid: gruClassic('sigmoid'),
    hard_sigmoid_keras2: gruClassic('hard_sigmoid_keras2'),
    hard_sigmoid_keras3: gruClassic('hard_sigmoid_keras3'),
  },
} as const satisfies Record<GruConvention, Record<RecurrentActivation, CellKernel>>;

/** The GRU kernel for a convention and a recurrent activation. */
export function gruKernel(convention: GruConvention, activation: RecurrentActivation): CellKernel {
  return KERNELS[convention][activation];
}
