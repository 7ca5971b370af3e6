import { sigmoid as logistic } from '../activations';
import { stepProducts, type BatchCell } from './batchLayer';
import { addMatTMul, matMulRows } from './batchLinalg';

/** A local binding: read once, not through the module's export on every call. */
const sigmoid = logistic;

/**
 * GRU, `pytorch` convention (row blocks r z n):
 *   n_t = tanh(W_in x_t + b_in + r_t ⊙ (W_hn h_{t−1} + b_hn)),  h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t−1};
 * aux keeps W_hn h_{t−1} + b_hn. W_hh sees [dr dz (r ⊙ dn)], W_ih [dr dz dn].
 */
export const GRU_PYTORCH: BatchCell = {
  G: 3,
  separateRecurrentAdjoint: true,
  recurrent: [{ from: 0, to: 3, source: 'h' }],

  forwardStep(L, t, n) {
    const { B, H, GH, b_ih, b_hh, h, act, aux, fromInput, fromState } = L;
    stepProducts(L, t, n);
    for (let b = 0; b < n; b++) {
      const p = b * GH;
      const a = (t * B + b) * GH;
      const prev = (t * B + b) * H;
      const next = prev + B * H;
      for (let j = 0; j < H; j++) {
        const pr = p + j;
        const pz = pr + H;
        const pn = pz + H;
        const r = sigmoid(fromInput[pr]! + b_ih[j]! + (fromState[pr]! + b_hh[j]!));
        const z = sigmoid(fromInput[pz]! + b_ih[H + j]! + (fromState[pz]! + b_hh[H + j]!));
        const hn = fromState[pn]! + b_hh[2 * H + j]!;
        const nj = Math.tanh(fromInput[pn]! + b_ih[2 * H + j]! + r * hn);
        act[a + j] = r;
        act[a + H + j] = z;
        act[a + 2 * H + j] = nj;
        aux[prev + j] = hn;
        h[next + j] = (1 - z) * nj + z * h[prev + j]!;
      }
    }
  },

  backwardStep(L, t, n) {
    const { B, H, GH, act, h, aux, dIn, dRec, dh } = L;
    for (let b = 0; b < n; b++) {
      const a = (t * B + b) * GH;
      const prev = (t * B + b) * H;
      const s = b * H;
      for (let j = 0; j < H; j++) {
        const r = act[a + j]!;
        const z = act[a + H + j]!;
        const nj = act[a + 2 * H + j]!;
        const dhj = dh[s + j]!;
        const dPreN = dhj * (1 - z) * (1 - nj * nj);
        const dPreZ = dhj * (h[prev + j]! - nj) * (z * (1 - z));
        const dPreR = dPreN * aux[prev + j]! * (r * (1 - r));
        dIn[a + j] = dPreR;
        dIn[a + H + j] = dPreZ;
        dIn[a + 2 * H + j] = dPreN;
        dRec[a + j] = dPreR;
        dRec[a + H + j] = dPreZ;
        dRec[a + 2 * H + j] = dPreN * r;
        dh[s + j] = dhj * z; // the direct path z ⊙ h_{t−1}
      }
    }
    addMatTMul(L.W_hh, H, 0, GH, dRec, t * B * GH, GH, dh, 0, H, n);
  },
};

/**
 * GRU, `classic` convention (row blocks r z n):
 *   h̃_t = tanh(W_in x_t + b_in + W_hn (r_t ⊙ h_{t−1}) + b_hn),  h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t;
 * aux keeps r_t ⊙ h_{t−1}, which W_hn's rows multiply.
 */
export const GRU_CLASSIC: BatchCell = {
  G: 3,
  separateRecurrentAdjoint: false,
  recurrent: [
    { from: 0, to: 2, source: 'h' },
    { from: 2, to: 3, source: 'aux' },
  ],

  forwardStep(L, t, n) {
    const { B, H, GH, inSize, b_ih, b_hh, h, act, aux, fromInput, fromState } = L;
    const rowH = t * B * H;
    matMulRows(L.W_ih, inSize, 0, GH, L.x, L.xOff + t * B * inSize, inSize, fromInput, 0, GH, n);
    matMulRows(L.W_hh, H, 0, 2 * H, h, rowH, H, fromState, 0, GH, n); // r and z rows
    for (let b = 0; b < n; b++) {
      const p = b * GH;
      const a = (t * B + b) * GH;
      const prev = rowH + b * H;
      for (let j = 0; j < H; j++) {
        const pr = p + j;
        const pz = pr + H;
        const r = sigmoid(fromInput[pr]! + b_ih[j]! + (fromState[pr]! + b_hh[j]!));
        act[a + j] = r;
        act[a + H + j] = sigmoid(fromInput[pz]! + b_ih[H + j]! + (fromState[pz]! + b_hh[H + j]!));
        aux[prev + j] = r * h[prev + j]!;
      }
    }
    matMulRows(L.W_hh, H, 2 * H, GH, aux, rowH, H, fromState, 2 * H, GH, n);
    for (let b = 0; b < n; b++) {
      const p = b * GH + 2 * H;
      const a = (t * B + b) * GH;
      const prev = rowH + b * H;
      const next = prev + B * H;
      for (let j = 0; j < H; j++) {
        const nj = Math.tanh(
          fromInput[p + j]! + b_ih[2 * H + j]! + (fromState[p + j]! + b_hh[2 * H + j]!),
        );
        const z = act[a + H + j]!;
        act[a + 2 * H + j] = nj;
        h[next + j] = (1 - z) * h[prev + j]! + z * nj;
      }
    }
  },

  backwardStep(L, t, n) {
    const { B, H, GH, act, h, dIn, dh, dRh } = L;
    const rowD = t * B * GH;
    for (let b = 0; b < n; b++) {
      const a = rowD + b * GH;
      const prev = (t * B + b) * H;
      const s = b * H;
      for (let j = 0; j < H; j++) {
        const z = act[a + H + j]!;
        const nj = act[a + 2 * H + j]!;
        const dhj = dh[s + j]!;
        dIn[a + 2 * H + j] = dhj * z * (1 - nj * nj);
        dIn[a + H + j] = dhj * (nj - h[prev + j]!) * (z * (1 - z));
      }
    }
    // h̃ reads r ⊙ h_{t−1} through W_hn.
    dRh.fill(0, 0, n * H);
    addMatTMul(L.W_hh, H, 2 * H, GH, dIn, rowD + 2 * H, GH, dRh, 0, H, n);
    for (let b = 0; b < n; b++) {
      const a = rowD + b * GH;
      const prev = (t * B + b) * H;
      const s = b * H;
      for (let j = 0; j < H; j++) {
        const r = act[a + j]!;
        const z = act[a + H + j]!;
        dIn[a + j] = dRh[s + j]! * h[prev + j]! * (r * (1 - r));
        dh[s + j] = dh[s + j]! * (1 - z) + dRh[s + j]! * r;
      }
    }
    addMatTMul(L.W_hh, H, 0, 2 * H, dIn, rowD, GH, dh, 0, H, n);
  },
};
