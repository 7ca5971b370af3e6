import { EngineInputError } from './errors';
import { readMatrix, rowViews, toNested } from './arrays';
import { kernelFor, type GradSink, type LayerGrads, type RecurrentInput, type Tape } from './cells';
import { addColumnSums, addMatTVec, addTransposedProduct } from './linalg';
import { runForward, traceInternals, type TraceInternals } from './forward';
import { checkModel } from './model';
import { parameterShapes } from './spec';
import type { Gradients, LayerParams, Model, Rows, StateDict, Trace } from './types';

/**
 * Backpropagation through time. Given dL/d(outputs) [T][H] (and optionally extra seeds
 * dL/dh_T and dL/dc_T, [L][H]), returns dL/dxs [T][I], dL/dh0 and dL/dc0 [L][H], dL/dθ
 * under the PyTorch parameter names, and each layer's total dL/dh_t [T][H]. If `trace`
 * was computed with another model, the forward pass is redone with `model` first.
 */
export function backward(
  model: Model,
  trace: Trace,
  dOutputs: number[][] | Rows,
  final?: { dhT?: number[][] | Rows; dcT?: number[][] | Rows },
): Gradients {
  const run = tapesFor(model, trace);
  const { kernel, tapes } = run;
  const { inputSize: I, hiddenSize: H, numLayers: L } = model.spec;
  const T = trace.T;
  const G = kernel.G;
  let dAbove = readMatrix(dOutputs, T, H, 'backward: dOutputs', (t) => `step ${t + 1}`);
  const dhT = readOptional(final?.dhT, L, H, 'backward: final.dhT');
  const dcT = kernel.hasCellState ? readOptional(final?.dcT, L, H, 'backward: final.dcT') : null;

  const dh0 = new Float64Array(L * H);
  const dc0 = new Float64Array(L * H);
  const layerGrads: LayerGrads[] = [];
  const dhTotals: Float64Array[] = [];
  const scratch = new Float64Array(2 * G * H);
  let dxs = new Float64Array(0);
  for (let l = L - 1; l >= 0; l--) {
    const p = model.layers[l]!;
    const tape = tapes[l]!;
    const GH = G * H;
    // Per-step adjoints of the pre-activations, turned into dθ and dL/dxs after the sweep.
    const dIn = new Float64Array(T * GH);
    const sink = { dIn, dRec: kernel.separateRecurrentAdjoint ? new Float64Array(T * GH) : dIn };
    const dhTotal = new Float64Array(T * H);
    // The adjoint of the state leaving the current step, updated in place step by step.
    const state = { dh: new Float64Array(H), dc: new Float64Array(H) };
    if (dhT) state.dh.set(dhT.subarray(l * H, (l + 1) * H));
    if (dcT) state.dc.set(dcT.subarray(l * H, (l + 1) * H));
    for (let t = T - 1; t >= 0; t--) {
      // dL/dh_t = what reaches it from step t+1 + what the layer above (or the loss) sends.
      for (let j = 0; j < H; j++) {
        state.dh[j] = state.dh[j]! + dAbove[t * H + j]!;
        dhTotal[t * H + j] = state.dh[j]!;
      }
      kernel.stepVjp(p, tape, t, state, state, scratch, sink);
    }
    layerGrads[l] = parameterGradients(p, tape, kernel.recurrentInputs(tape), sink, T);
    // dL/dx_t = W_ihᵀ (dL/d pre-activation at t): the layer below's dL/dh_t.
    dxs = new Float64Array(T * p.inSize);
    for (let t = 0; t < T; t++) addMatTVec(p.W_ih, p.inSize, 0, GH, dIn, t * GH, dxs, t * p.inSize);
    dh0.set(state.dh, l * H);
    dc0.set(state.dc, l * H);
    dhTotals[l] = dhTotal;
    dAbove = dxs; // dL/dx_t of this layer is dL/dh_t of the layer below
  }

  const params: StateDict = {};
  for (const shape of parameterShapes(model.spec)) {
    const g = layerGrads[shape.layer]!;
    const buffer = { weight_ih: g.dW_ih, weight_hh: g.dW_hh, bias_ih: g.db_ih, bias_hh: g.db_hh }[
      shape.kind
    ];
    params[shape.name] = toNested(buffer, shape.rows, shape.cols);
  }
  return {
    xs: rowViews(dxs, T, I, 0, I),
    h0: rowViews(dh0, L, H, 0, H),
    ...(kernel.hasCellState ? { c0: rowViews(dc0, L, H, 0, H) } : {}),
    params,
    layers: dhTotals.map((dh) => ({ dh: rowViews(dh, T, H, 0, H) })),
  };
}

/** dW = Σ_t d_t x_tᵀ and db = Σ_t d_t for one layer, from the recorded adjoints. */
function parameterGradients(
  p: LayerParams,
  tape: Tape,
  recurrentInputs: readonly RecurrentInput[],
  sink: GradSink,
  T: number,
): LayerGrads {
  const GH = p.b_ih.length;
  const grads: LayerGrads = {
    dW_ih: new Float64Array(p.W_ih.length),
    dW_hh: new Float64Array(p.W_hh.length),
    db_ih: new Float64Array(GH),
    db_hh: new Float64Array(GH),
  };
  addTransposedProduct(grads.dW_ih, p.inSize, 0, GH, sink.dIn, GH, tape.xs, p.inSize, T);
  for (const { r0, r1, X } of recurrentInputs) {
    addTransposedProduct(grads.dW_hh, p.H, r0, r1, sink.dRec, GH, X, p.H, T);
  }
  addColumnSums(grads.db_ih, GH, sink.dIn, GH, T);
  addColumnSums(grads.db_hh, GH, sink.dRec, GH, T);
  return grads;
}

/** [L][H] optional seed, null when absent. */
function readOptional(value: unknown, L: number, H: number, what: string): Float64Array | null {
  if (value === undefined || value === null) return null;
  return readMatrix(value, L, H, what, (l) => `layer ${l}`);
}

/** The tapes of `trace`, recomputed with `model` when the trace came from another model. */
export function tapesFor(model: Model, trace: Trace): TraceInternals {
  checkModel(model, 'backward/jacobianNorms');
  const run = typeof trace === 'object' && trace !== null ? traceInternals(trace) : undefined;
  if (!run)
    throw new EngineInputError('backward/jacobianNorms: trace must be the result of forward().');
  if (run.model === model) return run;
  const { spec } = model;
  const same = run.model.spec;
  if (
    spec.inputSize !== same.inputSize ||
    spec.hiddenSize !== same.hiddenSize ||
    spec.numLayers !== same.numLayers
  ) {
    throw new EngineInputError(
      `backward/jacobianNorms: the trace is of a model with inputSize ${same.inputSize}, hiddenSize ${same.hiddenSize}, numLayers ${same.numLayers}; this model has ${spec.inputSize}, ${spec.hiddenSize}, ${spec.numLayers}.`,
    );
  }
  const redone = runForward(model, kernelFor(spec), run.xs, trace.T, run.h0, run.c0);
  return traceInternals(redone) as TraceInternals;
}
