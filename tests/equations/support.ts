/**
 * Shared set-up of the equation tests: the five cell variants, a model and trace per
 * variant and depth, and an independent reading of the parameters through the public
 * state dict (plain nested arrays, PyTorch names), so the checks do not reuse the
 * builder's own index arithmetic.
 */
import { createModel, forward, initParams, Random, toStateDict } from '../../src/engine';
import type { Model, ModelSpec, StateDict, Trace } from '../../src/engine';

/** One of the five cells/conventions the equations must get right. */
export interface Variant {
  readonly name: string;
  readonly spec: Pick<ModelSpec, 'cell' | 'nonlinearity' | 'convention'>;
}

export const VARIANTS: readonly Variant[] = [
  { name: 'rnn tanh', spec: { cell: 'rnn', nonlinearity: 'tanh' } },
  { name: 'rnn relu', spec: { cell: 'rnn', nonlinearity: 'relu' } },
  { name: 'lstm', spec: { cell: 'lstm' } },
  { name: 'gru pytorch', spec: { cell: 'gru', convention: 'pytorch' } },
  { name: 'gru classic', spec: { cell: 'gru', convention: 'classic' } },
];

/** A model on a random input sequence with its trace and the state dict. */
export interface Setup {
  readonly model: Model;
  readonly trace: Trace;
  readonly xs: number[][];
  readonly params: StateDict;
}

/** I = 3 inputs, H = 5 units, T = 6 steps; biases non-zero so every term shows. */
export function setup(variant: Variant, numLayers: number, seed = 7): Setup {
  const spec: ModelSpec = { ...variant.spec, inputSize: 3, hiddenSize: 5, numLayers };
  const model = createModel(spec, initParams(spec, { seed, weightScale: 1.5 }));
  const rng = new Random(seed + 100);
  const xs = Array.from({ length: 6 }, () => Array.from({ length: 3 }, () => rng.uniform(-1, 1)));
  return { model, trace: forward(model, xs), xs, params: toStateDict(model) };
}

/** A matrix parameter of the state dict as rows. */
export function matrix(params: StateDict, name: string): number[][] {
  const value = params[name];
  if (!value || !Array.isArray(value[0])) throw new Error(`no matrix ${name}`);
  return value as number[][];
}

/** A bias parameter of the state dict. */
export function vector(params: StateDict, name: string): number[] {
  const value = params[name];
  if (!value || Array.isArray(value[0])) throw new Error(`no vector ${name}`);
  return value as number[];
}

/** Σ_c row[c] · v[c]. */
export function dot(row: readonly number[], v: ArrayLike<number>): number {
  let s = 0;
  row.forEach((w, c) => (s += w * v[c]!));
  return s;
}

/** A trace row as a plain array (zeros for step 0 = before the sequence). */
export function rowAt(
  trace: Trace,
  layer: number,
  name: string,
  step: number,
  H: number,
): number[] {
  if (step === 0) return new Array<number>(H).fill(0);
  const rows = trace.layers[layer]?.gates[name];
  const row = rows?.[step - 1];
  if (!row) throw new Error(`no ${name} at step ${step}`);
  return Array.from(row);
}

/** |a − b| ≤ tol · scale, with a readable failure. */
export function expectClose(actual: number, expected: number, scale: number, tol = 1e-12): void {
  const bound = tol * Math.max(scale, Number.MIN_VALUE);
  if (!(Math.abs(actual - expected) <= bound)) {
    throw new Error(`expected ${actual} ≈ ${expected} within ${bound}`);
  }
}

/** A number read back from the LaTeX the builder printed: "(-1.23 \\times 10^{-4})". */
export function parseTex(tex: string): number {
  const bare = tex.replace(/^\((.*)\)$/, '$1').replace(/\s+/g, '');
  const exp = /^(-?[\d.]+)\\times10\^\{(-?\d+)\}$/.exec(bare);
  if (exp) return Number(`${exp[1]}e${exp[2]}`);
  if (!/^-?[\d.]+$/.test(bare)) throw new Error(`not a printed number: ${tex}`);
  return Number(bare);
}

/** The value rounded to 3 significant digits. */
export const round3 = (v: number) => Number(v.toPrecision(3));
