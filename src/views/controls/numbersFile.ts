/**
 * The user's numbers from a file (chosen with "Open data file" or dropped on the page) or
 * pasted, and what the last attempt said. Page state, not scene state: the message is
 * never in the link; the numbers that were accepted are (the store's `setInputNumbers`).
 */
import { create } from 'zustand';
import { useScene } from '../../store';
import { LIMITS } from '../../scene';

/** Why the last numbers were refused, and the file they came from when one did; null when fine. */
export interface NumbersProblem {
  readonly message: string;
  /** The file's name, for a file opened or dropped; absent for pasted text. */
  readonly file?: string;
}

/** The last refusal of the user's numbers (page state, one for the page). */
export const useNumbersProblem = create<{ problem: NumbersProblem | null }>(() => ({
  problem: null,
}));

/** Forgets the last refusal (the input changed another way). */
export function clearNumbersProblem(): void {
  useNumbersProblem.setState({ problem: null });
}

/** File names read as numbers rather than as a model: CSV, TSV and plain text. */
export function isDataFile(name: string): boolean {
  return /\.(csv|tsv|txt)$/i.test(name);
}

/**
 * Makes `text` the input's numbers; on refusal keeps the previous numbers and records the
 * message (prefixed with `file`'s name when given). Returns true when they were accepted.
 */
export function commitNumbers(text: string, file?: string): boolean {
  const error = useScene.getState().setInputNumbers(text);
  useNumbersProblem.setState({
    problem: error
      ? { message: file ? `${file}: ${error}` : error, ...(file ? { file } : {}) }
      : null,
  });
  return error === null;
}

/**
 * Reads a data file into the input's numbers. A file far over the size limit (more bytes
 * than four per allowed character) is refused unread; the rest is parsed and refused, or
 * used, as pasted text is.
 */
export async function loadNumbersFile(file: File): Promise<boolean> {
  const { max } = LIMITS.numbersLength;
  if (file.size > 4 * max) {
    useNumbersProblem.setState({
      problem: {
        message: `${file.name}: the file holds ${file.size} bytes; at most ${max} characters of numbers fit. Kept the previous numbers.`,
        file: file.name,
      },
    });
    return false;
  }
  return commitNumbers(await file.text(), file.name);
}
