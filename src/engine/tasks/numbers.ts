/**
 * A task built from a table of numbers the user pasted: some columns are the targets, the
 * others the inputs. A sample is a window of T consecutive rows, scored at every step after
 * a few warm-up steps (sequence-to-sequence regression, mean squared error). The last rows
 * are held out, chronologically, and every column is standardised with the statistics of
 * the training rows only, so nothing of the held-out rows leaks into training.
 */
import { EngineInputError } from '../errors';
import type { Random } from '../random';
import { MAX_INPUT_SIZE, MAX_STEPS } from '../spec';
import { formatValue, randomInt, resolveParams, wordList, type ParamTable } from './common';
import type { Sample, Task } from './types';

/** A table of numbers: named columns, rows in time order, and which columns are targets. */
export interface NumbersTable {
  /** [C] a name per column (the header's, or "column 1" …). */
  readonly columns: readonly string[];
  /** [N][C] the rows, oldest first; finite numbers. */
  readonly rows: readonly (readonly number[])[];
  /** The target columns, 0-based, increasing; the other columns are the inputs. */
  readonly targets: readonly number[];
}

/** The parameters of 'numbers'. */
export type NumbersParams = {
  /** Steps per sequence T: rows per window. */
  length: number;
  /** Unscored first steps of each window, where the model has not seen enough rows yet. */
  warmup: number;
};

/** Bounds and defaults of 'numbers'; warmup < length and the rows' count are checked too. */
export const NUMBERS_PARAMS: ParamTable<NumbersParams> = {
  length: { min: 2, max: 2000, default: 20, integer: true, label: 'steps per sequence T' },
  warmup: { min: 0, max: 1999, default: 0, integer: true, label: 'unscored first steps' },
};

/**
 * |prediction − target| within this counts as correct, in the target's standard deviations
 * (measured on the training rows): the targets are standardised, so one tolerance serves
 * every target column whatever its unit.
 */
export const NUMBERS_TOLERANCE = 0.25;

/** The fraction of the rows held out (the last ones), at least one window's worth. */
export const HELD_OUT_FRACTION = 0.2;

/** Longest column name a table may have, in characters. */
export const MAX_COLUMN_NAME = 200;

/** What the standardisation and the split of a {@link NumbersTask} are. */
export interface NumbersData extends NumbersTable {
  /** [C] each column's mean over the training rows. */
  readonly mean: readonly number[];
  /** [C] each column's standard deviation over the training rows (population, > 0). */
  readonly std: readonly number[];
  /** Rows 0 … trainRows − 1 are trained on; the rest are held out. */
  readonly trainRows: number;
  /** The input columns, 0-based, increasing. */
  readonly inputs: readonly number[];
}

/** A task built by {@link numbersTask}: its table, standardisation and split. */
export interface NumbersTask extends Task {
  readonly name: 'numbers';
  readonly data: NumbersData;
  sampleHeldOut(rng: Random): Sample;
  /**
   * A whole table with the same columns (the rows pasted, or new ones) as the model reads
   * it: xs [N][inputs] and targets [N − warmup][targets] standardised with the training
   * rows' statistics, scored from step `warmup`. Throws an EngineInputError for a row of
   * another width or a value that is not finite.
   */
  sampleOf(rows: readonly (readonly number[])[]): Sample;
}

/** True for a task built by {@link numbersTask}. */
export function isNumbersTask(task: Task): task is NumbersTask {
  return task.name === 'numbers' && 'data' in task;
}

/** A column's name in messages: “y”. */
const named = (name: string) => `“${name}”`;

/** Names in a title: the first three, then "…". */
function shortList(names: readonly string[]): string {
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')}, …`;
}

/** Checks the table's shape and values; returns C. Messages a user understands. */
function checkTable(table: NumbersTable): number {
  const { columns, rows, targets } = table;
  if (
    !Array.isArray(columns) ||
    !columns.every((c) => typeof c === 'string' && c.length <= MAX_COLUMN_NAME)
  ) {
    throw new EngineInputError(
      `Your numbers: the column names must be texts of at most ${MAX_COLUMN_NAME} characters.`,
    );
  }
  const C = columns.length;
  if (C < 2) {
    throw new EngineInputError(
      `Your numbers have ${C} column${C === 1 ? '' : 's'}; training needs at least two: one the model reads and one it predicts.`,
    );
  }
  if (C > MAX_INPUT_SIZE) {
    throw new EngineInputError(
      `Your numbers have ${C} columns; at most ${MAX_INPUT_SIZE} can be used.`,
    );
  }
  if (!Array.isArray(rows) || rows.length > MAX_STEPS) {
    throw new EngineInputError(`Your numbers: at most ${MAX_STEPS} rows can be used.`);
  }
  rows.forEach((row, r) => {
    if (!Array.isArray(row) || row.length !== C) {
      throw new EngineInputError(
        `Your numbers: row ${r + 1} has ${Array.isArray(row) ? row.length : 'no'} values; every row needs one per column (${C}).`,
      );
    }
    row.forEach((v, c) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new EngineInputError(
          `Your numbers: row ${r + 1}, column ${named(columns[c]!)} is ${String(v)}, not a finite number.`,
        );
      }
    });
  });
  if (!Array.isArray(targets) || targets.length === 0) {
    throw new EngineInputError(
      'Choose at least one target column: the column the model learns to predict.',
    );
  }
  targets.forEach((k, n) => {
    if (!Number.isInteger(k) || k < 0 || k >= C || (n > 0 && k <= targets[n - 1]!)) {
      throw new EngineInputError(
        `Your numbers: the target columns must be distinct column numbers from 1 to ${C}, in order; got ${targets.map((t) => String(Number(t) + 1)).join(', ')}.`,
      );
    }
  });
  if (targets.length === C) {
    throw new EngineInputError(
      'Every column is a target: leave at least one column unchecked for the model to read.',
    );
  }
  return C;
}

/** Mean and population standard deviation of column c over rows [0, n). */
function columnStats(rows: readonly (readonly number[])[], c: number, n: number) {
  let sum = 0;
  for (let r = 0; r < n; r++) sum += rows[r]![c]!;
  const mean = sum / n;
  let squares = 0;
  for (let r = 0; r < n; r++) squares += (rows[r]![c]! - mean) ** 2;
  return { mean, std: Math.sqrt(squares / n) };
}

/**
 * The task of predicting `table`'s target columns from its other columns, T = `length`
 * rows at a time. Split: the last max(⌈N/5⌉, T) rows are held out; training windows lie
 * wholly in the rows before them, held-out windows wholly after, so the two never share a
 * row. Standardisation: each column's mean and standard deviation over the training rows
 * (stored in `data`), applied to every row. A sample is the window starting at a uniform
 * row (one draw from `Random`): xs the inputs, every step from `warmup` scored with the
 * targets; mse loss; correct within {@link NUMBERS_TOLERANCE} standard deviations.
 *
 * Chance: always answering 0, the targets' training mean (the best constant under mse):
 * the fraction of held-out rows whose every target lies within the tolerance of it.
 *
 * Throws an EngineInputError, in words for people, for fewer than two columns, no target
 * column or no input column, a row of the wrong width or a value that is not finite, too
 * few rows for T (fewer than 2T), warmup ≥ T, or a column that is constant in the
 * training rows.
 */
export function numbersTask(table: NumbersTable, params?: Partial<NumbersParams>): NumbersTask {
  const p = resolveParams('numbers', NUMBERS_PARAMS, params);
  const C = checkTable(table);
  const { columns, targets } = table;
  const rows = table.rows.map((row) => Object.freeze([...row]));
  const T = p.length;
  if (p.warmup >= T) {
    throw new EngineInputError(
      `The unscored first steps (${p.warmup}) must be fewer than the steps per sequence (${T}).`,
    );
  }
  const N = rows.length;
  if (N < 2 * T) {
    const most = Math.floor(N / 2);
    throw new EngineInputError(
      `Too few rows for ${T} steps per sequence: training needs ${2 * T} rows (${T} to train on and ${T} held out), and your numbers have ${N}. ` +
        (most >= 2
          ? `Use at most ${most} steps per sequence, or paste more rows.`
          : 'Paste more rows.'),
    );
  }
  const held = Math.max(Math.ceil(N * HELD_OUT_FRACTION), T);
  const trainRows = N - held;
  const mean: number[] = [];
  const std: number[] = [];
  for (let c = 0; c < C; c++) {
    const stats = columnStats(rows, c, trainRows);
    if (!(stats.std > 1e-12 * Math.max(1, Math.abs(stats.mean)))) {
      throw new EngineInputError(
        `Column ${named(columns[c]!)} is constant (${rows[0]![c]}) in the ${trainRows} training rows: a constant column teaches the model nothing. Remove it${targets.includes(c) ? ', or choose another target' : ''}.`,
      );
    }
    mean.push(stats.mean);
    std.push(stats.std);
  }
  const inputs = columns.map((_, c) => c).filter((c) => !targets.includes(c));
  const z = (row: readonly number[], c: number) => (row[c]! - mean[c]!) / std[c]!;
  const checkRow = (row: readonly number[], r: number) => {
    if (!Array.isArray(row) || row.length !== C || !row.every((v) => Number.isFinite(v))) {
      throw new EngineInputError(
        `Row ${r + 1} must hold ${C} finite numbers, one per column (${wordList(columns)}).`,
      );
    }
  };
  const windowAt = (source: readonly (readonly number[])[], start: number, steps: number) => {
    const xs: number[][] = [];
    const scored: number[] = [];
    const ys: number[][] = [];
    for (let t = 0; t < steps; t++) {
      const row = source[start + t]!;
      xs.push(inputs.map((c) => z(row, c)));
      if (t < p.warmup) continue;
      scored.push(t);
      ys.push(targets.map((c) => z(row, c)));
    }
    return { xs, steps: scored, targets: ys };
  };
  let near = 0;
  for (let r = trainRows; r < N; r++) {
    if (targets.every((c) => Math.abs(z(rows[r]!, c)) <= NUMBERS_TOLERANCE)) near += 1;
  }
  const inputNames = inputs.map((c) => columns[c]!);
  const targetNames = targets.map((c) => columns[c]!);
  const data: NumbersData = Object.freeze({
    columns: Object.freeze([...columns]),
    rows: Object.freeze(rows),
    targets: Object.freeze([...targets]),
    mean: Object.freeze(mean),
    std: Object.freeze(std),
    trainRows,
    inputs: Object.freeze(inputs),
  });
  return {
    name: 'numbers',
    title: `Predict ${shortList(targetNames)} from ${shortList(inputNames)}`,
    params: p,
    inputSize: inputs.length,
    outputSize: targets.length,
    loss: 'mse',
    inputLabels: inputNames.map((n) => `${n} (z)`),
    outputLabels: targetNames.map((n) => `${n} (z)`),
    tolerance: NUMBERS_TOLERANCE,
    chance: near / held,
    data,
    sample(rng: Random): Sample {
      return windowAt(rows, randomInt(rng, trainRows - T + 1), T);
    },
    sampleHeldOut(rng: Random): Sample {
      return windowAt(rows, trainRows + randomInt(rng, held - T + 1), T);
    },
    sampleOf(source: readonly (readonly number[])[]): Sample {
      if (!Array.isArray(source) || source.length <= p.warmup) {
        throw new EngineInputError(
          `The model scores from step ${p.warmup + 1}; give it more than ${p.warmup} rows.`,
        );
      }
      source.forEach(checkRow);
      return windowAt(source, 0, source.length);
    },
    tokens(sample: Sample): string[] {
      return sample.xs.map((x) => x.slice(0, 3).map(formatValue).join(', '));
    },
  };
}
