/** Which recurrent cell a model runs. */
export type CellType = 'rnn' | 'lstm' | 'gru';

/** The vanilla RNN's activation. */
export type Nonlinearity = 'tanh' | 'relu';

/**
 * How a GRU mixes its reset and update gates (see NOTES.md):
 * `pytorch` (PyTorch, cuDNN, Keras reset_after=True) applies r after W_hn and weights the
 * old state by z; `classic` (Cho et al. 2014) applies r before W_hn and weights the
 * candidate by z.
 */
export type GruConvention = 'pytorch' | 'classic';

/**
 * The activation of an LSTM's or GRU's sigmoid gates (i f o; r z): the logistic sigmoid
 * (PyTorch), or a hard sigmoid as Keras 2 / TensorFlow.js define it, clip(0.2·a + 0.5, 0, 1),
 * or as Keras 3 does, clip(a/6 + 0.5, 0, 1).
 */
export type RecurrentActivation = 'sigmoid' | 'hard_sigmoid_keras2' | 'hard_sigmoid_keras3';

/** What a model is: cell, sizes and the options that change its equations. */
export interface ModelSpec {
  cell: CellType;
  /** Features per time step of the input, I: 1 to MAX_INPUT_SIZE (4096). */
  inputSize: number;
  /** Units per layer, H: 1 to MAX_HIDDEN_SIZE (1024). */
  hiddenSize: number;
  /** Stacked layers: 1 to MAX_LAYERS (64); all layers together at most MAX_PARAMETERS. */
  numLayers: number;
  /** RNN only; default 'tanh'. */
  nonlinearity?: Nonlinearity;
  /** GRU only; default 'pytorch'. */
  convention?: GruConvention;
  /**
   * Two directions per layer, as PyTorch's `bidirectional=True` (parameters `…_reverse`);
   * outputs [T][2·H'] forward then backward, hT/cT [numLayers·2][…] layer-major. Default false.
   */
  bidirectional?: boolean;
  /** LSTM only: PyTorch's `proj_size` P (0 = none, the default); `weight_hr_l{k}` [P][H]. */
  projSize?: number;
  /** LSTM and GRU gates; default 'sigmoid'. */
  recurrentActivation?: RecurrentActivation;
}

/** A {@link ModelSpec} with every default filled in. */
export type FullModelSpec = Required<ModelSpec>;

/**
 * Parameters by PyTorch `state_dict` name: `weight_ih_l{k}` [G·H][in], `weight_hh_l{k}`
 * [G·H][H'], `bias_ih_l{k}` [G·H], `bias_hh_l{k}` [G·H], and with a projection
 * `weight_hr_l{k}` [P][H]; each again with the suffix `_reverse` when bidirectional. H' is
 * the size of h (P with a projection, else H); `in` is inputSize for k = 0, else D·H'.
 * Plain arrays, so it serialises to JSON exactly as PyTorch's `model.state_dict()` dumps it.
 */
export type StateDict = Record<string, number[] | number[][]>;

/**
 * What {@link StateDict} names, as any array-likes: typed arrays, or matrices as arrays
 * of row views. `createModel` reads either form (and copies the numbers).
 */
export type StateDictLike = Readonly<
  Record<string, ArrayLike<number> | readonly ArrayLike<number>[]>
>;

/**
 * Names of the quantities a cell records per step, as the equations write them. With a
 * projection (projSize P > 0) an LSTM also records `m` = o ⊙ tanh(c) [H], the output
 * before the projection (m_t in Sak et al. 2014), and h = W_hr m has P entries.
 */
export type LstmGate = 'i' | 'f' | 'g' | 'o' | 'c' | 'm' | 'h';
/** GRU quantities: reset r, update z, candidate n (h̃ in `classic`), state h. */
export type GruGate = 'r' | 'z' | 'n' | 'h';
/** RNN quantities: the pre-activation and the state h. */
export type RnnGate = 'pre' | 'h';
/** Any quantity name a trace can hold. */
export type GateName = LstmGate | GruGate | RnnGate;

/**
 * One layer's (one direction's) parameters as flat row-major buffers. G = 1 (rnn), 4 (lstm:
 * i f g o), 3 (gru: r z n) row blocks of H rows each. Never mutated after creation.
 */
export interface LayerParams {
  /** Input features of this layer: inputSize for layer 0, D·hSize above. */
  readonly inSize: number;
  /** Units, H. */
  readonly H: number;
  /** Entries of h: the projection size P when projSize > 0, else H. */
  readonly hSize: number;
  /** [G·H][inSize] row-major. */
  readonly W_ih: Float64Array;
  /** [G·H][hSize] row-major. */
  readonly W_hh: Float64Array;
  /** [G·H]. */
  readonly b_ih: Float64Array;
  /** [G·H]. */
  readonly b_hh: Float64Array;
  /** [P][H] row-major: lstm with projSize P > 0 only (h = W_hr (o ⊙ tanh c)); else null. */
  readonly W_hr: Float64Array | null;
}

/** A validated model: its full spec and its parameters per layer. Treat as immutable. */
export interface Model {
  readonly spec: Readonly<FullModelSpec>;
  /**
   * [numLayers·D] parameter blocks in `h_n` order: `layers[k·D + d]` is layer k, direction
   * d (0 forward, 1 reverse); D = 2 when bidirectional, else 1 (then `layers[k]` is layer k).
   */
  readonly layers: readonly LayerParams[];
}

/** Rows of a [T][H] quantity: `rows[t][j]`. May be Float64Array views of one buffer. */
export type Rows = readonly ArrayLike<number>[];

/**
 * One layer (one direction) of a {@link Trace}. Rows are indexed by the *time step* t of the
 * input they read, in both directions: `gates.f[t]` is the gate of the step that read x_t,
 * and `gates.h[t]` the state right after it. The reverse direction runs t = T−1 down to 0,
 * so its `h[t]` depends on x_t … x_{T−1}, and the state it read at t is `h[t + 1]` (h0 at
 * t = T−1).
 */
export interface LayerTrace {
  /** Stacked layer k, 0 at the bottom. */
  readonly layer: number;
  /** 0 forward (reads x_0 first), 1 reverse (reads x_{T−1} first). */
  readonly direction: 0 | 1;
  /**
   * After activation, `gates[name][t][j]`: lstm `i f g o c h` (plus `m` = o ⊙ tanh c, [H],
   * with a projection, where h = W_hr m has P entries); gru `r z n h`; rnn `pre h`.
   */
  readonly gates: Readonly<Record<string, Rows>>;
  /** Before activation, `pre[name][t][j]`: lstm `i f g o`; gru `r z n`; rnn `pre`. */
  readonly pre: Readonly<Record<string, Rows>>;
}

/**
 * Everything a forward pass computed. Immutable by contract: its rows are views of the
 * buffers that `backward` and `jacobianNorms` read, so never write into them.
 */
export interface Trace {
  /** Sequence length T. */
  readonly T: number;
  /** D: 2 for a bidirectional model, else 1. */
  readonly directions: 1 | 2;
  /**
   * [T][D·H']: the top layer's h at step t (t = 0..T−1), H' = projSize or hiddenSize;
   * bidirectional: the forward h_t, then the reverse direction's h_t (as PyTorch's output).
   */
  readonly outputs: Rows;
  /**
   * [L·D][H']: each layer's (and direction's) state after its last step (h0 when T = 0), in
   * PyTorch's `h_n` order: l0 forward, l0 reverse, l1 forward, … The reverse direction's last
   * step is the one that read x_0.
   */
  readonly hT: Rows;
  /** [L·D][H]: lstm only, each cell state after the last step, in `hT`'s order. */
  readonly cT?: Rows;
  /** [L·D] per-layer gate traces, in `hT`'s order (`layers[k·D + d]`). */
  readonly layers: readonly LayerTrace[];
  /**
   * The interventions this run was made with (validated copies, `direction` filled in);
   * absent when there were none. `backward` and `jacobianNorms` read them from here.
   */
  readonly interventions?: readonly Intervention[];
}

/**
 * A "what if": one quantity of one layer (and direction) forced to `value` over the time
 * steps `from`…`to` (0-based, inclusive; time steps t as trace rows are, in both directions).
 * `gate` is lstm `i f g o c h`, gru `r z n h`, rnn `h`; `unit` one unit (of h's P entries
 * for a projected lstm's `h`), or every unit when omitted. A clamped gate replaces the gate
 * after its activation, a clamped c or h the state after that step's update (with a
 * projection, the projected h); everything downstream reads the clamped value, the trace
 * records it (`pre` stays what was computed), and gradients treat it as a constant.
 * `value` must lie in the gate's range: [0, 1] for sigmoid (or hard sigmoid) gates, [−1, 1]
 * for tanh ones (lstm g, gru n, a tanh rnn's h), ≥ 0 for a relu rnn's h, any finite
 * number for lstm c and h and gru h. Where several cover one value, the last one listed wins.
 */
export interface Intervention {
  /** Stacked layer k, 0 at the bottom. */
  readonly layer: number;
  /** Bidirectional models: 0 forward, 1 reverse; default 0. */
  readonly direction?: 0 | 1;
  /** The quantity to clamp, by its trace name (see above). */
  readonly gate: string;
  /** One unit, 0-based; omitted: every unit. */
  readonly unit?: number;
  /** First time step clamped, 0-based. */
  readonly from: number;
  /** Last time step clamped, inclusive. */
  readonly to: number;
  /** The value the quantity takes at those steps. */
  readonly value: number;
}

/** dL/dθ and dL/d(inputs) for a loss given as dL/d(outputs). */
export interface Gradients {
  /** [T][I]: dL/dxs. */
  xs: Rows;
  /** [L·D][H']: dL/dh0, in `Trace.hT`'s order. */
  h0: Rows;
  /** [L·D][H]: dL/dc0, lstm only. */
  c0?: Rows;
  /** dL/dθ under the PyTorch parameter names and shapes. */
  params: StateDict;
  /**
   * [L·D] in `Trace.layers`' order: `dh[t][j]` = dL/dh_t of that layer and direction
   * through every path, h_t being `gates.h[t]` (indexed by time step in both directions).
   * For an h clamped by an intervention, the sensitivity to the clamped value; nothing of
   * it flows on to what computed that h.
   */
  layers: readonly { dh: Rows }[];
}
