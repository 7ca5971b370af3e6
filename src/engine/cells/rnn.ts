import { relu, reluGradFromOutput, tanhGradFromOutput } from '../activations';
import { clampRow } from '../interventions';
import { addMatTVec, matVec } from '../linalg';
import type { Nonlinearity } from '../types';
import type { CellKernel } from './kernel';

/**
 * The vanilla (Elman) RNN:
 *   a_t = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh
 *   h_t = tanh(a_t)   (or relu(a_t))
 */
function rnnKernel(nonlinearity: Nonlinearity): CellKernel {
  const activate = nonlinearity === 'relu' ? relu : Math.tanh;
  const gradFromOutput = nonlinearity === 'relu' ? reluGradFromOutput : tanhGradFromOutput;
  return {
    G: 1,
    hasCellState: false,
    separateRecurrentAdjoint: false,
    recurrentInputs: (tape) => [{ r0: 0, r1: tape.H, X: tape.h }],
    gateRows: [
      { name: 'pre', source: 'pre', block: 0 },
      { name: 'h', source: 'h', block: 0 },
    ],
    preRows: [{ name: 'pre', source: 'pre', block: 0 }],

    forward(p, xs, T, h0, _c0, clamps) {
      const { inSize, H, W_ih, W_hh, b_ih, b_hh } = p;
      const h = new Float64Array((T + 1) * H);
      h.set(h0);
      const pre = new Float64Array(T * H);
      const fromInput = new Float64Array(H);
      const fromState = new Float64Array(H);
      for (let t = 0; t < T; t++) {
        const prev = t * H;
        const next = prev + H;
        matVec(W_ih, inSize, 0, H, xs, t * inSize, fromInput, 0);
        matVec(W_hh, H, 0, H, h, prev, fromState, 0);
        for (let j = 0; j < H; j++) {
          const a = fromInput[j]! + b_ih[j]! + (fromState[j]! + b_hh[j]!);
          pre[prev + j] = a;
          h[next + j] = activate(a);
        }
        if (clamps) clampRow(clamps, 'h', t, h, next);
      }
      // The activated block is h itself (rows 1..T of h), so `act` shares its buffer.
      return {
        T,
        inSize,
        H,
        hSize: H,
        xs,
        h,
        c: null,
        act: h.subarray(H),
        pre,
        aux: null,
        m: null,
        clamps,
      };
    },

    // A clamped h_t is the caller's to cut (see CellKernel.stepVjp): nothing else can be clamped.
    stepVjp(p, tape, t, after, before, scratch, sink) {
      const { H, W_hh } = p;
      const next = (t + 1) * H;
      const dPre = scratch.subarray(0, H);
      for (let j = 0; j < H; j++) dPre[j] = after.dh[j]! * gradFromOutput(tape.h[next + j]!);
      before.dh.fill(0);
      addMatTVec(W_hh, H, 0, H, dPre, 0, before.dh, 0);
      sink?.dIn.set(dPre, t * H);
    },
  };
}

/** The tanh RNN kernel. */
export const rnnTanh: CellKernel = rnnKernel('tanh');
/** The relu RNN kernel. */
export const rnnRelu: CellKernel = rnnKernel('relu');
