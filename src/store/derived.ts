import {
  CORPUS_ALPHABET,
  initModel,
  encodeText,
  forward,
  isNumbersTask,
  traceFromPayload,
  type Intervention,
  type Model,
  type Trace,
} from '../engine';
import { backgroundTrace, runsInBackground } from './backgroundTraces';
import type { LoadedModel } from '../io/modelFile';
import type { RefusedInput } from './importedRun';
import { numbersModelSequence, type NumbersFix } from './numbersRun';
import { headReadout, type Readout } from './readout';
import { trainedModelStatus } from './trainedModels';
import {
  importedModelStatus,
  modelWith,
  type ImportedEntry,
  type ImportedRuntime,
} from './importedModels';
import {
  buildSequence,
  tokenLabel,
  type InputSettings,
  type PaneSettings,
  type Sequence,
} from '../scene';

/** A pane's model run on the scene's input: the trace, or why there is none. */
export type PaneRun =
  | {
      readonly ok: true;
      readonly model: Model;
      readonly trace: Trace;
      readonly sequence: Sequence;
      /** The trained model the pane runs, or null for drawn weights. */
      readonly trained: LoadedModel | null;
      /** The imported model the pane runs, or null (see {@link ImportedEntry}). */
      readonly imported?: ImportedEntry | null;
      /** A trained model's read-out at every step, or null for drawn weights. */
      readonly readout: Readout | null;
    }
  | {
      readonly ok: false;
      readonly error: string;
      readonly sequence: Sequence;
      /**
       * True while a trained model is still being fetched, or a large scene's trace is
       * computed in the worker (the message says which).
       */
      readonly loading?: boolean;
      /** What one click can do about it, offered where the message shows (see {@link RunFix}). */
      readonly fixes?: readonly RunFix[];
    };

/**
 * A way out of a failed run, one click each: run the pane on random weights instead of
 * its trained file, rewrite the input text into the trained model's alphabet, load a
 * trained model again after a network failure or a timeout, remove the pane's
 * interventions (the engine refused one: it no longer fits the input), or paste the
 * numbers a model was trained on.
 */
export type RunFix =
  | { readonly kind: 'random-weights' }
  | { readonly kind: 'input-kind'; readonly input: InputSettings['kind']; readonly label: string }
  | { readonly kind: 'rewrite-text'; readonly text: string }
  | { readonly kind: 'retry'; readonly id: string }
  | { readonly kind: 'clear-interventions' }
  | NumbersFix;

/** How many times each derived value was computed: benchmarks and tests read it. */
export const derivedStats = { sequences: 0, models: 0, traces: 0 };

const sequences = new WeakMap<InputSettings, Sequence>();
/** Models by their settings (not by pane object: a refreshed pane keeps its model). */
const models = new Map<string, Model>();
/** Models kept: a few panes' worth, with room for a slider's last few values. */
export const KEPT_MODELS = 12;
const runs = new WeakMap<PaneSettings, { input: InputSettings; run: PaneRun }>();

/** The input's sequence, built once per input object. */
export function sequenceOf(input: InputSettings): Sequence {
  let sequence = sequences.get(input);
  if (!sequence) {
    sequence = buildSequence(input);
    sequences.set(input, sequence);
    derivedStats.sequences++;
  }
  return sequence;
}

/**
 * The pane's model for an input size, built once per (pane object, input size), with
 * weights drawn from its seed, init and scale. (A trained pane's model comes from its
 * file: see {@link paneRunOf}.)
 */
export function modelOf(pane: PaneSettings, inputSize: number): Model {
  const { cell, hiddenSize, numLayers, nonlinearity, convention } = pane;
  const { seed, init, weightScale, forgetBias } = pane;
  const key = JSON.stringify([cell, hiddenSize, numLayers, nonlinearity, convention, inputSize]);
  const fullKey = `${key}${JSON.stringify([seed, init, weightScale, forgetBias])}`;
  const cached = models.get(fullKey);
  if (cached) return cached;
  const spec = {
    cell: pane.cell,
    inputSize,
    hiddenSize: pane.hiddenSize,
    numLayers: pane.numLayers,
    nonlinearity: pane.nonlinearity,
    convention: pane.convention,
  };
  const model = initModel(spec, {
    seed: pane.seed,
    scheme: pane.init,
    weightScale: pane.weightScale,
    forgetBias: pane.forgetBias,
  });
  models.set(fullKey, model);
  if (models.size > KEPT_MODELS) models.delete(models.keys().next().value as string);
  derivedStats.models++;
  return model;
}

/**
 * The pane's run on the input, computed once per (pane object, input object): the store
 * replaces a pane's object only when its settings change (or when its trained model
 * finishes loading), so stepping through time and changing another pane never recompute it.
 */
export function paneRunOf(pane: PaneSettings, input: InputSettings): PaneRun {
  const cached = runs.get(pane);
  if (cached && cached.input === input) return cached.run;
  const sequence = sequenceOf(input);
  let run: PaneRun;
  if (pane.imported) {
    const status = importedModelStatus(pane.imported);
    if (status.state === 'loading') {
      return { ok: false, loading: true, error: 'Loading the imported model…', sequence };
    }
    run =
      status.state === 'missing'
        ? {
            ok: false,
            error: `This scene runs a model imported from a file${pane.importName ? ` (${pane.importName})` : ''} that this browser does not have, and the link does not carry its weights. Load that file with “Load model file”, or use random weights.`,
            sequence,
            fixes: [RANDOM],
          }
        : importedRun(status.entry, status.runtime, pane, sequence, input);
  } else if (pane.trained) {
    const status = trainedModelStatus(pane.trained);
    if (status.state === 'loading') {
      // Not cached: the pane object is replaced once the model is ready.
      return { ok: false, loading: true, error: 'Loading the trained model…', sequence };
    }
    run =
      status.state === 'error'
        ? {
            ok: false,
            error: status.message,
            sequence,
            fixes: status.retry ? [{ kind: 'retry', id: pane.trained }, RANDOM] : [RANDOM],
          }
        : trainedRun(status.loaded, sequence, input, pane.interventions);
  } else {
    try {
      const model = modelOf(pane, sequence.inputSize);
      const { numLayers: L } = model.spec;
      const trace = traceOrComputing(
        model,
        sequence,
        `Computing ${sequence.xs.length} steps × ${L} layer${L === 1 ? '' : 's'} in the background…`,
        pane.interventions,
      );
      // Not cached: the pane object is replaced once the trace arrives.
      if ('computing' in trace)
        return { ok: false, loading: true, error: trace.computing, sequence };
      run = { ok: true, model, trace, sequence, trained: null, readout: null };
    } catch (error) {
      run = { ok: false, error: messageOf(error), sequence, fixes: fixesOf(pane) };
    }
  }
  // Not cached while its trace computes: the pane object is replaced once it arrives.
  if (!run.ok && run.loading) return run;
  runs.set(pane, { input, run });
  return run;
}

/** True when the pane's run on this input is memoized (not loading or computing). */
export function hasMemoizedRun(pane: PaneSettings, input: InputSettings): boolean {
  return runs.get(pane)?.input === input;
}

/**
 * A trained model on the input: refused, with what to do, when the input does not fit it.
 * A next-character model reads typed text in its own alphabet (the engine's `encodeText`).
 */
function trainedRun(
  loaded: LoadedModel,
  sequence: Sequence,
  input: InputSettings,
  interventions: readonly Intervention[],
): PaneRun {
  const { model, task, file } = loaded;
  if (isNumbersTask(task)) {
    const own = numbersModelSequence(task, input, file.title);
    if ('error' in own)
      return { ok: false, error: own.error, sequence, fixes: [...own.fixes, RANDOM] };
    sequence = own;
  } else if (task.name === 'next-char' && input.kind === 'text') {
    const own = textInAlphabet(input.text);
    if (typeof own === 'string') {
      return { ok: false, error: own, sequence, fixes: [...textFixes(input.text), RANDOM] };
    }
    sequence = own;
  }
  const wanted = model.spec.inputSize;
  if (input.kind === 'numbers' && sequence.inputSize !== wanted) {
    const has = sequence.inputSize;
    return {
      ok: false,
      error: `The trained model “${file.title}” reads ${wanted} feature${wanted === 1 ? '' : 's'} per step; your numbers have ${has} column${has === 1 ? '' : 's'}. Paste numbers with ${wanted} column${wanted === 1 ? '' : 's'}, or use random weights to run these numbers.`,
      sequence,
      fixes: [RANDOM],
    };
  }
  if (sequence.inputSize !== wanted || (sequence.task && sequence.task.task.name !== task.name)) {
    return {
      ok: false,
      error: `The trained model “${file.title}” reads sequences of its task, “${task.title}” (${wanted} feature${wanted === 1 ? '' : 's'} per step), not this input. Use random weights to run this input, or choose Input: “Task sample”, “${task.title}” to run the trained model.`,
      sequence,
      fixes: [RANDOM],
    };
  }
  try {
    derivedStats.traces++;
    const trace = forward(model, sequence.xs, { interventions });
    return {
      ok: true,
      model,
      trace,
      sequence,
      trained: loaded,
      readout: readout(loaded, trace, sequence),
    };
  } catch (error) {
    // The engine refuses what it cannot compute (a state or read-out that overflows
    // float64) with an EngineInputError: shown in the pane, with the way out.
    const message = `The trained model “${file.title}” cannot be run on this input: ${messageOf(error)}`;
    return { ok: false, error: message, sequence, fixes: [...clearFix(interventions), RANDOM] };
  }
}

const RANDOM: RunFix = { kind: 'random-weights' };
const CLEAR: RunFix = { kind: 'clear-interventions' };

/** Removing the interventions, when there are some (the engine may have refused one). */
function clearFix(interventions: readonly Intervention[]): RunFix[] {
  return interventions.length > 0 ? [CLEAR] : [];
}

function fixesOf(pane: PaneSettings): RunFix[] | undefined {
  const fixes = clearFix(pane.interventions);
  return fixes.length > 0 ? fixes : undefined;
}

/**
 * The model's trace on the sequence: computed here, or by the worker for a large scene
 * (then `{ computing }`, the message to show, until it arrives). Throws when the worker
 * failed or the engine refuses the run.
 */
function traceOrComputing(
  model: Model,
  sequence: Sequence,
  computing: string,
  interventions: readonly Intervention[],
): Trace | { computing: string } {
  if (!runsInBackground(model, sequence)) {
    derivedStats.traces++;
    return forward(model, sequence.xs, { interventions });
  }
  const status = backgroundTrace(model, sequence, interventions);
  if (status.state === 'computing') return { computing };
  if (status.state === 'error') throw new Error(status.message);
  derivedStats.traces++;
  const trace = traceFromPayload(model, status.payload);
  return interventions.length > 0 ? { ...trace, interventions } : trace;
}

/**
 * An imported model on the input, adapted to what it reads (tokens through its embedding,
 * its own number of features): refused, with what to do, when the input cannot be.
 */
function importedRun(
  entry: ImportedEntry,
  { importedSequence, importedReadout }: ImportedRuntime,
  pane: PaneSettings,
  sequence: Sequence,
  input: InputSettings,
): PaneRun {
  const model = modelWith(entry, pane.nonlinearity);
  const adapted = adaptedOnce(entry, sequence, () => importedSequence(entry, sequence, input));
  if ('error' in adapted) {
    return { ok: false, error: adapted.error, sequence, fixes: [...adapted.fixes, RANDOM] };
  }
  try {
    const trace = traceOrComputing(
      model,
      adapted,
      `Computing ${adapted.xs.length} steps of ${entry.imported.name} in the background…`,
      pane.interventions,
    );
    if ('computing' in trace) return { ok: false, loading: true, error: trace.computing, sequence };
    const readout = entry.head ? importedReadout(entry, trace) : null;
    return { ok: true, model, trace, sequence: adapted, trained: null, imported: entry, readout };
  } catch (error) {
    const message = `The imported model “${entry.imported.name}” from ${entry.fileName} cannot be run on this input: ${messageOf(error)}`;
    return {
      ok: false,
      error: message,
      sequence,
      fixes: [...clearFix(pane.interventions), RANDOM],
    };
  }
}

/** The input as each imported model reads it, per scene sequence object and entry. */
const adaptedSequences = new WeakMap<Sequence, WeakMap<ImportedEntry, Sequence | RefusedInput>>();

/**
 * `adapt()` once per (sequence, entry): one object per input, so that a trace computed in
 * the worker (kept per sequence object) is found again when the pane asks next.
 */
function adaptedOnce(
  entry: ImportedEntry,
  sequence: Sequence,
  adapt: () => Sequence | RefusedInput,
): Sequence | RefusedInput {
  let byEntry = adaptedSequences.get(sequence);
  if (!byEntry) adaptedSequences.set(sequence, (byEntry = new WeakMap()));
  let adapted = byEntry.get(entry);
  if (!adapted) byEntry.set(entry, (adapted = adapt()));
  return adapted;
}

/** Shows a character in a message: the space and line breaks by name. */
function named(ch: string): string {
  if (ch === ' ') return 'the space';
  if (ch === '\n') return 'a line break';
  if (ch === '\t') return 'a tab';
  return `“${ch}”`;
}

/**
 * The typed text as the next-character models read it (one-hot over the rhymes' alphabet,
 * shown as in training), or a message naming every character they have never seen.
 */
export function textInAlphabet(text: string): Sequence | string {
  const known = new Set(CORPUS_ALPHABET);
  const unknown = [...new Set(Array.from(text).filter((ch) => !known.has(ch)))];
  if (unknown.length > 0) {
    const list = unknown.map(named).join(', ');
    const alphabet = CORPUS_ALPHABET.join('').replace(' ', '␣');
    return `The next-character model only knows the characters of the rhymes it learned (${alphabet}); this text also has ${list}. Rewrite the text into its alphabet, or use random weights.`;
  }
  const chars = Array.from(text);
  return {
    xs: encodeText(text),
    tokens: chars.map(tokenLabel),
    inputSize: CORPUS_ALPHABET.length,
    features: CORPUS_ALPHABET.map(tokenLabel),
  };
}

/** The text lower-cased, with the characters the rhymes never use left out (if any remain). */
function textFixes(text: string): RunFix[] {
  const known = new Set(CORPUS_ALPHABET);
  const kept = Array.from(text.toLowerCase())
    .filter((ch) => known.has(ch))
    .join('');
  return kept.length > 0 && kept !== text ? [{ kind: 'rewrite-text', text: kept }] : [];
}

/** The trained head's read-out at every step of the trace. */
function readout(loaded: LoadedModel, trace: Trace, sequence: Sequence): Readout {
  return headReadout(loaded.head, trace.outputs, {
    task: loaded.task,
    sample: sequence.task?.sample,
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
