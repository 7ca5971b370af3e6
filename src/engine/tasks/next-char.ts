/**
 * Next-character prediction on a short poem (see ./corpus): the text application. Inputs and
 * targets are one-hot over the corpus alphabet.
 */
import { EngineInputError } from '../errors';
import type { Random } from '../random';
import { argmax, oneHot, randomInt, resolveParams, type ParamTable } from './common';
import { CORPUS } from './corpus';
import { MAX_STEPS } from '../spec';
import type { Sample, Task } from './types';

/** The parameters of 'next-char'. */
export type NextCharParams = {
  /** Sequence length T (window length). */
  length: number;
};

/** Bounds and defaults of 'next-char'. */
export const NEXT_CHAR_PARAMS: ParamTable<NextCharParams> = {
  length: { min: 5, max: 200, default: 40, integer: true, label: 'sequence length T' },
};

/** The distinct characters of `CORPUS`, sorted by code unit; index k is one-hot unit k. */
export const CORPUS_ALPHABET: readonly string[] = Object.freeze([...new Set(CORPUS)].sort());

const INDEX = new Map(CORPUS_ALPHABET.map((ch, k) => [ch, k]));

/** How a character is shown in labels and tokens: the space as '␣', others as they are. */
function show(ch: string): string {
  return ch === ' ' ? '␣' : ch;
}

const LABELS: readonly string[] = Object.freeze(CORPUS_ALPHABET.map(show));

/** The corpus as alphabet indices. */
const CODES: readonly number[] = [...CORPUS].map((ch) => INDEX.get(ch) ?? 0);

/**
 * [text.length][CORPUS_ALPHABET.length] the one-hot rows of `text`, to run a trained model
 * on any string. No normalisation happens here (see `normalizeText`); throws an
 * {@link EngineInputError} naming the first character (and its position) that is not in
 * the alphabet, and for a text of more than MAX_STEPS characters.
 */
export function encodeText(text: string): number[][] {
  if (typeof text !== 'string') {
    throw new EngineInputError(
      `encodeText: expected a string, got ${text === null ? 'null' : typeof text}.`,
    );
  }
  const chars = [...text];
  if (chars.length > MAX_STEPS) {
    throw new EngineInputError(
      `encodeText: the text has ${chars.length} characters, one step each; the engine's limit is ${MAX_STEPS} steps (MAX_STEPS).`,
    );
  }
  return chars.map((ch, t) => {
    const k = INDEX.get(ch);
    if (k === undefined) {
      throw new EngineInputError(
        `encodeText: character ${JSON.stringify(ch)} at position ${t} is not in the corpus ` +
          `alphabet ${JSON.stringify(CORPUS_ALPHABET.join(''))}`,
      );
    }
    return oneHot(k, CORPUS_ALPHABET.length);
  });
}

/**
 * The accuracy of always answering the best single character, for windows of length T:
 * each target position counts once per window that scores it, which is the corpus
 * frequency of the most common character (the space) up to edge effects.
 */
function chanceFor(T: number): number {
  const N = CORPUS.length;
  const windows = N - T;
  const weight = new Map<string, number>();
  for (let q = 1; q < N; q++) {
    const covering = Math.min(windows - 1, q - 1) - Math.max(0, q - T) + 1;
    const ch = CORPUS.charAt(q);
    if (covering > 0) weight.set(ch, (weight.get(ch) ?? 0) + covering);
  }
  return Math.max(...weight.values()) / (windows * T);
}

/**
 * The 'next-char' task. A sample is a window of T characters of `CORPUS` starting at a
 * uniform position (one draw); xs[t] is one-hot of character t, and every step is scored
 * with target one-hot of character t + 1. Cross-entropy loss. inputLabels = outputLabels =
 * the alphabet with the space shown as '␣'; tokens likewise. Chance: see `chanceFor`, about
 * 0.19 (the space).
 */
export function nextChar(params?: Partial<NextCharParams>): Task {
  const p = resolveParams('next-char', NEXT_CHAR_PARAMS, params);
  const T = p.length;
  const size = CORPUS_ALPHABET.length;
  return {
    name: 'next-char',
    title: 'Predict the next character',
    params: p,
    inputSize: size,
    outputSize: size,
    loss: 'crossEntropy',
    inputLabels: LABELS,
    outputLabels: LABELS,
    chance: chanceFor(T),
    sample(rng: Random): Sample {
      const start = randomInt(rng, CORPUS.length - T);
      const xs: number[][] = [];
      const steps: number[] = [];
      const targets: number[][] = [];
      for (let t = 0; t < T; t++) {
        xs.push(oneHot(CODES[start + t] ?? 0, size));
        steps.push(t);
        targets.push(oneHot(CODES[start + t + 1] ?? 0, size));
      }
      return { xs, steps, targets };
    },
    tokens(sample: Sample): string[] {
      return sample.xs.map((x) => LABELS[argmax(x)] ?? '?');
    },
  };
}
