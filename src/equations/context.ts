import type { LayerParams } from '../engine';
import type { EquationInput, PreSplit } from './types';

/** What every equation of one (layer, step, unit) reads, checked once. */
export interface StepContext {
  /** The layer's weights and biases. */
  readonly params: LayerParams;
  /** Units, H. */
  readonly H: number;
  /** Layer, 0-based. */
  readonly layer: number;
  /** Step, 1-based. */
  readonly t: number;
  /** Unit, 0-based. */
  readonly j: number;
  /** x_t of this layer: the input at layer 0, the layer below's h_t above. */
  readonly x: ArrayLike<number>;
  /**
   * The state this step reads: h_{t−1} (zeros at t = 1, the app starts from h_0 = 0); for a
   * backward direction, which reads the sequence last step first, h_{t+1} (zeros at t = T).
   */
  readonly hPrev: ArrayLike<number>;
  /** The 1-based step whose h (and c) this step reads, or 0 for the zero initial state. */
  readonly prev: number;
  /** The step the zero state is named after when `prev` is 0: 0, or T + 1 going backward. */
  readonly zeroStep: number;
  /** Why the state read is zero when `prev` is 0: "(= 0, nothing before step 1)". */
  readonly zeroNote: string;
  /** After-activation value `gates[name][t−1][j]` (or at another 1-based step). */
  gate(name: string, step?: number): number;
  /** A whole after-activation row `gates[name][t−1]`, every unit. */
  row(name: string): ArrayLike<number>;
  /** Pre-activation `pre[name][t−1][j]`. */
  pre(name: string): number;
  /** Plain-text name of x_t, saying where it comes from above layer 0. */
  readonly xLabel: string;
  /** Plain-text name of h_{t−1}, saying it is zero at t = 1. */
  readonly hLabel: string;
}

function rowsOf(rows: Readonly<Record<string, readonly ArrayLike<number>[]>>, name: string) {
  const found = rows[name];
  if (!found) throw new Error(`Equations: the trace has no quantity "${name}".`);
  return found;
}

function valueAt(rows: readonly ArrayLike<number>[], step: number, j: number, name: string) {
  const row = rows[step - 1];
  const value = row?.[j];
  if (value === undefined) {
    throw new Error(`Equations: the trace has no ${name} at step ${step}, unit ${j + 1}.`);
  }
  return value;
}

/**
 * Checks the layer, step and unit against the model and trace and gathers what the
 * equations read. Throws a RangeError naming the value and its allowed range.
 */
export function stepContext(input: EquationInput): StepContext {
  const { model, trace, xs, layer, t, unit } = input;
  const L = model.layers.length;
  if (!Number.isInteger(layer) || layer < 0 || layer >= L) {
    throw new RangeError(`Equations: layer ${layer} is outside 0..${L - 1}.`);
  }
  if (!Number.isInteger(t) || t < 1 || t > trace.T) {
    throw new RangeError(`Equations: step ${t} is outside 1..${trace.T}.`);
  }
  const params = model.layers[layer] as LayerParams;
  const H = params.H;
  if (!Number.isInteger(unit) || unit < 0 || unit >= H) {
    throw new RangeError(`Equations: unit ${unit} is outside 0..${H - 1}.`);
  }
  const lt = trace.layers[layer];
  if (!lt) throw new RangeError(`Equations: the trace has no layer ${layer}.`);
  const h = rowsOf(lt.gates, 'h');
  // Layer entries are in h_n's order (layer k's forward direction, then its backward one):
  // a layer above the first reads every direction of the layer below, forward first.
  const D = trace.directions ?? 1;
  const k = Math.floor(layer / D);
  const below = Array.from({ length: k > 0 ? D : 0 }, (_, d) => trace.layers[(k - 1) * D + d]);
  const x =
    k === 0
      ? xs[t - 1]
      : concatRows(below.map((b) => (b ? rowsOf(b.gates, 'h')[t - 1] : undefined)));
  if (!x || x.length !== params.inSize) {
    throw new RangeError(`Equations: x_${t} should have ${params.inSize} features.`);
  }
  const backward = lt.direction === 1;
  const prev = backward ? (t < trace.T ? t + 1 : 0) : t - 1;
  const hPrev = prev > 0 ? (h[prev - 1] as ArrayLike<number>) : new Float64Array(H);
  const zeroNote = backward
    ? `(= 0, step ${trace.T} is the first it reads)`
    : '(= 0, nothing before step 1)';
  const from = D === 2 ? `layer ${k}'s h_${t}, → and ←` : `layer ${k}'s h_${t}`;
  return {
    params,
    H,
    layer,
    t,
    j: unit,
    x,
    hPrev,
    prev,
    zeroStep: backward ? trace.T + 1 : 0,
    zeroNote,
    gate: (name, step = t) => valueAt(rowsOf(lt.gates, name), step, unit, name),
    row: (name) => rowsOf(lt.gates, name)[t - 1] as ArrayLike<number>,
    pre: (name) => valueAt(rowsOf(lt.pre, name), t, unit, `pre-activation ${name}`),
    xLabel: k > 0 ? `x_${t} (${from})` : `x_${t}`,
    hLabel: prev > 0 ? `h_${prev}` : `h_${backward ? trace.T + 1 : 0} ${zeroNote}`,
  };
}

/** The rows side by side (one direction's h, then the other's); undefined when one is missing. */
function concatRows(
  rows: readonly (ArrayLike<number> | undefined)[],
): ArrayLike<number> | undefined {
  if (rows.some((r) => r === undefined)) return undefined;
  if (rows.length === 1) return rows[0];
  return Float64Array.from(rows.flatMap((r) => Array.from(r!)));
}

/** Σ_c W[row][c] · v[c] over a row-major matrix with `cols` columns, summed left to right. */
export function dotRow(W: Float64Array, cols: number, row: number, v: ArrayLike<number>): number {
  let s = 0;
  const base = row * cols;
  for (let c = 0; c < cols; c++) s += W[base + c]! * v[c]!;
  return s;
}

/**
 * The concat form's one product for a row: [W_hh row | W_ih row] · [h, x], a single sum
 * over the concatenated vector, h first as the course notes write [h_{t−1}, x_t].
 */
export function concatProduct(
  p: LayerParams,
  row: number,
  h: ArrayLike<number>,
  x: ArrayLike<number>,
): number {
  let s = 0;
  for (let c = 0; c < p.H + p.inSize; c++) {
    const w = c < p.H ? p.W_hh[row * p.H + c]! : p.W_ih[row * p.inSize + (c - p.H)]!;
    const v = c < p.H ? h[c]! : x[c - p.H]!;
    s += w * v;
  }
  return s;
}

/**
 * The split of a gate whose pre-activation is W_ih x_t + b_ih + W_hh v + b_hh for the
 * gate's row block `block` (v = h_{t−1}, or r_t ⊙ h_{t−1} for the classic GRU candidate).
 */
export function linearSplit(
  ctx: StepContext,
  block: number,
  name: string,
  v: ArrayLike<number> = ctx.hPrev,
): PreSplit {
  const p = ctx.params;
  const row = block * ctx.H + ctx.j;
  const biasIh = p.b_ih[row]!;
  const biasHh = p.b_hh[row]!;
  return {
    input: dotRow(p.W_ih, p.inSize, row, ctx.x),
    recurrent: dotRow(p.W_hh, p.H, row, v),
    bias: biasIh + biasHh,
    biasIh,
    biasHh,
    product: concatProduct(p, row, v, ctx.x),
    pre: ctx.pre(name),
  };
}
