import { createModel, forward, initParams, type Model, type Trace } from '../engine';
import { buildSequence, type Sequence } from './sequence';
import type { InputSettings, PaneSettings } from './types';

/** A pane's model run on the scene's input: the trace, or why there is none. */
export type PaneRun =
  | { readonly ok: true; readonly model: Model; readonly trace: Trace; readonly sequence: Sequence }
  | { readonly ok: false; readonly error: string; readonly sequence: Sequence };

/** How many times each derived value was computed: benchmarks and tests read it. */
export const derivedStats = { sequences: 0, models: 0, traces: 0 };

const sequences = new WeakMap<InputSettings, Sequence>();
const models = new WeakMap<PaneSettings, { inputSize: number; model: Model }>();
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

/** The pane's model for an input size, built once per (pane object, input size). */
export function modelOf(pane: PaneSettings, inputSize: number): Model {
  const cached = models.get(pane);
  if (cached && cached.inputSize === inputSize) return cached.model;
  const spec = {
    cell: pane.cell,
    inputSize,
    hiddenSize: pane.hiddenSize,
    numLayers: pane.numLayers,
    nonlinearity: pane.nonlinearity,
    convention: pane.convention,
  };
  const params = initParams(spec, {
    seed: pane.seed,
    scheme: pane.init,
    weightScale: pane.weightScale,
    forgetBias: pane.forgetBias,
  });
  const model = createModel(spec, params);
  models.set(pane, { inputSize, model });
  derivedStats.models++;
  return model;
}

/**
 * The pane's run on the input, computed once per (pane object, input object): the store
 * replaces a pane's object only when its settings change, so stepping through time and
 * changing another pane never recompute it.
 */
export function paneRunOf(pane: PaneSettings, input: InputSettings): PaneRun {
  const cached = runs.get(pane);
  if (cached && cached.input === input) return cached.run;
  const sequence = sequenceOf(input);
  let run: PaneRun;
  try {
    const model = modelOf(pane, sequence.inputSize);
    derivedStats.traces++;
    run = { ok: true, model, trace: forward(model, sequence.xs), sequence };
  } catch (error) {
    run = { ok: false, error: error instanceof Error ? error.message : String(error), sequence };
  }
  runs.set(pane, { input, run });
  return run;
}
