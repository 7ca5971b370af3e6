/**
 * Helpers for the tests of bidirectional, projected and hard-sigmoid models: random cases
 * kept away from the non-smooth points (relu's and the hard sigmoids' kinks), one direction
 * of one layer as a model of its own, the input rows that direction reads, and every
 * gradient `backward` returns checked against central differences of `forward`.
 */
import { readFileSync } from 'node:fs';
import { createModel, forward, stateSize } from '../../src/engine';
import type { ModelSpec, StateDict, Trace } from '../../src/engine';
import {
  centralDiff,
  getEntry,
  lossOf,
  mismatches,
  perturbed,
  randMatrix,
  rng,
  row,
  rows,
  type FinalSeeds,
  type InitState,
} from './support';
import { initParams } from '../../src/engine';

export const STEP = 1e-6;
export const RTOL = 1e-6;
export const ATOL = 1e-8;

/** A model, its data and a loss L = Σ w·outputs (+ Σ dhT·hT + Σ dcT·cT). */
export interface DirCase {
  spec: ModelSpec;
  sd: StateDict;
  xs: number[][];
  init: InitState;
  w: number[][];
  final: FinalSeeds;
  trace: Trace;
}

const D = (spec: ModelSpec) => (spec.bidirectional ? 2 : 1);
const hSizeOf = (spec: ModelSpec) => stateSize({ projSize: 0, ...spec });

/** Where a gate activation is not differentiable, by `recurrentActivation`. */
const KINKS: Record<string, number[]> = {
  hard_sigmoid_keras2: [-2.5, 2.5],
  hard_sigmoid_keras3: [-3, 3],
};

/** Smallest distance of any pre-activation from a non-smooth point of its activation. */
function kinkDistance(spec: ModelSpec, trace: Trace): number {
  let m = Infinity;
  const sigmoidGates = spec.cell === 'lstm' ? ['i', 'f', 'o'] : ['r', 'z'];
  for (const layer of trace.layers) {
    for (const [name, block] of Object.entries(layer.pre)) {
      const kinks =
        spec.cell === 'rnn'
          ? spec.nonlinearity === 'relu'
            ? [0]
            : []
          : sigmoidGates.includes(name)
            ? (KINKS[spec.recurrentActivation ?? 'sigmoid'] ?? [])
            : [];
      for (const r of rows(block))
        for (const x of r) for (const k of kinks) m = Math.min(m, Math.abs(x - k));
    }
  }
  return m;
}

/**
 * A random case with T steps and final seeds; redrawn until every pre-activation is 1e-3
 * or more from a kink, far more than a 1e-6 step moves it. `scale` widens the weights so
 * that hard-sigmoid gates also saturate.
 */
export function makeDirCase(spec: ModelSpec, T: number, seed: number, scale = 1): DirCase {
  const L = spec.numLayers;
  const rowsL = L * D(spec);
  const hS = hSizeOf(spec);
  for (let attempt = 0; attempt < 200; attempt++) {
    const rand = rng(seed * 7919 + attempt);
    const sd = initParams(spec, { seed: seed + attempt, weightScale: scale });
    const xs = randMatrix(rand, T, spec.inputSize, 1.5);
    const init: InitState = { h0: randMatrix(rand, rowsL, hS, 0.8) };
    if (spec.cell === 'lstm') init.c0 = randMatrix(rand, rowsL, spec.hiddenSize, 1.5);
    const w = randMatrix(rand, T, D(spec) * hS);
    const final: FinalSeeds = { dhT: randMatrix(rand, rowsL, hS) };
    if (spec.cell === 'lstm') final.dcT = randMatrix(rand, rowsL, spec.hiddenSize);
    const trace = forward(createModel(spec, sd), xs, init);
    if (kinkDistance(spec, trace) >= 1e-3) return { spec, sd, xs, init, w, final, trace };
  }
  throw new Error('no draw kept the pre-activations away from the kinks');
}

/** L for the case with its parameters, input or initial states replaced. */
export function lossWith(
  c: DirCase,
  patch: { sd?: StateDict; xs?: number[][]; init?: InitState },
): number {
  const trace = forward(
    createModel(c.spec, patch.sd ?? c.sd),
    patch.xs ?? c.xs,
    patch.init ?? c.init,
  );
  return lossOf(trace, c.w, c.final);
}

/** Copy of a matrix with `delta` added at [i][j]. */
export function bump(m: number[][], i: number, j: number, delta: number): number[][] {
  return m.map((r, a) => (a === i ? r.map((x, b) => (b === j ? x + delta : x)) : [...r]));
}

/** Central differences of L with respect to every entry of a matrix. */
export function fdMatrix(m: number[][], lossAt: (bumped: number[][]) => number): number[] {
  return m.flatMap((r, i) =>
    r.map((_, j) => centralDiff((eps) => lossAt(bump(m, i, j, eps)), STEP)),
  );
}

/** Every entry where `backward`'s gradient and central differences disagree. */
export function gradientMismatches(
  c: DirCase,
  grads: {
    xs: ArrayLike<ArrayLike<number>>;
    h0: ArrayLike<ArrayLike<number>>;
    c0?: ArrayLike<ArrayLike<number>>;
    params: StateDict;
  },
): string[] {
  const flat = (m: ArrayLike<ArrayLike<number>> | undefined) => rows(m).flat();
  const bad = [
    ...mismatches(
      'xs',
      flat(grads.xs),
      fdMatrix(c.xs, (xs) => lossWith(c, { xs })),
      RTOL,
      ATOL,
    ),
    ...mismatches(
      'h0',
      flat(grads.h0),
      fdMatrix(c.init.h0!, (h0) => lossWith(c, { init: { ...c.init, h0 } })),
      RTOL,
      ATOL,
    ),
  ];
  if (c.init.c0) {
    const fd = fdMatrix(c.init.c0, (c0) => lossWith(c, { init: { ...c.init, c0 } }));
    bad.push(...mismatches('c0', flat(grads.c0), fd, RTOL, ATOL));
  }
  for (const [name, value] of Object.entries(c.sd)) {
    const n = value.flat().length;
    const fd = Array.from({ length: n }, (_, k) =>
      centralDiff((eps) => lossWith(c, { sd: perturbed(c.sd, name, k, eps) }), STEP),
    );
    const got = Array.from({ length: n }, (_, k) => getEntry(grads.params[name]!, k));
    bad.push(...mismatches(name, got, fd, RTOL, ATOL));
  }
  return bad;
}

/**
 * Layer `layer`, direction `direction` of a model as a one-layer, one-direction model of its
 * own (parameters renamed from `…_l{layer}[_reverse]` to `…_l0`), with its input size.
 */
export function directionModel(spec: ModelSpec, sd: StateDict, layer: number, direction: 0 | 1) {
  const inputSize = layer === 0 ? spec.inputSize : D(spec) * hSizeOf(spec);
  const sub: ModelSpec = { ...spec, numLayers: 1, inputSize, bidirectional: false };
  const suffix = `_l${layer}${direction === 1 ? '_reverse' : ''}`;
  const subSd: StateDict = {};
  for (const [name, value] of Object.entries(sd)) {
    if (name.endsWith(suffix)) subSd[name.slice(0, -suffix.length) + '_l0'] = value;
  }
  return { spec: sub, model: createModel(sub, subSd) };
}

/**
 * The rows layer `layer` reads at times 0..T−1: xs, or the layer below's
 * [forward h_t, reverse h_t].
 */
export function layerInput(c: DirCase, layer: number): number[][] {
  if (layer === 0) return c.xs;
  const below = (d: number) => rows(c.trace.layers[(layer - 1) * D(c.spec) + d]!.gates.h);
  const fwd = below(0);
  return D(c.spec) === 1 ? fwd : fwd.map((r, t) => [...r, ...below(1)[t]!]);
}

/**
 * The state (h, c) of trace entry `index` (= layer·D + direction) entering the step that
 * reads x_t: the initial state for the direction's first step, else the state after its
 * previous step (time t−1 forward, t+1 reverse).
 */
export function stateBefore(c: DirCase, index: number, t: number): { h: number[]; c?: number[] } {
  const reverse = index % D(c.spec) === 1;
  const T = c.xs.length;
  const first = reverse ? t === T - 1 : t === 0;
  const gates = c.trace.layers[index]!.gates;
  const h = first ? row(c.init.h0![index]) : row(gates.h![reverse ? t + 1 : t - 1]);
  if (c.spec.cell !== 'lstm') return { h };
  return { h, c: first ? row(c.init.c0![index]) : row(gates.c![reverse ? t + 1 : t - 1]) };
}

/**
 * What every reference case of make_engine_refs.py holds: a model, its input and initial
 * states, its outputs and final states, and the gradients of Σ outputs·dOutputs (+ seeds).
 */
export interface EngineRef {
  spec: ModelSpec;
  stateDict: StateDict;
  xs: number[][];
  h0: number[][];
  c0?: number[][];
  outputs: number[][];
  hT: number[][];
  cT?: number[][];
  dOutputs: number[][];
  grads: { xs: number[][]; h0: number[][]; c0?: number[][]; params: StateDict };
}

/** A reference file under tests/fixtures/models/engine/. */
export function loadRef<T>(name: string): T {
  const url = new URL(`../fixtures/models/engine/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

/** Every entry of nested arrays (or typed-array rows), flattened. */
export const flat = (v: unknown): number[] =>
  Array.isArray(v)
    ? v.flatMap(flat)
    : ArrayBuffer.isView(v)
      ? flat(Array.from(v as Float64Array))
      : [v as number];

/**
 * Entries where |got − ref| > 1e-9·max(1, |ref|) (the rule of the real-model references),
 * described, so a failure prints all of them.
 */
export function offBy(label: string, got: unknown, ref: unknown): string[] {
  const g = flat(got);
  const r = flat(ref);
  if (g.length !== r.length) return [`${label}: ${g.length} entries, PyTorch has ${r.length}`];
  return r.flatMap((e, k) => {
    const a = g[k]!;
    return Math.abs(a - e) <= 1e-9 * Math.max(1, Math.abs(e))
      ? []
      : [`${label}[${k}]: ${a} vs ${e}`];
  });
}
