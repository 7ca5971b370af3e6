import { GATE_ACTIVATIONS, tanhGradFromOutput } from '../activations';
import { clampRow, cutRow } from '../interventions';
import { addMatTVec, matVec } from '../linalg';
import type { RecurrentActivation } from '../types';
import type { CellKernel } from './kernel';

/**
 * LSTM (PyTorch's equations; row blocks i, f, g, o), σ being the recurrent activation
 * (the logistic sigmoid, or a hard sigmoid):
 *   i_t = σ(W_ii x_t + b_ii + W_hi h_{t−1} + b_hi)      input gate
 *   f_t = σ(W_if x_t + b_if + W_hf h_{t−1} + b_hf)      forget gate
 *   g_t = tanh(W_ig x_t + b_ig + W_hg h_{t−1} + b_hg)   candidate C̃_t
 *   o_t = σ(W_io x_t + b_io + W_ho h_{t−1} + b_ho)      output gate
 *   c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t
 *   h_t = o_t ⊙ tanh(c_t)                    or, with a projection (proj_size P):
 *   m_t = o_t ⊙ tanh(c_t),  h_t = W_hr m_t   (h has P entries, c keeps H)
 */
function lstmKernel(activation: RecurrentActivation): CellKernel {
  const { fn: sigma, gradFromOutput: sigmaGrad } = GATE_ACTIVATIONS[activation];
  return {
    G: 4,
    hasCellState: true,
    separateRecurrentAdjoint: false,
    recurrentInputs: (tape) => [{ r0: 0, r1: 4 * tape.H, X: tape.h }],
    gateRows: [
      { name: 'i', source: 'act', block: 0 },
      { name: 'f', source: 'act', block: 1 },
      { name: 'g', source: 'act', block: 2 },
      { name: 'o', source: 'act', block: 3 },
      { name: 'c', source: 'c', block: 0 },
      { name: 'h', source: 'h', block: 0 },
    ],
    preRows: [
      { name: 'i', source: 'pre', block: 0 },
      { name: 'f', source: 'pre', block: 1 },
      { name: 'g', source: 'pre', block: 2 },
      { name: 'o', source: 'pre', block: 3 },
    ],

    forward(p, xs, T, h0, c0, clamps) {
      const { inSize, H, hSize, W_ih, W_hh, b_ih, b_hh, W_hr } = p;
      const G4 = 4 * H;
      const h = new Float64Array((T + 1) * hSize);
      const c = new Float64Array((T + 1) * H);
      h.set(h0);
      c.set(c0);
      const act = new Float64Array(T * G4);
      const pre = new Float64Array(T * G4);
      const tanhC = new Float64Array(T * H);
      // o ⊙ tanh(c) goes straight into h, or into m for the projection to read.
      const m = W_hr ? new Float64Array(T * H) : null;
      const out = m ?? h;
      const fromInput = new Float64Array(G4);
      const fromState = new Float64Array(G4);
      for (let t = 0; t < T; t++) {
        const prev = t * H; // c_{t−1}
        const next = prev + H; // c_t
        const a = t * G4;
        // Pre-activations of all four gates: W_ih x_t + b_ih + W_hh h_{t−1} + b_hh.
        matVec(W_ih, inSize, 0, G4, xs, t * inSize, fromInput, 0);
        matVec(W_hh, hSize, 0, G4, h, t * hSize, fromState, 0);
        for (let k = 0; k < G4; k++) {
          pre[a + k] = fromInput[k]! + b_ih[k]! + (fromState[k]! + b_hh[k]!);
        }
        for (let j = 0; j < H; j++) {
          act[a + j] = sigma(pre[a + j]!); // i
          act[a + H + j] = sigma(pre[a + H + j]!); // f
          act[a + 2 * H + j] = Math.tanh(pre[a + 2 * H + j]!); // g
          act[a + 3 * H + j] = sigma(pre[a + 3 * H + j]!); // o
        }
        if (clamps) clampRow(clamps, 'act', t, act, a);
        // The cell state: keep f of the old memory, write i of the candidate.
        for (let j = 0; j < H; j++) {
          const i = act[a + j]!;
          const f = act[a + H + j]!;
          const g = act[a + 2 * H + j]!;
          c[next + j] = f * c[prev + j]! + i * g;
        }
        if (clamps) clampRow(clamps, 'c', t, c, next);
        // The hidden state: show o of the squashed memory.
        const o0 = m ? prev : next;
        for (let j = 0; j < H; j++) {
          const o = act[a + 3 * H + j]!;
          const tc = Math.tanh(c[next + j]!);
          tanhC[prev + j] = tc;
          out[o0 + j] = o * tc;
        }
        if (m && W_hr) matVec(W_hr, H, 0, hSize, m, prev, h, (t + 1) * hSize);
        if (clamps) clampRow(clamps, 'h', t, h, (t + 1) * hSize);
      }
      return { T, inSize, H, hSize, xs, h, c, act, pre, aux: tanhC, m, clamps };
    },

    stepVjp(p, tape, t, after, before, scratch, sink) {
      const { H, hSize, W_hh, W_hr } = p;
      const G4 = 4 * H;
      const act = tape.act;
      const c = tape.c as Float64Array;
      const tanhC = tape.aux as Float64Array;
      const a = t * G4;
      const prev = t * H;
      const dPre = scratch; // [4H]: dL/d(pre-activation), blocks i f g o
      // dL/d(o ⊙ tanh c): dh itself, or W_hrᵀ dh through the projection.
      let dm = after.dh;
      if (W_hr) {
        dm = scratch.subarray(G4, G4 + H);
        dm.fill(0);
        addMatTVec(W_hr, H, 0, hSize, after.dh, 0, dm, 0);
      }
      // h_t = o ⊙ tanh(c_t): the memory's adjoint gains what flows back through h_t.
      const dc = scratch.subarray(G4 + H, G4 + 2 * H);
      for (let j = 0; j < H; j++) {
        const o = act[a + 3 * H + j]!;
        dc[j] = after.dc[j]! + dm[j]! * o * tanhGradFromOutput(tanhC[prev + j]!);
      }
      const clamps = tape.clamps;
      if (clamps) cutRow(clamps, 'c', t, dc, 0);
      for (let j = 0; j < H; j++) {
        const i = act[a + j]!;
        const f = act[a + H + j]!;
        const g = act[a + 2 * H + j]!;
        const o = act[a + 3 * H + j]!;
        // c_t = f ⊙ c_{t−1} + i ⊙ g
        dPre[j] = dc[j]! * g * sigmaGrad(i);
        dPre[H + j] = dc[j]! * c[prev + j]! * sigmaGrad(f);
        dPre[2 * H + j] = dc[j]! * i * tanhGradFromOutput(g);
        dPre[3 * H + j] = dm[j]! * tanhC[prev + j]! * sigmaGrad(o);
        before.dc[j] = dc[j]! * f; // the constant error carousel: c_{t−1} reaches c_t through f
      }
      if (clamps) cutRow(clamps, 'act', t, dPre, 0);
      before.dh.fill(0);
      addMatTVec(W_hh, hSize, 0, G4, dPre, 0, before.dh, 0);
      sink?.dIn.set(dPre.subarray(0, G4), t * G4);
    },
  };
}

/** The LSTM kernels, one per recurrent activation. */
export const LSTM_KERNELS: Readonly<Record<RecurrentActivation, CellKernel>> = {
  sigmoid: lstmKernel('sigmoid'),
  hard_sigmoid_keras2: lstmKernel('hard_sigmoid_keras2'),
  hard_sigmoid_keras3: lstmKernel('hard_sigmoid_keras3'),
};
