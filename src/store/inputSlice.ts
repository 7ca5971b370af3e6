import type { StateCreator } from 'zustand';
import { checkRange, LIMITS } from './limits';
import type { SceneState } from './scene';
import type { InputKind, InputSettings } from './types';

/** The input sequence every pane reads, and the actions that change it. */
export interface InputSlice {
  input: InputSettings;
  /** Switches the kind of input; the text and length are kept for switching back. */
  setInputKind: (kind: InputKind) => void;
  /** Sets the text; returns a message and keeps the old text if it is empty or too long. */
  setInputText: (text: string) => string | null;
  /** Sets T for numeric inputs; returns a message and keeps T when out of 1–2000. */
  setSequenceLength: (length: number) => string | null;
}

/** The default input: a short text, so steps read as characters. */
export const DEFAULT_INPUT: InputSettings = {
  kind: 'text',
  text: 'hello world',
  length: 60,
  seed: 0,
};

/** Steps T of an input, without building it. */
export function sequenceLength(input: InputSettings): number {
  return input.kind === 'text' ? Array.from(input.text).length : input.length;
}

/** The state change of a new input: the time cursor stays inside 1..T. */
function withInput(s: SceneState, input: InputSettings): Partial<SceneState> {
  const T = sequenceLength(input);
  return { input, t: Math.min(Math.max(1, s.t), T) };
}

/** Creates the input slice. */
export const createInputSlice: StateCreator<SceneState, [], [], InputSlice> = (set) => ({
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
    const error = checkRange('Sequence length', length, LIMITS.sequenceLength, true);
    if (error) return error;
    set((s) => withInput(s, { ...s.input, length }));
    return null;
  },
});
