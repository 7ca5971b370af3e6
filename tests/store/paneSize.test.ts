import { beforeEach, describe, expect, it } from 'vitest';
import {
  CORPUS_ALPHABET,
  headToStateDict,
  initHead,
  initParams,
  type CellType,
} from '../../src/engine';
import { MODEL_FORMAT, type ModelFile } from '../../src/io/modelFile';
import {
  createSceneStore,
  loadModelIndex,
  loadTrainedModel,
  multiplyAddsPerStep,
  paneParameterCount,
  paneRunOf,
  paneSizeOf,
  setJsonFetcher,
  startTrainedModelSync,
  textInAlphabet,
  type SceneStore,
} from '../../src/store';

/** A shipped-model file of `cell` with H units on remember-first, T = 5 (untrained weights). */
function fileOf(cell: CellType, H: number, task = 'remember-first', inputSize = 1): ModelFile {
  const spec = { cell, inputSize, hiddenSize: H, numLayers: 1 } as const;
  const outputs = task === 'next-char' ? inputSize : 2;
  return {
    format: MODEL_FORMAT,
    id: `${task}-5-${cell}`,
    title: `${cell.toUpperCase()} on ${task}, T = 5`,
    spec: { ...spec, nonlinearity: 'tanh', convention: 'pytorch' },
    params: { ...initParams(spec, { seed: 3 }), ...headToStateDict(initHead(outputs, H, 7)) },
    task:
      task === 'next-char'
        ? { name: 'next-char', length: 5 }
        : { name: 'remember-first', length: 5, noise: 1 },
    metrics: { accuracy: 0.75, loss: 0.5, chance: 0.5, samples: 100, seed: 9 },
    curve: [0.7],
    training: {
      seed: 1,
      epochs: 1,
      batchesPerEpoch: 1,
      batchSize: 1,
      learningRate: 0.01,
      clipNorm: 1,
      init: { scheme: 'orthogonal', weightScale: 1, forgetBias: 3, updateBias: 0 },
    },
  } as ModelFile;
}

const FILES = [
  fileOf('lstm', 3),
  fileOf('gru', 4),
  fileOf('lstm', 5, 'next-char', CORPUS_ALPHABET.length),
];
const INDEX = FILES.map((f) => ({
  id: f.id,
  title: f.title,
  task: f.task.name,
  length: 5,
  cell: f.spec.cell,
  hiddenSize: f.spec.hiddenSize,
  numLayers: 1,
  accuracy: 0.75,
  chance: 0.5,
}));

let store: SceneStore;
beforeEach(async () => {
  setJsonFetcher(async (url) => {
    if (url.endsWith('models/index.json')) return structuredClone(INDEX);
    const file = FILES.find((f) => url.endsWith(`models/${f.id}.json`));
    if (file) return structuredClone(file);
    throw new Error('the server answered 404');
  });
  store = createSceneStore();
  startTrainedModelSync(store);
  await loadModelIndex();
});

async function trainA(id = 'remember-first-5-lstm') {
  const entry = INDEX.find((e) => e.id === id)!;
  store.getState().setTrained('A', entry);
  await loadTrainedModel(id);
}

const state = () => store.getState();
const pane = (k: number) => state().panes[k]!;

describe('one size per pane', () => {
  it('counts a trained pane by its file, also on an input it cannot read', async () => {
    await trainA();
    // LSTM, H = 3, one input feature: 4·3·1 + 4·3·3 + 2·4·3 = 72.
    expect(paneParameterCount(pane(0), state().input)).toBe(72);
    state().setInputKind('text'); // "hello world": 8 distinct characters
    expect(paneRunOf(pane(0), state().input).ok).toBe(false);
    expect(paneParameterCount(pane(0), state().input)).toBe(72);
    // Once on random weights it reads the text's 8 features: 4·3·8 + 36 + 24 = 156.
    state().setTrained('A', null);
    expect(paneParameterCount(pane(0), state().input)).toBe(156);
  });

  it('Compare beside a trained pane runs the trained model of the same task', async () => {
    await trainA();
    state().setCompare(true);
    expect(pane(1)).toMatchObject({
      id: 'B',
      cell: 'gru',
      trained: 'remember-first-5-gru',
      hiddenSize: 4,
    });
    await loadTrainedModel('remember-first-5-gru');
    const run = paneRunOf(pane(1), state().input);
    expect(run.ok && run.trained?.file.id).toBe('remember-first-5-gru');
    // No RNN was shipped for this task: a third pane gets drawn weights.
    state().addPane();
    expect(pane(2)).toMatchObject({ cell: 'rnn', trained: '' });
  });

  it('Match parameter count leaves no pane with two sizes', async () => {
    await trainA();
    state().setCompare(true);
    await loadTrainedModel('remember-first-5-gru');
    const sizes = state().matchParameterCount();
    // Target 72; GRU with one input: 3H(1 + H) + 6H = 3H² + 9H; H = 3 gives 54, H = 4 gives 84.
    expect(sizes).toEqual({ B: 4 });
    expect(pane(1).trained).toBe('remember-first-5-gru'); // already closest: keeps its file
    state().updatePane('A', { hiddenSize: 6 });
    // A: random LSTM, H = 6: 4·6·1 + 4·6·6 + 48 = 216. GRU: H = 7 gives 210, H = 8 gives 264.
    expect(paneParameterCount(pane(0), state().input)).toBe(216);
    expect(state().matchParameterCount()).toEqual({ B: 7 });
    expect(pane(1)).toMatchObject({ hiddenSize: 7, trained: '' });
    const run = paneRunOf(pane(1), state().input);
    expect(run.ok && run.model.spec.hiddenSize).toBe(7);
    expect(paneSizeOf(pane(1), state().input).hiddenSize).toBe(7);
    expect(paneParameterCount(pane(1), state().input)).toBe(210);
  });
});

describe('typed text for a next-character model', () => {
  it('runs the model on the text, one-hot over its own alphabet', async () => {
    await trainA('next-char-5-lstm');
    state().setInputKind('text');
    state().setInputText('hi');
    const run = paneRunOf(pane(0), state().input);
    if (!run.ok) throw new Error(run.error);
    expect(run.trace.T).toBe(2);
    const h = CORPUS_ALPHABET.indexOf('h');
    expect(run.sequence.xs[0]!.indexOf(1)).toBe(h);
    expect(run.sequence.xs[0]!.reduce((a, b) => a + b)).toBe(1);
    expect(run.readout?.y[0]).toHaveLength(CORPUS_ALPHABET.length);
  });

  it('names the characters it has never seen and offers to rewrite the text', async () => {
    await trainA('next-char-5-lstm');
    state().setInputKind('text');
    state().setInputText('Hi 7!');
    const run = paneRunOf(pane(0), state().input);
    expect(run.ok).toBe(false);
    if (run.ok) return;
    expect(run.error).toContain('“H”');
    expect(run.error).toContain('“7”');
    expect(run.error).not.toContain('“!”'); // the rhymes have exclamation marks
    expect(run.fixes).toContainEqual({ kind: 'rewrite-text', text: 'hi !' });
    expect(run.fixes).toContainEqual({ kind: 'random-weights' });
    expect(state().input.text).toBe('Hi 7!'); // the user's text is untouched
    expect(textInAlphabet('hi ')).not.toBeTypeOf('string');
  });
});

describe('multiply-adds per step', () => {
  it('counts G·H·(in + H) per layer', () => {
    expect(multiplyAddsPerStep({ cell: 'lstm', inputSize: 1, hiddenSize: 8, numLayers: 1 })).toBe(
      288,
    );
    expect(multiplyAddsPerStep({ cell: 'gru', inputSize: 1, hiddenSize: 8, numLayers: 1 })).toBe(
      216,
    );
    // Two RNN layers: 8·(3 + 8) + 8·(8 + 8) = 88 + 128.
    expect(multiplyAddsPerStep({ cell: 'rnn', inputSize: 3, hiddenSize: 8, numLayers: 2 })).toBe(
      216,
    );
  });
});
