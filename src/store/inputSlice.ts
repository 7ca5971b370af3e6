import type { StateCreator } from 'zustand';
import type { TaskName } from '../engine';
import {
  checkRange,
  clampTaskLength,
  DataInputError,
  DEFAULT_INPUT,
  LIMITS,
  parseNumbers,
  sequenceLength,
  taskLengthRange,
  type InputKind,
  type InputSettings,
} from '../scene';
import type { SceneState } from './scene';

/** The input sequence every pane reads, and the actions that change it. */
export interface InputSlice {
  input: InputSettings;
  /** Switches the kind of input; the text and length are kept for switching back. */
  setInputKind: (kind: InputKind) => void;
  /** Sets the text; returns a message and keeps the old text if it is empty or too long. */
  setInputText: (text: string) => string | null;
  /** Sets T for numeric inputs; returns a message and keeps T when out of 1–2000. */
  setSequenceLength: (length: number) => string | null;
  /** Sets the seed of the noise input and of the task sample; a message when out of range. */
  setInputSeed: (seed: number) => string | null;
  /** Switches to a sample of `task`; the length is brought into the task's range. */
  setInputTask: (task: TaskName) => void;
  /**
   * Switches to the user's numbers (rows = steps, columns = features; see `parseNumbers`).
   * Text that does not parse, or is longer than `LIMITS.numbersLength`, is refused: the
   * message names the row and column, and the input stays as it was.
   */
  setInputNumbers: (text: string) => string | null;
}

/** The state change of a new input: the time cursor stays inside 1..T. */
function withInput(s: SceneState, input: InputSettings): Partial<SceneState> {
  const T = sequenceLength(input);
  return { input, t: Math.min(Math.max(1, s.t), T) };
}

/** Creates the input slice. */
export const createInputSlice: StateCreator<SceneState, [], [], InputSlice> = (set, get) => ({
  input: DEFAULT_INPUT,
  setInputKind: (kind) => set((s) => withInput(s, { ...s.input, kind })),
  setInputText: (text) => {
    const n = Array.from(text).length;
    if (n < LIMITS.textLength.min) return 'Type at least one character; kept the previous text.';
    if (n > LIMITS.textLength.max) {
      return `The text has ${n} characters; at most ${LIMITS.textLength.max} fit. Kept the previous text.`;
    }
    set((s) => withInput(s, { ...s.input, text }));
    return null;
  },
  setSequenceLength: (length) => {
    const { input } = get();
    const range = input.kind === 'task' ? taskLengthRange(input) : LIMITS.sequenceLength;
    const error = checkRange('Sequence length', length, range, true);
    if (error) return error;
    set((s) => withInput(s, { ...s.input, length }));
    return null;
  },
  setInputSeed: (seed) => {
    const error = checkRange('Seed', seed, LIMITS.seed, true);
    if (error) return error;
    set((s) => withInput(s, { ...s.input, seed }));
    return null;
  },
  setInputTask: (task) =>
    set((s) => {
      const length = clampTaskLength({ task, length: s.input.length });
      return withInput(s, { ...s.input, kind: 'task', task, length });
    }),
  setInputNumbers: (text) => {
    const error = numbersError(text);
    if (error) return error;
    set((s) => withInput(s, { ...s.input, kind: 'numbers', numbers: text }));
    return null;
  },
});

/** Why `text` cannot be the input's numbers (ending "Kept the previous numbers."), or null. */
function numbersError(text: string): string | null {
  const kept = 'Kept the previous numbers.';
  const { max } = LIMITS.numbersLength;
  if (text.length > max) {
    return `The numbers are ${text.length} characters long; at most ${max} fit. ${kept}`;
  }
  try {
    parseNumbers(text);
    return null;
  } catch (error) {
    if (!(error instanceof DataInputError)) throw error;
    return `${error.message} ${kept}`;
  }
}
