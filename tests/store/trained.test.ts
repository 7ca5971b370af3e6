import { beforeEach, describe, expect, it } from 'vitest';
import {
  createModel,
  forward,
  headToStateDict,
  initHead,
  initParams,
  makeTask,
  Random,
} from '../../src/engine';
import { MODEL_FORMAT, type ModelFile } from '../../src/io/modelFile';
import {
  createSceneStore,
  loadTrainedModel,
  paneRunOf,
  setJsonFetcher,
  startTrainedModelSync,
  type SceneStore,
  type TrainedChoice,
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
const head = initHead(2, 3, 7);

/** A small model file as `npm run train-models` writes one (untrained weights). */
const FILE: ModelFile = {
  format: MODEL_FORMAT,
  id: ID,
  title: 'LSTM remembering the first input, T = 5',
  spec: { ...SPEC },
  params: { ...initParams(SPEC, { seed: 3 }), ...headToStateDict(head) },
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
const CHOICE: TrainedChoice = {
  id: ID,
  cell: 'lstm',
  hiddenSize: 3,
  numLayers: 1,
  task: 'remember-first',
  length: 5,
};

let store: SceneStore;
let requested: string[];

beforeEach(() => {
  requested = [];
  setJsonFetcher(async (url) => {
    requested.push(url);
    if (url.endsWith(`models/${ID}.json`)) return structuredClone(FILE);
    throw new Error('the server answered 404');
  });
  store = createSceneStore();
  startTrainedModelSync(store);
});

const paneA = () => store.getState().panes[0]!;
const runA = () => paneRunOf(paneA(), store.getState().input);

describe('a pane running a shipped trained model', () => {
  it('switches the input to a sample of its task, says it is loading, then runs the file', async () => {
    store.getState().setTrained('A', CHOICE);
    expect(store.getState().input).toMatchObject({
      kind: 'task',
      task: 'remember-first',
      length: 5,
    });
    expect(paneA()).toMatchObject({ trained: ID, cell: 'lstm', hiddenSize: 3 });
    const loading = runA();
    expect(loading).toMatchObject({ ok: false, loading: true });
    const before = paneA();
    await loadTrainedModel(ID);
    expect(paneA()).not.toBe(before); // replaced, so every view recomputes
    const run = runA();
    if (!run.ok) throw new Error(run.error);
    expect(run.trained?.file.id).toBe(ID);
    // The file once (and the list of models, fetched alongside for Compare).
    expect(requested.filter((url) => !url.endsWith('/models/index.json'))).toEqual([
      `/models/${ID}.json`,
    ]);

    // The run is the file's model on the task's sample, and the read-out is W h + b.
    const sample = makeTask('remember-first', { length: 5 }).sample(new Random(0));
    const expected = forward(createModel(SPEC, initParams(SPEC, { seed: 3 })), sample.xs);
    for (let t = 0; t < 5; t++) {
      const h = expected.outputs[t]!;
      for (let o = 0; o < 2; o++) {
        let y = head.bias[o]!;
        for (let j = 0; j < 3; j++) y += head.weight[o * 3 + j]! * h[j]!;
        expect(run.readout!.y[t]![o]).toBeCloseTo(y, 12);
      }
      const p = run.readout!.probabilities![t]!;
      expect(p[0]! + p[1]!).toBeCloseTo(1, 12);
      expect(p[1]! > p[0]!).toBe(run.readout!.y[t]![1]! > run.readout!.y[t]![0]!);
    }
    // Scored at the last step only, against the sign of the first input.
    expect(run.readout!.targets.slice(0, 4)).toEqual([null, null, null, null]);
    const wanted = sample.xs[0]![0]! > 0 ? 1 : 0;
    expect(run.readout!.targets[4]).toEqual(wanted === 1 ? [0, 1] : [1, 0]);
    const answered = run.readout!.y[4]![1]! > run.readout!.y[4]![0]! ? 1 : 0;
    expect(run.readout!.correct[4]).toBe(answered === wanted);
  });

  it('runs a file that arrived before the sync started (the single file reads its models at once)', async () => {
    const early = createSceneStore();
    early.getState().setTrained('A', CHOICE);
    const pane = () => early.getState().panes[0]!;
    expect(paneRunOf(pane(), early.getState().input)).toMatchObject({ loading: true });
    await loadTrainedModel(ID); // settled while nothing listened
    const before = pane();
    startTrainedModelSync(early);
    expect(pane()).not.toBe(before);
    expect(paneRunOf(pane(), early.getState().input)).toMatchObject({ ok: true });
    // Caught up once: a pane whose run is memoized is left alone.
    const after = pane();
    startTrainedModelSync(early);
    expect(pane()).toBe(after);
  });

  it('goes back to drawn weights when a setting of the model changes', async () => {
    store.getState().setTrained('A', CHOICE);
    await loadTrainedModel(ID);
    expect(store.getState().updatePane('A', { hiddenSize: 4 })).toBeNull();
    expect(paneA().trained).toBe('');
    const run = runA();
    expect(run.ok && run.trained).toBe(null);
  });

  it('explains, without a trace, an input the model cannot read', async () => {
    store.getState().setTrained('A', CHOICE);
    await loadTrainedModel(ID);
    store.getState().setInputKind('text');
    const run = runA();
    expect(run.ok).toBe(false);
    expect(!run.ok && run.error).toMatch(/choose Input: “Task sample”, “Remember the first input”/);
    // The way out is offered with the message: run this input on random weights.
    expect(!run.ok && run.fixes).toEqual([{ kind: 'random-weights' }]);
  });

  it('says which model could not be loaded, and why', async () => {
    store.getState().setTrained('A', { ...CHOICE, id: 'parity-20-gru' });
    await loadTrainedModel('parity-20-gru');
    const run = runA();
    expect(!run.ok && run.error).toBe(
      'Could not load the trained model “parity-20-gru”: the server answered 404',
    );
  });
});
