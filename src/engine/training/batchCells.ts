import { sigmoid as logistic } from '../activations';
import { stepProducts, type BatchCell } from './batchLayer';
import { addMatTMul } from './batchLinalg';
import { GRU_CLASSIC, GRU_PYTORCH } from './batchGru';

/** A local binding: read once, not through the module's export on every call. */
const sigmoid = logistic;

/*
 * The batched cells: the equations of ../cells/*.ts over n samples at once, each
 * expression written as the per-sample kernel writes it (σ′ = y(1 − y), tanh′ = 1 − y²,
 * the same association), so that a batch reproduces the per-sample numbers exactly.
 * Logistic-sigmoid gates only.
 */

/**
 * LSTM, row blocks i f g o:
 *   c_t = f ⊙ c_{t−1} + i ⊙ g,   h_t = o ⊙ tanh(c_t);   aux keeps tanh(c_t).
 */
const LSTM: BatchCell = {
  G: 4,
  separateRecurrentAdjoint: false,
  recurrent: [{ from: 0, to: 4, source: 'h' }],

  forwardStep(L, t, n) {
    const { B, H, GH, b_ih, b_hh, h, c, act, aux, fromInput, fromState } = L;
    stepProducts(L, t, n);
    for (let b = 0; b < n; b++) {
      const p = b * GH;
      const a = (t * B + b) * GH;
      const prev = (t * B + b) * H;
      const next = prev + B * H;
      for (let j = 0; j < H; j++) {
        const pi = p + j;
        const pf = pi + H;
        const pg = pf + H;
        const po = pg + H;
        const i = sigmoid(fromInput[pi]! + b_ih[j]! + (fromState[pi]! + b_hh[j]!));
        const f = sigmoid(fromInput[pf]! + b_ih[H + j]! + (fromState[pf]! + b_hh[H + j]!));
        const g = Math.tanh(
          fromInput[pg]! + b_ih[2 * H + j]! + (fromState[pg]! + b_hh[2 * H + j]!),
        );
        const o = sigmoid(fromInput[po]! + b_ih[3 * H + j]! + (fromState[po]! + b_hh[3 * H + j]!));
        act[a + j] = i;
        act[a + H + j] = f;
        act[a + 2 * H + j] = g;
        act[a + 3 * H + j] = o;
        const c_t = f * c[prev + j]! + i * g;
        c[next + j] = c_t;
        const tc = Math.tanh(c_t);
        aux[prev + j] = tc;
        h[next + j] = o * tc;
      }
    }
  },

  backwardStep(L, t, n) {
    const { B, H, GH, act, c, aux, dIn, dh, dc } = L;
    for (let b = 0; b < n; b++) {
      const a = (t * B + b) * GH;
      const prev = (t * B + b) * H;
      const s = b * H;
      for (let j = 0; j < H; j++) {
        const i = act[a + j]!;
        const f = act[a + H + j]!;
        const g = act[a + 2 * H + j]!;
        const o = act[a + 3 * H + j]!;
        const tc = aux[prev + j]!;
        const dhj = dh[s + j]!;
        const dcj = dc[s + j]! + dhj * o * (1 - tc * tc);
        dIn[a + j] = dcj * g * (i * (1 - i));
        dIn[a + H + j] = dcj * c[prev + j]! * (f * (1 - f));
        dIn[a + 2 * H + j] = dcj * i * (1 - g * g);
        dIn[a + 3 * H + j] = dhj * tc * (o * (1 - o));
        dc[s + j] = dcj * f;
      }
    }
    dh.fill(0, 0, n * H);
    addMatTMul(L.W_hh, H, 0, GH, dIn, t * B * GH, GH, dh, 0, H, n);
  },
};

/** The Elman RNN, h_t = tanh(a_t) or relu(a_t); h is its only record. */
function rnnCell(relu: boolean): BatchCell {
  return {
    G: 1,
    separateRecurrentAdjoint: false,
    recurrent: [{ from: 0, to: 1, source: 'h' }],

    forwardStep(L, t, n) {
      const { B, H, b_ih, b_hh, h, fromInput, fromState } = L;
      stepProducts(L, t, n);
      const next = (t + 1) * B * H;
      for (let b = 0; b < n; b++) {
        const p = b * H;
        for (let j = 0; j < H; j++) {
          const a = fromInput[p + j]! + b_ih[j]! + (fromState[p + j]! + b_hh[j]!);
          h[next + p + j] = relu ? (a > 0 ? a : 0) : Math.tanh(a);
        }
      }
    },

    backwardStep(L, t, n) {
      const { B, H, h, dIn, dh } = L;
      const next = (t + 1) * B * H;
      const row = t * B * H;
      const width = n * H;
      for (let k = 0; k < width; k++) {
        const y = h[next + k]!;
        dIn[row + k] = dh[k]! * (relu ? (y > 0 ? 1 : 0) : 1 - y * y);
      }
      dh.fill(0, 0, width);
      addMatTMul(L.W_hh, H, 0, H, dIn, row, H, dh, 0, H, n);
    },
  };
}

const RNN_TANH = rnnCell(false);
const RNN_RELU = rnnCell(true);

/** The batched cell of a spec (sigmoid gates, no projection: checked by the caller). */
export function batchCellFor(spec: {
  cell: 'rnn' | 'lstm' | 'gru';
  nonlinearity: 'tanh' | 'relu';
  convention: 'pytorch' | 'classic';
}): BatchCell {
  switch (spec.cell) {
    case 'lstm':
      return LSTM;
    case 'gru':
      return spec.convention === 'classic' ? GRU_CLASSIC : GRU_PYTORCH;
    case 'rnn':
      return spec.nonlinearity === 'relu' ? RNN_RELU : RNN_TANH;
  }
}
