import { EngineInputError } from './errors';
import { kernelFor, type Tape } from './cells';
import { assembleTrace, checkTraceSize, traceInternals } from './forward';
import { compileInterventions } from './interventions';
import { checkModel } from './model';
import { directionLabel } from './directions';
import { directionCount, stateSize } from './spec';
import type { Intervention, Model, Trace } from './types';

/**
 * A trace as plain typed arrays, for `postMessage` between a worker and the page: the
 * tapes of every layer and direction (`h_n` order), the input xs [T][I] and the initial
 * states h0 [L·D][H'] and c0 [L·D][H], all flat float64. {@link transferables} lists its
 * buffers for a zero-copy move.
 */
export interface TracePayload {
  /** Steps, T. */
  readonly T: number;
  /**
   * [L·D] one tape per layer and direction: h [T+1][H'], c [T+1][H] (lstm), act and pre
   * [T][G·H], aux, m [T][H] (projected lstm).
   */
  readonly tapes: readonly Tape[];
  /** [T][I] flat. */
  readonly xs: Float64Array;
  /** [L·D][H'] flat. */
  readonly h0: Float64Array;
  /** [L·D][H] flat (zeros for cells without a cell state). */
  readonly c0: Float64Array;
  /** The interventions the trace was made with (plain objects); absent when none. */
  readonly interventions?: readonly Intervention[];
}

/** The payload of a trace made by `forward` (its buffers are shared, not copied). */
export function tracePayload(trace: Trace): TracePayload {
  const run = typeof trace === 'object' && trace !== null ? traceInternals(trace) : undefined;
  if (!run) throw new EngineInputError('tracePayload: trace must be the result of forward().');
  const { tapes, xs, h0, c0, interventions } = run;
  return { T: trace.T, tapes, xs, h0, c0, ...(interventions ? { interventions } : {}) };
}

/** Every distinct ArrayBuffer behind a payload, for postMessage's transfer list. */
export function transferables(payload: TracePayload): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (a: Float64Array | null) => {
    if (a && a.buffer instanceof ArrayBuffer) buffers.add(a.buffer);
  };
  [payload.xs, payload.h0, payload.c0].forEach(add);
  for (const tape of payload.tapes)
    [tape.xs, tape.h, tape.c, tape.act, tape.pre, tape.aux, tape.m].forEach(add);
  return [...buffers];
}

/**
 * The trace of `model` rebuilt from a payload that `forward` made elsewhere (a worker) with
 * the same model: the same numbers and interventions, and `backward` / `jacobianNorms`
 * accept it as their own. Throws when a buffer's size does not fit the model's spec and T,
 * or an intervention does not fit the model.
 */
export function traceFromPayload(model: Model, payload: TracePayload): Trace {
  checkModel(model, 'traceFromPayload');
  const { inputSize: I, hiddenSize: H, numLayers: L } = model.spec;
  const D = directionCount(model.spec);
  const hS = stateSize(model.spec);
  const kernel = kernelFor(model.spec);
  if (typeof payload !== 'object' || payload === null || !Array.isArray(payload.tapes)) {
    throw new EngineInputError(
      'traceFromPayload: payload must be an object with T, tapes [L·D], xs, h0 and c0 (from tracePayload).',
    );
  }
  const { T, tapes, xs, h0, c0 } = payload;
  const expect = (what: string, array: Float64Array | null, length: number) => {
    if (!(array instanceof Float64Array) || array.length !== length) {
      throw new EngineInputError(
        `traceFromPayload: ${what} must be a Float64Array of ${length} numbers.`,
      );
    }
  };
  if (!Number.isInteger(T) || T < 0)
    throw new EngineInputError('traceFromPayload: T must be an integer ≥ 0.');
  checkTraceSize(model.spec, T, 'traceFromPayload');
  if (tapes.length !== L * D)
    throw new EngineInputError(`traceFromPayload: expected ${L * D} tapes, got ${tapes.length}.`);
  expect('xs', xs, T * I);
  expect('h0', h0, L * D * hS);
  expect('c0', c0, L * D * H);
  tapes.forEach((tape: Tape | null, index) => {
    const l = directionLabel(index, D);
    if (typeof tape !== 'object' || tape === null) {
      throw new EngineInputError(`traceFromPayload: ${l}'s tape is ${String(tape)}, not a tape.`);
    }
    const GH = kernel.G * H;
    expect(`${l} h`, tape.h, (T + 1) * hS);
    expect(`${l} act`, tape.act, T * GH);
    expect(`${l} pre`, tape.pre, T * GH);
    if (kernel.hasCellState) expect(`${l} c`, tape.c, (T + 1) * H);
    if (hS !== H) expect(`${l} m`, tape.m, T * H);
    if (tape.T !== T || tape.H !== H || tape.hSize !== hS)
      throw new EngineInputError(`traceFromPayload: ${l} has another T, H or projection.`);
  });
  // The clamps are compiled again from the list, never taken from the payload's tapes.
  const what = 'traceFromPayload';
  const compiled = compileInterventions(model.spec, kernel, T, payload.interventions, what);
  const clamped = tapes.map((tape, index) => ({
    ...tape,
    clamps: compiled?.clamps[index] ?? null,
  }));
  return assembleTrace(model, kernel, clamped, xs, h0, c0, compiled?.list ?? null);
}
