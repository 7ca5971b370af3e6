/**
 * A model imported from the user's file, run in a pane: the input adapted to what the
 * model reads (never a silent guess), its head's read-out, and its place among the pane's
 * weight sources.
 */
import { describe, expect, it } from 'vitest';
import {
  createModel,
  forward,
  initHead,
  initParams,
  headToStateDict,
  type ModelSpec,
} from '../../src/engine';
import type { ImportedModel } from '../../src/io/import/types';
import {
  createSceneStore,
  importFiles,
  paneRunOf,
  registerImported,
  setImportedVocabulary,
  startImportedModelSync,
  type ImportedEntry,
  type PaneRun,
} from '../../src/store';
import { choiceOf } from '../../src/views/imports/importStatus';
import {
  forgetProductOf,
  jacobianNormsOf,
  layerOf,
  saliencyOf,
  type OkPaneRun,
} from '../../src/store/gradients';

const VOCAB = ['a', 'b', 'c', ' '];

/** An LSTM E=3 → H=4 behind an embedding of the 4-token vocabulary, with a 4-way head. */
function embeddedModel(name: string, extra: Partial<ImportedModel> = {}): ImportedModel {
  const spec: ModelSpec = { cell: 'lstm', inputSize: 3, hiddenSize: 4, numLayers: 1 };
  const head = headToStateDict(initHead(4, 4, 5));
  return {
    name,
    spec,
    params: initParams(spec, { seed: 11 }),
    embedding: VOCAB.map((_, v) => [v * 0.5 - 0.7, 0.3 - v * 0.2, v % 2 ? 0.9 : -0.4]),
    head: { weight: head['head.weight'] as number[][], bias: head['head.bias'] as number[] },
    vocabulary: VOCAB,
    assumed: [],
    format: 'test',
    notes: [],
    ...extra,
  };
}

/** A store synced with the registry, pane A running `entry` as the Weights select would. */
function storeRunning(entry: ImportedEntry) {
  const store = createSceneStore();
  startImportedModelSync(store);
  store.getState().setImported('A', choiceOf(entry, store.getState().input));
  return store;
}

/** Pane A's run, once the imported-model runtime has loaded (it is not on the first paint). */
async function runOfA(store: ReturnType<typeof createSceneStore>): Promise<PaneRun> {
  for (let k = 0; k < 50; k++) {
    const s = store.getState();
    const run = paneRunOf(s.panes[0]!, s.input);
    if (run.ok || !run.loading) return run;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the imported run never settled');
}

describe('an imported model in a pane', () => {
  it('reads typed text through its vocabulary and embedding, and reads out every step', async () => {
    const [entry] = await registerImported('m.pt', [embeddedModel('lstm')]);
    const store = storeRunning(entry!);
    store.getState().setInputText('abc ba');
    const run = await runOfA(store);
    if (!run.ok) throw new Error(run.error);
    // The embedding rows of the token ids, fed to the model as the file defines it.
    const ids = [0, 1, 2, 3, 1, 0];
    const expected = forward(
      entry!.model,
      ids.map((id) => entry!.imported.embedding![id]!),
    );
    expect(run.trace.outputs.map((r) => Array.from(r))).toEqual(
      expected.outputs.map((r) => Array.from(r)),
    );
    expect(run.sequence.tokens).toEqual(['a', 'b', 'c', '␣', 'b', 'a']);
    // Four outputs, one per vocabulary token: probabilities that sum to 1, labelled by token.
    expect(run.readout?.outputLabels).toEqual(['a', 'b', 'c', '␣']);
    const p = run.readout!.probabilities![5]!;
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(run.readout?.scored).toBe(false);
  });

  it('names every token its vocabulary lacks, with its step, and runs nothing', async () => {
    const [entry] = await registerImported('m.pt', [embeddedModel('lstm-2')]);
    const store = storeRunning(entry!);
    store.getState().setInputText('abxcz');
    const run = await runOfA(store);
    expect(run.ok).toBe(false);
    if (run.ok) return;
    expect(run.error).toContain("'x' (step 3)");
    expect(run.error).toContain("'z' (step 5)");
  });

  it('asks for a vocabulary when the file has none, and runs once it is given', async () => {
    const [entry] = await registerImported('novocab.pt', [
      embeddedModel('lstm-3', { vocabulary: undefined }),
    ]);
    const store = storeRunning(entry!);
    store.getState().setInputText('cab');
    const before = await runOfA(store);
    expect(before.ok).toBe(false);
    if (!before.ok) expect(before.error).toContain('Vocabulary');
    setImportedVocabulary(entry!.id, VOCAB);
    const after = await runOfA(store);
    expect(after.ok).toBe(true);
  });

  it('draws noise with the model’s own number of features, and refuses a 1-feature wave with a way out', async () => {
    const spec: ModelSpec = { cell: 'gru', inputSize: 5, hiddenSize: 3, numLayers: 2 };
    const model: ImportedModel = {
      name: 'gru',
      spec,
      params: initParams(spec, { seed: 2 }),
      assumed: [],
      format: 'test',
      notes: [],
    };
    const [entry] = await registerImported('g.onnx', [model]);
    const store = storeRunning(entry!);
    expect(store.getState().input.kind).toBe('noise');
    const run = await runOfA(store);
    if (!run.ok) throw new Error(run.error);
    expect(run.sequence.inputSize).toBe(5);
    expect(run.trace.layers).toHaveLength(2);
    store.getState().setInputKind('sine');
    const refused = await runOfA(store);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error).toContain('reads 5 features per step; this input has 1');
      expect(refused.fixes).toContainEqual(
        expect.objectContaining({ kind: 'input-kind', input: 'noise' }),
      );
    }
  });

  it('feeds a go_backwards layer the sequence last step first', async () => {
    const spec: ModelSpec = { cell: 'rnn', inputSize: 1, hiddenSize: 2, numLayers: 1 };
    const params = initParams(spec, { seed: 4 });
    const [entry] = await registerImported('k.h5', [
      { name: 'rnn', spec, params, goBackwards: true, assumed: [], format: 'test', notes: [] },
    ]);
    const store = storeRunning(entry!);
    store.getState().setInputKind('step');
    store.getState().setSequenceLength(8);
    const run = await runOfA(store);
    if (!run.ok) throw new Error(run.error);
    const xs = run.sequence.xs.map((r) => r[0]);
    expect(xs).toEqual([1, 1, 1, 1, 1, 1, 0, 0]); // the step input (0 0 1 1 1 1 1 1) reversed
    const direct = forward(createModel(spec, params), run.sequence.xs);
    expect(run.trace.hT[0]).toEqual(direct.hT[0]);
  });

  it('is one source among three: choosing it clears a trained model, and a size change leaves it', async () => {
    const [entry] = await registerImported('m.pt', [embeddedModel('lstm-4')]);
    const store = createSceneStore();
    store.getState().setTrained('A', {
      id: 'remember-first-50-lstm',
      cell: 'lstm',
      hiddenSize: 8,
      numLayers: 1,
      task: 'remember-first',
      length: 50,
    });
    store.getState().setImported('A', choiceOf(entry!, store.getState().input));
    expect(store.getState().panes[0]).toMatchObject({ trained: '', imported: entry!.id });
    store.getState().updatePane('A', { hiddenSize: 12 });
    expect(store.getState().panes[0]).toMatchObject({ imported: '', hiddenSize: 12 });
  });

  it('a link naming a model this browser lacks says which and offers random weights', async () => {
    const store = createSceneStore();
    store.setState((s) => ({ panes: [{ ...s.panes[0]!, imported: 'imp-0000000' }] }));
    const run = await runOfA(store);
    expect(run.ok).toBe(false);
    if (run.ok) return;
    expect(run.error).toContain('this browser does not have');
    expect(run.fixes).toContainEqual({ kind: 'random-weights' });
  });

  it('without a background worker, a file is refused by name (the parsers never run on the page)', async () => {
    await expect(importFiles([{ name: 'm.pt', bytes: new Uint8Array([1, 2, 3]) }])).rejects.toThrow(
      /^m\.pt: model files are read in the background worker/,
    );
  });

  it('a bidirectional model: saliency of a backward unit at the last step reads only the last input', async () => {
    const spec: ModelSpec = {
      cell: 'gru',
      inputSize: 2,
      hiddenSize: 3,
      numLayers: 1,
      bidirectional: true,
    };
    const model: ImportedModel = {
      name: 'bigru',
      spec,
      params: initParams(spec, { seed: 8 }),
      assumed: [],
      format: 'test',
      notes: [],
    };
    const [entry] = await registerImported('bi.pt', [model]);
    const store = storeRunning(entry!);
    store.getState().setSequenceLength(6);
    const run = (await runOfA(store)) as OkPaneRun;
    expect(run.ok).toBe(true);
    // Outputs are [forward h | backward h]: unit 3 is the backward direction's first unit.
    // At the last step the backward direction has read only x_{T−1}: no earlier input moves it.
    const backwardUnit = saliencyOf(run, 3);
    expect(backwardUnit.slice(0, 5).every((g) => g === 0)).toBe(true);
    expect(backwardUnit[5]).toBeGreaterThan(0);
    // The forward direction's last state reads every input.
    expect(saliencyOf(run, 0)[0]).toBeGreaterThan(0);
    // Two trace layers (→ and ←) can be chosen.
    expect(layerOf(run, 1)).toBe(1);
    expect(layerOf(run, 5)).toBe(1);
  });

  it('a backward direction plots by distance like a forward one: its mirror image runs forward on the reversed input', () => {
    const spec: ModelSpec = { cell: 'lstm', inputSize: 2, hiddenSize: 3, numLayers: 1 };
    const one = initParams(spec, { seed: 21 });
    // Both directions share one set of weights: the backward direction on xs is the forward
    // direction on xs reversed, step for step.
    const mirrored = Object.fromEntries(
      Object.entries(one).flatMap(([name, value]) => [
        [name, value],
        [`${name}_reverse`, value],
      ]),
    );
    const bi = createModel({ ...spec, bidirectional: true }, mirrored);
    const xs = Array.from({ length: 7 }, (_, t) => [Math.sin(t), Math.cos(2 * t)]);
    const runOf = (model: typeof bi, input: number[][]) =>
      ({ ok: true, model, trace: forward(model, input) }) as unknown as OkPaneRun;
    const onXs = runOf(bi, xs);
    const onReversed = runOf(bi, [...xs].reverse());
    const close = (a: readonly number[], b: readonly number[]) =>
      a.forEach((v, k) => expect(v).toBeCloseTo(b[k]!, 12));
    close(jacobianNormsOf(onXs, 1), jacobianNormsOf(onReversed, 0));
    close(forgetProductOf(onXs, 1, 2)!, forgetProductOf(onReversed, 0, 2)!);
  });
});
