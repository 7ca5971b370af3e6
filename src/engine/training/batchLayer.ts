import { addTransposedProduct } from '../linalg';
import type { ParamLayout } from './params';
import { offsetOf } from './params';
import { addMatTMul, matMulRows } from './batchLinalg';

/**
 * One recurrent layer of a batched pass over B samples of T steps: its parameters and
 * their gradients as views into the flat θ and gradient vectors, and every buffer the
 * pass needs, allocated once. Buffers are [T][B][·] row-major: the B rows of one step are
 * adjacent, so that a step's products run over one block. Only the first n ≤ B sample
 * rows of a step are used when a batch is short (evaluation's last chunk).
 */
export interface BatchLayer {
  /** Sample capacity B, steps T, units H, input features, gate rows G·H. */
  readonly B: number;
  readonly T: number;
  readonly H: number;
  readonly inSize: number;
  readonly GH: number;
  /** [G·H][inSize], [G·H][H], [G·H], [G·H]: views into θ. */
  readonly W_ih: Float64Array;
  readonly W_hh: Float64Array;
  readonly b_ih: Float64Array;
  readonly b_hh: Float64Array;
  /** The same shapes: views into the gradient vector. */
  readonly dW_ih: Float64Array;
  readonly dW_hh: Float64Array;
  readonly db_ih: Float64Array;
  readonly db_hh: Float64Array;
  /** This layer's input x_t of sample b at xOff + (t·B + b)·inSize (the input, or h of the layer below). */
  readonly x: Float64Array;
  readonly xOff: number;
  /** [T+1][B][H]: row 0 is h0 = 0, row t+1 is h after step t. */
  readonly h: Float64Array;
  /** [T+1][B][H], lstm only: the cell state, as h. */
  readonly c: Float64Array;
  /** [T][B][G·H]: gates after activation (lstm i f g o; gru r z n; unused by rnn). */
  readonly act: Float64Array;
  /** [T][B][H]: lstm tanh c_t; gru pytorch W_hn h_{t−1} + b_hn; gru classic r_t ⊙ h_{t−1}. */
  readonly aux: Float64Array;
  /** [T][B][G·H]: dL/d(pre-activations) as W_ih and b_ih see them. */
  readonly dIn: Float64Array;
  /** [T][B][G·H]: the same as W_hh and b_hh see them (dIn itself unless gru pytorch). */
  readonly dRec: Float64Array;
  /** [T][B][H]: dL/dh_t arriving from the head or from the layer above. */
  readonly dOut: Float64Array;
  /** [B][H]: the running adjoints dL/dh and dL/dc (lstm) of the state between steps. */
  readonly dh: Float64Array;
  readonly dc: Float64Array;
  /** [B][G·H] scratch: W_ih x_t and W_hh h_{t−1} of one step. */
  readonly fromInput: Float64Array;
  readonly fromState: Float64Array;
  /** [B][H] scratch: gru classic's dL/d(r ⊙ h_{t−1}). */
  readonly dRh: Float64Array;
  /** Per sample b, views starting at its row of step 0, for the per-sample sums of dθ. */
  readonly xRows: readonly Float64Array[];
  readonly hRows: readonly Float64Array[];
  readonly auxRows: readonly Float64Array[];
  readonly dInRows: readonly Float64Array[];
  readonly dRecRows: readonly Float64Array[];
}

/** A batched cell: one step forward, one step of backpropagation, what W_hh reads. */
export interface BatchCell {
  /** Row blocks G. */
  readonly G: number;
  /** Whether W_hh and b_hh see other adjoints than W_ih (gru pytorch: r ⊙ dn). */
  readonly separateRecurrentAdjoint: boolean;
  /** W_hh's row blocks [from, to) and the rows they multiply: h_{t−1}, or `aux` (gru classic). */
  readonly recurrent: readonly { from: number; to: number; source: 'h' | 'aux' }[];
  /** Step t for samples 0..n−1: fills act, aux, h (and c) of step t from h (and c) of t − 1. */
  forwardStep(L: BatchLayer, t: number, n: number): void;
  /**
   * Step t backwards: reads dh (and dc), the adjoints of the state leaving step t, writes
   * dIn (and dRec) of step t and leaves in dh (and dc) the adjoints of the state entering it.
   */
  backwardStep(L: BatchLayer, t: number, n: number): void;
}

/** Where layer `l`'s parameters sit in θ. */
function paramViews(layout: ParamLayout, flat: Float64Array, l: number) {
  const view = (name: string, size: number) => {
    const at = offsetOf(layout, `${name}_l${l}`);
    return flat.subarray(at, at + size);
  };
  return view;
}

/**
 * The two products of step t for the first n samples, every gate row: `fromInput` =
 * W_ih x_t and `fromState` = W_hh h_{t−1}, each [n][G·H] (the cells add the biases).
 */
export function stepProducts(L: BatchLayer, t: number, n: number): void {
  const { B, H, GH, inSize } = L;
  matMulRows(L.W_ih, inSize, 0, GH, L.x, L.xOff + t * B * inSize, inSize, L.fromInput, 0, GH, n);
  matMulRows(L.W_hh, H, 0, GH, L.h, t * B * H, H, L.fromState, 0, GH, n);
}

/** Allocates layer `l` of a batched pass reading `x` from `xOff` ([T][B][inSize] rows). */
export function createBatchLayer(
  layout: ParamLayout,
  theta: Float64Array,
  grad: Float64Array,
  l: number,
  sizes: { B: number; T: number; H: number; G: number; inSize: number },
  x: Float64Array,
  xOff: number,
  separateRecurrentAdjoint: boolean,
): BatchLayer {
  const { B, T, H, G, inSize } = sizes;
  const GH = G * H;
  const p = paramViews(layout, theta, l);
  const g = paramViews(layout, grad, l);
  const h = new Float64Array((T + 1) * B * H);
  const aux = new Float64Array(T * B * H);
  const dIn = new Float64Array(T * B * GH);
  const dRec = separateRecurrentAdjoint ? new Float64Array(T * B * GH) : dIn;
  const rows = (buffer: Float64Array, start: number, width: number) =>
    Array.from({ length: B }, (_, b) => buffer.subarray(start + b * width));
  return {
    B,
    T,
    H,
    inSize,
    GH,
    W_ih: p('weight_ih', GH * inSize),
    W_hh: p('weight_hh', GH * H),
    b_ih: p('bias_ih', GH),
    b_hh: p('bias_hh', GH),
    dW_ih: g('weight_ih', GH * inSize),
    dW_hh: g('weight_hh', GH * H),
    db_ih: g('bias_ih', GH),
    db_hh: g('bias_hh', GH),
    x,
    xOff,
    h,
    c: new Float64Array(G === 4 ? (T + 1) * B * H : 0),
    act: new Float64Array(T * B * GH),
    aux,
    dIn,
    dRec,
    dOut: new Float64Array(T * B * H),
    dh: new Float64Array(B * H),
    dc: new Float64Array(B * H),
    fromInput: new Float64Array(B * GH),
    fromState: new Float64Array(B * GH),
    dRh: new Float64Array(B * H),
    xRows: rows(x, xOff, inSize),
    hRows: rows(h, 0, H),
    auxRows: rows(aux, 0, H),
    dInRows: rows(dIn, 0, GH),
    dRecRows: rows(dRec, 0, GH),
  };
}

/**
 * Backpropagation through one layer for samples 0..n−1, from its last step to its
 * first, with zero adjoints leaving step T − 1: each step adds dOut to dh, then the cell
 * steps back. Then adds to the layer's gradients, per sample b in order, Σ_t of
 * d_t x_tᵀ, d_t h_{t−1}ᵀ (or d_t aux_tᵀ) and d_t, each summed over t first, exactly as
 * the per-sample `backward` forms one sample's gradient before `lossAndGradients` adds
 * it. With `below`, writes dL/dx_t = W_ihᵀ d_t into the layer below's dOut.
 */
export function backwardLayer(
  cell: BatchCell,
  L: BatchLayer,
  n: number,
  below: BatchLayer | null,
): void {
  const { B, T, H, GH, dOut, dh } = L;
  dh.fill(0);
  L.dc.fill(0);
  const width = n * H;
  for (let t = T - 1; t >= 0; t--) {
    const row = t * B * H;
    for (let k = 0; k < width; k++) dh[k] = dh[k]! + dOut[row + k]!;
    cell.backwardStep(L, t, n);
  }
  for (let b = 0; b < n; b++) {
    addTransposedProduct(
      L.dW_ih,
      L.inSize,
      0,
      GH,
      L.dInRows[b]!,
      B * GH,
      L.xRows[b]!,
      B * L.inSize,
      T,
    );
    for (const { from, to, source } of cell.recurrent) {
      const X = (source === 'h' ? L.hRows : L.auxRows)[b]!;
      addTransposedProduct(L.dW_hh, H, from * H, to * H, L.dRecRows[b]!, B * GH, X, B * H, T);
    }
  }
  addBiasGradient(L.db_ih, L.dIn, B, T, GH, n);
  addBiasGradient(L.db_hh, L.dRec, B, T, GH, n);
  if (below) {
    const dxs = below.dOut;
    dxs.fill(0);
    for (let t = 0; t < T; t++) {
      addMatTMul(
        L.W_ih,
        L.inSize,
        0,
        GH,
        L.dIn,
        t * B * GH,
        GH,
        dxs,
        t * B * L.inSize,
        L.inSize,
        n,
      );
    }
  }
}

/** db[r] += Σ_t D[t][b][r] for each sample b < n in turn ([T][B][GH] rows). */
function addBiasGradient(
  db: Float64Array,
  D: Float64Array,
  B: number,
  T: number,
  GH: number,
  n: number,
): void {
  const stride = B * GH;
  for (let r = 0; r < GH; r++) {
    let total = db[r]!;
    for (let b = 0; b < n; b++) {
      let s = 0;
      for (let k = b * GH + r, t = 0; t < T; t++, k += stride) s += D[k]!;
      total += s;
    }
    db[r] = total;
  }
}
