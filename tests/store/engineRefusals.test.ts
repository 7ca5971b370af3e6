/**
 * An engine refusal reached through the page's own data is named, never shown as a number:
 * a trained model whose read-out head overflows float64 (weights of 1e308) used to show
 * "NaN%"; the engine now refuses the read-out, the read-out panel says why, and the cell,
 * which ran, keeps its trace for the diagram and the gradients.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { initParams } from '../../src/engine';
import type { ModelFile } from '../../src/io/modelFile';
import { SPEC, validFile } from '../io/modelFixtures';
import { loadTrainedModel, type SceneStore } from '../../src/store';
import { chooseFixtureForA, FIXTURE_ID, runOfA, storeServing } from './trainedSupport';

/**
 * An LSTM whose input, candidate and output gates are pinned open (biases of +50, gate
 * blocks i f g o), so every h_t = o · tanh(c_t) is at least tanh(1) ≈ 0.76 > 0; with every
 * head weight 1e308, y = Σ_j 1e308 · h_j ≥ 2.2e308 overflows to +Infinity at every step.
 */
function overflowingFile(): ModelFile {
  const file = validFile();
  const params = initParams(SPEC, { seed: 3, weightScale: 0.01 });
  const bias = (params.bias_ih_l0 as number[]).map((b, k) => (k >= 3 && k < 6 ? b : b + 50));
  file.params = {
    ...params,
    bias_ih_l0: bias,
    'head.weight': [
      [1e308, 1e308, 1e308],
      [1e308, 1e308, 1e308],
    ],
    'head.bias': [0, 0],
  };
  return file;
}

let store: SceneStore;

beforeEach(() => {
  store = storeServing(async () => overflowingFile());
});

describe('an engine refusal in a pane', () => {
  it('a read-out that overflows float64 is named in the read-out, not "NaN%"; the cell still shows', async () => {
    chooseFixtureForA(store);
    await loadTrainedModel(FIXTURE_ID);
    const run = runOfA(store);
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    // The recurrent cell is sound: its trace is there for the diagram and gradients.
    expect(run.trace.T).toBeGreaterThan(0);
    expect(run.readout?.problem).toMatch(
      /^The read-out cannot be shown: the head \("head.weight", "head.bias"\) turns h into values beyond float64/,
    );
    expect(run.readout?.probabilities ?? null).toBeNull();
  });
});
