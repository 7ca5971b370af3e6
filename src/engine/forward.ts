import { EngineInputError } from './errors';
import { isArrayLike, lazyRecord, readMatrix, rowViews } from './arrays';
import { kernelFor, type CellKernel, type GateRow, type Tape } from './cells';
import { compileInterventions, type CompiledInterventions } from './interventions';
import { checkModel } from './model';
import { concatDirections, directionLabel, reverseRows } from './directions';
import { directionCount, GATE_BLOCKS, MAX_STEPS, MAX_TRACE_VALUES, stateSize } from './spec';
import type { Intervention, LayerTrace, Model, Rows, Trace } from './types';

/** What a trace keeps behind its public face: the tapes backward and Jacobians read. */
export interface TraceInternals {
  readonly model: Model;
  readonly kernel: CellKernel;
  /** [L·D] one tape per layer and direction, `h_n` order (a reverse one in its order). */
  readonly tapes: readonly Tape[];
  /** [T][I] flat: the validated input. */
  readonly xs: Float64Array;
  /** [L·D][H'] flat: initial states h. */
  readonly h0: Float64Array;
  /** [L·D][H] flat: initial cell states (zeros without a cell state). */
  readonly c0: Float64Array;
  /** The run's interventions, validated (the tapes hold them compiled); null when none. */
  readonly interventions: readonly Intervention[] | null;
}

const internals = new WeakMap<Trace, TraceInternals>();

/** The tapes behind a trace made by {@link forward}; undefined for any other object. */
export function traceInternals(trace: Trace): TraceInternals | undefined {
  return internals.get(trace);
}

/**
 * Runs the model over a sequence. `xs` is [T][I]; `init.h0` is [L·D][H'] and `init.c0`
 * (lstm) [L·D][H], in PyTorch's `h_0`/`c_0` order (l0 forward, l0 reverse, l1 …; D = 2 when
 * bidirectional, H' = projSize or hiddenSize), and both default to zeros. `init.interventions`
 * clamps gates or states at chosen steps (see {@link Intervention}); the trace records the
 * clamped values and keeps the list, so that `backward` and `jacobianNorms` treat them as
 * constants without being told again. An empty list is the same as none. Returns an
 * immutable {@link Trace} with every gate before and after activation, per layer and step.
 * Never mutates the model. Throws an {@link EngineInputError}: naming the step and the
 * expected shape on a malformed or non-finite input; naming the intervention (its index)
 * and what is allowed for one that does not fit the model, the sequence or the gate's range;
 * for T above MAX_STEPS or a trace of more than MAX_TRACE_VALUES gate values (both checked
 * before anything is computed); and on a state that overflows float64 (a relu RNN that
 * explodes).
 */
export function forward(
  model: Model,
  xs: number[][] | readonly ArrayLike<number>[],
  init?: {
    h0?: number[][] | Rows;
    c0?: number[][] | Rows;
    interventions?: readonly Intervention[];
  },
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
  const D = directionCount(spec);
  const h0 = readState(init?.h0, L * D, stateSize(spec), D, 'forward: init.h0');
  const c0 = readState(kernel.hasCellState ? init?.c0 : undefined, L * D, H, D, 'forward: init.c0');
  const interventions = compileInterventions(spec, kernel, T, init?.interventions, 'forward');
  return runForward(model, kernel, xsFlat, T, h0, c0, interventions);
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
  const D = directionCount(spec);
  const perStep = spec.numLayers * D * G * spec.hiddenSize;
  const values = T * perStep;
  if (values > MAX_TRACE_VALUES) {
    const directions = D === 2 ? ' × 2 directions' : '';
    throw new EngineInputError(
      `${what}: ${T} steps × ${spec.numLayers} layers${directions} × ${G} gate blocks × ${spec.hiddenSize} units = ${values} gate values to record; the engine's limit is ${MAX_TRACE_VALUES} (MAX_TRACE_VALUES). Run a shorter sequence (at most ${Math.floor(MAX_TRACE_VALUES / perStep)} steps for this model).`,
    );
  }
}

/**
 * {@link forward} on validated flat buffers: xs [T][I], h0 [L·D][H'] and c0 [L·D][H], and
 * compiled interventions (null for none). A reverse direction runs the kernel over its input
 * rows reversed; a layer above a bidirectional one reads [forward h_t, reverse h_t] at each
 * time t.
 */
export function runForward(
  model: Model,
  kernel: CellKernel,
  xs: Float64Array,
  T: number,
  h0: Float64Array,
  c0: Float64Array,
  interventions: CompiledInterventions | null,
): Trace {
  const { hiddenSize: H, numLayers: L } = model.spec;
  const D = directionCount(model.spec);
  const hS = stateSize(model.spec);
  const tapes: Tape[] = [];
  let input = xs;
  for (let l = 0; l < L; l++) {
    for (let d = 0; d < D; d++) {
      const index = l * D + d;
      const p = model.layers[index]!;
      const tape = kernel.forward(
        p,
        d === 0 ? input : reverseRows(input, T, p.inSize),
        T,
        h0.subarray(index * hS, (index + 1) * hS),
        c0.subarray(index * H, (index + 1) * H),
        interventions?.clamps[index] ?? null,
      );
      assertFinite(tape, directionLabel(index, D));
      tapes.push(tape);
    }
    // This layer's h_t feeds the next layer: rows 1..T of h, or both directions side by side.
    input =
      D === 1
        ? tapes[l]!.h.subarray(hS)
        : concatDirections(tapes[2 * l]!.h, tapes[2 * l + 1]!.h, T, hS);
  }
  return assembleTrace(model, kernel, tapes, xs, h0, c0, interventions?.list ?? null);
}

/**
 * The public {@link Trace} over finished tapes ([L·D], `h_n` order; their clamps compiled
 * from `interventions`), registered with its internals so that `backward` and
 * `jacobianNorms` read the tapes instead of recomputing.
 */
export function assembleTrace(
  model: Model,
  kernel: CellKernel,
  tapes: readonly Tape[],
  xs: Float64Array,
  h0: Float64Array,
  c0: Float64Array,
  interventions: readonly Intervention[] | null,
): Trace {
  const { hiddenSize: H } = model.spec;
  const D = directionCount(model.spec);
  const hS = stateSize(model.spec);
  const T = tapes[0]?.T ?? 0;
  const top = tapes[tapes.length - D]!;
  const outputs =
    D === 1
      ? rowViews(top.h, T, hS, hS, hS)
      : rowViews(concatDirections(top.h, tapes[tapes.length - 1]!.h, T, hS), T, 2 * hS, 0, 2 * hS);
  const trace: Trace = Object.freeze({
    T,
    directions: D,
    outputs,
    hT: Object.freeze(tapes.map((tape) => tape.h.subarray(T * hS, (T + 1) * hS))),
    ...(kernel.hasCellState
      ? {
          cT: Object.freeze(
            tapes.map((tape) => (tape.c as Float64Array).subarray(T * H, (T + 1) * H)),
          ),
        }
      : {}),
    layers: Object.freeze(
      tapes.map((tape, index) =>
        layerTrace(kernel, tape, Math.floor(index / D), (index % D) as 0 | 1),
      ),
    ),
    ...(interventions ? { interventions } : {}),
  });
  internals.set(trace, Object.freeze({ model, kernel, tapes, xs, h0, c0, interventions }));
  return trace;
}

/** Public rows of one layer and direction, built lazily from its tape, in time order. */
function layerTrace(kernel: CellKernel, tape: Tape, layer: number, direction: 0 | 1): LayerTrace {
  const reverse = direction === 1;
  const rowsOf = (row: GateRow) => (): Rows => {
    const { T, H, hSize } = tape;
    const GH = kernel.G * H;
    switch (row.source) {
      case 'act':
        return rowViews(tape.act, T, GH, row.block * H, H, reverse);
      case 'pre':
        return rowViews(tape.pre, T, GH, row.block * H, H, reverse);
      case 'h':
        return rowViews(tape.h, T, hSize, hSize, hSize, reverse);
      case 'c':
        return rowViews(tape.c as Float64Array, T, H, H, H, reverse);
      case 'm':
        return rowViews(tape.m as Float64Array, T, H, 0, H, reverse);
    }
  };
  const gateRows: readonly GateRow[] = tape.m
    ? [...kernel.gateRows.slice(0, -1), M_ROW, ...kernel.gateRows.slice(-1)]
    : kernel.gateRows;
  return Object.freeze({
    layer,
    direction,
    gates: lazyRecord(gateRows.map((row) => [row.name, rowsOf(row)] as const)),
    pre: lazyRecord(kernel.preRows.map((row) => [row.name, rowsOf(row)] as const)),
  });
}

/** An LSTM's o ⊙ tanh(c) before the projection, listed before h. */
const M_ROW: GateRow = { name: 'm', source: 'm', block: 0 };

/** [rows][width] initial state (rows = L·D), zeros when absent. */
function readState(
  value: unknown,
  rows: number,
  width: number,
  D: 1 | 2,
  what: string,
): Float64Array {
  if (value === undefined || value === null) return new Float64Array(rows * width);
  return readMatrix(value, rows, width, what, (index) => directionLabel(index, D));
}

/** Throws when a state left float64's range (only a relu RNN can: the others are bounded). */
function assertFinite(tape: Tape, label: string): void {
  const { h, hSize } = tape;
  for (let k = hSize; k < h.length; k++) {
    if (!Number.isFinite(h[k]!)) {
      const step = Math.floor(k / hSize);
      throw new EngineInputError(
        `forward: ${label}, step ${step}: h overflowed float64 (${h[k]}); the activations exploded — lower the weight scale or the sequence length.`,
      );
    }
  }
}
