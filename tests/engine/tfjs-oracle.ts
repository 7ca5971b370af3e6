/**
 * An independent oracle for the engine: the same model built from TensorFlow.js layers
 * (`tf.layers.simpleRNN`, `lstm`, `gru` on the cpu backend), loaded from a Gatescope
 * `ModelSpec` and PyTorch-named `StateDict`, and run on one sequence (batch of 1).
 *
 * Layout mapping (PyTorch -> Keras/tfjs), done here by hand so that a wrong mapping
 * shows up as a disagreement, not as two copies of the same mistake:
 * - kernels are transposed: `weight_ih_l{k}` [G·H][in] -> `kernel` [in][G·H],
 *   `weight_hh_l{k}` [G·H][H] -> `recurrent_kernel` [H][G·H];
 * - one bias per layer: `bias_ih_l{k} + bias_hh_l{k}` [G·H];
 * - LSTM gate order i, f, c, o is PyTorch's i, f, g, o;
 * - GRU gate order z, r, h is PyTorch's r, z, n permuted, and z's weights and bias are
 *   negated (see below);
 * - `recurrentActivation: 'sigmoid'` always (the tfjs default is hard sigmoid).
 *
 * GRU: only Gatescope's `classic` convention is covered. tfjs-layers 4.22's `GRUCell`
 * throws on `resetAfter: true` ("GRUCell does not support reset_after parameter set to
 * true"), so the `pytorch` convention (reset applied after the recurrent matrix, with a
 * [2][3H] bias) has no tfjs counterpart. tfjs's reset_after=False cell computes
 * h̃ = tanh(x·K_h + b_h + (r ⊙ h)·R_h) and h = z ⊙ h_{t−1} + (1 − z) ⊙ h̃, which is
 * `classic` with z replaced by 1 − z = σ(−a_z): negate z's weights and bias. b_h may
 * absorb b_hn because `classic` adds b_hn outside the reset product.
 *
 * Initial states: h0 (and c0) are passed per layer through `initialState`, which
 * tfjs-layers accepts for eager tensors. That is why the layers are applied one after
 * another here rather than through `tf.sequential` (whose `predict` takes no states);
 * the computation is the same chain of `returnSequences: true` layers.
 *
 * Precision: tfjs computes in float32 (unit roundoff u = 2⁻²⁴ ≈ 6e-8), the engine in
 * float64. One step's dot products over n ≤ 4H + I terms are off by at most about
 * n·u·Σ|w·x|, i.e. ~1e-6 of the step's magnitude for the sizes tested; comparisons
 * therefore use {@link FLOAT32_TOLERANCE} (1e-4, absolute and relative to the row's
 * magnitude), about 100× above that bound and 10⁵× below any layout mistake.
 *
 * tfjs-core's chained ops (`tensor.flatten()` …) are registered when the module system
 * can load them: under Vite/Vitest it resolves tfjs-core's ES build, the copy that
 * tfjs-layers uses too. Under plain Node (tsx, the bench) tfjs-core resolves to its
 * CommonJS bundle and that ES-only file cannot load; nothing is lost, because every
 * layer here gets `'zeros'` initializers (the default orthogonal initializer is the
 * only caller of a chained op on these paths) before its real weights are set.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import type { ModelSpec, StateDict } from '../../src/engine';
import { medianMs } from '../../src/calibration';

/**
 * Tolerance for engine (float64) vs tfjs (float32): |a − b| ≤ abs + rel·scale, where
 * scale is the largest |value| in the row compared (one step of one layer). Unitless.
 */
export const FLOAT32_TOLERANCE = { abs: 1e-4, rel: 1e-4 } as const;

let ready: Promise<void> | undefined;

/**
 * Selects tfjs's cpu backend in production mode (no debug checks, no console banner) and
 * registers chained ops where possible. Idempotent; await it before any other export.
 */
export function setupTfjs(): Promise<void> {
  ready ??= (async () => {
    try {
      await import('@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops');
    } catch {
      // Plain Node: see the module comment. The oracle does not need them.
    }
    tf.enableProdMode();
    await tf.setBackend('cpu');
    await tf.ready();
  })();
  return ready;
}

/** Number of gate blocks G stacked in each weight matrix. */
function gateCount(spec: ModelSpec): number {
  return spec.cell === 'lstm' ? 4 : spec.cell === 'gru' ? 3 : 1;
}

/**
 * Keras gate block g -> PyTorch row block and sign. rnn: one block; lstm: i, f, c, o =
 * i, f, g, o; gru (`classic` only): z, r, h = −z, r, n.
 */
function kerasBlocks(spec: ModelSpec): { from: number; sign: number }[] {
  switch (spec.cell) {
    case 'rnn':
      return [{ from: 0, sign: 1 }];
    case 'lstm':
      return [0, 1, 2, 3].map((from) => ({ from, sign: 1 }));
    case 'gru':
      return [
        { from: 1, sign: -1 },
        { from: 0, sign: 1 },
        { from: 2, sign: 1 },
      ];
  }
}

function matrix(params: StateDict, name: string, rows: number, cols: number): number[][] {
  const m = params[name];
  if (!Array.isArray(m) || m.length !== rows || !m.every((r) => Array.isArray(r))) {
    throw new Error(`oracle: ${name} must be [${rows}][${cols}]`);
  }
  const rowsOk = (m as number[][]).every((r) => r.length === cols);
  if (!rowsOk) throw new Error(`oracle: ${name} must be [${rows}][${cols}]`);
  return m as number[][];
}

function vector(params: StateDict, name: string, size: number): number[] {
  const v = params[name];
  if (!Array.isArray(v) || v.length !== size || v.some((x) => typeof x !== 'number')) {
    throw new Error(`oracle: ${name} must be [${size}]`);
  }
  return v as number[];
}

/** One layer's weights in Keras layout, flat row-major float32. */
export interface KerasWeights {
  /** [in][G·H], row-major. */
  kernel: Float32Array;
  /** [H][G·H], row-major. */
  recurrentKernel: Float32Array;
  /** [G·H]: bias_ih + bias_hh, permuted and signed like the kernels. */
  bias: Float32Array;
  /** Input size of this layer (I for layer 0, H above). */
  inSize: number;
}

/**
 * Layer `layer`'s PyTorch parameters rearranged into tfjs-layers' kernel,
 * recurrent_kernel and bias (see the module comment for the mapping).
 */
export function toKerasWeights(spec: ModelSpec, params: StateDict, layer: number): KerasWeights {
  const H = spec.hiddenSize;
  const G = gateCount(spec);
  const inSize = layer === 0 ? spec.inputSize : H;
  const W_ih = matrix(params, `weight_ih_l${layer}`, G * H, inSize);
  const W_hh = matrix(params, `weight_hh_l${layer}`, G * H, H);
  const b_ih = vector(params, `bias_ih_l${layer}`, G * H);
  const b_hh = vector(params, `bias_hh_l${layer}`, G * H);
  const kernel = new Float32Array(inSize * G * H);
  const recurrentKernel = new Float32Array(H * G * H);
  const bias = new Float32Array(G * H);
  kerasBlocks(spec).forEach(({ from, sign }, g) => {
    for (let j = 0; j < H; j++) {
      const row = from * H + j; // PyTorch row
      const col = g * H + j; // Keras column
      for (let i = 0; i < inSize; i++) kernel[i * G * H + col] = sign * (W_ih[row]?.[i] ?? NaN);
      for (let i = 0; i < H; i++) recurrentKernel[i * G * H + col] = sign * (W_hh[row]?.[i] ?? NaN);
      bias[col] = sign * ((b_ih[row] ?? NaN) + (b_hh[row] ?? NaN));
    }
  });
  return { kernel, recurrentKernel, bias, inSize };
}

/** A Gatescope model rebuilt as tfjs-layers RNN layers (weights live in tfjs variables). */
export interface TfjsModel {
  spec: ModelSpec;
  /** One built `SimpleRNN` / `LSTM` / `GRU` layer per Gatescope layer, bottom first. */
  layers: tfl.RNN[];
  /** The weights loaded into each layer, Keras layout. */
  weights: KerasWeights[];
  /** Frees the layers' variables. */
  dispose(): void;
}

/**
 * Builds the tfjs-layers equivalent of `spec` with `params` (PyTorch state_dict names
 * and shapes). Throws for a GRU in the `pytorch` convention, which tfjs lacks.
 */
export function buildTfjsModel(spec: ModelSpec, params: StateDict): TfjsModel {
  if (spec.cell === 'gru' && (spec.convention ?? 'pytorch') !== 'classic') {
    throw new Error(
      "oracle: tfjs-layers' GRU has reset_after=False only: use convention 'classic'",
    );
  }
  const H = spec.hiddenSize;
  const common = {
    units: H,
    returnSequences: true,
    returnState: true,
    kernelInitializer: 'zeros',
    recurrentInitializer: 'zeros',
    biasInitializer: 'zeros',
  } as const;
  const weights: KerasWeights[] = [];
  const layers: tfl.RNN[] = [];
  for (let l = 0; l < spec.numLayers; l++) {
    const layer =
      spec.cell === 'rnn'
        ? tfl.layers.simpleRNN({ ...common, activation: spec.nonlinearity ?? 'tanh' })
        : spec.cell === 'lstm'
          ? tfl.layers.lstm({ ...common, recurrentActivation: 'sigmoid' })
          : tfl.layers.gru({ ...common, recurrentActivation: 'sigmoid' });
    const w = toKerasWeights(spec, params, l);
    const GH = gateCount(spec) * H;
    // Build by calling once (layer.build() alone leaves `built` unset on RNN wrappers).
    tf.tidy(() => {
      layer.apply(tf.zeros([1, 1, w.inSize]));
    });
    tf.tidy(() => {
      layer.setWeights([
        tf.tensor2d(w.kernel, [w.inSize, GH]),
        tf.tensor2d(w.recurrentKernel, [H, GH]),
        tf.tensor1d(w.bias),
      ]);
    });
    weights.push(w);
    layers.push(layer);
  }
  return { spec, layers, weights, dispose: () => layers.forEach((layer) => layer.dispose()) };
}

/** What tfjs computes for one sequence; plain float arrays converted from float32. */
export interface TfjsRun {
  /** [T][H]: the top layer's h_t after step t. */
  outputs: number[][];
  /** [L][H]: each layer's final h. */
  hT: number[][];
  /** [L][H]: each layer's final c (lstm only). */
  cT?: number[][];
  /** [L] of [T][H]: each layer's output sequence (the input of the layer above). */
  layerOutputs: number[][][];
}

/** Optional initial states, [L][H] each; missing means zeros (as in the engine). */
export interface InitialState {
  h0?: number[][];
  c0?: number[][];
}

/** Per layer [h0, (c0)] as [1][H] tensors; zeros where `init` has no row. */
function stateTensors(model: TfjsModel, init?: InitialState): tf.Tensor2D[][] {
  const H = model.spec.hiddenSize;
  const row = (rows: number[][] | undefined, l: number): tf.Tensor2D => {
    const r = rows?.[l];
    return r ? tf.tensor2d([r], [1, H]) : tf.zeros([1, H]);
  };
  return model.layers.map((_, l) =>
    model.spec.cell === 'lstm' ? [row(init?.h0, l), row(init?.c0, l)] : [row(init?.h0, l)],
  );
}

/** The chain of layers on x [1][T][in] -> each layer's [sequence, h_T, (c_T)]. */
function applyLayers(model: TfjsModel, x: tf.Tensor3D, states: tf.Tensor[][]): tf.Tensor[][] {
  const results: tf.Tensor[][] = [];
  let input: tf.Tensor = x;
  model.layers.forEach((layer, l) => {
    const out = layer.apply(input, { initialState: states[l] });
    if (!Array.isArray(out) || out.length < 2) throw new Error('oracle: expected returnState');
    const tensors = out as tf.Tensor[];
    results.push(tensors);
    input = tensors[0] as tf.Tensor;
  });
  return results;
}

/** `tf.tidy` for a function returning plain data: frees every tensor made inside. */
function tidyPlain<R>(fn: () => R): R {
  let result: { value: R } | undefined;
  tf.tidy(() => {
    result = { value: fn() };
  });
  if (!result) throw new Error('oracle: tidy did not run');
  return result.value;
}

function rows2d(t: tf.Tensor): number[][] {
  return t.arraySync() as number[][];
}

/**
 * Runs the tfjs model on `xs` [T][I] (T ≥ 1) from `init` (zeros where omitted).
 * Returns float32 results as plain numbers; see {@link TfjsRun}.
 */
export function runTfjs(model: TfjsModel, xs: number[][], init?: InitialState): TfjsRun {
  const T = xs.length;
  if (T === 0) throw new Error('oracle: tfjs RNN layers need at least one step');
  return tidyPlain(() => {
    const x = tf.tensor3d([xs], [1, T, model.spec.inputSize]);
    const perLayer = applyLayers(model, x, stateTensors(model, init));
    const layerOutputs = perLayer.map((r) => rows2d(tf.squeeze(r[0] as tf.Tensor, [0])));
    const hT = perLayer.map((r) => rows2d(r[1] as tf.Tensor)[0] ?? []);
    const run: TfjsRun = { outputs: layerOutputs[layerOutputs.length - 1] ?? [], hT, layerOutputs };
    if (model.spec.cell === 'lstm')
      run.cT = perLayer.map((r) => rows2d(r[2] as tf.Tensor)[0] ?? []);
    return run;
  });
}

/**
 * One step of layer `layer`, teacher-forced: for every t at once (as a batch of T), the
 * tfjs cell maps (inputs[t], hPrev[t], cPrev[t]) to h_t (and c_t), so each step is
 * checked on its own, free of the error growth a long free-running sequence can have.
 * `pre` and `gates` are recomputed from the same Keras-layout weights with tfjs-core
 * ops (tfjs-layers exposes no gate values) and renamed to the engine's names and
 * signs: lstm pre/gates `i f g o` (+ `c h`); gru `r z n` (+ `h`), z = 1 − z_keras;
 * rnn pre `pre`, gates `h`. All [T][H].
 */
export function tfjsSteps(
  model: TfjsModel,
  layer: number,
  inputs: ArrayLike<number>[],
  hPrev: ArrayLike<number>[],
  cPrev?: ArrayLike<number>[],
): { pre: Record<string, number[][]>; gates: Record<string, number[][]> } {
  const rnnLayer = model.layers[layer];
  const w = model.weights[layer];
  if (!rnnLayer || !w) throw new Error(`oracle: no layer ${layer}`);
  const { cell } = model.spec;
  const H = model.spec.hiddenSize;
  const T = inputs.length;
  const GH = gateCount(model.spec) * H;
  const toRows = (rows: ArrayLike<number>[], width: number) =>
    tf.tensor2d(
      rows.map((r) => Array.from(r)),
      [T, width],
    );
  return tidyPlain(() => {
    const x = toRows(inputs, w.inSize);
    const h = toRows(hPrev, H);
    const states = [x, h];
    if (cell === 'lstm') {
      if (!cPrev) throw new Error('oracle: lstm steps need cPrev');
      states.push(toRows(cPrev, H));
    }
    const out = rnnLayer.cell.call(states, {}) as tf.Tensor[];
    const gates: Record<string, number[][]> = { h: rows2d(out[0] as tf.Tensor) };
    const pre: Record<string, number[][]> = {};
    if (cell === 'lstm') gates.c = rows2d(out[2] as tf.Tensor);

    const K = tf.tensor2d(w.kernel, [w.inSize, GH]);
    const R = tf.tensor2d(w.recurrentKernel, [H, GH]);
    const b = tf.tensor1d(w.bias);
    const xPart = tf.add(tf.matMul(x, K), b);
    if (cell === 'gru') {
      // Keras z, r, h; the candidate's recurrent term multiplies r ⊙ h_{t−1}.
      const [xz, xr, xh] = tf.split(xPart, 3, 1) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
      const [Rzr, Rh] = tf.split(R, [2 * H, H], 1) as [tf.Tensor2D, tf.Tensor2D];
      const [hz, hr] = tf.split(tf.matMul(h, Rzr), 2, 1) as [tf.Tensor2D, tf.Tensor2D];
      const aZKeras = tf.add(xz, hz);
      const aR = tf.add(xr, hr);
      const r = tf.sigmoid(aR);
      const aN = tf.add(xh, tf.matMul(tf.mul(r, h), Rh));
      pre.r = rows2d(aR);
      pre.z = rows2d(tf.neg(aZKeras));
      pre.n = rows2d(aN);
      gates.r = rows2d(r);
      gates.z = rows2d(tf.sub(1, tf.sigmoid(aZKeras)));
      gates.n = rows2d(tf.tanh(aN));
    } else {
      const a = tf.add(xPart, tf.matMul(h, R));
      if (cell === 'rnn') {
        pre.pre = rows2d(a);
      } else {
        const [ai, af, ag, ao] = tf.split(a, 4, 1) as tf.Tensor2D[];
        const named: [string, tf.Tensor2D | undefined, 'sigmoid' | 'tanh'][] = [
          ['i', ai, 'sigmoid'],
          ['f', af, 'sigmoid'],
          ['g', ag, 'tanh'],
          ['o', ao, 'sigmoid'],
        ];
        for (const [name, t, act] of named) {
          if (!t) throw new Error('oracle: split');
          pre[name] = rows2d(t);
          gates[name] = rows2d(act === 'sigmoid' ? tf.sigmoid(t) : tf.tanh(t));
        }
      }
    }
    return { pre, gates };
  });
}

/** dL/d(everything) from tfjs, mapped back to the engine's names, shapes and layout. */
export interface TfjsGradients {
  /** [T][I]. */
  xs: number[][];
  /** [L][H]. */
  h0: number[][];
  /** [L][H], lstm only. */
  c0?: number[][];
  /**
   * PyTorch names and shapes. Keras has one bias, so dL/d(bias_ih) = dL/d(bias_hh) = its
   * gradient; kernels are transposed back, GRU z rows negated back.
   */
  params: StateDict;
}

/**
 * Gradients of L = Σ_t Σ_j dOutputs[t][j]·outputs[t][j] (`dOutputs` [T][H]) through the
 * tfjs model (`tf.variableGrads`), for `xs` [T][I] from `init` (zeros where omitted).
 */
export function tfjsGradients(
  model: TfjsModel,
  xs: number[][],
  dOutputs: number[][],
  init?: InitialState,
): TfjsGradients {
  const { spec } = model;
  const H = spec.hiddenSize;
  const T = xs.length;
  if (T === 0) throw new Error('oracle: tfjs RNN layers need at least one step');
  // tf.variable keeps its own reference; tidy frees the temporary it was made from.
  const x = tf.tidy(() => tf.variable(tf.tensor3d([xs], [1, T, spec.inputSize])));
  const states = tf.tidy(() =>
    stateTensors(model, init).map((layer) => layer.map((t) => tf.variable(t))),
  );
  const weights = model.layers.map((l) => l.trainableWeights.map((w) => w.read() as tf.Variable));
  try {
    return tidyPlain(() => {
      const dOut = tf.tensor3d([dOutputs], [1, T, H]);
      const { grads } = tf.variableGrads(() => {
        const top = applyLayers(model, x, states)[spec.numLayers - 1]?.[0] as tf.Tensor;
        return tf.sum(tf.mul(top, dOut));
      }, [x, ...states.flat(), ...weights.flat()]);
      const grad = (v: tf.Variable): tf.Tensor => {
        const g = grads[v.name];
        if (!g) throw new Error(`oracle: no gradient for ${v.name}`);
        return g;
      };
      const firstRow = (v: tf.Variable | undefined) => (v ? (rows2d(grad(v))[0] ?? []) : []);
      const result: TfjsGradients = {
        xs: rows2d(tf.squeeze(grad(x), [0])),
        h0: states.map((layer) => firstRow(layer[0])),
        params: {},
      };
      if (spec.cell === 'lstm') result.c0 = states.map((layer) => firstRow(layer[1]));
      weights.forEach((vars, l) => {
        const [kernel, recurrent, bias] = vars.map((v) => grad(v).dataSync());
        if (!kernel || !recurrent || !bias) throw new Error('oracle: expected 3 weights');
        Object.assign(result.params, fromKeras(spec, l, kernel, recurrent, bias));
      });
      return result;
    });
  } finally {
    x.dispose();
    states.flat().forEach((v) => v.dispose());
  }
}

/** Inverse of {@link toKerasWeights} for gradients (the bias gradient goes to both biases). */
function fromKeras(
  spec: ModelSpec,
  layer: number,
  kernel: ArrayLike<number>,
  recurrent: ArrayLike<number>,
  bias: ArrayLike<number>,
): StateDict {
  const H = spec.hiddenSize;
  const G = gateCount(spec);
  const inSize = layer === 0 ? spec.inputSize : H;
  const W_ih = Array.from({ length: G * H }, () => new Array<number>(inSize).fill(NaN));
  const W_hh = Array.from({ length: G * H }, () => new Array<number>(H).fill(NaN));
  const b = new Array<number>(G * H).fill(NaN);
  kerasBlocks(spec).forEach(({ from, sign }, g) => {
    for (let j = 0; j < H; j++) {
      const row = from * H + j;
      const col = g * H + j;
      const ih = W_ih[row] ?? [];
      const hh = W_hh[row] ?? [];
      for (let i = 0; i < inSize; i++) ih[i] = sign * (kernel[i * G * H + col] ?? NaN);
      for (let i = 0; i < H; i++) hh[i] = sign * (recurrent[i * G * H + col] ?? NaN);
      b[row] = sign * (bias[col] ?? NaN);
    }
  });
  return {
    [`weight_ih_l${layer}`]: W_ih,
    [`weight_hh_l${layer}`]: W_hh,
    [`bias_ih_l${layer}`]: b,
    [`bias_hh_l${layer}`]: [...b],
  };
}

/** Median wall-clock times of the tfjs model, in milliseconds. */
export interface TfjsTiming {
  /** Forward pass over the whole sequence, outputs read back. */
  forwardMs: number;
  /**
   * Forward plus the gradient of L = Σ outputs ⊙ dOutputs with respect to every weight
   * and the inputs (`tf.variableGrads`), gradients read back.
   */
  forwardBackwardMs: number;
}

/**
 * Times tfjs (cpu backend) on `xs` [T][I] with loss weights `dOutputs` [T][H]: `warmup`
 * untimed runs, then the median of `runs` timed ones, each for forward and for
 * forward+backward. Builds and disposes its own layers. Call {@link setupTfjs} first.
 */
export function timeTfjs(
  spec: ModelSpec,
  params: StateDict,
  xs: number[][],
  dOutputs: number[][],
  opts: { runs?: number; warmup?: number } = {},
): TfjsTiming {
  const { runs = 5, warmup = 1 } = opts;
  const model = buildTfjsModel(spec, params);
  const T = xs.length;
  const x = tf.tidy(() => tf.variable(tf.tensor3d([xs], [1, T, spec.inputSize])));
  const dOut = tf.tensor3d([dOutputs], [1, T, spec.hiddenSize]);
  const vars = [x, ...model.layers.flatMap((l) => l.trainableWeights.map((v) => v.read()))];
  const forwardOnce = () =>
    tf.tidy(() => {
      const top = applyLayers(model, x, stateTensors(model))[spec.numLayers - 1]?.[0];
      top?.dataSync();
    });
  const forwardBackwardOnce = () =>
    tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => {
        const top = applyLayers(model, x, stateTensors(model))[
          spec.numLayers - 1
        ]?.[0] as tf.Tensor;
        return tf.sum(tf.mul(top, dOut));
      }, vars as tf.Variable[]);
      value.dataSync();
      for (const g of Object.values(grads)) g.dataSync();
    });
  const time = (fn: () => void) => medianMs(fn, runs, warmup);
  try {
    return { forwardMs: time(forwardOnce), forwardBackwardMs: time(forwardBackwardOnce) };
  } finally {
    x.dispose();
    dOut.dispose();
    model.dispose();
  }
}
