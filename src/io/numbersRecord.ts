/**
 * The task record of a model trained on the user's own numbers: the table itself (column
 * names, rows, target columns), the window length and warm-up, and the standardisation the
 * model reads its inputs through, so that the file alone rebuilds the task. Read from
 * untrusted JSON: every field is checked, sizes are held to the page's number limits, and
 * the recorded standardisation must be the one the rows give.
 */
import { MAX_COLUMN_NAME, numbersTask, type NumbersTask, type NumbersTable } from '../engine';
import { DEFAULT_NUMBER_LIMITS } from '../scene/numbers';
import { LIMITS } from '../scene/limits';
import { describeValue, ModelFileError, type Json } from './jsonChecks';

/** The fields of a 'numbers' task record, in the order a file writes them. */
const FIELDS = ['name', 'length', 'warmup', 'columns', 'targets', 'mean', 'std', 'rows'] as const;

/** The record of a numbers task, as a model file writes it (plain arrays, copies). */
export function numbersRecord(task: NumbersTask) {
  const { columns, targets, mean, std, rows } = task.data;
  return {
    name: 'numbers' as const,
    length: task.params.length!,
    warmup: task.params.warmup!,
    columns: [...columns],
    targets: [...targets],
    mean: [...mean],
    std: [...std],
    rows: rows.map((row) => [...row]),
  };
}

const isNumberArray = (v: unknown, size: number): v is number[] =>
  Array.isArray(v) && v.length === size && v.every((x) => typeof x === 'number');

/**
 * The numbers task a record describes, or a ModelFileError naming the field: an unknown or
 * missing field, more columns, rows or values than the page takes from a paste, a column
 * name that is not a short text, a row of the wrong width, a target that is not a column,
 * a standardisation other than the rows' own, or anything the task itself refuses.
 */
export function readNumbersTask(record: Json, where: string): NumbersTask {
  const fail = (message: string): never => {
    throw new ModelFileError(where, `task: ${message}`);
  };
  for (const key of Object.keys(record)) {
    if (!(FIELDS as readonly string[]).includes(key)) {
      fail(`unknown field "${key}" (a "numbers" task has ${FIELDS.join(', ')}).`);
    }
  }
  const { columns, targets, rows, mean, std, length, warmup } = record;
  for (const [key, value] of Object.entries({ length, warmup })) {
    if (typeof value !== 'number') fail(`"${key}" is ${describeValue(value)}; expected a number.`);
  }
  const { steps, features } = DEFAULT_NUMBER_LIMITS;
  if (!Array.isArray(columns) || columns.length < 2 || columns.length > features) {
    fail(`"columns" is ${describeValue(columns)}; expected the names of 2 to ${features} columns.`);
  }
  const names = columns as unknown[];
  const bad = names.findIndex((c) => typeof c !== 'string' || c.length > MAX_COLUMN_NAME);
  if (bad >= 0) {
    fail(
      `columns[${bad}] is ${describeValue(names[bad])}; expected a text of at most ${MAX_COLUMN_NAME} characters.`,
    );
  }
  const C = names.length;
  if (!Array.isArray(rows) || rows.length === 0 || rows.length > steps) {
    fail(`"rows" is ${describeValue(rows)}; expected 1 to ${steps} rows of numbers.`);
  }
  const table = rows as unknown[];
  const cells = table.length * C;
  if (cells > LIMITS.numbersLength.max) {
    fail(
      `"rows" holds ${cells} numbers, more than the ${LIMITS.numbersLength.max} a paste can hold.`,
    );
  }
  const wrong = table.findIndex((row) => !isNumberArray(row, C));
  if (wrong >= 0) {
    fail(
      `rows[${wrong}] is ${describeValue(table[wrong])}; expected ${C} numbers, one per column.`,
    );
  }
  if (!Array.isArray(targets) || !targets.every((k) => typeof k === 'number')) {
    fail(`"targets" is ${describeValue(targets)}; expected the target columns' numbers (from 0).`);
  }
  if (!isNumberArray(mean, C) || !isNumberArray(std, C)) {
    fail(`"mean" and "std" must each hold ${C} numbers, one per column.`);
  }
  let task: NumbersTask;
  try {
    const given: NumbersTable = {
      columns: names as string[],
      rows: table as number[][],
      targets: targets as number[],
    };
    task = numbersTask(given, { length: length as number, warmup: warmup as number });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  for (const [field, recorded, computed] of [
    ['mean', mean as number[], task.data.mean],
    ['std', std as number[], task.data.std],
  ] as const) {
    computed.forEach((value, c) => {
      const got = recorded[c]!;
      if (!(Math.abs(got - value) <= 1e-9 * Math.max(1, Math.abs(value)))) {
        fail(
          `"${field}" of column “${task.data.columns[c]}” is ${describeValue(got)}, but the training rows give ${value}; the standardisation must be the rows' own.`,
        );
      }
    });
  }
  return task;
}
