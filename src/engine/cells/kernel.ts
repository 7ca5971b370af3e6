import type { TapeClamps } from '../interventions';
import type { LayerParams } from '../types';

/**
 * What one layer's forward pass keeps for backpropagation and for the views: flat
 * row-major buffers, one row per step. Never mutated after the forward pass.
 */
export interface Tape {
  /** Steps, T. */
  readonly T: number;
  /** Input features of this layer. */
  readonly inSize: number;
  /** Units, H. */
  readonly H: number;
  /** Entries of h, H': the projection size P (lstm with projSize > 0), else H. */
  readonly hSize: number;
  /**
   * [T][inSize]: this layer's input x_t, in the order the layer reads it (a reverse
   * direction's row s is the input at time T−1−s; every row index below is in that order).
   */
  readonly xs: Float64Array;
  /** [T+1][hSize]: row 0 is h0, row t+1 is h after step t. */
  readonly h: Float64Array;
  /** [T+1][H], lstm only: row 0 is c0, row t+1 is c after step t. */
  readonly c: Float64Array | null;
  /** [T][G·H]: gate blocks after activation (lstm i f g o; gru r z n; rnn h). */
  readonly act: Float64Array;
  /** [T][G·H]: the same blocks before activation. */
  readonly pre: Float64Array;
  /** [T][H]: what backward needs besides (lstm: tanh c_t; gru pytorch: W_hn h_{t−1} + b_hn). */
  readonly aux: Float64Array | null;
  /** [T][H], lstm with a projection only: m_t = o_t ⊙ tanh(c_t), which W_hr projects to h_t. */
  readonly m: Float64Array | null;
  /** The interventions on this layer, which its rows already hold; null when none. */
  readonly clamps: TapeClamps | null;
}

/** dL/dθ of one layer, flat, with the shapes of {@link LayerParams}. */
export interface LayerGrads {
  readonly dW_ih: Float64Array;
  readonly dW_hh: Float64Array;
  readonly db_ih: Float64Array;
  readonly db_hh: Float64Array;
  /** [P][H], with a projection only. */
  readonly dW_hr: Float64Array | null;
}

/** The rows r0 ≤ r < r1 of W_hh multiply X's row t at step t ([T][H] rows, H apart). */
export interface RecurrentInput {
  readonly r0: number;
  readonly r1: number;
  readonly X: Float64Array;
}

/** The adjoint of the state on one side of a step: dh [hSize], and dc [H] for lstm. */
export interface Adjoint {
  readonly dh: Float64Array;
  readonly dc: Float64Array;
}

/**
 * Where a backward step records its adjoints of the pre-activations, so that the
 * parameter gradients and dL/dxs are formed afterwards in a few matrix products.
 */
export interface GradSink {
  /** [T][G·H]: row t ← dL/d(pre-activation) as W_ih and b_ih see it. */
  readonly dIn: Float64Array;
  /** [T][G·H]: row t ← the same as W_hh and b_hh see it (the same buffer unless they differ). */
  readonly dRec: Float64Array;
}

/** One cell's equations, forward and backward, over one layer. */
export interface CellKernel {
  /** Row blocks per weight matrix, G. */
  readonly G: number;
  /** Whether the state carries a cell state c (lstm). */
  readonly hasCellState: boolean;
  /**
   * Runs the layer over T steps from (h0, c0); c0 is ignored without a cell state. With
   * `clamps`, each step's clamped gates, c and h are replaced right after they are computed.
   */
  forward(
    p: LayerParams,
    xs: Float64Array,
    T: number,
    h0: Float64Array,
    c0: Float64Array,
    clamps: TapeClamps | null,
  ): Tape;
  /**
   * One step's vector–Jacobian product. Reads `after` (adjoint of the state leaving step
   * t), writes `before` (adjoint of the state entering step t; `before` may be `after`
   * itself). With a `sink`, also records the pre-activation adjoints of step t.
   * `scratch` holds at least 2·G·H numbers. Row t is the t-th step the layer took. The
   * tape's clamped gates and c pass nothing back; a clamped h is the caller's to cut
   * (`cutRow(clamps, 'h', …)` on `after.dh`), since the caller records dL/dh_t first.
   */
  stepVjp(
    p: LayerParams,
    tape: Tape,
    t: number,
    after: Adjoint,
    before: Adjoint,
    scratch: Float64Array,
    sink: GradSink | null,
  ): void;
  /** Whether W_hh sees other pre-activation adjoints than W_ih (gru pytorch: r ⊙ dn). */
  readonly separateRecurrentAdjoint: boolean;
  /** What each row block of W_hh multiplies: h_{t−1}, or for classic GRU's n rows r ⊙ h_{t−1}. */
  recurrentInputs(tape: Tape): readonly RecurrentInput[];
  /** Names of the trace rows after activation, and the buffer block each one reads. */
  readonly gateRows: readonly GateRow[];
  /** Names of the pre-activation rows and their block in `pre`. */
  readonly preRows: readonly GateRow[];
}

/** Where the rows of one named quantity live in a {@link Tape}. */
export interface GateRow {
  readonly name: string;
  /** The buffer: a block of `act` or `pre`, the h or c state rows, or lstm's `m` rows. */
  readonly source: 'act' | 'pre' | 'h' | 'c' | 'm';
  /** Block index within `act`/`pre` (0 for h, c and m). */
  readonly block: number;
}
