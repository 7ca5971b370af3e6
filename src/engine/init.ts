import { EngineInputError } from './errors';
import { Random } from './random';
import { GATE_BLOCKS, normalizeSpec, parameterShapes, type ParamShape } from './spec';
import { toNested } from './arrays';
import type { FullModelSpec, ModelSpec, StateDict } from './types';

/** Options of {@link initParams}. */
export interface InitOptions {
  /** Any integer in [0, 2³²): same seed, same parameters on every machine. */
  seed: number;
  /** Default 'pytorch'. */
  scheme?: 'pytorch' | 'xavier' | 'orthogonal';
  /** Multiplies every weight's range (and the orthogonal blocks); default 1. */
  weightScale?: number;
  /** LSTM only: added to the forget-gate block of `bias_ih` in every layer; default 0. */
  forgetBias?: number;
  /**
   * GRU only: added to the update-gate (z) block of `bias_ih` in every layer; default 0. With
   * the 'pytorch' convention z weights the old state, so a positive value starts the GRU
   * keeping its state, as `forgetBias` does for an LSTM.
   */
  updateBias?: number;
}

/**
 * Fresh parameters as a PyTorch-named `state_dict` (every direction's, and `weight_hr` with
 * a projection), drawn in PyTorch's parameter order:
 * - `pytorch`: every parameter ~ U(−s/√H, s/√H), as `torch.nn.RNN/LSTM/GRU` initialise;
 * - `xavier`: each gate block of each weight matrix (and `weight_hr` whole)
 *   ~ U(±s·√(6/(fan_in + fan_out))), biases 0;
 * - `orthogonal`: each H×H gate block of `weight_hh` orthogonal, times s (H×P with a
 *   projection: P orthonormal columns); `weight_ih` and `weight_hr` as xavier; biases 0.
 */
export function initParams(spec: ModelSpec, opts: InitOptions): StateDict {
  const dict: StateDict = {};
  for (const [shape, values] of drawParams(normalizeSpec(spec), opts)) {
    dict[shape.name] = toNested(values, shape.rows, shape.cols);
  }
  return dict;
}

/**
 * The numbers of {@link initParams}, each parameter as a flat row-major buffer beside its
 * shape, in PyTorch's parameter order (the order they are drawn in). For `createModel`'s
 * sibling that builds the model straight from them (no nested arrays in between).
 */
export function drawParams(
  full: FullModelSpec,
  opts: InitOptions,
): readonly (readonly [ParamShape, Float64Array])[] {
  if (typeof opts !== 'object' || opts === null) {
    throw new EngineInputError(
      'initParams: options must be an object with a seed, e.g. { seed: 0 }.',
    );
  }
  const { seed, scheme = 'pytorch', weightScale: s = 1, forgetBias = 0, updateBias = 0 } = opts;
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
    throw new EngineInputError(`initParams: seed must be an integer in [0, 2^32), got ${seed}.`);
  }
  if (!Number.isFinite(s) || !Number.isFinite(forgetBias) || !Number.isFinite(updateBias)) {
    throw new EngineInputError(
      'initParams: weightScale, forgetBias and updateBias must be finite numbers.',
    );
  }
  if (scheme !== 'pytorch' && scheme !== 'xavier' && scheme !== 'orthogonal') {
    throw new EngineInputError(`initParams: scheme must be 'pytorch', 'xavier' or 'orthogonal'.`);
  }
  const rng = new Random(seed);
  const H = full.hiddenSize;
  const G = GATE_BLOCKS[full.cell];
  const drawn: (readonly [ParamShape, Float64Array])[] = [];
  for (const shape of parameterShapes(full)) {
    const values = new Float64Array(shape.rows * (shape.cols ?? 1));
    if (scheme === 'pytorch') {
      const bound = s / Math.sqrt(H);
      for (let k = 0; k < values.length; k++) values[k] = rng.uniform(-bound, bound);
    } else if (shape.kind === 'weight_hr') {
      const bound = s * Math.sqrt(6 / (shape.rows + H));
      for (let k = 0; k < values.length; k++) values[k] = rng.uniform(-bound, bound);
    } else if (shape.cols !== undefined) {
      for (let block = 0; block < G; block++) {
        const target = values.subarray(block * H * shape.cols, (block + 1) * H * shape.cols);
        if (scheme === 'orthogonal' && shape.kind === 'weight_hh') {
          fillOrthogonal(target, H, shape.cols, s, rng);
        } else {
          const bound = s * Math.sqrt(6 / (shape.cols + H));
          for (let k = 0; k < target.length; k++) target[k] = rng.uniform(-bound, bound);
        }
      }
    }
    if (shape.kind === 'bias_ih') {
      if (full.cell === 'lstm') addToSecondBlock(values, H, forgetBias);
      if (full.cell === 'gru') addToSecondBlock(values, H, updateBias);
    }
    drawn.push([shape, values]);
  }
  return drawn;
}

/** Adds `amount` to rows H..2H: the f block of an LSTM's i f g o, the z block of a GRU's r z n. */
function addToSecondBlock(bias: Float64Array, H: number, amount: number): void {
  for (let j = H; j < 2 * H; j++) bias[j] = (bias[j] as number) + amount;
}

/**
 * Writes s·Q into `target` ([n][cols] row-major, cols ≤ n), Q's first `cols` columns of an
 * orthogonal n×n matrix: Householder QR of a random matrix, with the signs of R's diagonal
 * folded into Q so that Q is uniquely defined.
 */
function fillOrthogonal(
  target: Float64Array,
  n: number,
  cols: number,
  s: number,
  rng: Random,
): void {
  const A = new Float64Array(n * n);
  for (let k = 0; k < A.length; k++) A[k] = rng.normal();
  // Q starts as the identity; each Householder reflection P_k = I − 2vvᵀ is applied to A
  // from the left (A ← P_k A) and accumulated into Q (Q ← Q P_k), so A ends as R and Q R
  // equals the random matrix.
  const Q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) Q[i * n + i] = 1;
  const v = new Float64Array(n);
  for (let k = 0; k < n - 1; k++) {
    let norm = 0;
    for (let i = k; i < n; i++) norm += A[i * n + k]! ** 2;
    norm = Math.sqrt(norm);
    if (norm === 0) continue;
    const akk = A[k * n + k]!;
    const alpha = akk > 0 ? -norm : norm;
    v.fill(0);
    for (let i = k; i < n; i++) v[i] = A[i * n + k]!;
    v[k] = akk - alpha;
    let vnorm = 0;
    for (let i = k; i < n; i++) vnorm += v[i]! ** 2;
    vnorm = Math.sqrt(vnorm);
    if (vnorm === 0) continue;
    for (let i = k; i < n; i++) v[i] = v[i]! / vnorm;
    for (let c = 0; c < n; c++) {
      let dot = 0;
      for (let i = k; i < n; i++) dot += v[i]! * A[i * n + c]!;
      for (let i = k; i < n; i++) A[i * n + c] = A[i * n + c]! - 2 * v[i]! * dot;
    }
    for (let r = 0; r < n; r++) {
      let dot = 0;
      for (let i = k; i < n; i++) dot += Q[r * n + i]! * v[i]!;
      for (let i = k; i < n; i++) Q[r * n + i] = Q[r * n + i]! - 2 * dot * v[i]!;
    }
  }
  for (let c = 0; c < cols; c++) {
    const sign = A[c * n + c]! < 0 ? -1 : 1;
    for (let r = 0; r < n; r++) target[r * cols + c] = s * sign * Q[r * n + c]!;
  }
}
