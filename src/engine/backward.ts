import { EngineInputError } from './errors';
import { readMatrix, rowViews, toNested } from './arrays';
import {
  kernelFor,
  type Adjoint,
  type CellKernel,
  type GradSink,
  type LayerGrads,
  type RecurrentInput,
  type Tape,
} from './cells';
import { addReversed, directionHalf, directionLabel } from './directions';
import { compileInterventions, cutRow } from './interventions';
import { addColumnSums, addMatTVec, addTransposedProduct } from './linalg';
import { runForward, traceInternals, type TraceInternals } from './forward';
import { checkModel } from './model';
import { directionCount, parameterShapes, stateSize } from './spec';
import type { Gradients, LayerParams, Model, Rows, StateDict, Trace } from './types';

/**
 * Backpropagation through time. Given dL/d(outputs) [T][D·H'] (and optionally extra seeds
 * dL/dh_T [L·D][H'] and dL/dc_T [L·D][H], in `Trace.hT`'s order), returns dL/dxs [T][I],
 * dL/dh0 [L·D][H'] and dL/dc0 [L·D][H], dL/dθ under the PyTorch parameter names, and each
 * layer's (and direction's) total dL/dh_t [T][H'] indexed by time step. If `trace` was
 * computed with another model, the forward pass is redone with `model` first. The trace's
 * interventions (`Trace.interventions`) hold: a clamped value is a constant, so no gradient
 * flows through it into its pre-activation or an earlier state.
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
  const D = directionCount(model.spec);
  const hS = stateSize(model.spec);
  const T = trace.T;
  const label = (index: number) => directionLabel(index, D);
  // dL/d(this layer's output) [T][D·hS] in time order: the loss's, then the layer above's dL/dx.
  let dAbove = readMatrix(dOutputs, T, D * hS, 'backward: dOutputs', (t) => `step ${t + 1}`);
  const dhT = readOptional(final?.dhT, L * D, hS, label, 'backward: final.dhT');
  const dcT = kernel.hasCellState
    ? readOptional(final?.dcT, L * D, H, label, 'backward: final.dcT')
    : null;

  const dh0 = new Float64Array(L * D * hS);
  const dc0 = new Float64Array(L * D * H);
  const layerGrads: LayerGrads[] = [];
  const dhTotals: Float64Array[] = [];
  const scratch = new Float64Array(2 * kernel.G * H);
  for (let l = L - 1; l >= 0; l--) {
    let dxs: Float64Array = new Float64Array(0); // dL/d(this layer's input) [T][in], time order
    for (let d = 0; d < D; d++) {
      const index = l * D + d;
      const p = model.layers[index]!;
      const tape = tapes[index]!;
      const dOut = D === 1 ? dAbove : directionHalf(dAbove, T, hS, d as 0 | 1);
      const state = { dh: new Float64Array(hS), dc: new Float64Array(H) };
      if (dhT) state.dh.set(dhT.subarray(index * hS, (index + 1) * hS));
      if (dcT) state.dc.set(dcT.subarray(index * H, (index + 1) * H));
      const sweep = sweepLayer(p, tape, kernel, dOut, state, scratch);
      layerGrads[index] = sweep.grads;
      dhTotals[index] = sweep.dhTotal;
      dh0.set(state.dh, index * hS);
      dc0.set(state.dc, index * H);
      if (d === 0) dxs = sweep.dxs;
      else addReversed(dxs, sweep.dxs, T, p.inSize);
    }
    dAbove = dxs; // dL/dx_t of this layer is dL/dh_t of the layer below
  }

  const params: StateDict = {};
  for (const shape of parameterShapes(model.spec)) {
    const g = layerGrads[shape.index]!;
    const buffer = {
      weight_ih: g.dW_ih,
      weight_hh: g.dW_hh,
      bias_ih: g.db_ih,
      bias_hh: g.db_hh,
      weight_hr: g.dW_hr,
    }[shape.kind] as Float64Array;
    params[shape.name] = toNested(buffer, shape.rows, shape.cols);
  }
  return {
    xs: rowViews(dAbove, T, I, 0, I),
    h0: rowViews(dh0, L * D, hS, 0, hS),
    ...(kernel.hasCellState ? { c0: rowViews(dc0, L * D, H, 0, H) } : {}),
    params,
    layers: dhTotals.map((dh, index) => ({ dh: rowViews(dh, T, hS, 0, hS, index % D === 1) })),
  };
}

/**
 * One layer's (one direction's) sweep from its last step to its first, in its processing
 * order: `dOut` [T][hSize] is what its outputs receive from above, `state` the adjoint of
 * its final state (updated in place to that of its initial state). Returns dL/dθ, dL/d(its
 * input) [T][inSize] and its total dL/dh_t [T][hSize], both in processing order.
 */
function sweepLayer(
  p: LayerParams,
  tape: Tape,
  kernel: CellKernel,
  dOut: Float64Array,
  state: Adjoint,
  scratch: Float64Array,
): { grads: LayerGrads; dxs: Float64Array; dhTotal: Float64Array } {
  const { T, hSize } = tape;
  const GH = kernel.G * p.H;
  // Per-step adjoints of the pre-activations, turned into dθ and dL/dxs after the sweep.
  const dIn = new Float64Array(T * GH);
  const sink = { dIn, dRec: kernel.separateRecurrentAdjoint ? new Float64Array(T * GH) : dIn };
  const dhTotal = new Float64Array(T * hSize);
  const clamps = tape.clamps;
  // What flows on from h_t into the step that made it: dhTotal less the clamped entries.
  const dhFlow = clamps && p.W_hr ? new Float64Array(T * hSize) : dhTotal;
  for (let t = T - 1; t >= 0; t--) {
    // dL/dh_t = what reaches it from step t+1 + what the layer above (or the loss) sends.
    for (let j = 0; j < hSize; j++) {
      state.dh[j] = state.dh[j]! + dOut[t * hSize + j]!;
      dhTotal[t * hSize + j] = state.dh[j]!;
    }
    if (clamps) {
      cutRow(clamps, 'h', t, state.dh, 0); // a clamped h_t is a constant
      if (dhFlow !== dhTotal) dhFlow.set(state.dh, t * hSize);
    }
    kernel.stepVjp(p, tape, t, state, state, scratch, sink);
  }
  const grads = parameterGradients(p, tape, kernel.recurrentInputs(tape), sink, dhFlow);
  // dL/dx_t = W_ihᵀ (dL/d pre-activation at t): the layer below's dL/dh_t.
  const dxs = new Float64Array(T * p.inSize);
  for (let t = 0; t < T; t++) addMatTVec(p.W_ih, p.inSize, 0, GH, dIn, t * GH, dxs, t * p.inSize);
  return { grads, dxs, dhTotal };
}

/**
 * dW = Σ_t d_t x_tᵀ and db = Σ_t d_t for one layer, from the recorded adjoints; with a
 * projection, dW_hr = Σ_t dh_t m_tᵀ from dL/dh_t [T][P] as it flows into the projection.
 */
function parameterGradients(
  p: LayerParams,
  tape: Tape,
  recurrentInputs: readonly RecurrentInput[],
  sink: GradSink,
  dhFlow: Float64Array,
): LayerGrads {
  const GH = p.b_ih.length;
  const T = tape.T;
  const grads: LayerGrads = {
    dW_ih: new Float64Array(p.W_ih.length),
    dW_hh: new Float64Array(p.W_hh.length),
    db_ih: new Float64Array(GH),
    db_hh: new Float64Array(GH),
    dW_hr: p.W_hr ? new Float64Array(p.W_hr.length) : null,
  };
  addTransposedProduct(grads.dW_ih, p.inSize, 0, GH, sink.dIn, GH, tape.xs, p.inSize, T);
  for (const { r0, r1, X } of recurrentInputs) {
    addTransposedProduct(grads.dW_hh, p.hSize, r0, r1, sink.dRec, GH, X, p.hSize, T);
  }
  addColumnSums(grads.db_ih, GH, sink.dIn, GH, T);
  addColumnSums(grads.db_hh, GH, sink.dRec, GH, T);
  if (grads.dW_hr && tape.m) {
    addTransposedProduct(grads.dW_hr, p.H, 0, p.hSize, dhFlow, p.hSize, tape.m, p.H, T);
  }
  return grads;
}

/** [rows][width] optional seed (rows = L·D), null when absent. */
function readOptional(
  value: unknown,
  rows: number,
  width: number,
  label: (row: number) => string,
  what: string,
): Float64Array | null {
  if (value === undefined || value === null) return null;
  return readMatrix(value, rows, width, what, label);
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
  if (spec.bidirectional !== same.bidirectional || spec.projSize !== same.projSize) {
    throw new EngineInputError(
      `backward/jacobianNorms: the trace is of a model with bidirectional ${same.bidirectional}, projSize ${same.projSize}; this model has ${spec.bidirectional}, ${spec.projSize}.`,
    );
  }
  const kernel = kernelFor(spec);
  const what = 'backward/jacobianNorms';
  const interventions = compileInterventions(spec, kernel, trace.T, run.interventions, what);
  const redone = runForward(model, kernel, run.xs, trace.T, run.h0, run.c0, interventions);
  return traceInternals(redone) as TraceInternals;
}
