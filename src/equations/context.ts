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
  /** Entries of h: the projection size P, else H. */
  readonly hSize: number;
  /**
   * x_t of this layer: the input at layer 0, the layer below's h_t above (both directions
   * of it, forward first, in a bidirectional model).
   */
  readonly x: ArrayLike<number>;
  /**
   * The state this step read, [hSize] ("h_{t−1}" in the equations): h_{t−1} forward, h_{t+1}
   * for a backward direction, which reads the steps last first; zeros at its first step.
   */
  readonly hPrev: ArrayLike<number>;
  /** The 1-based step whose state this step read (t − 1, or t + 1 backward); null at the start. */
  readonly prevStep: number | null;
  /** After-activation value `gates[name][t−1][j]` (or at another 1-based step). */
  gate(name: string, step?: number): number;
  /** A whole after-activation row `gates[name][t−1]`, every unit. */
  row(name: string): ArrayLike<number>;
  /** Pre-activation `pre[name][t−1][j]`. */
  pre(name: string): number;
  /** Plain-text name of x_t, saying where it comes from above layer 0. */
  readonly xLabel: string;
  /** Plain-text name of the state read (h_{t−1}), saying when it is the zero start. */
  readonly hLabel: string;
  /** Plain-text name of entry j of the state read: `prevLabel('c')` = "c_3[2]". */
  prevLabel(name: 'h' | 'c'): string;
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
  const x = layerInput(trace, xs, layer, t);
  if (!x || x.length !== params.inSize) {
    throw new RangeError(`Equations: x_${t} should have ${params.inSize} features.`);
  }
  const backward = lt.direction === 1;
  const prevStep = backward ? (t < trace.T ? t + 1 : null) : t > 1 ? t - 1 : null;
  const hPrev =
    prevStep === null ? new Float64Array(params.hSize) : (h[prevStep - 1] as ArrayLike<number>);
  const start = backward
    ? `(= 0: the backward direction starts at step ${trace.T})`
    : '(= 0, nothing before step 1)';
  const k = Math.floor(layer / (trace.directions ?? 1));
  return {
    params,
    H,
    hSize: params.hSize,
    layer,
    t,
    j: unit,
    x,
    hPrev,
    prevStep,
    gate: (name, step = t) => valueAt(rowsOf(lt.gates, name), step, unit, name),
    row: (name) => rowsOf(lt.gates, name)[t - 1] as ArrayLike<number>,
    pre: (name) => valueAt(rowsOf(lt.pre, name), t, unit, `pre-activation ${name}`),
    xLabel: k > 0 ? `x_${t} (layer ${k}'s h_${t})` : `x_${t}`,
    hLabel: prevStep === null ? `${backward ? `h_${t + 1}` : 'h_0'} ${start}` : `h_${prevStep}`,
    prevLabel: (name) =>
      prevStep === null
        ? `${name}_${backward ? t + 1 : 0}[${unit + 1}] ${start}`
        : `${name}_${prevStep}[${unit + 1}]`,
  };
}

/**
 * x_t as layer index `layer` (k·D + d) reads it: the input at k = 0; above, the layer
 * below's h_t, both of its directions (forward first) when the model is bidirectional.
 */
function layerInput(
  trace: EquationInput['trace'],
  xs: EquationInput['xs'],
  layer: number,
  t: number,
): ArrayLike<number> | undefined {
  const D = trace.directions ?? 1;
  const k = Math.floor(layer / D);
  if (k === 0) return xs[t - 1];
  const below = Array.from({ length: D }, (_, d) => trace.layers[(k - 1) * D + d]);
  const rows = below.map((b) => (b ? rowsOf(b.gates, 'h')[t - 1] : undefined));
  if (rows.some((r) => !r)) return undefined;
  if (D === 1) return rows[0];
  return Float64Array.from(rows.flatMap((r) => Array.from(r as ArrayLike<number>)));
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
  const n = p.hSize;
  for (let c = 0; c < n + p.inSize; c++) {
    const w = c < n ? p.W_hh[row * n + c]! : p.W_ih[row * p.inSize + (c - n)]!;
    const v = c < n ? h[c]! : x[c - n]!;
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
    recurrent: dotRow(p.W_hh, p.hSize, row, v),
    bias: biasIh + biasHh,
    biasIh,
    biasHh,
    product: concatProduct(p, row, v, ctx.x),
    pre: ctx.pre(name),
  };
}
