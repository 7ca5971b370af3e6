/**
 * The input sequence an input setting describes: its length, its steps for the engine and
 * their labels. Pure and deterministic.
 */
import { makeTask, Random, TASK_PARAMS, type Sample, type Task } from '../engine';
import { parseNumbers, type ParsedNumbers } from './numbers';
import type { InputSettings } from './types';

/** An input sequence ready for the engine, with its labels. */
export interface Sequence {
  /** [T][I] engine input. */
  readonly xs: number[][];
  /** [T] label of each step: the character (space shown as ␣), or the value. */
  readonly tokens: string[];
  /** Features per step, I: the alphabet size for text, the columns of pasted numbers, else 1. */
  readonly inputSize: number;
  /**
   * For text: the sorted alphabet, one feature each; for pasted numbers: the header's names
   * (else x1 … xI, or x for one column); for numeric inputs: ['x'].
   */
  readonly features: string[];
  /** For task inputs: the task and the sample drawn, with its scored steps and targets. */
  readonly task?: { readonly task: Task; readonly sample: Sample };
}

/** Steps per period of the sine and square waves. */
export const WAVE_PERIOD = 16;

/** The label a character gets on the time axis. */
export function tokenLabel(ch: string): string {
  if (ch === ' ') return '␣';
  if (ch === '\n') return '↵';
  if (ch === '\t') return '⇥';
  return ch;
}

/**
 * Builds the sequence an input setting describes. Text becomes one-hot vectors over its
 * own sorted alphabet (split by code point, so emoji stay whole). Numeric kinds are one
 * feature per step; 'noise' is uniform in [−1, 1) from its seed. Deterministic.
 */
export function buildSequence(input: InputSettings): Sequence {
  if (input.kind === 'text') {
    const chars = Array.from(input.text);
    const features = [...new Set(chars)].sort();
    const index = new Map(features.map((ch, k) => [ch, k]));
    const xs = chars.map((ch) => {
      const row = new Array<number>(features.length).fill(0);
      row[index.get(ch) as number] = 1;
      return row;
    });
    return { xs, tokens: chars.map(tokenLabel), inputSize: Math.max(1, features.length), features };
  }
  if (input.kind === 'task') return taskSequence(input);
  if (input.kind === 'numbers') return numbersSequence(parsedNumbers(input.numbers));
  const T = input.length;
  const values = new Array<number>(T);
  const rng = new Random(input.seed >>> 0);
  for (let t = 0; t < T; t++) values[t] = numericValue(input.kind, t, T, rng);
  return {
    xs: values.map((v) => [v]),
    tokens: values.map((v) => formatValue(v)),
    inputSize: 1,
    features: ['x'],
  };
}

/** x_t of a numeric input, t = 0..T−1. */
function numericValue(kind: InputSettings['kind'], t: number, T: number, rng: Random): number {
  switch (kind) {
    case 'sine':
      return Math.sin((2 * Math.PI * t) / WAVE_PERIOD);
    case 'square':
      return t % WAVE_PERIOD < WAVE_PERIOD / 2 ? 1 : -1;
    case 'step':
      return t >= Math.floor(T / 4) ? 1 : 0;
    case 'impulse':
      return t === 0 ? 1 : 0;
    case 'noise':
      return rng.uniform(-1, 1);
    case 'text':
    case 'task':
    case 'numbers':
      return 0;
  }
}

function formatValue(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return v.toFixed(2);
}

/** The sequence lengths a task accepts, for the Sequence length control. */
export function taskLengthRange(input: Pick<InputSettings, 'task'>): { min: number; max: number } {
  const { min, max } = TASK_PARAMS[input.task].length;
  return { min, max };
}

/** Steps T of an input, without building it. */
export function sequenceLength(input: InputSettings): number {
  if (input.kind === 'text') return Array.from(input.text).length;
  if (input.kind === 'task') return clampTaskLength(input);
  if (input.kind === 'numbers') return parsedNumbers(input.numbers).rows.length;
  return input.length;
}

/** The input's length brought into the range its task accepts (a link may carry any). */
export function clampTaskLength(input: Pick<InputSettings, 'task' | 'length'>): number {
  const { min, max } = taskLengthRange(input);
  return Math.min(max, Math.max(min, input.length));
}

/**
 * One sample of the input's task, T = `length` (brought into the task's range: a link may
 * carry any length), drawn from `seed`: the same task, length and seed give the same
 * sequence the trained models were scored on.
 */
function taskSequence(input: InputSettings): Sequence {
  const length = clampTaskLength(input);
  const task = makeTask(input.task, { length });
  const sample = task.sample(new Random(input.seed >>> 0));
  return {
    xs: sample.xs,
    tokens: task.tokens(sample),
    inputSize: task.inputSize,
    features: [...task.inputLabels],
    task: { task, sample },
  };
}

/** The last numbers parsed, by their text: stepping asks for T many times, and parses none. */
let lastParsed: { text: string; parsed: ParsedNumbers } | null = null;

/**
 * The rows of pasted numbers. The store and the link reader only let in text that parses;
 * text that does not (never from the page) reads as one step of one zero rather than throw
 * in the middle of a render.
 */
function parsedNumbers(text: string): ParsedNumbers {
  if (lastParsed?.text === text) return lastParsed.parsed;
  let parsed: ParsedNumbers;
  try {
    parsed = parseNumbers(text);
  } catch {
    parsed = { rows: [[0]] };
  }
  lastParsed = { text, parsed };
  return parsed;
}

/** Columns shown in a step's label; a wider row shows its first ones and "…". */
const LABEL_COLUMNS = 4;

/** A pasted value as a label: at most 4 significant digits, in its shortest form. */
function numberLabel(v: number): string {
  return String(Number(v.toPrecision(4)));
}

/** A pasted row as a step's label: "0.5, -1, 2", its first 3 values and "…" when wider than 4. */
export function rowLabel(row: readonly number[]): string {
  const shown = row.length > LABEL_COLUMNS ? row.slice(0, LABEL_COLUMNS - 1) : row;
  const label = shown.map(numberLabel).join(', ');
  return row.length > shown.length ? `${label}, …` : label;
}

/**
 * Pasted numbers as a sequence: T = rows, I = columns; each step labelled by its values
 * ("0.5, -1, 2"), so the diagram's x_t reads as the row pasted.
 */
function numbersSequence({ rows, header }: ParsedNumbers): Sequence {
  const I = rows[0]?.length ?? 1;
  const features = header ?? (I === 1 ? ['x'] : Array.from({ length: I }, (_, k) => `x${k + 1}`));
  return { xs: rows.map((row) => [...row]), tokens: rows.map(rowLabel), inputSize: I, features };
}
