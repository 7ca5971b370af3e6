import { EngineInputError } from '../errors';
import { describe, isArrayLike, readMatrix, readVector, toNested } from '../arrays';
import { Random } from '../random';
import { MAX_HIDDEN_SIZE, MAX_OUTPUT_SIZE } from '../spec';
import type { Rows, StateDict } from '../types';

/**
 * A linear read-out on the top layer's state: y_t = W h_t + b, as PyTorch's `nn.Linear(H, O)`
 * placed after the recurrent layers. Never mutated after creation.
 */
export interface Head {
  /** Read-out size, O. */
  readonly O: number;
  /** Hidden size it reads, H. */
  readonly H: number;
  /** W, [O][H] row-major. */
  readonly weight: Float64Array;
  /** b, [O]. */
  readonly bias: Float64Array;
}

/** The state_dict names of a head's parameters, as PyTorch's `self.head = nn.Linear(…)` writes them. */
export const HEAD_WEIGHT = 'head.weight';
/** See {@link HEAD_WEIGHT}. */
export const HEAD_BIAS = 'head.bias';

/**
 * A head from `weight` [O][H] and `bias` [O] (O, H ≥ 1). Copies the numbers. Throws an Error
 * naming 'head.weight' or 'head.bias' and the expected shape on a wrong shape or a value
 * that is not a finite number.
 */
export function createHead(weight: number[][], bias: number[]): Head {
  const w = weight as unknown;
  const first: unknown = isArrayLike(w) ? w[0] : undefined;
  if (!isArrayLike(w) || w.length === 0 || !isArrayLike(first) || first.length === 0) {
    throw new EngineInputError(
      `createHead: ${HEAD_WEIGHT} has ${describe(isArrayLike(w) ? first : w)}; expected shape [O][H] with O ≥ 1 and H ≥ 1.`,
    );
  }
  const O = w.length;
  const H = first.length;
  return Object.freeze({
    O,
    H,
    weight: readMatrix(w, O, H, `createHead: ${HEAD_WEIGHT}`),
    bias: readVector(bias, O, `createHead: ${HEAD_BIAS}`),
  });
}

/**
 * A fresh head as PyTorch's `nn.Linear(H, O)` initialises one: W and b ~ U(−1/√H, 1/√H),
 * W drawn first (row-major), then b, from one `Random(seed)`; seed in [0, 2³²),
 * O ≤ MAX_OUTPUT_SIZE, H ≤ MAX_HIDDEN_SIZE.
 */
export function initHead(O: number, H: number, seed: number): Head {
  const fits = (n: number, max: number) => Number.isInteger(n) && n >= 1 && n <= max;
  if (!fits(O, MAX_OUTPUT_SIZE) || !fits(H, MAX_HIDDEN_SIZE)) {
    throw new EngineInputError(
      `initHead: O and H must be integers, O from 1 to ${MAX_OUTPUT_SIZE} (MAX_OUTPUT_SIZE) and H from 1 to ${MAX_HIDDEN_SIZE} (MAX_HIDDEN_SIZE), got O = ${O}, H = ${H}.`,
    );
  }
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
    throw new EngineInputError(`initHead: seed must be an integer in [0, 2^32), got ${seed}.`);
  }
  const rng = new Random(seed);
  const bound = 1 / Math.sqrt(H);
  const weight = new Float64Array(O * H);
  for (let k = 0; k < weight.length; k++) weight[k] = rng.uniform(-bound, bound);
  const bias = new Float64Array(O);
  for (let k = 0; k < O; k++) bias[k] = rng.uniform(-bound, bound);
  return Object.freeze({ O, H, weight, bias });
}

/**
 * The read-out at the listed steps: y[s] = W h_{steps[s]} + b, [S][O], for `hs` the top
 * layer's states [T][H] (a trace's `outputs`). Throws an {@link EngineInputError} when a
 * step is not in 0..T−1, a state is not [H], or a read-out is not a finite number (huge
 * weights overflowed float64, or a state held NaN): never hands back NaN or ±Infinity.
 */
export function headForward(head: Head, hs: Rows, steps: readonly number[]): number[][] {
  const { O, H, weight, bias } = head;
  if (!isArrayLike(hs) || !isArrayLike(steps)) {
    throw new EngineInputError(
      `headForward: hs must be the states [T][${H}] and steps a list of step indices.`,
    );
  }
  const y: number[][] = new Array<number[]>(steps.length);
  for (let s = 0; s < steps.length; s++) {
    const t = steps[s]!;
    const h = Number.isInteger(t) ? hs[t] : undefined;
    if (h === undefined) {
      throw new EngineInputError(
        `headForward: steps[${s}] = ${t} is not a step of the sequence (0..${hs.length - 1}).`,
      );
    }
    if (h.length !== H) {
      throw new EngineInputError(
        `headForward: the state at step ${t} has ${h.length} units; the head reads ${H}.`,
      );
    }
    const ys = new Array<number>(O);
    for (let o = 0; o < O; o++) {
      let sum = bias[o]!;
      const row = o * H;
      for (let j = 0; j < H; j++) sum += weight[row + j]! * h[j]!;
      if (!Number.isFinite(sum)) {
        throw new EngineInputError(
          `headForward: the read-out ${o} at step ${t} is ${sum}: W h + b left float64's range (the head's weights or the state are too large or not finite).`,
        );
      }
      ys[o] = sum;
    }
    y[s] = ys;
  }
  return y;
}

/** The head's parameters under PyTorch's names: 'head.weight' [O][H], 'head.bias' [O]. */
export function headToStateDict(head: Head): { 'head.weight': number[][]; 'head.bias': number[] } {
  if (typeof head !== 'object' || head === null || !(head.weight instanceof Float64Array)) {
    throw new EngineInputError(
      'headToStateDict: head must be a head made by createHead or initHead.',
    );
  }
  return {
    [HEAD_WEIGHT]: toNested(head.weight, head.O, head.H) as number[][],
    [HEAD_BIAS]: toNested(head.bias, head.O) as number[],
  };
}

/**
 * Separates a model file's `state_dict` into the recurrent parameters (every name not
 * starting with 'head.', for `createModel`) and the head (null when the dict has none).
 * Throws an {@link EngineInputError} when `dict` is not a plain object of named
 * parameters (null, an array, a number…), on an unknown 'head.*' name, or when only
 * one of 'head.weight', 'head.bias' is present. A '__proto__' or other reserved name is
 * kept as an ordinary name, so `createModel` refuses it as unknown, by name.
 */
export function splitStateDict(dict: StateDict): { rnn: StateDict; head: Head | null } {
  const given = dict as unknown;
  if (given === null || typeof given !== 'object' || isArrayLike(given)) {
    const kind = given === null ? 'null' : isArrayLike(given) ? 'an array' : typeof given;
    throw new EngineInputError(
      `splitStateDict: expected an object of PyTorch-named parameters (a state_dict), got ${kind}.`,
    );
  }
  // No prototype: a '__proto__' key stays a key instead of replacing the prototype.
  const rnn: StateDict = Object.create(null) as StateDict;
  const headEntries: StateDict = Object.create(null) as StateDict;
  for (const [name, value] of Object.entries(dict)) {
    if (!name.startsWith('head.')) rnn[name] = value;
    else if (name === HEAD_WEIGHT || name === HEAD_BIAS) headEntries[name] = value;
    else {
      throw new EngineInputError(
        `splitStateDict: unknown head parameter "${name}"; expected ${HEAD_WEIGHT} [O][H] and ${HEAD_BIAS} [O].`,
      );
    }
  }
  const weight = headEntries[HEAD_WEIGHT];
  const bias = headEntries[HEAD_BIAS];
  if (weight === undefined && bias === undefined) return { rnn, head: null };
  if (weight === undefined || bias === undefined) {
    const missing = weight === undefined ? `${HEAD_WEIGHT} [O][H]` : `${HEAD_BIAS} [O]`;
    throw new EngineInputError(
      `splitStateDict: missing parameter ${missing} beside the other head parameter.`,
    );
  }
  return { rnn, head: createHead(weight as number[][], bias as number[]) };
}
