/**
 * What an imported model reads and answers: the scene's input adapted to the model (text
 * through its vocabulary and embedding, or its own number of features), and its head's
 * read-out. Never a silent guess: an input the model cannot read is refused with the
 * reason and a way out.
 */
import { Random, type Trace } from '../engine';
import { tokenLabel, type InputSettings, type Sequence } from '../scene';
import type { RunFix } from './derived';
import type { ImportedEntry } from './importedModels';
import { headReadout, type Readout } from './readout';
import { DataInputError } from '../scene/dataErrors';
import { encodeTokens } from '../io/data/vocabulary';

/** An input the model cannot read: why, and what one click can do about it. */
export interface RefusedInput {
  readonly error: string;
  readonly fixes: readonly RunFix[];
}

/**
 * The sequence model `entry` reads for the scene's input: the input itself when it has the
 * model's features; text as token ids through the file's vocabulary (embedding rows, or
 * one-hot vectors over the vocabulary); the noise input drawn with the model's number of
 * features. Reversed for a Keras `go_backwards` layer, which reads the last step first.
 */
export function importedSequence(
  entry: ImportedEntry,
  sequence: Sequence,
  input: InputSettings,
): Sequence | RefusedInput {
  const adapted = adapt(entry, sequence, input);
  if ('error' in adapted || !entry.imported.goBackwards) return adapted;
  return { ...adapted, xs: [...adapted.xs].reverse(), tokens: [...adapted.tokens].reverse() };
}

function adapt(
  entry: ImportedEntry,
  sequence: Sequence,
  input: InputSettings,
): Sequence | RefusedInput {
  const { imported } = entry;
  const I = entry.model.spec.inputSize;
  const vocabulary = imported.vocabulary;
  const name = `“${imported.name}” (${entry.fileName})`;
  if (imported.embedding) {
    const V = imported.embedding.length;
    if (input.kind !== 'text') {
      return {
        error: `${name} reads tokens through an embedding of ${V} rows: type text to run it.`,
        fixes: [{ kind: 'input-kind', input: 'text', label: 'Type text' }],
      };
    }
    if (!vocabulary) {
      return {
        error: `${name} reads tokens through an embedding of ${V} rows, but its file has no vocabulary to turn text into token ids: give it one under Vocabulary (characters, tokens one per line, or the JSON list or dict you saved).`,
        fixes: [],
      };
    }
    const ids = tokenIds(input.text, vocabulary);
    if ('error' in ids) return { error: `${name}: ${ids.error}`, fixes: [] };
    const rows = ids.ids.map((id) => imported.embedding![id]!);
    return {
      xs: rows,
      tokens: ids.tokens.map(tokenLabel),
      inputSize: I,
      features: featureNames(I),
    };
  }
  if (input.kind === 'text' && vocabulary && vocabulary.length === I) {
    const ids = tokenIds(input.text, vocabulary);
    if ('error' in ids) return { error: `${name}: ${ids.error}`, fixes: [] };
    const xs = ids.ids.map((id) => {
      const row = new Array<number>(I).fill(0);
      row[id] = 1;
      return row;
    });
    return {
      xs,
      tokens: ids.tokens.map(tokenLabel),
      inputSize: I,
      features: vocabulary.map(tokenLabel),
    };
  }
  if (sequence.inputSize === I && input.kind !== 'text') return sequence;
  if (input.kind === 'noise') return noise(input, I);
  if (input.kind === 'numbers') {
    return {
      error: `${name} reads ${features(I)} per step; your numbers have ${columns(sequence.inputSize)}. Paste numbers with ${columns(I)}, or draw noise of that width.`,
      fixes: [{ kind: 'input-kind', input: 'noise', label: `Use noise with ${I} features` }],
    };
  }
  const what = input.kind === 'text' ? 'this text (one-hot over its own characters)' : 'this input';
  return {
    error: `${name} reads ${I} feature${I === 1 ? '' : 's'} per step; ${what} has ${sequence.inputSize}. Choose Input: Noise to draw ${I} features per step.`,
    fixes: [{ kind: 'input-kind', input: 'noise', label: `Use noise with ${I} features` }],
  };
}

const features = (n: number) => `${n} feature${n === 1 ? '' : 's'}`;
const columns = (n: number) => `${n} column${n === 1 ? '' : 's'}`;

/** `x1 … xI`: the feature names of a model's input. */
function featureNames(I: number): string[] {
  return Array.from({ length: I }, (_, k) => `x${k + 1}`);
}

/** The noise input with I features per step, uniform in [−1, 1), from the input's seed. */
function noise(input: InputSettings, I: number): Sequence {
  const rng = new Random(input.seed >>> 0);
  const xs = Array.from({ length: input.length }, () =>
    Array.from({ length: I }, () => rng.uniform(-1, 1)),
  );
  return { xs, tokens: xs.map((_, t) => `t${t + 1}`), inputSize: I, features: featureNames(I) };
}

/**
 * Text as ids of `vocabulary`: by character when every entry is one character, else by
 * whitespace-separated word. Names the unknown tokens and their steps.
 */
export function tokenIds(
  text: string,
  vocabulary: readonly string[],
): { ids: number[]; tokens: string[] } | { error: string } {
  const mode = vocabulary.every((token) => Array.from(token).length === 1) ? 'chars' : 'words';
  try {
    const ids = encodeTokens(text, vocabulary, mode);
    return { ids, tokens: ids.map((id) => vocabulary[id]!) };
  } catch (error) {
    if (!(error instanceof DataInputError)) throw error;
    return { error: error.message };
  }
}

/**
 * The imported head's read-out at every step: probabilities (softmax of y) when it has
 * several outputs, labelled by the vocabulary when there is one per output; the value
 * when it has one.
 */
export function importedReadout(entry: ImportedEntry, trace: Trace): Readout {
  const head = entry.head!;
  const vocabulary = entry.imported.vocabulary;
  const outputLabels =
    head.O === 1
      ? ['y']
      : vocabulary && vocabulary.length === head.O
        ? vocabulary.map(tokenLabel)
        : Array.from({ length: head.O }, (_, k) => `class ${k + 1}`);
  const source = `from ${entry.fileName}`;
  return headReadout(head, trace.outputs, {
    plain: { source, outputLabels },
    classify: head.O > 1,
  });
}
