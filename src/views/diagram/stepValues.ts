import type { Trace } from '../../engine';
import type { Sequence } from '../../scene';

/** What one layer of one cell read and wrote at one step: the numbers a diagram draws. */
export interface StepValues {
  /** Step shown, 1-based and clamped into 1..T: it reads x_t and h_{t−1}, writes h_t. */
  readonly t: number;
  /** Steps in the sequence. */
  readonly T: number;
  /** Layer shown, 0-based, clamped into the model's layers. */
  readonly layer: number;
  /** Units per layer. */
  readonly H: number;
  /** Each recorded quantity's row at step t, [H]: lstm `i f g o c h`, gru `r z n h`, rnn `pre h`. */
  readonly rows: Readonly<Record<string, ArrayLike<number>>>;
  /** h_{t−1} of this layer, [H]; zeros at t = 1 (the model starts from a zero state). */
  readonly prevH: ArrayLike<number>;
  /** c_{t−1} of this layer, [H], lstm only (zeros otherwise and at t = 1). */
  readonly prevC: ArrayLike<number>;
  /** x_t as this layer reads it: the sequence's x_t for layer 0, h_t of the layer below above it. */
  readonly x: ArrayLike<number>;
  /** Short label of x_t (./rich markup): the token for layer 0, "h_{t} of layer l" above it. */
  readonly xLabel: string;
}

/**
 * The values a diagram needs at step t of `layer`, read from a trace. `t` and `layer` are
 * clamped into range, so a stale cursor never reads outside the trace. `quoteTokens`
 * (text inputs) prints x_t's token in quotes, so a space or a digit reads as a character.
 */
export function stepValues(
  trace: Trace,
  sequence: Sequence,
  layer: number,
  t: number,
  quoteTokens = false,
): StepValues {
  const L = trace.layers.length;
  const l = Math.min(Math.max(0, Math.floor(layer)), Math.max(0, L - 1));
  const T = trace.T;
  const step = Math.min(Math.max(1, Math.round(t)), Math.max(1, T));
  const layerTrace = trace.layers[l];
  const gates = layerTrace?.gates ?? {};
  const hRows = gates.h ?? [];
  const H = hRows[0]?.length ?? trace.hT[l]?.length ?? 0;
  const zeros = new Float64Array(H);
  const rows: Record<string, ArrayLike<number>> = {};
  for (const [name, r] of Object.entries(gates)) rows[name] = r[step - 1] ?? zeros;
  // A backward direction reads the steps last first: the state it read at step t is the
  // one it left at step t + 1 (zeros at t = T).
  const backward = layerTrace?.direction === 1;
  const prev = backward ? step : step - 2;
  const inRange = backward ? step < T : step >= 2;
  const prevH = inRange ? (hRows[prev] ?? zeros) : zeros;
  const cRows = gates.c;
  const prevC = cRows && inRange ? (cRows[prev] ?? zeros) : zeros;
  const D = trace.directions ?? 1;
  const k = Math.floor(l / D);
  let x: ArrayLike<number>;
  let xLabel: string;
  if (D === 2 && k > 0) {
    // A bidirectional layer reads both directions of the layer below, forward first.
    const below = [0, 1].map((d) => trace.layers[(k - 1) * D + d]?.gates.h?.[step - 1] ?? zeros);
    x = Float64Array.from([...Array.from(below[0]!), ...Array.from(below[1]!)]);
    xLabel = `h_{t} of layer ${k} (→ and ←)`;
  } else if (k === 0) {
    x = sequence.xs[step - 1] ?? [];
    const token = sequence.tokens[step - 1] ?? '';
    xLabel = quoteTokens ? `‘${token}’` : token;
  } else {
    x = trace.layers[l - 1]?.gates.h?.[step - 1] ?? zeros;
    xLabel = `h_{t} of layer ${l}`;
  }
  return { t: step, T, layer: l, H, rows, prevH, prevC, x, xLabel };
}

/** How a diagram labels its x_t port: what layer 0 reads changes every step, a layer above does not. */
export interface InputPortLabel {
  /** The label, in ./rich markup: "x_{t} = " before a token, "x_{t} = h_{t} of layer 1" above. */
  readonly label: string;
  /** The token at a step, printed after the label (layer 0 only). */
  readonly tail?: (values: StepValues) => string;
}

/** The x_t port's label for layer `frame.layer` (any step of it: see {@link InputPortLabel}). */
export function inputPortLabel(trace: Trace, frame: StepValues): InputPortLabel {
  const D = trace.directions ?? 1;
  return Math.floor(frame.layer / D) === 0 ? TOKEN_PORT : { label: `x_{t} = ${frame.xLabel}` };
}

/** Layer 0's x_t port: the label, then the step's token. One object, so memoized views keep it. */
const TOKEN_PORT: InputPortLabel = { label: 'x_{t} = ', tail: (values) => values.xLabel };

/** Entry j of a row, 0 when the row is shorter (an out-of-range unit never reads undefined). */
export function at(row: ArrayLike<number> | undefined, j: number): number {
  return row?.[j] ?? 0;
}
