import { beforeEach, describe, expect, it } from 'vitest';
import { createModel, forward, initParams } from '../../src/engine';
import { createSceneStore, derivedStats, paneRunOf, type SceneStore } from '../../src/store';
import { sequenceLength } from '../../src/scene';

let store: SceneStore;
beforeEach(() => {
  store = createSceneStore();
});

const runOf = (s: SceneStore, index = 0) => {
  const state = s.getState();
  return paneRunOf(state.panes[index]!, state.input);
};

describe('default scene', () => {
  it('is an LSTM of hidden size 8 on a short text, at step 1', () => {
    const s = store.getState();
    expect(s.panes).toHaveLength(1);
    expect(s.panes[0]).toMatchObject({ cell: 'lstm', hiddenSize: 8, numLayers: 1 });
    expect(s.input.kind).toBe('text');
    expect(sequenceLength(s.input)).toBeGreaterThan(3);
    expect(s.t).toBe(1);
  });

  it('runs the real engine: the trace equals a direct forward pass', () => {
    const run = runOf(store);
    if (!run.ok) throw new Error(run.error);
    const pane = store.getState().panes[0]!;
    const spec = {
      cell: pane.cell,
      inputSize: run.sequence.inputSize,
      hiddenSize: 8,
      numLayers: 1,
    };
    const direct = forward(
      createModel(spec, initParams(spec, { seed: pane.seed })),
      run.sequence.xs,
    );
    expect(Array.from(run.trace.outputs.at(-1)!)).toEqual(Array.from(direct.outputs.at(-1)!));
  });
});

describe('memoized traces', () => {
  it('stepping never recomputes a trace', () => {
    const first = runOf(store);
    const before = derivedStats.traces;
    for (let k = 0; k < 5; k++) store.getState().stepBy(1);
    store.getState().setStep(1);
    expect(runOf(store)).toBe(first);
    expect(derivedStats.traces).toBe(before);
  });

  it('changing one pane recomputes only that pane', () => {
    store.setState((s) => ({ panes: [...s.panes, { ...s.panes[0]!, id: 'B', cell: 'gru' }] }));
    const a = runOf(store, 0);
    const b = runOf(store, 1);
    expect(store.getState().updatePane('B', { hiddenSize: 12 })).toBeNull();
    expect(runOf(store, 0)).toBe(a);
    expect(runOf(store, 1)).not.toBe(b);
  });

  it('changing the input recomputes every pane', () => {
    const a = runOf(store);
    expect(store.getState().setInputText('abcabc')).toBeNull();
    const next = runOf(store);
    expect(next).not.toBe(a);
    expect(next.sequence.tokens).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
    expect(next.sequence.inputSize).toBe(3);
  });
});

describe('playback', () => {
  it('steps inside 1..T and stops playing at the end', () => {
    const T = sequenceLength(store.getState().input);
    store.getState().stepBy(-1);
    expect(store.getState().t).toBe(1);
    store.getState().togglePlay();
    expect(store.getState().playing).toBe(true);
    for (let k = 0; k < T + 3; k++) store.getState().stepBy(1);
    expect(store.getState().t).toBe(T);
    expect(store.getState().playing).toBe(false);
  });

  it('play from the last step starts again at step 1; restart goes to step 1', () => {
    const T = sequenceLength(store.getState().input);
    store.getState().setStep(T);
    store.getState().togglePlay();
    expect(store.getState().t).toBe(1);
    store.getState().setStep(4);
    store.getState().restart();
    expect(store.getState().t).toBe(1);
  });

  it('a shorter input pulls the cursor back inside the sequence', () => {
    store.getState().setStep(9);
    store.getState().setInputText('abc');
    expect(store.getState().t).toBe(3);
  });
});

describe('refused settings keep the previous valid model', () => {
  it.each([
    [{ hiddenSize: 0 }, /Hidden size.*1.*64/],
    [{ hiddenSize: 65 }, /Hidden size.*1.*64/],
    [{ hiddenSize: 2.5 }, /whole number/],
    [{ numLayers: 4 }, /Layers.*1.*3/],
    [{ weightScale: Number.NaN }, /Weight scale must be a number/],
    [{ weightScale: 11 }, /Weight scale/],
    [{ seed: -1 }, /Seed/],
  ])('%o is refused', (patch, message) => {
    const before = runOf(store);
    expect(store.getState().updatePane('A', patch)).toMatch(message);
    expect(runOf(store)).toBe(before);
  });

  it('sequence length above 2000 and empty text are refused', () => {
    store.getState().setInputKind('sine');
    expect(store.getState().setSequenceLength(2001)).toMatch(/1 to 2000/);
    expect(store.getState().setSequenceLength(2000)).toBeNull();
    store.getState().setInputKind('text');
    expect(store.getState().setInputText('')).toMatch(/at least one character/);
    expect(store.getState().input.text).toBe('hello world');
  });
});

describe('numeric inputs', () => {
  it('are deterministic and have the documented shapes', () => {
    store.getState().setInputKind('noise');
    store.getState().setSequenceLength(50);
    const a = runOf(store).sequence.xs;
    const b = createSceneStore();
    b.getState().setInputKind('noise');
    b.getState().setSequenceLength(50);
    expect(runOf(b).sequence.xs).toEqual(a);
    expect(a.every((row) => row.length === 1 && row[0]! >= -1 && row[0]! < 1)).toBe(true);
    store.getState().setInputKind('impulse');
    const impulse = runOf(store).sequence.xs.map((r) => r[0]);
    expect(impulse[0]).toBe(1);
    expect(impulse.slice(1).every((v) => v === 0)).toBe(true);
  });

  it('a relu RNN that overflows gives a clear error instead of a trace', () => {
    store.getState().setInputKind('step');
    store.getState().setSequenceLength(2000);
    store
      .getState()
      .updatePane('A', { cell: 'rnn', nonlinearity: 'relu', weightScale: 10, hiddenSize: 64 });
    const run = runOf(store);
    expect(run.ok).toBe(false);
    if (!run.ok) expect(run.error).toMatch(/overflow/);
  });
});
