/**
 * An engine refusal reached through the page's own data shows as the pane's message, never
 * as a number: a trained model whose read-out head overflows float64 (weights of 1e308)
 * used to show "NaN%"; the engine now refuses the read-out and the pane says why.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { initParams } from '../../src/engine';
import { MODEL_FORMAT, type ModelFile } from '../../src/io/modelFile';
import {
  createSceneStore,
  loadTrainedModel,
  paneRunOf,
  setJsonFetcher,
  startTrainedModelSync,
  type SceneStore,
} from '../../src/store';

const ID = 'remember-first-5-lstm';
const SPEC = {
  cell: 'lstm',
  inputSize: 1,
  hiddenSize: 3,
  numLayers: 1,
  nonlinearity: 'tanh',
  convention: 'pytorch',
} as const;

/**
 * An LSTM whose input, candidate and output gates are pinned open (biases of +50, gate
 * blocks i f g o), so every h_t = o · tanh(c_t) is at least tanh(1) ≈ 0.76 > 0; with every
 * head weight 1e308, y = Σ_j 1e308 · h_j ≥ 2.2e308 overflows to +Infinity at every step.
 */
function overflowingFile(): ModelFile {
  const params = initParams(SPEC, { seed: 3, weightScale: 0.01 });
  const bias = (params.bias_ih_l0 as number[]).map((b, k) => (k >= 3 && k < 6 ? b : b + 50));
  return {
    format: MODEL_FORMAT,
    id: ID,
    title: 'LSTM remembering the first input, T = 5',
    spec: { ...SPEC },
    params: {
      ...params,
      bias_ih_l0: bias,
      'head.weight': [
        [1e308, 1e308, 1e308],
        [1e308, 1e308, 1e308],
      ],
      'head.bias': [0, 0],
    },
    task: { name: 'remember-first', length: 5, noise: 1 },
    metrics: { accuracy: 0.5, loss: 0.7, chance: 0.5, samples: 100, seed: 9 },
    curve: [0.7],
    training: {
      seed: 1,
      epochs: 1,
      batchesPerEpoch: 1,
      batchSize: 1,
      learningRate: 0.01,
      clipNorm: 1,
      init: { scheme: 'pytorch', weightScale: 1, forgetBias: 0, updateBias: 0 },
    },
  };
}

let store: SceneStore;

beforeEach(() => {
  setJsonFetcher(async (url) => {
    if (url.endsWith(`models/${ID}.json`)) return overflowingFile();
    throw new Error('the server answered 404');
  });
  store = createSceneStore();
  startTrainedModelSync(store);
});

describe('an engine refusal in a pane', () => {
  it('a read-out that overflows float64 is named in the read-out, not "NaN%"; the cell still shows', async () => {
    store.getState().setTrained('A', {
      id: ID,
      cell: 'lstm',
      hiddenSize: 3,
      numLayers: 1,
      task: 'remember-first',
      length: 5,
    });
    await loadTrainedModel(ID);
    const run = paneRunOf(store.getState().panes[0]!, store.getState().input);
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
