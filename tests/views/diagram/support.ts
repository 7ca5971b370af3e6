// Shared set-up of the diagram tests: a fresh scene per test and an independent forward
// pass (one-hot text built here, model built straight from the engine).
import { createModel, forward, initParams, type ModelSpec, type Trace } from '../../../src/engine';
import { useScene } from '../../../src/store';
import type { PaneSettings } from '../../../src/scene';

/** Resets the scene store to its initial state (one LSTM pane, "hello world", step 1). */
export function resetScene(): void {
  useScene.setState(useScene.getInitialState(), true);
}

/** One-hot rows of a text over its own sorted alphabet, as the app's text input defines them. */
export function oneHot(text: string): number[][] {
  const chars = Array.from(text);
  const alphabet = [...new Set(chars)].sort();
  return chars.map((ch) => alphabet.map((a) => (a === ch ? 1 : 0)));
}

/** The trace of pane A's settings on a text, computed without the store. */
export function traceOf(pane: PaneSettings, text: string): Trace {
  const xs = oneHot(text);
  const spec: ModelSpec = {
    cell: pane.cell,
    inputSize: xs[0]?.length ?? 1,
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
  return forward(createModel(spec, params), xs);
}

/** Pane A as the store holds it now. */
export function paneA(): PaneSettings {
  const pane = useScene.getState().panes.find((p) => p.id === 'A');
  if (!pane) throw new Error('no pane A');
  return pane;
}

/** Value of trace quantity `name` of `layer` at step t (1-based), unit j. */
export function valueAt(trace: Trace, layer: number, name: string, t: number, j: number): number {
  const v = trace.layers[layer]?.gates[name]?.[t - 1]?.[j];
  if (v === undefined) throw new Error(`no ${name} at layer ${layer}, step ${t}, unit ${j}`);
  return v;
}
