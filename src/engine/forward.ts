import { EngineInputError } from './errors';
import { isArrayLike, lazyRecord, readMatrix, rowViews } from './arrays';
import { kernelFor, type CellKernel, type GateRow, type Tape } from './cells';
import { checkModel } from './model';
import { GATE_BLOCKS, MAX_STEPS, MAX_TRACE_VALUES } from './spec';
import type { LayerTrace, Model, Rows, Trace } from './types';

/** What a trace keeps behind its public face: the tapes backward and Jacobians read. */
export interface TraceInternals {
  readonly model: Model;
  readonly kernel: CellKernel;
  /** [L] one tape per layer, bottom first. */
  readonly tapes: readonly Tape[];
  /** [T][I] flat: the validated input. */
  readonly xs: Float64Array;
  /** [L][H] flat: initial states. */
  readonly h0: Float64Array;
  readonly c0: Float64Array;
}

const internals = new WeakMap<Trace, TraceInternals>();

/** The tapes behind a trace made by {@link forward}; undefined for any other object. */
export function traceInternals(trace: Trace): TraceInternals | undefined {
  return internals.get(trace);
}

/**
 * Runs the model over a sequence. `xs` is [T][I]; `init.h0` and `init.c0` (lstm) are
 * [L][H] and default to zeros. Returns an immutable {@link Trace} with every gate before
 * and after activation, per layer and step. Never mutates the model. Throws an
 * {@link EngineInputError}: naming the step and the expected shape on a malformed or
 * non-finite input; for T above MAX_STEPS or a trace of more than MAX_TRACE_VALUES gate
 * values (both checked before anything is computed); and on a state that overflows
 * float64 (a relu RNN that explodes).
 */
export function forward(
  model: Model,
  xs: number[][] | readonly ArrayLike<number>[],
  init?: { h0?: number[][] | Rows; c0?: number[][] | Rows },
): Trace {
  checkModel(model, 'forward');
  const { spec } = model;
  const { inputSize: I, hiddenSize: H, numLayers: L } = spec;
  if (!isArrayLike(xs))
    throw new EngineInputError(`forward: xs must be an array of steps, each [${I}].`);
  const T = xs.length;
  checkTraceSize(spec, T, 'forward');
  const xsFlat = readMatrix(xs, T, I, 'forward: xs', (t) => `step ${t + 1}`);
  const kernel = kernelFor(spec);
  const h0 = readState(init?.h0, L, H, 'forward: init.h0');
  const c0 = readState(kernel.hasCellState ? init?.c0 : undefined, L, H, 'forward: init.c0');
  return runForward(model, kernel, xsFlat, T, h0, c0);
}

/**
 * Refuses T steps of `spec` beyond MAX_STEPS or MAX_TRACE_VALUES, naming the limit and
 * what to shorten: the check `forward` makes before it allocates anything.
 */
export function checkTraceSize(spec: Model['spec'], T: number, what: string): void {
  if (T > MAX_STEPS) {
    throw new EngineInputError(
      `${what}: xs has ${T} steps; the engine's limit is ${MAX_STEPS} (MAX_STEPS). Run a shorter sequence.`,
    );
  }
  const G = GATE_BLOCKS[spec.cell];
  const values = T * spec.numLayers * G * spec.hiddenSize;
  if (values > MAX_TRACE_VALUES) {
    throw new EngineInputError(
      `${what}: ${T} steps × ${spec.numLayers} layers × ${G} gate blocks × ${spec.hiddenSize} units = ${values} gate values to record; the engine's limit is ${MAX_TRACE_VALUES} (MAX_TRACE_VALUES). Run a shorter sequence (at most ${Math.floor(MAX_TRACE_VALUES / (spec.numLayers * G * spec.hiddenSize))} steps for this model).`,
    );
  }
}

/** {@link forward} on validated flat buffers: xs [T][I], h0 and c0 [L][H]. */
export function runForward(
  model: Model,
  kernel: CellKernel,
  xs: Float64Array,
  T: number,
  h0: Float64Array,
  c0: Float64Array,
): Trace {
  const { hiddenSize: H, numLayers: L } = model.spec;
  const tapes: Tape[] = [];
  let input = xs;
  for (let l = 0; l < L; l++) {
    const p = model.layers[l]!;
    const tape = kernel.forward(
      p,
      input,
      T,
      h0.subarray(l * H, (l + 1) * H),
      c0.subarray(l * H, (l + 1) * H),
    );
    assertFinite(tape, l);
    tapes.push(tape);
    input = tape.h.subarray(H); // rows 1..T: this layer's h_t feeds the next layer
  }
  return assembleTrace(model, kernel, tapes, xs, h0, c0);
}

/**
 * The public {@link Trace} over finished tapes ([L], bottom first), registered with its
 * internals so that `backward` and `jacobianNorms` read the tapes instead of recomputing.
 */
export function assembleTrace(
  model: Model,
  kernel: CellKernel,
  tapes: readonly Tape[],
  xs: Float64Array,
  h0: Float64Array,
  c0: Float64Array,
): Trace {
  const { hiddenSize: H, numLayers: L } = model.spec;
  const T = tapes[0]?.T ?? 0;
  const top = tapes[L - 1]!;
  const trace: Trace = Object.freeze({
    T,
    outputs: rowViews(top.h, T, H, H, H),
    hT: Object.freeze(tapes.map((tape) => tape.h.subarray(T * H, (T + 1) * H))),
    ...(kernel.hasCellState
      ? {
          cT: Object.freeze(
            tapes.map((tape) => (tape.c as Float64Array).subarray(T * H, (T + 1) * H)),
          ),
        }
      : {}),
    layers: Object.freeze(tapes.map((tape) => layerTrace(kernel, tape))),
  });
  internals.set(trace, Object.freeze({ model, kernel, tapes, xs, h0, c0 }));
  return trace;
}

/** Public rows of one layer, built lazily from its tape. */
function layerTrace(kernel: CellKernel, tape: Tape): LayerTrace {
  const rowsOf = (row: GateRow) => (): Rows => {
    const { T, H } = tape;
    const GH = kernel.G * H;
    switch (row.source) {
      case 'act':
        return rowViews(tape.act, T, GH, row.block * H, H);
      case 'pre':
        return rowViews(tape.pre, T, GH, row.block * H, H);
      case 'h':
        return rowViews(tape.h, T, H, H, H);
      case 'c':
        return rowViews(tape.c as Float64Array, T, H, H, H);
    }
  };
  return Object.freeze({
    gates: lazyRecord(kernel.gateRows.map((row) => [row.name, rowsOf(row)] as const)),
    pre: lazyRecord(kernel.preRows.map((row) => [row.name, rowsOf(row)] as const)),
  });
}

/** [L][H] initial state, zeros when absent. */
function readState(value: unknown, L: number, H: number, what: string): Float64Array {
  if (value === undefined || value === null) return new Float64Array(L * H);
  return readMatrix(value, L, H, what, (l) => `layer ${l}`);
}

/** Throws when a state left float64's range (only a relu RNN can: the others are bounded). */
function assertFinite(tape: Tape, layer: number): void {
  const { h, H } = tape;
  for (let k = H; k < h.length; k++) {
    if (!Number.isFinite(h[k]!)) {
      const step = Math.floor(k / H);
      throw new EngineInputError(
        `forward: layer ${layer}, step ${step}: h overflowed float64 (${h[k]}); the activations exploded — lower the weight scale or the sequence length.`,
      );
    }
  }
}
