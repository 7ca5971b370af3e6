/**
 * Shared helpers for the engine tests: the five cell configurations, a seeded random
 * source for test data, plain-array views of traces and gradients (the engine may hand
 * back Float64Array rows), losses, central differences, and the "run one layer alone"
 * and "start from the state at step t" building blocks the finite-difference checks use.
 * Everything here goes through the public API in src/engine/index.ts only.
 */
import fc from 'fast-check';
import { createModel, forward, initParams } from '../../src/engine';
import type { Gradients, Model, ModelSpec, StateDict, Trace } from '../../src/engine';

/** Rows of numbers as the engine may return them: arrays or Float64Array views. */
type Rows = ArrayLike<ArrayLike<number>>;

/** One cell type with its convention: the five variants the engine must get right. */
export interface CellConfig {
  /** Label used in test names. */
  name: string;
  cell: 'rnn' | 'lstm' | 'gru';
  nonlinearity?: 'tanh' | 'relu';
  convention?: 'pytorch' | 'classic';
}

export const CONFIGS: readonly CellConfig[] = [
  { name: 'rnn tanh', cell: 'rnn', nonlinearity: 'tanh' },
  { name: 'rnn relu', cell: 'rnn', nonlinearity: 'relu' },
  { name: 'lstm', cell: 'lstm' },
  { name: 'gru pytorch', cell: 'gru', convention: 'pytorch' },
  { name: 'gru classic', cell: 'gru', convention: 'classic' },
];

/** The variants whose h is bounded by 1 in absolute value (all but the relu RNN). */
export const TANH_CONFIGS = CONFIGS.filter((c) => c.nonlinearity !== 'relu');

/** Gate rows per cell: G in NOTES.md. */
export function gateCount(cell: CellConfig['cell']): number {
  return cell === 'rnn' ? 1 : cell === 'lstm' ? 4 : 3;
}

/** The sigmoid gates of a cell, whose values must lie in [0, 1]. */
export function sigmoidGates(cell: CellConfig['cell']): string[] {
  return cell === 'lstm' ? ['i', 'f', 'o'] : cell === 'gru' ? ['r', 'z'] : [];
}

/** A ModelSpec for `cfg` with the given sizes. */
export function makeSpec(
  cfg: CellConfig,
  inputSize: number,
  hiddenSize: number,
  numLayers: number,
): ModelSpec {
  const spec: Record<string, unknown> = { cell: cfg.cell, inputSize, hiddenSize, numLayers };
  if (cfg.nonlinearity) spec.nonlinearity = cfg.nonlinearity;
  if (cfg.convention) spec.convention = cfg.convention;
  return spec as unknown as ModelSpec;
}

/** The initialisation schemes initParams offers. */
export const SCHEMES = ['pytorch', 'xavier', 'orthogonal'] as const;

/** fast-check: a spec for one of `configs`, with 1–4 inputs, 1–5 units, 1–3 layers. */
export const specOf = (configs: readonly CellConfig[]) =>
  fc
    .record({
      cfg: fc.constantFrom(...configs),
      I: fc.integer({ min: 1, max: 4 }),
      H: fc.integer({ min: 1, max: 5 }),
      L: fc.integer({ min: 1, max: 3 }),
    })
    .map(({ cfg, I, H, L }) => makeSpec(cfg, I, H, L));

/** fast-check: any seed initParams accepts, [0, 2³²). */
export const seedArb = fc.integer({ min: 0, max: 2 ** 32 - 1 });

/** The arguments of one initParams call. */
export interface InitCase {
  spec: ModelSpec;
  seed: number;
  scheme: (typeof SCHEMES)[number];
  weightScale: number;
}

/** initParams for an {@link InitCase}. */
export const paramsOf = (c: InitCase): StateDict =>
  initParams(c.spec, { seed: c.seed, scheme: c.scheme, weightScale: c.weightScale });

/** mulberry32: a small seeded generator so test data is the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A [rows][cols] matrix of uniform values in [-scale, scale). */
export function randMatrix(rand: () => number, rows: number, cols: number, scale = 1): number[][] {
  return Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => (2 * rand() - 1) * scale),
  );
}

/** Plain copy of one row. */
export function row(r: ArrayLike<number> | undefined): number[] {
  if (r === undefined) throw new Error('missing row');
  return Array.from(r);
}

/** Plain copy of a block of rows. */
export function rows(r: Rows | undefined): number[][] {
  if (r === undefined) throw new Error('missing rows');
  return Array.from(r, (x) => Array.from(x));
}

/** What the tests read from a Trace (NOTES.md), with gates looked up by name. */
interface TraceView {
  outputs: Rows;
  hT: Rows;
  cT?: Rows;
  layers: ArrayLike<{
    gates: Record<string, Rows | undefined>;
    pre: Record<string, Rows | undefined>;
  }>;
}

/** What the tests read from Gradients (NOTES.md). */
export interface GradView {
  xs: Rows;
  h0: Rows;
  c0?: Rows;
  params: Record<string, ArrayLike<number> | Rows | undefined>;
  layers: ArrayLike<{ dh: Rows }>;
}

export function traceView(trace: Trace): TraceView {
  return trace as unknown as TraceView;
}

export function gradView(grads: Gradients): GradView {
  return grads as unknown as GradView;
}

/** Layer `l` of a trace, failing loudly when absent. */
export function layerOf(trace: Trace, l: number): TraceView['layers'][number] {
  const layer = traceView(trace).layers[l];
  if (layer === undefined) throw new Error(`trace has no layer ${l}`);
  return layer;
}

/** `trace.layers[l].gates[name]` as plain rows. */
export function gateRows(trace: Trace, l: number, name: string): number[][] {
  return rows(layerOf(trace, l).gates[name]);
}

/** Σ_ij a[i][j]·b[i][j] over the rows both have. */
export function dot(a: Rows, b: Rows): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const ai = a[i];
    const bi = b[i];
    if (ai === undefined || bi === undefined) throw new Error('row mismatch');
    for (let j = 0; j < ai.length; j++) s += (ai[j] ?? NaN) * (bi[j] ?? NaN);
  }
  return s;
}

/** Optional seeds on the final states, as backward takes them. */
export interface FinalSeeds {
  dhT?: number[][];
  dcT?: number[][];
}

/** L = Σ_t Σ_j w[t][j]·outputs[t][j] + Σ dhT·hT + Σ dcT·cT. */
export function lossOf(trace: Trace, w: number[][], final?: FinalSeeds): number {
  const tv = traceView(trace);
  let total = dot(w, tv.outputs);
  if (final?.dhT) total += dot(final.dhT, tv.hT);
  if (final?.dcT) {
    if (!tv.cT) throw new Error('seed dcT given but trace has no cT');
    total += dot(final.dcT, tv.cT);
  }
  return total;
}

/** Central difference (f(h) − f(−h)) / 2h of a function of the perturbation size. */
export function centralDiff(f: (eps: number) => number, h = 1e-6): number {
  return (f(h) - f(-h)) / (2 * h);
}

/** Deep copy of a state dict (plain arrays in, plain arrays out). */
export function cloneStateDict(sd: StateDict): StateDict {
  const out: StateDict = {};
  for (const [name, v] of Object.entries(sd)) {
    out[name] = (v as (number | number[])[]).map((x) => (Array.isArray(x) ? [...x] : x)) as
      number[] | number[][];
  }
  return out;
}

/** Number of scalars in one parameter tensor. */
export function entryCount(v: number[] | number[][]): number {
  return (v as (number | number[])[]).reduce<number>(
    (n, x) => n + (Array.isArray(x) ? x.length : 1),
    0,
  );
}

/** The flat-index entry of one tensor, row-major, read as a number. */
export function getEntry(v: ArrayLike<number> | Rows, flat: number): number {
  const first = v[0];
  if (typeof first === 'number' || first === undefined) {
    const x = (v as ArrayLike<number>)[flat];
    if (x === undefined) throw new Error(`index ${flat} out of range`);
    return x;
  }
  const cols = first.length;
  const x = (v as Rows)[Math.floor(flat / cols)]?.[flat % cols];
  if (x === undefined) throw new Error(`index ${flat} out of range`);
  return x;
}

/** A copy of `sd` with `delta` added to the flat-index entry of `name`. */
export function perturbed(sd: StateDict, name: string, flat: number, delta: number): StateDict {
  const out = cloneStateDict(sd);
  const v = out[name];
  if (v === undefined) throw new Error(`no parameter ${name}`);
  const first = v[0];
  if (Array.isArray(first)) {
    const r = (v as number[][])[Math.floor(flat / first.length)];
    if (r === undefined) throw new Error(`index ${flat} out of range`);
    r[flat % first.length] = (r[flat % first.length] ?? NaN) + delta;
  } else {
    const vv = v as number[];
    vv[flat] = (vv[flat] ?? NaN) + delta;
  }
  return out;
}

/** The parameter names NOTES.md requires for `numLayers` layers. */
export function paramNames(numLayers: number): string[] {
  const names: string[] = [];
  for (let k = 0; k < numLayers; k++) {
    for (const kind of ['weight_ih', 'weight_hh', 'bias_ih', 'bias_hh'])
      names.push(`${kind}_l${k}`);
  }
  return names;
}

/** Layer `l` of a model as a one-layer model of its own (its input size is H for l > 0). */
export function layerModel(spec: ModelSpec, sd: StateDict, l: number): Model {
  const sub = { ...spec, numLayers: 1, inputSize: l === 0 ? spec.inputSize : spec.hiddenSize };
  const subSd: StateDict = {};
  for (const kind of ['weight_ih', 'weight_hh', 'bias_ih', 'bias_hh']) {
    const v = sd[`${kind}_l${l}`];
    if (v === undefined) throw new Error(`no ${kind}_l${l}`);
    subSd[`${kind}_l0`] = v;
  }
  return createModel(sub, cloneStateDict(subSd));
}

/** Initial states as passed to forward. */
export interface InitState {
  h0?: number[][];
  c0?: number[][];
}

/**
 * The state (h, and c for lstm) of layer `l` entering step t: the initial state for
 * t = 0 (zeros if none was given), else the trace's values after step t − 1.
 */
export function stateEntering(
  spec: ModelSpec,
  init: InitState,
  trace: Trace,
  l: number,
  t: number,
): { h: number[]; c?: number[] } {
  const H = spec.hiddenSize;
  const lstm = spec.cell === 'lstm';
  if (t === 0) {
    const h = init.h0?.[l] ? [...init.h0[l]] : new Array<number>(H).fill(0);
    if (!lstm) return { h };
    const c = init.c0?.[l] ? [...init.c0[l]] : new Array<number>(H).fill(0);
    return { h, c };
  }
  const h = row(gateRows(trace, l, 'h')[t - 1]);
  if (!lstm) return { h };
  return { h, c: row(gateRows(trace, l, 'c')[t - 1]) };
}

/** The input sequence layer `l` sees: xs for layer 0, the layer below's h otherwise. */
export function layerInputs(xs: number[][], trace: Trace, l: number): number[][] {
  return l === 0 ? xs : gateRows(trace, l - 1, 'h');
}

/** Runs `model` from explicit per-layer states; `c` is ignored unless the cell is lstm. */
export function runFrom(
  model: Model,
  spec: ModelSpec,
  xs: number[][],
  h: number[][],
  c: number[][] | undefined,
): Trace {
  return forward(model, xs, spec.cell === 'lstm' && c ? { h0: h, c0: c } : { h0: h });
}

/** Smallest |pre| over every pre-activation in the trace (used to keep relu off its kink). */
export function minAbsPre(trace: Trace): number {
  let m = Infinity;
  const layers = traceView(trace).layers;
  for (let l = 0; l < layers.length; l++) {
    for (const block of Object.values(layerOf(trace, l).pre)) {
      for (const r of rows(block)) for (const x of r) m = Math.min(m, Math.abs(x));
    }
  }
  return m;
}

/** Frobenius norm of a list of columns. */
export function frobenius(cols: number[][]): number {
  let s = 0;
  for (const col of cols) for (const x of col) s += x * x;
  return Math.sqrt(s);
}

/**
 * Compares `actual` to `expected` entry by entry with |a − e| ≤ rtol·max(|a|, |e|) + atol
 * and returns a description of each mismatch (empty when all agree), so a failing test
 * prints every offending entry at once.
 */
export function mismatches(
  label: string,
  actual: number[],
  expected: number[],
  rtol: number,
  atol: number,
): string[] {
  const out: string[] = [];
  if (actual.length !== expected.length) {
    return [`${label}: length ${actual.length}, expected ${expected.length}`];
  }
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i] ?? NaN;
    const e = expected[i] ?? NaN;
    const ok = Math.abs(a - e) <= rtol * Math.max(Math.abs(a), Math.abs(e)) + atol;
    if (!ok) out.push(`${label}[${i}]: engine ${a}, finite difference ${e}`);
  }
  return out;
}
