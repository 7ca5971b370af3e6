/**
 * What every task generator shares: the parameter table and its validation, one-hot
 * vectors, integer and coin draws from the engine's `Random`, and the 2-decimal labels
 * of the time axis.
 */
import { EngineInputError } from '../errors';
import type { Random } from '../random';
import type { ModelTaskName, Sample, Task } from './types';

/** The bounds of one task parameter: what `makeTask` accepts and a slider may offer. */
export interface ParamSpec {
  /** Smallest allowed value (inclusive). */
  readonly min: number;
  /** Largest allowed value (inclusive). */
  readonly max: number;
  /** The value used when the parameter is omitted. */
  readonly default: number;
  /** Only whole numbers are allowed (sequence lengths). */
  readonly integer?: boolean;
  /** A few words for people: "sequence length T". */
  readonly label: string;
}

/** One `ParamSpec` per parameter of a task, keyed by the parameter's name. */
export type ParamTable<P extends Record<string, number>> = { readonly [K in keyof P]: ParamSpec };

/**
 * The task's full parameters: `given` checked against `table`, defaults filled in. Throws
 * an Error naming the task and the parameter for an unknown name, a value that is not a
 * finite number, a fraction where an integer is needed, or a value outside [min, max].
 */
export function resolveParams<P extends Record<string, number>>(
  task: ModelTaskName,
  table: ParamTable<P>,
  given: Partial<P> | undefined,
): P {
  const names = Object.keys(table);
  const supplied: Record<string, unknown> = { ...given };
  for (const key of Object.keys(supplied)) {
    if (!names.includes(key)) {
      throw new EngineInputError(
        `Task '${task}': unknown parameter '${key}' (its parameters are ${names.join(', ')})`,
      );
    }
  }
  const out: Record<string, number> = {};
  for (const name of names) {
    const spec = table[name as keyof P];
    const value = supplied[name] ?? spec.default;
    const what = spec.integer ? 'an integer' : 'a number';
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      (spec.integer && !Number.isInteger(value)) ||
      value < spec.min ||
      value > spec.max
    ) {
      throw new EngineInputError(
        `Task '${task}': parameter '${name}' (${spec.label}) must be ${what} in ` +
          `[${spec.min}, ${spec.max}], got ${String(value)}`,
      );
    }
    out[name] = value;
  }
  return Object.freeze(out) as P;
}

/** [size] a vector of zeros with a 1 at `index`. */
export function oneHot(index: number, size: number): number[] {
  const v = new Array<number>(size).fill(0);
  v[index] = 1;
  return v;
}

/**
 * The index of the largest entry (the first one on ties; ±Infinity compare as numbers, so
 * an all −Infinity row gives 0). Throws an {@link EngineInputError} for an empty row or
 * one with a NaN (naming its index): no entry is the largest then, and NaN only
 * comes from a computation that went wrong.
 */
export function argmax(row: readonly number[]): number {
  if (row.length === 0) throw new EngineInputError('argmax: needs at least one entry, got none.');
  let best = 0;
  row.forEach((v, k) => {
    if (typeof v !== 'number' || Number.isNaN(v)) {
      throw new EngineInputError(`argmax: entry ${k} is ${String(v)}; expected numbers, not NaN.`);
    }
    if (v > row[best]!) best = k;
  });
  return best;
}

/**
 * A uniform integer in [0, n). `rng.next()` is a multiple of 2⁻⁵³ and n is small, so the
 * product is exact and the result is the same on every machine.
 */
export function randomInt(rng: Random, n: number): number {
  return Math.floor(rng.next() * n);
}

/** A fair coin: true with probability 1/2. */
export function coin(rng: Random): boolean {
  return rng.next() < 0.5;
}

/** `v` to 2 decimals with a typographic minus ('−0.42'); values that round to 0 read '0.00'. */
export function formatValue(v: number): string {
  const text = Math.abs(v).toFixed(2);
  return v < 0 && text !== '0.00' ? `−${text}` : text;
}

/** One held-out sample of `task`: from its held-out data when it has some, else a fresh draw. */
export function drawHeldOut(task: Task, rng: Random): Sample {
  return task.sampleHeldOut ? task.sampleHeldOut(rng) : task.sample(rng);
}

/** Names joined for a sentence: "x", "x and y", "x, y and z". */
export function wordList(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}
